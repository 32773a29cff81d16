"""Segmentation of scraped news: paragraphs, boilerplate, datelines and sentences.

All work is done on character offsets of the caller's text, never on a cleaned copy.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from ..errors import RuleFileError
from ..resources import PathLike, resource, validate_yaml


class TextRules(BaseModel):
    """Schema of ``resources/id/text.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    skip_prefixes: list[str]
    link_prefixes: list[str]
    """Sentences that open with these (in any case, after an opening bracket) are links to
    other stories, also inside a paragraph: "( Baca : Petugas Dilempari Batu )"."""
    skip_lines: list[str]
    caption_patterns: list[str]
    dateline_pattern: str
    abbreviations: list[str]
    headline_max_chars: int = 200


@functools.lru_cache(maxsize=8)
def load_text_rules(path: PathLike | None = None) -> TextRules:
    """Load and validate the segmentation rules (cached)."""
    return validate_yaml(path or resource("id", "text.yaml"), TextRules, error=RuleFileError)


@dataclass(frozen=True)
class Segment:
    """A sentence (or a skipped line) as character offsets into the document.

    ``content_start`` is where the news content begins (after a dateline such as
    "Jakarta (ANTARA) - "); actors are not looked for before it.
    """

    start: int
    end: int
    skipped: bool = False
    reason: str | None = None
    content_start: int = -1


_TERMINAL = re.compile(r"[.!?]+[\"'”’)\]*]*(?=\s)")
_LINE = re.compile(r"[^\n]+")


class Segmenter:
    """Split a document into sentences and mark boilerplate lines."""

    def __init__(self, rules: TextRules) -> None:
        self.rules = rules
        self._captions = [re.compile(p) for p in rules.caption_patterns]
        self._dateline = re.compile(rules.dateline_pattern)
        self._abbrev = set(rules.abbreviations)
        self._skip_lines = {s.casefold() for s in rules.skip_lines}
        self._links = tuple(p.casefold() for p in rules.link_prefixes)

    def __call__(self, text: str) -> list[Segment]:
        """Segment ``text``; the segments are in order and do not overlap."""
        out: list[Segment] = []
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
        dateline_tries = 3  # the dateline is in one of the first lines of content
        for k, (a, b) in enumerate(lines):
            # trim surrounding whitespace while keeping offsets
            line = text[a:b]
            a += len(line) - len(line.lstrip())
            b -= len(line) - len(line.rstrip())
            line = text[a:b]
            reason = self._skip_reason(text, line, k, a, b, lines)
            if reason:
                out.append(Segment(a, b, True, reason, a))
                continue
            content = a
            if dateline_tries:
                m = self._dateline.match(line)
                if m and m.end() < len(line) and m.end() <= 60:
                    content = a + m.end()
                    dateline_tries = 0
                else:
                    dateline_tries -= 1
            out.extend(self._links_skipped(text, self._sentences(text, a, b, content)))
        return out

    def _links_skipped(self, text: str, sentences: list[Segment]) -> list[Segment]:
        """Sentences that are links to other stories inside a paragraph ("( Baca : Petugas
        Dilempari Batu ... )", "BACA JUGA: ...") are skipped, in any case."""
        out = []
        for seg in sentences:
            body = text[seg.start:seg.end]
            if not body.lstrip("([ \t").casefold().startswith(self._links):
                out.append(seg)
                continue
            close = body.find(")") + 1 if body.startswith("(") else 0
            rest = close + len(body[close:]) - len(body[close:].lstrip())
            if close > 0 and rest < len(body):
                # "( Baca : ... ) Presiden Joko Widodo ...": the news goes on after the link
                out.append(Segment(seg.start, seg.start + close, True, "boilerplate", seg.start))
                out.append(Segment(seg.start + rest, seg.end,
                                   content_start=max(seg.content_start, seg.start + rest)))
            else:
                out.append(Segment(seg.start, seg.end, True, "boilerplate", seg.start))
        return out

    def _skip_reason(
        self, text: str, line: str, k: int, a: int, b: int, lines: list[tuple[int, int]],
    ) -> str | None:
        low = line.casefold()
        if low in self._skip_lines:
            return "boilerplate"
        if any(line.startswith(p) for p in self.rules.skip_prefixes):
            return "boilerplate"
        if any(c.search(line) for c in self._captions):
            return "caption"
        if (
            k == 0 and len(lines) > 1 and len(line) <= self.rules.headline_max_chars
            and line[-1] not in ".!?\"”’" and "\n\n" in text[b:lines[1][0] + 1]
        ):
            return "headline"
        return None

    def _sentences(self, text: str, a: int, b: int, content: int) -> list[Segment]:
        out: list[Segment] = []
        start = a
        for m in _TERMINAL.finditer(text, a, b):
            end = m.end()
            if not self._ends_sentence(text, m.start(), end, b):
                continue
            out.append(Segment(start, end, content_start=max(content, start)))
            start = end
            while start < b and text[start].isspace():
                start += 1
        if start < b:
            out.append(Segment(start, b, content_start=max(content, start)))
        return out

    def _ends_sentence(self, text: str, dot: int, end: int, limit: int) -> bool:
        nxt = end
        while nxt < limit and text[nxt].isspace():
            nxt += 1
        if nxt >= limit:
            return True
        c = text[nxt]
        if not (c.isupper() or c.isdigit() or c in "\"'“‘(["):
            return False
        if text[dot] != ".":
            return True
        # the word before the period: "Jl." or an initial such as "M." does not end a sentence
        w = dot
        while w > 0 and not text[w - 1].isspace():
            w -= 1
        word = text[w:dot]
        if word in self._abbrev:
            return False
        return not (len(word) == 1 and word.isupper())
