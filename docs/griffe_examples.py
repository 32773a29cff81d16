"""A griffe extension for the API reference: show doctest examples as code.

* Google style names the section "Examples:"; several docstrings in geoevents say
  "Example:", which griffe would render as an admonition of Markdown text (``>>>`` lines
  became quotes and ``['11']`` a broken link). The heading is renamed.
* Doctest blocks in a module's or function's description (not under a section) are fenced
  as ``pycon`` code for the same reason.

Loaded from mkdocs.yml (``extensions:``); it changes the rendered docs, not the code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_HEADING = re.compile(r"^(\s*)Example:\s*$", flags=re.M)


def _fence_doctests(text: str) -> str:
    """Fence top-level (unindented) doctest blocks: ``>>>`` lines up to a blank line."""
    out: list[str] = []
    block = False
    for line in text.splitlines():
        if not block and line.startswith(">>>"):
            out.append("```pycon")
            block = True
        elif block and not line.strip():
            out.append("```")
            block = False
        out.append(line)
    if block:
        out.append("```")
    return "\n".join(out)


class ExampleSections(griffe.Extension):
    """Rename "Example:" headings and fence top-level doctest blocks in every docstring."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Fix the docstring of each object as it is created (before it is parsed)."""
        del kwargs
        _fix(obj)

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Fix docstrings set later (inherited or merged) once the tree is built."""
        del kwargs
        _fix(obj)


def _fix(obj: griffe.Object) -> None:
    doc = obj.docstring
    if doc is None or (">>>" not in doc.value and "Example:" not in doc.value):
        return
    value = _fence_doctests(_HEADING.sub(r"\1Examples:", doc.value))
    if value != doc.value:
        doc.value = value
        doc.__dict__.pop("parsed", None)  # drop a cached parse
