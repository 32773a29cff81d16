"""How sure the coder is of each event: a trained logistic model over closed-class features.

Every event the rules or the role ranker code gets ``Event.confidence``, the probability that
an annotator following the guidelines would code the same event (same root, actor and
target) in that sentence. The features say how the event was found, never which names or
other words it holds: the lexicon entry that fired (some entries are right more often than
others), the trigger's root and voice, whether the ranker or a pronoun supplied a
role, what kind of actor each role resolved to (a named state, a person, a sector with only
the story's country), where the two mentions stand relative to the trigger and what lies
between them, modality around the trigger ("akan", "jika"), quotation, and where the
sentence stands in the story.

The weights are data (``resources/id/confidence.json``), trained by
``training/confidence.py`` on annotated news; their ``threshold`` is the default of
``geoevents.load(min_confidence=...)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ..errors import RuleFileError
from ..models import Actor
from ..resources import PathLike, resource, validate_yaml
from ..resources.lexicon import Grammar, TriggerHit
from .actors import Mention
from .ranker import RoleFeatures, bucket, logistic

_QUOTES = {'"', "“", "”"}


class ConfidenceModel(BaseModel):
    """The weights of the event confidence model (``resources/id/confidence.json``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    bias: float
    weights: dict[str, float]
    threshold: float = Field(default=0.0, ge=0.0, le=1.0)
    """The default ``min_confidence``: events below it are dropped."""
    trained_on: str = ""
    """What the weights were fitted on, and the cross-validated figures."""


@lru_cache(maxsize=2)
def load_confidence_model(path: PathLike | None = None) -> ConfidenceModel:
    """The confidence model's weights (``resources/id/confidence.json`` unless ``path``),
    validated; a bad file raises :class:`~geoevents.errors.RuleFileError` naming the field."""
    return validate_yaml(path or resource("id", "confidence.json"), ConfidenceModel,
                         error=RuleFileError)


def _actor_kind(a: Actor | None) -> str:
    if a is None:
        return "none"
    if a.kind == "state":
        return "state"
    if a.name:
        return "named" if a.kind != "person" else "person"
    return "sector" if a.sector else "generic"


class EventFeatures:
    """The closed-class features of one coded event."""

    def __init__(self, grammar: Grammar) -> None:
        self.roles = RoleFeatures(grammar)
        self.intent = grammar.folded().words("intent")
        self.conditional = grammar.folded().words("conditional")
        self.window = grammar.modality_window

    def __call__(self, hit: TriggerHit, rule: str, actor_m: Mention | None,
                 target_m: Mention, actor: Actor, target: Actor, *, words: Sequence[str],
                 lower: Sequence[str], mentions: Sequence[Mention], sentence: int,
                 fanout: int, story_filled: tuple[bool, bool],
                 ranker_prob: float | None = None) -> list[str]:
        """Features of the event ``actor`` → ``target`` read from ``hit`` by ``rule``.

        ``sentence`` is the index of the sentence among the story's kept ones, ``fanout``
        how many events the same trigger gave, ``story_filled`` whether the story's country
        was given to the actor and to the target (a generic body with no country named),
        ``ranker_prob`` the role ranker's probability of the pair (by tenths), if it scored
        it."""
        t = hit.trigger.trigger
        root, voice = t.cameo[:2], hit.voice
        flags = rule.split("+")[1:]
        out = [f"r={root}", f"v={voice}", f"r={root}|v={voice}",
               f"sent={bucket(sentence)}", f"fan={bucket(fanout)}",
               f"nment={bucket(len(mentions))}", f"len={bucket(len(words) // 10)}",
               f"multiword={int('_' in t.id)}", f"sense={int(bool(t.object_words))}",
               f"e={t.id}"]
        out += [f"flag={f}" for f in flags]
        out.append("rp=-" if ranker_prob is None else f"rp={min(int(ranker_prob * 10), 9)}")
        ka, kt = _actor_kind(actor), _actor_kind(target)
        out += [f"a={ka}", f"t={kt}", f"at={ka}|{kt}", f"r={root}|a={ka}", f"r={root}|t={kt}"]
        for role, filled in zip("at", story_filled, strict=True):
            if filled:
                out.append(f"{role}|story")
        if actor.coref:
            out.append("a|coref")
        if target.coref:
            out.append("t|coref")
        if actor.country and target.country:
            out.append(f"samecountry={int(actor.country == target.country)}")
        before = lower[max(0, hit.start - self.window):hit.start]
        if any(w in self.intent for w in before):
            out.append("intent")
        if any(w in self.conditional for w in lower[:hit.start]):
            out.append("conditional")
        quotes = sum(1 for w in words[:hit.start] if w in _QUOTES)
        if quotes % 2:
            out.append("quoted")
        if actor_m is None:
            out.append("a|unexpressed")
        else:
            out += [f"A:{f}" for f in self.roles.role("a", hit, actor_m, words, lower,
                                                      mentions)]
        if target_m is not actor_m:
            out += [f"T:{f}" for f in self.roles.role("t", hit, target_m, words, lower,
                                                      mentions)]
        return out


class Confidence:
    """Score events with :class:`ConfidenceModel`'s weights."""

    def __init__(self, model: ConfidenceModel, grammar: Grammar) -> None:
        self.model = model
        self.features = EventFeatures(grammar)

    def probability(self, features: Sequence[str]) -> float:
        """The model's probability that the event is right."""
        return logistic(self.model.bias, self.model.weights, features)


__all__ = ["Confidence", "ConfidenceModel", "EventFeatures", "load_confidence_model"]
