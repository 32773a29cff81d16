"""Throughput of the trained spaCy pipeline (tagger, parser, NER) in sentences/s, as a ratio
to ``spacy.blank("id")`` tokenization of the same sentences, measured in the same run.

Sentences: the NTREX-128 Indonesian news text from ../shared when present, else the
benchmark articles split at sentence ends. One process, one thread. Also measured: the NER
alone (``geoevents.components.ner.ner_spans_pipe``) and, where stanza and its Indonesian models are
installed, the stanza path (``StanzaParser.pipe``: tokenize, mwt, pos, lemma, depparse and
the mapping to spaCy Docs) on the first ``--stanza-sentences`` sentences. Usage:
``python benchmarks/bench_parse.py [--sentences N] [--stanza-dir DIR]``; ``--stanza-dir``
is a stanza resources directory (default ``$STANZA_RESOURCES_DIR`` or
``~/stanza_resources``), e.g. the tiny test model from ``training/stanza_tiny.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles

from geoevents.resources.nlp_models import load_model

NTREX = (Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news-ntrex128"
         / "newstest2019-ref.ind.txt")


def sentences(n: int) -> list[str]:
    """``n`` news sentences (repeated as needed)."""
    if NTREX.is_file():
        base = [s.strip() for s in NTREX.read_text(encoding="utf-8").splitlines() if s.strip()]
    else:
        text = " ".join(a["text"] for a in articles(200))
        base = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    return [base[i % len(base)] for i in range(n)]


def rate(fn: Callable[[list[str]], object], sents: list[str], repeat: int = 1) -> float:
    """Sentences per second of ``fn`` over ``sents`` (best of ``repeat`` runs)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(sents)
        best = min(best, time.perf_counter() - t0)
    return len(sents) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--stanza-dir", type=Path, default=None,
                    help="stanza resources directory with id/ models (default "
                    "$STANZA_RESOURCES_DIR or ~/stanza_resources)")
    ap.add_argument("--stanza-sentences", type=int, default=200)
    args = ap.parse_args()
    sents = sentences(args.sentences)
    n_tok = sum(len(s.split()) for s in sents)
    blank = spacy.blank("id")
    nlp = load_model()
    list(nlp.pipe(sents[:20]))  # warm up (vectors, lazy tables)

    def tokenize(xs: list[str]) -> None:
        for s in xs:
            blank.make_doc(s)

    def parse(xs: list[str]) -> None:
        for _ in nlp.pipe(xs, batch_size=args.batch_size):
            pass

    def ner(xs: list[str]) -> None:
        from geoevents.components.ner import ner_spans_pipe

        for _ in ner_spans_pipe(xs, batch_size=args.batch_size):
            pass

    r_blank = rate(tokenize, sents, repeat=3)
    r_parse = rate(parse, sents)
    r_ner = rate(ner, sents)
    print(f"{len(sents)} sentences, {n_tok / len(sents):.1f} words each; pipeline "
          f"{nlp.pipe_names}")
    print(f"spacy.blank('id') tokenization : {r_blank:10,.0f} sentences/s")
    print(f"trained pipeline (tag+parse+NER): {r_parse:10,.0f} sentences/s   "
          f"ratio {r_parse / r_blank:.4f}")
    print(f"NER only (ner_spans_pipe)       : {r_ner:10,.0f} sentences/s   "
          f"ratio {r_ner / r_blank:.4f}")
    try:
        from geoevents.components.stanza_adapter import StanzaParser, find_models

        models = find_models(args.stanza_dir)
    except Exception as e:  # stanza or its models absent
        print(f"stanza path: not measured ({type(e).__name__}: {str(e)[:90]})")
        return
    sp = StanzaParser(models.root)
    sp.pipe(sents[:10])  # build the pipeline, warm up
    st_sents = sents[:args.stanza_sentences]
    r_st = rate(lambda xs: sp.pipe(xs), st_sents)
    print(f"stanza (tokenize..depparse)     : {r_st:10,.1f} sentences/s   "
          f"ratio {r_st / r_blank:.4f}   ({len(st_sents)} sentences, models in "
          f"{models.root})")


if __name__ == "__main__":
    main()
