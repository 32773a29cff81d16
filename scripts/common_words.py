"""Build ``resources/id/common_words.yaml``: capitalised words that start no personal name.

An untitled capitalised name the gazetteer does not know is read as a person ("Dadang
Rusdiana meminta ..."). Its first word tells when it is not one: "Peringatan Deepavali",
"Aksi Bela Islam", "Balai Konservasi Borobudur", "Kelurahan Lingkar" start with common nouns
that news writes in lower case elsewhere, or that the annotated NER corpora tag as the first
word of places and organisations, never of persons. Two counts decide, both from
../shared/corpora:

* IndoSum (all folds): how often the word is written in lower case and how often
  capitalised inside a sentence (not first, not after a quotation mark or colon);
* the NER training files the shipped model learns from: how often a capitalised word opens a
  PER, a LOC or ORG entity.

A word is listed when no PER entity starts with it and either at least ``--share`` of its
IndoSum uses inside a sentence are lower case (with ``--min-lower`` of them), or at least
``--min-entity`` LOC/ORG entities start with it. Usage::

    python scripts/common_words.py            # rewrites the YAML file
    python scripts/common_words.py --check    # exit 1 if the file differs from a fresh build
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from geoevents.training.corpus import CorpusSpec, read_bio

sys.path.insert(0, str(Path(__file__).resolve().parent))

from word_lists import emit

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "src" / "geoevents" / "resources" / "id" / "common_words.yaml"
_AFTER_OPENER = {'"', "“", "”", ":", ".", "'", "‘", "’", "-", "–", "(", "?", "!"}


def _titlecase(w: str) -> bool:
    return w[:1].isupper() and w[1:].islower() and w.isalpha()


def indosum_counts(corpus: Path) -> tuple[Counter[str], Counter[str]]:
    """(lower-case uses, capitalised uses) of each word inside IndoSum sentences."""
    lower: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for f in sorted(corpus.glob("*.jsonl")):
        seen: set[str] = set()
        for line in f.read_text(encoding="utf-8").splitlines():
            art = json.loads(line)
            if art["id"] in seen:
                continue
            seen.add(art["id"])
            for para in art["paragraphs"]:
                for sent in para:
                    for k in range(1, len(sent)):
                        w = sent[k]
                        if sent[k - 1] in _AFTER_OPENER or not w.isalpha():
                            continue
                        if w.islower():
                            lower[w] += 1
                        elif _titlecase(w):
                            cap[w.lower()] += 1
    return lower, cap


def entity_starts(corpora: Path) -> tuple[Counter[str], Counter[str]]:
    """(PER starts, LOC/ORG starts) of each capitalised word in the NER training files."""
    per: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for rel in CorpusSpec().ner_train:
        for s in read_bio(corpora / rel):
            for start, _, label in s.spans():
                w = s.tokens[start]
                if _titlecase(w):
                    (per if label == "PER" else other)[w.lower()] += 1
    return per, other


def build(corpora: Path, share: float, min_lower: int, min_entity: int) -> dict[str, object]:
    """The file's content."""
    lower, cap = indosum_counts(corpora / "news-indosum")
    per, other = entity_starts(corpora)
    words = set()
    # every word may open a name at the start of a sentence ("Kunjungan Kelly ke Meksiko")
    for w in set(lower) | set(other):
        if per[w] or len(w) < 3:
            continue
        low = lower[w]
        if (low >= min_lower and low / (low + cap[w]) >= share) or other[w] >= min_entity:
            words.add(w)
    return {
        "source": "scripts/common_words.py over ../shared/corpora (news-indosum; the NER "
                  "training files of the shipped model)",
        "share": share, "min_lower": min_lower, "min_entity": min_entity,
        "words": sorted(words),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    ap.add_argument("--share", type=float, default=0.6)
    ap.add_argument("--min-lower", type=int, default=10)
    ap.add_argument("--min-entity", type=int, default=3)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    data = build(args.corpora, args.share, args.min_lower, args.min_entity)
    emit(OUT, data, "scripts/common_words.py", check=args.check)


if __name__ == "__main__":
    main()
