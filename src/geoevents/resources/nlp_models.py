"""Finding and loading the trained Indonesian spaCy pipeline that ships with geoevents.

The pipeline (morphologizer, dependency parser, PER/ORG/LOC NER, floret vectors) lives in
``geoevents/resources/model`` (``nlp.to_disk`` output) and is found through
:mod:`importlib.resources`. It is loaded on first use and cached per process.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ModelNotFoundError
from ..inputs import check_text

__all__ = ["BUILD_COMMAND", "load_model", "model_available", "model_dir", "parse"]

BUILD_COMMAND = "geoevents train  (or: python training/train.py, from a source checkout)"
"""How to (re)build the shipped model; quoted in :class:`ModelNotFoundError`."""

_lock = threading.Lock()


def model_dir() -> Path:
    """The directory of the shipped pipeline (it may not exist; see :func:`model_available`).

    Raises:
        ModelNotFoundError: the package is installed in a form (a zip) with no real
            directory to load from.
    """
    from importlib.resources import files

    node = files("geoevents") / "resources" / "model"
    if not isinstance(node, Path):  # pragma: no cover (zipped installs)
        raise ModelNotFoundError(
            f"the geoevents model at {node} is not a directory on disk; install geoevents "
            "unzipped (pip install geoevents) or load a model directory with "
            "spacy.load(path)")
    return node


def model_available(path: str | Path | None = None) -> bool:
    """Whether a trained pipeline is present (``meta.json`` and ``config.cfg``)."""
    d = Path(path) if path is not None else model_dir()
    return (d / "meta.json").is_file() and (d / "config.cfg").is_file()


@functools.lru_cache(maxsize=4)
def _load(path: str, exclude: tuple[str, ...] = ()) -> Any:
    import spacy

    # The saved tokenizer is spaCy's Indonesian default (the same as spacy.blank("id")'s);
    # re-adding its ~16k serialised exceptions would double the load time, so the one the
    # language defaults build is kept. Plain spacy.load(path) gives the same tokens.
    return spacy.load(path, exclude=["tokenizer", *exclude])


def load_model(path: str | Path | None = None, *, exclude: Sequence[str] = ()) -> Any:
    """The trained spaCy ``Language`` (cached; thread-safe first load).

    Args:
        path: a pipeline directory; default the one shipped in ``geoevents/resources/model``.
        exclude: components not to load (``["ner", "morphologizer"]`` for the parser alone,
            which saves memory in every worker).

    Raises:
        ModelNotFoundError: no pipeline there; the message names the command that builds it.
    """
    d = Path(path) if path is not None else model_dir()
    if not model_available(d):
        raise ModelNotFoundError(
            f"no trained geoevents NLP model in {d} (meta.json and config.cfg missing). "
            f"Build it with: {BUILD_COMMAND}")
    with _lock:
        return _load(str(d.resolve()), tuple(sorted(exclude)))


def parse(text: str) -> Any:
    """Tokenise, tag (UPOS + features), dependency-parse and NER-tag ``text``.

    Returns a ``spacy.tokens.Doc`` whose tokens are those of ``spacy.blank("id")`` (so
    ``token.idx`` are offsets into ``text``), with ``pos_``, ``morph``, ``dep_`` (UD labels,
    ``ROOT`` for the root), ``head``, sentence boundaries from the parse and ``doc.ents``
    (PER/ORG/LOC).

    Raises:
        InputTypeError: ``text`` is not a str.
        ModelNotFoundError: the model is missing (see :func:`load_model`).
    """

    return load_model()(check_text(text))
