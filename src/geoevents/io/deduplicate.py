"""One record per real-world event: the "one-a-day" filter of event-data practice.

Many outlets report the same meeting, and one outlet reports it again the next day; an
analyst who counts dyads first keeps one record per actor, action and target per day
(the ICEWS and Phoenix habit). :func:`dedupe` does that on the event frames of
:func:`geoevents.to_frame`, ``extract_frame`` and :mod:`geoevents.io.dask`:

>>> import geoevents                                                  # doctest: +SKIP
>>> frame = geoevents.to_frame(pairs)        # (doc_id, Event) pairs of many stories
>>> daily = geoevents.dedupe(frame)          # one row per actor-root-target-day
>>> daily[["actor_name", "root", "target_name", "date", "mentions", "doc_ids"]]

Actors are compared by gazetteer id where they have one ("Jokowi" and "Joko Widodo" are
both ``IDN_JOKO_WIDODO``), else by name, country and sector ("polisi" of Indonesia is
``None/IDN/COP`` wherever it appears). The row kept is the one with the highest
confidence; ``mentions`` counts the rows it stands for and ``doc_ids`` lists the documents
that reported it. Events with no date are kept as they are (``mentions`` 1): there is no
day to compare.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import OptionError
from ..frame import COLUMNS, DTYPES, event_row, pandas, rows_to_frame
from ..models import Event

__all__ = ["KEYS", "dedupe", "dedupe_output", "read_output"]

KEYS = ("actor", "root", "target")
"""The default keys: the actor, the CAMEO root and the target."""

_ROLES = ("actor", "target")
_BUCKET = "_dedupe_day"
_EXTRA = ("mentions", "doc_ids")


def _actor_key(df: Any, role: str) -> Any:
    """Per row, the gazetteer id of the role's actor, else "name|country|sector"."""
    ident = df[f"{role}_id"].astype("object")
    other = (df[f"{role}_name"].astype("object").fillna("") + "|"
             + df[f"{role}_country"].astype("object").fillna("") + "|"
             + df[f"{role}_sector"].astype("object").fillna(""))
    return ident.where(ident.notna(), other)


def _key_columns(keys: Sequence[str], columns: Sequence[str]) -> list[str]:
    if isinstance(keys, str) or not keys:
        raise OptionError(f"keys must be a non-empty sequence of names, got {keys!r}")
    out = []
    for k in keys:
        if k not in _ROLES and k not in columns:
            raise OptionError(f"unknown dedupe key {k!r}: use 'actor', 'target' or an event "
                              f"column ({', '.join(c for c in columns if c not in _EXTRA)})")
        out.append(f"_dedupe_{k}" if k in _ROLES else k)
    return out


def _bucket(dates: Any, window: str) -> Any:
    """The start of the window each date falls in ("1D": the day)."""
    try:
        return dates.dt.floor(window)
    except (ValueError, TypeError) as exc:
        raise OptionError(f"window must be a fixed pandas frequency such as '1D', '12h' or "
                          f"'7D', got {window!r}") from exc


def _reduce(df: Any, keys: Sequence[str], window: str) -> Any:
    """Collapse the rows of a pandas frame that share the keys and the window; a frame that
    was reduced before (``mentions``/``doc_ids`` present) combines its counts."""
    pd = pandas()
    df = df.copy()
    if "mentions" not in df.columns:
        df["mentions"] = 1
        df["doc_ids"] = [[] if pd.isna(d) else [str(d)] for d in df["doc_id"]]
    order = [c for c in df.columns if c not in _EXTRA] + list(_EXTRA)
    for role in _ROLES:
        df[f"_dedupe_{role}"] = _actor_key(df, role) if len(df) else pd.Series(dtype="object")
    cols = _key_columns(keys, list(df.columns))
    df[_BUCKET] = _bucket(df["date"], window)
    undated = df[df[_BUCKET].isna()]
    dated = df[df[_BUCKET].notna()]
    if len(dated):
        by = [*cols, _BUCKET]
        conf = dated["confidence"].astype("float64").fillna(-1.0)
        ranked = dated.assign(_dedupe_conf=conf).sort_values(
            "_dedupe_conf", ascending=False, kind="stable")
        grouped = ranked.groupby(by, dropna=False, sort=False)
        first = grouped.head(1).drop(columns="_dedupe_conf")
        counts = grouped["mentions"].sum()
        docs = grouped["doc_ids"].agg(lambda s: sorted({d for ids in s for d in ids}))
        first = first.set_index(by)
        first["mentions"] = counts.reindex(first.index).to_numpy()
        first["doc_ids"] = docs.reindex(first.index).to_numpy()
        dated = first.reset_index()
    out = pd.concat([dated, undated], ignore_index=True) if len(undated) else dated
    out = out[order]
    out["mentions"] = out["mentions"].astype("int64")
    return out.sort_values(["date", "doc_id"], kind="stable", na_position="last"
                           ).reset_index(drop=True)


