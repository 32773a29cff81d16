"""The resolver component: pronouns and unexpressed subjects, short forms and dates;
the political filters; each reading becomes an :class:`~geoevents.models.Event`, in
``doc._.events`` and the span groups."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..models import (
    Action,
    Actor,
    DateMention,
    Event,
    Granularity,
    Location,
)
from ..resources import (
    cameo_info,
    load_genre_words,
    read_index,
    read_model,
    save_index,
    save_model,
)
from ..resources.compiled import load_gazetteer, load_lexicon
from ..resources.gazetteer import fold
from ..resources.lexicon import Grammar, Lexicon, TriggerHit, load_grammar
from ..resources.schemas import GazetteerRecord
from .actor_stage import _unknown_named
from .actors import DESCRIBED, Mention
from .confidence import Confidence, ConfidenceModel, load_confidence_model
from .events import CLITIC, RawEvent
from .location import SentenceView, load_locator
from .spans import write_results
from .state import WorkState, prepare, work_state
from .text import Segment


@dataclass
class _Reading:
    """What the resolver has read of a story so far, sentence by sentence."""

    events: list[Event] = dataclasses.field(default_factory=list)
    features: list[tuple[str, ...]] = dataclasses.field(default_factory=list)
    """Per event, its confidence features."""
    history: list[Actor] = dataclasses.field(default_factory=list)
    """Resolved, non-pronoun mentions in reading order."""
    sentences: list[list[Actor]] = dataclasses.field(default_factory=list)
    """The same, per sentence."""
    acted: list[list[Actor]] = dataclasses.field(default_factory=list)
    """Per sentence, the named states that were actors."""
    places: set[int] = dataclasses.field(default_factory=set)
    """Ids of history entries named as a place ("di X")."""
    bodies: dict[object, Actor] = dataclasses.field(default_factory=dict)
    """The body each titled person's title named, by :func:`_key` of the person."""
    last_subject: Actor | None = None
    last_person: Actor | None = None
    """The first person the previous sentence names outside a prepositional phrase."""
    n_kept: int = 0
    """Sentences read so far."""
    text: str = ""
    """The story's text (the caller's characters)."""


@dataclass(frozen=True)
class _Words:
    """One sentence's content words, their offsets, mentions and dates."""

    words: list[str]
    starts: list[int]
    mentions: list[Mention]
    dates: list[DateMention]


