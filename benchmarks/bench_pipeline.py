"""Throughput of the default pipeline as a ratio to spaCy's Indonesian tokenizer.

Both run in this process on the same articles, one core, so the ratio is stable across
machines. Usage: ``python benchmarks/bench_pipeline.py [--docs N] [--parser none|spacy|stanza]``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy
from corpus import articles, rates

import geoevents


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--parser", choices=["none", "spacy", "stanza"], default="none",
                    help="the parser behind the event rules (default: none, as geoevents."
                    "load())")
    args = ap.parse_args()
    docs = articles(args.docs)
    texts = [d["text"] for d in docs]

    parser = None if args.parser == "none" else args.parser
    # load time: the first pipeline of the process (data files read and indexed) against
    # spacy.blank("id"), both timed here
    t0 = time.perf_counter()
    spacy.blank("id")
    t_blank_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp = geoevents.load(parser=parser)
    t_load = time.perf_counter() - t0
    r = rates(nlp, texts)
    n_tok, n_sent, n_events = r["tokens"], r["sentences"], r["events"]
    t_blank, t_pipe = r["t_blank"], r["t_pipe"]

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(texts)}  sentences: {n_sent}  tokens: {n_tok}  events: {n_events}")
    print(f"spacy.blank('id') tokenization: {len(texts) / t_blank:,.0f} docs/s, "
          f"{n_sent / t_blank:,.0f} sentences/s")
    label = f"parser={parser}" if parser else "default pipeline"
    print(f"geoevents {label}:     {len(texts) / t_pipe:,.0f} docs/s, "
          f"{n_sent / t_pipe:,.0f} sentences/s")
    print(f"ratio pipeline/tokenizer (throughput): {t_blank / t_pipe:.3f}")
    print(f"load: geoevents.load() {t_load:.2f} s, spacy.blank('id') {t_blank_load:.2f} s, "
          f"ratio {t_load / t_blank_load:.1f}")
    print(f"peak RSS: {rss_mb:,.0f} MB")


if __name__ == "__main__":
    main()
