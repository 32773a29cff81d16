"""Streaming readers and writers for batch extraction (JSONL, CSV, Parquet, text).

Readers yield :class:`Record` objects one at a time, so an input of any size is never held
in memory. A line or row that cannot be read (bad UTF-8, invalid JSON, a text that is not a
string) becomes a record with ``error`` set, so the batch records it and goes on; a missing
text column is a :class:`~geoevents.errors.InputFormatError` (the file has the wrong shape).

Writers ("sinks") take :class:`DocResult` objects and can resume: each tells which document
ids are already committed and cuts anything after the last commit (a partial last line after
``kill -9``, CSV rows or a Parquet part written after it).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, TextIO, cast

from ..errors import GeoeventsError, InputDecodeError, InputFormatError, OutputError
from ..frame import COLUMNS, INT_COLUMNS, _optional, event_row
from ..models import Document, Event

InputFormat = Literal["jsonl", "csv", "parquet", "txt"]
OutputFormat = Literal["documents", "events", "csv", "parquet", "table"]
"""``documents``: JSONL, one line per document; ``events``: JSONL, one line per event (with
``doc_id``); ``csv`` / ``parquet``: one row per event (:data:`geoevents.frame.COLUMNS`);
``table``: a human-readable line per event."""


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """Decode bytes as text, or raise :class:`InputDecodeError` saying where it failed."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputDecodeError(
            f"invalid {encoding} at byte {exc.start}: {data[max(0, exc.start - 20):exc.end]!r}; "
            "re-encode the input as UTF-8") from exc


# -- records ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Record:
    """One input document. ``error`` is set when it could not be read; ``text`` is then None."""

    id: str
    text: str | None
    published: Any = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Columns:
    """Names of the input fields (JSONL keys, CSV or Parquet columns)."""

    text: str = "text"
    id: str = "id"
    published: str = "published"


DEFAULT_COLUMNS = Columns()


def input_format(path: str | Path) -> InputFormat:
    """The input format a file name implies (``.jsonl[.gz]``, ``.csv[.gz]``, ``.parquet``,
    anything else is one plain-text document)."""
    name = str(path).lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    return "txt"


def read_records(paths: Sequence[str | Path], *, published: Any = None,
                 columns: Columns = DEFAULT_COLUMNS,
                 fmt: InputFormat | None = None) -> Iterator[Record]:
    """Stream the documents of the inputs, in order.

    Args:
        paths: files; ``[]`` or ``["-"]`` reads stdin (one text document, or lines/rows when
            ``fmt`` is ``jsonl`` or ``csv``).
        published: a publication date for every document (overrides the inputs' field).
        columns: the input field names.
        fmt: force an input format instead of guessing it from each file name.

    Ids: the input's ``id`` field when present, else ``<file name>:<line or row>`` (stable
    across runs, so ``--resume`` works); a text file's id is its path.
    """
    if not paths or list(paths) == ["-"]:
        kind = fmt or "txt"
        stdin = sys.stdin.buffer
        if kind == "jsonl":
            yield from _jsonl(stdin, "stdin", published, columns)
        elif kind == "csv":
            yield from _csv(io.TextIOWrapper(stdin, encoding="utf-8-sig",
                                             errors="surrogateescape", newline=""),
                            "stdin", published, columns)
        elif kind == "txt":
            yield _text_record("stdin", stdin.read(), published)
        else:
            raise InputFormatError("Parquet cannot be read from stdin; pass a file")
        return
    for p in paths:
        path = Path(p)
        kind = fmt or input_format(path)
        name = _safe(path.name)
        n = 0
        try:
            for rec in _file_records(path, name, kind, published, columns):
                n += 1
                yield rec
        except FileNotFoundError as exc:
            raise InputFormatError(f"{path}: no such file") from exc
        except (IsADirectoryError, PermissionError) as exc:
            raise InputFormatError(f"{path}: cannot read it ({exc.strerror}); pass a readable "
                                   "file") from exc
        except GeoeventsError:
            raise
        except (OSError, EOFError, zlib.error, csv.Error, ValueError) as exc:
            # a corrupt or truncated file (bad .gz, half-downloaded archive, broken Parquet):
            # record it as one failure and go on with the next input
            where = f"{name}:corrupt"
            yield Record(where, None, published, f"InputFormatError: {name}: unreadable after "
                         f"{n} records ({type(exc).__name__}: {exc}); the file is corrupt or "
                         "truncated: re-download or re-compress it")


