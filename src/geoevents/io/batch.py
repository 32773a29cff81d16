"""Batch extraction over large inputs: streaming, worker processes, resume, failures recorded.

>>> from geoevents.io.batch import run                                  # doctest: +SKIP
>>> summary = run(["archive.jsonl"], "events.jsonl", workers=4, resume=True)
>>> summary.documents, summary.failed, summary.events

The input is read one record at a time and at most ``workers * 4`` chunks of documents are
in flight, so memory stays flat whatever the input size. Worker processes are started with
the ``spawn`` method and each builds the pipeline once (in the pool initializer); a document
that raises is recorded (``{"id", "error": "<Type>: message"}``) and the batch goes on.
Output is written in input order, whole lines at a time, and committed after every chunk:
after Ctrl-C or ``kill -9``, ``resume=True`` skips the committed ids and cuts any partial
tail, so every document ends up in the output exactly once.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import (
    Callable,
    Container,
    Generator,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import WorkerError
from ..inputs import check_text, parse_published
from ..pipeline import Pipeline
from . import (
    DEFAULT_COLUMNS,
    Columns,
    DocResult,
    ErrorLog,
    InputFormat,
    OutputFormat,
    Record,
    Sink,
    _checked,
    _safe,
    format_document,
    format_error,
    open_sink,
    read_records,
    remove_if_empty,
)

__all__ = ["Progress", "Summary", "iter_results", "process_record", "run"]


@dataclass(frozen=True)
class Progress:
    """Counts so far, passed to the ``progress`` callback after every chunk."""

    documents: int
    events: int
    failed: int
    skipped: int
    seconds: float


@dataclass
class Summary:
    """What a batch run did."""

    documents: int = 0
    """Documents processed in this run (failed ones included, skipped ones not)."""
    events: int = 0
    sentences: int = 0
    failed: int = 0
    skipped: int = 0
    """Documents already in the output (``resume``)."""
    seconds: float = 0.0
    output: str | None = None
    errors_path: str | None = None
    interrupted: bool = False
    sample_errors: list[tuple[str, str]] = field(default_factory=list)
    """The first few ``(id, error)`` pairs, for a message."""

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def events_per_s(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0

    def describe(self) -> str:
        """One line for people."""
        s = (f"{self.documents:,} documents, {self.events:,} events, {self.failed:,} failed"
             f" in {self.seconds:,.1f} s ({self.docs_per_s:,.1f} docs/s, "
             f"{self.events_per_s:,.1f} events/s)")
        if self.skipped:
            s += f"; {self.skipped:,} already done, skipped"
        if self.failed and self.errors_path:
            s += f"; errors in {self.errors_path}"
        return s


# -- workers ------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(options: Mapping[str, Any], fmt: OutputFormat) -> None:
    """Pool initializer: build the pipeline once per worker process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _WORKER["nlp"] = Pipeline(**options)
    _WORKER["fmt"] = fmt


def _work(records: list[Record]) -> list[DocResult]:
    nlp, fmt = _WORKER["nlp"], _WORKER["fmt"]
    return [process_record(nlp, r, fmt) for r in records]


