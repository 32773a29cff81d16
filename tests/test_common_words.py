"""Capitalised names opened by a common word are no person (resources/id/common_words.yaml)."""

from __future__ import annotations

import pytest
import yaml

from geoevents.errors import RuleFileError
from geoevents.pipeline import Pipeline
from geoevents.resources import load_common_words

from .conftest import ROOT, load_script, shared_file


def test_committed_file_matches_fresh_build() -> None:
    corpora = shared_file("corpora")
    mod = load_script(ROOT / "scripts" / "common_words.py")
    data = mod.build(corpora, 0.6, 10, 3)
    committed = yaml.safe_load(
        (ROOT / "src" / "geoevents" / "resources" / "id" / "common_words.yaml").read_text())
    assert committed == data


def test_the_list_holds_common_nouns_and_no_given_names() -> None:
    words = load_common_words()
    assert len(words) > 1000
    # nouns news capitalises inside names of events, offices and places
    assert {"peringatan", "aksi", "kelurahan", "balai"} <= words
    # given names stay names
    assert not {"sri", "budi", "agus", "dewi", "joko"} & words


def test_a_bad_file_is_a_rule_file_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "common.yaml"
    bad.write_text("source: x\nshare: 0.6\nmin_lower: 10\nmin_entity: 3\nwords: [a]\nextra: 1\n")
    with pytest.raises(RuleFileError):
        load_common_words(bad)


# Fresh sentences: the unknown capitalised name is (not) read as a person actor.
NOT_PERSONS = [
    ("Wali Kota Medan menghadiri Peringatan Waisak Nasional bersama umat Buddha.",
     "Waisak"),
    ("Menteri Agama membuka Pameran Kaligrafi Nusantara di Jakarta.", "Kaligrafi"),
    ("Polisi menjaga Aksi Damai Buruh di depan gedung parlemen.", "Aksi Damai Buruh"),
    ("Menteri itu meninjau Balai Karantina Hewan di Tanjung Priok.", "Balai Karantina Hewan"),
]
PERSONS = [
    ("Polisi menangkap Dadang Sukmana di rumahnya.", "Dadang Sukmana"),
    ("Presiden bertemu dengan Sri Wahyuni di Istana.", "Sri Wahyuni"),
    ("Jaksa menuntut Budi Hartanto dengan hukuman lima tahun.", "Budi Hartanto"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PERSONS)
def test_a_name_opened_by_a_common_noun_is_no_actor(nlp: Pipeline, text: str,
                                                    name: str) -> None:
    doc = nlp.analyze(text, published="2017-05-02")
    assert all(name not in a.mention for a in doc.actors), [a.mention for a in doc.actors]


@pytest.mark.parametrize(("text", "name"), PERSONS)
def test_an_unknown_personal_name_is_a_person(nlp: Pipeline, text: str, name: str) -> None:
    doc = nlp.analyze(text, published="2017-05-02")
    found = [a for a in doc.actors if a.name == name]
    assert found and found[0].kind == "person", [(a.mention, a.name) for a in doc.actors]


def test_a_title_takes_no_common_noun_as_its_holders_name(nlp: Pipeline) -> None:
    doc = nlp.analyze("Kejaksaan Tinggi Jawa Timur menahan Budi Santoso kemarin.",
                      published="2017-05-02")
    assert all(a.name != "Tinggi Jawa" for a in doc.actors), [a.name for a in doc.actors]
    doc = nlp.analyze("Menteri Luar Negeri Retno Marsudi menemui Dubes Jepang.",
                      published="2017-05-02")
    assert any(a.name == "Retno Marsudi" for a in doc.actors)


def test_a_known_name_after_a_common_noun_is_still_found(nlp: Pipeline) -> None:
    text = ("Menteri Dalam Negeri Tjahjo Kumolo tiba di Medan. Kunjungan Tjahjo ke "
            "Medan untuk bertemu Gubernur Sumatera Utara.")
    doc = nlp.analyze(text, published="2017-05-02")
    second = [a for a in doc.actors if a.span[0] > text.index("Kunjungan")]
    assert any(a.name == "Tjahjo Kumolo" for a in second), [(a.mention, a.name) for a in second]