def _file_records(path: Path, name: str, kind: InputFormat, published: Any,
                  columns: Columns) -> Iterator[Record]:
    if kind == "jsonl":
        with _open_binary(path) as fh:
            yield from _jsonl(fh, name, published, columns)
    elif kind == "csv":
        with _open_binary(path) as raw, io.TextIOWrapper(
                raw, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
            yield from _csv(fh, name, published, columns)
    elif kind == "parquet":
        yield from _parquet(path, published, columns)
    else:
        yield _text_record(_safe(str(path)), path.read_bytes(), published)


def _safe(s: str) -> str:
    """``s`` with lone surrogates (bad UTF-8 kept by ``surrogateescape``, JSON ``\\ud800``
    escapes) written as backslash escapes, so ids and messages can be written as UTF-8."""
    return s.encode("utf-8", "backslashreplace").decode("utf-8")


def _open_binary(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _text_record(doc_id: str, data: bytes, published: Any) -> Record:
    try:
        return Record(doc_id, decode(data), published)
    except InputDecodeError as exc:
        return Record(doc_id, None, published, _describe(exc))


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _checked(doc_id: str, text: Any, published: Any, where: str) -> Record:
    """A record whose text is a valid str, or one that carries the reason it is not."""
    if not isinstance(text, str):
        return Record(doc_id, None, published, f"InputTypeError: {where}: the text is "
                      f"{type(text).__name__}, not a string")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        seg = text[exc.start:exc.end]
        try:
            what = f"invalid UTF-8 {seg.encode('utf-8', 'surrogateescape')!r}"
        except UnicodeEncodeError:  # a JSON "\ud800" escape: half a surrogate pair
            what = f"a lone surrogate {seg!a}"
        return Record(doc_id, None, published, f"InputDecodeError: {where}: {what} at "
                      f"character {exc.start}; re-encode the input as UTF-8")
    return Record(doc_id, text, published)


def _jsonl(fh: IO[bytes], name: str, published: Any, columns: Columns) -> Iterator[Record]:
    for lineno, raw in enumerate(fh, 1):
        line = raw.decode("utf-8", "surrogateescape")
        if lineno == 1:
            line = line.removeprefix("\ufeff")  # a byte-order mark (files saved on Windows)
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:  # also huge numbers and deep nesting
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)[:100]
            yield Record(where, None, published, f"InputFormatError: {where}: invalid JSON "
                         f"({msg}); each line must be an object with a "
                         f"{columns.text!r} field")
            continue
        if not isinstance(obj, dict):
            yield Record(where, None, published,
                         f"InputFormatError: {where}: not a JSON object")
            continue
        if columns.text not in obj:
            raise InputFormatError(f"{where}: missing {columns.text!r} field (a string)")
        doc_id = obj.get(columns.id)
        yield _checked(where if doc_id is None else _safe(str(doc_id)), obj[columns.text],
                       published or obj.get(columns.published), where)


def _csv(fh: TextIO, name: str, published: Any, columns: Columns) -> Iterator[Record]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # articles are longer than 128 KiB
    reader = csv.DictReader(fh)
    header = reader.fieldnames or []
    if columns.text not in header:
        raise InputFormatError(f"{name}: no {columns.text!r} column in the CSV header "
                               f"({', '.join(header)})")
    for rowno, row in enumerate(reader, 1):
        where = f"{name}:{rowno}"
        doc_id = _safe(row.get(columns.id) or where)
        yield _checked(doc_id, row[columns.text], published or row.get(columns.published)
                       or None, where)


def _parquet(path: Path, published: Any, columns: Columns) -> Iterator[Record]:
    pq = _optional("pyarrow.parquet", "parquet")
    pf = pq.ParquetFile(path)
    names = set(pf.schema_arrow.names)
    if columns.text not in names:
        raise InputFormatError(f"{path}: no {columns.text!r} column "
                               f"({', '.join(sorted(names))})")
    wanted = [c for c in (columns.text, columns.id, columns.published) if c in names]
    rowno = 0
    for batch in pf.iter_batches(batch_size=1024, columns=wanted):
        for row in batch.to_pylist():
            rowno += 1
            where = f"{path.name}:{rowno}"
            doc_id = row.get(columns.id)
            yield _checked(where if doc_id is None else str(doc_id), row[columns.text],
                           published or row.get(columns.published), where)


# -- results ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocResult:
    """The outcome of one document, already formatted for the sink (done in the worker)."""

    id: str
    events: int
    sentences: int
    payload: Any
    error: str | None = None


def format_document(fmt: OutputFormat, doc_id: str, doc: Document) -> Any:
    """The sink payload of one analysed document."""
    if fmt == "documents":
        return document_line(doc_id, doc.published, doc.events)
    if fmt == "events":
        return "".join(json.dumps({"doc_id": doc_id, **e.model_dump(mode="json")},
                                  ensure_ascii=False) + "\n" for e in doc.events)
    if fmt == "table":
        return "".join(table_line(doc_id, e) for e in doc.events)
    rows = [event_row(e, doc_id) for e in doc.events]
    if fmt == "csv":
        return csv_text(rows)
    return rows


def csv_text(rows: list[dict[str, Any]]) -> str:
    """CSV lines (no header) for event rows."""
    if not rows:
        return ""
    buf = io.StringIO()
    csv.DictWriter(buf, COLUMNS).writerows(rows)
    return buf.getvalue()


def format_error(fmt: OutputFormat, doc_id: str, error: str) -> Any:
    """The sink payload of a failed document (a line in JSONL documents output)."""
    if fmt == "documents":
        return json.dumps({"id": doc_id, "error": error}, ensure_ascii=False) + "\n"
    return [] if fmt == "parquet" else ""


def document_line(doc_id: str, published: dt.date | None, events: Iterable[Event]) -> str:
    """``{"id", "published", "events": [...]}`` and a newline."""
    return json.dumps({"id": doc_id, "published": published.isoformat() if published else None,
                       "events": [e.model_dump(mode="json") for e in events]},
                      ensure_ascii=False) + "\n"


def table_line(doc_id: str, e: Event) -> str:
    """One event as a human-readable, tab-separated line."""
    t = e.target
    neg = " (negated)" if e.negated else ""
    return (f"{doc_id}\t{e.date or '-'}\t{e.actor.name or e.actor.mention} "
            f"[{e.actor.country or '-'}/{e.actor.sector or '-'}] "
            f"-{e.action.cameo} {e.action.label}{neg}-> "
            f"{(t.name or t.mention) if t else '-'} "
            f"[{(t.country or '-') if t else '-'}/{(t.sector or '-') if t else '-'}]"
            f"\t{e.action.trigger}\n")


# -- sinks --------------------------------------------------------------------------------


class Sink:
    """Where results go. ``done`` holds the ids committed by an earlier run (``resume``)."""

    done: set[str]
    resumable = False

    def write(self, res: DocResult) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make everything written so far durable against a killed process."""

    def close(self, *, commit: bool = True) -> None:
        """Close; ``commit=False`` (a hard interrupt) leaves the tail for resume to cut."""
        if commit:
            self.commit()


class StreamSink(Sink):
    """Text payloads (JSONL lines, table lines) to a stream or a file."""

    def __init__(self, path: str | Path | None, *, resume: bool = False,
                 stream: TextIO | None = None, resumable: bool = False) -> None:
        self.done = set()
        self.resumable = resumable
        self._own = path is not None
        if path is not None:
            p = Path(path)
            if resume and p.exists():
                self.done = scan_jsonl_ids(p)
            self._fh: TextIO = _open_text(p, "a" if resume else "w")
        else:
            self._fh = stream if stream is not None else sys.stdout

    def write(self, res: DocResult) -> None:
        if res.payload:
            self._fh.write(res.payload)

    def commit(self) -> None:
        self._fh.flush()

    def close(self, *, commit: bool = True) -> None:
        try:
            self.commit()
        finally:
            if self._own:
                self._fh.close()


def _open_text(path: Path, mode: str) -> TextIO:
    try:
        return cast(TextIO, path.open(mode, encoding="utf-8", newline=""))
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}; choose a writable path "
                          "with -o") from exc


def scan_jsonl_ids(path: Path, key: str = "id") -> set[str]:
    """The ``key`` values of the complete lines of a JSONL file written by a sink.

    A partial last line (a killed run) is cut off the file, so appending continues cleanly.

    Raises:
        OutputError: a line other than the last is not valid JSON (not our output).
    """
    ids: set[str] = set()
    good = 0
    with path.open("rb") as fh:
        pending: tuple[int, bytes] | None = None
        for raw in fh:
            if pending is not None:
                raise OutputError(f"{path}: line at byte {pending[0]} is not valid JSON; "
                                  "this is not a resumable geoevents output")
            obj = _loads(raw) if raw.endswith(b"\n") else None
            if not isinstance(obj, dict) or key not in obj:
                pending = (good, raw)
                continue
            ids.add(str(obj[key]))
            good += len(raw)
    if pending is not None:
        with path.open("r+b") as fh:
            fh.truncate(good)
    return ids


def _loads(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


class Ledger:
    """A JSONL file of committed ids (with the output size at commit) beside CSV/Parquet
    outputs, which have no row for a document without events."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        self.entries: list[dict[str, Any]] = []
        self.done: set[str] = set()
        if resume and path.exists():
            self.done = scan_jsonl_ids(path)
            with path.open(encoding="utf-8") as fh:
                last = None
                for line in fh:
                    last = line
                self.last = json.loads(last) if last else None
        else:
            self.last = None
        self._fh = _open_text(path, "a" if resume else "w")

    def commit(self, ids: Iterable[str], **info: Any) -> None:
        self._fh.write("".join(json.dumps({"id": i, **info}, ensure_ascii=False) + "\n"
                               for i in ids))
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


class CsvSink(Sink):
    """One CSV row per event. With a file, a ledger ``<output>.done.jsonl`` records the ids
    and the file size at each commit; resuming cuts the CSV back to the last commit."""

    def __init__(self, path: str | Path | None, *, resume: bool = False,
                 stream: TextIO | None = None) -> None:
        self.done = set()
        self._ledger: Ledger | None = None
        self._pending: list[str] = []
        if path is None:
            self._fh: TextIO = stream if stream is not None else sys.stdout
            self._own = False
            csv.DictWriter(self._fh, COLUMNS).writeheader()
            return
        self.resumable = True
        p = Path(path)
        self._own = True
        resuming = resume and p.exists()
        self._ledger = Ledger(Path(f"{p}.done.jsonl"), resume=resuming)
        committed = int(self._ledger.last["end"]) if self._ledger.last else 0
        try:
            if committed:
                self.done = self._ledger.done
                with p.open("r+b") as fh:
                    fh.truncate(committed)
                self._fh = _open_text(p, "a")
            else:
                self._fh = _open_text(p, "w")
                csv.DictWriter(self._fh, COLUMNS).writeheader()
        except BaseException:
            self._ledger.close()  # e.g. the output path is a directory
            raise

    def write(self, res: DocResult) -> None:
        if res.payload:
            self._fh.write(res.payload)
        if self._ledger is not None:
            self._pending.append(res.id)

    def commit(self) -> None:
        self._fh.flush()
        if self._ledger is not None and self._pending:
            self._ledger.commit(self._pending, end=os.fstat(self._fh.fileno()).st_size)
            self._pending = []

    def close(self, *, commit: bool = True) -> None:
        try:
            if commit:
                self.commit()
        finally:
            if self._own:
                self._fh.close()
            if self._ledger is not None:
                self._ledger.close()


_PARQUET_TYPES = {"goldstein": "float64", "confidence": "float64", "location_lat": "float64",
                  "location_lon": "float64", "negated": "bool_", "date": "date32",
                  **{c: "int64" for c in INT_COLUMNS}}


def parquet_schema() -> Any:
    """The pyarrow schema of event rows."""
    pa = _optional("pyarrow", "parquet")
    return pa.schema([(c, getattr(pa, _PARQUET_TYPES.get(c, "string"))()) for c in COLUMNS])


@dataclass
class ParquetSink(Sink):
    """One Parquet row per event, streamed in row groups into part files of a directory
    (``events.parquet/part-00000.parquet`` …; pandas and pyarrow read the directory as one
    table). A part is committed (ids added to ``_done.jsonl``) when it is closed, every
    ``part_docs`` documents; resuming deletes uncommitted parts and redoes their documents."""

    path: str | Path
    resume: bool = False
    part_docs: int = 20_000
    row_group_rows: int = 10_000
    done: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.resumable = True
        self._pa = _optional("pyarrow", "parquet")
        self._pq = _optional("pyarrow.parquet", "parquet")
        self._schema = parquet_schema()
        self._dir = Path(self.path)
        if self._dir.exists() and not self._dir.is_dir():
            raise OutputError(f"{self._dir} exists and is not a directory; Parquet output is "
                              "a directory of part files")
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create {self._dir}: {exc.strerror}; choose a writable "
                              "path with -o") from exc
        ledger_path = self._dir / "_done.jsonl"
        if not self.resume:
            for old in self._dir.glob("part-*.parquet"):
                old.unlink()
        self._ledger = Ledger(ledger_path, resume=self.resume)
        committed_parts = set()
        if self.resume and ledger_path.exists():
            self.done = self._ledger.done
            with ledger_path.open(encoding="utf-8") as fh:
                committed_parts = {json.loads(line)["part"] for line in fh}
            for part in self._dir.glob("part-*.parquet"):
                if part.name not in committed_parts:
                    part.unlink()  # written by a run that was killed before committing it
        numbers = [int(p.stem.split("-")[1]) for p in self._dir.glob("part-*.parquet")]
        self._next = max(numbers, default=-1) + 1
        self._writer: Any = None
        self._part_ids: list[str] = []
        self._rows: list[dict[str, Any]] = []

    def _open_part(self) -> None:
        self._part = f"part-{self._next:05d}.parquet"
        self._next += 1
        self._writer = self._pq.ParquetWriter(self._dir / self._part, self._schema)

    def write(self, res: DocResult) -> None:
        if self._writer is None:
            self._open_part()
        self._rows.extend(res.payload)
        self._part_ids.append(res.id)
        if len(self._rows) >= self.row_group_rows:
            self._flush_rows()
        if len(self._part_ids) >= self.part_docs:
            self._close_part()

    def _flush_rows(self) -> None:
        for r in self._rows:
            if r["date"] is not None:
                r["date"] = dt.date.fromisoformat(r["date"])
        self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
        self._rows = []

    def _close_part(self) -> None:
        if self._writer is None:
            return
        if self._rows:
            self._flush_rows()
        self._writer.close()
        self._writer = None
        self._ledger.commit(self._part_ids, part=self._part)
        self._part_ids = []

    def close(self, *, commit: bool = True) -> None:
        try:
            if commit:
                self._close_part()
            elif self._writer is not None:
                self._writer.close()  # not in the ledger: resume deletes this part
        finally:
            self._ledger.close()


