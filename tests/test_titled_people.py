"""A title, the place or body it is of, and the name after it are one person."""

from __future__ import annotations

import pytest

from geoevents.pipeline import Pipeline

TITLED = [
    # (text, the person's name, sector, country): the target is the named person
    ("Presiden Joko Widodo bertemu Gubernur DKI Jakarta Anies Baswedan di Istana Bogor.",
     "Anies Baswedan", "GOV", "IDN"),
    ("Kejaksaan Agung memeriksa Kapolres Jakarta Barat Kombes Hengki Haryadi pekan lalu.",
     "Hengki Haryadi", "COP", "IDN"),
    ("KPK menahan Bupati Halmahera Timur Rudi Erawan di Jakarta.", "Rudi Erawan", "GOV", "IDN"),
    # the region's last word (grammar.yaml region_words) ends it; the name follows
    ("KPK menahan Bupati Labuhanbatu Utara Kharuddin Syah kemarin.", "Kharuddin Syah", "GOV",
     "IDN"),
    ("Kejaksaan Agung memeriksa Kapolres Lombok Timur AKBP Wahyu Hidayat pekan lalu.",
     "Wahyu Hidayat", "COP", "IDN"),
    ("Presiden Joko Widodo bertemu Gubernur Nusa Tenggara Barat Zulkieflimansyah di Istana "
     "Bogor.", "Zulkieflimansyah", "GOV", "IDN"),
    # a place of the index after the title, then the name ("Bima" is also a regency)
    ("KPK memeriksa Wali Kota Cilegon Tubagus Iman Ariyadi di Jakarta.", "Tubagus Iman Ariyadi",
     "GOV", "IDN"),
    ("Polisi memeriksa Wali Kota Bogor Bima Arya di Jakarta.", "Bima Arya", "GOV", "IDN"),
    # a minister is titled by the ministry's full name, "dan" and commas included
    ("Presiden Joko Widodo bertemu Menteri Pemuda dan Olahraga Imam Nahrawi di Istana Bogor.",
     "Imam Nahrawi", "GOV", "IDN"),
    ("KPK memeriksa Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Eko Putro "
     "Sandjojo kemarin.", "Eko Putro Sandjojo", "GOV", "IDN"),
    # the name in apposition: after a comma (the province between commas), or after the
    # office's short form in brackets
    ("Presiden Joko Widodo bertemu Wakil Gubernur Jawa Barat, Darmawan Setiadi, di Istana "
     "Bogor.", "Darmawan Setiadi", "GOV", "IDN"),
    ("KPK menahan Bupati Lampung Tengah, Lampung, Sutrisno Hadi, kemarin.", "Sutrisno Hadi",
     "GOV", "IDN"),
    ("KPK memeriksa Menteri Pekerjaan Umum dan Perumahan Rakyat (PUPR) Basuki Hadimuljono "
     "kemarin.", "Basuki Hadimuljono", "GOV", "IDN"),
]

# A title with no name after it stays a role.
UNTITLED = [
    ("Presiden Joko Widodo bertemu Gubernur DKI Jakarta di Istana Bogor.", None, "GOV", "IDN"),
    ("Kejaksaan Agung memeriksa Kapolres Jakarta Barat pekan lalu.", None, "COP", "IDN"),
    ("KPK menahan Bupati Labuhanbatu Utara kemarin.", None, "GOV", "IDN"),
    ("Presiden Joko Widodo bertemu Gubernur Nusa Tenggara Barat di Istana Bogor.", None, "GOV",
     "IDN"),
    # a town or a province's short name is the office's place, no person's name
    ("KPK menahan Wali Kota Blitar kemarin.", None, "GOV", "IDN"),
    ("Warga mengadukan Kapolda Sumut kepada Kapolri.", None, "COP", "IDN"),
    ("Presiden Joko Widodo bertemu Menteri Pemuda dan Olahraga di Istana Bogor.", None, "GOV",
     "IDN"),
    # a lower-case word between them makes the name someone else
    ("Polisi memeriksa Gubernur Jawa Barat dan ajudannya, Darmawan Setiadi, kemarin.", None,
     "GOV", "IDN"),
]


