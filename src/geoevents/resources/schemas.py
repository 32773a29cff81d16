"""Schemas of the data files that geoevents reads (gazetteer, agent words, triggers, dates).

Every file is validated on load with ``extra="forbid"`` so that a typo in a key is an
error, not a silently ignored field.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Sector = Literal[
    "GOV", "MIL", "COP", "LEG", "JUD", "OPP", "PTY", "REB", "INS", "CVL", "REF", "MED",
    "BUS", "NGO", "IGO", "SPY", "EDU", "LAB", "HLH", "ELI", "ENV", "AGR", "CRM", "UAF",
    "SEP", "RAD", "MOD", "HRI", "SET", "REL", "MUS", "CHR", "JEW", "BUD", "HIN",
]
"""CAMEO sector codes used by actors and agent words."""

ActorKind = Literal["state", "person", "organization", "armed group", "IGO", "generic"]

SECTORS: tuple[str, ...] = Sector.__args__  # type: ignore[attr-defined]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Metonym(_Strict):
    """A place or building used for a state's institution ("Kremlin" → Russia, GOV)."""

    text: str
    sector: Sector | None = None


class Role(_Strict):
    """A time-bounded office held by a person.

    ``valid_to`` is exclusive and None for an office still held.
    """

    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: Sector
    office: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


class GazetteerRecord(_Strict):
    """One entity of the gazetteer (one JSON object per line in ``data/gazetteer/*.jsonl``).

    Example::

        {"id": "RUS", "name": "Russia", "kind": "state", "country": "RUS", "cameo": "RUS",
         "aliases": ["Rusia", "Federasi Rusia"], "metonyms": [{"text": "Kremlin", "sector": "GOV"}]}
    """

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: ActorKind
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: Sector | None = None
    cameo: str | None = Field(default=None, pattern=r"^[A-Z]{3}([A-Z0-9]{3})*$")
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    aliases: list[str] = Field(default_factory=list)
    metonyms: list[Metonym] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    fuzzy: bool = True
    """Whether aliases of this entity may be matched approximately (rapidfuzz)."""
    national: bool = False
    """The state's one body of its sector: a role of that state and sector with no name of
    its own belongs to it ("polisi" in an Indonesian story is Polri, since every police
    unit of Indonesia is part of Polri)."""

    @field_validator("aliases")
    @classmethod
    def _aliases_nonempty(cls, v: list[str]) -> list[str]:
        for a in v:
            if not a.strip():
                raise ValueError("empty alias")
        return v


class AgentWord(_Strict):
    """A role or group noun ("Presiden", "Menlu", "militer", "demonstran") and its sector.

    ``office`` links the word to the offices in people's roles ("presiden" → head_of_state),
    so that "Presiden AS" can be resolved to the person in office on a date.
    """

    term: str = Field(min_length=1)
    variants: list[str] = Field(default_factory=list)
    english: str
    sector: Sector | None = None
    office: str | None = None
    person: bool = True
    """True for words naming one person (Presiden), False for groups (militer, demonstran)."""
    principal: bool = False
    """True for a group named after the one it serves: in "tim hukum Prabowo" or "massa
    Prabowo-Hatta" the name is the principal, not a member."""
    regime: bool = False
    """True for a word that names a state's government by its leader: "rezim Kim Jong-un"
    is North Korea's government, not Kim himself."""
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    """The state whose office the word names when no state is named with it: "Kapolri"
    (the chief of Indonesia's police) is Indonesian in a story about Myanmar."""
    institution: str | None = Field(default=None, pattern=r"\{country\}")
    """The English name of the body the word names in one state, with ``{country}`` for the
    state's name: "kementerian luar negeri" → "Ministry of Foreign Affairs ({country})"."""


class TriggerExample(_Strict):
    """An example sentence for a trigger, with the actor and target names it must give."""

    text: str
    actor: str | None = None
    target: str | None = None
    cameo: str | None = None


class Trigger(_Strict):
    """One entry of the event lexicon.

    ``lemma`` is the citation form as news writes it in the active voice ("memperingatkan",
    "bertemu", "menjatuhkan sanksi"); ``base`` is its root ("peringat", "temu", "jatuh").
    Other voices and derivations ("diperingatkan", "peringatan") are found by morphology.
    """

    id: str = Field(pattern=r"^[a-z0-9_.-]+$")
    lemma: str
    base: str
    cameo: str = Field(pattern=r"^[0-2][0-9]{1,3}$")
    plover: str | None = None
    goldstein: float | None = None
    target: list[str] = Field(default_factory=lambda: ["obj"])
    """Markers of the target: prepositions ("dengan", "kepada", ...) and/or "obj"."""
    reciprocal: bool = False
    nominal: bool = False
    """Whether nominalisations ("serangan", "pertemuan") report the event too."""
    passive: bool = True
    """Whether di- forms are taken as the passive of this trigger."""
    inverse: bool = False
    """The subject undergoes the action and the marked phrase does it: "Israel menuai kecaman
    dari PBB" is the UN's criticism of Israel."""
    object_words: list[str] = Field(default_factory=list)
    """For polysemous verbs: the entry only fires when one of these words follows."""
    not_object_words: list[str] = Field(default_factory=list)
    """For polysemous verbs: the entry does not fire when one of these words follows."""
    not_forms: list[str] = Field(default_factory=list)
    """Inflected words that share the base but never realise this entry: "perjanjian"
    (treaty) is no form of "berjanji", "keamanan" (security) none of "mengamankan"."""
    note: str | None = None
    count: int | None = Field(default=None, ge=0)
    """How many sentences of the IndoSum news corpus (3,743 articles) the entry matched when
    it was written (``scripts/count_triggers.py``): evidence that the form is used in news."""
    positive: list[TriggerExample] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)


class TriggerFile(_Strict):
    """A YAML file of triggers (``resources/id/triggers/*.yaml``)."""

    triggers: list[Trigger]


class Morphology(_Strict):
    """Schema of ``resources/id/morphology.yaml``: the analyser's word lists."""

    clitics: list[str] = Field(min_length=1)
    """Stripped before the suffixes ("menyerangnya")."""
    not_verbs: list[str] = Field(min_length=1)
    """Words built like affixed verbs that are none ("menurut", "menteri", "bersenjata")."""


class CommonWords(_Strict):
    """Schema of ``resources/id/common_words.yaml`` (generated by scripts/common_words.py):
    capitalised words that start no personal name ("Peringatan Deepavali", "Balai
    Konservasi Borobudur"), with the thresholds they were chosen by."""

    source: str
    share: float
    min_lower: int
    min_entity: int
    words: list[str]


class GenreWords(_Strict):
    """Schema of ``resources/id/genre_words.yaml`` (generated by scripts/genre_words.py):
    words of sport, showbiz and gadget stories, with the thresholds they were chosen by."""

    source: str
    min_docs: int
    max_news: float
    min_lift: float
    words: list[str]