def process_record(nlp: Pipeline, rec: Record, fmt: OutputFormat) -> DocResult:
    """Analyse one record and format it; any exception becomes a failed result.

    A text that is not a str or cannot be written as UTF-8 (a lone surrogate) is a failed
    result too, and an id with a lone surrogate is written with a backslash escape."""
    if rec.error is None:  # records made by callers, not by the readers
        rec = _checked(_safe(str(rec.id)), rec.text, rec.published, _safe(str(rec.id)))
    if rec.error is not None:
        return DocResult(rec.id, 0, 0, format_error(fmt, rec.id, rec.error), rec.error)
    try:
        doc = nlp.analyze(check_text(rec.text), published=rec.published)
        payload = format_document(fmt, rec.id, doc)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        return DocResult(rec.id, 0, 0, format_error(fmt, rec.id, error), error)
    return DocResult(rec.id, len(doc.events), sum(not s.skipped for s in doc.sentences),
                     payload)


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def iter_results(records: Iterable[Record], *, fmt: OutputFormat = "documents",
                 workers: int = 1, options: Mapping[str, Any] | None = None,
                 pipeline: Pipeline | None = None, chunk_size: int = 16,
                 max_in_flight: int | None = None,
                 ) -> Generator[list[DocResult], None, None]:
    """Process records and yield the results chunk by chunk, in input order.

    Args:
        records: the documents (a stream: it is read as work is handed out).
        fmt: the output format the payloads are made for.
        workers: 1 runs in this process; N > 1 starts N worker processes ("spawn"), each
            building its pipeline once; 0 means one per CPU.
        options: pipeline options (``gazetteer``, ``triggers``).
        pipeline: a pipeline to use when ``workers == 1`` (else one is built from options).
        chunk_size: documents per task.
        max_in_flight: chunks handed out and not yet written (default ``4 * workers``).
    """
    opts = dict(options or (pipeline.options if pipeline else {}))
    workers = workers or (os.cpu_count() or 1)
    if workers <= 1:
        nlp = pipeline or Pipeline(**opts)
        for chunk in _chunks(records, chunk_size):
            yield [process_record(nlp, r, fmt) for r in chunk]
        return
    limit = max_in_flight or 4 * workers
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(opts, fmt))
    pending: collections.deque[Future[list[DocResult]]] = collections.deque()
    try:
        for chunk in _chunks(records, chunk_size):
            pending.append(pool.submit(_work, chunk))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool as exc:
        raise WorkerError(f"a worker process died ({exc}); was it killed or out of memory? "
                          "Rerun the same command with --resume to finish") from exc
    finally:
        for f in pending:
            f.cancel()
        pool.shutdown(wait=not pending, cancel_futures=True)
        if pending:  # interrupted: do not wait for chunks whose results nobody reads
            _kill_workers(pool)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    procs = getattr(pool, "_processes", None) or {}
    for p in list(procs.values()):
        if p.is_alive():
            p.terminate()
    for p in list(procs.values()):
        p.join(5)


# -- the batch ----------------------------------------------------------------------------


def output_format(output: str | Path | None, fmt: str | None = None) -> OutputFormat:
    """The output format for a path and an optional ``--format`` (``jsonl`` means one line
    per document in a file and one line per event on stdout)."""
    if fmt is None:
        name = str(output or "").lower()
        fmt = "csv" if name.endswith(".csv") else "parquet" if name.endswith(
            (".parquet", ".pq")) else "jsonl"
    if fmt == "jsonl":
        return "documents" if output is not None else "events"
    if fmt not in ("documents", "events", "csv", "parquet", "table"):
        raise ValueError(f"unknown output format {fmt!r}")
    return fmt  # type: ignore[return-value]


