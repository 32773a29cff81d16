"""Indonesian affix analysis: roots are recovered from inflected words."""

import pytest

from geoevents.resources.morph import Analysis, analyses


@pytest.mark.parametrize(("word", "prefix", "root", "suffix", "voice"), [
    ("memperingatkan", "meN", "peringat", "kan", "active"),
    ("diperingatkan", "di", "peringat", "kan", "passive"),
    ("mengecam", "meN", "kecam", "", "active"),
    ("dikecam", "di", "kecam", "", "passive"),
    ("kecaman", "", "kecam", "an", "nominal"),
    ("menyerang", "meN", "serang", "", "active"),
    ("serangan", "", "serang", "an", "nominal"),
    ("menembak", "meN", "tembak", "", "active"),
    ("penembakan", "peN", "tembak", "an", "nominal"),
    ("memukul", "meN", "pukul", "", "active"),
    ("mengunjungi", "meN", "kunjung", "i", "active"),
    ("kunjungannya", "", "kunjung", "an", "nominal"),
    ("bertemu", "ber", "temu", "", "middle"),
    ("pertemuan", "per", "temu", "an", "nominal"),
    ("berunding", "ber", "runding", "", "middle"),
    ("perundingan", "pe", "runding", "an", "nominal"),
    ("menangkap", "meN", "tangkap", "", "active"),
    ("ditangkapnya", "di", "tangkap", "", "passive"),
    ("mengebom", "meN", "bom", "", "active"),
    ("melarang", "meN", "larang", "", "active"),
    ("tertangkap", "ter", "tangkap", "", "passive"),
])
def test_reading_is_found(word, prefix, root, suffix, voice):
    found = analyses(word)
    a = Analysis(prefix, root, suffix)
    assert a in found
    assert a.voice == voice


def test_unrelated_root_is_not_invented():
    roots = {a.root for a in analyses("memperingati")}
    assert "peringat" in roots  # the root is there, but with -i, not -kan
    assert all(a.suffix != "kan" for a in analyses("memperingati"))


@pytest.mark.parametrize(("word", "wrong"), [
    ("menyusul", "usul"),  # susul "follow", not usul "propose"
    ("menembak", "embak"),
    ("memukul", "ukul"),
])
def test_nasal_before_vowel_replaced_a_consonant(word, wrong):
    assert wrong not in {a.root for a in analyses(word)}


def test_nasal_root_keeps_its_nasal():
    assert "nilai" in {a.root for a in analyses("menilai")}


def test_the_morphology_file_is_validated(tmp_path) -> None:
    from geoevents.errors import RuleFileError
    from geoevents.resources import load_morphology

    assert "nya" in load_morphology().clitics and "menurut" in load_morphology().not_verbs
    bad = tmp_path / "morphology.yaml"
    bad.write_text("clitics: [nya]\nnot_verbs: [menurut]\nsuffixes: [kan]\n")
    with pytest.raises(RuleFileError, match="suffixes"):
        load_morphology(bad)
