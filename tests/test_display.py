"""HTML and plain-text display of a Document (geoevents.display.html)."""

from __future__ import annotations

import html
import re

import pytest

import geoevents
from geoevents.display.html import render_html, to_text
from geoevents.models import Action, Actor, DateMention, Document, Event, Sentence
from geoevents.pipeline import Pipeline

TEXT = (
    "Jakarta (ANTARA) - Kamis, 14 Maret 2024\n\n"
    "Rusia mengecam Amerika Serikat & sekutunya pada Rabu (13/3).\n\n"
    "Presiden Rusia Vladimir Putin akan mengunjungi China bulan depan.\n\n"
    "Baca Juga: Harga Cabai <Naik> Jelang Ramadan\n\n"
    "Editor: Rina Lestari"
)
HOSTILE = (
    "Rusia mengecam Amerika Serikat. <script>alert(1)</script> "
    "<img src=x onerror=\"alert(2)\"> Menlu \"AS\" & 'Rusia'.\n\n"
    "Baca Juga: <script>alert(3)</script>"
)


@pytest.fixture(scope="module")
def doc(nlp: Pipeline) -> Document:
    return nlp.analyze(TEXT)


def _visible_text(fragment: str) -> str:
    """The text of the marked-up article: tags and the sector labels removed, unescaped."""
    m = re.search(r'<div class="ge-text"[^>]*>(.*?)</div>', fragment, flags=re.S)
    assert m is not None
    inner = re.sub(r'<span class="ge-label"[^>]*>.*?</span>', "", m.group(1))
    return html.unescape(re.sub(r"<[^>]+>", "", inner))


def test_html_contains_escaped_text(doc: Document) -> None:
    out = render_html(doc)
    assert "&amp; sekutunya" in out and " & " not in out
    assert "&lt;Naik&gt;" in out and "<Naik>" not in out
    assert _visible_text(out) == TEXT


def test_one_highlight_per_actor_mention(doc: Document) -> None:
    out = render_html(doc)
    marks = re.findall(r'<mark class="ge-actor[^"]*"[^>]*>(.*?)<span class="ge-label"', out)
    assert len(marks) == len(doc.actors) >= 4
    assert [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in marks] == [
        a.mention for a in sorted(doc.actors, key=lambda a: a.span)]


def test_resolution_and_kind_classes(doc: Document) -> None:
    out = render_html(doc)
    putin = next(a for a in doc.actors if a.name == "Vladimir Putin")
    assert putin.kind == "person"
    assert re.search(r'class="ge-actor ge-kind-person ge-resolved"[^>]*>Presiden Rusia '
                     r"Vladimir Putin<", out)
    generic = Document(text="Polisi menangkap demonstran.", published=None, actors=(
        Actor(mention="Polisi", span=(0, 6), sector="COP", country="IDN"),))
    assert 'class="ge-actor ge-kind-generic ge-unresolved"' in render_html(generic)


def test_triggers_dates_and_skipped_marked(doc: Document) -> None:
    out = render_html(doc)
    triggers = re.findall(r'<span class="ge-trigger"[^>]*>([^<]*)</span>', out)
    assert set(triggers) == {e.action.trigger for e in doc.events}
    dates = re.findall(r'<span class="ge-date"[^>]*>([^<]*)</span>', out)
    assert "Rabu (13/3)" in dates
    assert len(dates) == len(doc.dates)
    skipped = re.findall(r'<span class="ge-skipped"[^>]*>(.*?)</span>', out, flags=re.S)
    assert any("Baca Juga" in s for s in skipped)
    assert any("Editor" in s for s in skipped)


def test_event_table_rows(doc: Document) -> None:
    out = render_html(doc)
    rows = re.findall(r'<tr class="ge-event">(.*?)</tr>', out, flags=re.S)
    assert len(rows) == len(doc.events) >= 2
    for row, e in zip(rows, doc.events, strict=True):
        assert f"<code>{e.action.cameo}</code>" in row
        assert html.escape(e.action.label) in row
        assert e.rule in row
        assert e.actor.name is not None and html.escape(e.actor.name) in row
        assert e.target is not None and html.escape(e.target.name or e.target.mention) in row
        assert (e.date.isoformat() if e.date else "—") in row
        assert (e.action.plover or "—") in row