def dedupe(events: Any, *, window: str = "1D", keys: Sequence[str] = KEYS) -> Any:
    """One record per ``keys`` per ``window`` (the "one-a-day" filter).

    Args:
        events: an event frame (pandas or Dask) with the columns of
            :data:`geoevents.frame.COLUMNS`, or the output of an earlier ``dedupe``.
        window: a fixed pandas frequency ("1D", "12h", "7D"); events are grouped by the
            window their ``date`` falls in.
        keys: what makes two records one event: "actor" and "target" (by gazetteer id,
            else name, country and sector) and any event column ("root", "cameo",
            "plover", "actor_country" ...).

    Returns:
        A frame of the same kind with the event columns, ``mentions`` (how many rows the
        record stands for) and ``doc_ids`` (the sorted ids of the documents that reported
        it); the row kept from each group is the one with the highest ``confidence``.

    Raises:
        OptionError: an unknown key or a window that is not a fixed frequency.
        MissingDependencyError: pandas (or dask, for a Dask frame) is not installed.
    """
    if type(events).__module__.startswith("dask"):
        return _dedupe_dask(events, window, tuple(keys))
    return _reduce(events, keys, window)


def _dedupe_dask(events: Any, window: str, keys: tuple[str, ...]) -> Any:
    """Reduce each partition, bring rows with the same keys together, reduce again."""
    pd = pandas()
    meta = _reduce(events._meta, keys, window)
    part = events.map_partitions(_reduce, keys, window, meta=meta)

    def shard(df: Any) -> Any:
        roles = {r: _actor_key(df, r) if len(df) else pd.Series(dtype="object")
                 for r in _ROLES}
        cols = [roles[k] if k in _ROLES else df[k].astype("object") for k in keys]
        parts = [c.fillna("").astype(str) for c in cols]
        day = _bucket(df["date"], window).astype(str)
        joined = day
        for c in parts:
            joined = joined + "\x00" + c
        return df.assign(_dedupe_shard=pd.util.hash_pandas_object(joined, index=False)
                         .astype("int64"))

    sharded = part.map_partitions(shard, meta=meta.assign(_dedupe_shard=pd.Series(
        dtype="int64")))
    shuffled = sharded.shuffle(on="_dedupe_shard")
    return shuffled.map_partitions(
        lambda df: _reduce(df.drop(columns="_dedupe_shard"), keys, window), meta=meta)


# -- outputs of ``geoevents extract`` -----------------------------------------------------

_INTS = {"sentence_start", "sentence_end", "actor_start", "actor_end", "target_start",
         "target_end", "trigger_start", "trigger_end"}


def _csv_value(column: str, value: str) -> Any:
    if value == "":
        return None
    if column in _INTS:
        return int(value)
    if column in ("goldstein", "confidence", "location_lat", "location_lon"):
        return float(value)
    if column == "negated":
        return value == "True"
    return value


def read_output(path: str | Path, fmt: str) -> Any:
    """The events written by ``geoevents extract -o path`` as an event frame: ``fmt`` is
    "documents" (JSONL, one line per document), "csv" or "parquet" (a directory of parts)."""
    pd = pandas()
    p = Path(path)
    rows: list[dict[str, Any]] = []
    if fmt == "documents":
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                rows.extend(event_row(Event.model_validate(e), rec.get("id"))
                            for e in rec.get("events") or [])
    elif fmt == "csv":
        with p.open(encoding="utf-8", newline="") as fh:
            rows = [{k: _csv_value(k, v) for k, v in r.items()} for r in csv.DictReader(fh)]
    elif fmt == "parquet":
        df = pd.read_parquet(p)
        df["date"] = pd.to_datetime(df["date"])
        return df.astype(DTYPES)[COLUMNS]
    else:
        raise OptionError(f"deduplication reads JSONL, CSV or Parquet outputs, not {fmt!r}")
    return rows_to_frame(rows)


def dedupe_output(path: str | Path, fmt: str, *, window: str = "1D",
                  keys: Sequence[str] = KEYS) -> Path:
    """Deduplicate the events of an ``extract`` output into ``<name>.dedupe<suffix>`` next
    to it (JSONL: one line per record; CSV: ``doc_ids`` joined by ";"; Parquet: one file)
    and return that path."""
    p = Path(path)
    out = dedupe(read_output(p, fmt), window=window, keys=keys)
    suffix = {"documents": ".jsonl", "csv": ".csv", "parquet": ".parquet"}[fmt]
    stem = p.name[:-len(p.suffix)] if p.suffix else p.name
    target = p.with_name(f"{stem}.dedupe{suffix}")
    if fmt == "parquet":
        out.to_parquet(target, index=False)
        return target
    records = out.assign(date=out["date"].dt.strftime("%Y-%m-%d")).astype(object)
    records = records.where(records.notna(), None).to_dict("records")
    with target.open("w", encoding="utf-8", newline="") as fh:
        if fmt == "csv":
            writer = csv.DictWriter(fh, [*COLUMNS, *_EXTRA])
            writer.writeheader()
            writer.writerows({**r, "doc_ids": ";".join(r["doc_ids"])} for r in records)
        else:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return target
