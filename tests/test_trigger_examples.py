"""Every lexicon entry's own positive and negative examples, run through the whole pipeline."""

import pytest

from geoevents.lexicon import Lexicon
from geoevents.resources import default_trigger_files, read_triggers

TRIGGERS = read_triggers(default_trigger_files())
PUBLISHED = "2024-06-12"


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
    got = {(e.actor.name, e.target.name if e.target else None) for e in events}
    assert (example.actor, example.target) in got, got
    if example.cameo:
        assert any(e.action.cameo == example.cameo for e in events)


@pytest.mark.parametrize(
    ("trigger", "text"),
    [(t, text) for t in TRIGGERS for text in t.negative],
    ids=lambda v: v.id if hasattr(v, "id") else v[:40],
)
def test_negative_example(nlp, trigger, text):
    assert not fired(nlp, text, trigger.id)


def test_lexicon_size_and_coverage():
    assert len(TRIGGERS) >= 300
    roots = {t.cameo[:2] for t in TRIGGERS}
    assert roots >= {f"{r:02d}" for r in range(2, 21)}
    Lexicon(TRIGGERS)  # every lemma derives from its base
