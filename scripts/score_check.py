"""Score geoevents on the annotated check set: 120 IndoSum articles no model trains on.

``training/data/indosum_check.jsonl`` holds events annotated by the guidelines
(``../shared/eval/GUIDELINES.md``) in 120 IndoSum headline-news articles (seed 2031, outside
the development set and the training annotations), by character offset; the text comes
from ``../shared/corpora/news-indosum``. Neither the role ranker nor the confidence model is
trained on it, so it measures them as the sealed holdout does, with 2.4 times its articles,
and it can be read. Its figures are for checking a change, not for tuning one.

Usage:
    python scripts/score_check.py [--load ranker=false --load min_confidence=0]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import geoevents

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / "training" / "data" / "indosum_check.jsonl"


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", type=Path, default=CHECK)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora"
                    / "news-indosum")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval"
                    / "score.py")
    ap.add_argument("--load", action="append", default=[], metavar="KEY=JSON",
                    help="an option of geoevents.load, e.g. ranker=false")
    args = ap.parse_args()
    options = {k: json.loads(v) for k, v in (o.split("=", 1) for o in args.load)}
    scorer = _module("geoevents_scorer", args.scorer)
    readers = _module("geoevents_training_ranker", ROOT / "training" / "ranker.py")
    docs = readers.indosum_docs(args.check, args.corpus)
    nlp = geoevents.load(**options)
    report, _, _ = scorer.evaluate(
        docs, lambda text, published=None: nlp.extract(text, published=published))
    e, d = report["entity"], report["dyad"]
    print(f"check   entity P={e['precision']:.3f} R={e['recall']:.3f} F1={e['f1']:.3f} "
          f"(tp {e['tp']}, predicted {e['pred']}, gold {e['gold']}) | dyad F1={d['f1']:.3f} "
          f"| docs={len(docs)}")


if __name__ == "__main__":
    main()
