"""Precision audit on news nobody annotated: a fixed-seed sample of extracted events.

Every IndoSum article outside the development set (../shared/eval/dev.jsonl) is run
through the default pipeline; ``--n`` events are drawn uniformly at random from all the
events found. Each drawn event is then judged by hand against ../shared/eval/GUIDELINES.md
(``correct`` true/false and ``why``), and ``report`` turns the judged file into the table
and the precision shown in docs/accuracy.md.

Usage:
    python scripts/precision_audit.py sample -o docs/audit/sample.jsonl [--n 100 --seed 14]
    python scripts/precision_audit.py report docs/audit/sample.jsonl   # markdown table
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import geoevents

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "news-indosum"
DEV = SHARED / "eval" / "dev.jsonl"


def articles() -> Iterator[tuple[str, str]]:
    """(id, text) of the IndoSum articles outside the development set, in file order; the
    text is built as the evaluation builds it (paragraphs of space-joined tokens)."""
    dev = {json.loads(line)["id"] for line in DEV.read_text(encoding="utf-8").splitlines()
           if line.strip()}
    for f in sorted(CORPUS.glob("dev.*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            doc_id = "indosum:" + r["id"]
            if doc_id in dev:
                continue
            yield doc_id, "\n\n".join(" ".join(" ".join(s) for s in p) for p in r["paragraphs"])


def _actor(a: geoevents.Actor) -> str:
    name = a.name or "(no name)"
    return f"{name} [{a.country or '-'}/{a.sector or '-'}] «{a.mention}»"


def sample(n: int, seed: int) -> list[dict[str, object]]:
    """``n`` events drawn at random from every event of every article (fixed ``seed``)."""
    nlp = geoevents.load()
    found: list[dict[str, object]] = []
    for doc_id, text in articles():
        for e in nlp.extract(text):
            if e.negated:
                continue
            found.append({
                "id": doc_id, "sentence": e.sentence, "sentence_span": list(e.sentence_span),
                "actor": _actor(e.actor), "cameo": e.action.cameo, "label": e.action.label,
                "trigger": e.action.trigger, "target": _actor(e.target) if e.target else None,
                "date": e.date.isoformat() if e.date else None, "rule": e.rule,
                "confidence": e.confidence,
            })
    rng = random.Random(seed)
    drawn = rng.sample(found, min(n, len(found)))
    for d in drawn:
        d.update(correct=None, why="")
    print(f"{len(found)} events in {sum(1 for _ in articles())} articles; drew {len(drawn)}",
          file=sys.stderr)
    return drawn


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson interval of a proportion k/n."""
    if n == 0:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def report(rows: list[dict[str, object]]) -> str:
    """The judged sample as a markdown table, with the precision and its interval."""
    judged = [r for r in rows if r.get("correct") is not None]
    k = sum(1 for r in judged if r["correct"])
    lo, hi = wilson(k, len(judged))
    out = [f"Precision: **{k}/{len(judged)} = {k / max(1, len(judged)):.2f}** "
           f"(95% Wilson interval {lo:.2f}–{hi:.2f}).", ""]
    scored = [r for r in judged if r.get("confidence") is not None]
    if scored:
        # how the event's confidence (geoevents.components.confidence) tracks the judgement
        out.append("| confidence | events | mean confidence | right |")
        out.append("|---|---|---|---|")
        for a, b in ((0.0, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 1.01)):
            sel = [r for r in scored if a <= float(str(r["confidence"])) < b]
            if sel:
                mean = sum(float(str(r["confidence"])) for r in sel) / len(sel)
                right = sum(1 for r in sel if r["correct"]) / len(sel)
                out.append(f"| {a:.1f}–{min(b, 1.0):.1f} | {len(sel)} | {mean:.2f} | {right:.2f} |")
        out.append("")
    out += ["| # | article | sentence | event | correct | why |", "|---|---|---|---|---|---|"]
    for i, r in enumerate(rows, 1):
        sent = str(r["sentence"]).replace("|", "\\|")
        if len(sent) > 220:
            sent = sent[:217] + "…"
        event = f"{r['actor']} —{r['cameo']} «{r['trigger']}»→ {r['target']}".replace("|", "\\|")
        mark = {True: "yes", False: "no", None: "?"}[r.get("correct")]  # type: ignore[index]
        out.append(f"| {i} | {str(r['id']).removeprefix('indosum:')} | {sent} | {event} | "
                   f"{mark} | {str(r.get('why', '')).replace('|', '/')} |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("sample", help="draw events to judge")
    sp.add_argument("-o", "--output", required=True)
    sp.add_argument("--n", type=int, default=100)
    sp.add_argument("--seed", type=int, default=14)
    rp = sub.add_parser("report", help="markdown table and precision of a judged sample")
    rp.add_argument("judged")
    args = ap.parse_args()
    if args.cmd == "sample":
        rows = sample(args.n, args.seed)
        with open(args.output, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        return 0
    text = Path(args.judged).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    print(report(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
