"""Run geoevents on a Dask cluster: a bag of documents or a Dask DataFrame in, a Dask
DataFrame of events out (the columns of :data:`geoevents.frame.COLUMNS`).

>>> import dask.bag as db                                            # doctest: +SKIP
>>> from geoevents.io.dask import extract_bag, extract_dataframe
>>> docs = db.read_text("archive-*.jsonl").map(json.loads)
>>> events = extract_bag(docs)                     # a dask.dataframe.DataFrame
>>> events.groupby(["actor_country", "target_country", "date"]).size().compute()

Each worker process builds the pipeline once (on its first task) and keeps it for every
later task: pass pipeline *options*, not a :class:`~geoevents.Pipeline` (a pipeline pickles
as its options and would be rebuilt for every task). Install with
``pip install 'geoevents[dask]'``.
"""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from ..errors import MissingDependencyError
from ..frame import empty_frame, event_row, extract_frame, pandas, rows_to_frame
from ..inputs import check_text
from ..pipeline import Pipeline

__all__ = ["extract", "extract_bag", "extract_dataframe", "map_in_pandas", "worker_pipeline"]

Errors = Literal["raise", "skip"]

_LOCK = threading.Lock()
_PIPELINES: dict[str, Pipeline] = {}


def worker_pipeline(options: Mapping[str, Any] | Pipeline | None = None) -> Pipeline:
    """The pipeline of this process for ``options``, built on first use and then reused
    (one per worker process; safe to call from several threads)."""
    opts = _options(options)
    key = json.dumps(opts, sort_keys=True, default=str)
    with _LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            nlp = _PIPELINES[key] = Pipeline(**opts)
        return nlp


def _dask(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"{module} is not installed; install it with pip install 'geoevents[dask]'"
        ) from exc


def _options(options: Mapping[str, Any] | Pipeline | None) -> dict[str, Any]:
    """Pipeline options as a plain, picklable dict (a Pipeline gives its own options)."""
    if isinstance(options, Pipeline):
        return dict(options.options)
    return dict(options or {})


def _bag_partition(items: Iterable[Any], number: int, options: dict[str, Any],
                   text: str, published: str | None, id: str | None,
                   errors: Errors) -> Any:
    """Events of one bag partition: items are texts or dicts with a text field."""
    nlp = worker_pipeline(options)
    rows: list[dict[str, Any]] = []
    for k, item in enumerate(items):
        if isinstance(item, Mapping):
            t = item.get(text)
            pub = item.get(published) if published else None
            did = item.get(id) if id else None
        else:
            t, pub, did = item, None, None
        doc_id = f"{number}:{k}" if did is None else str(did)
        try:
            events = nlp.extract(check_text(t), published=pub)
        except Exception:
            if errors == "raise":
                raise
            continue
        rows.extend(event_row(e, doc_id) for e in events)
    return rows_to_frame(rows)


def _frame_partition(pdf: Any, options: dict[str, Any], text: str,
                     published: str | None, id: str | None, errors: Errors) -> Any:
    return extract_frame(worker_pipeline(options), pdf, text=text, published=published,
                         id=id, errors=errors)


def extract_bag(bag: Any, *, options: Mapping[str, Any] | Pipeline | None = None,
                text: str = "text", published: str | None = "published",
                id: str | None = "id", errors: Errors = "raise") -> Any:
    """Map the pipeline over a ``dask.bag.Bag`` of texts or dicts (``text``, ``published``
    and ``id`` keys); returns a lazy Dask DataFrame with one row per event.

    Documents without an id get ``"<partition>:<position>"``.
    """
    dd = _dask("dask.dataframe")
    delayed = _dask("dask").delayed
    opts = _options(options)
    parts = [delayed(_bag_partition, pure=True)(p, i, opts, text, published, id, errors)
             for i, p in enumerate(bag.to_delayed())]
    return dd.from_delayed(parts, meta=empty_frame(), verify_meta=False)


def extract_dataframe(ddf: Any, *, options: Mapping[str, Any] | Pipeline | None = None,
                      text: str = "text", published: str | None = "published",
                      id: str | None = "id", errors: Errors = "raise") -> Any:
    """Map the pipeline over the partitions of a Dask DataFrame with a text column (and
    optionally ``published`` and ``id``); returns a lazy Dask DataFrame of events."""
    _dask("dask.dataframe")
    return ddf.map_partitions(_frame_partition, _options(options), text, published, id,
                              errors, meta=empty_frame(), enforce_metadata=False)


def extract(collection: Any, **kwargs: Any) -> Any:
    """:func:`extract_bag` or :func:`extract_dataframe`, by the type of ``collection``."""
    db = _dask("dask.bag")
    if isinstance(collection, db.Bag):
        return extract_bag(collection, **kwargs)
    return extract_dataframe(collection, **kwargs)


def map_in_pandas(options: Mapping[str, Any] | None = None, *, text: str = "text",
               published: str | None = "published", id: str | None = "id",
               errors: Errors = "skip") -> Any:
    """A function for Spark's ``DataFrame.mapInPandas`` (iterator of pandas frames in,
    iterator of event frames out), with the pipeline built once per executor process.

    Use it with ``schema=geoevents.frame.SPARK_SCHEMA``; see docs/performance.md.
    """
    opts = _options(options)

    def udf(frames: Iterable[Any]) -> Iterable[Any]:
        pandas()
        nlp = worker_pipeline(opts)
        for pdf in frames:
            out = extract_frame(nlp, pdf, text=text, published=published, id=id,
                                errors=errors)
            yield out.astype({"date": "datetime64[us]"})

    return udf
