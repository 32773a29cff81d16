"""Honorifics before a name ("Pak Antasari", "Bu Susi") are no part of it (grammar.yaml)."""

from __future__ import annotations

import pytest

from geoevents.pipeline import Pipeline

STORY = [
    # (text, mention of the honorific's person, expected name)
    ("Menteri Kelautan Susi Pudjiastuti meninjau pelabuhan. Nelayan meminta Bu Susi "
     "menghentikan larangan cantrang.", "Susi", "Susi Pudjiastuti"),
    ("Ketua DPR Setya Novanto menghadiri sidang itu. Mahasiswa mengkritik Bapak Novanto pekan "
     "lalu.", "Novanto", "Setya Novanto"),
    ("Gubernur Sumatera Barat Irwan Prayitno tiba di Padang. Mahasiswa menemui Pak Irwan di "
     "kantornya.", "Irwan", "Irwan Prayitno"),
]


@pytest.mark.parametrize(("text", "mention", "name"), STORY)
def test_an_honorific_names_the_person_named_before(nlp: Pipeline, text: str, mention: str,
                                                    name: str) -> None:
    doc = nlp.analyze(text, published="2017-05-02")
    later = [e for e in doc.events if e.target is not None and e.target.mention == mention]
    assert later and later[0].target is not None and later[0].target.name == name, [
        (e.actor.mention, e.target.mention if e.target else None) for e in doc.events]


def test_ibu_kota_is_no_person(nlp: Pipeline) -> None:
    doc = nlp.analyze("Presiden mengunjungi Ibu Kota Nusantara pekan lalu.",
                      published="2017-05-02")
    assert all("Kota" not in (a.name or "") for a in doc.actors)
