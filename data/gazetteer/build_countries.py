"""Build ``data/gazetteer/countries.jsonl``: one state record per ISO 3166-1 code.

Sources, all in this folder except the CLDR names:

* ``iso3166.tsv``: the 249 alpha-2 codes with their alpha-3 code and English common name;
* ``babel`` (CLDR): the Indonesian and English territory names;
* ``country_extras.yaml``: hand-curated press spellings, abbreviations, metonyms (capitals and
  seats of power), CAMEO codes that differ from alpha-3, Wikidata QIDs and ``fuzzy`` flags.

Run from the repository root::

    python data/gazetteer/build_countries.py

The output is deterministic (records sorted by id, keys sorted), so a test can compare a
fresh :func:`build` with the committed file. A change of babel's CLDR version can change the
output; rebuild and review the diff when it does.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

HERE = Path(__file__).resolve().parent
ISO_TSV = HERE / "iso3166.tsv"
EXTRAS_YAML = HERE / "country_extras.yaml"
OUT = HERE / "countries.jsonl"

N_CODES = 249
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
_EXTRA_KEYS = {"cameo", "wikidata", "not_fuzzy", "drop_aliases", "countries"}
_COUNTRY_KEYS = {"aliases", "metonyms"}


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that rejects duplicate mapping keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ValueError(f"duplicate key {key!r} in {EXTRAS_YAML.name}, "
                                 f"line {key_node.start_mark.line + 1}")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def fold(text: str) -> str:
    """Case- and accent-folded text ("Türkiye" == "turkiye"), as the gazetteer index folds."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("’", "'").split())


def norm_key(text: str) -> str:
    """The form under which two names are the same: case- and accent-folded, punctuation as
    spaces ("Timor-Leste" == "timor leste", "Türkiye" == "turkiye")."""
    return " ".join(re.sub(r"[^\w']+", " ", fold(text)).split())


def read_iso(path: Path = ISO_TSV) -> list[dict[str, str]]:
    """Rows of ``iso3166.tsv`` (alpha2, alpha3, name), checked for count and uniqueness."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    a2 = [r["alpha2"] for r in rows]
    a3 = [r["alpha3"] for r in rows]
    if len(rows) != N_CODES or len(set(a2)) != N_CODES or len(set(a3)) != N_CODES:
        raise ValueError(f"{path.name}: expected {N_CODES} rows with unique codes, got "
                         f"{len(rows)} rows, {len(set(a2))} alpha-2, {len(set(a3))} alpha-3")
    for r in rows:
        if not (re.fullmatch(r"[A-Z]{2}", r["alpha2"]) and re.fullmatch(r"[A-Z]{3}", r["alpha3"])
                and r["name"].strip()):
            raise ValueError(f"{path.name}: bad row {r}")
    return rows


def read_extras(path: Path = EXTRAS_YAML) -> dict[str, Any]:
    """The curated additions, with unknown top-level or per-country keys rejected."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader) or {}
    unknown = set(data) - _EXTRA_KEYS
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
    for code, entry in (data.get("countries") or {}).items():
        bad = set(entry or {}) - _COUNTRY_KEYS
        if bad:
            raise ValueError(f"{path.name}: {code}: unknown keys {sorted(bad)}")
    return data


def _check(records: list[dict[str, Any]]) -> None:
    """Ids unique; no alias or metonym text (normalised) shared by two records."""
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate ids")
    owner: dict[str, str] = {}
    for r in records:
        texts = [r["name"], *r["aliases"], *(m["text"] for m in r["metonyms"])]
        for t in texts:
            k = norm_key(t)
            if owner.setdefault(k, r["id"]) != r["id"]:
                raise ValueError(f"{t!r} of {r['id']} is also a name of {owner[k]}")
        metonym_keys = [norm_key(m["text"]) for m in r["metonyms"]]
        alias_keys = {norm_key(a) for a in [r["name"], *r["aliases"]]}
        if len(set(metonym_keys)) != len(metonym_keys) or alias_keys & set(metonym_keys):
            raise ValueError(f"{r['id']}: a metonym repeats or is also an alias")


def build() -> list[dict[str, Any]]:
    """The country records, sorted by id (nothing is written)."""
    rows = read_iso()
    extras = read_extras()
    codes = {r["alpha3"] for r in rows}
    cameo: dict[str, str] = extras.get("cameo") or {}
    wikidata: dict[str, str] = extras.get("wikidata") or {}
    not_fuzzy = set(extras.get("not_fuzzy") or [])
    drop: dict[str, list[str]] = extras.get("drop_aliases") or {}
    countries: dict[str, dict[str, Any]] = extras.get("countries") or {}
    for section, keys in [("cameo", cameo), ("wikidata", wikidata), ("not_fuzzy", not_fuzzy),
                          ("drop_aliases", drop), ("countries", countries)]:
        unknown = set(keys) - codes
        if unknown:
            raise ValueError(f"{EXTRAS_YAML.name}: {section}: not ISO alpha-3 {sorted(unknown)}")

    id_names = Locale("id").territories
    en_names = Locale("en").territories
    records: list[dict[str, Any]] = []
    for row in sorted(rows, key=lambda r: r["alpha3"]):
        a2, a3, name = row["alpha2"], row["alpha3"], row["name"]
        entry = countries.get(a3) or {}
        dropped = {norm_key(d) for d in drop.get(a3, [])}
        aliases: list[str] = []
        seen: set[str] = set()
        for alias in [name, id_names[a2], en_names[a2], *(entry.get("aliases") or [])]:
            alias = " ".join(str(alias).split())
            # exact-text dedup: spelling variants ("Timor-Leste", "Timor Leste", "Türkiye",
            # "Turkiye") are all kept, whatever the tokenizer later does with them
            if alias and alias not in seen and norm_key(alias) not in dropped:
                seen.add(alias)
                aliases.append(alias)
        metonyms = []
        for text, sector in (entry.get("metonyms") or {}).items():
            if sector not in SECTORS:
                raise ValueError(f"{a3}: metonym {text!r}: sector {sector!r}")
            metonyms.append({"text": str(text), "sector": sector})
        rec: dict[str, Any] = {
            "id": a3,
            "name": name,
            "kind": "state",
            "country": a3,
            "cameo": cameo.get(a3, a3),
            "aliases": aliases,
            "metonyms": metonyms,
            "fuzzy": a3 not in not_fuzzy,
        }
        if a3 in wikidata:
            rec["wikidata"] = wikidata[a3]
        records.append(rec)
    _check(records)
    return records


def dumps(records: list[dict[str, Any]]) -> str:
    """The JSONL text of ``records`` (one sorted-key JSON object per line)."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def main() -> int:
    records = build()
    try:  # validate with the library's schema when geoevents is importable
        from geoevents.resources.schemas import GazetteerRecord
    except ImportError:
        print("warning: geoevents not importable; schema not checked", file=sys.stderr)
    else:
        for r in records:
            GazetteerRecord.model_validate(r)
    OUT.write_text(dumps(records), encoding="utf-8")
    n_alias = sum(len(r["aliases"]) for r in records)
    n_met = sum(len(r["metonyms"]) for r in records)
    print(f"wrote {OUT.name}: {len(records)} records, {n_alias} aliases, {n_met} metonyms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