@pytest.mark.parametrize(("text", "name", "sector", "country"), TITLED + UNTITLED)
def test_a_title_before_a_name_is_that_person(nlp: Pipeline, text: str, name: str | None,
                                              sector: str, country: str) -> None:
    events = nlp.extract(text, published="2018-05-02")
    assert events, text
    target = events[0].target
    assert target is not None
    assert (target.name, target.sector, target.country) == (name, sector, country)


@pytest.mark.parametrize(("text", "names"), [
    # a place of the index is no untitled person, wherever it stands
    ("Kanada menolak mengakui Yerusalem sebagai ibu kota Israel.", {"Canada", "Israel"}),
    ("Warga Kabul mengecam Taliban.", {"Taliban"}),
    # an unknown name in a name's slot still is one
    ("Rusia mengecam Amerika Serikat, kata Burhanuddin.", {"Russia", "United States",
                                                         "Burhanuddin"}),
])
def test_a_known_place_is_no_person(nlp: Pipeline, text: str, names: set[str]) -> None:
    doc = nlp.analyze(text, published="2018-05-02")
    assert {a.name for a in doc.actors if a.name} >= names
    assert not [a for a in doc.actors if a.kind == "person" and a.name in (
        "Yerusalem", "Kabul")]


def test_each_ministry_gives_its_ministers_title() -> None:
    """"Kementerian X" gives the title "Menteri X"; titles the agent words have keep their
    own entry (the foreign minister's office), and the ministries stay bodies."""
    from geoevents.resources import default_gazetteer_files, read_agents, read_records
    from geoevents.resources.gazetteer import minister_titles

    agents = read_agents()
    derived = {a.term: a for a in minister_titles(agents, read_records(default_gazetteer_files()))}
    assert derived["menteri pemuda dan olahraga"].english == "Minister of Youth and Sports"
    assert derived["menteri pemuda dan olahraga"].person
    assert "menteri agraria dan tata ruang" in derived  # from Indonesia's own record
    assert "menteri luar negeri" not in derived  # the agent word, with its office
    assert not any(t.startswith("kementerian") or t.endswith(" ri") for t in derived)


@pytest.mark.parametrize(("text", "role", "name", "sector"), [
    # a body noun and the names after it: a body of the story's state
    ("KPK menggeledah kantor Dinas Pekerjaan Umum Kabupaten Sleman kemarin.", "target",
     "Dinas Pekerjaan Umum Kabupaten Sleman", "GOV"),
    ("KPK menggeledah kantor Direktorat Jenderal Perkeretaapian kemarin.", "target",
     "Direktorat Jenderal Perkeretaapian", "GOV"),
    # the gazetteer's name wins, also written another way
    ("KPK menggeledah kantor Badan Pusat Statistik kemarin.", "target",
     "Statistics Indonesia", "GOV"),
    ("KPK menggeledah kantor Direktorat Jenderal Bea Cukai kemarin.", "target",
     "Directorate General of Customs and Excise (Indonesia)", "GOV"),
])
def test_an_unknown_state_body_is_named_by_its_words(nlp: Pipeline, text: str, role: str,
                                                     name: str, sector: str) -> None:
    events = nlp.extract(text, published="2018-05-02")
    assert events, text
    got = events[0].actor if role == "actor" else events[0].target
    assert got is not None
    assert (got.name, got.sector, got.country) == (name, sector, "IDN")


def test_a_unit_takes_its_parent_bodys_sector_and_the_parent_acts(nlp: Pipeline) -> None:
    doc = nlp.analyze("Direktorat Reserse Narkoba Polda Metro Jaya menangkap Budi Santoso.",
                      published="2018-05-02")
    assert ("Direktorat Reserse Narkoba", "COP") in {(a.name, a.sector) for a in doc.actors}
    # the unit's parent is the actor, as annotators name it
    assert doc.events[0].actor.name == "Jakarta Metropolitan Regional Police"


def test_an_indonesian_office_stays_indonesian_in_a_foreign_story(nlp: Pipeline) -> None:
    events = nlp.extract("Militer Myanmar menyerang warga Rohingya. Kapolri meminta Myanmar "
                         "menghentikan kekerasan.", published="2018-05-02")
    kapolri = [e.actor for e in events if e.actor.mention == "Kapolri"]
    assert kapolri and (kapolri[0].country, kapolri[0].sector) == ("IDN", "COP")
