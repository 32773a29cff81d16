"""'kedua negara', 'kedua menlu' and the like refer to the two sides just named."""

from __future__ import annotations

from geoevents.pipeline import Pipeline


def _events(nlp: Pipeline, text: str) -> list[tuple[str | None, str, str | None]]:
    return [(e.actor.name, e.action.root, e.target.name if e.target else None)
            for e in nlp.extract(text, published="2018-02-01")]


def test_kedua_negara_are_the_states_of_the_two_leaders_in_story_order(nlp: Pipeline) -> None:
    text = ("Presiden Joko Widodo bertemu Perdana Menteri Selandia Baru Jacinda Ardern di "
            "sela KTT ASEAN di Manila , Filipina . Menurut Menlu Retno Marsudi , kedua "
            "negara sepakat untuk memperluas perdagangan .")
    got = _events(nlp, text)
    assert ("Indonesia", "03", "New Zealand") in got, got


def test_a_place_of_the_meeting_is_not_one_of_the_pair(nlp: Pipeline) -> None:
    text = ("Presiden Joko Widodo bertemu Perdana Menteri Jepang Shinzo Abe di KTT G20 , "
            "Hamburg , Jerman . Kedua negara sepakat untuk mempererat kerja sama maritim .")
    got = _events(nlp, text)
    assert all("Germany" not in (a, t) for a, _, t in got), got


def test_kedua_menlu_are_the_two_ministers(nlp: Pipeline) -> None:
    text = ("Menlu Retno Marsudi menerima Menlu Malaysia Saifuddin Abdullah di Jakarta . "
            "Kedua menlu sepakat meningkatkan kerja sama perbatasan .")
    got = _events(nlp, text)
    assert ("Retno Marsudi", "03", "Saifuddin Abdullah") in got, got
