"""The stanza adapter: stanza Documents (read from UD CoNLL-U files with stanza's own reader)
mapped onto spaCy Docs; offline model lookup and download errors.

Skips when stanza is not installed (``pip install torch==2.13.0 '.[stanza]'``).
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

import pytest

from geoevents.components import stanza_adapter as sa
from geoevents.errors import ModelDownloadError, ModelNotFoundError
from geoevents.training.corpus import UdSentence, read_conllu

from .conftest import shared_file

HAS_STANZA = importlib.util.find_spec("stanza") is not None
needs_stanza = pytest.mark.skipif(
    not HAS_STANZA, reason="stanza is not installed (pip install torch==2.13.0 '.[stanza]')")

TOY = """# sent_id = toy-1
# text = Menlu Retno menemui menterinya di Jakarta, kemarin.
1\tMenlu\tmenlu\tNOUN\tNN\t_\t3\tnsubj\t_\t_
2\tRetno\tRetno\tPROPN\tNNP\t_\t1\tflat:name\t_\t_
3\tmenemui\ttemu\tVERB\tVB\tVoice=Act\t0\troot\t_\t_
4-5\tmenterinya\t_\t_\t_\t_\t_\t_\t_\t_
4\tmenteri\tmenteri\tNOUN\tNN\t_\t3\tobj\t_\t_
5\tnya\tnya\tPRON\tPRP\tPerson=3\t4\tnmod:poss\t_\t_
6\tdi\tdi\tADP\tIN\t_\t7\tcase\t_\t_
7\tJakarta\tJakarta\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No
8\t,\t,\tPUNCT\tZ\t_\t9\tpunct\t_\t_
9\tkemarin\tkemarin\tADV\tRB\t_\t3\tadvmod\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\tZ\t_\t3\tpunct\t_\t_

# sent_id = toy-2
# text = Ia datang.
1\tIa\tia\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tdatang\tdatang\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\tZ\t_\t2\tpunct\t_\t_