class ResolveStage:
    """Stage 6: pronouns and unexpressed subjects, short forms, dates → :class:`Event`."""

    def __init__(self, min_confidence: float = 0.0, gazetteer: Sequence[str] = ()) -> None:
        self.min_confidence = min_confidence
        self._gazetteer = tuple(gazetteer)
        self._loaded = False

    def _ready(self) -> None:
        """Read the stage's data from the package the first time it is needed."""
        if not self._loaded:
            self._use(load_grammar(), load_gazetteer(self._gazetteer).national,
                      load_confidence_model(), load_lexicon(()))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the grammar, the national bodies of the gazetteer, the confidence model and
        the lexicon into ``path`` (the place index is package data, cached by its hash)."""
        self._ready()
        save_model(path, "grammar.json", self.grammar)
        save_index(path, "national.pickle", self.national)
        save_model(path, "confidence.json", self.confidence.model)
        save_index(path, "lexicon.pickle", self.lexicon)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ResolveStage:
        """Use the data :meth:`to_disk` saved in ``path`` (not the package's)."""
        self._use(read_model(path, "grammar.json", Grammar),
                  read_index(path, "national.pickle", dict),
                  read_model(path, "confidence.json", ConfidenceModel),
                  read_index(path, "lexicon.pickle", Lexicon))
        return self

    def _use(self, g: Grammar, national: dict[tuple[str, str], GazetteerRecord],
             confidence: ConfidenceModel, lexicon: Lexicon) -> None:
        """Set the stage up over this grammar, gazetteer bodies, model and lexicon."""
        self.grammar = g
        self.national = national
        self.confidence = Confidence(confidence, g)
        self.locator = load_locator()
        self.lexicon = lexicon
        w = g.folded()
        self.speech = w.words("speech_verbs")
        self.saying = w.words("saying_verbs")
        self.boundaries = w.words("clause_boundaries")
        self.period_openers = w.words("period_openers")
        self.period_parts = w.words("period_parts")
        self.sentence_adverbs = w.words("sentence_adverbs") | {","}
        # the hand-picked words and those IndoSum's sport, showbiz and gadget stories use
        # far more than its news (scripts/genre_words.py)
        self.genre_first: dict[str, list[tuple[str, ...]]] = {}
        for x in (*g.genre_words, *g.discard, *sorted(load_genre_words())):
            q = tuple(fold(x).split())
            if q not in self.genre_first.setdefault(q[0], []):
                self.genre_first[q[0]].append(q)
        self.genre_sentences = g.genre_sentences
        self.genre_share = g.genre_share
        self.prepositions = w.words("prepositions")
        self.not_event_day_after = w.words("not_event_day_after")
        self.aspect = w.words("aspect")
        # a month after these opens no adverb between subject and verb ("pada Agustus lalu")
        self.not_before_month = self.prepositions | self.period_parts
        self.place_phrase = w.words("place_phrase_prepositions")
        self.embedding = w.words("embedding")
        self.own_side = w.words("own_side")
        self._loaded = True

    def _national(self, a: Actor) -> Actor:
        """A group of a state's one body of its sector, named as that body: "polisi" in an
        Indonesian story is Polri (every police unit of Indonesia is part of it)."""
        rec = (self.national.get((a.country, a.sector)) if a.kind == "generic"
               and a.name is None and a.country and a.sector else None)
        if rec is None:
            return a
        return a.model_copy(update={"name": rec.name, "id": rec.id})

    def _state_of(self, a: Actor) -> Actor:
        """The state ``a`` belongs to, as an actor (``a`` itself when it is one or when its
        country is no state of the gazetteer): "kedua negara" after "Presiden Jokowi ... PM
        Australia Malcolm Turnbull" is Indonesia and Australia. Every gazetteer holds the
        default one's states; the default gazetteer is the actor stage's own (cached)
        unless extra files were given."""
        rec = load_gazetteer(()).entities.get(a.country or "")
        if a.kind == "state" or rec is None or rec.kind != "state":
            return a
        return a.model_copy(update={"name": rec.name, "id": rec.id, "sector": None,
                                    "kind": "state", "cameo": rec.cameo})

    def _off_topic(self, st: WorkState) -> bool:
        """Whether the story is about sport, entertainment or gadgets: enough of its
        sentences hold a word of those ("klub", "pelatih", "film", "ponsel")."""
        n = total = 0
        for seg, (words, _) in zip(st.segments or [], st.tokens or [], strict=True):
            if seg.skipped:
                continue
            total += 1
            low = [fold(w) for w in words]
            if any(low[i] in self.genre_first and any(
                    tuple(low[i:i + len(q)]) == q for q in self.genre_first[low[i]])
                    for i in range(len(low))):
                n += 1
        return n >= self.genre_sentences and n >= self.genre_share * total

    def _quote_speakers(self, st: WorkState) -> dict[int, Actor]:
        """The speaker of each sentence inside a quotation that runs over several sentences:
        named after the quote ("“Kami akan membantu. Kami juga mengecam AS,” kata Lavrov") or
        before it ("Lavrov mengatakan, “Kami ...”"), by segment index."""
        segs, tokens, mentions = st.segments or [], st.tokens or [], st.mentions or []
        out: dict[int, Actor] = {}
        run: list[int] = []  # the segments of the quotation being read
        opener: Actor | None = None
        for k, (seg, (words, _), ms) in enumerate(zip(segs, tokens, mentions, strict=True)):
            if seg.skipped:
                continue
            marks = [i for i, w in enumerate(words) if w in _QUOTES]
            if not run and marks and len(marks) % 2 == 1:
                # a quotation opens here and stays open: who says it, if named before it
                run, opener = [k], self._speaker_before(words, ms, marks[0])
                continue
            if run:
                run.append(k)
                if marks and len(marks) % 2 == 1:  # it closes here
                    after = [m for m in ms if m.start > marks[-1]]
                    speaker = self._speaker(words, after) or opener
                    if speaker is not None:
                        out.update({j: speaker for j in run})
                    run, opener = [], None
                elif len(run) > 6:  # an unbalanced quote mark: give up
                    run, opener = [], None
        return out

    def _speaker_before(self, words: list[str], ms: list[Mention], quote: int
                        ) -> Actor | None:
        """The subject of a saying verb right before a quotation ("Presiden Joko Widodo
        mengatakan , “ ..."), or None."""
        k = quote - 1
        while k >= 0 and words[k] in (",", ":"):
            k -= 1
        if k < 0 or words[k].lower() not in self.saying:
            return None
        before = [m for m in ms if m.end <= k and m.pronoun is None and not (
            m.start > 0 and words[m.start - 1].lower() in self.prepositions)]
        return before[0].actor if before else None

    def __call__(self, doc: Doc) -> Doc:
        self._ready()
        st = work_state(doc)
        text = st.text or doc.text
        quoted = self._quote_speakers(st)
        st.resolved = {}
        r = _Reading(text=text)
        dateline = functools.cache(functools.partial(self._dateline_place, st))
        for k_seg, (seg, ms, dates, raws, (words, starts)) in enumerate(zip(
            st.segments or [], st.mentions or [], st.dates or [], st.raw or [], st.tokens or [],
            strict=True,
        )):
            if seg.skipped:
                continue
            quote = next((i for i, w in enumerate(words) if w in _QUOTES), None)
            speaker = (self._speaker(words, ms) or quoted.get(k_seg) or (
                self._speaker_before(words, ms, quote) if quote is not None else None))
            resolved, named = self._resolve_mentions(words, ms, speaker, r)
            # the dateline's date is the story's, not the event's
            dates = [d.model_copy(update={"text": text[d.span[0]:d.span[1]]}) for d in dates
                     if d.span[0] >= seg.content_start]
            n_before = len(r.events)
            first_actor = self._sentence_events(
                st, seg, _Words(words, starts, ms, dates), raws, resolved, r, dateline)
            st.resolved[k_seg] = resolved
            r.n_kept += 1
            r.sentences.append(named)
            r.acted.append([e.actor for e in r.events[n_before:]
                            if e.actor.kind == "state" and not e.actor.coref])
            # the first actor named outside a prepositional phrase ("Dalam suratnya kepada
            # Sekjen PBB, Antonio Guterres, Ja menulis": Ja)
            outside = [resolved[id(m)][0] for m in ms if resolved[id(m)] and not (
                m.start > 0 and words[m.start - 1].lower() in self.prepositions)
                and m.pronoun != CLITIC]
            subj = outside[0] if outside else None
            r.last_subject = first_actor or subj or r.last_subject
            r.last_person = first_actor if first_actor is not None and (
                first_actor.kind == "person") else next(
                    (a for a in outside if a.kind == "person" and a.name), None)
        self._keep(doc, st, list(zip(r.events, r.features, strict=True)))
        return doc

    def _resolve_mentions(self, words: list[str], ms: list[Mention], speaker: Actor | None,
                          r: _Reading) -> tuple[dict[int, list[Actor]], list[Actor]]:
        """Each mention's actors (pronouns and plurals resolved against what was read), by
        ``id`` of the mention, and the actors the sentence names outside place phrases."""
        resolved: dict[int, list[Actor]] = {}
        recent = [a for sent in r.sentences[-2:] for a in sent]
        # "AS, Australia dan Jepang meminta ... Negara-negara tersebut juga mendorong":
        # a plural of states refers first to the states that last acted together
        acting = [a for sent in r.acted[-3:] for a in sent]
        named: list[Actor] = []
        for m in ms:
            last = r.last_subject
            if m.pronoun == "person" and (last is None or last.kind != "person"):
                # "Dalam pidato yang disiarkan televisi, Rouhani berterima kasih kepada ...
                # Ayatollah Khamenei ... . Dia mengucapkan selamat ...": the person the
                # previous sentence is about, not the last one it names
                last = r.last_person
            if m.pronoun == CLITIC:
                found = self._clitic_antecedent(m, words, ms, resolved, r)
            elif m.pronoun == DESCRIBED:
                found = self._described_antecedent(m, r)
            elif (m.pronoun in ("any", "person") and last is not None
                    and not m.actor.sector and self._subject_slot(words, ms, m)
                    and (m.pronoun == "any" or last.kind == "person")):
                # "mereka"/"pihaknya" as a sentence's subject continues the previous
                # sentence's subject, not its last-named actor
                found = [last.model_copy(update={
                    "mention": m.actor.mention, "span": m.actor.span, "coref": True})]
            else:
                found = self._antecedents(
                    m, r.history, speaker,
                    acting if len({a.country for a in acting}) >= 2 else recent, r.places)
            before = words[m.start - 1].lower() if m.start > 0 else ""
            # places ("di Manila") are not among the states a plural refers to
            if m.pronoun is None and before not in self.place_phrase:
                named.extend(found)
            if found and m.pronoun == "any" and fold(words[m.start]) in self.own_side:
                # "Ketua KPK Agus Rahardjo mengatakan pihaknya ...": his side is the body
                # his title names
                body = r.bodies.get(_key(found[0]))
                if body is not None:
                    found = [_referred(body, m)]
            resolved[id(m)] = found
            if found and m.pronoun is None and m.body is not None:
                r.bodies[_key(found[0])] = m.body
            if found and m.pronoun is None:
                r.history.append(found[0])
                if before == "di" or m.place:
                    # "bertemu ... di Gedung Putih. Keduanya ...", "di KTT G20, Hamburg,
                    # Jerman": a place takes no part
                    r.places.add(id(found[0]))
        return resolved, named

    @staticmethod
    def _described_antecedent(m: Mention, r: _Reading) -> list[Actor]:
        """The person a definite role refers to: the previous sentence's subject if a
        person, else the last person named, of the role's country where it has one ("Presiden
        Duterte tiba di Jakarta. Pemimpin Filipina itu ..." is Duterte); the role itself
        where the story has named no such person."""
        want = m.actor.country
        subject = [r.last_subject] if r.last_subject is not None else []
        for a in [*subject, *reversed(r.history)]:
            if a.kind == "person" and a.name and (want is None or a.country in (None, want)):
                return [_referred(a, m)]
        return [m.actor]

    def _clitic_antecedent(self, m: Mention, words: list[str], ms: list[Mention],
                           resolved: dict[int, list[Actor]], r: _Reading) -> list[Actor]:
        """What a verb's object clitic refers to: the nearest actor before it that is not
        its clause's subject and no place, in its sentence, then the previous sentence's
        subject, then the story. "Polisi menangkap Budi dan menahannya" is Budi; "Presiden
        Joko Widodo tiba di Riyadh. Raja Salman menyambutnya" is the president; "Jokowi
        bertemu Prabowo. Jokowi menuduhnya ..." is Prabowo."""
        earlier = [o for o in ms if o.end <= m.start and o.pronoun != CLITIC
                   and resolved.get(id(o))]
        outside = [o for o in earlier if not (
            o.start > 0 and words[o.start - 1].lower() in self.prepositions)]
        subject = r.last_subject
        if outside:
            subject = resolved[id(outside[0])][0]
            if not outside[0].place and any(
                    w.lower() in self.embedding for w in words[outside[0].end:m.start]):
                # inside a relative or complement clause: the main clause's subject
                return [_referred(subject, m)]
        here = [resolved[id(o)][0] for o in reversed(earlier) if not (
            (outside and o is outside[0]) or o.place
            or (o.start > 0 and words[o.start - 1].lower() in self.place_phrase))]
        before = [a for a in reversed(r.history) if id(a) not in r.places]
        for a in [*here, *([r.last_subject] if r.last_subject else []), *before]:
            if subject is None or not _alike(a, subject):
                return [_referred(a, m)]
        return []

    def _sentence_events(self, st: WorkState, seg: Segment, s: _Words, raws: list[RawEvent],
                         resolved: dict[int, list[Actor]], r: _Reading,
                         dateline: Callable[[], Location | None]) -> Actor | None:
        """Append the sentence's events (political pairs only) with their confidence
        features to ``r``; the first event's actor, if any."""
        text = r.text
        words, starts, ms = s.words, s.starts, s.mentions
        kept = [(raw, a, t) for raw, a, t in self._pairs(raws, resolved, r.last_subject)
                if _political(a) and _political(t) and not _same_entity(a, t)
                and _political_pair(a, t)]
        fanout = Counter(id(raw.hit) for raw, _, _ in kept)
        lower = [fold(w) for w in words]
        where = SentenceView(
            words, starts, text, ms,
            places=functools.cache(functools.partial(self.locator.index.find, words)),
            triggers=functools.cache(functools.partial(self._trigger_spans, words)))
        visits = [raw for raw, _, _ in kept if raw.cameo.startswith(self.locator.visit_codes)]
        # "mengunjungi Moskow untuk menandatangani ...": the visit's scene is the others'
        visit_scene = next((loc for loc in (self.locator.in_sentence(
            where, cameo=v.cameo, hit=v.hit, target_m=v.target, target=v.target.actor)
            for v in visits) if loc is not None), None)
        first_actor: Actor | None = None
        for raw, actor, target in kept:
            # a person or body the gazetteer does not know is of the story's state ("Dadang
            # Rusdiana meminta ..." in a story about Indonesian politics); filled after
            # the political filters, which judge what the text says
            filled = (not actor.country and bool(st.story_country),
                      not target.country and bool(st.story_country))
            actor, target = (_of_story(actor, st.story_country),
                             _of_story(target, st.story_country))
            feats = self.confidence.features(
                raw.hit, raw.rule, raw.actor, raw.target, actor, target, words=words,
                lower=lower, mentions=ms, sentence=r.n_kept, fanout=fanout[id(raw.hit)],
                story_filled=filled, ranker_prob=raw.prob)
            r.features.append(tuple(feats))
            actor, target = self._national(actor), self._national(target)
            location = self.locator.locate(
                where, cameo=raw.cameo, hit=raw.hit, target_m=raw.target, actor=actor,
                target=target, dateline=dateline, visit=bool(visits), fallback=visit_scene)
            r.events.append(self._event(st, seg, s, r, raw, actor, target, location,
                                        self.confidence.probability(feats)))
            first_actor = first_actor or actor
        return first_actor

    def _event(self, st: WorkState, seg: Segment, s: _Words, r: _Reading, raw: RawEvent,
               actor: Actor, target: Actor, location: Location | None, confidence: float
               ) -> Event:
        """The :class:`Event` of a resolved reading: its action, date and sentence."""
        text = r.text
        words, starts = s.words, s.starts
        date, date_text, granularity = self._date(s.dates, st.published, words, starts,
                                                  raw.hit)
        info = cameo_info(raw.cameo)
        trig = raw.hit.trigger.trigger
        hs = raw.hit
        tok_a = (starts[hs.start], starts[hs.end - 1] + len(words[hs.end - 1]))
        return Event(
            actor=actor, target=target,
            action=Action(
                cameo=raw.cameo, root=raw.cameo[:2], label=info.label,
                plover=trig.plover or info.plover, trigger=text[tok_a[0]:tok_a[1]],
                trigger_span=tok_a,
                goldstein=trig.goldstein if trig.goldstein is not None and
                raw.cameo == trig.cameo else info.goldstein),
            date=date, date_text=date_text, date_granularity=granularity,
            sentence=text[seg.start:seg.end], sentence_span=(seg.start, seg.end),
            negated=raw.negated, location=location,
            rule=raw.rule + ("+coref" if actor.coref or target.coref else ""),
            confidence=round(confidence, 4),
        )

    def _keep(self, doc: Doc, st: WorkState, scored: list[tuple[Event, tuple[str, ...]]]
              ) -> None:
        """The story's events after the genre filter, one per reading and the confidence
        threshold, on the state and in the Doc's span groups."""
        text = st.text or doc.text
        if scored and self._off_topic(st):
            # "Persija menggandeng klub asal Jepang": in a sports, showbiz or gadget story
            # only events between political bodies count
            scored = [(e, f) for e, f in scored if _official(e.actor) and e.target is not None
                      and _official(e.target)]
        scored = _one_per_reading(scored)
        scored = [(e, f) for e, f in scored if (e.confidence or 0.0) >= self.min_confidence]
        st.events = [e for e, _ in scored]
        st.event_features = [f for _, f in scored]
        write_results(doc, _named_actors(st, text), _dates(st, text),
                      (_with_mentions(e, text) for e in st.events))

    def _trigger_spans(self, words: list[str]) -> list[tuple[int, int]]:
        """The token spans of the sentence's trigger words (for
        :mod:`geoevents.components.location`)."""
        return [(h.start, h.end) for h in self.lexicon.find(words)]

    def _dateline_place(self, st: WorkState) -> Location | None:
        """The place of the story's dateline ("KABUL, KOMPAS.com -"), if it names one."""
        for seg in st.segments or []:
            if not seg.skipped and seg.content_start > seg.start:
                return self.locator.in_dateline(st.text or st.view, seg.start,
                                                seg.content_start)
        return None

    @staticmethod
    def _pairs(raws: list[RawEvent], resolved: dict[int, list[Actor]],
               last_subject: Actor | None) -> Iterator[tuple[RawEvent, Actor, Actor]]:
        """(raw event, actor, target) for each resolved reading of each raw event."""
        for r in raws:
            if r.actor is None:
                # an unexpressed subject continues a named one ("Serta melakukan ...")
                actors = [last_subject.model_copy(update={"coref": True})] if (
                    last_subject is not None and last_subject.name) else []
            else:
                actors = resolved.get(id(r.actor), [])
            if r.actor is r.target:
                # a pair acting on itself: "kedua negara saling mengusir" gives both
                # directions, "keduanya bertemu" the first
                if len(actors) == 2:
                    yield r, actors[0], actors[1]
                    if r.rule.endswith("+mutual"):
                        yield r, actors[1], actors[0]
                continue
            for a in actors:
                for t in resolved.get(id(r.target), []):
                    yield r, a, t

    @staticmethod
    def _subject_slot(words: list[str], ms: list[Mention], m: Mention) -> bool:
        """Whether a pronoun opens its sentence's main clause: "Mereka ...", "Namun, dia
        ...", "Setelah itu, dia akan bertolak ke Kuwait" (no actor named before it)."""
        if m.start <= 2:
            return True
        return (m.start <= 6 and words[m.start - 1] == "," and ms[0] is m)

    def _speaker(self, words: list[str], ms: list[Mention]) -> Actor | None:
        """The actor named right after a speech verb in the sentence ("kata Kapolri")."""
        for m in ms:
            k = m.start - 1
            if m.pronoun is None and k >= 0 and words[k].lower() in self.speech:
                return m.actor
        return None

    def _antecedents(self, m: Mention, history: list[Actor], speaker: Actor | None = None,
                     recent: Sequence[Actor] = (), places: Set[int] = frozenset()) -> list[
                         Actor]:
        """The actor of a mention: itself, or what its pronoun refers to ("pihaknya",
        "negara itu" a state, "kedua negara" / "keduanya" the last two actors named, "kami"
        the speaker)."""
        if m.pronoun is None:
            return [m.actor]
        want = m.pronoun
        if want == "speaker":
            if speaker is None:
                return []
            return [speaker.model_copy(update={"mention": m.actor.mention,
                                               "span": m.actor.span, "coref": True})]
        role = {"sector": m.actor.sector} if m.actor.sector else {}  # "menteri dari negara itu"
        if want == "states":
            return self._named_states(m, recent, role)
        if want == "pair_state":
            return self._last_two_states(m, history, places, role)
        return self._last_of_kind(m, want, history, places, role)

    @staticmethod
    def _named_states(m: Mention, recent: Sequence[Actor], role: dict[str, Any]
                      ) -> list[Actor]:
        """"negara-negara tersebut": the states named in the last two sentences."""
        group: dict[str, Actor] = {}
        for a in reversed(recent):
            if a.kind == "state" and a.country and a.country not in group:
                group[a.country] = a.model_copy(update={
                    "mention": m.actor.mention, "span": m.actor.span, "coref": True, **role})
        return list(group.values())[::-1] if len(group) >= 2 else []

    def _last_two_states(self, m: Mention, history: list[Actor], places: Set[int],
                         role: dict[str, Any]) -> list[Actor]:
        """"kedua negara": the last two states named, by country."""
        states: dict[str, Actor] = {}
        for a in reversed(history[-12:]):
            if id(a) in places:
                continue
            if a.country and a.country not in states and (
                    a.kind == "state" or not any(x.kind == "state" and x.country == a.country
                                                 for x in history)):
                states[a.country] = self._state_of(a).model_copy(update={
                    "mention": m.actor.mention, "span": m.actor.span, "coref": True, **role})
            if len(states) == 2:
                # in the order the story first named them: "Presiden Jokowi bertemu PM
                # Australia ... kedua negara sepakat" is Indonesia, then Australia
                first = {c: next(i for i, x in enumerate(history) if x.country == c)
                         for c in states}
                return sorted(states.values(), key=lambda x: first[x.country or ""])
        return []

    @staticmethod
    def _last_of_kind(m: Mention, want: str, history: list[Actor], places: Set[int],
                      role: dict[str, Any]) -> list[Actor]:
        """The last actor of the pronoun's kind ("dia" a person, "negara itu" a state,
        "kelompok itu" a group), or the last two actors for "keduanya"."""
        seen: list[Actor] = []
        for a in reversed(history[-12:] if want == "pair" else history):
            if want == "pair" and id(a) in places:
                continue
            if want == "person" and a.kind != "person":
                continue
            if want == "state" and a.kind != "state":
                continue
            if want == "group" and a.kind not in ("organization", "armed group", "IGO"):
                continue
            copy = a.model_copy(update={"mention": m.actor.mention, "span": m.actor.span,
                                        "coref": True, **(role if want == "state" else {})})
            if want != "pair":
                return [copy]
            if all(_key(x) != _key(a) for x in seen):
                seen.append(copy)
                if len(seen) == 2:
                    return seen[::-1]
        return []

    def _date(self, dates: list[DateMention], published: dt.date | None,
              words: list[str], starts: list[int], hit: TriggerHit) -> tuple[
            dt.date | None, str | None, Granularity]:
        """The event's date: the sentence's first day ("Rabu (20 Oktober)"); else a month or
        a year that dates this event's own clause (:meth:`_period_of`): "menyerang ISIS sejak
        pertengahan Januari" is dated to January ("month"), "Pada 2013 , Rusia menyerang
        ..." has no date ("year", as the annotation guidelines have it); else the
        publication date. A month in another clause dates something else: "... setelah
        pengambilalihan mereka pada pertengahan Agustus", "referendum April nanti"."""
        for d in dates:
            if d.date is not None and d.granularity == "day" and not self._relative(
                    d, words, starts, hit) and not self._not_event_day(d, words, starts):
                return d.date, d.text, "day"
        for d in dates:
            if d.date is not None and self._period_of(d, words, starts, hit):
                if d.granularity == "month":
                    return d.date, d.text, "month"
                return None, d.text, "year"
        return published, None, "day"

    def _not_event_day(self, d: DateMention, words: list[str], starts: list[int]) -> bool:
        """Whether the word before a day (past "hari") makes it no day of the event:
        "paling lambat sampai Senin (16/10)", "setiap Jumat", "salat Jumat"."""
        k = bisect.bisect_left(starts, d.span[0]) - 1
        if k >= 0 and words[k].lower() == "hari":
            k -= 1
        return k >= 0 and words[k].lower() in self.not_event_day_after

    def _relative(self, d: DateMention, words: list[str], starts: list[int],
                  hit: TriggerHit) -> bool:
        """Whether a date after the trigger belongs to a relative clause ("yang") between
        them, opened inside it by "pada": "mengkritik Kenyatta, presiden yang dilantik pada
        pekan lalu" dates the inauguration, not the criticism; a date at the end of the
        sentence ("... yang dikuasai pemberontak di dekat Damaskus Jumat (17/11)") dates
        the main clause."""
        k = bisect.bisect_left(starts, d.span[0])
        return (k >= hit.end and k > 0 and words[k - 1].lower() in self.period_openers
                and any(w.lower() == "yang" for w in words[hit.end:k]))

    def _period_of(self, d: DateMention, words: list[str], starts: list[int],
                   hit: TriggerHit) -> bool:
        """Whether a month or year expression dates the trigger's clause: it follows "sejak"
        or "pada" (with "awal"/"pertengahan"/"akhir" between), and either opens the sentence
        (after sentence adverbs: "Sebelumnya , pada Maret , ...") or stands after the trigger
        with no clause boundary, relative "yang" or comma between; or, without an opener,
        it opens the sentence set off by a comma before the trigger ("Juni lalu , Dalai
        Lama bertemu ..."), or stands between the subject and the verb ("Qatar bulan lalu
        menuding ...")."""
        k = bisect.bisect_left(starts, d.span[0])
        end = bisect.bisect_left(starts, d.span[1])
        if k > 0 and end <= hit.start and all(
                w.lower() in self.aspect for w in words[end:hit.start]) and words[
                k - 1].lower() not in self.not_before_month:
            # between the subject and its verb: "Qatar bulan lalu menuding Saudi ..."
            return True
        j = k - 1
        while j >= 0 and words[j].lower() in self.period_parts:
            j -= 1

        def fronted(i: int) -> bool:
            return all(w.lower() in self.sentence_adverbs for w in words[:i])

        if j < 0 or words[j].lower() not in self.period_openers:
            end = bisect.bisect_left(starts, d.span[1])
            return (end < len(words) and words[end] == "," and end <= hit.start
                    and fronted(j + 1))
        if fronted(j):
            return True
        between = [w.lower() for w in words[hit.end:j]]
        return k >= hit.end and not any(
            w in self.boundaries or w in ("yang", ",") for w in between)


_QUOTES = frozenset({'"', "“", "”"})
"""Quotation marks that open or close direct speech."""


def _one_per_reading(scored: list[tuple[Event, tuple[str, ...]]]
                     ) -> list[tuple[Event, tuple[str, ...]]]:
    """One event per trigger, root and resolved pair, the surest: "Kini, Hamas mengklaim
    mereka menahan dua tentara Israel" reads Hamas → Israel through "Hamas" and through
    "mereka"; the two are one event."""
    def key(e: Event) -> tuple[object, ...]:
        def who(a: Actor | None) -> tuple[object, ...]:
            return (None,) if a is None else (a.id or a.name, a.country, a.sector)
        return (e.sentence_span, e.action.trigger_span, e.action.root, who(e.actor),
                who(e.target))

    best: dict[tuple[object, ...], int] = {}
    for i, (e, _) in enumerate(scored):
        k = key(e)
        if k not in best or (e.confidence or 0.0) > (scored[best[k]][0].confidence or 0.0):
            best[k] = i
    keep = set(best.values())
    return [x for i, x in enumerate(scored) if i in keep]


_POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "LEG", "JUD", "OPP", "PTY", "REB", "INS", "IGO", "SPY", "SEP"})


