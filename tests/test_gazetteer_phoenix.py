"""The Phoenix part of the gazetteer (data/gazetteer/phoenix_*.jsonl, build_phoenix.py)."""

from __future__ import annotations

import datetime as dt
import json
from itertools import pairwise
from types import ModuleType

import pytest

import geoevents
from geoevents.pipeline import Pipeline
from geoevents.resources.schemas import GazetteerRecord

from .conftest import ROOT, load_script, shared_file

GAZ = ROOT / "data" / "gazetteer"
FILES = {
    "person": GAZ / "phoenix_people.jsonl",
    "organization": GAZ / "phoenix_organizations.jsonl",
    "armed group": GAZ / "phoenix_groups.jsonl",
}


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    return load_script(GAZ / "build_phoenix.py")


@pytest.fixture(scope="module")
def records() -> dict[str, list[GazetteerRecord]]:
    out = {}
    for kind, path in FILES.items():
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        out[kind] = [GazetteerRecord.model_validate(r) for r in lines]
    return out


# -- integrity ---------------------------------------------------------------------------

def test_committed_files_match_fresh_build(builder: ModuleType) -> None:
    shared_file("reference", "petrarch2", "Phoenix.Countries.actors.txt")
    shared_file("corpora", "news-indosum")
    fresh = builder.build()
    for kind, path in FILES.items():
        assert builder.dumps(fresh[kind]) == path.read_text(encoding="utf-8"), (
            f"{path.name} is stale: run python data/gazetteer/build_phoenix.py")


def test_size_and_conventions(records: dict[str, list[GazetteerRecord]]) -> None:
    assert sum(len(v) for v in records.values()) >= 15_000
    for kind, recs in records.items():
        ids = [r.id for r in recs]
        assert ids == sorted(ids) and len(set(ids)) == len(ids), kind
        for r in recs:
            assert r.id.startswith("PHX-") and r.fuzzy is False, r.id
            assert r.name in r.aliases, r.id
            if kind == "person":
                assert r.kind == "person"
            elif kind == "armed group":
                assert r.kind == "armed group" and r.sector in {"REB", "INS", "SEP", "RAD"}
            else:
                assert r.kind in {"organization", "IGO"}
                assert r.kind != "IGO" or (r.sector == "IGO" and r.country is None)


def test_roles_sorted_and_disjoint(records: dict[str, list[GazetteerRecord]]) -> None:
    for r in records["person"]:
        for a, b in pairwise(r.roles):
            assert a.valid_to is not None and b.valid_from is not None, r.id
            assert a.valid_to <= b.valid_from, r.id


def test_aliases_pass_the_precision_filters(records: dict[str, list[GazetteerRecord]]) -> None:
    owner: dict[str, str] = {}
    for recs in records.values():
        for r in recs:
            for a in r.aliases:
                assert owner.setdefault(a.casefold(), r.id) == r.id, (a, r.id, owner[a.casefold()])
                if " " not in a.strip():
                    assert sum(c.isalpha() for c in a) >= 5, (a, r.id)


# -- the builder's rules -----------------------------------------------------------------

def test_two_digit_years(builder: ModuleType) -> None:
    assert builder.parse_date("300101") == dt.date(2030, 1, 1)
    assert builder.parse_date("310101") == dt.date(1931, 1, 1)
    assert builder.parse_date("19270101") == dt.date(1927, 1, 1)
    assert builder.parse_restriction("ABCGOV >080508") == ("ABCGOV", dt.date(2008, 5, 8), None)
    assert builder.parse_restriction("ABC  <991231")[2] == dt.date(1999, 12, 31)
    assert builder.parse_restriction("---") == (None, None, None)


def test_first_match_wins(builder: ModuleType) -> None:
    # an invented record: elite until 1990, in office 1990–95 (a second, overlapping range
    # further down loses), a gap of one day, in office again, then the undated fallback
    r = [builder.parse_restriction(x) for x in [
        "XYZELI 700101-900101", "XYZGOV 900101-950101", "XYZMIL 920101-960101",
        "XYZGOV >950102", "XYZELI"]]
    d = dt.date
    assert builder.timeline(r) == [
        ("XYZELI", None, d(1990, 1, 1)),
        ("XYZGOV", d(1990, 1, 1), d(1995, 1, 1)),
        ("XYZMIL", d(1995, 1, 1), d(1996, 1, 1)),
        ("XYZGOV", d(1996, 1, 1), None),
    ]
    # an undated code listed first hides every later restriction
    assert builder.timeline([builder.parse_restriction("XYZGOV"), *r]) == [
        ("XYZGOV", None, None)]


