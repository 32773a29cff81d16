"""The bottom of the package: input checks and the tokenizer every stage and data file
shares. It imports nothing of geoevents but its errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import spacy

from . import errors

_TOKENIZERS: dict[str, Any] = {}
"""The tokenizer the data files are split with, by language: the first pipeline's own, so
that a process builds spaCy's Indonesian tokenizer (31,000 special cases) once."""


def check_text(text: object) -> str:
    """Return ``text`` if it is a str, else raise a typed error that says what to pass."""
    if isinstance(text, str):
        return text
    raise errors.InputTypeError(errors.E001.format(type=type(text).__name__))


def share_tokenizer(lang: str, tokenizer: Any) -> None:
    """Make ``tokenizer`` (a pipeline's own) the one data files of ``lang`` are split with,
    unless one is set already."""
    _TOKENIZERS.setdefault(lang, tokenizer)


def tokenizer(lang: str) -> Any:
    """The shared spaCy tokenizer of ``lang`` (a blank pipeline's, built on first use)."""
    tok = _TOKENIZERS.get(lang)
    if tok is None:
        tok = _TOKENIZERS[lang] = spacy.blank(lang).tokenizer
    return tok


def tokenize_words(lang: str, text: str) -> list[str]:
    """The token texts of ``text`` as the shared tokenizer splits them."""
    tok = tokenizer(lang)
    if " " not in text and text.isalpha() and text not in tok.rules and (
            tok.prefix_search(text) is None and tok.suffix_search(text) is None
            and next(tok.infix_finditer(text), None) is None):
        # a word no special case, prefix, suffix or infix rule splits is one token: the
        # tens of thousands of gazetteer words need no full tokenizer call
        return [text]
    return [t.text for t in tok(text)]


def forget_tokenizers() -> None:
    """Drop the shared tokenizers (:func:`geoevents.pipeline.clear_cache`)."""
    _TOKENIZERS.clear()


__all__ = ["check_text", "forget_tokenizers", "parse_published", "share_tokenizer",
           "tokenize_words", "tokenizer"]


def parse_published(value: object) -> dt.date | None:
    """Turn ``published`` (date, datetime, ISO string or None) into a date.

    Raises:
        PublishedDateError: for anything else, with a message that says what to pass.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            return dt.date.fromisoformat(s[:10])
        except ValueError:
            pass
    raise errors.PublishedDateError(errors.E002.format(value=value))
