"""Throughput of the default pipeline as a ratio to spaCy's Indonesian tokenizer.

Both run in this process on the same articles, one core, so the ratio is stable across
machines. Load time is measured twice, each time in a fresh process against
``spacy.blank("id")`` in the same process: with the compiled data cache off
(``GEOEVENTS_CACHE=0``: every index built from the data files) and with it filled (the
indexes of unchanged files loaded); and ``spacy.load`` of the pipeline saved with
``nlp.to_disk`` (the components read their compiled data from the folder) against
``spacy.load`` of a saved ``spacy.blank("id")``. Usage:
``python benchmarks/bench_pipeline.py [--docs N] [--parser none|spacy|stanza]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy
from corpus import articles, rates

import geoevents

_LOAD = """
import sys, time, spacy
t0 = time.perf_counter(); spacy.blank("id"); blank = time.perf_counter() - t0
import geoevents
parser = None if sys.argv[1] == "none" else sys.argv[1]
t0 = time.perf_counter(); geoevents.load(parser=parser); load = time.perf_counter() - t0
print(load, blank)
"""

_LOAD_SAVED = """
import sys, time, spacy
t0 = time.perf_counter(); spacy.load(sys.argv[2]); blank = time.perf_counter() - t0
t0 = time.perf_counter(); spacy.load(sys.argv[1]); load = time.perf_counter() - t0
print(load, blank)
"""


def load_times(parser: str, cache: bool) -> tuple[float, float]:
    """(geoevents.load(), spacy.blank("id")) in seconds, in a fresh process."""
    env = dict(os.environ)
    if not cache:
        env["GEOEVENTS_CACHE"] = "0"
    out = subprocess.run([sys.executable, "-c", _LOAD, parser], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[-2]), float(out[-1])


def saved_load_times(path: Path, blank: Path) -> tuple[float, float]:
    """(spacy.load() of a pipeline saved with nlp.to_disk, spacy.load() of a saved
    spacy.blank("id")) in seconds, in a fresh process: the components read their compiled
    data from the folder; loading any saved pipeline also reads its tokenizer's tables."""
    out = subprocess.run([sys.executable, "-c", _LOAD_SAVED, str(path), str(blank)],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[-2]), float(out[-1])


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
    # load time: the first pipeline of a process against spacy.blank("id") in that process,
    # with every index built (cache off), then with the compiled indexes cached (the first
    # run fills the cache)
    cold = load_times(args.parser, cache=False)
    load_times(args.parser, cache=True)
    warm = load_times(args.parser, cache=True)
    nlp = geoevents.load(parser=parser)
    with tempfile.TemporaryDirectory() as tmp:
        nlp.nlp.to_disk(Path(tmp) / "pipeline")
        spacy.blank("id").to_disk(Path(tmp) / "blank")
        saved = saved_load_times(Path(tmp) / "pipeline", Path(tmp) / "blank")
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
    for label, (t_load, t_blank_load) in (("indexes built", cold), ("cached", warm)):
        print(f"load ({label}): geoevents.load() {t_load:.2f} s, spacy.blank('id') "
              f"{t_blank_load:.2f} s, ratio {t_load / t_blank_load:.2f}")
    print(f"load (saved with nlp.to_disk): spacy.load() {saved[0]:.2f} s, of a saved "
          f"spacy.blank('id') {saved[1]:.2f} s, ratio {saved[0] / saved[1]:.2f}")
    print(f"peak RSS: {rss_mb:,.0f} MB")


if __name__ == "__main__":
    main()