_NON_POLITICAL_SECTORS = frozenset(
    {"BUS", "MED", "EDU", "HLH", "REL", "LAB", "AGR", "ENV", "NGO", "MUS", "CHR", "JEW", "BUD",
     "HIN"})
"""Sectors of actors that make no event political by themselves (GUIDELINES: companies,
clubs, media); civilians and refugees of a state are political actors ("warga sipil
Gaza")."""


def _of_story(a: Actor, country: str | None) -> Actor:
    """``a`` with the story's country when it is a named person or organisation that the
    gazetteer does not know ("Himpunan Mahasiswa Islam (HMI)" in an Indonesian story)."""
    return a.model_copy(update={"country": country}) if country and _unknown_named(a) else a


def _official(a: Actor) -> bool:
    """A state, an IGO, or an actor in a political sector (government, military, police,
    parliament, courts, parties, rebels ...)."""
    return (a.kind in ("state", "IGO") and a.sector in (None, *_POLITICAL_SECTORS)) or (
        a.sector in _POLITICAL_SECTORS)


def _political(a: Actor) -> bool:
    """An actor an event can hold: a named entity, or a role with a country."""
    return bool(a.name or a.country or a.sector == "IGO")


def _political_pair(a: Actor, b: Actor) -> bool:
    """GUIDELINES: events between non-political actors (students, schools, companies) are
    not political events unless a named or state actor is on one side."""
    def strong(x: Actor) -> bool:
        # a gazetteer entity, or an actor placed in a state (an untitled name the gazetteer
        # does not know is not enough: "Apple dan Samsung saling menggugat"); a company, a
        # medium or an NGO is none even when the gazetteer knows it ("Huawei menggandeng
        # PT Erajaya")
        if x.sector in _NON_POLITICAL_SECTORS:
            return False
        return x.id is not None or (x.sector in _POLITICAL_SECTORS and (
            x.name is not None or x.country is not None)) or (
            x.country is not None and x.name is not None)

    return strong(a) or strong(b)


