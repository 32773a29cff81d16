"""Initials of suspects and victims (grammar.yaml ``initials_markers``) are anonymous people."""

from __future__ import annotations

import pytest

from geoevents.pipeline import Pipeline

# Fresh sentences: (text, initials) that name a person by initials.
INITIALS = [
    ("Polres Bogor menangkap pria berinisial RDS di sebuah kontrakan.", "RDS"),
    ("Polisi membekuk WK ( 28 ) saat hendak kabur ke Batam.", "WK"),
    ("Polisi menahan pria berinisial AS karena membawa sabu.", "AS"),
]
# ... and capitals that are no initials.
NOT_INITIALS = [
    ("Pasukan AS menyerang markas ISIS di Raqqa.", "AS"),
    ("KPK memeriksa pejabat BPK di Jakarta.", "BPK"),
]


@pytest.mark.parametrize(("text", "initials"), INITIALS)
def test_initials_are_an_anonymous_civilian_arrested(nlp: Pipeline, text: str,
                                                     initials: str) -> None:
    doc = nlp.analyze(text, published="2018-03-01")
    arrests = [e for e in doc.events if e.action.root == "17"]
    assert arrests, [(e.actor.mention, e.action.cameo) for e in doc.events]
    target = arrests[0].target
    # the person's noun ("pria berinisial RDS") or the initials themselves
    assert target is not None and target.mention in ("pria", initials)
    assert (target.name, target.country, target.sector) == (None, "IDN", "CVL")
    assert any(a.mention == initials and a.sector == "CVL" for a in doc.actors)


@pytest.mark.parametrize(("text", "word"), NOT_INITIALS)
def test_other_capitals_keep_their_reading(nlp: Pipeline, text: str, word: str) -> None:
    doc = nlp.analyze(text, published="2018-03-01")
    hit = [a for a in doc.actors if a.mention.endswith(word)]
    assert hit and hit[0].sector != "CVL", [(a.mention, a.sector) for a in doc.actors]


def test_the_same_initials_later_in_the_story_are_that_person(nlp: Pipeline) -> None:
    text = ("Polisi membekuk pria berinisial TK ( 24 ) di Depok. "
            "Polisi kemudian menahan TK di Mapolres.")
    doc = nlp.analyze(text, published="2018-03-01")
    second = [e for e in doc.events if e.sentence.startswith("Polisi kemudian")]
    assert second and second[0].target is not None and second[0].target.mention == "TK"
