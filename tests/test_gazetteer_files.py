"""Checks of the gazetteer data files (data/gazetteer/*.jsonl) and the agent-word list."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from geoevents.resources.schemas import AgentWord, GazetteerRecord

ROOT = Path(__file__).parents[1]
GAZ_DIR = ROOT / "data" / "gazetteer"
AGENTS_FILE = GAZ_DIR / "agents.jsonl"


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:  # pragma: no cover - reported by the assert
                raise AssertionError(f"{path.name}:{n}: invalid JSON: {e}") from e
    return rows


def _gazetteer_files() -> list[Path]:
    return sorted(p for p in GAZ_DIR.glob("*.jsonl") if p.name != AGENTS_FILE.name)


@pytest.fixture(scope="module")
def records() -> dict[str, list[GazetteerRecord]]:
    out = {}
    for path in _gazetteer_files():
        out[path.name] = [GazetteerRecord.model_validate(r) for r in _read_jsonl(path)]
    return out


@pytest.fixture(scope="module")
def all_records(records) -> list[GazetteerRecord]:
    return [r for recs in records.values() for r in recs]


@pytest.fixture(scope="module")
def alias_index(all_records) -> dict[str, GazetteerRecord]:
    index = {}
    for r in all_records:
        for a in r.aliases:
            index[a.casefold()] = r
    return index


@pytest.fixture(scope="module")
def agents() -> list[AgentWord]:
    return [AgentWord.model_validate(r) for r in _read_jsonl(AGENTS_FILE)]


def test_expected_files_exist():
    for name in ("igos.jsonl", "groups.jsonl", "institutions.jsonl", "agents.jsonl"):
        assert (GAZ_DIR / name).is_file(), name


def test_ids_unique_across_files(all_records):
    dup = [i for i, c in Counter(r.id for r in all_records).items() if c > 1]
    assert not dup, f"duplicate ids: {dup}"


def test_records_sorted_by_id(records):
    for name, recs in records.items():
        ids = [r.id for r in recs]
        assert ids == sorted(ids), f"{name} is not sorted by id"


def test_aliases_unique_across_files(all_records):
    owners: dict[str, set[str]] = {}
    for r in all_records:
        for a in r.aliases:
            owners.setdefault(a.casefold(), set()).add(r.id)
    shared = {a: sorted(ids) for a, ids in owners.items() if len(ids) > 1}
    assert not shared, f"aliases shared by several records: {shared}"


def test_counts(records):
    igos = records["igos.jsonl"]
    assert len(igos) >= 80
    assert all(r.country is None for r in igos)
    armed = [r for r in records["groups.jsonl"] if r.kind == "armed group"]
    assert len(armed) >= 60


def test_igo_conventions(records):
    for r in records["igos.jsonl"]:
        if r.kind == "IGO":
            assert r.sector in {"IGO", "JUD", "MIL"}, r.id
            assert r.cameo and r.cameo.startswith("IGO"), r.id


def test_institutions_have_country_and_sector(records):
    for r in records["institutions.jsonl"]:
        assert r.kind == "organization", r.id
        assert r.country and r.sector, r.id


@pytest.mark.parametrize(
    ("alias", "name", "country", "sector"),
    [
        ("NIIS", "Islamic State", None, "INS"),
        ("ISIS", "Islamic State", None, "INS"),
        ("Daesh", "Islamic State", None, "INS"),
        ("Al-Qaidah", "al-Qaeda", None, "INS"),
        ("DK PBB", "United Nations Security Council", None, "IGO"),
        ("PBB", "United Nations", None, "IGO"),
        ("Uni Eropa", "European Union", None, "IGO"),
        ("Tatmadaw", "Tatmadaw", "MMR", "MIL"),
        ("Taliban", "Taliban", "AFG", "GOV"),
        ("Hamas", "Hamas", "PSE", "INS"),
        ("KKB", "Free Papua Movement", "IDN", "REB"),
        ("Densus 88", "Detachment 88", "IDN", "COP"),
        ("TNI", "Indonesian National Armed Forces", "IDN", "MIL"),
        ("PDIP", "Indonesian Democratic Party of Struggle", "IDN", "PTY"),
    ],
)
def test_spot_checks(alias_index, alias, name, country, sector):
    r = alias_index.get(alias.casefold())
    assert r is not None, f"alias {alias!r} not found"
    assert (r.name, r.country, r.sector) == (name, country, sector)


def test_agents_valid_and_unique(agents):
    assert len(agents) >= 200
    terms = [a.term.casefold() for a in agents]
    assert len(terms) == len(set(terms)), "duplicate agent terms"
    words = Counter(w.casefold() for a in agents for w in [a.term, *a.variants])
    dup = [w for w, c in words.items() if c > 1]
    assert not dup, f"words listed under several agent terms: {dup}"
    assert [a.term for a in agents] == sorted(a.term for a in agents)


@pytest.mark.parametrize(
    ("term", "sector"),
    [
        ("presiden", "GOV"),
        ("menlu", "GOV"),
        ("militer", "MIL"),
        ("demonstran", "CVL"),
        ("pengungsi", "REF"),
        ("pemberontak", "REB"),
    ],
)
def test_agent_spot_checks(agents, term, sector):
    by_word = {w.casefold(): a for a in agents for w in [a.term, *a.variants]}
    assert term in by_word, term
    assert by_word[term].sector == sector


def test_agent_offices(agents):
    by_term = {a.term: a for a in agents}
    assert by_term["presiden"].office == "head_of_state"
    assert by_term["presiden"].person is True
    assert by_term["menteri luar negeri"].office == "foreign_minister"
    assert by_term["militer"].person is False
