"""Command line: ``geoevents extract``, ``geoevents eval`` and ``geoevents info``.

The CLI is a thin layer over the library; it is the only code that prints.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import GeoeventsError, OptionError
from .frame import COLUMNS, event_row
from .io import Columns

if TYPE_CHECKING:
    from .io.batch import Progress

__all__ = ["CSV_FIELDS", "build_parser", "event_row", "main"]

CSV_FIELDS = COLUMNS  # the flat event columns, kept here for compatibility


def _progress_bar(enabled: bool) -> tuple[Callable[[Progress], None] | None, Any]:
    """A tqdm bar on stderr (documents/s, events/s) when stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None, None
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:  # pragma: no cover (tqdm comes with spaCy)
        return None, None
    bar = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def update(p: Progress) -> None:
        bar.update(p.documents - bar.n)
        rate = p.events / p.seconds if p.seconds else 0.0
        bar.set_postfix_str(f"{p.events:,} events ({rate:,.1f}/s), {p.failed:,} failed",
                            refresh=False)

    return update, bar


def cmd_extract(args: argparse.Namespace) -> int:
    """Run extraction over the inputs and write events (a thin layer over batch.run)."""
    from .inputs import parse_published
    from .io.batch import output_format, run

    parse_published(args.published)
    if args.dedupe and (args.output is None or output_format(args.output, args.format)
                        not in ("documents", "csv", "parquet")):
        raise OptionError("--dedupe needs -o with a JSONL, CSV or Parquet output")
    update, bar = _progress_bar(not args.no_progress)
    try:
        summary = run(
            args.inputs, args.output, fmt=args.format, workers=args.workers,
            resume=args.resume, published=args.published,
            columns=Columns(text=args.text_field, id=args.id_field,
                            published=args.published_field),
            input_format=args.input_format, errors=args.errors,
            options={"gazetteer": args.gazetteer or [], "triggers": args.triggers or [],
                     "parser": _parser(args), "ranker": not args.no_ranker,
                     "min_confidence": args.min_confidence},
            chunk_size=args.chunk_size, progress=update)
    finally:
        if bar is not None:
            bar.close()
    if args.output or summary.failed or summary.interrupted or bar is not None:
        print(f"geoevents: {summary.describe()}", file=sys.stderr)
    if args.dedupe and not summary.interrupted:
        from .io.deduplicate import dedupe_output

        deduped = dedupe_output(args.output, output_format(args.output, args.format),
                                window=args.dedupe_window)
        print(f"geoevents: one record per actor, root and target per {args.dedupe_window}: "
              f"{deduped}", file=sys.stderr)
    if summary.failed and not summary.errors_path:
        for doc_id, err in summary.sample_errors:
            print(f"geoevents: error: {doc_id}: {err}", file=sys.stderr)
    if summary.interrupted:
        print("geoevents: interrupted; run the same command with --resume to finish",
              file=sys.stderr)
        return 130
    return 1 if summary.failed else 0


