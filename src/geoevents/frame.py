"""Events as flat rows and pandas data frames: one row per event, ready for dyad-day counts.

>>> import geoevents
>>> nlp = geoevents.load()
>>> df = geoevents.to_frame(nlp.extract("Rusia mengecam Ukraina.", published="2024-05-01"))
>>> df[["actor_country", "cameo", "target_country", "date"]].values.tolist()
[['RUS', '111', 'UKR', Timestamp('2024-05-01 00:00:00')]]

The same columns are the CSV and Parquet outputs of ``geoevents extract`` (see
:mod:`geoevents.io.batch`). pandas is optional: ``pip install 'geoevents[pandas]'``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from .errors import InputFormatError, MissingDependencyError
from .models import Event

if TYPE_CHECKING:
    from .pipeline import Pipeline

COLUMNS: list[str] = [
    "doc_id", "actor_mention", "actor_name", "actor_id", "actor_country", "actor_sector",
    "actor_cameo", "cameo", "root", "label", "plover", "goldstein", "trigger",
    "target_mention", "target_name", "target_id", "target_country", "target_sector",
    "target_cameo", "date", "date_text", "date_granularity", "negated", "rule", "confidence",
    "sentence",
    "sentence_start", "sentence_end", "actor_kind", "actor_start", "actor_end", "target_kind",
    "target_start", "target_end", "trigger_start", "trigger_end", "location_name",
    "location_country", "location_admin1", "location_lat", "location_lon", "location_source",
]
"""The flat columns of one event, in output order (CSV header, Parquet and frame columns)."""

INT_COLUMNS = ("sentence_start", "sentence_end", "actor_start", "actor_end", "target_start",
               "target_end", "trigger_start", "trigger_end")

DTYPES: dict[str, str] = {
    **{c: "string" for c in COLUMNS},
    **{c: "Int64" for c in INT_COLUMNS},
    "goldstein": "float64",
    "confidence": "float64",
    "location_lat": "float64",
    "location_lon": "float64",
    "negated": "boolean",
    "date": "datetime64[ns]",
}
"""pandas dtypes of :data:`COLUMNS` (nullable strings and integers; ``date`` is a datetime)."""

def _spark_type(column: str) -> str:
    if column in INT_COLUMNS:
        return "bigint"
    return {"goldstein": "double", "confidence": "double", "location_lat": "double",
            "location_lon": "double", "negated": "boolean",
            "date": "timestamp"}.get(column, "string")


SPARK_SCHEMA = ", ".join(f"{c} {_spark_type(c)}" for c in COLUMNS)
"""The columns as a Spark DDL schema string, for ``mapInPandas`` (see docs/performance.md)."""


def event_row(e: Event, doc_id: str | None) -> dict[str, Any]:
    """A flat dict for one event (CSV, Parquet, table and frame rows); ``date`` is ISO text."""
    a, t, act, loc = e.actor, e.target, e.action, e.location
    ts = act.trigger_span
    return {
        "doc_id": doc_id, "actor_mention": a.mention, "actor_name": a.name,
        "actor_id": a.id, "actor_country": a.country,
        "actor_sector": a.sector, "actor_cameo": a.cameo,
        "cameo": act.cameo, "root": act.root, "label": act.label,
        "plover": act.plover, "goldstein": act.goldstein,
        "trigger": act.trigger,
        "target_mention": t.mention if t else None, "target_name": t.name if t else None,
        "target_id": t.id if t else None, "target_country": t.country if t else None,
        "target_sector": t.sector if t else None, "target_cameo": t.cameo if t else None,
        "date": e.date.isoformat() if e.date else None, "date_text": e.date_text,
        "date_granularity": e.date_granularity,
        "negated": e.negated, "rule": e.rule, "confidence": e.confidence,
        "sentence": e.sentence,
        "sentence_start": e.sentence_span[0], "sentence_end": e.sentence_span[1],
        "actor_kind": a.kind, "actor_start": a.span[0], "actor_end": a.span[1],
        "target_kind": t.kind if t else None, "target_start": t.span[0] if t else None,
        "target_end": t.span[1] if t else None,
        "trigger_start": ts[0] if ts else None, "trigger_end": ts[1] if ts else None,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_admin1": loc.admin1 if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "location_source": loc.source if loc else None,
    }


def pandas() -> Any:
    """The pandas module, or a :class:`MissingDependencyError` that says what to install."""
    return _optional("pandas", "pandas")


def _optional(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"{module} is not installed; install it with pip install 'geoevents[{extra}]'"
        ) from exc


def rows_to_frame(rows: Iterable[dict[str, Any]]) -> Any:
    """A pandas DataFrame with :data:`COLUMNS` and :data:`DTYPES` from :func:`event_row`
    dicts (an empty iterable gives an empty frame with the same columns and dtypes)."""
    pd = pandas()
    df = pd.DataFrame.from_records(list(rows), columns=COLUMNS)
    df["date"] = pd.to_datetime(df["date"], format="ISO8601")
    return df.astype(DTYPES)


def empty_frame() -> Any:
    """A frame with no rows and the event columns (the ``meta`` of Dask results)."""
    return rows_to_frame([])


def to_frame(events: Iterable[Event | tuple[str | None, Event]], *,
             doc_id: str | None = None) -> Any:
    """One row per event with flat columns (see :data:`COLUMNS`).

    Args:
        events: :class:`Event` objects, or ``(doc_id, Event)`` pairs.
        doc_id: the ``doc_id`` of bare events.

    Raises:
        MissingDependencyError: pandas is not installed.
    """
    rows = []
    for item in events:
        if isinstance(item, tuple):
            rows.append(event_row(item[1], item[0]))
        else:
            rows.append(event_row(item, doc_id))
    return rows_to_frame(rows)


def extract_frame(nlp: Pipeline, df: Any, *, text: str = "text",
                  published: str | None = "published", id: str | None = "id",
                  errors: Literal["raise", "skip"] = "raise") -> Any:
    """Run ``nlp`` over the rows of a pandas DataFrame; one output row per event.

    Args:
        nlp: the pipeline.
        df: a pandas DataFrame with a text column.
        text: the text column.
        published: the publication-date column; None, or the default name when the frame
            has no such column, reads each article's dateline instead.
        id: the document-id column (becomes ``doc_id``); None, or the default name when the
            frame has no such column, uses the frame's index.
        errors: ``"raise"`` stops at the first document that fails; ``"skip"`` leaves it out.

    Raises:
        InputFormatError: a named column is missing.
        MissingDependencyError: pandas is not installed.
    """
    pd = pandas()
    cols = set(df.columns)
    if text not in cols:
        raise InputFormatError(f"no text column {text!r} in the frame (columns: "
                               f"{', '.join(map(str, df.columns))}); pass text=<column>")
    for name, default in ((published, "published"), (id, "id")):
        if name is not None and name not in cols and name != default:
            raise InputFormatError(f"no column {name!r} in the frame; pass None to leave it out")
    texts = df[text].tolist()
    pubs = df[published].tolist() if published in cols else [None] * len(texts)
    ids = df[id].tolist() if id in cols else df.index.tolist()
    rows: list[dict[str, Any]] = []
    for doc_id, t, pub in zip(ids, texts, pubs, strict=True):
        did = None if _missing(pd, doc_id) else str(doc_id)
        try:
            events = nlp.extract(t, published=None if _missing(pd, pub) else pub)
        except Exception:
            if errors == "raise":
                raise
            continue
        rows.extend(event_row(e, did) for e in events)
    return rows_to_frame(rows)


def _missing(pd: Any, value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
