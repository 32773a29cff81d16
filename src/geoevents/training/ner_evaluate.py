"""Scoring the trained pipeline: NER on BIO/CoNLL files, UPOS/LAS on UD test sets.

:func:`evaluate_ner` returns a :class:`NerReport` (data, no printing); ``geoevents
evaluate-ner FILE`` is a thin layer over it. Scores are exact-match entity spans over the
file's own tokens (conlleval style): the pipeline runs on a ``Doc`` built from the tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..resources.nlp_models import load_model
from .corpus import NER_LABELS, read_bio, read_conllu
from .evaluate import Scores as PRF

__all__ = ["PRF", "NerReport", "detect_format", "evaluate_ner", "evaluate_ud", "score_spans"]

Spans = Sequence[tuple[int, int, str]]


@dataclass
class NerReport:
    """Entity-level scores of one evaluation file."""

    path: str
    format: str
    """``"tsv"`` (token<TAB>tag) or ``"conll"`` (token POS tag, whitespace-separated)."""
    sentences: int
    by_type: dict[str, PRF] = field(default_factory=dict)
    micro: PRF = field(default_factory=PRF)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready scores."""
        return {"path": self.path, "format": self.format, "sentences": self.sentences,
                "micro": self.micro.as_dict(),
                "by_type": {k: v.as_dict() for k, v in sorted(self.by_type.items())}}

    def table(self) -> str:
        """A plain-text table: one row per type and a micro-average row."""
        rows = ["type   P       R       F1      tp/pred/gold"]
        for name, s in [*sorted(self.by_type.items()), ("micro", self.micro)]:
            rows.append(f"{name:<6} {s.precision:.4f}  {s.recall:.4f}  {s.f1:.4f}  "
                        f"{s.tp}/{s.pred}/{s.gold}")
        return "\n".join(rows)


def score_spans(gold: Iterable[Spans], pred: Iterable[Spans]) -> tuple[dict[str, PRF], PRF]:
    """Exact-match span scores, per type and micro-averaged, over parallel sentences."""
    by_type: dict[str, PRF] = {}
    micro = PRF()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for spans, attr in ((gs, "gold"), (ps, "pred"), (gs & ps, "tp")):
            for *_, label in spans:
                s = by_type.setdefault(label, PRF())
                setattr(s, attr, getattr(s, attr) + 1)
                setattr(micro, attr, getattr(micro, attr) + 1)
    return by_type, micro


def detect_format(path: str | Path) -> str:
    """``"tsv"`` when the first token line has a tab, ``"conll"`` when it is space-separated.

    Raises:
        ValueError: the file has no token line.
    """
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                return "tsv" if "\t" in line else "conll"
    raise ValueError(f"{path}: no token lines")


def evaluate_ner(path: str | Path, *, nlp: Any = None,
                 labels: dict[str, str] | None = None) -> NerReport:
    """Score the NER of ``nlp`` (default: the shipped model) on a BIO/CoNLL file.

    Args:
        path: ``token<TAB>tag`` or ``token POS tag`` lines (format detected), blank lines
            between sentences; source types are mapped by ``labels`` (default
            :data:`~geoevents.training.corpus.NER_LABELS`: PERSON→PER, PLACE→LOC, ...),
            types that map to nothing are ignored.
        nlp: a spaCy pipeline with an ``ner`` component.
        labels: source type → scored type.

    Raises:
        ModelNotFoundError: ``nlp`` is None and the shipped model is missing.
        ValueError: a malformed line.
    """
    from spacy.tokens import Doc


    fmt = detect_format(path)
    sents = read_bio(path, labels=labels)
    if nlp is None:
        nlp = load_model()
    enabled = [n for n in nlp.pipe_names if n == "ner"]
    docs = (Doc(nlp.vocab, words=s.tokens) for s in sents)
    with nlp.select_pipes(enable=enabled):
        pred = [[(e.start, e.end, e.label_) for e in d.ents] for d in nlp.pipe(docs)]
    by_type, micro = score_spans((s.spans() for s in sents), pred)
    for lab in {NER_LABELS[k] for k in (labels or NER_LABELS) if k in NER_LABELS}:
        by_type.setdefault(lab, PRF())
    return NerReport(str(path), fmt, len(sents), by_type, micro)


def evaluate_ud(path: str | Path, *, nlp: Any = None, gold_tokens: bool = False,
                progress: Callable[[int], None] | None = None) -> dict[str, float]:
    """UPOS, morphological features, UAS and LAS (0–1) on a ``.spacy`` or ``.conllu`` file.

    Args:
        path: gold sentences (a DocBin from :func:`~geoevents.training.corpus.build_corpus`
            or a CoNLL-U file).
        nlp: a spaCy pipeline with a morphologizer/tagger and a parser (default: shipped).
        gold_tokens: run on the gold words (syntactic words, "-nya" split off) instead of
            the tokenizer's output on the raw text. With raw text, words of multi-word
            tokens that the tokenizer leaves fused count as errors (spaCy's scorer).
    """
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example


    if nlp is None:
        nlp = load_model()
    p = Path(path)
    if p.suffix == ".conllu":
        refs = [s.to_doc(nlp.vocab) for s in read_conllu(p)]
    else:
        refs = list(DocBin().from_disk(p).get_docs(nlp.vocab))
    examples = []
    for ref in refs:
        if gold_tokens:
            pred = Doc(nlp.vocab, words=[t.text for t in ref],
                       spaces=[bool(t.whitespace_) for t in ref])
        else:
            pred = nlp.make_doc(ref.text)
        examples.append(Example(pred, ref))
    if progress is not None:
        progress(len(examples))
    keep = [n for n in nlp.pipe_names if n != "ner"]
    with nlp.select_pipes(enable=keep):
        scores = nlp.evaluate(examples)
    return {"upos": float(scores.get("pos_acc") or 0.0),
            "morph": float(scores.get("morph_acc") or 0.0),
            "uas": float(scores.get("dep_uas") or 0.0),
            "las": float(scores.get("dep_las") or 0.0),
            "sentences": float(len(examples))}