def test_no_events_message(nlp: Pipeline) -> None:
    out = render_html(nlp.analyze("Cuaca cerah di Jakarta hari ini."))
    assert "No events found" in out and "<table" not in out


def test_hostile_text_is_escaped(nlp: Pipeline) -> None:
    d = nlp.analyze(HOSTILE, published="2024-01-10")
    for out in (render_html(d), render_html(d, page=True), d._repr_html_()):
        assert "<script" not in out.lower()
        assert "<img" not in out.lower()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert _visible_text(out) == HOSTILE


def test_hostile_attribute_values_are_escaped() -> None:
    evil = 'X"><script>alert(1)</script>'
    text = "Rusia mengecam Ukraina."
    actor = Actor(mention="Rusia", span=(0, 5), name=evil, id=evil, cameo=evil, kind="state")
    target = Actor(mention="Ukraina", span=(15, 22), name="Ukraine", id="UKR", kind="state")
    event = Event(actor=actor, target=target, date=None, sentence=text, sentence_span=(0, 23),
                  rule=evil, action=Action(cameo="111", root="11", label=evil, trigger=evil,
                                           trigger_span=(6, 14), plover=evil))
    d = Document(text=text, published=None, actors=(actor, target), events=(event,),
                 dates=(DateMention(text="x", span=(0, 1), date=None, note=evil),),
                 sentences=(Sentence(text=text, span=(0, 23), skipped=False),))
    out = render_html(d, page=True)
    assert "<script" not in out.lower()


def test_overlapping_and_out_of_range_spans_nest() -> None:
    text = "Kamis Rusia mengecam Ukraina."
    d = Document(
        text=text, published=None,
        actors=(Actor(mention="Rusia", span=(6, 11), name="Russia", id="RUS", kind="state"),),
        # a date that crosses the actor's end, and one beyond the text
        dates=(DateMention(text="Kamis Rusia me", span=(0, 14), date=None),
               DateMention(text="?", span=(40, 50), date=None)),
    )
    out = render_html(d)
    assert out.count('class="ge-actor') == 1
    assert _visible_text(out) == text
    # well nested: every element closes after the ones opened inside it
    stack: list[str] = []
    for m in re.finditer(r"<(/?)(mark|span|div|table|tr|td|th|thead|tbody|b|br|code|i|p)\b",
                         out):
        if m.group(2) == "br":
            continue
        if m.group(1):
            assert stack.pop() == m.group(2)
        else:
            stack.append(m.group(2))
    assert not stack


def test_page_is_standalone(doc: Document) -> None:
    page = render_html(doc, page=True)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page
    assert render_html(doc) in page


def test_repr_html_delegates(doc: Document) -> None:
    assert doc._repr_html_() == render_html(doc)


def test_plain_text(doc: Document) -> None:
    r = repr(doc)
    assert r == (f"Document(published=2024-03-14, sentences={len(doc.sentences)}, "
                 f"actors={len(doc.actors)}, events={len(doc.events)})")
    assert "\n" not in r
    text = doc.to_text()
    assert text == to_text(doc)
    lines = text.splitlines()
    assert lines[0].startswith("Document published 2024-03-14 (dateline)")
    assert len(lines) == 1 + len(doc.events)
    assert "Russia [" in text and "mengecam" in text
    assert "<" not in text


def test_plain_text_without_events() -> None:
    d = geoevents.analyze("Tidak ada apa-apa.")
    assert d.to_text() == (
        "Document published unknown (none): 1 sentence, 0 actor mentions, 0 dates, 0 events")
    assert repr(d) == "Document(published=None, sentences=1, actors=0, events=0)"
