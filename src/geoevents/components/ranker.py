"""A trained reader of roles for triggers whose frame the shallow rules cannot fill.

The event rules (:mod:`geoevents.components.events`) read an actor and a target only where a
sentence follows one of their patterns. Many sentences that report an event do not: the
target stands behind a noun the entry does not list ("Busyro meragukan kesiapan Polri"), the
actor of a request comes after a speech verb, an accusation is reported ("Edward menyebut
Sandi menggelapkan uang"). For a trigger the rules leave empty, the ranker scores every
ordered pair of actor mentions in the sentence with a logistic model over closed-class
features (where each mention stands relative to the trigger, how far, what words come
between or before it, what kind of mention it is, the trigger's root and voice, the lexicon
entry) and keeps the best pair when its probability passes the model's threshold.

The features name no open-class word but the lexicon entry that fired, so the model learns
where roles stand and how often an entry reports an event, not which names act. Its weights
are data (``resources/id/ranker.json``), trained by ``training/ranker.py`` on the
development gold; inference needs nothing but this module.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ..errors import RuleFileError
from ..resources import PathLike, resource, validate_yaml
from ..resources.lexicon import Grammar, TriggerHit
from ..resources.morph import verb_like
from .actors import Mention

_PUNCT = {",", ".", ":", ";", '"', "“", "”", "(", ")", "-"}


class RankerModel(BaseModel):
    """The weights of the role ranker (``resources/id/ranker.json``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    bias: float
    threshold: float = Field(ge=0.0, le=1.0)
    """The probability a pair needs to become an event where the rules read none."""
    keep: float = Field(default=0.0, ge=0.0, le=1.0)
    """The probability a reading of the rules needs to stay an event."""
    weights: dict[str, float]
    trained_on: str = ""
    """What the weights were fitted on, and the cross-validated figures."""


@lru_cache(maxsize=2)
def load_ranker_model(path: PathLike | None = None) -> RankerModel:
    """The role ranker's weights (``resources/id/ranker.json`` unless ``path``), validated;
    a bad file raises :class:`~geoevents.errors.RuleFileError` naming the field."""
    return validate_yaml(path or resource("id", "ranker.json"), RankerModel,
                         error=RuleFileError)


@dataclass(frozen=True)
class Candidate:
    """One reading of a trigger: ``actor`` acts on ``target``."""

    hit: TriggerHit
    actor: Mention
    target: Mention
    features: tuple[str, ...]


def bucket(n: int) -> str:
    """A count or distance as a coarse class: "0", "1", "2", "3-4", "5-8" or "9+"."""
    if n <= 2:
        return str(n)
    if n <= 4:
        return "3-4"
    if n <= 8:
        return "5-8"
    return "9+"


def logistic(bias: float, weights: Mapping[str, float], features: Sequence[str]) -> float:
    """The logistic model's probability for a set of binary features."""
    z = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class RoleFeatures:
    """The closed-class features of trigger hits and the mentions around them."""

    def __init__(self, grammar: Grammar) -> None:
        w = grammar.folded()
        self.bound = w.words("clause_boundaries")
        self.prep = w.words("prepositions")
        self.coord = w.words("coordinators")
        # the words a role's neighbour is named by: closed classes only
        self.place = w.words("place_prepositions")
        self.function = (self.prep | self.coord | self.bound
                         | w.words("passive_agent", "speech_verbs", "reporting", "purpose",
                                   "determiners", "aspect")
                         | {"yang"} | _PUNCT)

    def may_take(self, role: str, hit: TriggerHit, m: Mention,
                 lower: Sequence[str]) -> bool:
        """Whether ``m`` may fill ``role`` at all: never a place ("bertemu di Jakarta"),
        and a target after the trigger only within its clause, with no clause boundary or
        other verb between ("membom sejumlah desa, sementara wilayah yang dikuasai ISIS",
        "menutup perbatasan Rafah, dan Israel menangkap 20 anggota Hamas": neither)."""
        if m.pronoun is not None and role == "t":
            return False
        if m.place or (m.start > 0 and lower[m.start - 1] in self.place):
            return False
        if role != "t" or m.start < hit.end:
            return True
        gap = lower[hit.end:m.start]
        if any(w in self.bound or verb_like(w) for w in gap):
            return False
        # "..., dan Israel menangkap ...": after a conjunction, a noun with a verb of its own
        # opens the next clause
        return not (any(w in self.coord for w in gap) and m.end < len(lower)
                    and verb_like(lower[m.end]))

    def word_class(self, words: Sequence[str], lower: Sequence[str], k: int) -> str:
        """A function word as itself; other words by shape ("CAP", "VERB", "NUM", "w")."""
        if k < 0:
            return "BOS"
        if k >= len(words):
            return "EOS"
        w = lower[k]
        if w in self.function:
            return w
        if w[:1].isdigit():
            return "NUM"
        if words[k][:1].isupper():
            return "CAP"
        if verb_like(w):
            return "VERB"
        return "w"

    def hit(self, hit: TriggerHit, object_ok: bool) -> list[str]:
        t = hit.trigger.trigger
        root, voice = t.cameo[:2], hit.voice
        return [f"r={root}", f"v={voice}", f"r={root}|v={voice}", f"ok={int(object_ok)}",
                f"ow={int(bool(t.object_words))}|ok={int(object_ok)}", f"e={t.id}"]

    def role(self, role: str, hit: TriggerHit, m: Mention, words: Sequence[str],
             lower: Sequence[str], ms: Sequence[Mention],
             slots: Mapping[str, set[int]] | None = None) -> list[str]:
        """Where mention ``m`` stands for ``hit``, as features of ``role`` ("a" or "t")."""
        voice, root = hit.voice, hit.trigger.trigger.cameo[:2]
        if m.end <= hit.start:
            side, lo, hi = "L", m.end, hit.start
        elif m.start >= hit.end:
            side, lo, hi = "R", hit.end, m.start
        else:
            side, lo, hi = "I", m.end, m.end
        dist = bucket(hi - lo)
        between = [o for o in ms if o is not m and o.start >= lo and o.end <= hi]
        nb = str(min(len(between), 3))
        gap = lower[lo:hi]
        prev = self.word_class(words, lower, m.start - 1)
        nxt = self.word_class(words, lower, m.end)
        a = m.actor
        kind = "pron" if m.pronoun else ("weak" if m.weak else (
            "named" if a.name else "generic"))
        p = f"{role}|{side}"
        out = [p, f"{p}|d={dist}", f"{p}|v={voice}", f"{p}|v={voice}|d={dist}",
               f"{p}|nb={nb}", f"{p}|v={voice}|nb={nb}", f"{p}|prev={prev}",
               f"{p}|v={voice}|prev={prev}", f"{p}|next={nxt}", f"{p}|r={root}",
               f"{role}|kind={kind}", f"{role}|sec={a.sector or '-'}",
               f"{role}|place={int(m.place)}", f"{p}|kind={kind}",
               f"{role}|r={root}|sec={a.sector or '-'}", f"{role}|r={root}|kind={kind}"]
        if m.pronoun:
            out.append(f"{role}|pron={m.pronoun}")
        verbs = sum(1 for w in gap if verb_like(w))
        out.append(f"{p}|verbs={min(verbs, 2)}")
        for flag, present in (
                ("comma", "," in gap), ("yang", "yang" in gap),
                ("bound", any(w in self.bound for w in gap)),
                ("coord", any(w in self.coord for w in gap)),
                ("prep", any(w in self.prep for w in gap)),
                ("quote", any(w in ('"', "“", "”") for w in gap))):
            if present:
                out.append(f"{p}|has={flag}")
                out.append(f"{p}|v={voice}|has={flag}")
        for name, ids in (slots or {}).items():
            if id(m) in ids:
                out.append(f"{role}|slot={name}")
                out.append(f"{role}|v={voice}|slot={name}")
        if not between:
            out.append(f"{p}|nearest")
            out.append(f"{p}|v={voice}|nearest")
        first = next((o for o in ms if o.pronoun is None
                      and not (o.start > 0 and lower[o.start - 1] in self.prep)), None)
        if first is m:
            out.append(f"{role}|first")
            out.append(f"{p}|v={voice}|first")
        return out

    @staticmethod
    def pair(hit: TriggerHit, a: Mention, t: Mention, fa: Sequence[str],
             ft: Sequence[str]) -> list[str]:
        sa, st = fa[0][-1], ft[0][-1]
        voice = hit.voice
        out = [f"p|{sa}{st}", f"p|v={voice}|{sa}{st}",
               f"p|order={int(a.start < t.start)}|{sa}{st}"]
        ca, ct = a.actor.country, t.actor.country
        if ca and ct:
            out.append(f"p|samecountry={int(ca == ct)}")
        if a.actor.sector and a.actor.sector == t.actor.sector:
            out.append("p|samesector")
        return out


class Ranker:
    """Score the readings of a trigger with :class:`RankerModel`'s weights."""

    def __init__(self, model: RankerModel, grammar: Grammar, *, window: int = 15,
                 max_mentions: int = 8) -> None:
        self.model = model
        self.features = RoleFeatures(grammar)
        self.window = window
        self.max_mentions = max_mentions

    def candidates(self, hit: TriggerHit, object_ok: bool, words: Sequence[str],
                   lower: Sequence[str], ms: Sequence[Mention],
                   slots: Mapping[str, set[int]] | None = None,
                   rule_pairs: Set[tuple[int, int]] = frozenset()) -> list[Candidate]:
        """Every ordered pair of mentions near ``hit`` (a pronoun only as the actor, resolved
        later like the rules' own: "Ia meragukan kesiapan Polri"); ``slots`` names
        the mentions the rules' slot readers take (:meth:`EventEngine.slots`),
        ``rule_pairs`` the (actor, target) ``id`` pairs the rules read for it."""
        may = {(role, id(m)): self.features.may_take(role, hit, m, lower)
               for m in ms for role in ("a", "t")}
        near = [m for m in ms if m.pronoun != "pair"
                and m.start < hit.end + self.window and m.end > hit.start - self.window
                and (may["a", id(m)] or may["t", id(m)])]
        near = sorted(near, key=lambda m: min(abs(m.start - hit.start),
                                              abs(m.end - hit.end)))[:self.max_mentions]
        near.sort(key=lambda m: m.start)
        if len(near) < 2:
            return []
        base = self.features.hit(hit, object_ok)
        fa = {id(m): self.features.role("a", hit, m, words, lower, ms, slots) for m in near}
        ft = {id(m): self.features.role("t", hit, m, words, lower, ms, slots) for m in near}
        out = []
        agents = (slots or {}).get("agent", set())
        if hit.voice == "passive" and agents:
            # "... yang diculik oleh militan ISIS": a passive verb's named agent acts
            may.update({("a", id(m)): False for m in near if id(m) not in agents})
        for a in near:
            for t in near:
                if a is t or not may["a", id(a)] or not may["t", id(t)]:
                    continue
                feats = (*base, *fa[id(a)], *ft[id(t)],
                         *self.features.pair(hit, a, t, fa[id(a)], ft[id(t)]))
                if (id(a), id(t)) in rule_pairs:
                    # the rules' own reading: its features weigh apart from the others'
                    feats = (*feats, "rule", *(f"R:{f}" for f in feats))
                out.append(Candidate(hit, a, t, feats))
        return out

    def probability(self, features: Sequence[str]) -> float:
        return logistic(self.model.bias, self.model.weights, features)

    def best(self, cands: Sequence[Candidate]) -> tuple[Candidate, float] | None:
        """The most probable reading, if it passes the threshold."""
        scored = [(c, self.probability(c.features)) for c in cands]
        if not scored:
            return None
        c, p = max(scored, key=lambda cp: cp[1])
        return (c, p) if p >= self.model.threshold else None


__all__ = ["Candidate", "Ranker", "RankerModel", "RoleFeatures", "bucket", "load_ranker_model",
           "logistic"]
