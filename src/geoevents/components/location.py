"""Where an event happened: a place in its sentence, the dateline, or the acting state's seat.

In this order (the marker words are in ``resources/id/places.yaml``):

1. **The sentence.** The place nearest the trigger that the sentence names as a scene:
   behind a locative ("bertemu di Istana Bogor", "bentrokan di wilayah Rakhine"), or for a
   visit (CAMEO 042) or an attack (19, 20) behind a destination ("berkunjung ke Moskow",
   "invasi ke Timor Timur"); a state named that way
   ("di Suriah") is the state itself. A target that resolves to a state but is written as
   one of its places ("Israel menyerang Gaza": target Palestine) is where the event
   happened, too. An origin ("dari Jakarta") is no scene.
2. **The dateline** ("KABUL, KOMPAS.com -"), when the sentence names no place and the
   dateline's state is the actor's or the target's.
3. **The seat**: the capital of the actor's state, when the actor is a state or its
   government ("Kremlin mengecam ...": Moscow), from ``data/gazetteer/capitals.tsv``.

Place names come from the place index (:mod:`geoevents.resources.places`: GeoNames cities,
ISO 3166-2 subdivisions, curated Indonesian exonyms); a curated exonym is reported under its
GeoNames name ("Moskow" → Moscow).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import DataFileError
from ..models import Actor, Location
from ..resources import PathLike, _read_text, gazetteer_dir
from ..resources.gazetteer import fold
from ..resources.lexicon import Grammar, TriggerHit, load_grammar
from ..resources.places import PlaceIndex, PlaceRules, PlaceSpan, load_places, read_places
from .actors import Mention

_CAPITAL_COLUMNS = ("country", "name", "lat", "lon")
_WORD = re.compile(r"\w+(?:['\-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Capital:
    """A state's capital: the seat of its government."""

    country: str
    name: str
    lat: float
    lon: float


def read_capitals(path: PathLike | None = None) -> dict[str, Capital]:
    """The rows of ``capitals.tsv`` by ISO alpha-3 code, validated: a bad row is an error
    with its line."""
    path = path if path is not None else gazetteer_dir() / "capitals.tsv"
    reader = csv.reader(io.StringIO(_read_text(path)), delimiter="\t")
    header = next(reader, None)
    if header is None or tuple(header) != _CAPITAL_COLUMNS:
        raise DataFileError(f"expected the columns {', '.join(_CAPITAL_COLUMNS)}",
                            path=str(path))
    out: dict[str, Capital] = {}
    for line, row in enumerate(reader, 2):
        try:
            country, name, lat, lon = row
            if len(country) != 3 or not country.isupper() or not name.strip():
                raise ValueError("an ISO alpha-3 country and a name are required")
            out[country] = Capital(country, name, float(lat), float(lon))
        except ValueError as e:
            raise DataFileError(str(e), path=str(path), record=line) from e
    return out


@dataclass(frozen=True)
class _Cities:
    names: dict[tuple[str, float, float], str]
    """The GeoNames name at each (state, coordinates) held by a single GeoNames row: the
    name a curated exonym stands for ("Moskow" → Moscow)."""
    coords: dict[tuple[str, str], tuple[float, float]]
    """The coordinates of the largest city of each (folded name, state): those of a
    province or area named like its city ("Jakarta", ID-JK)."""


@functools.lru_cache(maxsize=1)
def _cities() -> _Cities:
    seen: dict[tuple[str, float, float], set[str]] = {}
    coords: dict[tuple[str, str], tuple[int, float, float]] = {}
    for p in read_places():
        if p.source != "geonames" or p.lat is None or p.lon is None:
            continue
        seen.setdefault((p.country, p.lat, p.lon), set()).add(p.name)
        key = (fold(p.name), p.country)
        if key not in coords or p.population > coords[key][0]:
            coords[key] = (p.population, p.lat, p.lon)
    return _Cities({k: next(iter(v)) for k, v in seen.items() if len(v) == 1},
                   {k: (lat, lon) for k, (_, lat, lon) in coords.items()})


@dataclass(frozen=True)
class SentenceView:
    """What the locator reads of one sentence: its words with their character offsets into
    ``text``, its actor mentions, and on demand its place names and trigger words."""

    words: Sequence[str]
    starts: Sequence[int]
    text: str
    mentions: Sequence[Mention]
    places: Callable[[], list[PlaceSpan]]
    triggers: Callable[[], list[tuple[int, int]]] = list

    def span(self, a: int, b: int) -> tuple[str, tuple[int, int]]:
        """The text and character span of tokens ``a:b``."""
        lo, hi = self.starts[a], self.starts[b - 1] + len(self.words[b - 1])
        return self.text[lo:hi], (lo, hi)


