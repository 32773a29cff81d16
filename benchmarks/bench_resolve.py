"""Throughput of gazetteer resolution, each path as a ratio to a baseline run in the same process.

Usage: ``python benchmarks/bench_resolve.py [--n 100000] [--fuzzy-n 2000] [--repeat 3]``

Exact path. ``--n`` mentions are sampled (with replacement, fixed seed) from every string the
gazetteer indexes: entity names and aliases, metonyms, agent words and their variants. Two
ways in are timed:

* ``Gazetteer.lookup(s)``: a mention as a string, so it includes spaCy's tokenizer;
* ``Gazetteer.match(words)``: the mention already split into tokens, which is how the pipeline
  calls it (tokens come from the document); it includes case folding and the trie walk.

Baseline: a plain ``dict.get`` of the same strings in a dict keyed by those exact strings: the
fastest exact lookup Python has, with no case rules, no folding, no tokens. The ratio says what
the gazetteer's rules cost over a bare hash lookup; it is expected to be well under 1.

Fuzzy path. ``--fuzzy-n`` names are sampled from the aliases that take part in fuzzy matching
(the same rule as ``Gazetteer``: fuzzy records other than states, aliases of two or more words
and eight or more characters), each with one random typo (deletion, substitution, insertion or
transposition of a letter). ``Gazetteer.fuzzy(q)`` is timed against
``rapidfuzz.process.extractOne(q, choices)`` with default settings (WRatio scorer,
``default_process`` on query and choices) over the same alias strings: the obvious way to write
a fuzzy lookup with rapidfuzz. ``Gazetteer.fuzzy`` folds diacritics and pre-processes the choices
once, so it does less work per call than the baseline. Both also report how often the typo'd name
comes back to the record it was made from (``recovered``).

Timings are the best of ``--repeat`` runs, on one core.
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections.abc import Callable, Sequence

from rapidfuzz import process

from geoevents.resources.compiled import load_gazetteer
from geoevents.resources.gazetteer import Gazetteer


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def exact_strings(gaz: Gazetteer) -> list[str]:
    """Every string the gazetteer indexes, deduplicated, in a stable order."""
    out: dict[str, None] = {}
    for rec in gaz.records:
        for s in [rec.name, *rec.aliases, *(m.text for m in rec.metonyms)]:
            out.setdefault(s, None)
    for a in gaz.agents:
        for s in [a.term, *a.variants]:
            out.setdefault(s, None)
    return list(out)


def fuzzy_choices(gaz: Gazetteer) -> dict[str, str]:
    """Alias → record id for the aliases that take part in fuzzy matching."""
    out: dict[str, str] = {}
    for rec in gaz.records:
        if not rec.fuzzy or rec.kind == "state":
            continue
        for alias in [rec.name, *rec.aliases]:
            if len(alias) >= 8 and " " in alias:
                out.setdefault(alias, rec.id)
    return out


def typo(s: str, rng: random.Random) -> str:
    """``s`` with one typo on a letter (never on a space, so the words stay words)."""
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    i = rng.choice(letters)
    op = rng.choice(("delete", "substitute", "insert", "transpose"))
    c = rng.choice(string.ascii_lowercase)
    if op == "delete":
        return s[:i] + s[i + 1:]
    if op == "substitute":
        return s[:i] + (c if c != s[i].lower() else "x") + s[i + 1:]
    if op == "insert":
        return s[:i] + c + s[i:]
    j = i + 1 if i + 1 < len(s) and s[i + 1].isalpha() else i - 1
    a, b = sorted((i, j))
    return s[:a] + s[b] + s[a] + s[b + 1:]


def _row(label: str, n: int, seconds: float, base: float | None, note: str = "") -> str:
    rate = n / seconds
    ratio = f"{rate / base:8.3f}" if base else f"{'1.000':>8}"
    return f"{label:<44} {n:>8} {rate:>14,.0f} {ratio}  {note}"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="exact-path mentions")
    ap.add_argument("--fuzzy-n", type=int, default=2_000, help="fuzzy-path mentions")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)

    gaz = load_gazetteer()

    # -- exact path ------------------------------------------------------------------------
    strings = exact_strings(gaz)
    mentions = [rng.choice(strings) for _ in range(args.n)]
    table = {s: gaz.lookup(s) for s in strings}
    tokens = [[t for t in gaz.tokenize(m) if t.strip()] for m in mentions]

    hits = sum(1 for m in mentions if gaz.lookup(m))
    t_dict = _best(lambda: [table.get(m) for m in mentions], args.repeat)
    t_lookup = _best(lambda: [gaz.lookup(m) for m in mentions], args.repeat)
    t_match = _best(lambda: [gaz.match(w) for w in tokens], args.repeat)
    dict_rate = args.n / t_dict

    # -- fuzzy path ------------------------------------------------------------------------
    choices = fuzzy_choices(gaz)
    names = list(choices)
    picked = [rng.choice(names) for _ in range(args.fuzzy_n)]
    queries = [typo(s, rng) for s in picked]
    wanted = [choices[s] for s in picked]

    def run_gaz() -> list[str | None]:
        out = []
        for q in queries:
            rec = gaz.fuzzy(q)
            out.append(rec.id if rec else None)
        return out

    def run_base() -> list[str | None]:
        out = []
        for q in queries:
            best = process.extractOne(q, names)
            out.append(choices[best[0]] if best else None)
        return out

    t_base = _best(run_base, args.repeat)
    t_fuzzy = _best(run_gaz, args.repeat)
    got_gaz, got_base = run_gaz(), run_base()
    ok_gaz = sum(g == w for g, w in zip(got_gaz, wanted, strict=True)) / len(wanted)
    ok_base = sum(g == w for g, w in zip(got_base, wanted, strict=True)) / len(wanted)
    none_gaz = sum(g is None for g in got_gaz) / len(wanted)
    base_rate = args.fuzzy_n / t_base

    print(f"gazetteer: {len(gaz.records)} records, {len(gaz.agents)} agent words, "
          f"{len(strings)} indexed strings, {len(choices)} fuzzy aliases")
    print(f"{'path':<44} {'mentions':>8} {'mentions/s':>14} {'ratio':>8}")
    print("-" * 78)
    print(_row("exact  baseline: dict.get(str)", args.n, t_dict, None))
    print(_row("exact  Gazetteer.lookup(str)", args.n, t_lookup, dict_rate,
               f"hits {hits / args.n:.1%}"))
    print(_row("exact  Gazetteer.match(tokens)", args.n, t_match, dict_rate))
    print(_row("fuzzy  baseline: rapidfuzz extractOne", args.fuzzy_n, t_base, None,
               f"recovered {ok_base:.1%}"))
    print(_row("fuzzy  Gazetteer.fuzzy(str)", args.fuzzy_n, t_fuzzy, base_rate,
               f"recovered {ok_gaz:.1%}, no answer {none_gaz:.1%}"))


if __name__ == "__main__":
    main()
