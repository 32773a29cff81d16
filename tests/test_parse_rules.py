"""Parse-aware event rules (geoevents.load(parser=...)) against the shallow default."""

import pytest

import geoevents
from geoevents.errors import ModelNotFoundError, OptionError
from geoevents.models_nlp.loading import model_available

PUB = "2021-10-21"


@pytest.fixture(scope="module")
def nlp_parse():
    if not model_available():
        pytest.skip("the trained model is not built (geoevents train)")
    return geoevents.load(parser="spacy")


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran dikecam oleh Prancis.", {("France", "Iran")}),
    ("Presiden Rusia Vladimir Putin memperingatkan para pejuang ISIS.",
     {("Vladimir Putin", "Islamic State")}),
    ("Perwakilan Taliban telah bertemu dengan pejabat Uni Eropa dan AS.",
     {("Taliban", "European Union"), ("Taliban", "United States")}),
])
def test_roles_from_the_parse(nlp_parse, text, expected):
    events = nlp_parse.extract(text, published=PUB)
    assert {(e.actor.name, e.target.name if e.target else None) for e in events} == expected
    assert any("+parse" in e.rule for e in events)


def test_parse_and_shallow_agree_on_simple_sentences(nlp_parse):
    text = "Amerika Serikat mengecam Korea Utara. Jepang bertemu dengan Korea Selatan."
    def pairs(events):
        return {(e.actor.name, e.action.root, e.target.name if e.target else None)
                for e in events}
    assert pairs(nlp_parse.extract(text, published=PUB)) == pairs(
        geoevents.extract(text, published=PUB))


def test_stanza_without_models_says_how_to_get_them(monkeypatch, tmp_path):
    pytest.importorskip("stanza")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ModelNotFoundError, match="geoevents download stanza"):
        geoevents.load(parser="stanza")


def test_unknown_parser():
    with pytest.raises(OptionError, match="parser must be"):
        geoevents.load(parser="udpipe")
