"""Count how often lexicon entries match in the IndoSum news corpus.

Before an entry is added, its forms are counted in news nobody annotated; the count is kept
in the entry (``count:``). IndoSum is read from ``../shared/corpora/news-indosum``.

Usage:
    python scripts/count_triggers.py                      # every entry, least used first
    python scripts/count_triggers.py --id bertemu --id mengecam
    python scripts/count_triggers.py --file my_triggers.yaml --examples 3
    python scripts/count_triggers.py --missing            # entries without a count
"""

from __future__ import annotations

import argparse
import glob
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geoevents.resources import default_trigger_files, read_triggers
from geoevents.resources.lexicon import Lexicon, load_grammar

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "news-indosum"


def articles(corpus: Path = CORPUS) -> Iterator[dict[str, Any]]:
    """The IndoSum articles as stored (``id``, ``category``, ``paragraphs`` of sentences of
    tokens, ...)."""
    files = sorted(glob.glob(str(corpus / "*.jsonl")))
    if not files:
        raise SystemExit(f"no IndoSum files under {corpus}")
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


def sentences(corpus: Path = CORPUS) -> Iterator[tuple[str, list[str]]]:
    """(article id, tokens) of every sentence of the corpus."""
    for art in articles(corpus):
        for para in art["paragraphs"]:
            for sent in para:
                yield art["id"], sent


def count(lexicon: Lexicon, ids: set[str] | None = None, examples: int = 0,
          corpus: Path = CORPUS) -> tuple[Counter[str], dict[str, list[str]]]:
    """Sentences matched per entry id (each sentence once per entry), and a few of them."""
    counts: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for _, words in sentences(corpus):
        found = {h.trigger.id for h in lexicon.find(words)}
        for tid in found:
            if ids is not None and tid not in ids:
                continue
            counts[tid] += 1
            if len(shown[tid]) < examples:
                shown[tid].append(" ".join(words))
    return counts, shown


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--id", action="append", help="only this entry id (repeatable)")
    ap.add_argument("--file", action="append", help="count the entries of this trigger file")
    ap.add_argument("--missing", action="store_true", help="only entries without a count")
    ap.add_argument("--examples", type=int, default=0, help="print N matched sentences")
    args = ap.parse_args()
    g = load_grammar()
    function = [*g.prepositions, *g.determiners, *g.conditional, *g.clause_boundaries,
                *g.coordinators, *g.negation, *g.intent]
    triggers = read_triggers(args.file or default_trigger_files())
    lexicon = Lexicon(triggers, function_words=function)
    ids = set(args.id) if args.id else None
    if args.missing:
        ids = {t.id for t in triggers if t.count is None} & (ids or {t.id for t in triggers})
    counts, shown = count(lexicon, ids, args.examples)
    wanted = [t for t in triggers if ids is None or t.id in ids]
    for t in sorted(wanted, key=lambda t: counts[t.id]):
        print(f"{counts[t.id]:6d}  {t.id}  ({t.lemma}, {t.cameo}; recorded: {t.count})")
        for s in shown.get(t.id, []):
            print(f"          {s[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
