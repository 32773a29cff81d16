"""The trained Indonesian spaCy pipeline: corpus building, NER evaluation, loading, API.

Tests that need the shipped model (``geoevents/resources/model``) skip only when it is
absent; it is loaded once per session.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geoevents.errors import InputTypeError, ModelNotFoundError
from geoevents.resources import nlp_models as loading
from geoevents.training import corpus
from geoevents.training.ner_evaluate import PRF, detect_format, evaluate_ner, score_spans

from .conftest import shared_file

HAS_MODEL = loading.model_available()
needs_model = pytest.mark.skipif(
    not HAS_MODEL, reason="the trained model is absent from geoevents/resources/model "
    "(build it with: geoevents train)")


@pytest.fixture(scope="session")
def model() -> Any:
    return loading.load_model()


# -- readers and scoring (no model) -----------------------------------------------------------


def test_bio_reader_formats(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("Joko\tB-PERSON\nWidodo\tI-PERSON\ndi\tO\nJakarta\tB-PLACE\n\n"
                   "PBB\tB-ORGANISATION\nbesok\tB-TIME\n", encoding="utf-8")
    conll = tmp_path / "b.txt"
    conll.write_bytes(b"Joko PROPN B-PER\r\nWidodo PROPN I-PER\r\n\r\nKPK PROPN I-ORG\r\n")
    assert detect_format(tsv) == "tsv" and detect_format(conll) == "conll"
    a = corpus.read_bio(tsv)
    assert [s.spans() for s in a] == [[(0, 2, "PER"), (3, 4, "LOC")], [(0, 1, "ORG")]]
    b = corpus.read_bio(conll)
    assert [s.spans() for s in b] == [[(0, 2, "PER")], [(0, 1, "ORG")]]  # orphan I- starts


def test_bio_spans_edge_cases() -> None:
    assert corpus.bio_spans(["B-PER", "I-ORG", "I-ORG", "O", "I-LOC"]) == [
        (0, 1, "PER"), (1, 3, "ORG"), (4, 5, "LOC")]
    assert corpus.bio_spans(["B-PER", "B-PER"]) == [(0, 1, "PER"), (1, 2, "PER")]
    assert corpus.bio_spans([]) == []


def test_score_spans() -> None:
    by_type, micro = score_spans([[(0, 2, "PER"), (3, 4, "LOC")]],
                                 [[(0, 2, "PER"), (3, 4, "ORG")]])
    assert (micro.tp, micro.pred, micro.gold) == (1, 2, 2)
    assert by_type["PER"].f1 == 1.0 and by_type["LOC"].recall == 0.0
    assert by_type["ORG"].precision == 0.0
    assert PRF().f1 == 0.0


def test_normalise() -> None:
    assert corpus.normalise("Presiden Joko  Widodo, kemarin.") == "presidenjokowidodokemarin"


TOY_UD = """# sent_id = t1
# text = Bukunya baru.
1-2\tBukunya\t_\t_\t_\t_\t_\t_\t_\t_
1\tBuku\tbuku\tNOUN\tNN\t_\t3\tnsubj\t_\t_
2\tnya\tnya\tPRON\tPRP\tPerson=3\t1\tnmod:poss\t_\t_
3\tbaru\tbaru\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\tZ\t_\t3\tpunct\t_\t_

