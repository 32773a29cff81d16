"""Places: city, province and regency names with their state, found in a sentence's words.

The index is ``data/gazetteer/places.tsv`` (GeoNames cities, ISO 3166-2 subdivisions and
curated Indonesian exonyms, built by ``data/gazetteer/build_places.py``); the words that
mark a place ("di", "ke", "Kabupaten", "Kota") and the names that need them are in
``resources/id/places.yaml``. The actor stage uses places to give generic actors ("polisi",
"warga", "pengunjuk rasa") their country: "polisi di Manchester" is British police.

Precision first: a name counts only capitalised as the index writes it, and a name that is
also a common word, a person or a club ("Batu", "Jackson", "Madrid"), a city under
``free_min_population`` inhabitants or a short name counts only after a locative ("di Batu",
"dari Kota Batu", "ke Madrid") or, for the ones that are no common word, right after a
generic actor (``after``: "warga Marawi").

Usage::

    >>> from geoevents.resources.places import find
    >>> [(s.text, s.place.country) for s in find("Polisi di Kota Surabaya menangkap".split())]
    [('Kota Surabaya', 'IDN')]
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from ..errors import DataFileError, RuleFileError
from . import (
    PathLike,
    _read_text,
    cached,
    data_key,
    gazetteer_dir,
    resource,
    validate_yaml,
)
from .gazetteer import fold

_COLUMNS = ("name", "country", "admin1", "lat", "lon", "population", "kind", "source")
_TOKEN = re.compile(r"\w+(?:'\w+)*|[^\w\s]")


class PlaceRules(BaseModel):
    """Schema of ``resources/id/places.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    locatives: list[str]
    admin_words: list[str]
    indonesian_admin_words: list[str]
    destinations: list[str]
    attachments: list[str]
    event_markers: list[str]
    topic_markers: list[str]
    verbal_codes: list[str]
    visit_codes: list[str]
    destination_codes: list[str]
    target_scene_codes: list[str]
    scene_nouns: list[str]
    visit_markers: list[str]
    seat_sectors: list[str]
    free_min_population: int = Field(ge=0)
    min_letters: int = Field(ge=1)
    scene_sectors: list[str]
    government_words: list[str]
    dateline_weight: int = Field(ge=0)
    lead_weight: int = Field(ge=0)
    common_words: list[str]
    needs_locative: list[str]


@dataclass(frozen=True)
class Place:
    """One row of the index: a name and the place it stands for."""

    name: str
    country: str
    """ISO 3166-1 alpha-3."""
    admin1: str | None = None
    """ISO 3166-2 code where known ("ID-JI")."""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    kind: str = "city"
    """``city``, ``province``, ``island_group``, ``area``, ``regency`` (an Indonesian unit the
    index does not hold, found by its word: "Kabupaten Aceh Utara") or an ISO 3166-2 type."""
    source: str = "geonames"


@dataclass(frozen=True)
class PlaceSpan:
    """A place found over words ``start:end`` (an administrative word included)."""

    start: int
    end: int
    text: str
    place: Place
    marker: str | None = None
    """The locative before the span ("di", "ke"), folded; None when there is none."""


@dataclass(frozen=True)
class _Key:
    place: Place
    free: bool
    """Counts without a locative."""
    common: bool
    """A common word: counts only after a locative."""


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """A word folded for lookup, without an abbreviation's period ("Kab." → "kab")."""
    return fold(word.rstrip(".")) if len(word) > 1 else fold(word)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in _TOKEN.findall(text))


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


@functools.lru_cache(maxsize=4)
def load_place_rules(path: PathLike | None = None) -> PlaceRules:
    """Load and validate ``resources/id/places.yaml`` (cached)."""
    return validate_yaml(path or resource("id", "places.yaml"), PlaceRules, error=RuleFileError)


