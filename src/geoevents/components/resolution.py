"""Resolution of a single mention outside a document (``geoevents.resolve``)."""

from __future__ import annotations

import datetime as dt

from ..models import Actor
from ..resources.gazetteer import Gazetteer
from ..resources.lexicon import load_grammar
from .actors import ActorRecognizer


def resolve_mention(gaz: Gazetteer, mention: str, date: dt.date | None) -> Actor | None:
    """Resolve ``mention`` as a whole: titles and affiliations, exact aliases, then fuzzy."""
    words = [w for w in gaz.tokenize(mention) if w.strip()]
    starts, pos = [], 0
    for w in words:
        pos = mention.index(w, pos)
        starts.append(pos)
        pos += len(w)
    found = ActorRecognizer(gaz, {}, grammar=load_grammar())(words, starts, date=date)
    if found:
        best = max(found, key=lambda m: m.end - m.start)
        a, b = best.actor.span
        return best.actor.model_copy(update={"mention": mention[a:b]})
    rec = gaz.fuzzy(mention)
    if rec is None:
        return None
    country, sector = gaz.role_on(rec, date)
    return Actor(mention=mention, span=(0, len(mention)), name=rec.name, id=rec.id,
                 country=country, sector=sector, kind=rec.kind, cameo=rec.cameo)
