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
    from geoevents.schemas import GazetteerRecord
except ModuleNotFoundError:  # package not installed: use the source tree
    sys.path.insert(0, str(ROOT / "src"))
    from geoevents.schemas import GazetteerRecord


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
