"""The event engine: trigger hits plus actor mentions → (actor, action, target) triples.

One general procedure, driven by each trigger's frame (where its target is marked) and the
grammar words in ``resources/id/grammar.yaml``:

* active voice: the actor is the nearest actor group before the trigger in the same clause,
  the target the group after it or after one of its prepositions
  ("Taliban bertemu dengan pejabat Uni Eropa dan AS");
* passive (di-): the target is before the verb, the actor after "oleh" or right after it
  ("Iran dikecam oleh Prancis");
* nominalisation: the actor follows the noun ("serangan Israel ke Gaza") or is the subject
  of a light verb before it;
* coordination on either side gives one event per pair; negation sets ``negated``; intent
  words ("akan", "berjanji") turn the code into CAMEO's intent codes; conditionals,
  questions and sports or business sentences give nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from ..models import Actor
from ..resources.gazetteer import fold
from ..resources.lexicon import Grammar, Lexicon, TriggerHit
from ..resources.morph import analyses
from ..resources.morph import verb_like as _verb_like
from .actors import Mention
from .ranker import Ranker

_ATTACK_ROOTS = ("18", "19", "20")  # assault, fight, mass violence
_CLITIC = "nya"
CLITIC = "clitic"
"""The pronoun kind of a verb's object clitic ("menyambutnya")."""

Parse = tuple[list[int], list[str]]
"""Each token's head (index in the sentence, -1 for the root) and UD relation."""


@dataclass(frozen=True)
class RawEvent:
    """An event before document-level reference resolution and dating."""

    actor: Mention | None
    target: Mention
    hit: TriggerHit
    cameo: str
    negated: bool
    rule: str
    prob: float | None = None
    """The role ranker's probability of this actor–target pair for the trigger, where it
    scored the trigger (a feature of :mod:`geoevents.components.confidence`)."""


@dataclass(frozen=True)
class _Tree:
    """A sentence's dependency parse, read for the mentions that fill a trigger's roles."""

    heads: list[int]
    deps: list[str]
    kids: dict[int, list[int]]
    lower: list[str]
    ms: Sequence[Mention]

    @classmethod
    def of(cls, parse: Parse, lower: list[str], ms: Sequence[Mention]) -> _Tree:
        """The tree of ``parse``, with each token's dependents in order."""
        heads, deps = parse
        kids: dict[int, list[int]] = {}
        for k, h in enumerate(heads):
            kids.setdefault(h, []).append(k)
        return cls(heads, deps, kids, lower, ms)

    def child(self, v: int, rels: tuple[str, ...]) -> int | None:
        """The first dependent of ``v`` in one of the relations ``rels``."""
        return next((c for c in self.kids.get(v, []) if self.deps[c] in rels), None)

    def case_of(self, c: int) -> str | None:
        """The word of ``c``'s ``case`` dependent (its preposition), or None."""
        k = self.child(c, ("case",))
        return self.lower[k] if k is not None else None

    def mention(self, tok: int) -> Mention | None:
        """The mention at ``tok``, or one inside the phrase it heads."""
        for m in self.ms:
            if m.start <= tok < m.end:
                return m
        for c in self.kids.get(tok, []):  # "kebijakan AS": the possessor inside the phrase
            if self.deps[c] in ("nmod", "nmod:poss", "flat", "flat:name", "compound", "appos"):
                got = self.mention(c)
                if got is not None:
                    return got
        return None

    def group(self, tok: int | None) -> list[Mention]:
        """The mentions of ``tok``'s phrase and of the phrases coordinated with it."""
        if tok is None:
            return []
        out: list[Mention] = []
        todo = [tok]
        seen: set[int] = set()
        while todo:
            k = todo.pop(0)
            if k in seen:
                continue
            seen.add(k)
            m = self.mention(k)
            span = [k]
            if m is not None:
                if m not in out:
                    out.append(m)
                span = list(range(m.start, m.end))
            # coordination may hang on any word of the phrase ("pejabat Uni Eropa dan AS")
            todo.extend(c for w in span for c in self.kids.get(w, []) if self.deps[c] == "conj")
        return out