def _parser(args: argparse.Namespace) -> str | None:
    return None if args.parser == "none" else str(args.parser)


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the pipeline on a gold JSONL file."""
    from .pipeline import Pipeline
    from .training.evaluate import evaluate, read_gold

    nlp = Pipeline(gazetteer=args.gazetteer, triggers=args.triggers, parser=_parser(args),
                   ranker=not args.no_ranker, min_confidence=args.min_confidence)
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


def cmd_info(args: argparse.Namespace) -> int:
    """Print what the shipped data holds (entities, dated roles, triggers by root)."""
    from .io.summary import data_summary

    info = data_summary(tuple(args.gazetteer or ()), tuple(args.triggers or ())).as_dict()
    if args.json:
        print(json.dumps(info, indent=2))
        return 0
    print(f"geoevents {__version__}")
    for key, value in info.items():
        if isinstance(value, dict):
            print(f"{key}: " + ", ".join(f"{k} {v:,}" for k, v in value.items()))
        else:
            print(f"{key}: {value:,}")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """Build the Indonesian spaCy pipeline from the shared corpora (geoevents.training.train)."""
    from .training.train import STEPS, train

    steps = tuple(args.steps.split(",")) if args.steps else STEPS
    result = train(args.corpora, configs=args.configs, build=args.build, output=args.output,
                   steps=steps, force=args.force)
    print(json.dumps(result, indent=2))
    return 0


def cmd_evaluate_ner(args: argparse.Namespace) -> int:
    """Print P/R/F1 per entity type of the NER on BIO/CoNLL files."""
    from .resources.nlp_models import load_model
    from .training.ner_evaluate import evaluate_ner

    nlp = load_model(args.model)
    reports = [evaluate_ner(f, nlp=nlp) for f in args.files]
    if args.json:
        print(json.dumps([r.as_dict() for r in reports], indent=2))
        return 0
    for r in reports:
        print(f"{r.path} ({r.format}, {r.sentences} sentences)")
        print(r.table())
    return 0


def cmd_download(args: argparse.Namespace) -> int:
    """Fetch third-party models (stanza's Indonesian models)."""
    from .components.stanza_adapter import download

    path = download(args.what, model_dir=args.dir)
    print(f"geoevents: {args.what} models in {path}", file=sys.stderr)
    return 0


def _add_nlp_commands(sub: Any) -> None:
    """The ``train``, ``evaluate-ner`` and ``download`` subcommands."""
    tr = sub.add_parser(
        "train", help="train the Indonesian spaCy pipeline (tagger, parser, NER)",
        description="Build the shipped model from ../shared/corpora (run from a source "
        "checkout: the configs are in training/). Finished steps are skipped.")
    tr.add_argument("--corpora", default="../shared/corpora", help="the corpora directory")
    tr.add_argument("--configs", default="training", help="directory of ud.cfg and ner.cfg")
    tr.add_argument("--build", default="training/build", help="working directory")
    tr.add_argument("-o", "--output", help="model directory (default: the package's "
                    "resources/model)")
    tr.add_argument("--steps", help="comma-separated subset of: corpus,vectors,ud,ner,"
                    "assemble,evaluate")
    tr.add_argument("--force", action="store_true", help="redo finished steps")
    tr.set_defaults(func=cmd_train)

    en = sub.add_parser(
        "evaluate-ner", help="P/R/F1 per entity type on BIO/CoNLL files",
        description="FILE: token<TAB>tag or 'token POS tag' lines (detected), blank lines "
        "between sentences; PERSON/PLACE/LOCATION/ORGANISATION/ORGANIZATION are mapped to "
        "PER/LOC/ORG, other types ignored. Exact-match spans over the file's tokens.")
    en.add_argument("files", nargs="+", metavar="FILE")
    en.add_argument("--model", help="a spaCy pipeline directory (default: the shipped one)")
    en.add_argument("--json", action="store_true", help="JSON instead of tables")
    en.set_defaults(func=cmd_evaluate_ner)

    dl = sub.add_parser("download", help="download third-party models (stanza)",
                        description="geoevents download stanza: stanza's Indonesian models "
                        "(needs internet and pip install 'geoevents[stanza]').")
    dl.add_argument("what", choices=["stanza"])
    dl.add_argument("--dir", help="model directory (default: $STANZA_RESOURCES_DIR or "
                    "~/stanza_resources)")
    dl.set_defaults(func=cmd_download)


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
        sp.add_argument("--parser", choices=["none", "spacy", "stanza"], default="none",
                        help="parser the event rules fall back on where the shallow rules "
                        "find no roles (default: none)")
        sp.add_argument("--no-ranker", action="store_true",
                        help="the rules alone, without the trained reader of the roles they "
                        "leave empty")
        sp.add_argument("--min-confidence", type=float, default=None, metavar="P",
                        help="drop events whose confidence is below P, in [0, 1] (default: "
                        "the confidence model's trained threshold)")

    ex = sub.add_parser(
        "extract", help="extract events from JSONL, CSV, Parquet or text files, or stdin",
        description="Stream documents in, events out. Output: -o FILE.jsonl gets one line "
        "per document ({id, published, events} or {id, error}); .csv and .parquet get one "
        "row per event; stdout gets one JSONL line per event. Exit status: 0, 1 when some "
        "documents failed (see the errors file), 2 on an error, 130 when interrupted.")
    ex.add_argument("inputs", nargs="*", help=".jsonl[.gz] (text, id, published), .csv[.gz], "
                    ".parquet or text files; - or nothing for stdin")
    ex.add_argument("--published", help="publication date (YYYY-MM-DD) for all inputs")
    ex.add_argument("--dedupe", action="store_true",
                    help="also write <output>.dedupe.<ext>: one record per actor, CAMEO root "
                    "and target per day, with mentions and doc_ids (geoevents.dedupe)")
    ex.add_argument("--dedupe-window", default="1D", metavar="FREQ",
                    help="the window of --dedupe, a fixed pandas frequency (default: 1D)")
    ex.add_argument("--format", choices=["jsonl", "csv", "parquet", "table"],
                    help="output format (default: from the -o suffix, else jsonl)")
    ex.add_argument("-o", "--output", help="write here instead of stdout (Parquet: a "
                    "directory of part files)")
    ex.add_argument("-w", "--workers", type=int, default=1, metavar="N",
                    help="worker processes, each loading the pipeline once (0: one per CPU)")
    ex.add_argument("--resume", action="store_true",
                    help="skip documents already in the output (after a crash or Ctrl-C)")
    ex.add_argument("--errors", metavar="FILE",
                    help="failed documents as {id, error} lines (default <output>.errors.jsonl)")
    ex.add_argument("--input-format", choices=["jsonl", "csv", "parquet", "txt"],
                    help="input format (default: from each file's suffix; stdin: txt)")
    ex.add_argument("--text-field", default="text", metavar="NAME",
                    help="input text field or column (default: text)")
    ex.add_argument("--id-field", default="id", metavar="NAME",
                    help="input id field (default: id; missing ids become FILE:LINE)")
    ex.add_argument("--published-field", default="published", metavar="NAME",
                    help="input publication-date field (default: published)")
    ex.add_argument("--chunk-size", type=int, default=16, metavar="N",
                    help="documents per worker task and per commit (default: 16)")
    ex.add_argument("--no-progress", action="store_true",
                    help="no progress bar (it is shown only when stderr is a terminal)")
    common(ex)
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser("eval", help="score against gold events (GUIDELINES.md format)")
    ev.add_argument("gold", help="gold JSONL: {id, published, text, events}")
    ev.add_argument("--json", help="write the full report here")
    ev.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print up to N misses and N false alarms")
    common(ev)
    ev.set_defaults(func=cmd_eval)
    inf = sub.add_parser("info", help="counts of the shipped data (gazetteer, lexicon)")
    inf.add_argument("--json", action="store_true", help="print the counts as JSON")
    inf.add_argument("--gazetteer", action="append", metavar="FILE",
                     help="extra gazetteer JSONL merged over the default (repeatable)")
    inf.add_argument("--triggers", action="append", metavar="FILE",
                     help="extra trigger YAML added to the lexicon (repeatable)")
    inf.set_defaults(func=cmd_info)
    _add_nlp_commands(sub)
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
