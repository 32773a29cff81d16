"""The actor component: mentions of actors in each sentence (gazetteer, agent words,
titles, names), with a country for the role-only ones."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..inputs import tokenize_words
from ..models import (
    Actor,
)
from ..resources import (
    load_common_words,
    read_index,
    read_model,
    save_index,
    save_model,
)
from ..resources.compiled import load_gazetteer, load_lexicon
from ..resources.gazetteer import Gazetteer, fold
from ..resources.lexicon import Grammar, Lexicon, load_grammar
from ..resources.places import PlaceSpan, load_places
from ..resources.schemas import AgentWord
from .actors import ActorRecognizer, Mention
from .dates import load_date_rules
from .ner import ner_token_spans
from .state import WorkState, prepare, work_state
from .text import Segment


def _place_at(words: Sequence[str], k: int) -> tuple[int, str] | None:
    """Where a place of the index named at ``words[k]`` ends, and its state (the index is
    loaded when a name first asks)."""
    hit = load_places().at(words, k)
    return (hit[0], hit[1].country) if hit is not None else None


@dataclass(frozen=True)
class _CountryWords:
    """The place rules' words for giving role-only actors a country, folded once a story
    (``resources/id/places.yaml``)."""

    scene: frozenset[str]
    attach: frozenset[str]
    dest: frozenset[str]
    government: frozenset[str]


class ActorStage:
    """Stage 3: actor mentions from the gazetteer, agent words and titles.

    Its data (the compiled gazetteer, the trigger lexicon, the grammar) is read from the
    package when first needed, or from a saved pipeline's folder by :meth:`from_disk`.
    """

    def __init__(self, gazetteer: Sequence[str], bare_names: bool = True,
                 ner: str = "heuristic", triggers: Sequence[str] = ()) -> None:
        self.ner = ner
        self.bare_names = bare_names
        self._sources = (tuple(gazetteer), tuple(triggers))
        self._data: tuple[Gazetteer, Lexicon, Grammar, ActorRecognizer] | None = None

    def _use(self, gaz: Gazetteer, lexicon: Lexicon, g: Grammar) -> None:
        """Build the recognizer over this gazetteer, lexicon and grammar."""
        dates = load_date_rules()
        calendar = [w for m in dates.months for w in m.names]
        calendar += [w for d in dates.weekdays for w in d.names]
        recognizer = ActorRecognizer(
            gaz, g.pronouns, bare_names=self.bare_names,
            not_names=[*g.not_names, *calendar], places=g.locatives, numerals=g.numerals,
            people_counters=g.people_counters, common_words=load_common_words(),
            initials_markers=g.initials_markers, place_prepositions=g.place_prepositions,
            name_before=[*g.speech_verbs, *g.name_markers],
            name_after=[*g.aspect, *g.name_openers], place_at=_place_at, grammar=g)
        self._data = (gaz, lexicon, g, recognizer)

    def _ready(self) -> tuple[Gazetteer, Lexicon, Grammar, ActorRecognizer]:
        """The stage's data, read from the package the first time it is needed."""
        if self._data is None:
            gazetteer, triggers = self._sources
            self._use(load_gazetteer(gazetteer), load_lexicon(triggers), load_grammar())
        assert self._data is not None
        return self._data

    @property
    def gaz(self) -> Gazetteer:
        """The compiled gazetteer."""
        return self._ready()[0]

    @property
    def lexicon(self) -> Lexicon:
        """The trigger lexicon (which sentences the statistical NER reads)."""
        return self._ready()[1]

    @property
    def recognizer(self) -> ActorRecognizer:
        """The actor recognizer over the gazetteer and the grammar."""
        return self._ready()[3]

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the compiled gazetteer, the lexicon and the grammar into ``path``."""
        gaz, lexicon, g, _ = self._ready()
        save_index(path, "gazetteer.pickle", gaz)
        save_index(path, "lexicon.pickle", lexicon)
        save_model(path, "grammar.json", g)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorStage:
        """Use the data :meth:`to_disk` saved in ``path`` (not the package's)."""
        self._use(read_index(path, "gazetteer.pickle", Gazetteer),
                  read_index(path, "lexicon.pickle", Lexicon),
                  read_model(path, "grammar.json", Grammar))
        return self

    def __call__(self, doc: Doc) -> Doc:
        st = work_state(doc)
        st.mentions = []
        seen: dict[str, Actor] = {}
        segments, tokens = st.segments or [], st.tokens or []
        entities = self._entities(segments, tokens)
        found = [
            [] if seg.skipped else self.recognizer(
                words, starts, date=st.published, entities=ents)
            for seg, (words, starts), ents in zip(segments, tokens, entities, strict=True)]
        # a short form may come before the full name ("Waryono ... Waryono Karno"): the names
        # of the whole story are known first
        self.recognizer.remember_names([m for ms in found for m in ms], seen)
        for seg, ms, (words, starts) in zip(st.segments or [], found, st.tokens or [],
                                            strict=True):
            st.mentions.append([] if seg.skipped else self.recognizer.short_forms(
                words, starts, ms, seen))
        dateline = self._dateline(st)
        self._default_country(st.mentions, st.tokens or [], dateline)
        if any(_unknown_named(m.actor) for ms in st.mentions for m in ms):
            # only stories naming someone the gazetteer does not know need it
            st.story_country = self._story_country(st.mentions, None, dateline)[0]
        return doc

    def _entities(self, segments: Sequence[Segment],
                  tokens: Sequence[tuple[list[str], list[int]]],
                  ) -> list[list[tuple[int, int, str]] | None]:
        """The statistical NER's spans of each sentence that may hold an event (a trigger
        word in it), in document characters; None for the other sentences, whose unknown
        names the capitalised-word heuristic finds (they serve as antecedents only)."""
        out: list[list[tuple[int, int, str]] | None] = [None] * len(segments)
        if self.ner != "model":
            return out
        todo = [k for k, (seg, (words, _)) in enumerate(zip(segments, tokens, strict=True))
                if not seg.skipped and words and self.lexicon.may_fire(words)]
        sentences = []
        for k in todo:
            words, starts = tokens[k]
            spaces = [starts[i] + len(w) < starts[i + 1] for i, w in enumerate(words[:-1])]
            sentences.append((words, [*spaces, False]))
        for k, found in zip(todo, ner_token_spans(sentences), strict=True):
            words, starts = tokens[k]
            out[k] = [(starts[a], starts[b - 1] + len(words[b - 1]), label)
                      for a, b, label in found]
        return out

    def _institution(self, words: list[str], m: Mention) -> AgentWord | None:
        """The institution word of a role-only mention ("Kementerian Sosial"), if any."""
        found = None
        for hit in self.gaz.match(words[m.start:m.end]):
            if hit.entry.kind == "agent":
                agent = self.gaz.agent_words[hit.entry.id]
                if agent.person:
                    return None  # "juru bicara Kementerian Luar Negeri" is a person
                found = agent if agent.institution else found
        return found

    def _default_country(self, mentions: list[list[Mention]],
                         tokens: list[tuple[list[str], list[int]]],
                         dateline: Sequence[str] = ()) -> None:
        """Give role-only actors without a country ("polisi", "warga", "pemerintah") one.

        In this order (the words are in ``resources/id/places.yaml``):

        1. a place attached to the actor: "polisi di Manchester" (GBR), "warga Marawi" (PHL),
           "pengunjuk rasa dari Kabupaten Aceh Utara" (IDN), "warga sipil di Gaza" (a state);
        2. in the same sentence, the nearest state named before the actor ("sanksi kepada dua
           warga Cina dan satu perusahaan pelayaran"); for actors who are where the event
           happens (police, civilians, protesters: ``scene_sectors``) also the nearest place
           before or after them that is not a destination ("Polisi menangkap dua pria di
           Surabaya" is Indonesian police, "militer mengirim pasukan ke Rafah" says nothing);
        3. the story's country (:meth:`_story_country`), else Indonesia (the press is
           Indonesian: a bare "Kapolri" or "polisi" is Indonesian).

        A bare "pemerintah" / "pemerintah pusat" (``government_words``) becomes its state as
        a named actor (name, id, sector GOV), as "pemerintah X" is the state X in the
        annotation guidelines: "pemerintah" in a story about Thailand is *Thailand*.
        """
        index = load_places()
        rules = index.rules
        needs = [{m.end for m in ms if self._needs_country(m)} for ms in mentions]
        if not any(needs):
            return
        found: list[list[PlaceSpan] | None] = [None] * len(mentions)

        def places_in(s: int) -> list[PlaceSpan]:
            spans = found[s]
            if spans is None:
                ms = mentions[s]
                # an actor's own words are no place ("Pemerintah Kota Surabaya" is one actor)
                spans = found[s] = [
                    p for p in index.find(tokens[s][0], needs[s])
                    if not any(m.start < p.end and p.start < m.end for m in ms)]
            return spans

        ranks: dict[bool, list[str]] = {}

        def story(with_places: bool) -> str:
            # the story's places are only looked for when an actor falls back on them
            if with_places not in ranks:
                ranks[with_places] = self._story_country(
                    mentions, [places_in(s) for s in range(len(mentions))]
                    if with_places else None, dateline)
            return ranks[with_places][0]

        words = _CountryWords(
            scene=frozenset(rules.scene_sectors),
            attach=frozenset(fold(w) for w in rules.attachments),
            dest=frozenset(fold(w) for w in rules.destinations),
            government=frozenset(fold(w) for w in rules.government_words))
        for s, ms in enumerate(mentions):
            if needs[s]:
                self._countries_of_sentence(tokens[s][0], ms, places_in(s), story, words)

    def _countries_of_sentence(self, words: list[str], ms: list[Mention],
                               places: list[PlaceSpan], story: Callable[[bool], str],
                               cw: _CountryWords) -> None:
        """Steps 1-3 of :meth:`_default_country` for the mentions of one sentence."""
        nearest: tuple[int, str] | None = None  # the last state named: (its end, country)
        for k, m in enumerate(ms):
            a = m.actor
            if not self._needs_country(m):
                if a.kind == "state" and a.country:
                    nearest = (m.end, a.country)
                continue
            assert a.sector is not None
            c = (self._attached(words, ms, k, places, cw.attach)
                 or self._nearby(m, nearest, places, cw.dest, with_places=a.sector in cw.scene)
                 or story(a.sector in cw.scene))
            update: dict[str, Any] = {"country": c, "cameo": c + a.sector,
                                      **self._body_of(words, m, c, cw.government)}
            ms[k] = dataclasses.replace(m, actor=a.model_copy(update=update))

    def _body_of(self, words: list[str], m: Mention, c: str, government: Set[str]
                 ) -> dict[str, Any]:
        """The named body a role-only mention of state ``c`` is, as fields of its actor:
        "Kementerian Sosial" in an Indonesian story is Indonesia's ministry; a bare
        "pemerintah" in a story about Thailand is the state Thailand."""
        a = m.actor
        inst = self._institution(words, m) if a.name is None else None
        named = self.gaz.institution(inst, c) if inst is not None else None
        if named is not None:
            return {"name": named[0], "id": named[1], "kind": "organization"}
        state = self.gaz.entities.get(c)
        if a.name is None and a.sector == "GOV" and state is not None and \
                state.kind == "state" and \
                " ".join(fold(w) for w in words[m.start:m.end]) in government:
            return {"name": state.name, "id": state.id, "kind": "state"}
        return {}

    @staticmethod
    def _dateline(st: WorkState) -> list[str]:
        """The words of the story's dateline ("SURABAYA, KOMPAS.com -"), if it has one."""
        view = st.view or st.text
        for seg in st.segments or []:
            if not seg.skipped and seg.content_start > seg.start:
                return tokenize_words("id", view[seg.start:seg.content_start])
        return []

    @staticmethod
    def _needs_country(m: Mention) -> bool:
        """A role-only actor without a country ("polisi"), or a title without a state
        ("Menteri Perhubungan Ignasius Jonan"): the story's state is theirs."""
        a = m.actor
        titled = a.kind == "person" and a.id is None and a.sector is not None
        return bool((a.name is None or titled) and a.country is None and a.sector
                    and a.sector != "IGO" and m.pronoun is None)

    @staticmethod
    def _attached(words: list[str], ms: list[Mention], k: int, places: list[PlaceSpan],
                  attach: Set[str]) -> str | None:
        """The country of a place or state right after mention ``k``, directly ("warga
        Marawi") or after an attaching word ("polisi di Manchester", "warga asal Aceh")."""
        m = ms[k]
        at = {m.end}
        if m.end < len(words) and fold(words[m.end]) in attach:
            at.add(m.end + 1)
        for p in places:
            if p.start in at:
                return p.place.country
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        if nxt is not None and nxt.actor.kind == "state" and nxt.start == m.end + 1 and \
                fold(words[m.end]) in attach:
            return nxt.actor.country  # "warga sipil di Gaza" as a state
        return None

    @staticmethod
    def _nearby(m: Mention, state: tuple[int, str] | None, places: list[PlaceSpan],
                dest: Set[str], *, with_places: bool) -> str | None:
        """The nearest state or place named before ``m`` in its sentence ("bentrokan di
        Rakhine antara militer dan ..."), with ``with_places`` also a place after it; a
        destination ("ke Rafah") is no actor's place."""
        best = (m.start - state[0], state[1]) if state is not None else None
        for p in places:
            if (p.marker is not None and p.marker in dest) or (
                    p.start >= m.end and not with_places):
                continue
            d = m.start - p.end if p.end <= m.start else p.start - m.end
            if best is None or d < best[0]:
                best = (d, p.place.country)
        return best[1] if best is not None else None

    @staticmethod
    def _story_country(mentions: list[list[Mention]], places: list[list[PlaceSpan]] | None,
                       dateline: Sequence[str]) -> list[str]:
        """The story's countries, best first: the states its actors belong to most often
        (each mention 1, those of the first sentence ``lead_weight`` more); with ``places``
        (for its police and civilians, who are where the story happens) also the places it
        names and the dateline's place ("SURABAYA, KOMPAS.com -" counts
        ``dateline_weight``). Ties go to the first named; Indonesia when nothing is named."""
        index = load_places()
        rules = index.rules
        counts: dict[str, int] = {}
        lead = True
        for ms in mentions:
            for m in ms:
                c = m.actor.country
                if c and m.pronoun is None:
                    counts[c] = counts.get(c, 0) + 1 + (rules.lead_weight if lead else 0)
            lead = lead and not ms
        if places is None:
            return sorted(counts, key=lambda c: -counts[c]) or ["IDN"]
        lead = True
        for ms, ps in zip(mentions, places, strict=True):
            for p in ps:
                c = p.place.country
                counts[c] = counts.get(c, 0) + 1 + (rules.lead_weight if lead else 0)
            lead = lead and not ms and not ps
        for p in index.find(dateline, after=range(len(dateline)))[:1]:
            c = p.place.country
            counts[c] = counts.get(c, 0) + rules.dateline_weight
        return sorted(counts, key=lambda c: -counts[c]) or ["IDN"]


def _unknown_named(a: Actor) -> bool:
    """A named person or organisation that the gazetteer does not know, of no country."""
    return a.kind in ("person", "organization") and a.id is None and not a.country and \
        bool(a.name)


@Language.factory("geoevents_actors",
                  default_config={"gazetteer": [], "bare_names": True, "ner": "heuristic",
                                  "triggers": []},
                  requires=["doc._.geoevents"], assigns=["doc._.geoevents"])
def make_actors(nlp: Language, name: str, gazetteer: list[str], bare_names: bool,
                ner: str, triggers: list[str]) -> ActorStage:
    """Factory of the actor stage; ``gazetteer`` lists extra gazetteer files, ``bare_names``
    turns untitled capitalised names into person actors, ``ner`` chooses how names the
    gazetteer does not know are found: "heuristic" (capitalised words) or "model" (the
    trained NER, on the sentences where a word of the trigger lexicon with the extra
    ``triggers`` files may fire)."""
    prepare(nlp)
    return ActorStage(gazetteer, bare_names, ner, triggers)
