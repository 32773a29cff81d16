"""Checks of the people gazetteer (``data/gazetteer/people.jsonl``)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PEOPLE = ROOT / "data" / "gazetteer" / "people.jsonl"

try:
    from geoevents.resources.schemas import GazetteerRecord
except ModuleNotFoundError:  # package not installed: use the source tree
    sys.path.insert(0, str(ROOT / "src"))
    from geoevents.resources.schemas import GazetteerRecord


def _load() -> list[GazetteerRecord]:
    records = []
    with PEOPLE.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            assert line.strip(), f"empty line {lineno}"
            records.append(GazetteerRecord.model_validate(json.loads(line)))
    return records


@pytest.fixture(scope="module")
def people() -> list[GazetteerRecord]:
    return _load()


def holders(
    people: list[GazetteerRecord], office: str, country: str | None, on: dt.date
) -> list[str]:
    """Names of the people whose roles include ``office`` for ``country`` valid on ``on``."""
    found = []
    for p in people:
        for r in p.roles:
            if r.office != office or r.country != country:
                continue
            if r.valid_from is not None and on < r.valid_from:
                continue
            if r.valid_to is not None and on >= r.valid_to:
                continue
            found.append(p.name)
            break
    return found


def test_every_line_is_a_person(people: list[GazetteerRecord]) -> None:
    for p in people:
        assert p.kind == "person", p.id
        assert p.id.startswith("P-"), p.id


def test_canonical_form() -> None:
    lines = PEOPLE.read_text(encoding="utf-8").splitlines()
    ids = []
    for line in lines:
        rec = GazetteerRecord.model_validate_json(line)
        canonical = json.dumps(
            rec.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False, sort_keys=True
        )
        assert line == canonical, rec.id
        ids.append(rec.id)
    assert ids == sorted(ids)


def test_at_least_300_people(people: list[GazetteerRecord]) -> None:
    assert len(people) >= 300


def test_unique_ids(people: list[GazetteerRecord]) -> None:
    ids = [p.id for p in people]
    assert len(ids) == len(set(ids))


def test_no_alias_shared(people: list[GazetteerRecord]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for p in people:
        for a in [p.name, *p.aliases]:
            owners[a.casefold()].add(p.id)
    shared = {a: ids for a, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_role_dates_ordered(people: list[GazetteerRecord]) -> None:
    for p in people:
        for r in p.roles:
            if r.valid_from and r.valid_to:
                assert r.valid_from < r.valid_to, (p.id, r)


@pytest.mark.parametrize(
    ("office", "country", "on", "name"),
    [
        ("head_of_state", "USA", "2019-05-01", "Donald Trump"),
        ("head_of_state", "USA", "2022-05-01", "Joe Biden"),
        ("head_of_state", "USA", "2025-05-01", "Donald Trump"),
        ("head_of_government", "USA", "2022-05-01", "Joe Biden"),
        ("head_of_state", "IDN", "2020-01-01", "Joko Widodo"),
        ("head_of_state", "IDN", "2025-01-01", "Prabowo Subianto"),
        ("defence_minister", "IDN", "2020-01-01", "Prabowo Subianto"),
        ("foreign_minister", "IDN", "2020-01-01", "Retno Marsudi"),
        ("foreign_minister", "RUS", "2020-01-01", "Sergey Lavrov"),
        ("head_of_government", "GBR", "2023-01-01", "Rishi Sunak"),
    ],
)
def test_office_holder_on_date(
    people: list[GazetteerRecord], office: str, country: str | None, on: str, name: str
) -> None:
    assert holders(people, office, country, dt.date.fromisoformat(on)) == [name]


# -- people, nicknames and bodies of Indonesian news of 2014-2018 ------------------------------


@pytest.mark.parametrize(
    ("office", "country", "on", "name"),
    [
        ("head_of_state", "IDN", "1995-01-01", "Suharto"),
        ("head_of_state", "IDN", "2000-06-01", "Abdurrahman Wahid"),
        ("head_of_state", "IDN", "1999-01-01", "B. J. Habibie"),
        ("head_of_government", "ESP", "2016-01-01", "Mariano Rajoy"),
    ],
)
def test_earlier_office_holder_on_date(
    people: list[GazetteerRecord], office: str, country: str | None, on: str, name: str
) -> None:
    assert holders(people, office, country, dt.date.fromisoformat(on)) == [name]


@pytest.mark.parametrize(
    ("mention", "on", "name", "country", "sector"),
    [
        # nicknames and short forms as news writes them
        ("Sandi", "2018-01-10", "Sandiaga Uno", "IDN", "GOV"),  # wakil gubernur DKI
        ("Sandiaga Uno", "2019-03-01", "Sandiaga Uno", "IDN", "PTY"),  # calon wapres
        ("Gus Ipul", "2017-05-01", "Saifullah Yusuf", "IDN", "GOV"),
        ("Gus Dur", "2000-05-01", "Abdurrahman Wahid", "IDN", "GOV"),
        ("Aher", "2016-09-01", "Ahmad Heryawan", "IDN", "GOV"),
        ("Buwas", "2016-06-01", "Budi Waseso", "IDN", "COP"),  # Kepala BNN
        ("Buwas", "2019-06-01", "Budi Waseso", "IDN", "BUS"),  # Dirut Bulog
        ("Djarot", "2017-08-01", "Djarot Saiful Hidayat", "IDN", "GOV"),
        ("Jaksa Agung Prasetyo", "2016-05-01", "H. M. Prasetyo", "IDN", "JUD"),
        ("Novanto", "2017-09-01", "Setya Novanto", "IDN", "LEG"),
        # foreign office holders of 2014-2018 in Indonesian spelling
        ("Sean Spicer", "2017-03-01", "Sean Spicer", "USA", "GOV"),
        ("Fayez al-Sarraj", "2017-07-01", "Fayez al-Sarraj", "LBY", "GOV"),
        ("Ronald dela Rosa", "2017-02-01", "Ronald dela Rosa", "PHL", "COP"),
        ("Ronald dela Rosa", "2020-02-01", "Ronald dela Rosa", "PHL", "LEG"),
        # bodies
        ("Bareskrim", "2017-01-01", "Criminal Investigation Agency (Indonesia)", "IDN", "COP"),
        ("Partai Bulan Bintang", "2018-04-01", "Crescent Star Party", "IDN", "PTY"),
        ("PBB", "2018-04-01", "United Nations", None, "IGO"),  # not the Crescent Star Party
    ],
)
def test_new_actor_resolves(
    mention: str, on: str, name: str, country: str | None, sector: str
) -> None:
    import geoevents

    actor = geoevents.resolve(mention, date=on)
    assert actor is not None, mention
    assert (actor.name, actor.country, actor.sector) == (name, country, sector)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "sandi" (password) and "novel" (a book) are common words, not Sandiaga or Novel Baswedan;
        # a bare "Novel" is no alias at all: a book's title opens many sentences
        ("Bank itu meminta nasabah mengganti kata sandi setiap tiga bulan.", "Sandiaga Uno"),
        ("Penulis muda itu meluncurkan novel keduanya di Yogyakarta pekan lalu.", "Novel Baswedan"),
        ("Novel keduanya mengkritik pemerintah kolonial dengan tajam.", "Novel Baswedan"),
    ],
)
def test_nickname_is_not_the_common_word(text: str, absent: str) -> None:
    import geoevents

    doc = geoevents.analyze(text, published="2018-03-05")
    assert absent not in {a.name for a in doc.actors}


def test_nickname_in_a_sentence() -> None:
    import geoevents

    text = "Novel Baswedan kembali memeriksa saksi kasus itu setelah pulang dari Singapura."
    doc = geoevents.analyze(text, published="2018-03-05")
    found = {(a.name, a.country, a.sector) for a in doc.actors}
    assert ("Novel Baswedan", "IDN", "GOV") in found
