"""What the shipped data holds: gazetteer entities, dated roles, agent words and triggers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..resources.compiled import load_gazetteer, load_lexicon


@dataclass(frozen=True)
class DataSummary:
    """Counts of the data a pipeline uses (``geoevents info``)."""

    entities: int
    entities_by_kind: dict[str, int]
    people_with_dated_roles: int
    dated_roles: int
    aliases: int
    agent_words: int
    triggers: int
    triggers_by_root: dict[str, int]
    extra: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The counts as a JSON-ready dict."""
        return {
            "entities": self.entities, "entities_by_kind": self.entities_by_kind,
            "people_with_dated_roles": self.people_with_dated_roles,
            "dated_roles": self.dated_roles, "aliases": self.aliases,
            "agent_words": self.agent_words, "triggers": self.triggers,
            "triggers_by_root": self.triggers_by_root, **self.extra,
        }


def data_summary(gazetteer: tuple[str, ...] = (), triggers: tuple[str, ...] = ()
                 ) -> DataSummary:
    """Count the default data (with extra gazetteer and trigger files, if given).

    >>> data_summary().triggers > 0
    True
    """
    gaz = load_gazetteer(tuple(gazetteer))
    lex = load_lexicon(tuple(triggers))
    records = list(gaz.entities.values())
    dated = [r for r in records if any(x.valid_from or x.valid_to for x in r.roles)]
    return DataSummary(
        entities=len(records),
        entities_by_kind=dict(Counter(r.kind for r in records).most_common()),
        people_with_dated_roles=sum(r.kind == "person" for r in dated),
        dated_roles=sum(1 for r in records for x in r.roles if x.valid_from or x.valid_to),
        aliases=sum(1 + len(r.aliases) for r in records),
        agent_words=len(gaz.agent_words),
        triggers=len(lex.entries),
        triggers_by_root=dict(sorted(Counter(c.trigger.cameo[:2] for c in lex.entries).items())),
    )