def run(inputs: Sequence[str | Path] | Iterable[Record], output: str | Path | None = None, *,
        fmt: str | None = None, workers: int = 1, resume: bool = False,
        published: Any = None, columns: Columns = DEFAULT_COLUMNS,
        input_format: InputFormat | None = None, errors: str | Path | None = None,
        options: Mapping[str, Any] | None = None, pipeline: Pipeline | None = None,
        chunk_size: int = 16, stream: TextIO | None = None,
        progress: Callable[[Progress], None] | None = None) -> Summary:
    """Extract the events of every input document and write them to ``output``.

    Args:
        inputs: paths (JSONL, CSV, Parquet, text; ``[]`` or ``["-"]`` for stdin) or records.
        output: the output path; None writes to ``stream`` (default stdout).
        fmt: ``jsonl``, ``csv``, ``parquet`` or ``table`` (default: from the output suffix).
        workers: worker processes (1: this process; 0: one per CPU).
        resume: skip documents already committed to ``output`` (after a crash or Ctrl-C).
        published: a publication date for every document.
        columns: input field names.
        input_format: force the input format.
        errors: the errors file (default ``<output>.errors.jsonl``; none for stdout).
        options: pipeline options; ``pipeline``: a pipeline to reuse when ``workers == 1``.
        chunk_size: documents per worker task and per commit.
        stream: where to write when ``output`` is None.
        progress: called with :class:`Progress` after every chunk.

    Returns:
        A :class:`Summary`. On KeyboardInterrupt the output is committed up to the last
        whole document, and ``Summary.interrupted`` is set.

    Raises:
        InputFormatError: an input without a text field or column.
        OutputError: an output that cannot be written or resumed.
        PublishedDateError: an invalid ``published``.
    """
    parse_published(published)
    ofmt = output_format(output, fmt)
    sink = open_sink(ofmt, output, resume=resume, stream=stream)
    errors_path = errors if errors is not None else (
        f"{output}.errors.jsonl" if output is not None else None)
    try:
        errlog = ErrorLog(errors_path, resume=resume) if errors_path is not None else None
    except BaseException:
        sink.close(commit=False)  # an unwritable errors file: do not leak the output file
        raise
    summary = Summary(output=None if output is None else str(output),
                      errors_path=None if errors_path is None else str(errors_path))
    records = _input_records(inputs, published, columns, input_format)
    t0 = time.perf_counter()
    results = iter_results(_not_done(records, sink.done, summary), fmt=ofmt,
                           workers=workers, options=options, pipeline=pipeline,
                           chunk_size=chunk_size)
    clean = True
    try:
        with _GracefulStop() as stop:
            for chunk in results:
                _write_chunk(chunk, sink, errlog, summary)
                if progress is not None:
                    progress(Progress(summary.documents, summary.events, summary.failed,
                                      summary.skipped, time.perf_counter() - t0))
                if stop.requested:
                    summary.interrupted = True
                    break
    except KeyboardInterrupt:  # a second Ctrl-C: stop now, leave the tail to resume
        summary.interrupted = True
        clean = False
    finally:
        results.close()
        summary.seconds = time.perf_counter() - t0
        try:
            sink.close(commit=clean)
        finally:
            if errlog is not None:
                errlog.close()
                if not resume:
                    remove_if_empty(errlog.path)
    return summary


def _input_records(inputs: Sequence[str | Path] | Iterable[Record] | str | Path,
                   published: Any, columns: Columns, input_format: InputFormat | None
                   ) -> Iterable[Record]:
    """The records of ``inputs``: read from paths, or the records given."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    seq = list(inputs) if isinstance(inputs, Sequence) else None
    if seq is not None and all(isinstance(x, (str, Path)) for x in seq):
        return read_records(seq, published=published, columns=columns, fmt=input_format)
    return inputs  # type: ignore[return-value]


def _not_done(records: Iterable[Record], done: Container[str], summary: Summary
              ) -> Iterator[Record]:
    """The records not yet committed to the output (counted as skipped in ``summary``)."""
    for r in records:
        if _safe(str(r.id)) in done:
            summary.skipped += 1
        else:
            yield r


def _write_chunk(chunk: Iterable[DocResult], sink: Sink, errlog: ErrorLog | None,
                 summary: Summary) -> None:
    """Write a chunk of results, record its failures, and commit it."""
    for res in chunk:
        sink.write(res)
        summary.documents += 1
        summary.events += res.events
        summary.sentences += res.sentences
        if res.error is not None:
            summary.failed += 1
            if len(summary.sample_errors) < 10:
                summary.sample_errors.append((res.id, res.error))
            if errlog is not None:
                errlog.write(res.id, res.error)
    sink.commit()
    if errlog is not None:
        errlog.flush()


class _GracefulStop:
    """The first Ctrl-C asks the batch to stop after the chunk being written (so the output
    ends with whole, committed documents); a second one interrupts at once."""

    def __init__(self) -> None:
        self.requested = False
        self._prev: Any = None

    def _handler(self, signum: int, frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __enter__(self) -> _GracefulStop:
        if threading.current_thread() is threading.main_thread():
            self._prev = signal.signal(signal.SIGINT, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._prev is not None:
            signal.signal(signal.SIGINT, self._prev)
