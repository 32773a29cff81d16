"""Loading the data files that ship with geoevents.

Everything is found through :mod:`importlib.resources`, so a plain non-editable install
works. Loaders validate each record (``extra="forbid"``) and raise errors that name the file,
the record and the field. Loaded objects are cached by path; :func:`clear_cache` empties it.
Data that is costly to compile (the gazetteer's alias index, the lexicon, the places index)
is also kept between processes by :func:`cached`, under a key made from the bytes of its
input files and of the package's code.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import io
import json
import logging
import os
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import DataFileError, GazetteerError, RuleFileError
from .schemas import (
    AgentWord,
    CommonWords,
    GazetteerRecord,
    GenreWords,
    Morphology,
    Trigger,
    TriggerFile,
)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

logger = logging.getLogger(__name__)

PathLike = str | Path | Traversable


def package_dir() -> Traversable:
    """The installed ``geoevents`` package directory."""
    return files("geoevents")


CACHE_ENV = "GEOEVENTS_CACHE"
"""Environment variable naming the folder for compiled data (default
``$XDG_CACHE_HOME/geoevents``, else ``~/.cache/geoevents``); ``0`` turns the cache off."""

_CACHE_KEEP = 8
"""Compiled files kept per kind of data (older ones, of changed data, are deleted)."""


def cache_dir() -> Path | None:
    """Where compiled data is kept between processes, or None when the cache is off."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return None if env.strip() in ("", "0") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geoevents"


def _version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:  # a source tree on sys.path, not installed
        return "source"


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """A hash of the package's Python files: compiled objects are instances of its classes,
    so code that changes (an edited install, a source tree) must not read older ones."""
    h = hashlib.sha256()
    root = package_dir()
    stack = [root]
    files_: list[Traversable] = []
    while stack:
        node = stack.pop()
        for child in node.iterdir():
            if child.is_dir():
                stack.append(child)
            elif child.name.endswith(".py"):
                files_.append(child)
    for f in sorted(files_, key=lambda f: str(f)):
        h.update(str(f).encode("utf-8") + b"\0" + f.read_bytes())
    return h.hexdigest()


def data_key(kind: str, paths: Iterable[PathLike], *extra: str) -> str:
    """The cache key of data compiled from ``paths``: a hash of their bytes, of the
    package's code and the geoevents and spaCy versions (the tokenizer splits aliases) and
    of ``extra``. A file or code that changes changes the key, so a cached copy is never
    stale."""
    h = hashlib.sha256()
    for part in (kind, _version("geoevents"), _version("spacy"), _code_digest(), *extra):
        h.update(part.encode("utf-8") + b"\0")
    for p in paths:
        node = Path(p) if isinstance(p, str) else p
        try:
            h.update(node.read_bytes())
        except FileNotFoundError as e:
            raise DataFileError("data file not found", path=str(p)) from e
        h.update(b"\0")
    return f"{kind}-{h.hexdigest()[:32]}"