def read_places(path: PathLike | None = None) -> list[Place]:
    """The rows of ``places.tsv``, validated: a bad row is an error with its line."""
    path = path if path is not None else gazetteer_dir() / "places.tsv"
    reader = csv.reader(io.StringIO(_read_text(path)), delimiter="\t")
    header = next(reader, None)
    if header is None or tuple(header) != _COLUMNS:
        raise DataFileError(f"expected the columns {', '.join(_COLUMNS)}", path=str(path))
    out: list[Place] = []
    for line, row in enumerate(reader, 2):
        try:
            name, country, admin1, lat, lon, pop, kind, source = row
            if not name.strip() or len(country) != 3 or not country.isupper():
                raise ValueError("a name and an ISO alpha-3 country are required")
            out.append(Place(name, country, admin1 or None, float(lat) if lat else None,
                             float(lon) if lon else None, int(pop), kind, source))
        except ValueError as e:
            raise DataFileError(str(e), path=str(path), record=line) from e
    return out


def _rank(p: Place) -> tuple[bool, bool, int]:
    # a curated name, then an Indonesian place ("Padang"), then the largest city
    return (p.source == "curated", p.country == "IDN", p.population)


class PlaceIndex:
    """Place names by their folded words, one place per name (see :meth:`find`)."""

    def __init__(self, places: Sequence[Place], rules: PlaceRules) -> None:
        self.rules = rules
        common = {fold(w) for w in rules.common_words}
        guarded = {fold(w) for w in rules.needs_locative}
        groups: dict[tuple[str, ...], list[Place]] = {}
        for p in places:
            groups.setdefault(_tokens(p.name), []).append(p)
        self._keys: dict[tuple[str, ...], _Key] = {}
        for toks, ps in groups.items():
            ps.sort(key=_rank, reverse=True)
            best = ps[0]
            rival = next((p for p in ps if p.country != best.country), None)
            if rival is not None and _rank(best)[:2] == _rank(rival)[:2] and \
                    best.population <= 2 * rival.population:
                continue  # "Punjab" (India, Pakistan): no country to give
            curated = any(p.source == "curated" for p in ps)
            if not curated and _letters(best.name) < rules.min_letters:
                continue
            big = curated or any(
                p.population >= rules.free_min_population
                or (p.country == "IDN" and p.kind in ("province", "island_group")) for p in ps)
            word = " ".join(toks)
            self._keys[toks] = _Key(best, big and word not in guarded and word not in common,
                                    word in common)
        self._first: dict[str, list[tuple[str, ...]]] = {}
        for toks in sorted(self._keys, key=len, reverse=True):
            self._first.setdefault(toks[0], []).append(toks)
        self._locatives = {" ".join(_tokens(w)) for w in rules.locatives}
        self._long_locatives = [_tokens(w) for w in rules.locatives if len(_tokens(w)) > 1]
        self._admin = sorted((_tokens(w) for w in rules.admin_words), key=len, reverse=True)
        self._idn_admin = {" ".join(_tokens(w)) for w in rules.indonesian_admin_words}
        self._admin_first = {p[0] for p in self._admin}
        self._starts = self._admin_first | set(self._first)

    def __len__(self) -> int:
        return len(self._keys)

    def lookup(self, name: str) -> Place | None:
        """The place a name stands for ("Moskow" → Moscow, RUS), whatever its guards."""
        k = self._keys.get(_tokens(name))
        return k.place if k is not None else None

    def at(self, words: Sequence[str], j: int) -> tuple[int, Place] | None:
        """The place whose name starts at ``words[j]`` (capitalised as the index writes it)
        and where its name ends, or None; a common word ("Negara") is none without a
        locative."""
        folded = [fold(w) for w in words[j:j + 6]]
        hit = self._match(words[j:j + 6], folded, 0)
        if hit is None or hit[1].common:
            return None
        return j + hit[0], hit[1].place

    def find(self, words: Sequence[str], after: Collection[int] = ()) -> list[PlaceSpan]:
        """Places in ``words`` (a sentence's tokens), left to right, longest first.

        A name must be written capitalised ("di Batu", not "di batu"); names that need a
        locative count only after one (``locatives``: "di", "ke", "dari", "wilayah" …) or
        an administrative word ("Kota Batu", "Provinsi Idlib"), or when the name starts at
        an index in ``after`` (the word right after a generic actor: "warga Marawi").
        "Kabupaten"/"Kecamatan" and a capitalised name the index lacks is an Indonesian
        regency ("Kabupaten Aceh Utara").
        """
        joined = "\x00".join(words)
        folded = (joined.lower().split("\x00") if joined.isascii()
                  else [w.lower() if w.isascii() else _fold(w) for w in words])
        # most words start no name and are no administrative word
        first = self._starts
        starts = [i for i, w in enumerate(folded) if w in first]
        if not starts:
            return []
        out: list[PlaceSpan] = []
        n, done = len(words), 0
        for i in starts:
            if i < done:
                continue
            j, admin = i, (self._prefix(folded, i, self._admin)
                           if folded[i] in self._admin_first else None)
            if admin:
                j = i + len(admin)
                if j < n and words[j] == ".":  # "Kab. Bogor"
                    j += 1
            if admin and " ".join(admin) in self._idn_admin:
                # "Kabupaten Aceh Utara", "Kecamatan Kuta Alam": the capitalised words after
                # the word name an Indonesian unit, known to the index or not
                k = j
                while k < n and k < j + 4 and words[k][:1].isupper() and words[k].isalpha():
                    k += 1
                if k > j:
                    known = self._keys.get(tuple(folded[j:k]))
                    place = (known.place if known is not None and known.place.country == "IDN"
                             else Place(" ".join(words[j:k]), "IDN", kind="regency",
                                        source="rule"))
                    out.append(PlaceSpan(i, k, " ".join(words[i:k]), place,
                                         self._marker(folded, i)))
                    done = k
                    continue
            hit = self._match(words, folded, j)
            if hit is None:
                continue
            end, key = hit
            marker = self._marker(folded, i)
            if admin or marker is not None or (not key.common and (key.free or j in after)):
                out.append(PlaceSpan(i, end, " ".join(words[i:end]), key.place, marker))
                done = end
        return out

    @staticmethod
    def _prefix(folded: Sequence[str], i: int,
                phrases: Sequence[tuple[str, ...]]) -> tuple[str, ...] | None:
        for p in phrases:
            if tuple(folded[i:i + len(p)]) == p:
                return p
        return None

    def _marker(self, folded: Sequence[str], i: int) -> str | None:
        for p in self._long_locatives:  # "negara bagian", "ibu kota"
            if i >= len(p) and tuple(folded[i - len(p):i]) == p:
                return " ".join(p)
        return folded[i - 1] if i and folded[i - 1] in self._locatives else None

    def _match(self, words: Sequence[str], folded: Sequence[str],
               j: int) -> tuple[int, _Key] | None:
        if j >= len(words) or not words[j][:1].isupper():
            return None
        for toks in self._first.get(folded[j], ()):
            end = j + len(toks)
            if tuple(folded[j:end]) != toks:
                continue
            # every word of the name as the index writes it: "Tepi Barat", not "tepi barat"
            key = self._keys[toks]
            written = _TOKEN.findall(key.place.name)
            if len(written) == len(toks) and all(
                    not w[:1].isupper() or t[:1].isupper()
                    for w, t in zip(written, words[j:end], strict=True)):
                return end, key
        return None


@functools.lru_cache(maxsize=2)
def load_places(path: PathLike | None = None) -> PlaceIndex:
    """The place index of ``places.tsv`` with the rules of ``places.yaml`` (cached, and
    compiled once per content of the two files)."""
    table = path if path is not None else gazetteer_dir() / "places.tsv"
    return cached(data_key("places", [table, resource("id", "places.yaml")]),
                  lambda: PlaceIndex(read_places(table), load_place_rules()))


def find(words: Sequence[str], after: Collection[int] = ()) -> list[PlaceSpan]:
    """Places in a sentence's words with the default index (see :meth:`PlaceIndex.find`)."""
    return load_places().find(words, after)
