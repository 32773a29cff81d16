"""The public API on a real article and on bad input."""

import datetime as dt
import pickle

import pytest

import geoevents
from geoevents.errors import InputTypeError, OptionError, PublishedDateError

from .conftest import shared_file


def triples(events):
    return {(e.actor.name, e.action.root, e.target.name if e.target else None, e.date)
            for e in events if not e.negated}


@pytest.fixture(scope="module")
def seed_text():
    return shared_file("eval", "seed.txt").read_text(encoding="utf-8")


def test_seed_events(seed_text):
    events = geoevents.extract(seed_text, published="2021-10-21")
    got = triples(events)
    d20, d21 = dt.date(2021, 10, 20), dt.date(2021, 10, 21)
    assert ("Taliban", "03", "Russia", d21) in got
    for target in ("Russia", "China", "Iran"):
        assert ("Taliban", "03", target, d20) in got
    assert ("Vladimir Putin", "13", "Islamic State", d21) in got
    assert ("Taliban", "04", "European Union", d21) in got
    assert ("Taliban", "04", "United States", d21) in got
    kremlin = [e for e in events if e.actor.mention == "Kremlin" and e.action.root == "13"]
    assert kremlin and kremlin[0].actor.name == "Russia" and kremlin[0].actor.sector == "GOV"
    assert kremlin[0].target is not None and kremlin[0].target.name == "Islamic State"
    putin = next(e for e in events if e.actor.name == "Vladimir Putin")
    assert (putin.actor.country, putin.actor.sector) == ("RUS", "GOV")


def test_seed_boilerplate_gives_nothing(seed_text):
    doc = geoevents.analyze(seed_text, published="2021-10-21")
    skipped = [s for s in doc.sentences if s.skipped]
    assert any(s.text.startswith("Baca Juga") for s in skipped)
    assert any(s.text.startswith("Editor:") for s in skipped)
    for e in doc.events:
        for bad in ("Baca Juga", "Editor:", "Sumber:", "Tags", "Terkini", "Terpopuler"):
            assert bad not in e.sentence


def test_seed_spans_point_into_the_callers_text(seed_text):
    doc = geoevents.analyze(seed_text, published="2021-10-21")
    for a in doc.actors:
        assert seed_text[a.span[0]:a.span[1]] == a.mention
    for e in doc.events:
        a, b = e.sentence_span
        assert seed_text[a:b] == e.sentence
        for actor in (e.actor, e.target):
            assert actor is not None
            assert seed_text[actor.span[0]:actor.span[1]] == actor.mention
        if e.action.trigger_span:
            x, y = e.action.trigger_span
            assert seed_text[x:y] == e.action.trigger


def test_seed_without_published_uses_the_dateline(seed_text):
    doc = geoevents.analyze(seed_text)
    assert doc.published == dt.date(2021, 10, 21)
    assert doc.published_source == "dateline"
    dated = {e.target.name: e.date for e in doc.events
             if e.target is not None and "Rabu (20 Oktober)" in e.sentence}
    assert dated == {"Russia": dt.date(2021, 10, 20), "China": dt.date(2021, 10, 20),
                     "Iran": dt.date(2021, 10, 20)}
    assert all(e.date_text == "Rabu (20 Oktober)" for e in doc.events
               if "Rabu (20 Oktober)" in e.sentence)


def test_events_are_frozen():
    e = geoevents.extract("Rusia mengecam Amerika Serikat.", published="2024-01-10")[0]
    with pytest.raises(Exception):  # noqa: B017 - pydantic's ValidationError
        e.negated = True  # type: ignore[misc]


@pytest.mark.parametrize("bad", [None, b"Rusia mengecam AS.", 42, ["teks"]])
def test_non_str_text_is_a_typed_error(bad):
    with pytest.raises(InputTypeError, match="expected text as str") as err:
        geoevents.extract(bad)
    assert isinstance(err.value, TypeError)


@pytest.mark.parametrize("bad", ["21/10/2021", "kemarin", 20211021, "2021-13-01"])
def test_invalid_published_is_a_typed_error(bad):
    with pytest.raises(PublishedDateError, match="ISO string") as err:
        geoevents.extract("Rusia mengecam AS.", published=bad)
    assert isinstance(err.value, ValueError)


def test_published_forms():
    for value in ("2024-01-10", dt.date(2024, 1, 10), dt.datetime(2024, 1, 10, 8, 30)):
        doc = geoevents.analyze("Rusia mengecam Amerika Serikat.", published=value)
        assert doc.published == dt.date(2024, 1, 10) and doc.published_source == "caller"


@pytest.mark.parametrize("text", ["", "   \n\t ", "\n\n"])
def test_empty_text(text):
    assert geoevents.extract(text) == []


def test_unknown_option():
    with pytest.raises(OptionError, match="unknown option"):
        geoevents.load(tagger="nope")


def test_pipeline_pickles_and_pipes():
    nlp = geoevents.load()
    clone = pickle.loads(pickle.dumps(nlp))
    items = ["Rusia mengecam Amerika Serikat.",
             ("Israel menyerang Gaza.", {"published": "2024-01-10", "id": "d2"})]
    docs = list(clone.pipe(items, batch_size=2))
    assert len(docs) == 2
    assert docs[1].meta == {"id": "d2"} and docs[1].published == dt.date(2024, 1, 10)
    assert [e.action.root for e in docs[0].events] == ["11"]


def test_resolve():
    putin = geoevents.resolve("Presiden Rusia Vladimir Putin")
    assert putin is not None and (putin.name, putin.country, putin.sector) == (
        "Vladimir Putin", "RUS", "GOV")
    kremlin = geoevents.resolve("Kremlin")
    assert kremlin is not None and (kremlin.name, kremlin.sector) == ("Russia", "GOV")
    assert geoevents.resolve("kucing") is None