class Locator:
    """Find each event's :class:`~geoevents.models.Location`."""

    def __init__(self, index: PlaceIndex, capitals: dict[str, Capital],
                 grammar: Grammar) -> None:
        rules: PlaceRules = index.rules
        self.index = index
        self.capitals = capitals

        def phrases(words: Sequence[str]) -> set[str]:
            return {" ".join(fold(t) for t in w.split()) for w in words}

        self.scene = phrases(rules.event_markers)
        self.visit = phrases(rules.visit_markers)
        self.visit_codes = tuple(rules.visit_codes)
        self.destination_codes = (*rules.visit_codes, *rules.destination_codes)
        self.seat_sectors = set(rules.seat_sectors)
        self.at = grammar.folded().words("place_prepositions")
        self.target_scene_codes = tuple(rules.target_scene_codes)
        self.scene_nouns = phrases(rules.scene_nouns)
        self.verbal_codes = tuple(rules.verbal_codes)
        self.topic = phrases(rules.topic_markers) | grammar.folded().words("clause_boundaries")

    # -- the three sources ------------------------------------------------------------

    def locate(self, s: SentenceView, *, cameo: str, hit: TriggerHit,
               target_m: Mention | None, actor: Actor, target: Actor | None,
               dateline: Callable[[], Location | None], visit: bool = False,
               fallback: Location | None = None) -> Location | None:
        """The location of one event (see the module's docstring for the order); ``visit``:
        the sentence reports a visit, whose destination is the scene of its other events
        ("berkunjung ke Rusia untuk bertemu Putin"); ``fallback``: that visit's scene, for
        the sentence's events that name none ("mengunjungi Moskow untuk menandatangani
        ...")."""
        found = self.in_sentence(s, cameo=cameo, hit=hit, target_m=target_m, target=target,
                                 visit=visit) or fallback
        if found is not None:
            return found
        d = dateline()
        if d is not None and d.country in {actor.country, target.country if target else None}:
            return d
        return self.seat(actor)

    def in_sentence(self, s: SentenceView, *, cameo: str, hit: TriggerHit,
                    target_m: Mention | None, target: Actor | None, visit: bool = False
                    ) -> Location | None:
        """The scene the sentence names nearest the trigger, or None."""
        visiting = visit or cameo.startswith(self.destination_codes)
        markers = self.scene | (self.visit if visiting else set())
        words = s.words
        lower = [fold(w) for w in words]
        physical = cameo.startswith(self.target_scene_codes)
        cands: list[tuple[int, int, Location]] = []
        for p in s.places():
            attached = physical and target_m is not None and p.start == target_m.end
            if p.marker in markers or attached or self._in_scene_phrase(words, lower, p.start):
                mention, sp = s.span(p.start, p.end)
                cands.append((p.start, p.end, self._place(p, mention, sp)))
        for m in s.mentions:
            if m.pronoun is not None or m.actor.kind != "state" or m.start == 0:
                continue
            before = lower[m.start - 1]
            if (m.place and before in self.at) or before in markers:
                # "di Suriah", "berkunjung ke Rusia": the state is the scene
                cands.append((m.start, m.end, self._state_scene(s, m)))
        if physical and target_m is not None and target is not None and \
                target_m.pronoun is None and target_m.start == hit.end:
            # right after the verb: "menyerang Gaza", not "menyerang kapal milik Israel"
            cands.extend(self._target_scene(s, target_m, target))
        # "mengecam AS atas serangan di Suriah", "mengecam serangan Israel di Rafah",
        # "menuduh Ukraina menyerang ... di Belgorod": a place behind a topic, a clause
        # boundary or another event's word belongs to that
        after = any(c[0] >= hit.end for c in cands)
        others = ([a for a, _ in s.triggers() if a >= hit.end]
                  if after and cameo.startswith(self.verbal_codes) else [])
        cands = [c for c in cands if c[0] < hit.end or not (
            any(w in self.topic for w in lower[hit.end:c[0]])
            or any(a < c[0] for a in others))]
        if not cands:
            return None

        def distance(c: tuple[int, int, Location]) -> tuple[int, int]:
            a, b, _ = c
            return (a - hit.end if a >= hit.end else hit.start - b, int(a < hit.start))

        return min(cands, key=distance)[2]

    def _in_scene_phrase(self, words: Sequence[str], lower: Sequence[str], k: int) -> bool:
        """Whether the words before ``k`` open a locative phrase of a building or site:
        "di Balai Agung Rakyat [Beijing]", "di depan kantor Bupati [Pati]", "di Gedung
        Merah Putih KPK, [Jakarta]"."""
        j = k - 1
        while j >= 0 and k - j <= 6 and (words[j][:1].isupper() or words[j] == ","
                                          or lower[j] in self.scene_nouns):
            j -= 1
        return j < k - 1 and j >= 0 and lower[j] in self.scene

    def _target_scene(self, s: SentenceView, target_m: Mention, target: Actor
                      ) -> list[tuple[int, int, Location]]:
        """The target of a physical event written as a place: "Israel menyerang Gaza"
        (target Palestine, scene Gaza), "mengunjungi Yordania" (the state), "menyerang
        Khan Younis" (an unknown name the index knows as a place)."""
        mention, sp = s.span(target_m.start, target_m.end)
        place = self.index.lookup(" ".join(s.words[target_m.start:target_m.end]))
        if place is not None and (place.country == target.country or target.id is None):
            return [(target_m.start, target_m.end, self._location(
                place.name, place.country, place.admin1, place.lat, place.lon, place.source,
                mention, sp))]
        if target.kind == "state" and target_m.actor.kind == "state":
            return [(target_m.start, target_m.end, self._state_scene(s, target_m))]
        return []

    def _state_scene(self, s: SentenceView, m: Mention) -> Location:
        """A state named as a scene: the place inside its name ("di Istana Bogor": Bogor),
        the capital for an institution ("di Gedung Putih": Washington), else the state."""
        inner = [p for p in self.index.find(s.words[m.start:m.end],
                                            after=range(m.end - m.start))
                 if p.place.country == m.actor.country]
        if inner:
            p = inner[0]
            mention, sp = s.span(m.start + p.start, m.start + p.end)
            return self._place(p, mention, sp)
        mention, sp = s.span(m.start, m.end)
        cap = self.capitals.get(m.actor.country or "")
        if m.actor.sector is not None and cap is not None:
            return Location(name=cap.name, mention=mention, span=sp, country=cap.country,
                            lat=cap.lat, lon=cap.lon, source="sentence")
        return Location(name=m.actor.name or mention, mention=mention, span=sp,
                        country=m.actor.country, source="sentence")

    def seat(self, actor: Actor) -> Location | None:
        """The capital of the actor's state, for a state or its government."""
        state = actor.kind == "state" and actor.sector in (None, *self.seat_sectors)
        if not actor.country or not (state or actor.sector in self.seat_sectors):
            return None  # "Polisi Malaysia", "militer Myanmar": they act in the field
        cap = self.capitals.get(actor.country)
        if cap is None:
            return None
        return Location(name=cap.name, country=cap.country, lat=cap.lat, lon=cap.lon,
                        source="seat")

    def in_dateline(self, text: str, start: int, end: int) -> Location | None:
        """The first place of the dateline ``text[start:end]`` ("SURABAYA, KOMPAS.com -")."""
        toks = [(m.group(), m.start() + start) for m in _WORD.finditer(text[start:end])]
        # the dateline is a locative: "[di] KABUL" (so that a name that is also a common
        # word, "kabul", counts)
        words = ["di", *(w for w, _ in toks)]
        for p in self.index.find(words, after=range(len(words)))[:1]:
            lo = toks[p.start - 1][1]
            hi = toks[p.end - 2][1] + len(words[p.end - 1])
            loc = self._place(p, text[lo:hi], (lo, hi))
            return loc.model_copy(update={"source": "dateline"})
        return None

    # -- helpers ----------------------------------------------------------------------

    def _place(self, p: PlaceSpan, mention: str, span: tuple[int, int]) -> Location:
        pl = p.place
        return self._location(pl.name, pl.country, pl.admin1, pl.lat, pl.lon, pl.source,
                              mention, span)

    @staticmethod
    def _location(name: str, country: str, admin1: str | None, lat: float | None,
                  lon: float | None, source: str, mention: str,
                  span: tuple[int, int]) -> Location:
        cities = _cities()
        if lat is None:
            # "Jakarta" the province: the coordinates of the city of that name
            lat, lon = cities.coords.get((fold(name), country), (None, None))
        elif source == "curated" and lon is not None:
            name = cities.names.get((country, lat, lon), name)
        return Location(name=name, mention=mention, span=span, country=country,
                        admin1=admin1, lat=lat, lon=lon, source="sentence")


@functools.lru_cache(maxsize=1)
def load_locator() -> Locator:
    """The locator over the default place index, capitals and grammar (cached)."""
    return Locator(load_places(), read_capitals(), load_grammar())


__all__ = ["Capital", "Locator", "SentenceView", "load_locator", "read_capitals"]