"""


def _texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [ln[len("# text = "):].rstrip("\n") for ln in f if ln.startswith("# text = ")]


def _conll2doc(**kw: Any) -> Any:
    from stanza.utils.conll import CoNLL

    return CoNLL.conll2doc(**kw)


@functools.lru_cache(maxsize=4)
def _ud_doc(rel: str) -> tuple[Any, str, tuple[UdSentence, ...]]:
    path = shared_file("corpora", *rel.split("/"))
    text = "\n\n".join(_texts(path))  # sentences separated by blank lines
    return sa.to_spacy(_conll2doc(input_file=str(path)), text), text, tuple(read_conllu(path))


def test_normalize_deprel() -> None:
    assert sa.normalize_deprel("root") == "ROOT"
    assert sa.normalize_deprel("ROOT") == "ROOT"
    assert sa.normalize_deprel("nsubj:pass") == "nsubj:pass"
    assert sa.normalize_deprel(None) == "dep"
    assert sa.normalize_deprel("_") == "dep"


@needs_stanza
def test_toy_document_alignment_and_mwt() -> None:
    text = "  Menlu Retno menemui menterinya di Jakarta, kemarin.\nIa datang. "
    doc = sa.to_spacy(_conll2doc(input_str=TOY), text)
    assert doc.text == text
    words = [t for t in doc if not t.is_space]
    assert [t.text for t in words] == [
        "Menlu", "Retno", "menemui", "menteri", "nya", "di", "Jakarta", ",", "kemarin", ".",
        "Ia", "datang", "."]
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text
    by = {t.text: t for t in words}
    assert by["menteri"].idx == text.index("menterinya")
    assert by["nya"].idx == text.index("nya ")
    assert by["menteri"].whitespace_ == "" and by["nya"].whitespace_ == " "
    assert by["nya"].dep_ == "nmod:poss" and by["nya"].head.text == "menteri"
    assert by["menemui"].dep_ == "ROOT" and by["menemui"].head.i == by["menemui"].i
    assert by["Retno"].dep_ == "flat:name" and by["Retno"].head.text == "Menlu"
    assert by["menemui"].pos_ == "VERB" and str(by["menemui"].morph) == "Voice=Act"
    assert by["menemui"].lemma_ == "temu" and by["menemui"].tag_ == "VB"
    assert [s.text.strip() for s in doc.sents][-1] == "Ia datang."
    assert all(t.pos_ == "SPACE" for t in doc if t.is_space)


@needs_stanza
def test_unsplittable_mwt_stays_one_token() -> None:
    conllu = TOY.replace("4\tmenteri\t", "4\tmentri\t")  # words no longer spell the token
    text = "Menlu Retno menemui menterinya di Jakarta, kemarin. Ia datang."
    doc = sa.to_spacy(_conll2doc(input_str=conllu), text)
    tok = next(t for t in doc if t.text == "menterinya")
    assert tok.dep_ == "obj" and tok.head.text == "menemui" and tok.pos_ == "NOUN"
    assert next(t for t in doc if t.text == "Jakarta").head.text == "menemui"


@needs_stanza
def test_misaligned_text_raises() -> None:
    with pytest.raises(sa.AlignmentError):
        sa.to_spacy(_conll2doc(input_str=TOY), "Sesuatu yang lain sama sekali.")


@needs_stanza
@pytest.mark.corpora
@pytest.mark.parametrize("rel", ["ud-id-csui/id_csui-ud-test.conllu",
                                 "ud-id-gsd/id_gsd-ud-test.conllu"])
def test_ud_treebank_roundtrip(rel: str) -> None:
    doc, text, gold = _ud_doc(rel)
    assert doc.text == text
    words = [t for t in doc if not t.is_space]
    gold_words = [w for s in gold for w in s.words]
    assert [t.text for t in words] == gold_words
    for t in words:
        assert text[t.idx:t.idx + len(t.text)] == t.text
    assert sum(1 for _ in doc.sents) == len(gold)
    i = 0
    for s in gold:
        base = i
        for k in range(len(s.words)):
            t = words[i]
            assert t.pos_ == s.upos[k]
            assert t.dep_ == s.deps[k]  # "root" normalised to "ROOT" on both sides
            assert t.head.i == words[base + s.heads[k]].i
            i += 1


@needs_stanza
def test_find_models_missing(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="geoevents download stanza"):
        sa.find_models(tmp_path)
    with pytest.raises(ModelNotFoundError, match="geoevents download stanza"):
        sa.build_pipeline(tmp_path)


def test_find_models_layout(tmp_path: Path) -> None:
    for proc, name in [("tokenize", "gsd"), ("mwt", "gsd"), ("pos", "gsd_charlm"),
                       ("lemma", "gsd_nocharlm"), ("depparse", "gsd_charlm"),
                       ("depparse", "csui_charlm"), ("pretrain", "conll17"),
                       ("forward_charlm", "oscar"), ("backward_charlm", "oscar")]:
        (tmp_path / "id" / proc).mkdir(parents=True, exist_ok=True)
        (tmp_path / "id" / proc / f"{name}.pt").write_bytes(b"")
    (tmp_path / "resources.json").write_text(
        '{"id": {"default_processors": {"depparse": "gsd_charlm"}}}', encoding="utf-8")
    m = sa.find_models(tmp_path)
    kw = m.pipeline_kwargs()
    assert kw["processors"] == "tokenize,mwt,pos,lemma,depparse"
    assert kw["depparse_model_path"].endswith("gsd_charlm.pt")
    assert kw["pos_pretrain_path"].endswith("conll17.pt")
    assert kw["depparse_forward_charlm_path"].endswith("oscar.pt")


def test_download_unknown_name() -> None:
    with pytest.raises(ValueError, match="stanza"):
        sa.download("spacy")


@needs_stanza
def test_download_failure_is_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import stanza

    def offline(*_a: object, **_k: object) -> None:
        raise ConnectionError("no route to host")

    monkeypatch.setattr(stanza, "download", offline)
    with pytest.raises(ModelDownloadError, match="could not download"):
        sa.download("stanza", model_dir=tmp_path)


@needs_stanza
def test_cli_download_reports_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    import stanza

    from geoevents.cli import main

    def offline(*_a: object, **_k: object) -> None:
        raise OSError("offline")

    monkeypatch.setattr(stanza, "download", offline)
    assert main(["download", "stanza", "--dir", str(tmp_path)]) == 2
    assert "could not download" in capsys.readouterr().err


def test_package_download_is_lazy_and_checks_name() -> None:
    import geoevents

    with pytest.raises(ValueError, match="unknown model set"):
        geoevents.download("spacy")
