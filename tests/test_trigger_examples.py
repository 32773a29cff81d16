"""Every lexicon entry's own positive and negative examples, run through the whole pipeline."""

import pytest

from geoevents.resources import default_trigger_files, read_triggers
from geoevents.resources.lexicon import Lexicon

TRIGGERS = read_triggers(default_trigger_files())
PUBLISHED = "2024-06-12"


def same_actor(nlp, expected, actor):
    """The expected name, or for a state, any actor of that state ("Presiden Turki" is the
    Turkish president, whom the gazetteer may name)."""
    if expected is None or actor is None:
        return expected is None and actor is None
    if actor.name == expected:
        return True
    states = [r for r in nlp.gazetteer.records if r.kind == "state" and r.name == expected]
    return bool(states) and actor.country == states[0].country


def fired(nlp, text, trigger_id):
    return [e for e in nlp.extract(text, published=PUBLISHED)
            if e.rule.split("/")[0] == trigger_id]


@pytest.mark.parametrize(
    ("trigger", "example"),
    [(t, ex) for t in TRIGGERS for ex in t.positive],
    ids=lambda v: v.id if hasattr(v, "id") else v.text[:40],
)
def test_positive_example(nlp, trigger, example):
    events = fired(nlp, example.text, trigger.id)
    assert events, f"{trigger.id} did not fire"
    assert any(same_actor(nlp, example.actor, e.actor) and same_actor(nlp, example.target, e.target)
               for e in events), [(e.actor.name, e.target.name if e.target else None)
                                  for e in events]
    if example.cameo:
        assert any(e.action.cameo == example.cameo for e in events)


@pytest.mark.parametrize(
    ("trigger", "text"),
    [(t, text) for t in TRIGGERS for text in t.negative],
    ids=lambda v: v.id if hasattr(v, "id") else v[:40],
)
def test_negative_example(nlp, trigger, text):
    assert not fired(nlp, text, trigger.id)


def test_every_entry_records_its_corpus_count():
    # scripts/count_triggers.py: how often the entry's forms occur in IndoSum news
    assert [t.id for t in TRIGGERS if t.count is None] == []


def test_lexicon_size_and_coverage():
    assert len(TRIGGERS) >= 1200
    roots = {t.cameo[:2] for t in TRIGGERS}
    assert roots >= {f"{r:02d}" for r in range(2, 21)}
    Lexicon(TRIGGERS)  # every lemma derives from its base
