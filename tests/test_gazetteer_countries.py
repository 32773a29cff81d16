"""The country part of the actor gazetteer (data/gazetteer/countries.jsonl)."""

from __future__ import annotations

import json
from types import ModuleType

import pytest

from geoevents.resources import read_records
from geoevents.resources.schemas import GazetteerRecord

from .conftest import ROOT, load_script

GAZ = ROOT / "data" / "gazetteer"
JSONL = GAZ / "countries.jsonl"


def _load_builder() -> ModuleType:
    return load_script(GAZ / "build_countries.py")


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    return _load_builder()


@pytest.fixture(scope="module")
def lines() -> list[dict]:
    return [json.loads(x) for x in JSONL.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def records(lines: list[dict]) -> dict[str, GazetteerRecord]:
    return {r["id"]: GazetteerRecord.model_validate(r) for r in lines}


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


# -- integrity ---------------------------------------------------------------------------

def test_committed_file_matches_fresh_build(builder: ModuleType) -> None:
    fresh = builder.dumps(builder.build())
    assert fresh == JSONL.read_text(encoding="utf-8"), (
        "countries.jsonl is stale: run python data/gazetteer/build_countries.py")


def test_iso_table(builder: ModuleType) -> None:
    rows = builder.read_iso()
    assert len(rows) == 249
    assert len({r["alpha2"] for r in rows}) == 249
    assert len({r["alpha3"] for r in rows}) == 249


def test_count_and_unique_ids(lines: list[dict], records: dict[str, GazetteerRecord]) -> None:
    assert len(lines) == 249
    assert len(records) == 249
    assert [r["id"] for r in lines] == sorted(records)


def test_every_line_validates_and_is_a_state(records: dict[str, GazetteerRecord]) -> None:
    for rid, rec in records.items():
        assert rec.kind == "state"
        assert rec.country == rid
        assert rec.cameo is not None and rec.aliases


def test_aliases_and_metonyms_unique_across_records(
    records: dict[str, GazetteerRecord],
) -> None:
    owner: dict[str, str] = {}
    for rid, rec in records.items():
        for text in [rec.name, *rec.aliases, *(m.text for m in rec.metonyms)]:
            assert owner.setdefault(_key(text), rid) == rid, (text, rid, owner[_key(text)])
    metonyms = [_key(m.text) for rec in records.values() for m in rec.metonyms]
    assert len(metonyms) == len(set(metonyms))


def test_library_loader_accepts_file() -> None:
    assert len(read_records([JSONL])) == 249


# -- spot checks -------------------------------------------------------------------------

def _metonyms(rec: GazetteerRecord) -> dict[str, str | None]:
    return {m.text: m.sector for m in rec.metonyms}


def test_russia(records: dict[str, GazetteerRecord]) -> None:
    rus = records["RUS"]
    assert rus.name == "Russia" and rus.cameo == "RUS"
    assert {"Rusia", "Federasi Rusia"} <= set(rus.aliases)
    assert _metonyms(rus)["Kremlin"] == "GOV"


def test_united_states(records: dict[str, GazetteerRecord]) -> None:
    usa = records["USA"]
    assert usa.name == "United States"
    assert {"AS", "A.S.", "Amerika", "Amerika Serikat", "Paman Sam"} <= set(usa.aliases)
    assert _metonyms(usa)["Gedung Putih"] == "GOV"
    assert _metonyms(usa)["Pentagon"] == "MIL"


def test_indonesia(records: dict[str, GazetteerRecord]) -> None:
    idn = records["IDN"]
    assert {"Indonesia", "RI", "NKRI", "Republik Indonesia"} <= set(idn.aliases)
    met = _metonyms(idn)
    assert met["Senayan"] == "LEG"
    assert met["Cilangkap"] == "MIL"
    assert met["Istana"] == met["Pejambon"] == "GOV"


@pytest.mark.parametrize(("rid", "alias"), [
    ("CHN", "Tiongkok"), ("CHN", "RRT"), ("CHN", "Cina"), ("PRK", "Korut"), ("KOR", "Korsel"),
    ("GBR", "Inggris"), ("GBR", "Britania Raya"), ("ARE", "UEA"), ("SAU", "Arab Saudi"),
    ("SYR", "Suriah"), ("TUR", "Turkiye"), ("PSE", "Palestina"), ("MMR", "Burma"),
    ("TLS", "Timor Leste"), ("TLS", "Timor-Leste"), ("PNG", "PNG"), ("VAT", "Takhta Suci"),
    ("FRA", "Perancis"), ("FRA", "Prancis"), ("BLR", "Belarusia"), ("LBN", "Libanon"),
])
def test_press_aliases(records: dict[str, GazetteerRecord], rid: str, alias: str) -> None:
    assert alias in records[rid].aliases


@pytest.mark.parametrize(("rid", "text", "sector"), [
    ("USA", "Washington", "GOV"), ("RUS", "Moskow", "GOV"), ("RUS", "Moskwa", "GOV"),
    ("CHN", "Beijing", "GOV"), ("CHN", "Zhongnanhai", "GOV"), ("PRK", "Pyongyang", "GOV"),
    ("GBR", "Downing Street", "GOV"), ("FRA", "Elysee", "GOV"), ("ISR", "Tel Aviv", "GOV"),
    ("IRN", "Teheran", "GOV"), ("SYR", "Damaskus", "GOV"), ("EGY", "Kairo", "GOV"),
    ("UKR", "Kyiv", "GOV"), ("MYS", "Putrajaya", "GOV"), ("MMR", "Naypyidaw", "GOV"),
    ("TLS", "Dili", "GOV"), ("IDN", "Istana Merdeka", "GOV"), ("IDN", "Jakarta", "GOV"),
])
def test_metonyms(records: dict[str, GazetteerRecord], rid: str, text: str, sector: str) -> None:
    assert _metonyms(records[rid])[text] == sector


def test_no_jerusalem_or_capitol(records: dict[str, GazetteerRecord]) -> None:
    texts = {_key(m.text) for rec in records.values() for m in rec.metonyms}
    assert not texts & {"yerusalem", "jerusalem", "capitol hill", "kongres as"}


def test_timor_leste_cameo_code(records: dict[str, GazetteerRecord]) -> None:
    assert records["TLS"].cameo == "TMP"
    assert records["GUM"].cameo == "USAGUM"


def test_no_ambiguous_bare_aliases(records: dict[str, GazetteerRecord]) -> None:
    all_aliases = {_key(a) for rec in records.values() for a in rec.aliases}
    for bare in ["korea", "kongo", "congo", "timor", "papua", "arab", "virgin"]:
        assert bare not in all_aliases
