"""Property-based tests (hypothesis): hostile input never crashes the pipeline or a batch.

Four families of generated input, each checked against the same invariants (no exception
except the documented ones, every span valid, deterministic output):

(a) random Unicode (controls, emoji, RTL, zero-width, markup) mixed with Indonesian words;
(b) shuffled, concatenated real sentences from ../shared/corpora (UD ``# text =`` lines and
    IndoSum tokens joined), or our own sentences when ../shared is absent;
(c) mutated news articles (tags, entities, deletions, duplicated lines, case changes);
(d) the JSONL batch reader on random lines; and 1 vs 2 worker processes on ~50 documents.

The run is bounded and reproducible (``derandomize=True``, no example database): about
11,000 generated cases (times ``GEOEVENTS_FUZZ_SCALE``), each test asserting how many it
really ran. One pipeline is shared by the whole module. See docs/robustness.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoevents.errors import DocumentTooLongError, InputTypeError, PublishedDateError
from geoevents.io import read_records
from geoevents.io.batch import process_record, run
from geoevents.models import Document
from geoevents.pipeline import Pipeline

from .conftest import SHARED

DOCUMENTED = (InputTypeError, PublishedDateError, DocumentTooLongError)
"""The only errors ``analyze`` may raise (see docs/robustness.md)."""

SCALE = float(os.environ.get("GEOEVENTS_FUZZ_SCALE", "1"))
"""Multiply the number of cases (``GEOEVENTS_FUZZ_SCALE=10`` for a long run)."""
N_UNICODE = int(4000 * SCALE)
N_CORPUS = int(3000 * SCALE)
N_MUTATED = int(3000 * SCALE)
N_PUBLISHED = int(500 * SCALE)
N_READER = int(500 * SCALE)


def fuzz(n: int) -> settings:
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# -- invariants ---------------------------------------------------------------------------


def check_document(text: str, doc: Document) -> None:
    """Every span points into ``text`` and spells what it claims; no events unless Indonesian."""
    n = len(text)
    assert doc.text == text

    def ok(span: tuple[int, int] | None, s: str) -> None:
        assert span is not None
        a, b = span
        assert 0 <= a <= b <= n, (span, n)
        assert text[a:b] == s, (span, s)

    prev = 0
    for s in doc.sentences:
        ok(s.span, s.text)
        assert s.span[0] >= prev, "sentences overlap or are out of order"
        prev = s.span[1]
    for a in doc.actors:
        ok(a.span, a.mention)
    for d in doc.dates:
        a, b = d.span
        assert 0 <= a <= b <= n and text[a:b] == d.text, (d.span, d.text)
    for e in doc.events:
        ok(e.sentence_span, e.sentence)
        ok(e.actor.span, e.actor.mention)
        if e.target is not None:
            ok(e.target.span, e.target.mention)
        ok(e.action.trigger_span, e.action.trigger)
        lo, hi = e.sentence_span
        assert e.action.trigger_span is not None
        assert lo <= e.action.trigger_span[0] <= e.action.trigger_span[1] <= hi
    assert doc.language in ("id", "other")
    if doc.language == "other":
        assert doc.events == () and "not_indonesian" in doc.warnings


def analyze_checked(nlp: Pipeline, text: str, published: Any = None) -> Document | None:
    """Analyse; a documented error is fine (None), anything else fails the test."""
    try:
        doc = nlp.analyze(text, published=published)
    except DOCUMENTED:
        return None
    check_document(text, doc)
    return doc


@pytest.fixture(scope="module")
def fnlp() -> Pipeline:
    """One pipeline for the module, with a small max_length so that limit is fuzzed too."""
    return Pipeline(max_length=1000)


# -- (a) random Unicode -------------------------------------------------------------------

WORDS = ["Rusia", "mengecam", "Amerika Serikat", "AS", "Presiden", "Joko Widodo", "Jokowi",
         "Menlu", "bertemu dengan", "menyerang", "Israel", "Gaza", "Ukraina", "PBB", "TNI",
         "mereka", "pihaknya", "tidak", "akan", "dan", "Senin (3/4)", "kemarin", "Jakarta",
         "(ANTARA) -", "Baca Juga:", "Editor:", "menolak", "China", "Iran", "sanksi", ".", ","]
SPECIAL = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00a0", "\u202f", "\u3000",
           "\r\n", "\r", "\n", "\t", "\x00", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029",
           "\u202e", "\u202d", "\u200f", "مرحبا", "שלום", "Россия", "俄罗斯", "🇷🇺", "🔥",
           "👩‍👩‍👧", "e\u0301", "ﬁ", "İ", "ß", "ǅ", "<p>", "</p>", "<br/>", "<b>", "<script>",
           "</script>", "<!--", "-->", "&amp;", "&nbsp;", "&#8212;", "&#x1F600;", "&bogus;",
           "&#99999999;", "<", ">", "&"]
UNICODE = st.characters(exclude_categories=("Cs",))  # every plane; controls included
piece = st.one_of(st.text(UNICODE, max_size=12), st.sampled_from(WORDS),
                  st.sampled_from(SPECIAL))
random_text = st.lists(piece, max_size=30).flatmap(
    lambda ps: st.sampled_from([" ", "", "\n"]).map(lambda sep: sep.join(ps)))


def test_random_unicode(fnlp: Pipeline) -> None:
    ran = []

    @fuzz(N_UNICODE)
    @given(random_text)
    def prop(text: str) -> None:
        ran.append(1)
        analyze_checked(fnlp, text, published="2024-03-01")

    prop()
    assert len(ran) >= N_UNICODE


def test_published_values(fnlp: Pipeline) -> None:
    """Any ``published`` value: a date, or PublishedDateError (a ValueError), never more."""
    ran = []
    values = st.one_of(st.none(), st.dates(), st.datetimes(), st.text(max_size=14),
                       st.integers(), st.floats(), st.binary(max_size=10),
                       st.lists(st.integers(), max_size=2), st.just("2024-02-30"),
                       st.just(" 2024-03-01T10:00:00+07:00 "))

    @fuzz(N_PUBLISHED)
    @given(st.sampled_from(["Rusia mengecam Amerika Serikat.", ""]), values)
    def prop(text: str, published: Any) -> None:
        ran.append(1)
        try:
            doc = fnlp.analyze(text, published=published)
        except PublishedDateError as e:
            assert isinstance(e, ValueError) and "ISO" in str(e)
            return
        check_document(text, doc)

    prop()
    assert len(ran) >= N_PUBLISHED


# -- (b) real sentences, shuffled and concatenated ----------------------------------------

OWN_SENTENCES = [
    "Rusia mengecam Amerika Serikat atas sanksi baru.",
    "Presiden Joko Widodo bertemu dengan Perdana Menteri Jepang di Istana Bogor, Senin (3/4).",
    "Israel kembali menyerang Gaza pada Selasa malam.",
    "Menlu Retno Marsudi mendesak Myanmar menghentikan kekerasan.",
    "Mereka tidak akan menolak tawaran itu.",
    "Harga cabai naik di pasar tradisional.",
    "Baca Juga: Polisi tangkap pencuri motor",
    "Jakarta (ANTARA) - Pemerintah Indonesia memprotes China terkait Natuna.",
    "Pihaknya menyatakan siap berunding dengan Ukraina dua pekan lalu.",
    "PBB mengutuk serangan terhadap warga sipil di Sudan.",
]


def corpus_sentences(limit: int = 4000) -> list[str]:
    """UD ``# text =`` lines and IndoSum sentences from ../shared/corpora, when present."""
    out: list[str] = []
    corpora = SHARED / "corpora"
    for f in sorted(corpora.glob("ud-id-*/*.conllu")):
        with f.open(encoding="utf-8") as fh:
            out += [line[9:].strip() for line in fh if line.startswith("# text = ")]
    indosum = corpora / "news-indosum" / "dev.01.jsonl"
    if indosum.exists():
        with indosum.open(encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k >= 300:
                    break
                art = json.loads(line)
                out += [" ".join(toks) for para in art["paragraphs"] for toks in para]
    # a stable, spread-out sample: every k-th sentence
    step = max(1, len(out) // limit)
    return out[::step][:limit]


SENTENCES = corpus_sentences() or OWN_SENTENCES
sentence_text = st.tuples(
    st.lists(st.sampled_from(SENTENCES + OWN_SENTENCES), min_size=1, max_size=3),
    st.sampled_from([" ", "\n", "\n\n", "\r\n", "", " \u00a0"]),
    st.sampled_from(["", "Jakarta (ANTARA) - ", "JAKARTA, KOMPAS.com - ", "<p>"]),
).map(lambda t: t[2] + t[1].join(t[0]))


def test_corpus_sentences(fnlp: Pipeline) -> None:
    ran = []

    @fuzz(N_CORPUS)
    @given(sentence_text)
    def prop(text: str) -> None:
        ran.append(1)
        analyze_checked(fnlp, text)

    prop()
    assert len(ran) >= N_CORPUS


# -- (c) mutated news ---------------------------------------------------------------------

ARTICLES = [
    "Jakarta (ANTARA) - Presiden Joko Widodo bertemu dengan Perdana Menteri Jepang Fumio "
    "Kishida di Istana Bogor, Senin (3/4).\nKedua pemimpin membahas kerja sama maritim.\n"
    "Baca Juga: Harga cabai naik\nJokowi juga mengundang Kishida ke Bali.",
    "MOSKOW, KOMPAS.com - Rusia mengecam Amerika Serikat atas sanksi baru, Selasa "
    "(14/3/2023).\nKremlin menyebut langkah itu tidak bersahabat.\nSementara itu, Ukraina "
    "meminta bantuan senjata kepada NATO.\nEditor: Rina",
    "Israel kembali menyerang Gaza pada Rabu malam. PBB mengutuk serangan itu dan mendesak "
    "gencatan senjata.\r\nMesir menawarkan diri menjadi mediator. Hamas menolak usulan "
    "tersebut kemarin.",
    "<html><body><h1>Berita</h1><p>Menlu Retno Marsudi mendesak Myanmar menghentikan "
    "kekerasan.</p><p>ASEAN akan bertemu&nbsp;pekan depan.</p><div>Tag: ASEAN</div>"
    "</body></html>",
    "Pemerintah Indonesia memprotes China terkait kapal di Natuna. Pihaknya memanggil Dubes "
    "China di Jakarta. Mereka tidak akan mengakui klaim sembilan garis putus.",
]
INSERTS = ["<p>", "</p>", "<br>", "<div class=\"x\">", "</div>", "<b>", "<a href='/x'>",
           "<script>alert(1)</script>", "<!-- iklan -->", "&amp;", "&nbsp;", "&quot;", "&#8220;",
           "\u200b", "\u00a0", "\ufeff", "\r\n", "\n\n", "\t", "🇮🇩", "Baca Juga: ",
           "Rusia mengecam AS.", "Presiden ", ", kata dia.", " (ANTARA)", "\x00", "\x1f"]
OPS = ["insert", "delete", "dup_line", "upper", "lower", "title", "swapcase", "crlf",
       "nbsp"]
op = st.tuples(st.sampled_from(OPS), st.integers(0, 10_000), st.integers(0, 60),
               st.sampled_from(INSERTS))


def mutate(text: str, ops: list[tuple[str, int, int, str]]) -> str:
    for name, pos, width, payload in ops:
        i = pos % (len(text) + 1)
        j = min(len(text), i + width)
        if name == "insert":
            text = text[:i] + payload + text[i:]
        elif name == "delete":
            text = text[:i] + text[j:]
        elif name == "dup_line":
            lines = text.split("\n")
            k = pos % len(lines)
            lines.insert(k, lines[k])
            text = "\n".join(lines)
        elif name in ("upper", "lower", "title", "swapcase"):
            text = text[:i] + getattr(text[i:j], name)() + text[j:]
        elif name == "crlf":
            text = text.replace("\n", "\r\n")
        else:
            text = text[:i] + text[i:j].replace(" ", "\u00a0") + text[j:]
    return text


def test_mutated_news_is_valid_and_deterministic(fnlp: Pipeline) -> None:
    ran = []

    @fuzz(N_MUTATED)
    @given(st.sampled_from(ARTICLES), st.lists(op, max_size=6))
    def prop(article: str, ops: list[tuple[str, int, int, str]]) -> None:
        ran.append(1)
        text = mutate(article, ops)
        first = analyze_checked(fnlp, text, published="2023-03-15")
        second = analyze_checked(fnlp, text, published="2023-03-15")
        assert (first is None) == (second is None)
        if first is not None and second is not None:
            assert first.model_dump() == second.model_dump()

    prop()
    assert len(ran) >= N_MUTATED


def test_unmutated_articles_have_events(fnlp: Pipeline) -> None:
    """The mutation test starts from articles the pipeline does code (it tests something)."""
    for a in ARTICLES:
        doc = analyze_checked(fnlp, a, published="2023-03-15")
        assert doc is not None and doc.events, a[:40]


# -- (d) the batch reader and worker processes --------------------------------------------

line_bytes = st.one_of(
    st.binary(max_size=40),
    st.builds(lambda t, i: json.dumps({"id": i, "text": t}).encode(), random_text,
              st.one_of(st.none(), st.text(max_size=5), st.integers())),
    st.builds(lambda t: json.dumps({"text": t}, ensure_ascii=False).encode("utf-8",
                                                                            "surrogatepass"),
              st.text(max_size=20)),
    st.builds(lambda v: json.dumps({"text": v}).encode(),
              st.one_of(st.none(), st.integers(), st.lists(st.text(max_size=3), max_size=2))),
    st.sampled_from([b"{not json", b"[]", b'"text"', b"\xff\xfe{}", b'{"text": "\\ud800"}',
                     b"[" * 5000, b'{"id": "\\udcff", "text": "Rusia mengecam AS."}']),
)


def test_jsonl_reader_never_raises_on_bad_lines(tmp_path_factory: pytest.TempPathFactory,
                                                fnlp: Pipeline) -> None:
    """Any line: a record with a str text or an error, and a processed/recorded result."""
    ran = []
    path = tmp_path_factory.mktemp("reader") / "in.jsonl"

    @fuzz(N_READER)
    @given(st.lists(line_bytes, min_size=1, max_size=5))
    def prop(lines: list[bytes]) -> None:
        ran.append(1)
        path.write_bytes(b"\n".join(x.replace(b"\n", b" ") for x in lines) + b"\n")
        for rec in read_records([path]):
            assert (rec.text is None) == (rec.error is not None)
            rec.id.encode("utf-8")  # ids can be written
            res = process_record(fnlp, rec, "documents")
            assert res.id == rec.id
            json.loads(res.payload)
            if rec.error is not None:
                assert res.error == rec.error and rec.error.split(":")[0] in (
                    "InputDecodeError", "InputFormatError", "InputTypeError")

    prop()
    assert len(ran) >= N_READER


def worker_docs(n: int = 50) -> list[dict[str, str]]:
    texts = [*ARTICLES, *SENTENCES[:20], *OWN_SENTENCES]
    out = []
    for i in range(n):
        t = texts[i % len(texts)]
        if i % 3 == 1:
            t = mutate(t, [("insert", i * 37, 0, INSERTS[i % len(INSERTS)]), ("upper", i, 5, "")])
        out.append({"id": f"d{i}", "published": "2023-03-15", "text": t})
    return out


def test_one_and_two_workers_agree(tmp_path: Path, nlp: Pipeline) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in worker_docs()),
                   encoding="utf-8")
    one = run([src], tmp_path / "one.jsonl", pipeline=nlp)
    two = run([src], tmp_path / "two.jsonl", workers=2, chunk_size=4)
    assert (one.documents, one.failed) == (two.documents, two.failed) == (50, 0)
    assert one.events == two.events > 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    # and the same as analysing each document in this process
    want = [len(nlp.analyze(d["text"], published=d["published"]).events)
            for d in worker_docs()]
    got = [len(json.loads(x)["events"]) for x in
           (tmp_path / "two.jsonl").read_text(encoding="utf-8").splitlines()]
    assert got == want

