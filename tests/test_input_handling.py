"""Scraped input in all its forms: markup, invisible characters, line endings, size, language."""

import pytest

import geoevents
from geoevents.components.clean import working_view
from geoevents.errors import DocumentTooLongError

PUB = "2024-03-01"


def spans_ok(text, doc):
    for a in doc.actors:
        assert text[a.span[0]:a.span[1]] == a.mention
    for e in doc.events:
        assert text[e.sentence_span[0]:e.sentence_span[1]] == e.sentence
        for x in (e.actor, e.target):
            assert x is not None and text[x.span[0]:x.span[1]] == x.mention


def test_html_is_stripped_and_offsets_point_into_the_page():
    page = ("<html><head><title>Berita</title><script>var x = '<p>Rusia menyerang AS</p>';"
            "</script></head><body><p>Jakarta (ANTARA) - Rusia&nbsp;mengecam "
            "<b>Amerika Serikat</b>.</p><div>Baca Juga: Harga cabai naik</div></body></html>")
    doc = geoevents.analyze(page, published=PUB)
    assert "html" in doc.warnings
    got = [(e.actor.name, e.action.root, e.target.name) for e in doc.events]
    assert got == [("Russia", "11", "United States")]  # nothing from the script
    spans_ok(page, doc)


def test_working_view_keeps_length():
    for s in ["a\r\nb", "x\u200by\ufeffz", "<p>a</p>&amp;<br/>", "\x00\x07ok\x1f", "é\u00a0ü"]:
        assert len(working_view(s)) == len(s)


@pytest.mark.parametrize("text", [
    "Rusia mengecam Amerika Serikat.\r\n\r\nIsrael menyerang Gaza.",
    "Rusia\u200b mengecam Amerika\u00a0Serikat.",
    "\ufeffRusia mengecam Amerika Serikat. 🇷🇺🔥",
    "Rusia mengecam Amerika Serikat.\x00\x1b[31m",
    "Rusia mengecam Amerika Serikat. Россия осудила США. 俄罗斯谴责美国。",
])
def test_invisible_and_foreign_characters(text):
    doc = geoevents.analyze(text, published=PUB)
    assert ("Russia", "11", "United States") in {
        (e.actor.name, e.action.root, e.target.name) for e in doc.events}
    spans_ok(text, doc)


def test_english_text_gives_no_events():
    text = ("Russia condemned the United States on Monday after talks in Jakarta collapsed, "
            "officials said, adding that Indonesia and China would meet again next week to "
            "discuss the dispute in Beijing and Moscow.")
    doc = geoevents.analyze(text, published=PUB)
    assert doc.language == "other" and "not_indonesian" in doc.warnings
    assert doc.events == ()


def test_too_long_document_is_refused_clearly():
    nlp = geoevents.load(max_length=1000)
    with pytest.raises(DocumentTooLongError, match="max_length=1,000") as err:
        nlp.analyze("Rusia mengecam AS. " * 100)
    assert isinstance(err.value, ValueError)


def test_long_document_within_limit():
    text = "Rusia mengecam Amerika Serikat. Harga cabai naik di pasar. " * 2000
    doc = geoevents.analyze(text, published=PUB)
    assert len(doc.events) == 2000