"""


def test_read_conllu_mwt(tmp_path: Path) -> None:
    p = tmp_path / "t.conllu"
    p.write_text(TOY_UD, encoding="utf-8")
    (s,) = corpus.read_conllu(p)
    assert s.words == ["Buku", "nya", "baru", "."] and s.text == "Bukunya baru."
    assert s.heads == [2, 0, 2, 2] and s.deps[2] == "ROOT"
    from spacy.vocab import Vocab

    doc = s.to_doc(Vocab())
    assert doc.text == "Bukunya baru." and doc[2].dep_ == "ROOT" and doc[1].head.text == "Buku"


def test_build_corpus_drops_test_sentences(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "ud.conllu").write_text(TOY_UD, encoding="utf-8")
    (src / "ud-test.conllu").write_text(TOY_UD.replace("baru", "lama"), encoding="utf-8")
    (src / "train.tsv").write_text("Joko\tB-PERSON\ndatang\tO\n\nIa\tO\npergi\tO\n\n"
                                   "Ia\tO\npergi\tO\n", encoding="utf-8")
    (src / "test.tsv").write_text("JOKO\tB-PER\ndatang\tO\n.\tO\n", encoding="utf-8")
    spec = corpus.CorpusSpec(ud_train=("ud.conllu", "ud.conllu"), ud_test=("ud-test.conllu",),
                             ud_dev_fraction=0.0, ner_train=("train.tsv",), ner_dev=(),
                             ner_test=("test.tsv",))
    stats = corpus.build_corpus(src, tmp_path / "out", spec)
    assert stats["ud-train"] == 1 and stats["ud-dropped-overlap-or-duplicate"] == 1
    assert stats["ner-train"] == {"train.tsv": {"kept": 1, "in_test": 1, "duplicate": 1}}
    assert json.loads((tmp_path / "out" / "corpus.json").read_text())["ud-train"] == 1


def test_missing_model_names_the_command(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="geoevents train"):
        loading.load_model(tmp_path)
    assert not loading.model_available(tmp_path)


def test_train_rejects_unknown_step(tmp_path: Path) -> None:
    from geoevents.training.train import train

    with pytest.raises(ValueError, match="unknown step"):
        train(tmp_path, build=tmp_path, output=tmp_path, steps=("bogus",))


# -- the shipped model ------------------------------------------------------------------------


@needs_model
def test_model_files_small() -> None:
    d = loading.model_dir()
    size = sum(f.stat().st_size for f in d.rglob("*") if f.is_file())
    assert size <= 25 * 1024 * 1024
    assert (d / "MODEL_CARD.md").is_file()


@needs_model
def test_parse(model: Any) -> None:
    text = "Presiden Joko Widodo menerima Perdana Menteri Jepang di Istana Merdeka, Jakarta."
    doc = loading.parse(text)
    assert doc.text == text
    assert {"morphologizer", "parser", "ner"} <= set(model.pipe_names)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    assert roots and all(t.head.i == t.i for t in roots)
    assert any(t.pos_ == "VERB" for t in doc)
    assert any(t.pos_ == "PROPN" for t in doc)
    with pytest.raises(InputTypeError):
        loading.parse(b"bytes")  # type: ignore[arg-type]


@needs_model
def test_ner_spans(model: Any) -> None:
    from geoevents.components.ner import ner_spans, ner_spans_pipe

    text = ("Presiden Joko Widodo bertemu Sekjen PBB Antonio Guterres di Jakarta, "
            "Senin (12/10).")
    spans = ner_spans(text)
    assert spans == sorted(spans)
    found = {(text[a:b], lab) for a, b, lab in spans}
    assert ("Joko Widodo", "PER") in found
    assert ("Jakarta", "LOC") in found
    assert all(lab in ("PER", "ORG", "LOC") for *_, lab in spans)
    assert list(ner_spans_pipe([text, ""])) == [spans, []]


@needs_model
def test_ner_token_spans_read_the_given_tokens(model: Any) -> None:
    from geoevents.components.ner import ner_token_spans

    words = ["Menlu", "Retno", "Marsudi", "menemui", "Menlu", "Yordania", "Ayman", "Safadi",
             "di", "Amman", "."]
    spaces = [True] * 9 + [False, False]
    (spans,) = list(ner_token_spans([(words, spaces)]))
    found = {(" ".join(words[a:b]), lab) for a, b, lab in spans}
    assert ("Retno Marsudi", "PER") in found
    assert ("Amman", "LOC") in found
    assert list(ner_token_spans([])) == []


@needs_model
def test_the_model_ner_runs_only_where_a_trigger_may_fire(model: Any) -> None:
    import geoevents
    from geoevents.components.actor_stage import ActorStage
    from geoevents.components.state import work_state

    nlp = geoevents.load(ner="model")
    stage = nlp.nlp.get_pipe("geoevents_actors")
    assert isinstance(stage, ActorStage)
    text = ("Warga Desa Sukamaju memanen padi. Polisi menangkap Budi Santoso di Bogor.")
    st = work_state(nlp.make_doc(text))
    ents = stage._entities(st.segments or [], st.tokens or [])
    assert ents[0] is None  # no trigger word: the capitalised-word heuristic reads it
    assert ents[1] is not None
    assert any(text[a:b] == "Budi Santoso" and lab == "PER" for a, b, lab in ents[1])


@needs_model
@pytest.mark.corpora
def test_evaluate_ner_on_idner_sample(model: Any, tmp_path: Path) -> None:
    src = shared_file("corpora", "idner-news-2k", "test.txt")
    blocks = src.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n\n")[:60]
    sample = tmp_path / "sample.txt"
    sample.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    rep = evaluate_ner(sample, nlp=model)
    assert rep.format == "conll" and rep.sentences == 60
    assert set(rep.by_type) == {"PER", "ORG", "LOC"}
    assert rep.micro.gold == sum(s.gold for s in rep.by_type.values())
    assert rep.micro.f1 > 0.6
    assert rep.as_dict()["micro"]["f1"] == round(rep.micro.f1, 4)


@needs_model
def test_cli_evaluate_ner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from geoevents.cli import main

    f = tmp_path / "gold.tsv"
    f.write_text("Joko\tB-PERSON\nWidodo\tI-PERSON\ntiba\tO\ndi\tO\nJakarta\tB-LOCATION\n"
                 ".\tO\n", encoding="utf-8")
    assert main(["evaluate-ner", str(f)]) == 0
    out = capsys.readouterr().out
    assert "micro" in out and "PER" in out and "(tsv, 1 sentences)" in out
    assert main(["evaluate-ner", str(f), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["by_type"]["PER"]["gold"] == 1
    assert main(["evaluate-ner", str(f), "--model", str(tmp_path)]) == 2
    assert "geoevents train" in capsys.readouterr().err
