"""Rich display of a :class:`~geoevents.models.Document`: HTML for Jupyter, plain text for
terminals.

In Jupyter a :class:`Document` shows itself through :func:`render_html` (its
``_repr_html_``): the article with actor mentions highlighted by kind (state, person,
organisation, armed group, IGO, generic role) and by resolution (a solid frame for actors
resolved to a gazetteer entity, a dashed one for roles without an entity), triggers framed
in red, date expressions underlined, skipped boilerplate greyed out, and below it a table of
the events.

>>> import geoevents
>>> doc = geoevents.analyze("Rusia mengecam Amerika Serikat.", published="2024-01-10")
>>> print(to_text(doc).splitlines()[0])
Document published 2024-01-10 (caller): 1 sentence, 2 actor mentions, 0 dates, 1 event
>>> "<mark" in render_html(doc)
True

All article text is HTML-escaped; styles are inline so that the markup survives notebook
viewers that drop ``<style>`` elements.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Actor, Document, Event, Location

__all__ = ["KIND_COLORS", "render_html", "to_text"]

KIND_COLORS: dict[str, str] = {
    "state": "#9ecae1",
    "person": "#fdd0a2",
    "organization": "#c7e9c0",
    "armed group": "#fcbba1",
    "IGO": "#dadaeb",
    "generic": "#e5e5e5",
}
"""Background colour of an actor mention, by :attr:`Actor.kind`."""

_BORDER: dict[str, str] = {
    "state": "#3182bd",
    "person": "#e6550d",
    "organization": "#31a354",
    "armed group": "#de2d26",
    "IGO": "#756bb1",
    "generic": "#636363",
}

_FONT = ("-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
         "sans-serif")
_TRIGGER_STYLE = ("border:2px solid #d62728;border-radius:3px;padding:0 2px;"
                  "font-weight:600;background:#fff5f5")
_DATE_STYLE = ("text-decoration:underline;text-decoration-color:#1f77b4;"
               "text-decoration-thickness:2px;text-underline-offset:3px")
_SKIP_STYLE = "color:#a0a0a0"
_CELL = "border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top"

# nesting rank: a lower rank opens first when two annotations start together
_RANK_SKIP, _RANK_ACTOR, _RANK_TRIGGER, _RANK_DATE = 0, 1, 2, 3


@dataclass(frozen=True, order=True)
class _Ann:
    start: int
    neg_end: int
    rank: int
    seq: int
    open_tag: str
    close_tag: str

    @property
    def end(self) -> int:
        return -self.neg_end


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _actor_title(a: Actor) -> str:
    parts = [a.name or "(no entity)"]
    if a.cameo:
        parts.append(a.cameo)
    parts.append(a.kind)
    if a.id:
        parts.append(f"id {a.id}")
    if a.coref:
        parts.append("via reference")
    return " · ".join(parts)


def _actor_label(a: Actor) -> str:
    return a.cameo or a.country or a.sector or a.kind


def _actor_tags(a: Actor, *, coref: bool) -> tuple[str, str]:
    resolved = a.id is not None
    kind = a.kind
    bg = KIND_COLORS.get(kind, KIND_COLORS["generic"])
    border = _BORDER.get(kind, _BORDER["generic"])
    line = "dotted" if coref else ("solid" if resolved else "dashed")
    style = (f"background:{bg if resolved or coref else '#ffffff'};border:1.5px {line} "
             f"{border};border-radius:4px;padding:0 3px;line-height:1.9;color:inherit")
    classes = ["ge-actor", f"ge-kind-{kind.replace(' ', '-')}",
               "ge-resolved" if resolved else "ge-unresolved"]
    if coref:
        classes.append("ge-coref")
    label = (f'<span class="ge-label" style="font-size:0.68em;font-weight:600;'
             f'color:{border};margin-left:4px;vertical-align:middle">'
             f"{escape(_actor_label(a))}</span>")
    return (f'<mark class="{" ".join(classes)}" style="{style}" '
            f'title="{_attr(_actor_title(a))}">', f"{label}</mark>")


def _annotations(doc: Document) -> list[_Ann]:
    n = len(doc.text)
    anns: list[_Ann] = []

    def add(span: tuple[int, int], rank: int, open_tag: str, close_tag: str) -> None:
        a, b = max(0, span[0]), min(n, span[1])
        if a < b:
            anns.append(_Ann(a, -b, rank, len(anns), open_tag, close_tag))

    for s in doc.sentences:
        if s.skipped:
            title = f"skipped: {s.reason}" if s.reason else "skipped"
            add(s.span, _RANK_SKIP,
                f'<span class="ge-skipped" style="{_SKIP_STYLE}" title="{_attr(title)}">',
                "</span>")
    seen: set[tuple[int, int]] = set()
    for a in doc.actors:
        if a.span not in seen:
            seen.add(a.span)
            add(a.span, _RANK_ACTOR, *_actor_tags(a, coref=False))
    for e in doc.events:
        for x in (e.actor, e.target):
            # pronouns and continued subjects are only in the events
            if x is not None and x.span not in seen and x.span[0] < x.span[1]:
                seen.add(x.span)
                add(x.span, _RANK_ACTOR, *_actor_tags(x, coref=True))
    triggers: set[tuple[int, int]] = set()
    for e in doc.events:
        ts = e.action.trigger_span
        if ts is not None and ts not in triggers:
            triggers.add(ts)
            title = f"{e.action.cameo} {e.action.label}"
            add(ts, _RANK_TRIGGER,
                f'<span class="ge-trigger" style="{_TRIGGER_STYLE}" title="{_attr(title)}">',
                "</span>")
    for d in doc.dates:
        title = d.date.isoformat() if d.date else (d.note or "unresolved")
        if d.granularity != "day" and d.date:
            title += f" ({d.granularity})"
        if d.flags:
            title += " [" + ", ".join(d.flags) + "]"
        add(d.span, _RANK_DATE,
            f'<span class="ge-date" style="{_DATE_STYLE}" title="{_attr(title)}">', "</span>")
    return anns


def _marked_text(doc: Document) -> str:
    """The escaped text with annotations as well-nested elements (an annotation that
    crosses the end of an enclosing one is split in two)."""
    text = doc.text
    heap = _annotations(doc)
    heapq.heapify(heap)
    out: list[str] = []
    stack: list[_Ann] = []
    pos = 0
    seq = len(heap)

    def emit(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            out.append(escape(text[pos:upto], quote=False))
            pos = upto

    while heap:
        ann = heapq.heappop(heap)
        while stack and stack[-1].end <= ann.start:
            top = stack.pop()
            emit(top.end)
            out.append(top.close_tag)
        emit(ann.start)
        if stack and ann.end > stack[-1].end:
            limit = stack[-1].end
            seq += 1
            heapq.heappush(heap, _Ann(limit, ann.neg_end, ann.rank, seq, ann.open_tag,
                                      ann.close_tag))
            ann = _Ann(ann.start, -limit, ann.rank, ann.seq, ann.open_tag, ann.close_tag)
        out.append(ann.open_tag)
        stack.append(ann)
    while stack:
        top = stack.pop()
        emit(top.end)
        out.append(top.close_tag)
    emit(len(text))
    return "".join(out)


def _actor_cell(a: Actor | None) -> str:
    if a is None:
        return "—"
    name = escape(a.name or a.mention)
    code = escape(a.cameo or "/".join(x for x in (a.country, a.sector) if x) or a.kind)
    extra = " (reference)" if a.coref else ""
    mention = "" if a.name is None or (a.mention == a.name and not a.coref) else (
        f'<br><span style="color:#777;font-size:0.85em">“{escape(a.mention)}”{extra}</span>')
    return f"<b>{name}</b> <code>{code}</code>{mention}"


def _location_cell(loc: Location | None) -> str:
    if loc is None:
        return "—"
    where = escape(loc.name) + (f" <code>{escape(loc.country)}</code>" if loc.country else "")
    how = {"sentence": f"“{escape(loc.mention or '')}”", "dateline": "dateline",
           "seat": "seat of government"}[loc.source]
    return f'{where}<br><span style="color:#777;font-size:0.85em">{how}</span>'


def _event_row(i: int, e: Event) -> str:
    act = e.action
    neg = ' <span style="color:#d62728;font-weight:600">(negated)</span>' if e.negated else ""
    gold = "" if act.goldstein is None else f"{act.goldstein:+.1f}"
    date = escape(e.date.isoformat()) if e.date else "—"
    if e.date_text:
        date += f'<br><span style="color:#777;font-size:0.85em">“{escape(e.date_text)}”</span>'
    cells = [
        str(i),
        _actor_cell(e.actor),
        f"{escape(act.label)}{neg}<br>"
        f'<span style="color:#777;font-size:0.85em">“{escape(act.trigger)}”</span>',
        _actor_cell(e.target),
        f"<code>{escape(act.cameo)}</code>",
        escape(act.plover or "—"),
        gold,
        date,
        _location_cell(e.location),
        "—" if e.confidence is None else f"{e.confidence:.2f}",
        f"<code>{escape(e.rule)}</code>",
    ]
    return ('<tr class="ge-event">'
            + "".join(f'<td style="{_CELL}">{c}</td>' for c in cells) + "</tr>")


def _events_table(doc: Document) -> str:
    if not doc.events:
        return '<p class="ge-no-events" style="color:#777"><i>No events found.</i></p>'
    head = ["#", "Actor", "Action", "Target", "CAMEO", "PLOVER", "Goldstein", "Date",
            "Location", "Confidence", "Rule"]
    th = "".join(f'<th style="{_CELL};background:#f5f5f5">{h}</th>' for h in head)
    rows = "".join(_event_row(i, e) for i, e in enumerate(doc.events, 1))
    return (f'<table class="ge-events" style="border-collapse:collapse;margin-top:12px;'
            f'font-size:0.9em;width:100%"><thead><tr>{th}</tr></thead><tbody>{rows}</tbody></table>')


def _legend() -> str:
    def chip(label: str, style: str) -> str:
        return (f'<span style="{style};margin-right:10px;padding:0 4px;'
                f'border-radius:4px">{escape(label)}</span>')

    chips = [chip(k, f"background:{KIND_COLORS[k]};border:1.5px solid {_BORDER[k]}")
             for k in KIND_COLORS]
    chips.append(chip("unresolved role", "border:1.5px dashed #636363"))
    chips.append(chip("via reference", "border:1.5px dotted #636363"))
    chips.append(chip("trigger", _TRIGGER_STYLE))
    chips.append(chip("date", _DATE_STYLE))
    chips.append(chip("skipped", _SKIP_STYLE))
    return (f'<div class="ge-legend" style="font-size:0.8em;margin:6px 0 10px 0;'
            f'line-height:2">{"".join(chips)}</div>')


def _header(doc: Document) -> str:
    pub = doc.published.isoformat() if doc.published else "unknown"
    src: str = doc.published_source
    if doc.published_text:
        src += f": “{doc.published_text}”"
    ident = ""
    if doc.meta and doc.meta.get("id") is not None:
        ident = f"<b>{escape(str(doc.meta['id']))}</b> · "
    skipped = sum(s.skipped for s in doc.sentences)
    return (f'<div class="ge-header" style="font-size:0.9em;color:#444">{ident}'
            f"published <b>{escape(pub)}</b> ({escape(src)}) · "
            f"{len(doc.sentences)} sentences ({skipped} skipped) · "
            f"{len(doc.actors)} actor mentions · {len(doc.dates)} dates · "
            f"<b>{len(doc.events)} events</b></div>")


def render_html(doc: Document, *, page: bool = False) -> str:
    """Render a document as HTML: the marked-up text and a table of its events.

    Args:
        doc: the result of :func:`geoevents.analyze` or :meth:`Pipeline.analyze`.
        page: return a standalone HTML page (``<!DOCTYPE html>`` …) instead of a fragment
            for embedding (Jupyter, a web page).

    Returns:
        The HTML. The article text is always HTML-escaped.

    Examples:
        >>> import geoevents
        >>> html = render_html(geoevents.analyze("Rusia mengecam Amerika Serikat."))
        >>> html.count('class="ge-actor')
        2
    """
    body = (f'<div class="geoevents-doc" style="font-family:{_FONT};max-width:1100px">'
            f"{_header(doc)}{_legend()}"
            f'<div class="ge-text" style="white-space:pre-wrap;line-height:1.8;'
            f'border:1px solid #e5e5e5;border-radius:6px;padding:10px 14px">'
            f"{_marked_text(doc)}</div>{_events_table(doc)}</div>")
    if not page:
        return body
    title = doc.text.strip().splitlines()[0][:120] if doc.text.strip() else "geoevents"
    return ("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title></head>"
            f'<body style="margin:20px">{body}</body></html>\n')


def _actor_text(a: Actor | None) -> str:
    if a is None:
        return "-"
    code = a.cameo or "/".join(x for x in (a.country, a.sector) if x) or a.kind
    return f"{a.name or a.mention} [{code}]"


def to_text(doc: Document, *, width: int = 100) -> str:
    """A plain-text summary of a document for terminals and logs.

    Args:
        doc: the document.
        width: lines of the event list are cut to this many characters.

    Returns:
        A header line (publication date and counts) and one line per event.
    """
    pub = doc.published.isoformat() if doc.published else "unknown"

    def n(k: int, word: str) -> str:
        return f"{k} {word}{'' if k == 1 else 's'}"

    lines = [f"Document published {pub} ({doc.published_source}): "
             f"{n(len(doc.sentences), 'sentence')}, {n(len(doc.actors), 'actor mention')}, "
             f"{n(len(doc.dates), 'date')}, {n(len(doc.events), 'event')}"]
    for i, e in enumerate(doc.events, 1):
        neg = " (negated)" if e.negated else ""
        line = (f"{i:>3}. {e.date.isoformat() if e.date else '-':<10}  "
                f"{_actor_text(e.actor)} -{e.action.cameo} {e.action.label}{neg}-> "
                f"{_actor_text(e.target)}  «{e.action.trigger}»")
        lines.append(line if len(line) <= width else line[: width - 1] + "…")
    return "\n".join(lines)


def short_repr(doc: Document) -> str:
    """The one-line ``repr`` of a document: date and counts."""
    pub = doc.published.isoformat() if doc.published else None
    return (f"Document(published={pub}, sentences={len(doc.sentences)}, "
            f"actors={len(doc.actors)}, events={len(doc.events)})")
