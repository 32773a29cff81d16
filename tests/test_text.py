"""Segmentation of scraped news into sentences, with boilerplate marked and offsets kept."""

from geoevents.components.text import Segmenter, load_text_rules

ARTICLE = (
    "Menhan Bertemu Dubes Jepang\n\n"
    "JAKARTA, KOMPAS.com - Menteri Pertahanan bertemu Duta Besar Jepang. Keduanya membahas "
    "latihan bersama di Jl. Merdeka Barat.\n\n"
    "Baca Juga: Harga Beras Naik Lagi\n\n"
    "Presiden Joko Widodo. /Reuters\n\n"
    "Pertemuan itu berlangsung tertutup, kata Dr. Budi.\n\n"
    "Editor: Siti Aminah\n\nTags\n\nTerpopuler"
)


def segments():
    return Segmenter(load_text_rules())(ARTICLE)


def test_offsets_point_into_the_original_text():
    for s in segments():
        assert ARTICLE[s.start:s.end].strip() == ARTICLE[s.start:s.end]
        assert s.start <= s.content_start <= s.end


def test_boilerplate_headline_and_caption_are_skipped():
    skipped = {ARTICLE[s.start:s.end]: s.reason for s in segments() if s.skipped}
    assert skipped["Menhan Bertemu Dubes Jepang"] == "headline"
    assert skipped["Baca Juga: Harga Beras Naik Lagi"] == "boilerplate"
    assert skipped["Presiden Joko Widodo. /Reuters"] == "caption"
    assert skipped["Editor: Siti Aminah"] == "boilerplate"
    assert skipped["Tags"] == skipped["Terpopuler"] == "boilerplate"


def test_sentences_and_abbreviations():
    kept = [ARTICLE[s.start:s.end] for s in segments() if not s.skipped]
    assert kept == [
        "JAKARTA, KOMPAS.com - Menteri Pertahanan bertemu Duta Besar Jepang.",
        "Keduanya membahas latihan bersama di Jl. Merdeka Barat.",
        "Pertemuan itu berlangsung tertutup, kata Dr. Budi.",
    ]


def test_dateline_is_not_content():
    first = next(s for s in segments() if not s.skipped)
    assert ARTICLE[first.content_start:].startswith("Menteri Pertahanan")


def test_tokenized_text_from_aggregators():
    text = "Jakarta , CNN Indonesia - - Israel mengecam PBB . Hal itu terjadi Kamis ( 13 / 7 ) ."
    segs = Segmenter(load_text_rules())(text)
    assert [text[s.start:s.end] for s in segs] == [
        "Jakarta , CNN Indonesia - - Israel mengecam PBB .",
        "Hal itu terjadi Kamis ( 13 / 7 ) .",
    ]
    assert text[segs[0].content_start:].startswith("Israel")


def test_links_inside_a_paragraph_are_skipped_in_any_case():
    text = ("Polisi menahan dua orang . ( Baca : Demo Buruh Ricuh di Bekasi ) Kapolda lalu "
            "memberi keterangan . BACA JUGA: Harga Cabai Melonjak . Sidang digelar besok .")
    segs = Segmenter(load_text_rules())(text)
    skipped = [text[s.start:s.end] for s in segs if s.skipped]
    kept = [text[s.start:s.end] for s in segs if not s.skipped]
    assert skipped == ["( Baca : Demo Buruh Ricuh di Bekasi )",
                       "BACA JUGA: Harga Cabai Melonjak ."]
    assert kept == ["Polisi menahan dua orang .", "Kapolda lalu memberi keterangan .",
                    "Sidang digelar besok ."]
    # a sentence that only mentions reading is news
    assert not Segmenter(load_text_rules())("Bacaan doa dipimpin ulama .")[0].skipped