def test_codes(builder: ModuleType) -> None:
    countries = {"RUS": "RUS", "USA": "USA", "TMP": "TLS"}

    def info(code: str) -> tuple[str | None, str | None, str | None]:
        i = builder.code_info(code, countries)
        return i.kind, i.country, i.sector

    assert info("RUSGOVMIL") == (None, "RUS", "GOV")
    assert info("TMPGOV") == (None, "TLS", "GOV")
    assert info("IGOUNOKID") == ("IGO", None, "IGO")
    assert info("MNCUSA") == ("organization", "USA", "BUS")
    assert info("NGOHLH") == ("organization", None, "NGO")
    assert info("IMGMUSALQ") == ("armed group", None, "INS")
    assert info("SEAREB") == (None, None, "REB")
    assert builder.code_info("RUSGO", countries) is None


def test_names_and_variants(builder: ModuleType) -> None:
    from collections import Counter

    namer = builder.Namer(builder.Corpus(Counter(), Counter(), Counter(), {}))
    assert namer("BASHAR_AL-ASSAD_", person=True) == "Bashar al-Assad"
    assert namer("OSAMA_BIN_LADEN_", person=True) == "Osama bin Laden"
    assert namer("NGUYEN_VAN_AN_", person=True, particles=False) == "Nguyen Van An"
    assert namer("KIM_JONG-IL", person=True, korean=True) == "Kim Jong-il"
    assert namer("INTERNATIONAL_COURT_OF_JUSTICE_", person=False) == (
        "International Court of Justice")
    assert namer("SEAN_O'BRIEN", person=True) == "Sean O'Brien"
    v = builder.variants("Bashar al-Assad", person=True, korean=False)
    assert "Bashar al Assad" in v and "Bashar Assad" in v
    assert builder.variants("Kim Jong Il", person=True, korean=True) == ["Kim Jong-il"]
    assert builder.variants("Al Gore", person=True, korean=False) == []


# -- records checked by hand -------------------------------------------------------------

def test_dated_roles_resolve_by_date(nlp: Pipeline) -> None:
    gaz = nlp.gazetteer
    veneman = gaz.entities["PHX-P-ANN-VENEMAN"]  # US agriculture secretary, then UNICEF
    assert gaz.role_on(veneman, dt.date(2003, 6, 1)) == ("USA", "GOV")
    assert gaz.role_on(veneman, dt.date(2007, 6, 1)) == (None, "IGO")
    kim = gaz.entities["PHX-P-KIM-JONG-PIL"]  # South Korean prime minister twice
    assert gaz.role_on(kim, dt.date(1973, 1, 1)) == ("KOR", "GOV")
    assert gaz.role_on(kim, dt.date(1990, 1, 1)) == ("KOR", "ELI")
    early = geoevents.resolve("Ann Veneman", date="2002-03-01")
    late = geoevents.resolve("Ann Veneman", date="2008-03-01")
    assert early is not None and (early.name, early.country, early.sector) == (
        "Ann Veneman", "USA", "GOV")
    assert late is not None and (late.country, late.sector) == (None, "IGO")


def test_filtered_words_do_not_match(nlp: Pipeline) -> None:
    gaz = nlp.gazetteer
    # "Bersatu" (a Thai group in Phoenix) is an everyday Indonesian word: dropped
    text = "Bersatu, para menteri bertemu Kim Jong-pil di Seoul."
    words = [t for t in gaz.tokenize(text) if t.strip()]
    hits = [(words[m.start], gaz.entities[m.entry.id].id) for m in gaz.match(words)
            if m.entry.kind == "entity"]
    assert ("Kim", "PHX-P-KIM-JONG-PIL") in hits
    assert all(w != "Bersatu" for w, _ in hits)
    assert not gaz.lookup("Bersatu") or all(
        not e.id.startswith("PHX-") for e in gaz.lookup("Bersatu"))
