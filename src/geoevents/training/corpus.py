"""Reading the shared corpora and writing spaCy training data (``.spacy`` DocBins).

Readers:

* :func:`read_conllu`: UD CoNLL-U sentences (multi-word tokens are split into their syntactic
  words, as in the treebanks; the text is the concatenation of the words with ``SpaceAfter``);
* :func:`read_bio`: NER files with one token per line, ``token<TAB>tag`` or
  ``token POS tag`` (the last column is the tag; CRLF endings are fine), a blank line between
  sentences. Tags are mapped to PER/ORG/LOC by :data:`NER_LABELS`; other types are dropped.

:func:`build_corpus` writes the DocBins the training configs read, minding the overlaps listed
in ``../shared/corpora/README.md``: every training or development sentence whose normalised
text (lowercased, non-alphanumerics removed) occurs in a reported test split is removed.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

__all__ = [
    "NER_LABELS",
    "BioSentence",
    "CorpusSpec",
    "UdSentence",
    "bio_spans",
    "build_corpus",
    "normalise",
    "read_bio",
    "read_conllu",
]

NER_LABELS: dict[str, str] = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC",
}
"""Source NER types mapped to the three geoevents types; anything else becomes O."""

_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """A sentence key for overlap checks: lowercased, non-alphanumerics removed."""
    return _NON_ALNUM.sub("", text.lower())


# -- UD ---------------------------------------------------------------------------------------


@dataclass
class UdSentence:
    """One CoNLL-U sentence as syntactic words."""

    sent_id: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    """0-based index of each word's head (the root points at itself)."""
    deps: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The sentence text rebuilt from the words and their ``SpaceAfter``."""
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces,
                                                                strict=True)).rstrip()

    def to_doc(self, vocab: Vocab) -> Doc:
        """A gold spaCy Doc (UPOS, features, lemmas, XPOS as ``tag_``, heads, labels)."""
        spaces = [*self.spaces[:-1], False] if self.spaces else []
        return Doc(
            vocab, words=self.words, spaces=spaces, lemmas=self.lemmas, pos=self.upos,
            tags=self.xpos, morphs=self.feats, heads=self.heads, deps=self.deps,
            sent_starts=[i == 0 for i in range(len(self.words))])


def read_conllu(path: str | Path) -> Iterator[UdSentence]:
    """The sentences of a CoNLL-U file.

    Multi-word tokens ("menyetujuinya" = "menyetujui" + "nya") are split into their words;
    the last word of a multi-word token takes its ``SpaceAfter``. Empty nodes are skipped.
    UD's ``root`` label becomes spaCy's ``ROOT``.
    """
    sent = UdSentence("")
    mwt_end = -1
    mwt_space = True
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if not line:
                if sent.words:
                    yield sent
                sent, mwt_end = UdSentence(""), -1
                continue
            if line.startswith("#"):
                if line.startswith("# sent_id"):
                    sent.sent_id = line.split("=", 1)[1].strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}: not a CoNLL-U line: {line!r}")
            wid, form, lemma, upos, xpos, feats, head, dep, _deps, misc = cols
            if "." in wid:
                continue
            space = "SpaceAfter=No" not in misc.split("|")
            if "-" in wid:
                mwt_end = int(wid.split("-")[1])
                mwt_space = space
                continue
            i = int(wid)
            if mwt_end >= i:
                space = mwt_space if i == mwt_end else False
            sent.words.append(form)
            sent.spaces.append(space)
            sent.lemmas.append(lemma if lemma != "_" else form)
            sent.upos.append(upos)
            sent.xpos.append(xpos if xpos != "_" else "")
            sent.feats.append(feats if feats != "_" else "")
            h = int(head)
            sent.heads.append(h - 1 if h > 0 else i - 1)
            sent.deps.append("ROOT" if dep == "root" else dep)
    if sent.words:
        yield sent


# -- NER --------------------------------------------------------------------------------------


@dataclass
class BioSentence:
    """One sentence of a BIO NER file, tags already mapped to PER/ORG/LOC."""

    tokens: list[str]
    tags: list[str]

    @property
    def text(self) -> str:
        """The tokens joined by single spaces."""
        return " ".join(self.tokens)

    def spans(self) -> list[tuple[int, int, str]]:
        """Entity spans as (first token, end token, label)."""
        return bio_spans(self.tags)

    def to_doc(self, vocab: Vocab) -> Doc:
        """A Doc over the tokens with the entities set (every other token is O)."""
        doc = Doc(vocab, words=self.tokens, spaces=[True] * len(self.tokens))
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in self.spans()]
        return doc


def _map_tag(tag: str, labels: dict[str, str]) -> str:
    if tag in ("", "O", "0") or "-" not in tag:
        return "O"
    prefix, _, typ = tag.partition("-")
    mapped = labels.get(typ.upper())
    if mapped is None or prefix.upper() not in ("B", "I", "E", "S", "L", "U"):
        return "O"
    return ("B-" if prefix.upper() in ("B", "S", "U") else "I-") + mapped


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Spans of a BIO tag sequence; an orphan ``I-`` (after O or another type) starts one."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if label and (prefix != "I" or typ != label):
            spans.append((start, i, label))
            label = ""
        if prefix in ("B", "I") and not label:
            start, label = i, typ
    return spans


def read_bio(path: str | Path, *, labels: dict[str, str] | None = None) -> list[BioSentence]:
    """The sentences of a BIO NER file (``token<TAB>tag`` or ``token POS tag``).

    Args:
        path: the file; blank lines separate sentences, the last column is the tag.
        labels: source type → output type (default :data:`NER_LABELS`); unmapped types
            become O. Pass ``{}`` plus identity entries to keep other types.
    """
    labels = NER_LABELS if labels is None else labels
    out: list[BioSentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if toks:
                    out.append(BioSentence(toks, tags))
                toks, tags = [], []
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            if len(cols) < 2:
                raise ValueError(f"{path}: expected 'token<TAB>tag' or 'token POS tag', "
                                 f"got {line!r}")
            toks.append(cols[0])
            tags.append(_map_tag(cols[-1].strip(), labels))
    if toks:
        out.append(BioSentence(toks, tags))
    return out


# -- building the corpus ----------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusSpec:
    """Which files go where (paths relative to the corpora directory)."""

    ud_train: tuple[str, ...] = (
        "ud-id-csui/id_csui-ud-train.conllu",
        "ud-id-gsd/id_gsd-ud-dev.conllu",
        "ud-id-pud/id_pud-ud-test.conllu",
    )
    ud_test: tuple[str, ...] = (
        "ud-id-gsd/id_gsd-ud-test.conllu",
        "ud-id-csui/id_csui-ud-test.conllu",
    )
    ud_dev_fraction: float = 0.1
    """Share of the UD training sentences held out (at random, seeded) for model selection."""
    ner_train: tuple[str, ...] = (
        "idner-news-2k/train.txt",
        "indolem-nerui/train.01.tsv",
        "indonlu-nergrit/train_preprocess.txt",
        "indonlu-nergrit/valid_preprocess.txt",
    )
    ner_dev: tuple[str, ...] = ("idner-news-2k/dev.txt", "indolem-nerui/dev.01.tsv")
    ner_test: tuple[str, ...] = ("idner-news-2k/test.txt", "indolem-nerui/test.01.tsv")
    seed: int = 13


def _write(docs: Iterable[Doc], path: Path) -> int:
    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def build_corpus(corpora: str | Path, out: str | Path,
                 spec: CorpusSpec | None = None) -> dict[str, object]:
    """Write ``ud-train/ud-dev/ud-test-*.spacy`` and ``ner-train/ner-dev.spacy`` under ``out``.

    Training and development sentences that occur (normalised) in a test split are dropped
    (UD against both UD test files, NER against both NER test files), as are duplicates
    inside the training data. Returns (and writes to ``out/corpus.json``) the counts.
    """
    spec = spec or CorpusSpec()
    root, dest = Path(corpora), Path(out)
    vocab = Vocab()
    stats: dict[str, object] = {"spec": {k: v for k, v in vars(spec).items()}}

    # UD
    ud_test_keys: set[str] = set()
    for rel in spec.ud_test:
        sents = list(read_conllu(root / rel))
        ud_test_keys |= {normalise(s.text) for s in sents}
        name = "ud-test-" + Path(rel).name.split("-")[0].replace("id_", "")
        stats[name] = _write((s.to_doc(vocab) for s in sents), dest / f"{name}.spacy")
    pool: list[UdSentence] = []
    seen: set[str] = set()
    dropped = 0
    for rel in spec.ud_train:
        for s in read_conllu(root / rel):
            key = normalise(s.text)
            if key in ud_test_keys or key in seen:
                dropped += 1
                continue
            seen.add(key)
            pool.append(s)
    rng = random.Random(spec.seed)
    rng.shuffle(pool)
    n_dev = round(len(pool) * spec.ud_dev_fraction)
    stats["ud-dev"] = _write((s.to_doc(vocab) for s in pool[:n_dev]), dest / "ud-dev.spacy")
    stats["ud-train"] = _write((s.to_doc(vocab) for s in pool[n_dev:]),
                               dest / "ud-train.spacy")
    stats["ud-dropped-overlap-or-duplicate"] = dropped

    # NER
    test_keys: set[str] = set()
    seen = set()
    for rel in spec.ner_test:
        test_keys |= {normalise(b.text) for b in read_bio(root / rel)}
    for split, files in (("ner-train", spec.ner_train), ("ner-dev", spec.ner_dev)):
        keep: list[BioSentence] = []
        per_file: dict[str, dict[str, int]] = {}
        for rel in files:
            kept = over = dup = 0
            for b in read_bio(root / rel):
                key = normalise(b.text)
                if key in test_keys:
                    over += 1
                elif key in seen:
                    dup += 1
                else:
                    seen.add(key)
                    keep.append(b)
                    kept += 1
            per_file[rel] = {"kept": kept, "in_test": over, "duplicate": dup}
        rng.shuffle(keep)
        _write((b.to_doc(vocab) for b in keep), dest / f"{split}.spacy")
        stats[split] = per_file
    (dest / "corpus.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    return stats
