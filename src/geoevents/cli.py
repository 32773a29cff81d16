"""Command line: ``geoevents extract`` and ``geoevents eval``.

The CLI is a thin layer over the library; it is the only code that prints.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .errors import GeoeventsError, InputFormatError, OutputError
from .models import Event

CSV_FIELDS = [
    "doc_id", "actor_mention", "actor_name", "actor_id", "actor_country", "actor_sector",
    "actor_cameo", "cameo", "root", "label", "plover", "goldstein", "trigger",
    "target_mention", "target_name", "target_id", "target_country", "target_sector",
    "target_cameo", "date", "date_text", "negated", "rule", "sentence", "sentence_start",
    "sentence_end",
]


def event_row(e: Event, doc_id: str | None) -> dict[str, Any]:
    """A flat dict for one event (CSV and table output)."""
    t = e.target
    return {
        "doc_id": doc_id, "actor_mention": e.actor.mention, "actor_name": e.actor.name,
        "actor_id": e.actor.id, "actor_country": e.actor.country,
        "actor_sector": e.actor.sector, "actor_cameo": e.actor.cameo,
        "cameo": e.action.cameo, "root": e.action.root, "label": e.action.label,
        "plover": e.action.plover, "goldstein": e.action.goldstein,
        "trigger": e.action.trigger,
        "target_mention": t.mention if t else None, "target_name": t.name if t else None,
        "target_id": t.id if t else None, "target_country": t.country if t else None,
        "target_sector": t.sector if t else None, "target_cameo": t.cameo if t else None,
        "date": e.date.isoformat() if e.date else None, "date_text": e.date_text,
        "negated": e.negated, "rule": e.rule, "sentence": e.sentence,
        "sentence_start": e.sentence_span[0], "sentence_end": e.sentence_span[1],
    }


def _inputs(paths: Sequence[str], published: str | None) -> Iterator[tuple[str, str, Any]]:
    """(doc id, text, published) for each document in the inputs."""
    if not paths or paths == ["-"]:
        data = sys.stdin.read()
        yield "stdin", data, published
        return
    for p in paths:
        path = Path(p)
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise InputFormatError(
                            f"{path}:{lineno}: invalid JSON ({e.msg}); each line must be an "
                            "object with a 'text' field") from e
                    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                        raise InputFormatError(
                            f"{path}:{lineno}: missing 'text' field (a string)")
                    doc_id = str(obj.get("id", f"{path.name}:{lineno}"))
                    yield doc_id, obj["text"], published or obj.get("published")
        else:
            yield str(path), path.read_text(encoding="utf-8"), published


def _table(events: list[tuple[str, Event]], out: TextIO) -> None:
    for doc_id, e in events:
        t = e.target
        neg = " (negated)" if e.negated else ""
        out.write(
            f"{doc_id}\t{e.date or '-'}\t{e.actor.name or e.actor.mention} "
            f"[{e.actor.country or '-'}/{e.actor.sector or '-'}] "
            f"-{e.action.cameo} {e.action.label}{neg}-> "
            f"{(t.name or t.mention) if t else '-'} "
            f"[{(t.country or '-') if t else '-'}/{(t.sector or '-') if t else '-'}]"
            f"\t{e.action.trigger}\n")


def cmd_extract(args: argparse.Namespace) -> int:
    """Run extraction over the inputs and write events."""
    from .pipeline import Pipeline

    nlp = Pipeline(gazetteer=args.gazetteer, triggers=args.triggers)
    with contextlib.ExitStack() as stack:
        out: TextIO = sys.stdout
        if args.output:
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
            except OSError as exc:
                raise OutputError(f"cannot write {args.output}: {exc.strerror}; choose a "
                                  "writable path with -o") from exc
        writer = csv.DictWriter(out, CSV_FIELDS) if args.format == "csv" else None
        if writer:
            writer.writeheader()
        table: list[tuple[str, Event]] = []
        for doc_id, text, published in _inputs(args.inputs, args.published):
            for e in nlp.extract(text, published=published):
                if args.format == "jsonl":
                    row = {"doc_id": doc_id, **e.model_dump(mode="json")}
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                elif writer:
                    writer.writerow(event_row(e, doc_id))
                else:
                    table.append((doc_id, e))
        if args.format == "table":
            _table(table, out)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the pipeline on a gold JSONL file."""
    from .evaluate import evaluate, read_gold
    from .pipeline import Pipeline

    nlp = Pipeline(gazetteer=args.gazetteer, triggers=args.triggers)
    rep = evaluate(read_gold(args.gold), nlp.extract, gazetteer=nlp.gazetteer,
                   show_errors=args.show_errors)
    for line in rep.errors:
        print(line)
    if args.json:
        Path(args.json).write_text(json.dumps(rep.as_dict(), indent=2), encoding="utf-8")
    print("root  P      R      F1     tp/pred/gold")
    for root, s in sorted(rep.by_root.items()):
        print(f"{root}    {s.precision:.3f}  {s.recall:.3f}  {s.f1:.3f}  "
              f"{s.tp}/{s.pred}/{s.gold}")
    w1 = rep.date_accuracy_within_1_day
    print(f"date accuracy within 1 day: {'n/a' if w1 is None else f'{w1:.3f}'}")
    print(rep.summary())
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``geoevents`` command."""
    p = argparse.ArgumentParser(
        prog="geoevents", description="Political event data from Indonesian news.")
    p.add_argument("--version", action="version", version=f"geoevents {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--gazetteer", action="append", metavar="FILE",
                        help="extra gazetteer JSONL merged over the default (repeatable)")
        sp.add_argument("--triggers", action="append", metavar="FILE",
                        help="extra trigger YAML added to the lexicon (repeatable)")

    ex = sub.add_parser("extract", help="extract events from .txt or .jsonl files, or stdin")
    ex.add_argument("inputs", nargs="*", help=".txt files, .jsonl files (text, id, published), "
                    "or - / nothing for stdin")
    ex.add_argument("--published", help="publication date (YYYY-MM-DD) for all inputs")
    ex.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    ex.add_argument("-o", "--output", help="write here instead of stdout")
    common(ex)
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser("eval", help="score against gold events (GUIDELINES.md format)")
    ev.add_argument("gold", help="gold JSONL: {id, published, text, events}")
    ev.add_argument("--json", help="write the full report here")
    ev.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print up to N misses and N false alarms")
    common(ev)
    ev.set_defaults(func=cmd_eval)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geoevents`` console script."""
    args = build_parser().parse_args(argv)
    try:
        rc: int = args.func(args)
    except GeoeventsError as e:
        print(f"geoevents: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return rc


if __name__ == "__main__":
    sys.exit(main())
