"""What geoevents writes on a spaCy ``Doc``, where spaCy users look for it.

After the pipeline's last stage (``geoevents_resolver``) a ``Doc`` holds:

- ``doc.spans["geoevents_actors"]``: one span per actor named in the text (pronouns are
  resolved into the events, not listed), labelled with the actor's kind ("state",
  "person", ...), ``kb_id_`` its gazetteer id (or ""); ``span._.geoevents_actor`` is the
  resolved :class:`~geoevents.models.Actor`.
- ``doc.spans["geoevents_dates"]``: one span per date expression, labelled with its
  granularity; ``span._.geoevents_date`` is the :class:`~geoevents.models.DateMention`.
- ``doc.spans["geoevents_triggers"]``: one span per event, on its trigger, labelled with
  its CAMEO code; ``span._.geoevents_events`` are the events that trigger gave.
- ``doc._.events``: the document's events (:class:`~geoevents.models.Event`).

Set ``doc._.published`` (a date or ISO string) before the components run to give the
publication date; otherwise the dateline's date is taken, as with ``geoevents.load()``.

The models are kept in ``doc.user_data`` as plain JSON data, so a ``DocBin`` (with
``store_user_data=True``) or ``doc.to_bytes()`` carries them; the getters rebuild the
models. The stages' working state (``doc._.geoevents``) is kept outside ``user_data``:
it lives as long as the ``Doc`` and is never serialised.

>>> import geoevents
>>> nlp = geoevents.load()
>>> doc = nlp.make_doc("Rusia mengecam Amerika Serikat.", published="2024-01-10")
>>> [(s.text, s.label_) for s in doc.spans["geoevents_actors"]]
[('Rusia', 'state'), ('Amerika Serikat', 'state')]
>>> [e.action.root for e in doc._.events]
['11']
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from ..models import Actor, DateMention, Event

STATE = "geoevents"
"""The ``Doc`` extension holding the stages' working state."""
ACTORS, DATES, TRIGGERS = "geoevents_actors", "geoevents_dates", "geoevents_triggers"
"""The keys of ``doc.spans`` the resolver writes."""
_DATA = "geoevents"
"""The ``doc.user_data`` key of the serialisable results."""

_states: weakref.WeakKeyDictionary[Doc, Any] = weakref.WeakKeyDictionary()


def _get_state(doc: Doc) -> Any:
    return _states.get(doc)


def _set_state(doc: Doc, value: Any) -> None:
    _states[doc] = value


def _data(doc: Doc) -> dict[str, Any]:
    data = doc.user_data.get(_DATA)
    return data if isinstance(data, dict) else {}


def _key(span: Span) -> str:
    return f"{span.start_char}:{span.end_char}"


def _doc_events(doc: Doc) -> tuple[Event, ...]:
    return tuple(Event.model_validate(e) for e in _data(doc).get("events", ()))


def _span_actor(span: Span) -> Actor | None:
    found = _data(span.doc).get("actors", {}).get(_key(span))
    return Actor.model_validate(found) if found is not None else None


def _span_date(span: Span) -> DateMention | None:
    found = _data(span.doc).get("dates", {}).get(_key(span))
    return DateMention.model_validate(found) if found is not None else None


def _span_events(span: Span) -> tuple[Event, ...]:
    return tuple(e for e in _doc_events(span.doc)
                 if e.action.trigger_span == (span.start_char, span.end_char))


def register_extensions() -> None:
    """Register geoevents' ``Doc`` and ``Span`` extensions (once; every component does it
    when it is built, so ``spacy.blank("id")`` + ``add_pipe`` works)."""
    if not Doc.has_extension(STATE):
        Doc.set_extension(STATE, getter=_get_state, setter=_set_state)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    if not Doc.has_extension("events"):
        Doc.set_extension("events", getter=_doc_events)
    for name, getter in (("geoevents_actor", _span_actor), ("geoevents_date", _span_date),
                         ("geoevents_events", _span_events)):
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)


def _spans(doc: Doc, items: Iterable[tuple[tuple[int, int], str, str, Any]]
           ) -> tuple[list[Span], dict[str, Any]]:
    """Spans for ``(character span, label, kb id, model)`` items, widened to whole tokens,
    and each model's JSON data by its span's offsets."""
    spans, data = [], {}
    for (start, end), label, kb_id, model in items:
        span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
        if span is not None:
            spans.append(span)
            data[_key(span)] = model.model_dump(mode="json")
    return spans, data


def write_results(doc: Doc, actors: Iterable[Actor], dates: Iterable[DateMention],
                  events: Iterable[Event]) -> None:
    """Put a document's actors, dates and events on ``doc``: span groups, and the models
    as JSON data in ``doc.user_data`` (replacing what an earlier run wrote)."""
    events = list(events)
    doc.spans[ACTORS], by_actor = _spans(doc, ((a.span, a.kind, a.id or "", a)
                                               for a in actors))
    doc.spans[DATES], by_date = _spans(doc, ((d.span, d.granularity, "", d) for d in dates))
    doc.spans[TRIGGERS], _ = _spans(doc, ((e.action.trigger_span, e.action.cameo, "", e)
                                          for e in events if e.action.trigger_span))
    doc.user_data[_DATA] = {"actors": by_actor, "dates": by_date,
                            "events": [e.model_dump(mode="json") for e in events]}


__all__ = ["ACTORS", "DATES", "STATE", "TRIGGERS", "register_extensions", "write_results"]
