"""Gazetteer files are validated on load; errors name the file, the record and the field."""

import json

import pytest

from geoevents.errors import GazetteerError
from geoevents.pipeline import Pipeline
from geoevents.resources import read_records
from geoevents.resources.compiled import load_gazetteer

GOOD = {"id": "X-1", "name": "Example Front", "kind": "armed group", "country": "IDN",
        "sector": "REB", "aliases": ["Front Contoh"]}


def write(tmp_path, *records):
    p = tmp_path / "extra.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(("record", "field", "words"), [
    ({**GOOD, "alias": ["x"]}, "alias", "Extra inputs are not permitted"),
    ({**GOOD, "kind": "club"}, "kind", "Input should be"),
    ({**GOOD, "country": "Indonesia"}, "country", "pattern"),
    ({**GOOD, "kind": "person", "roles": [{"sector": "GOV", "valid_from": "2020-13-01"}]},
     "roles.0.valid_from", "date"),
])
def test_bad_record_names_file_record_and_field(tmp_path, record, field, words):
    p = write(tmp_path, GOOD, record)
    with pytest.raises(GazetteerError) as err:
        read_records([p])
    msg = str(err.value)
    assert str(p) in msg and "record 2" in msg and repr(field) in msg and words in msg
    assert isinstance(err.value, ValueError)


def test_duplicate_id(tmp_path):
    p = write(tmp_path, GOOD, {**GOOD, "aliases": ["Lain"]})
    with pytest.raises(GazetteerError, match=r"record 2, field 'id': duplicate id 'X-1'"):
        read_records([p])


def test_alias_clash(tmp_path):
    p = write(tmp_path, GOOD, {**GOOD, "id": "X-2", "aliases": ["front contoh"]})
    with pytest.raises(GazetteerError, match=r"record 2, field 'aliases'.*also claimed by 'X-1'"):
        read_records([p])


def test_invalid_json_line(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps(GOOD) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="record 2: invalid JSON"):
        read_records([p])


def test_user_file_adds_an_actor(tmp_path):
    p = write(tmp_path, GOOD)
    nlp = Pipeline(gazetteer=[p])
    doc = nlp.analyze("Front Contoh menyerang Filipina.", published="2024-02-01")
    names = {a.name for a in doc.actors}
    assert {"Example Front", "Philippines"} <= names
    load_gazetteer.cache_clear()


def test_user_file_overrides_an_entity(tmp_path):
    base = load_gazetteer().entities["RUS"]
    override = base.model_dump(exclude_defaults=True) | {"name": "Russian Federation"}
    p = write(tmp_path, override)
    nlp = Pipeline(gazetteer=[p])
    doc = nlp.analyze("Rusia mengecam Ukraina.", published="2024-02-01")
    assert "Russian Federation" in {a.name for a in doc.actors}


@pytest.mark.parametrize(("mention", "name"), [
    ("Sergei Lavrov", "Sergey Lavrov"),  # another transliteration
    ("Bashar Assad", "Bashar al-Assad"),  # a particle left out
    # two words inside a longer name, neither its first nor its last: another person
    ("Abdul Aziz", None),
])
def test_fuzzy_lookup_keeps_a_names_edges(mention, name):
    found = load_gazetteer().fuzzy(mention)
    assert (found.name if found is not None else None) == name
