"""Location audit: events of the development set's articles with the location geoevents gives.

``sample`` draws ``--n`` events (fixed seed) from every event the default pipeline finds in
the articles of ../shared/eval/dev.jsonl (the seed article and the IndoSum articles; not
the single sentences) and writes them with their location and the article's opening (for
its dateline). For each drawn event a person writes, without looking at ``location``, where
the event happened as the article tells it (``expected``: name and ISO country), "unknown"
where the article does not tell, and ``judged`` true. ``report`` compares each ``expected``
with the pipeline's location (same place name and country; for "unknown", no location or
the acting government's seat, the fallback of :mod:`geoevents.components.location`) and prints the
share and the table shown in docs/accuracy.md; ``sample --judged FILE`` draws again and
keeps the expectations of FILE, so the audit follows changes to the locator.

Usage:
    python scripts/location_audit.py sample -o docs/audit/location_audit.jsonl
    python scripts/location_audit.py report docs/audit/location_audit.jsonl
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from pathlib import Path
from types import ModuleType

import geoevents

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def _precision_audit() -> ModuleType:
    path = Path(__file__).with_name("precision_audit.py")
    spec = importlib.util.spec_from_file_location("precision_audit", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def sample(n: int, seed: int) -> list[dict[str, object]]:
    """``n`` events drawn at random from the events of the development set's articles."""
    nlp = geoevents.load()
    found: list[dict[str, object]] = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        d = json.loads(line) if line.strip() else None
        if d is None or not (d["id"].startswith("indosum:") or d["id"].startswith("seed")):
            continue
        for e in nlp.extract(d["text"], published=d.get("published")):
            loc = e.location
            found.append({
                "id": d["id"], "opening": d["text"][:160], "sentence": e.sentence,
                "event": f"{e.actor.name or e.actor.mention} [{e.actor.country or '-'}/"
                         f"{e.actor.sector or '-'}] —{e.action.cameo} «{e.action.trigger}»→ "
                         + (f"{e.target.name or e.target.mention}" if e.target else "-"),
                "location": None if loc is None else {
                    "name": loc.name, "country": loc.country, "source": loc.source,
                    "mention": loc.mention},
            })
    drawn = random.Random(seed).sample(found, min(n, len(found)))
    for r in drawn:
        r.update(expected=None, judged=False, why="")
    print(f"{len(found)} events; drew {len(drawn)}", file=sys.stderr)
    return drawn


def right(r: dict[str, object]) -> bool:
    """Whether the pipeline's location is the expected place (name and country); where the
    article does not tell ("unknown"), whether it gives none or the seat."""
    loc, exp = r.get("location"), r.get("expected")
    if exp == "unknown":
        return not isinstance(loc, dict) or loc["source"] == "seat"
    if not isinstance(loc, dict) or not isinstance(exp, dict):
        return False
    return (str(loc["name"]).casefold() == str(exp["name"]).casefold()
            and loc["country"] == exp["country"])


def same_state(r: dict[str, object]) -> bool:
    """Whether the pipeline's location lies in the expected place's state."""
    loc, exp = r.get("location"), r.get("expected")
    return isinstance(loc, dict) and isinstance(exp, dict) and loc["country"] == exp["country"]


def report(rows: list[dict[str, object]]) -> str:
    """The judged sample as a markdown table, with the share right and its interval."""
    for r in rows:
        r["correct"] = right(r) if r.get("judged") else None
    judged = [r for r in rows if r["correct"] is not None]
    k = sum(1 for r in judged if r["correct"])
    lo, hi = _precision_audit().wilson(k, len(judged))
    by_source: dict[str, list[bool]] = {}
    for r in judged:
        loc = r["location"]
        src = loc["source"] if isinstance(loc, dict) else "none"
        by_source.setdefault(src, []).append(bool(r["correct"]))
    state = sum(1 for r in judged if r["correct"] or same_state(r))
    out = [f"Right place (or rightly none): **{k}/{len(judged)} = "
           f"{k / max(1, len(judged)):.2f}** (95% Wilson interval {lo:.2f}–{hi:.2f}); by "
           "source: " + ", ".join(f"{s} {sum(v)}/{len(v)}" for s, v in sorted(
               by_source.items())) + f". Right at least to the state: {state}/{len(judged)}.",
           "",
           "| # | article | sentence | event | location | expected | right | why |",
           "|---|---|---|---|---|---|---|---|"]
    for i, r in enumerate(rows, 1):
        sent = str(r["sentence"]).replace("|", "\\|")
        if len(sent) > 200:
            sent = sent[:197] + "…"
        loc = r["location"]
        where = "—" if not isinstance(loc, dict) else (
            f"{loc['name']} ({loc['country']}, {loc['source']})")
        exp = r.get("expected")
        want = str(exp) if not isinstance(exp, dict) else f"{exp['name']} ({exp['country']})"
        mark = {True: "yes", False: "no", None: "?"}[r.get("correct")]  # type: ignore[index]
        out.append(f"| {i} | {str(r['id']).removeprefix('indosum:')} | {sent} | "
                   f"{str(r['event']).replace('|', '/')} | {where} | {want} | {mark} | "
                   f"{str(r.get('why', '')).replace('|', '/')} |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("sample", help="draw events to judge")
    sp.add_argument("-o", "--output", required=True)
    sp.add_argument("--n", type=int, default=100)
    sp.add_argument("--seed", type=int, default=16)
    sp.add_argument("--judged", help="keep the expectations of this judged sample")
    rp = sub.add_parser("report", help="markdown table and share of a judged sample")
    rp.add_argument("judged")
    args = ap.parse_args()
    if args.cmd == "sample":
        rows = sample(args.n, args.seed)
        if args.judged:
            old = {(r["id"], r["sentence"], r["event"]): r for r in _read(args.judged)}
            for r in rows:
                prev = old.get((r["id"], r["sentence"], r["event"]))
                if prev is not None:
                    r.update(expected=prev["expected"], judged=prev["judged"],
                             why=prev.get("why", ""))
        with open(args.output, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        return 0
    print(report(_read(args.judged)))
    return 0


def _read(path: str) -> list[dict[str, object]]:
    text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


if __name__ == "__main__":
    raise SystemExit(main())
