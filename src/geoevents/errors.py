"""Errors raised by geoevents.

Every exception subclasses the built-in it refines, so callers can catch ``TypeError`` or
``ValueError`` as usual, and every message says what to do instead.
"""

from __future__ import annotations


class GeoeventsError(Exception):
    """Base class of every geoevents error."""


class InputTypeError(GeoeventsError, TypeError):
    """The text passed in is not a ``str`` (None, bytes, a number, ...)."""


class InputDecodeError(GeoeventsError, ValueError):
    """Bytes that could not be decoded as text."""


class PublishedDateError(GeoeventsError, ValueError):
    """The ``published`` value is not a date, an ISO date string or None."""


class DataFileError(GeoeventsError, ValueError):
    """A data file (gazetteer, agent words, triggers, dates) is invalid.

    Attributes:
        path: the file.
        record: the record number (1-based line or list index), when known.
        field: the offending field, when known.
    """

    def __init__(
        self, message: str, *, path: str, record: int | str | None = None,
        field: str | None = None,
    ) -> None:
        where = path if record is None else f"{path}, record {record}"
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.record = record
        self.field = field


class GazetteerError(DataFileError):
    """An invalid gazetteer file: unknown key, bad date, duplicate id, alias clash."""


class RuleFileError(DataFileError):
    """An invalid trigger or rule file."""


class InputFormatError(GeoeventsError, ValueError):
    """A malformed input line or a missing column in a batch input file."""


class DocumentTooLongError(GeoeventsError, ValueError):
    """A document longer than the pipeline's ``max_length``."""


class OutputError(GeoeventsError, OSError):
    """An output file that cannot be written."""


class ModelNotFoundError(GeoeventsError, FileNotFoundError):
    """A model (e.g. stanza's Indonesian models) is missing; the message says how to get it."""


class OptionError(GeoeventsError, ValueError):
    """An unknown or invalid pipeline option."""


E001 = (
    "expected text as str, got {type}. Pass a str; decode bytes first, e.g. "
    "text.decode('utf-8'), or pass them through geoevents.io.decode()."
)
E002 = (
    "invalid published date {value!r}. Pass a datetime.date, an ISO string such as "
    "'2021-10-21', or None to read the date from the article's dateline."
)
E003 = "unknown option(s) {names} for geoevents.load(); known options: {known}."


class MissingDependencyError(GeoeventsError, ImportError):
    """An optional dependency (pandas, pyarrow, dask) is not installed; the message names
    the extra to install, e.g. ``pip install 'geoevents[parquet]'``."""
E004 = (
    "document of {n:,} characters is longer than max_length={limit:,}. Split it into "
    "articles, or build the pipeline with geoevents.load(max_length=...) if it really is one."
)


class WorkerError(GeoeventsError, RuntimeError):
    """A worker process died (killed, out of memory); the output is committed up to the
    last whole chunk, so the run can be finished with ``--resume``."""


class ModelDownloadError(GeoeventsError, ConnectionError):
    """Downloading a third-party model (``geoevents download stanza``) failed."""
