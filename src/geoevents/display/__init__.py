"""Showing results: HTML and text renderings of documents and events, plots."""

from .html import KIND_COLORS, render_html, short_repr, to_text

__all__ = ["KIND_COLORS", "render_html", "short_repr", "to_text"]