def open_sink(fmt: OutputFormat, path: str | Path | None, *, resume: bool = False,
              stream: TextIO | None = None) -> Sink:
    """The sink for an output format and path (None: ``stream`` or stdout)."""
    if resume and path is None:
        raise OutputError("--resume needs an output file (-o)")
    if fmt == "parquet":
        if path is None:
            raise OutputError("Parquet output needs a path (-o events.parquet)")
        return ParquetSink(path, resume=resume)
    if fmt == "csv":
        return CsvSink(path, resume=resume, stream=stream)
    if resume and fmt != "documents":
        raise OutputError(f"--resume works with JSONL documents, CSV and Parquet output, "
                          f"not {fmt}")
    return StreamSink(path, resume=resume, stream=stream, resumable=fmt == "documents")


class ErrorLog:
    """``{"id", "error"}`` lines for failed documents (appended when resuming)."""

    def __init__(self, path: str | Path, *, resume: bool) -> None:
        self.path = Path(path)
        if resume and self.path.exists():
            scan_jsonl_ids(self.path)  # cut a partial last line
        self._fh = _open_text(self.path, "a" if resume else "w")

    def write(self, doc_id: str, error: str) -> None:
        self._fh.write(json.dumps({"id": doc_id, "error": error}, ensure_ascii=False) + "\n")

    def flush(self) -> None:
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def remove_if_empty(path: str | Path) -> None:
    """Remove a file with no content (an errors file of a run where nothing failed)."""
    p = Path(path)
    if p.exists() and p.stat().st_size == 0:
        os.unlink(p)
