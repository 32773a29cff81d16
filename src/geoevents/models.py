"""Result models: frozen pydantic objects returned by :func:`geoevents.extract`."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .display.html import render_html, short_repr, to_text
from .resources.schemas import ActorKind

Granularity = Literal["day", "month", "year"]
PublishedSource = Literal["caller", "dateline", "text", "none"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Actor(_Frozen):
    """A political actor mentioned in the text.

    ``span`` is a character offset into the caller's text: ``text[a:b] == mention``.
    """

    mention: str
    span: tuple[int, int]
    name: str | None = None
    id: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: ActorKind = "generic"
    cameo: str | None = None
    coref: bool = False
    """True when the actor was found through a pronoun or a continuation ("pihaknya")."""


class Action(_Frozen):
    """What the actor did: a CAMEO code with its PLOVER category and Goldstein value."""

    cameo: str
    root: str
    label: str
    plover: str | None = None
    trigger: str
    trigger_span: tuple[int, int] | None = None
    goldstein: float | None = None


class DateMention(_Frozen):
    """A date expression found in the text, resolved against the publication date.

    ``date`` is None when the expression could not be resolved (an impossible date such as
    "31/2/2023"); ``note`` then says why. ``flags`` records doubts such as a weekday that does
    not agree with the numeric date ("weekday_mismatch").
    """

    text: str
    span: tuple[int, int]
    date: dt.date | None
    granularity: Granularity = "day"
    flags: tuple[str, ...] = ()
    note: str | None = None


LocationSource = Literal["sentence", "dateline", "seat"]


class Location(_Frozen):
    """Where an event happened.

    ``source`` says how it was found: ``"sentence"`` (a place the sentence names: "bertemu
    di Jakarta", "berkunjung ke Moskow", "menyerang Gaza"), ``"dateline"`` (the article's
    dateline, "KABUL, KOMPAS.com -", when the sentence names none and the dateline's state
    takes part) or ``"seat"`` (the capital of the acting state's government, when nothing
    better exists). ``mention`` and ``span`` (character offsets into the caller's text) are
    None for a seat.
    """

    name: str
    """The place's name: the GeoNames name of a city ("Moscow" for "Moskow"), the
    ISO 3166-2 name of a subdivision, the state's name for a state."""
    mention: str | None = None
    span: tuple[int, int] | None = None
    country: str | None = None
    """ISO 3166-1 alpha-3."""
    admin1: str | None = None
    """ISO 3166-2 code where known ("ID-JK")."""
    lat: float | None = None
    lon: float | None = None
    source: LocationSource


class Event(_Frozen):
    """One coded event: actor, action, target and date, with provenance."""

    actor: Actor
    action: Action
    target: Actor | None
    date: dt.date | None
    date_text: str | None = None
    date_granularity: Granularity = "day"
    """"month" when the sentence names only a month ("awal September lalu": ``date`` is the
    first of it), "year" when it names only a year (``date`` is then None)."""
    sentence: str
    sentence_span: tuple[int, int]
    negated: bool = False
    rule: str
    location: Location | None = None
    """Where the event happened (:mod:`geoevents.components.location`), or None."""
    confidence: float | None = None
    """The probability that the event is coded right (:mod:`geoevents.components.confidence`);
    None for events built elsewhere, such as those read back from older files."""


class Sentence(_Frozen):
    """A sentence of the document and whether it is boilerplate that was skipped."""

    text: str
    span: tuple[int, int]
    skipped: bool = False
    reason: str | None = None


class Document(_Frozen):
    """Everything geoevents found in one document."""

    text: str
    published: dt.date | None
    published_source: PublishedSource = "none"
    published_text: str | None = None
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    language: str = "id"
    """"id", or "other" when the text is not Indonesian (no events are coded from it)."""
    warnings: tuple[str, ...] = ()
    """Notes on the input: "html" when markup was stripped, "not_indonesian", ..."""
    meta: dict[str, str | int | float | None] | None = None

    def __repr__(self) -> str:
        return short_repr(self)

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the marked-up text and the event table (see
        :func:`geoevents.display.html.render_html`)."""
        return render_html(self)

    def to_text(self) -> str:
        """A plain-text summary: publication date, counts and one line per event (see
        :func:`geoevents.display.html.to_text`)."""
        return to_text(self)