class EventEngine:
    """Apply the lexicon to one sentence at a time."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar, ranker: Ranker | None = None
                 ) -> None:
        self.lexicon = lexicon
        self.g = grammar
        self.ranker = ranker
        """Reads the roles of triggers the rules leave empty
        (:mod:`geoevents.components.ranker`)."""
        # the grammar's words, folded once for all components (lexicon.FoldedGrammar)
        w = grammar.folded()
        self._neg = w.phrases("negation")
        self._neg_words = w.single("negation")
        self._intent = w.phrases("intent")
        self._cond = w.words("conditional")
        self._irrealis = w.phrases("irrealis")
        self._bound = w.words("clause_boundaries")
        self._coord = w.words("coordinators")
        self._conj = w.words("conjunctions")
        self._fronting_fill = w.words("fronting_fillers")
        self._agent = w.words("passive_agent")
        self._det = w.words("determiners")
        self._cont = w.words("continuations")
        self._prep = w.words("prepositions")
        self._mutual = w.words("reciprocal")
        self._between_words = w.words("between")
        self._comitative = w.phrases("comitative")
        self._quant = w.phrases("quantifiers")
        self._purpose = w.words("purpose")
        self._fronting = w.words("fronting")
        self._speech = w.words("speech_verbs")
        self._aspect = w.words("aspect")
        self._reporting = w.words("reporting")
        self._casualty = w.phrases("casualties")
        self._attack_rel = w.words("attack_relatives")
        self._held = w.words("held_by")
        self._harming = w.words("harming")
        self._governing = set(grammar.governing_roots)
        self._discard = w.phrases("discard")
        self._appo = w.phrases("apposition")
        self._appo_fill = w.words("apposition_fillers")
        self._intent_codes = sorted(grammar.intent_codes.items(), key=lambda kv: -len(kv[0]))

    # -- public -------------------------------------------------------------------------

    def sentence(self, words: Sequence[str], mentions: Sequence[Mention], *,
                 parse: Parse | Callable[[], Parse | None] | None = None,
                 starts: Sequence[int] | None = None) -> list[RawEvent]:
        """Events of one sentence; ``mentions`` use token positions within ``words``.

        With ``parse`` (each token's head and UD relation, or a function that computes it
        when first needed), a trigger whose roles the shallow rules cannot find takes them
        from the dependency tree. With ``starts`` (each token's character offset), an active
        verb's object clitic is its target: a pronoun mention of kind :data:`CLITIC` over
        the clitic's characters ("polisi menetapkannya sebagai tersangka"), which the
        caller resolves with the sentence's other mentions.
        """
        out, groups = self._sentence(words, mentions, parse, starts)
        if self.ranker is not None:
            out = self._rank(words, mentions, out, groups)
        return self._dedupe(self._listed(out, [fold(w) for w in words], mentions))

    @staticmethod
    def _clitics(hits: list[TriggerHit], words: Sequence[str], starts: Sequence[int]
                 ) -> dict[int, Mention]:
        """The object clitic of each active trigger verb that takes an object ("Raja Salman
        menyambutnya": "-nya" is the one welcomed), by the verb's position."""
        out: dict[int, Mention] = {}
        for hit in hits:
            w = words[hit.head]
            t = hit.trigger.trigger
            if (hit.voice == "active" and "obj" in t.target and not t.inverse
                    and fold(w).endswith(_CLITIC) and not fold(t.lemma).endswith(_CLITIC)
                    and hit.head == hit.end - 1 and hit.head not in out):
                end = starts[hit.head] + len(w)
                out[hit.head] = Mention(hit.head, hit.head + 1, Actor(
                    mention=w[-len(_CLITIC):], span=(end - len(_CLITIC), end)), CLITIC)
        return out

    def _listed(self, raws: list[RawEvent], lower: list[str], ms: Sequence[Mention]
                ) -> list[RawEvent]:
        """Each event of a noun that a list after it names, once per member: "KPK menahan
        dua tersangka, yaitu Andi dan Budi" is an arrest of Andi and one of Budi."""
        out: list[RawEvent] = []
        for r in raws:
            actors: list[Mention | None] = [r.actor]
            if r.actor is not None:
                actors = [*self._members(r.actor, r.hit, lower, ms)] or actors
            targets = self._members(r.target, r.hit, lower, ms) or [r.target]
            if actors == [r.actor] and targets == [r.target]:
                out.append(r)  # also a two-way reading of one mention ("kedua negara")
                continue
            out.extend(replace(r, actor=a, target=t) for a in actors for t in targets
                       if a is None or (a is not t and not _same(a, t)))
        return out

    def _members(self, m: Mention, hit: TriggerHit, lower: list[str], ms: Sequence[Mention]
                 ) -> list[Mention]:
        """The mentions of the list that a grammar ``apposition`` word opens after the
        counted noun ``m`` ("dua tersangka, yaitu A dan B"; "beberapa warga asing, antara
        lain A dan B"), or none; a list that runs into the trigger is none of ``m``'s. A
        name's list is of a longer phrase: "lokasi yang dikunjungi Raja Salman, yakni
        Jakarta dan Bali" lists no Salmans."""
        if m.actor.name is not None or m.pronoun is not None or not self._counted(
                lower[:m.start]):
            return []
        opened = self._list_start(lower, m.end, 2)
        if opened is None:
            return []
        k = opened[0]
        first = next((o for o in ms if o.start == k), None)
        if first is None or hit.start <= k < hit.end:
            return []
        members = self._right_group(first, lower, ms)
        return [o for o in members if not (o.start < hit.start < o.end)
                and (o.end <= hit.start) == (m.end <= hit.start)]

    def _rank(self, words: Sequence[str], mentions: Sequence[Mention], out: list[RawEvent],
              groups: list[tuple[TriggerHit, bool, bool, int]]) -> list[RawEvent]:
        """The ranker's readings of the trigger words the rules leave empty, and the rules'
        readings without those the ranker finds unlikely."""
        assert self.ranker is not None
        lower = [fold(w) for w in words]
        drop: set[int] = set()
        added: list[RawEvent] = []
        model = self.ranker.model
        prob: dict[int, float] = {}  # id of a rules' reading -> the ranker's probability
        for hit, ok, fired, head in groups:
            raws = [r for r in out if r.hit.head == head and r.actor is not None]
            if fired and not raws:
                continue  # a word governed by another trigger ("menolak tawaran dialog")
            if not fired and not ok:
                # an entry's object words name its sense: "menampik tawaran" (120) is read,
                # "menampik tuduhan" is not
                continue
            pairs = {(id(r.actor), id(r.target)) for r in raws}
            cands = self.ranker.candidates(hit, ok, words, lower, mentions,
                                           self.slots(hit, lower, mentions), pairs)
            if fired:
                scored = {(id(c.actor), id(c.target)): self.ranker.probability(c.features)
                          for c in cands}
                for r in raws:
                    if (id(r.actor), id(r.target)) in scored:
                        prob[id(r)] = scored[id(r.actor), id(r.target)]
                drop.update(id(r) for r in raws if prob.get(id(r), 1.0) < model.keep)
                continue
            best = self.ranker.best(cands)
            if best is None:
                continue
            c, p = best
            scored = {(id(x.actor), id(x.target)): self.ranker.probability(x.features)
                      for x in cands}
            added.extend(replace(self._raw(hit, a, t, lower, "ranker"),
                                 prob=scored.get((id(a), id(t)), p))
                         for a, t in self.expanded(hit, c.actor, c.target, lower, mentions)
                         if (id(a), id(t)) not in pairs)
        return [replace(r, prob=prob.get(id(r))) for r in out if id(r) not in drop] + added

    def expanded(self, hit: TriggerHit, actor: Mention, target: Mention, lower: list[str],
                 ms: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
        """The ranker's pair with the lists it stands in: a target followed by coordinated
        mentions ("bekerja sama dengan Rusia, China dan Iran") and an actor before the
        trigger closing a list ("Rusia dan China mengecam ...") give one pair per member."""
        actors = self._list_of(actor, hit, lower, ms)
        targets = self._list_of(target, hit, lower, ms)
        return [(a, t) for a in actors for t in targets
                if a is not t and not _same(a, t) and not (a.actor.name
                                                           and a.actor.name == t.actor.name)]

    def _list_of(self, m: Mention, hit: TriggerHit, lower: list[str], ms: Sequence[Mention]
                 ) -> list[Mention]:
        """The coordinated mentions ``m`` stands among, on its side of the trigger: "Rusia,
        China dan Iran" for any of the three."""
        group = [*self._extend_left(m, lower, ms)[:-1], *self._right_group(m, lower, ms)]
        before = m.end <= hit.start
        return [o for o in group if (o.end <= hit.start) == before
                and (before or o.start >= hit.end)]

    def readings(self, words: Sequence[str], mentions: Sequence[Mention]) -> tuple[
            list[RawEvent], list[tuple[TriggerHit, bool, bool]]]:
        """The rules' events and each trigger word's hit (one per word and root): whether
        its entry's object words are there and whether the rules gave it an event."""
        out, groups = self._sentence(words, mentions, None)
        return out, [(h, ok, fired) for h, ok, fired, _ in groups]

    def slots(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention]
              ) -> dict[str, set[int]]:
        """The mentions (by ``id``) each of the rules' slot readers would take for ``hit``:
        the subject group before it, the object after it, the target of its frame, the
        passive agent, and the frame's preposition right before a mention."""
        t = hit.trigger.trigger
        frame = {fold(w) for w in t.target if w != "obj"}
        return {
            "subject": {id(m) for m in self._left_group(hit.start, lower, ms)},
            "object": {id(m) for m in self._obj(hit.end, lower, ms, head=hit.head)},
            "frame": {id(m) for m in self._targets(t.target, hit.end, lower, ms,
                                                    head=hit.head)},
            "agent": {id(m) for m in self._after(hit.end, lower, ms, self._agent, window=6)},
            "marked": {id(m) for m in ms if m.start > 0 and lower[m.start - 1] in frame},
        }

    def _raw(self, hit: TriggerHit, actor: Mention, target: Mention, lower: list[str],
             how: str) -> RawEvent:
        t = hit.trigger.trigger
        cameo = t.cameo
        if self._window_has(lower, hit.start, self._intent) and not cameo.startswith("03"):
            cameo = self._intent_code(cameo)
        return RawEvent(actor, target, hit, cameo,
                        self._window_has(lower, hit.start, self._neg),
                        f"{t.id}/{hit.voice}+{how}")

    def _sentence(self, words: Sequence[str], mentions: Sequence[Mention],
                  parse: Parse | Callable[[], Parse | None] | None,
                  starts: Sequence[int] | None = None) -> tuple[
                      list[RawEvent], list[tuple[TriggerHit, bool, bool, int]]]:
        """The rules' events of one sentence, and one hit per trigger word and root (with
        whether its entry's object words are there and whether the rules read it)."""
        lower = [fold(w) for w in words]
        if not mentions or self._has(lower, self._discard):
            return [], []
        question = any(w == "?" for w in lower[-3:])
        if question:
            return [], []
        covered = {k for m in mentions for k in range(m.start, m.end)}
        out: list[RawEvent] = []
        used_heads: set[int] = set()
        hits = self._ordered_hits(words, lower)
        clitic_at = self._clitics(hits, words, starts) if starts is not None else {}
        governed: set[int] = set()  # nouns that are the object of a request or a refusal
        prev: tuple[TriggerHit, list[Mention]] | None = None  # the last verb and its actors
        for hit in hits:
            if hit.head in covered or hit.head in used_heads:
                continue
            if hit.head in governed:
                continue
            if self._unasserted(hit, lower):
                continue
            if not self._object_ok(hit, lower, mentions):
                continue
            evs = self._events(hit, lower, mentions, parse, prev,
                               clitic_at.get(hit.head) if hit.voice == "active" else None)
            if evs:
                # the whole match: "menghentikan kerja sama" holds no cooperation of its own
                used_heads.update(range(hit.start, hit.end))
                out.extend(evs)
                if hit.voice in ("active", "middle"):
                    prev = (hit, [ev.actor for ev in evs if ev.actor is not None])
                if hit.voice != "nominal" and evs[0].cameo[:2] in self._governing:
                    # "menolak tawaran dialog", "mendesak China membebaskan Liu": what is
                    # asked for or refused is not an event that happened
                    end = max(ev.target.end for ev in evs)
                    governed.update(range(hit.end, max(hit.end + 3, end + 4)))
        return out, self._hit_groups(hits, lower, mentions, covered, used_heads, governed)

    def _ordered_hits(self, words: Sequence[str], lower: list[str]) -> list[TriggerHit]:
        """The lexicon's trigger hits in the order the rules read them."""
        # verbs before nouns; at one word, the entry whose object word comes first
        # ("mengancam Mesir dengan penghentian bantuan militer": bantuan, not militer)
        found = self.lexicon.find(words)
        # a compound whose last words open a longer entry gives way to it: "melancarkan
        # serangan teror" is a terror attack (180), not the attack of "melancarkan serangan"
        found = [h for h in found if not any(
            h.start < o.start < h.end < o.end and o.voice != "bare"
            and o.end - o.start == len(o.trigger.rest) + 1
            and not any(w in self._prep for w in lower[h.end:o.end]) for o in found)]
        return sorted(found, key=lambda h: (
            h.voice == "nominal", h.head,
            self._object_pos(h, lower) if h.trigger.trigger.object_words else 100))

    def _hit_groups(self, hits: list[TriggerHit], lower: list[str], mentions: Sequence[Mention],
                    covered: set[int], used_heads: set[int], governed: set[int]
                    ) -> list[tuple[TriggerHit, bool, bool, int]]:
        """One hit per word and root, for the ranker: the first whose object words are
        there, with whether they are and whether the rules read (or governed) its word."""
        groups: dict[tuple[int, str], tuple[TriggerHit, bool, bool, int]] = {}
        for hit in hits:
            if hit.head in covered or self._unasserted(hit, lower):
                continue
            key = (hit.head, hit.trigger.trigger.cameo[:2])
            ok = self._object_ok(hit, lower, mentions)
            fired = hit.head in used_heads or hit.head in governed
            if key not in groups or (ok and not groups[key][1]):
                groups[key] = (hit, ok, fired, hit.head)
        return list(groups.values())

    @staticmethod
    def _dedupe(events: list[RawEvent]) -> list[RawEvent]:
        """One event per (actor, target, root) in a sentence; verbs win over nouns."""
        def key(m: Mention | None) -> tuple[object, ...]:
            if m is None:
                return (None,)
            a = m.actor
            return (a.id or a.name, a.country, a.sector, m.pronoun)

        seen: set[tuple[object, ...]] = set()
        kept = []
        for ev in events:
            k = (key(ev.actor), key(ev.target), ev.cameo[:2])
            if k in seen and ev.actor is not None:
                continue
            seen.add(k)
            kept.append(ev)
        return sorted(kept, key=lambda ev: (ev.hit.start, ev.target.start))

    # -- frame --------------------------------------------------------------------------

    def _events(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                parse: Parse | Callable[[], Parse | None] | None = None,
                prev: tuple[TriggerHit, list[Mention]] | None = None,
                clitic: Mention | None = None) -> list[RawEvent]:
        shallow = self._events_(hit, lower, ms, None, prev, clitic)
        if shallow or parse is None:
            return shallow
        # the shallow rules found no roles: the parse may ("DPR meminta waktu konsultasi
        # dengan Presiden ...": obl "dengan Presiden" under "meminta")
        tree = parse() if callable(parse) else parse
        return self._events_(hit, lower, ms, tree, prev, clitic) if tree is not None else []

    def _events_(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                 parse: Parse | None = None,
                 prev: tuple[TriggerHit, list[Mention]] | None = None,
                 clitic: Mention | None = None) -> list[RawEvent]:
        """The events of one trigger: the roles its voice and frame mark (or ``parse``), the
        roles read further off where those are empty, then one event per pair. A verb's
        object clitic is its target ("menetapkannya sebagai tersangka": not "tersangka")."""
        left = self._subject_before(hit, lower, ms, prev)
        read = self._roles(hit, lower, ms, left, parse)
        if read is None:
            return []
        found, targets, voice, light_subject = read
        found, targets = self._roles_elsewhere(hit, lower, ms, voice, found, targets)
        if clitic is not None and voice == "active":
            targets = [clitic]
        actors: list[Mention] | None = found
        if not found and self._zero_subject(hit.start, lower):
            actors = None  # filled from the previous sentence
        elif not found:
            return []
        mutual = self._mutual_before(hit, lower)
        reciprocal = self._reciprocal_events(hit, lower, voice, actors, targets, mutual,
                                             light_subject)
        if reciprocal is not None:
            return reciprocal
        if actors and self._reciprocal_subject(hit, voice, actors, targets, mutual,
                                               light_subject):
            # "Indonesia dan Malaysia melakukan kerja sama": a coordinated subject of a light
            # verb with a reciprocal noun acts like the subject of the verb itself
            actors, targets = actors[:1], actors[1:]
        if not targets:
            return []
        return self._pair_events(hit, lower, voice, actors, targets)

    def _subject_before(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                        prev: tuple[TriggerHit, list[Mention]] | None) -> list[Mention]:
        """The subject group before the trigger; a verb coordinated with an earlier one
        takes that verb's subject."""
        left = self._left_group(hit.start, lower, ms)
        if hit.voice not in ("active", "middle"):
            return left
        shared = self._previous_verb_subject(hit, lower, left, prev)
        if shared:
            return shared
        return self._coordinated_subject(hit, lower, ms) or left

    def _previous_verb_subject(self, hit: TriggerHit, lower: list[str], left: list[Mention],
                               prev: tuple[TriggerHit, list[Mention]] | None
                               ) -> list[Mention]:
        """The actors of the previous verb, where a conjunction or comma joins this verb to
        it with no other subject, verb or "yang" between; or none."""
        if prev is None or not prev[1]:
            return []
        k = hit.start
        while k > 0 and lower[k - 1] in self._det:
            k -= 1  # "..., bahkan selalu mendesak": adverbs before the verb
        if (k > 0 and (lower[k - 1] in self._conj or lower[k - 1] == ",")
                and (not left or (left[0].start >= prev[0].end and left[-1].end < k))
                and not any(_verb_like(w) or w == "yang"
                            for w in lower[prev[0].end:k - 1])):
            # coordinated verbs share their subject: "Gerilyawan membunuh dua polisi dan
            # menculik empat orang" (not "polisi ... menculik")
            return list(dict.fromkeys(prev[1]))
        return []

    def _roles(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
               left: list[Mention], parse: Parse | None
               ) -> tuple[list[Mention], list[Mention], str, bool] | None:
        """Actors and targets as the trigger's voice marks them, with the voice they are read
        in and whether the actors are a light verb's subject; None for a modifier."""
        t = hit.trigger.trigger
        voice = hit.voice
        roles = self._parse_roles(hit, lower, ms, parse) if parse is not None else None
        if roles is not None:
            actors, targets = roles
            return actors, targets, f"{voice}+parse", False
        if voice == "passive":
            actors, targets = self._passive_roles(hit, lower, ms, left)
            return actors, targets, voice, False
        if voice == "nominal" or (voice == "bare" and t.nominal and self._noun_reading(
                hit, lower, ms, left)):
            actors, targets, light_subject = self._nominal_roles(hit, lower, ms, left)
            return actors, targets, "nominal", light_subject
        if voice == "bare" and self._modifier(hit, lower, left):
            return None
        actors, targets = self._active_roles(hit, lower, ms, left)
        return actors, targets, voice, False

    def _passive_roles(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                       left: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """A passive verb's roles: the target is before it, the actor after "oleh" or right
        after the verb ("Iran dikecam oleh Prancis")."""
        actors = self._after(hit.end, lower, ms, self._agent, window=6) or self._obj(
            hit.end, lower, ms)
        return actors, left

    def _active_roles(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                      left: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """An active verb's roles: the subject before it acts on the group its frame marks
        after it (the other way round for an ``inverse`` entry)."""
        t = hit.trigger.trigger
        actors = left
        targets = self._targets(t.target, hit.end, lower, ms, head=hit.head)
        if t.inverse:
            actors, targets = targets, actors
        return actors, targets

    def _nominal_roles(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                       left: list[Mention]) -> tuple[list[Mention], list[Mention], bool]:
        """A noun's roles, and whether the actors are the subject of a light verb before it."""
        # "serangan Israel ke Gaza", "kerja sama militer Rusia dengan Korea Utara": the
        # actor follows the noun (one modifier may come between); "Israel melancarkan
        # serangan ke Gaza": a light verb between the subject and the noun
        t = hit.trigger.trigger
        frame = [*t.target, *self.g.nominal_targets]
        gen = self._obj(hit.end, lower, ms, slack=1, head=hit.head)
        agent = self._after(hit.end, lower, ms, self._agent, window=5)
        victims = self._victims(hit, lower, ms) if t.cameo[:2] in _ATTACK_ROOTS else []
        if victims:
            # "Dua warga Palestina tewas dalam serangan udara yang dilancarkan Israel"
            attacker = gen or self._after(hit.end, lower, ms, self._attack_rel, window=5)
            return attacker, victims, False
        if agent:
            # "penangkapan aktivis Myanmar oleh junta": the noun's complement is the
            # target, the agent follows "oleh"
            return agent, [m for m in gen if m not in agent], False
        if gen:
            actors, targets = self._complement_roles(hit, lower, ms, left, gen, frame)
            return actors, targets, False
        actors, targets = self._light_verb_roles(hit, lower, ms, left, frame)
        return actors, targets, bool(actors)

    def _complement_roles(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                          left: list[Mention], gen: list[Mention], frame: list[str]
                          ) -> tuple[list[Mention], list[Mention]]:
        """The roles of a noun with a complement ``gen``: it acts on the target marked after
        it, or on whom the verb of harm after it names, or (a peN-an noun) is acted upon."""
        after = self._targets(frame, gen[-1].end, lower, ms, no_obj=True, window=3)
        if not after and self._patient_noun(hit, lower):
            # with no target marked after it, a peN-an noun names the act done to
            # its complement: "Pakistan mengumumkan pengusiran diplomat India" (India's
            # diplomat is expelled); "pengeboman Rusia terhadap Ukraina" is Russia's
            actors = left if left and hit.start - left[-1].end <= 1 else []
            return actors, gen
        return gen, after or self._harmed(hit, gen[-1].end, lower, ms)

    def _light_verb_roles(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                          left: list[Mention], frame: list[str]
                          ) -> tuple[list[Mention], list[Mention]]:
        """The roles of a noun with no complement: the subject of a light verb right before
        it acts on the target its frame marks after it."""
        # the noun right after the light verb (and its determiners), not a modifier
        # of another noun: "menjelaskan aturan ekstradisi" reports no extradition
        gap = lower[left[-1].end:hit.start] if left else []
        light = not gap or _verb_like(gap[-1]) or gap[-1] in self._det or (
            gap[-1],) in self._quant
        actors = left if left and len(gap) <= 3 and light else []
        targets = self._targets(frame, hit.end, lower, ms, no_obj=True, window=3)
        return actors, targets

    def _roles_elsewhere(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                         voice: str, actors: list[Mention], targets: list[Mention]
                         ) -> tuple[list[Mention], list[Mention]]:
        """Roles the trigger's own markers leave empty, read further off: the holder of the
        place attacked, the first of a "between" phrase, a fronted clause's main subject."""
        t = hit.trigger.trigger
        if not targets and actors and voice in ("active", "middle", "nominal", "bare") and (
                t.cameo[:2] in _ATTACK_ROOTS):
            targets = self._held_by(hit, lower, ms)
        if (not actors and voice != "passive" and len(targets) >= 2
                and self._between(targets[0], lower)):
            # "baku tembak antara pasukan Pakistan dan India", "pertemuan antara X dan Y":
            # the first named acts on the others (the reverse reading is the optional one)
            actors, targets = targets[:1], targets[1:]
        if not actors and voice in ("active", "middle", "nominal", "bare"):
            actors = self._fronted_subject(hit, lower, ms, targets)
        return actors, targets

    def _mutual_before(self, hit: TriggerHit, lower: list[str]) -> bool:
        """Whether a reciprocal word ("saling") stands in the two words before the trigger."""
        return any(w in self._mutual for w in lower[max(0, hit.start - 2):hit.start])

    def _reciprocal_events(self, hit: TriggerHit, lower: list[str], voice: str,
                           actors: list[Mention] | None, targets: list[Mention], mutual: bool,
                           light_subject: bool) -> list[RawEvent] | None:
        """The events of a two-way reading, or None: a pair acting on itself, or each of a
        coordinated subject on the others."""
        t = hit.trigger.trigger
        if ((mutual or (not targets and t.reciprocal)) and voice != "nominal" and actors
                and len(actors) == 1 and actors[0].pronoun in ("pair", "pair_state")):
            # "Kedua negara saling mengusir diplomat", "Keduanya bertemu": the pair is resolved
            # later; actor and target are the same mention
            tag = "+mutual" if mutual else "+reciprocal"
            return [RawEvent(actors[0], actors[0], hit, t.cameo,
                             self._window_has(lower, hit.start, self._neg), f"{t.id}/{voice}{tag}")]
        if mutual and actors and self._reciprocal_subject(hit, voice, actors, targets, mutual,
                                                          light_subject):
            # "Baik India maupun Pakistan saling tuding": both directions
            pairs = [(a, b) for a in actors for b in actors if a is not b]
            return [RawEvent(a, b, hit, t.cameo, self._window_has(lower, hit.start, self._neg),
                             f"{t.id}/{voice}+mutual") for a, b in pairs]
        return None

    @staticmethod
    def _reciprocal_subject(hit: TriggerHit, voice: str, actors: list[Mention],
                            targets: list[Mention], mutual: bool, light_subject: bool) -> bool:
        """Whether a coordinated subject with no target is the two sides of a reciprocal
        trigger (a noun's only where they are the subject of its light verb)."""
        t = hit.trigger.trigger
        return bool(not targets and (t.reciprocal or mutual)
                    and (voice != "nominal" or light_subject) and len(actors) > 1)

    def _pair_events(self, hit: TriggerHit, lower: list[str], voice: str,
                     actors: list[Mention] | None, targets: list[Mention]) -> list[RawEvent]:
        """One event per actor and target (None for an actor the next stage fills), negated
        and coded as intent by the words before the trigger or after its actors."""
        t = hit.trigger.trigger
        lo = max(a.end for a in actors) if actors and voice != "nominal" else hit.start
        negated = self._window_has(lower, hit.start, self._neg)
        cameo = t.cameo
        if (self._window_has(lower, hit.start, self._intent) or self._has(
                lower[min(lo, hit.start):hit.start], self._intent)) and not cameo.startswith("03"):
            cameo = self._intent_code(cameo)
        rule = f"{t.id}/{voice}"
        out = []
        sources: list[Mention | None] = list(actors) if actors else [None]
        for a in sources:
            for tg in targets:
                if a is not None and (a is tg or _same(a, tg)):
                    continue
                out.append(RawEvent(a, tg, hit, cameo, negated, rule))
        return out

    def _victims(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention]) -> list[
            Mention]:
        """The subject of a casualty word right before an attack noun ("X tewas dalam
        serangan ..."), or nothing."""
        lo = max(0, hit.start - 4)
        for k in range(hit.start - 1, lo - 1, -1):
            for sq in self._casualty:
                if tuple(lower[k:k + len(sq)]) == sq:
                    return self._left_group(k, lower, ms)
        return []

    @staticmethod
    def _patient_noun(hit: TriggerHit, lower: list[str]) -> bool:
        """Whether the trigger is a peN-an noun of a transitive verb ("penangkapan",
        "pengusiran", "pembunuhan"), whose complement is the one acted upon; "per-an" nouns
        of reciprocal verbs ("pertemuan", "perundingan") name the participants."""
        t = hit.trigger.trigger
        if t.reciprocal:
            return False
        return any(a.prefix in ("peN", "pe") and a.suffix == "an" and a.root == t.base
                   for a in analyses(lower[hit.head]))

    def _noun_reading(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                      left: list[Mention]) -> bool:
        """Whether a bare root is a noun here: no actor right before it ("Israel kritik PBB" is
        a headline verb), or an actor right after it ("kritik konstan Dewan HAM PBB")."""
        if not left:
            return True
        gap = lower[left[-1].end:hit.start]
        if not gap or (len(gap) == 1 and gap[0] not in self._prep and gap[0] not in self._bound
                       and not _verb_like(gap[0])):
            return False  # "Israel kritik PBB", "Israel juga kritik PBB"; not "Israel akibat
            # kritik Dewan HAM PBB", where a preposition makes "kritik" a noun
        if self._modifier(hit, lower, left):
            return True
        return bool(self._obj(hit.end, lower, ms, slack=1, head=hit.head))

    def _modifier(self, hit: TriggerHit, lower: list[str], left: list[Mention]) -> bool:
        """Whether a bare root modifies the plain noun before it, away from the subject:
        "Pengacara itu menjelaskan aturan ekstradisi" (extradition rules, no extradition)."""
        gap = lower[left[-1].end:hit.start] if left else []
        return len(gap) >= 2 and gap[-1].isalpha() and not _verb_like(gap[-1]) and (
            gap[-1] not in self._det and gap[-1] not in self._aspect
            and gap[-1] not in self._neg_words)

    def _parse_roles(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                     parse: Parse) -> tuple[list[Mention], list[Mention]] | None:
        """Actor and target groups from the dependency parse, or None when it lacks either.

        Active: the verb's ``nsubj`` (climbing ``xcomp`` to the governing verb, "Taliban
        setuju untuk bekerja dengan ..."), and its ``obj`` or an ``obl`` whose ``case`` is
        one of the trigger's prepositions. Passive: ``nsubj:pass`` is the target, the
        ``obl:agent`` (or the obl with "oleh") the actor. ``conj`` extends either side.
        Nominalisations keep the shallow rules.
        """
        if hit.voice == "nominal":
            return None
        tree = _Tree.of(parse, lower, ms)
        frame = [fold(w) for w in hit.trigger.trigger.target]
        v = hit.head
        if hit.voice == "passive":
            actors, targets = self._passive_parse_roles(v, tree)
        else:
            actors = tree.group(self._parse_subject(v, tree))
            targets = tree.group(self._parse_object(v, tree, frame))
        if not actors or not targets:
            return None
        return actors, targets

    @staticmethod
    def _passive_parse_roles(v: int, tree: _Tree) -> tuple[list[Mention], list[Mention]]:
        """A passive verb's actors (its ``obl:agent``, or the obl with "oleh") and targets
        (its ``nsubj:pass``)."""
        tgt = tree.child(v, ("nsubj:pass", "nsubj"))
        agent = tree.child(v, ("obl:agent",)) or next(
            (c for c in tree.kids.get(v, [])
             if tree.deps[c] == "obl" and tree.case_of(c) == "oleh"), None)
        return tree.group(agent), tree.group(tgt)

    @staticmethod
    def _parse_subject(v: int, tree: _Tree) -> int | None:
        """The active verb's ``nsubj``, or that of the verb it complements."""
        subj = tree.child(v, ("nsubj",))
        u = v
        while subj is None and tree.deps[u] in ("xcomp", "ccomp", "advcl") and tree.heads[u] >= 0:
            u = tree.heads[u]
            subj = tree.child(u, ("nsubj",))
        return subj

    @staticmethod
    def _parse_object(v: int, tree: _Tree, frame: list[str]) -> int | None:
        """The active verb's ``obj`` where its frame has one, else its first ``obl`` whose
        preposition is in the frame."""
        obj = tree.child(v, ("obj",)) if "obj" in frame else None
        if obj is None:
            for c in tree.kids.get(v, []):
                if tree.deps[c].startswith("obl") and tree.case_of(c) in frame:
                    obj = c
                    break
        return obj

    def _intent_code(self, cameo: str) -> str:
        for prefix, code in self._intent_codes:
            if cameo.startswith(prefix):
                return code if len(code) > 2 else code + "0"
        return cameo

    def _object_pos(self, hit: TriggerHit, lower: list[str]) -> int:
        """Where the first of the entry's object words occurs after it (99 if none)."""
        words = {fold(w) for w in hit.trigger.trigger.object_words}
        for k, w in enumerate(lower[hit.end:hit.end + 5]):
            if w in words or (w.endswith("nya") and w[:-3] in words):
                return k
        return 99

    def _object_ok(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention] = ()
                   ) -> bool:
        t = hit.trigger.trigger
        window = lower[hit.end:hit.end + 5]
        # a named object may stand between the verb and the words of its sense: "KPK
        # memanggil Menteri Hukum dan HAM Yasonna Laoly sebagai saksi"
        obj = next((m for m in ms if hit.end <= m.start <= hit.end + 2), None)
        if obj is not None and obj.end > hit.end + 3:
            window = window + lower[obj.end:obj.end + 4]
        if hit.voice == "passive":
            # the undergoer of a passive stands before it: "organisasi masyarakat Hizbut
            # Tahrir Indonesia dibubarkan", "Putusan itu ditolak oleh Beijing"
            k = hit.start
            while k > 0 and hit.start - k < 6 and lower[k - 1] not in self._bound and (
                    lower[k - 1] not in (",", ".", "yang")):
                k -= 1
            window = lower[k:hit.start] + window
        stems = {w[:-3] if w.endswith("nya") else w for w in window}
        phrase = " " + " ".join(window) + " "

        def found(words: list[str]) -> bool:
            # single words by form or stem, phrases ("klaim bahwa") as a word sequence
            return any(fold(w) in stems or (" " in w and f" {fold(w)} " in phrase)
                       for w in words)

        if t.object_words and not found(t.object_words):
            return False
        return not (t.not_object_words and found(t.not_object_words))

    # -- groups -------------------------------------------------------------------------

    def _left_group(self, pos: int, lower: list[str], ms: Sequence[Mention]) -> list[Mention]:
        """The subject group of the word at ``pos``: the noun a relative clause before it
        belongs to, the nearest group before it in its clause, or the sentence subject."""
        before = [m for m in ms if m.end <= pos and not self._in_pp(m, lower)]
        if not self._purpose_before(pos, lower):
            relative = self._relative_clause_head(pos, lower, ms, before)
            if relative:
                return relative
            if before:
                head = self._nearest_subject_head(pos, lower, before)
                if head is None:
                    return []
                near = self._subject_across(head, pos, lower, ms)
                if near is not None:
                    return near
        return self._sentence_subject(pos, lower, ms)

    def _purpose_before(self, pos: int, lower: list[str]) -> bool:
        """Whether a purpose word (past determiners) stands right before ``pos``."""
        # a purpose clause takes the sentence's subject, not the nearest noun: "Kami bekerja
        # dengan mitra kami, Pemerintah Inggris, untuk menyelidiki ..." (not "Inggris")
        k = pos - 1
        while k >= 0 and lower[k] in self._det:
            k -= 1
        return k >= 0 and lower[k] in self._purpose

    def _relative_clause_head(self, pos: int, lower: list[str], ms: Sequence[Mention],
                              before: list[Mention]) -> list[Mention]:
        """The group of the noun that a relative clause right before ``pos`` belongs to, or
        none."""
        # "Presiden Turki Recep Tayyip Erdogan, yang berupaya ... warga Turki ..., mengecam
        # Belanda": a relative clause between commas belongs to the noun before it
        rel = self._relative_span(pos, lower)
        if rel is None:
            return []
        head_of = [m for m in before if m.end == rel]
        return self._extend_left(head_of[-1], lower, ms) if head_of else []

    def _nearest_subject_head(self, pos: int, lower: list[str], before: list[Mention]
                              ) -> Mention | None:
        """The nearest mention of ``before`` that may be the subject, past an apposition
        and a reporter; None where only a reporter stands before ``pos``."""
        head = before[-1]
        if (len(before) >= 2 and head.actor.name is None and head.pronoun is None
                and before[-2].end == head.start - 1 and lower[head.start - 1] == ","
                and "," in lower[head.end:min(pos, head.end + 3)]
                and before[-2].actor.name):
            # "Lord Halifax, Presiden Dewan, mengunjungi ...": a role between commas is
            # an apposition to the name before it
            head = before[-2]
        if head.start > 0 and lower[head.start - 1] in self._reporting:
            # "kelompok itu disebut pemerintah menyerang ...": the reporter is no subject
            earlier = [m for m in before if m.end <= head.start - 1]
            if not earlier:
                return None
            head = earlier[-1]
        return head

    def _subject_across(self, head: Mention, pos: int, lower: list[str],
                        ms: Sequence[Mention]) -> list[Mention] | None:
        """The subject group at ``head`` as the words up to ``pos`` allow: none where they
        make it no subject, None where a clause boundary or too many words come between."""
        between = lower[head.end:pos]
        if (head.start > 0 and lower[head.start - 1] in self._speech
                and any(w in self._fronting for w in between)
                and all(w in self._fronting or w in self._fronting_fill or w == ","
                        for w in between)):
            # "kata Burhanuddin usai bertemu Presiden ...": the speaker of an inverted
            # quote is the subject of the clause that follows the name
            return [head]
        if (between and between[-1] == "yang" and len(between) <= 4 and not any(
                w in self._bound or w in self._prep or w in self._coord
                for w in between[:-1])):
            # "Seorang pria Jerman berusia 27 tahun yang diculik ... oleh militan": a
            # relative clause on the noun just before it, after a short modifier
            return self._extend_left(head, lower, ms)
        if "yang" in between and between[0] != "yang":
            # "serangan yang didukung oleh Pakistan": the verb's subject is the noun
            # before "yang", which is no actor here
            return []
        if not any(w in self._bound for w in between) and len(between) <= 8:
            return self._extend_left(head, lower, ms)
        return None

    def _sentence_subject(self, pos: int, lower: list[str], ms: Sequence[Mention]
                          ) -> list[Mention]:
        """The sentence subject, when no clause boundary or other verb comes between it and
        the word at ``pos``; or none."""
        # "Perwakilan Taliban sebelum pembicaraan di Moskow telah bertemu ...",
        # "Sementara itu, PPP kubu Djan Faridz (Muktamar VIII di Jakarta) meminta ..."
        first = next((m for m in ms if m.pronoun is None and not self._in_pp(m, lower)), None)
        if (first is not None and first.end <= pos and first.start <= 4
                and not any(w in self._bound or _verb_like(w) for w in lower[:first.start])
                and not any(_verb_like(w) and (w,) not in self._intent
                            for w in lower[first.end:pos])):
            # "Jepang tetap berkomitmen untuk membantu ...": an intent verb is no other clause
            return self._extend_left(first, lower, ms)
        return []

    def _harmed(self, hit: TriggerHit, pos: int, lower: list[str], ms: Sequence[Mention]
                ) -> list[Mention]:
        """The object of a verb of harm whose subject is this attack noun ("serangan udara
        Israel pekan lalu menewaskan tiga anggota Hamas"), or nothing."""
        if hit.trigger.trigger.cameo[:2] not in _ATTACK_ROOTS:
            return []
        harm = False  # "... menghancurkan satu pusat perdagangan ... dan mencederai tiga orang"
        for k in range(pos, min(len(lower), pos + 16)):
            if lower[k] in self._harming:
                harm = True
                got = self._obj(k + 1, lower, ms)
                if got:
                    return got
            elif lower[k] in self._bound or lower[k] in (".", "yang") or (
                    _verb_like(lower[k]) and not harm) or (k - pos >= 4 and not harm):
                return []
        return []

    def _held_by(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention]
                 ) -> list[Mention]:
        """The holder of the place attacked: "membom sekitar 20 target di seluruh Gaza yang
        dikuasai Hamas" (Hamas), within the verb's clause."""
        for k in range(hit.end, min(len(lower) - 1, hit.end + 12)):
            if lower[k] in self._bound or lower[k] == ".":
                return []
            if lower[k] == "yang" and lower[k + 1] in self._held:
                return self._obj(k + 2, lower, ms)
        return []

    def _coordinated_subject(self, hit: TriggerHit, lower: list[str],
                             ms: Sequence[Mention]) -> list[Mention]:
        """The sentence subject for a verb coordinated with its first verb: "Tiongkok
        menumpas aksi kekerasan di Xinjiang ..., dan telah mengeksekusi 13 orang"."""
        k = hit.start
        while k > 0 and (lower[k - 1] in self._det or lower[k - 1] in self._aspect):
            k -= 1
        if k == 0 or lower[k - 1] not in self._conj:
            return []
        first = next((m for m in ms if m.pronoun is None and not self._in_pp(m, lower)), None)
        if first is None or first.start > 4 or first.end >= k or any(
                w in self._bound or _verb_like(w) for w in lower[:first.start]):
            return []
        v = first.end
        while v < k and (lower[v] in self._det or lower[v] in self._aspect):
            v += 1
        if v >= k - 1 or not _verb_like(lower[v]):
            return []
        # only objects and adjuncts of the first verb stand between: no other subject
        # right before the conjunction's verb
        if any(m.end == k - 1 or m.end == k for m in ms if m.start > v):
            return []
        return self._extend_left(first, lower, ms)

    def _relative_span(self, pos: int, lower: list[str]) -> int | None:
        """Where the noun before a "yang" clause closing with a comma right before ``pos``
        ends ("X, yang ..., mengecam"; "X yang didukung Y, melancarkan"), or None."""
        k = pos - 1
        while k >= 0 and lower[k] != ",":
            if lower[k] in (".", ";", ":"):
                return None
            k -= 1
        if k <= 0 or pos - k > 4:
            return None
        j = k - 1
        while j > 0 and lower[j] != ",":
            j -= 1
        if j > 0 and j + 1 < k and lower[j + 1] == "yang":
            return j
        if any(w not in self._aspect and w not in self._det for w in lower[k + 1:pos]):
            return None
        # no comma opens it ("X yang didukung Y, melancarkan"): the noun ends before "yang"
        return next((y for y in range(j + 1, k) if lower[y] == "yang"), None)

    def _between(self, m: Mention, lower: list[str]) -> bool:
        """Whether ``m`` opens the phrase of a "between" word ("antara para pihak ...")."""
        k = m.start - 1
        while k >= 0 and lower[k] in self._det:
            k -= 1
        return k >= 0 and lower[k] in self._between_words

    def _in_pp(self, m: Mention, lower: list[str]) -> bool:
        """Whether ``m`` stands in a prepositional phrase: right after a preposition, or
        behind a place preposition and other place names (:attr:`Mention.place`)."""
        return m.place or (m.start > 0 and lower[m.start - 1] in self._prep)

    def _extend_left(
        self, head: Mention, lower: list[str], ms: Sequence[Mention],
    ) -> list[Mention]:
        group = [head]
        idx = ms.index(head)
        fresh = True  # the group's first member may still carry an apposition before it
        while idx > 0:
            prev = ms[idx - 1]
            gap = lower[prev.end:group[0].start]
            if (gap and gap[-1] == "," and len(gap) <= 4 and all(
                    w.isalpha() and not _verb_like(w) and w not in self._bound
                    and w not in self._coord for w in gap[:-1])
                    and prev.actor.name is None and prev.pronoun is None
                    and group[0].actor.name and idx >= 2 and ms[idx - 2].actor.name
                    and lower[ms[idx - 2].end:prev.start] in (["dan"], ["serta"])):
                # "kepala ... Uni Eropa, Federica Mogherini dan komisioner pengembangan,
                # Johannes Hahn, meminta": the second name's role stands between the names
                group.insert(0, ms[idx - 2])
                idx -= 2
                fresh = True
                continue
            if gap and tuple(gap) in self._comitative:
                # "Presiden Joko Widodo bersama Perdana Menteri Jepang mengecam ...": the
                # companion acts too
                group.insert(0, prev)
                idx -= 1
                fresh = False
                continue
            if _ticket(prev, group[0], gap):
                group.insert(0, prev)
                idx -= 1
                fresh = False
                continue
            if not gap or not all(w in self._coord for w in gap) or self._in_pp(prev, lower):
                break  # "Menurut Lavrov , Rusia dan Indonesia sepakat": no list member
            # the junction next to the verb must be a conjunction: "Rusia, China dan Iran
            # mengecam"; a bare comma there is an apposition ("informan PBB di wilayah
            # Palestina, Michael Lynk, menuding ...")
            if fresh and all(w == "," for w in gap):
                break
            group.insert(0, prev)
            idx -= 1
            fresh = False
        return group

    def _right_group(
        self, first: Mention, lower: list[str], ms: Sequence[Mention],
    ) -> list[Mention]:
        """``first`` and the mentions coordinated after it: "pos polisi dan satu pangkalan
        militer" (a coordinator, then quantities, determiners and at most two nouns)."""
        group = [first]
        idx = ms.index(first)
        while idx + 1 < len(ms):
            nxt = ms[idx + 1]
            gap = self._strip_quantities(lower[group[-1].end:nxt.start])
            if _ticket(group[-1], nxt, gap):
                group.append(nxt)
                idx += 1
                continue
            if not gap or gap[0] not in self._coord:
                break
            rest = [w for w in gap[1:] if w not in self._coord and w not in self._det]
            if len(rest) > 2 or any(not w.isalpha() or w in self._prep or w in self._bound
                                    or _verb_like(w) for w in rest):
                break
            group.append(nxt)
            idx += 1
        # comma junctions only count in a list that a conjunction closes ("Rusia, China dan
        # Iran"); "bertemu Presiden Joko Widodo, Senin" keeps only the first
        tail = lower[group[-1].end:group[-1].end + 4]
        conj = next((k for k, w in enumerate(tail) if w in self._conj), None)
        closed = conj is not None and all(
            w == "," or (w.isalpha() and w not in self._prep and w not in self._bound
                         and not _verb_like(w)) for w in tail[:conj])
        while len(group) > 1 and not closed and not _ticket(
                group[-2], group[-1], lower[group[-2].end:group[-1].start]) and all(
                w == "," for w in self._strip_quantities(lower[group[-2].end:group[-1].start])
                if w in self._coord):
            # "bertemu Kepala Polri, pihak Polda Bali, dan sejumlah pihak lain" is a list
            # whose last member is no actor
            group.pop()
        return group

    def _strip_quantities(self, words: list[str]) -> list[str]:
        """``words`` without numbers and quantity phrases ("lebih dari 1.000", "dua")."""
        out: list[str] = []
        k = 0
        while k < len(words):
            w = words[k]
            if w[:1].isdigit() and all(c.isdigit() or c in ".,-" for c in w):
                k += 1
                continue
            for q in _by_first(self._quant).get(w, ()):
                if tuple(words[k:k + len(q)]) == q:
                    k += len(q)
                    break
            else:
                out.append(w)
                k += 1
        return out

    def _obj(
        self, pos: int, lower: list[str], ms: Sequence[Mention], slack: int = 3,
        head: int | None = None,
    ) -> list[Mention]:
        """The group right after ``pos``: determiners may come between, and up to two nouns
        heading the phrase ("memperingatkan munculnya ISIS", "mengecam aksi militer Israel").

        A mention may also begin inside a multi-word trigger after its ``head``: "memanggil
        duta besar" + "duta besar Australia".
        """
        for m in ms:
            if m.start < pos:
                if head is not None and head < m.start and m.end > pos:
                    return self._right_group(m, lower, ms)
                continue
            if self._listed_noun(lower[pos:m.start]):
                return self._right_group(m, lower, ms)
            gap = self._strip_quantities(lower[pos:m.start])
            if len(gap) > slack:
                return []
            content = [w for w in gap if w not in self._det]
            if len(content) > 2 or any(
                    w in self._bound or w in self._prep or w in self._coord or not w.isalpha()
                    or _verb_like(w) for w in content):
                return []
            return self._right_group(m, lower, ms)
        return []

    def _listed_noun(self, gap: list[str]) -> bool:
        """Whether ``gap`` is a counted noun phrase and the word that opens a list of its
        members: "menangkap sejumlah pihak lain, yaitu A, B dan C" arrests A, B and C. The
        count or determiner marks the plural the list spells out; "menyetujui pengesahan
        Perppu tersebut, yakni PDIP ..." lists the subject's members, not the object's."""
        if not gap or not self._counted(gap[:1]):
            return False
        rest = self._strip_quantities([w for w in gap if w not in self._det])
        opened = self._list_start(rest, 0, 3)
        return opened is not None and opened[0] == len(rest) and opened[1] >= 1

    def _counted(self, before: list[str]) -> bool:
        """Whether the last of ``before`` counts a noun: "dua", "sejumlah", "para"."""
        return bool(before) and (before[-1] in self._det
                                 or not self._strip_quantities(before[-1:]))

    def _list_start(self, lower: list[str], pos: int, plain: int
                    ) -> tuple[int, int] | None:
        """Where a list begins, when from ``pos`` at most ``plain`` modifiers of a noun
        ("asing", "lainnya"), commas and an ``apposition`` word come first; with the number
        of modifiers."""
        k, seen = pos, 0
        while k < len(lower):
            word = next((s for s in self._appo if tuple(lower[k:k + len(s)]) == s), None)
            if word is not None:
                k += len(word)
                while k < len(lower) and (lower[k] in (",", ":") or lower[k] in self._det):
                    k += 1
                return k, seen
            w = lower[k]
            if w not in (",", *self._appo_fill):
                if seen == plain or not w.isalpha() or w in self._prep or w in self._bound \
                        or w in self._coord or _verb_like(w):
                    return None
                seen += 1
            k += 1
        return None

    def _after(self, pos: int, lower: list[str], ms: Sequence[Mention], markers: AbstractSet[str],
               window: int = 8) -> list[Mention]:
        """The group after the first of ``markers`` (one or more words: "di depan")."""
        seqs = [tuple(m.split()) for m in markers]
        for k in range(pos, min(len(lower), pos + window)):
            for sq in seqs:
                if tuple(lower[k:k + len(sq)]) == sq:
                    return self._obj(k + len(sq), lower, ms)
            if lower[k] in self._bound:  # a marker may be one ("meminta agar X ...")
                return []
        return []

    def _targets(self, frame: list[str], pos: int, lower: list[str], ms: Sequence[Mention],
                 *, no_obj: bool = False, window: int = 8,
                 head: int | None = None) -> list[Mention]:
        """The target group of the first marker that yields one; a group of gazetteer
        actors is preferred to untitled names ("merebut Nagorno-Karabakh dari Armenia")."""
        weak: list[Mention] = []
        for marker in frame:
            if marker == "obj":
                if no_obj:
                    continue
                got = self._obj(pos, lower, ms, head=head)
            else:
                got = self._after(pos, lower, ms, {fold(marker)}, window=window)
            if got and not all(m.weak for m in got):
                return got
            weak = weak or got
        return weak

    def _fronted_subject(self, hit: TriggerHit, lower: list[str], ms: Sequence[Mention],
                         targets: list[Mention]) -> list[Mention]:
        """The main clause's subject for a trigger in a clause fronted before it: "Saat
        mengunjungi Kairo, Wakil Presiden Suriah Faruq al-Sharaa mengatakan ..."."""
        k = 0
        while k < hit.start and lower[k] not in self._fronting and (
                lower[k] in self._det or lower[k] in self._cont):
            k += 1
        if k >= hit.start or lower[k] not in self._fronting or "," in lower[k:hit.start]:
            return []
        end = max([hit.end, *(m.end for m in targets)])
        comma = next((i for i in range(end, len(lower)) if lower[i] == ","), None)
        if comma is None:
            return []
        for m in ms:
            if m.start <= comma:
                continue
            gap = [w for w in lower[comma + 1:m.start] if w not in self._det]
            return self._right_group(m, lower, ms) if not gap else []
        return []

    def _zero_subject(self, pos: int, lower: list[str]) -> bool:
        head = [w for w in lower[:pos] if w not in self._det and w not in {",", '"', "“"}]
        return not head or (len(head) <= 2 and head[0] in self._cont)

    # -- words --------------------------------------------------------------------------

    @staticmethod
    def _has(lower: list[str], seqs: frozenset[tuple[str, ...]]) -> bool:
        """Whether one of the phrases ``seqs`` occurs in ``lower``."""
        index = _by_first(seqs)
        for i, w in enumerate(lower):
            for s in index.get(w, ()):
                if tuple(lower[i:i + len(s)]) == s:
                    return True
        return False

    def _unasserted(self, hit: TriggerHit, lower: list[str]) -> bool:
        """Whether the trigger's action is only supposed: a condition before it ("jika"),
        or an ability, obligation or purpose word right before a verb ("DPR harus berbicara
        dengan pemerintah" reports no talks)."""
        if any(w in self._cond for w in lower[:hit.start]):
            return True
        return hit.voice != "nominal" and self._window_has(lower, hit.start, self._irrealis)

    def _window_has(self, lower: list[str], pos: int, seqs: frozenset[tuple[str, ...]]
                    ) -> bool:
        lo = max(0, pos - self.g.modality_window)
        window = lower[lo:pos]
        return self._has(window, seqs)


@functools.lru_cache(maxsize=64)
def _by_first(seqs: frozenset[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of a grammar list by their first word, for matching word by word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for q in seqs:
        out.setdefault(q[0], []).append(q)
    return {w: tuple(qs) for w, qs in out.items()}


def _ticket(a: Mention, b: Mention, gap: Sequence[str]) -> bool:
    """Whether two people joined by a hyphen are a ticket, each a member of the group:
    "mengusung pasangan Anies - Sandi" (a governor and a deputy in a regional election)."""
    return (gap == ["-"] and a.pronoun is None and b.pronoun is None
            and a.actor.kind == "person" and b.actor.kind == "person")


def _same(a: Mention, b: Mention) -> bool:
    """The same actor on both sides (the junta and the opposition of one state are not)."""
    x, y = a.actor, b.actor
    if x.sector != y.sector:
        return False
    if x.id and x.id == y.id:
        return True
    return bool(x.name and x.name == y.name and x.country == y.country and not a.pronoun)


__all__ = ["EventEngine", "Parse", "RawEvent"]