def _key(a: Actor) -> object:
    """What makes two actors the same for reference: entity id, name, else country and role."""
    return a.id or a.name or (a.country, a.sector)


def _referred(a: Actor, m: Mention) -> Actor:
    """``a`` as the referent of the pronoun or description ``m`` (its words and span)."""
    return a.model_copy(update={"mention": m.actor.mention, "span": m.actor.span,
                                "coref": True})


def _alike(a: Actor, b: Actor) -> bool:
    """Whether two actors may be one: the same entity, or the same role of one state where
    either is unnamed ("polisi" and "Indonesian National Police")."""
    return _key(a) == _key(b) or _same_entity(a, b) or (
        (a.name is None or b.name is None) and a.sector is not None
        and (a.country, a.sector) == (b.country, b.sector))


def _same_entity(a: Actor, b: Actor) -> bool:
    if a.id and a.id == b.id:
        return a.sector == b.sector
    return bool(a.name and a.name == b.name)


@Language.factory("geoevents_resolver",
                  default_config={"min_confidence": 0.0, "gazetteer": []},
                  requires=["doc._.geoevents"],
                  assigns=["doc._.geoevents", "doc._.events", "doc.spans"])
def make_resolver(nlp: Language, name: str, min_confidence: float,
                  gazetteer: list[str]) -> ResolveStage:
    """Factory of the resolution stage; events below ``min_confidence`` are dropped;
    ``gazetteer`` lists the actor stage's extra gazetteer files."""
    prepare(nlp)
    return ResolveStage(min_confidence, gazetteer)


def _named_actors(st: WorkState, text: str) -> Iterator[Actor]:
    """The actors named in the text (no pronouns), with their mentions as written."""
    for ms in st.mentions or []:
        for m in ms:
            if m.pronoun is None:
                yield m.actor.model_copy(
                    update={"mention": text[m.actor.span[0]:m.actor.span[1]]})


def _dates(st: WorkState, text: str) -> Iterator[DateMention]:
    for ds in st.dates or []:
        for d in ds:
            yield d.model_copy(update={"text": text[d.span[0]:d.span[1]]})


def _with_mentions(e: Event, text: str) -> Event:
    def fix(a: Actor | None) -> Actor | None:
        if a is None:
            return None
        return a.model_copy(update={"mention": text[a.span[0]:a.span[1]]})

    return e.model_copy(update={"actor": fix(e.actor), "target": fix(e.target)})