def cached(key: str, build: Callable[[], T]) -> T:
    """``build()``, kept under :func:`cache_dir` as ``key``: the next process with the same
    key loads it instead of building it again. A missing, truncated or foreign file is
    rebuilt and replaced; a cache folder that cannot be written only costs the time."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception as e:
        logger.warning("rebuilding %s (%s)", path, e)
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a parallel process reads the old file or the new
        kind = key.rsplit("-", 1)[0]
        older = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda f: f.stat().st_mtime)
        for old in older[:-_CACHE_KEEP]:
            old.unlink(missing_ok=True)
    except OSError as e:
        logger.warning("not caching %s (%s)", path, e)
    return value


def gazetteer_dir() -> Traversable:
    """Directory of the default gazetteer (``data/gazetteer`` in the repository)."""
    return package_dir() / "data" / "gazetteer"


def resource(*parts: str) -> Traversable:
    """A file under ``geoevents/resources``."""
    node = package_dir() / "resources"
    for p in parts:
        node = node / p
    return node


def default_gazetteer_files() -> tuple[Traversable, ...]:
    """The entity files of the default gazetteer, in a stable order."""
    d = gazetteer_dir()
    if not d.is_dir():
        raise GazetteerError(
            "the default gazetteer is missing from the installed package; reinstall geoevents "
            "(pip install --force-reinstall geoevents)", path=str(d))
    return tuple(sorted(
        (f for f in d.iterdir() if f.name.endswith(".jsonl") and f.name != "agents.jsonl"),
        key=lambda f: f.name,
    ))


def _read_text(path: PathLike) -> str:
    p = Path(path) if isinstance(path, str) else path
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataFileError("file not found", path=str(path)) from e
    except UnicodeDecodeError as e:
        raise DataFileError(f"not UTF-8 text ({e})", path=str(path)) from e


def _first_error(e: ValidationError) -> tuple[str, str]:
    err = e.errors()[0]
    loc = ".".join(str(x) for x in err["loc"])
    return loc, err["msg"]


def read_jsonl_models(
    path: PathLike, model: type[M], *, error: type[DataFileError] = DataFileError,
) -> list[M]:
    """Read a JSONL file of records, validating each line with ``model``.

    Raises:
        DataFileError: (or ``error``) naming the file, the line and the field.
    """
    out: list[M] = []
    for lineno, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise error(f"invalid JSON ({e.msg})", path=str(path), record=lineno) from e
        try:
            out.append(model.model_validate(obj))
        except ValidationError as e:
            loc, msg = _first_error(e)
            raise error(msg, path=str(path), record=lineno, field=loc) from e
    return out


def read_records(paths: Iterable[PathLike]) -> list[GazetteerRecord]:
    """Read gazetteer records from several files; later files may override earlier ids.

    Duplicate ids within one file are an error; so is an alias that two different records of
    the same file claim.
    """
    by_id: dict[str, GazetteerRecord] = {}
    for path in paths:
        seen: dict[str, int] = {}
        alias_owner: dict[str, str] = {}
        for i, rec in enumerate(read_jsonl_models(path, GazetteerRecord, error=GazetteerError), 1):
            if rec.id in seen:
                raise GazetteerError(
                    f"duplicate id {rec.id!r} (also record {seen[rec.id]})",
                    path=str(path), record=i, field="id")
            seen[rec.id] = i
            for a in [*rec.aliases, *(m.text for m in rec.metonyms)]:
                key = " ".join(a.casefold().split())
                owner = alias_owner.setdefault(key, rec.id)
                if owner != rec.id:
                    raise GazetteerError(
                        f"alias {a!r} is also claimed by {owner!r}",
                        path=str(path), record=i, field="aliases")
            by_id[rec.id] = rec
    return list(by_id.values())


def read_agents(path: PathLike | None = None) -> list[AgentWord]:
    """Read the agent words (role and group nouns with their CAMEO sectors)."""
    path = path if path is not None else gazetteer_dir() / "agents.jsonl"
    return read_jsonl_models(path, AgentWord, error=GazetteerError)


def read_yaml(path: PathLike, *, error: type[DataFileError] = DataFileError) -> Any:
    """Parse a YAML file, turning syntax errors into :class:`DataFileError`."""
    # libyaml's loader where PyYAML was built with it (ten times faster on the lexicon)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(io.StringIO(_read_text(path)), Loader=loader)
    except yaml.YAMLError as e:
        raise error(f"invalid YAML ({e})", path=str(path)) from e


def validate_yaml(path: PathLike, model: type[M], *, error: type[DataFileError]) -> M:
    """Read a YAML file and validate it with ``model``, naming the record and field on error."""
    data = read_yaml(path, error=error)
    try:
        return model.model_validate(data)
    except ValidationError as e:
        loc, msg = _first_error(e)
        parts = loc.split(".")
        record: int | str | None = None
        if len(parts) >= 2 and parts[1].isdigit():
            record = int(parts[1]) + 1
            with contextlib.suppress(KeyError, IndexError, TypeError, AttributeError):
                record = f"{record} ({data[parts[0]][int(parts[1])].get('id')})"
        raise error(msg, path=str(path), record=record, field=loc) from e


@functools.lru_cache(maxsize=2)
def load_morphology(path: PathLike | None = None) -> Morphology:
    """The morphological analyser's word lists (``resources/id/morphology.yaml``,
    validated; cached)."""
    return validate_yaml(path or resource("id", "morphology.yaml"), Morphology,
                         error=RuleFileError)


@functools.lru_cache(maxsize=1)
def load_not_verbs() -> frozenset[str]:
    """Words built like affixed verbs that are none ("menurut", "menteri")."""
    return frozenset(w.lower() for w in load_morphology().not_verbs)


@functools.lru_cache(maxsize=2)
def load_common_words(path: PathLike | None = None) -> frozenset[str]:
    """Capitalised words that start no personal name (``resources/id/common_words.yaml``,
    validated; cached)."""
    data = validate_yaml(path or resource("id", "common_words.yaml"), CommonWords,
                         error=RuleFileError)
    return frozenset(data.words)


@functools.lru_cache(maxsize=2)
def load_genre_words(path: PathLike | None = None) -> frozenset[str]:
    """Words of sport, showbiz and gadget stories (``resources/id/genre_words.yaml``,
    validated; cached)."""
    data = validate_yaml(path or resource("id", "genre_words.yaml"), GenreWords,
                         error=RuleFileError)
    return frozenset(data.words)


def default_trigger_files() -> tuple[Traversable, ...]:
    """The trigger lexicon files that ship with geoevents."""
    d = resource("id", "triggers")
    if not d.is_dir():
        raise RuleFileError("the trigger lexicon is missing from the installed package; "
                            "reinstall geoevents", path=str(d))
    return tuple(sorted((f for f in d.iterdir() if f.name.endswith(".yaml")),
                        key=lambda f: f.name))


def read_triggers(paths: Iterable[PathLike]) -> list[Trigger]:
    """Read trigger files; ids must be unique across all of them."""
    out: list[Trigger] = []
    seen: dict[str, str] = {}
    for path in paths:
        tf = validate_yaml(path, TriggerFile, error=RuleFileError)
        for i, t in enumerate(tf.triggers, 1):
            if t.id in seen:
                raise RuleFileError(f"duplicate trigger id {t.id!r} (also in {seen[t.id]})",
                                    path=str(path), record=i, field="id")
            seen[t.id] = str(path)
            out.append(t)
    return out


@dataclass(frozen=True)
class CameoCode:
    """A CAMEO event code with its label, Goldstein value and PLOVER category."""

    code: str
    label: str
    goldstein: float | None
    plover: str | None


@functools.lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """CAMEO codes → :class:`CameoCode` (from ``resources/cameo.tsv``)."""
    table: dict[str, CameoCode] = {}
    reader = csv.DictReader(io.StringIO(_read_text(resource("cameo.tsv"))), delimiter="\t")
    for row in reader:
        table[row["code"]] = CameoCode(
            row["code"], row["label"],
            float(row["goldstein"]) if row["goldstein"] else None,
            row["plover"] or None,
        )
    return table


def cameo_info(code: str) -> CameoCode:
    """Look up a CAMEO code, falling back to its three- and two-digit parents."""
    table = cameo_table()
    for k in (code, code[:3], code[:2]):
        if k in table:
            c = table[k]
            return c if k == code else CameoCode(code, c.label, c.goldstein, c.plover)
    raise KeyError(code)


# -- a saved pipeline's data ----------------------------------------------------------------
# ``nlp.to_disk(path)`` writes each component's compiled data into its folder: indexes as
# pickles (loading one is what the cache does; like any pickle, load only folders you trust),
# rule files and models as JSON, validated again when read.


def save_index(folder: PathLike, name: str, value: object) -> None:
    """Write the compiled ``value`` (a gazetteer or lexicon index) to ``folder/name``."""
    path = Path(str(folder)) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)


def read_index(folder: PathLike, name: str, kind: type[T]) -> T:
    """The index saved as ``folder/name`` by :func:`save_index`; a missing file or one that
    holds no ``kind`` raises :class:`~geoevents.errors.DataFileError`."""
    path = Path(str(folder)) / name
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
    except FileNotFoundError as e:
        raise DataFileError("a saved pipeline's data file is missing", path=str(path)) from e
    except Exception as e:
        raise DataFileError(f"not a readable saved index ({e})", path=str(path)) from e
    if not isinstance(value, kind):
        raise DataFileError(f"holds a {type(value).__name__}, not a {kind.__name__}",
                            path=str(path))
    return value


def save_model(folder: PathLike, name: str, value: BaseModel) -> None:
    """Write a rule file or model (a pydantic record) to ``folder/name`` as JSON."""
    path = Path(str(folder)) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(value.model_dump_json(indent=1) + "\n", "utf-8")


_SAVED_MODELS: dict[tuple[str, type[BaseModel]], BaseModel] = {}


def read_model(folder: PathLike, name: str, model: type[M]) -> M:
    """The record saved as ``folder/name`` by :func:`save_model`, validated by ``model``
    (``extra="forbid"``). Files with the same bytes give one shared object, so the
    components of a loaded pipeline share one grammar as those of a built one do."""
    path = Path(str(folder)) / name
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError as e:
        raise DataFileError("a saved pipeline's data file is missing", path=str(path)) from e
    got = _SAVED_MODELS.get((digest, model))
    if got is None:
        got = _SAVED_MODELS[(digest, model)] = validate_yaml(path, model, error=RuleFileError)
    assert isinstance(got, model)
    return got
