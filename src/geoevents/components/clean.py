"""An offset-preserving working view of scraped text, and a language check.

The pipeline never analyses a shortened copy of the caller's text: it analyses a *view* of
the same length in which markup, entities, zero-width and control characters are blanked
out with spaces, so every offset found in the view is an offset into the original.

    "<p>Rusia&nbsp;mengecam AS.</p>" → "\\n  Rusia      mengecam AS.    "
"""

from __future__ import annotations

import functools
import re

from pydantic import BaseModel, ConfigDict

from ..errors import RuleFileError
from ..resources import PathLike, resource, validate_yaml

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>|<!--.*?-->", re.S)
_HIDDEN = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,10});")
# zero-width and bidi marks, BOM, C0/C1 controls except tab and newline
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_BLOCK = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
          "th", "table", "section", "article", "header", "footer", "blockquote", "figcaption",
          "figure", "title", "hr", "dd", "dt"}


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup rather than plain text (several tags)."""
    return len(_TAG.findall(text[:20000])) >= 3


def working_view(text: str) -> str:
    """The same-length view the pipeline analyses (see module docstring)."""
    view = text
    if "<" in view and looks_like_html(view):
        view = _HIDDEN.sub(lambda m: " " * len(m.group()), view)
        view = _TAG.sub(_tag_blank, view)
    if "&" in view:
        view = _ENTITY.sub(lambda m: " " * len(m.group()), view)
    view = _INVISIBLE.sub(" ", view)
    view = _SPACES.sub(" ", view)
    view = view.replace("\r", " ")
    assert len(view) == len(text)
    return view


def _tag_blank(m: re.Match[str]) -> str:
    n = len(m.group())
    name = (m.group(2) or "").lower()
    # a block element ends a paragraph: two newlines keep paragraphs apart
    if name in _BLOCK and n >= 2:
        return "\n\n" + " " * (n - 2)
    return " " * n


class LanguageRules(BaseModel):
    """Schema of ``resources/id/language.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    function_words: list[str]
    min_words: int
    min_ratio: float


@functools.lru_cache(maxsize=4)
def load_language_rules(path: PathLike | None = None) -> LanguageRules:
    """Load and validate the language-check words (cached)."""
    return validate_yaml(path or resource("id", "language.yaml"), LanguageRules,
                         error=RuleFileError)


_WORD = re.compile(r"[^\W\d_]+")


class LanguageCheck:
    """Decide whether a text is Indonesian from the share of Indonesian function words.

    Texts shorter than ``min_words`` words are given the benefit of the doubt.
    """

    def __init__(self, rules: LanguageRules) -> None:
        self.rules = rules
        self.words = frozenset(w.lower() for w in rules.function_words)

    def ratio(self, text: str, *, sample: int = 20000) -> tuple[int, float]:
        """(number of words, share of Indonesian function words) in the first ``sample`` chars."""
        words = _WORD.findall(text[:sample].lower())
        if not words:
            return 0, 0.0
        return len(words), sum(w in self.words for w in words) / len(words)

    def is_indonesian(self, text: str) -> bool:
        """True unless the text is long enough to judge and too few words are Indonesian."""
        n, r = self.ratio(text)
        return n < self.rules.min_words or r >= self.rules.min_ratio
