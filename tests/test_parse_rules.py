"""Parse-aware event rules (geoevents.load(parser=...)) against the shallow default."""

import pytest

import geoevents
from geoevents.errors import ModelNotFoundError, OptionError
from geoevents.resources.nlp_models import model_available

PUB = "2021-10-21"


@pytest.fixture(scope="module")
def nlp_parse():
    if not model_available():
        pytest.skip("the trained model is not built (geoevents train)")
    return geoevents.load(parser="spacy")


@pytest.fixture(scope="module")
def shallow():
    # the rules alone: the ranker reads roles the shallow rules miss too (test_ranker.py)
    return geoevents.load(parser=None, ranker=False)


def test_the_default_loads_no_parser():
    assert geoevents.load().options["parser"] is None
    assert "geoevents_parser" not in geoevents.load().nlp.pipe_names


@pytest.mark.parametrize(("text", "expected"), [
    # an object noun before the addressee: the shallow frame of "meminta" finds no target
    ("DPR meminta waktu konsultasi dengan Presiden Joko Widodo untuk membahas anggaran.",
     {("People's Representative Council", "Joko Widodo")}),
    # the addressee of a request after "dari", which the frame of "meminta" lacks
    ("Turki meminta penjelasan resmi dari Belanda.", {("Turkey", "Netherlands")}),
])
def test_roles_from_the_parse(nlp_parse, shallow, text, expected):
    assert shallow.extract(text, published=PUB) == []  # the shallow rules find nothing
    events = nlp_parse.extract(text, published=PUB)
    assert {(e.actor.name, e.target.name if e.target else None) for e in events} == expected
    assert all("+parse" in e.rule for e in events)


def test_a_fronted_clause_takes_the_main_subject_on_both_paths(nlp_parse, shallow):
    text = ("Setelah menangkap dua pria pada Senin, Kepolisian Malaysia mengatakan mereka "
            "telah menahan tiga orang lainnya.")
    for nlp in (nlp_parse, shallow):
        arrest = [e for e in nlp.extract(text, published=PUB) if e.action.trigger == "menangkap"]
        assert [(e.actor.name, e.actor.sector) for e in arrest] == [("Malaysia", "COP")]


def test_sentences_the_shallow_rules_read_are_not_parsed(nlp_parse):
    doc = nlp_parse.nlp("Amerika Serikat mengecam Korea Utara.")
    from geoevents.components.state import work_state

    assert work_state(doc).parses == [None]


def test_parse_and_shallow_agree_on_simple_sentences(nlp_parse, shallow):
    text = "Amerika Serikat mengecam Korea Utara. Jepang bertemu dengan Korea Selatan."
    def pairs(events):
        return {(e.actor.name, e.action.root, e.target.name if e.target else None)
                for e in events}
    assert pairs(nlp_parse.extract(text, published=PUB)) == pairs(
        shallow.extract(text, published=PUB))


def test_stanza_without_models_says_how_to_get_them(monkeypatch, tmp_path):
    pytest.importorskip("stanza")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ModelNotFoundError, match="geoevents download stanza"):
        geoevents.load(parser="stanza")


def test_unknown_parser():
    with pytest.raises(OptionError, match="parser must be"):
        geoevents.load(parser="udpipe")
