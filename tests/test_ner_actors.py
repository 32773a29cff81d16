"""The statistical NER as the source of unknown names (geoevents.load(ner="model"))."""

import pytest

import geoevents
from geoevents.errors import OptionError
from geoevents.resources.nlp_models import model_available


@pytest.fixture(scope="module")
def nlp_ner():
    if not model_available():
        pytest.skip("the trained model is not built (geoevents train)")
    return geoevents.load(ner="model")


def test_ner_names_become_actors_with_valid_spans(nlp_ner):
    text = ("Himpunan Mahasiswa Islam mengecam Kementerian Sosial di Jakarta. "
            "Bui Thanh Son bertemu dengan Menlu Retno Marsudi.")
    doc = nlp_ner.analyze(text, published="2024-02-01")
    names = {a.name for a in doc.actors}
    assert "Retno Marsudi" in names
    for a in doc.actors:
        assert text[a.span[0]:a.span[1]] == a.mention


def test_unknown_ner_option():
    with pytest.raises(OptionError, match="ner must be"):
        geoevents.load(ner="bert")
