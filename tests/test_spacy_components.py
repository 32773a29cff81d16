"""geoevents' stages as spaCy components: built by a user's own pipeline, results where
spaCy users look (span groups, ``doc._.events``), DocBin, to_disk/spacy.load, displaCy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import geoevents
from geoevents.pipeline import Pipeline

from .conftest import ROOT

STAGES = ["geoevents_segmenter", "geoevents_actors", "geoevents_dates", "geoevents_events",
          "geoevents_resolver"]
TEXT = ("Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Istana Bogor "
        "pada Senin (3/6). Kedua negara sepakat memperluas kerja sama maritim. Sementara "
        "itu, Rusia mengecam Amerika Serikat atas sanksi baru.")
PUBLISHED = "2024-06-04"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def _blank() -> Language:
    nlp = spacy.blank("id")
    for name in STAGES:
        nlp.add_pipe(name)
    return nlp


def _run(nlp: Language, text: str, published: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def _dumped(events: object) -> list[dict[str, object]]:
    return [e.model_dump(mode="json") for e in events]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def user_nlp() -> Language:
    return _blank()


@pytest.fixture(scope="module")
def doc(user_nlp: Language) -> Doc:
    return _run(user_nlp, TEXT, PUBLISHED)


def test_a_users_blank_pipeline_gives_the_events_of_geoevents(doc: Doc,
                                                              nlp: Pipeline) -> None:
    events = nlp.extract(TEXT, published=PUBLISHED)
    assert events
    assert _dumped(doc._.events) == _dumped(events)


def test_each_component_can_be_added_alone() -> None:
    # every factory registers the extensions it needs: no E046 for an unregistered one
    for name in STAGES:
        nlp = spacy.blank("id")
        nlp.add_pipe(name)
        assert isinstance(nlp("Rusia mengecam Amerika Serikat."), Doc)


def test_analyze_pipes_finds_no_missing_requirement(user_nlp: Language) -> None:
    problems = user_nlp.analyze_pipes(pretty=False)["problems"]
    assert problems == {name: [] for name in STAGES}
    # out of order, the requirement is reported
    wrong = spacy.blank("id")
    wrong.add_pipe("geoevents_resolver")
    wrong.add_pipe("geoevents_segmenter")
    assert wrong.analyze_pipes(pretty=False)["problems"]["geoevents_resolver"]


def test_actor_date_and_trigger_spans(doc: Doc) -> None:
    actors = doc.spans["geoevents_actors"]
    assert [s.text for s in actors][:2] == ["Presiden Joko Widodo",
                                            "Perdana Menteri Jepang Fumio Kishida"]
    first = actors[0]
    assert first.label_ == "person" and first.kb_id_
    actor = first._.geoevents_actor
    assert actor is not None and actor.name == "Joko Widodo" and actor.country == "IDN"
    assert actor.id == first.kb_id_
    dates = doc.spans["geoevents_dates"]
    assert [(s.text, s.label_) for s in dates] == [("Senin (3/6)", "day")]
    assert str(dates[0]._.geoevents_date.date) == "2024-06-03"
    triggers = doc.spans["geoevents_triggers"]
    assert len(triggers) == len(doc._.events)
    for span, event in zip(triggers, doc._.events, strict=True):
        assert span.label_ == event.action.cameo
        assert event in span._.geoevents_events


def test_docbin_round_trip_keeps_spans_and_events(doc: Doc) -> None:
    db = DocBin(store_user_data=True)
    db.add(doc)
    (back,) = DocBin().from_bytes(db.to_bytes()).get_docs(spacy.blank("id").vocab)
    assert _dumped(back._.events) == _dumped(doc._.events)
    for key in ("geoevents_actors", "geoevents_dates", "geoevents_triggers"):
        assert [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in back.spans[key]] == [
            (s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans[key]]
    assert [s._.geoevents_actor for s in back.spans["geoevents_actors"]] == [
        s._.geoevents_actor for s in doc.spans["geoevents_actors"]]
    # the stages' working state is no user data: nothing of it is serialised
    assert back._.geoevents is None


def test_displacy_renders_the_actors(doc: Doc) -> None:
    html = displacy.render(doc, style="span", options={"spans_key": "geoevents_actors"})
    assert "Fumio" in html and "Kishida" in html and "person" in html.lower()


def test_a_saved_pipeline_loads_with_spacy(tmp_path: Path, nlp: Pipeline) -> None:
    nlp.nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.nlp.pipe_names
    assert _dumped(_run(loaded, TEXT, PUBLISHED)._.events) == _dumped(
        nlp.extract(TEXT, published=PUBLISHED))


def test_a_saved_pipeline_carries_its_own_data(tmp_path: Path) -> None:
    """The compiled gazetteer, lexicon, grammar and models are in the saved folder: a
    pipeline built with an extra gazetteer file still knows its entity after the file is
    gone, and the loaded components read their data from the folder, not the package."""
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({
        "id": "TEST-ORG-1", "name": "Front Pembela Pesisir", "kind": "organization",
        "country": "IDN", "sector": "REB", "aliases": ["Front Pembela Pesisir", "FPP"]})
        + "\n", "utf-8")
    text = "Front Pembela Pesisir menyerang pos polisi di Sorong pada Senin (3/6)."
    built = geoevents.load(gazetteer=[extra])
    want = _dumped(built.extract(text, published=PUBLISHED))
    assert any(e["actor"]["id"] == "TEST-ORG-1" for e in want)
    built.nlp.to_disk(tmp_path / "pipeline")
    extra.unlink()
    folder = tmp_path / "pipeline"
    assert {p.name for p in (folder / "geoevents_actors").iterdir()} == {
        "gazetteer.pickle", "lexicon.pickle", "grammar.json"}
    assert {p.name for p in (folder / "geoevents_events").iterdir()} == {
        "lexicon.pickle", "grammar.json", "ranker.json"}
    loaded = spacy.load(folder)
    assert _dumped(_run(loaded, text, PUBLISHED)._.events) == want
    actors, events = loaded.get_pipe("geoevents_actors"), loaded.get_pipe("geoevents_events")
    assert "TEST-ORG-1" in actors.gaz.entities
    # one grammar object, folded once, shared by the loaded components
    assert events.engine.g is actors._ready()[2]


def test_a_damaged_saved_pipeline_is_a_data_error(tmp_path: Path, nlp: Pipeline) -> None:
    nlp.nlp.to_disk(tmp_path / "pipeline")
    (tmp_path / "pipeline" / "geoevents_events" / "ranker.json").write_text(
        '{"bias": 0.1, "unknown_field": 1}', "utf-8")
    with pytest.raises(geoevents.errors.RuleFileError, match=r"ranker\.json"):
        spacy.load(tmp_path / "pipeline")
    (tmp_path / "pipeline" / "geoevents_actors" / "gazetteer.pickle").unlink()
    with pytest.raises(geoevents.errors.DataFileError, match=r"gazetteer\.pickle"):
        spacy.load(tmp_path / "pipeline")


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval is not here")
def test_a_saved_pipeline_gives_the_same_events_on_the_dev_set(tmp_path: Path) -> None:
    nlp = geoevents.load()
    nlp.nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    docs = [json.loads(line) for line in DEV.read_text("utf-8").splitlines() if line]
    n = 0
    for d in docs:
        want = nlp.extract(d["text"], published=d.get("published"))
        got = _run(loaded, d["text"], d.get("published"))._.events
        assert _dumped(got) == _dumped(want), d["id"]
        n += len(want)
    assert n >= 200  # the comparison covers the dev set's events, not a handful
