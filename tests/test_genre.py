"""Sport, showbiz and gadget stories keep only events between political bodies."""

from __future__ import annotations

import yaml

from geoevents.pipeline import Pipeline
from geoevents.resources import load_genre_words

from .conftest import ROOT, load_script, shared_file


def test_committed_file_matches_fresh_build() -> None:
    corpus = shared_file("corpora", "news-indosum")
    mod = load_script(ROOT / "scripts" / "genre_words.py")
    data = mod.build(corpus, 25, 0.005, 8.0)
    committed = yaml.safe_load(
        (ROOT / "src" / "geoevents" / "resources" / "id" / "genre_words.yaml").read_text())
    assert committed == data


def test_the_list_holds_sport_words_and_no_names() -> None:
    words = load_genre_words()
    assert {"gawang", "gol"} <= words
    assert not {"manchester", "madrid", "presiden", "polisi"} & words


MATCH_REPORT = (
    "Argentina menjamu Uruguay dalam laga kualifikasi Piala Dunia . Kiper Argentina "
    "menepis tendangan penalti di babak pertama . Gol tunggal dicetak lewat sundulan "
    "menjelang akhir laga . Pelatih Argentina memuji penampilan skuatnya . Argentina kini "
    "naik ke posisi ketiga klasemen .")
BOMBING_NEWS = (
    "Polisi Inggris menangkap seorang pria terkait ledakan di arena konser di Manchester . "
    "Ledakan terjadi saat konser penyanyi Ariana Grande berakhir . Perdana Menteri Theresa "
    "May mengecam serangan itu . Polisi Inggris juga menahan dua pria lain di selatan kota . "
    "Pemerintah menaikkan status ancaman teror ke tingkat kritis . Kelompok ISIS mengklaim "
    "serangan tersebut .")


def test_a_match_report_keeps_no_events_of_clubs_or_teams(nlp: Pipeline) -> None:
    events = nlp.extract(MATCH_REPORT, published="2017-09-01")
    assert not [e for e in events if e.action.root == "04"], [
        (e.actor.mention, e.action.cameo, e.target.mention if e.target else None)
        for e in events]


def test_news_of_a_concert_bombing_is_no_showbiz_story(nlp: Pipeline) -> None:
    events = nlp.extract(BOMBING_NEWS, published="2017-05-24")
    arrests = [e for e in events if e.action.root == "17"]
    assert arrests and arrests[0].target is not None and arrests[0].target.sector == "CVL"


APP_STORY = (
    "Startup lokal Kopiku meluncurkan fitur baru untuk pengguna aplikasinya . Fitur itu bisa "
    "diunduh gratis di Android dan iOS . Pengguna juga bisa berbagi konten lewat fitur "
    "tersebut . CEO Kopiku Budi Hartanto bertemu Menteri Koperasi Teten Masduki di Jakarta "
    "untuk membahas pendanaan startup .")


def test_a_gadget_story_keeps_no_meeting_of_a_firm_with_a_minister(nlp: Pipeline) -> None:
    # the words of the generated list ("startup", "fitur", "diunduh") make it a gadget story
    assert nlp.extract(APP_STORY, published="2017-09-01") == []
