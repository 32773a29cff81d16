"""The working state of a document between the components: its sentences, tokens,
mentions, dates and raw events, kept beside the ``Doc`` (never serialised)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..inputs import share_tokenizer
from ..models import (
    Actor,
    DateMention,
    Event,
)
from .actors import Mention
from .events import RawEvent
from .spans import STATE, register_extensions
from .text import Segment

EXT = STATE


@dataclass
class WorkState:
    """Per-document working state, kept on ``doc._.geoevents``."""

    published: dt.date | None
    published_source: str
    published_text: str | None = None
    text: str = ""
    """The caller's text."""
    view: str = ""
    """The same-length working view the Doc was built on (``doc.text`` is slow to rebuild)."""
    language: str = "id"
    warnings: tuple[str, ...] = ()
    segments: list[Segment] | None = None
    tokens: list[tuple[list[str], list[int]]] | None = None
    """Per segment: the texts and character offsets of its content tokens."""
    parses: list[tuple[list[int], list[str]] | None] | None = None
    """Per segment, with a parser: each content token's head (index in the segment, -1 for
    none) and its UD relation; None until the event rules ask for it through ``parse_at``."""
    parse_at: Callable[[int], tuple[list[int], list[str]] | None] | None = None
    mentions: list[list[Mention]] | None = None
    story_country: str | None = None
    """The state the story is about (:meth:`ActorStage._story_country`)."""
    dates: list[list[DateMention]] | None = None
    raw: list[list[RawEvent]] | None = None
    resolved: dict[int, dict[int, list[Actor]]] | None = None
    """Per segment index, each mention's actors after reference resolution (by ``id``)."""
    events: list[Event] | None = None
    event_features: list[tuple[str, ...]] | None = None
    """Per event, the features its confidence was computed from
    (:mod:`geoevents.components.confidence`)."""


def work_state(doc: Doc) -> WorkState:
    st = doc._.get(EXT)
    if st is None:
        st = WorkState(None, "none")
        doc._.set(EXT, st)
    return st  # type: ignore[no-any-return]


def prepare(nlp: Language) -> None:
    """What every factory does first: register the extensions the components use, and make
    ``nlp``'s own tokenizer the one the data files are split with (so that the gazetteer's
    aliases are split as the documents are, and no second tokenizer is built)."""
    register_extensions()
    if nlp.lang:
        share_tokenizer(nlp.lang, nlp.tokenizer)
