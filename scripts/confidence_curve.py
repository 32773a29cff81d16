"""Precision–recall by ``min_confidence`` and the reliability table, on the sealed holdout.

Drives ``../shared/eval/holdout.py`` (aggregate figures only) once per threshold. Each
document is coded once, with no threshold; every later run filters those events by
confidence, so the figures at each threshold are exactly what
``geoevents.load(min_confidence=t)`` gives. The events between two thresholds form a bin:
its precision is the difference of the true positives over the difference of the
predictions, its mean confidence that of the events the pipeline gave in it.

Usage:
    python scripts/confidence_curve.py [--dev] [--thresholds 0,0.1,...]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import runpy
import sys
import tempfile
from pathlib import Path
from typing import Any

import geoevents

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT.parent / "shared" / "eval" / "holdout.py"
DEFAULT = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01]


def run(thresholds: list[float], dev: bool) -> dict[float, dict[str, Any]]:
    """Holdout (and dev) reports at each threshold, and each threshold's coded events."""
    nlp = geoevents.load(min_confidence=0.0)
    cache: dict[tuple[str, Any], list[geoevents.Event]] = {}
    seen: dict[float, list[float]] = {}
    out: dict[float, dict[str, Any]] = {}
    original = geoevents.load
    for th in thresholds:
        kept: list[float] = []

        def extract(text: str, published: Any = None, th: float = th,
                    kept: list[float] = kept) -> list[geoevents.Event]:
            key = (text, published)
            if key not in cache:
                cache[key] = nlp.extract(text, published=published)
            events = [e for e in cache[key] if (e.confidence or 0.0) >= th]
            kept.extend(e.confidence or 0.0 for e in events if not e.negated)
            return events

        class _Fake:
            def __init__(self, extract: Any) -> None:
                self.extract = extract

        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "report.json"
            argv = ["holdout.py", "--json", str(report), "--load", "min_confidence=0"]
            if dev:
                argv.insert(1, "--dev")
            geoevents.load = lambda **_: _Fake(extract)  # type: ignore[assignment]
            sys.argv = argv
            printed = io.StringIO()
            try:
                with contextlib.redirect_stdout(printed):
                    runpy.run_path(str(HOLDOUT), run_name="__main__")
            finally:
                geoevents.load = original
            out[th] = {"holdout": json.loads(report.read_text()),
                       "lines": printed.getvalue().strip().splitlines()}
        seen[th] = kept
    for th in thresholds:
        out[th]["confidences"] = seen[th]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", action="store_true", help="also print the dev line at each")
    ap.add_argument("--thresholds", default=",".join(map(str, DEFAULT)))
    args = ap.parse_args()
    ths = sorted(float(x) for x in args.thresholds.split(","))
    res = run(ths, args.dev)
    print("| min_confidence | precision | recall | F1 | dyad F1 | events |")
    print("|---|---|---|---|---|---|")
    for th in ths:
        if th > 1.0:  # only the upper edge of the last bin
            continue
        e, d = res[th]["holdout"]["entity"], res[th]["holdout"]["dyad"]
        print(f"| {th:.2f} | {e['precision']:.3f} | {e['recall']:.3f} | {e['f1']:.3f} | "
              f"{d['f1']:.3f} | {e['pred']} |")
        if args.dev:
            print("  " + res[th]["lines"][0])
    print("\n| confidence | events | mean confidence | right |")
    print("|---|---|---|---|")
    ece, total = 0.0, res[ths[0]]["holdout"]["entity"]["pred"]
    for lo, hi in itertools.pairwise(ths):
        a, b = res[lo]["holdout"]["entity"], res[hi]["holdout"]["entity"]
        n, tp = a["pred"] - b["pred"], a["tp"] - b["tp"]
        inside = [c for c in res[lo]["confidences"] if c < hi]
        if n <= 0 or not inside:
            continue
        mean = sum(inside) / len(inside)
        ece += n / total * abs(mean - tp / n)
        print(f"| {lo:.2f}–{min(hi, 1.0):.2f} | {n} | {mean:.3f} | {tp / n:.3f} |")
    print(f"\nexpected calibration error on the holdout: {ece:.3f}")


if __name__ == "__main__":
    main()
