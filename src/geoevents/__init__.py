"""geoevents: political event data (CAMEO/PLOVER) from Indonesian news.

>>> import geoevents
>>> events = geoevents.extract("Rusia mengecam Amerika Serikat.", published="2024-01-10")
>>> events[0].actor.name, events[0].action.root, events[0].target.name
('Russia', '11', 'United States')
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from typing import TYPE_CHECKING, Any

from .errors import OptionError
from .models import Action, Actor, DateMention, Document, Event, Location, Sentence

__version__ = "0.1.0"
__all__ = [
    "Action",
    "Actor",
    "DateMention",
    "Document",
    "Event",
    "Location",
    "Pipeline",
    "Sentence",
    "__version__",
    "analyze",
    "dedupe",
    "extract",
    "load",
    "resolve",
    "to_frame",
]

if TYPE_CHECKING:
    from .frame import to_frame
    from .io.deduplicate import dedupe
    from .pipeline import Pipeline

logging.getLogger("geoevents").addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name == "to_frame":
        from .frame import to_frame

        return to_frame
    if name == "dedupe":
        from .io.deduplicate import dedupe

        return dedupe
    raise AttributeError(f"module 'geoevents' has no attribute {name!r}")


def load(**options: Any) -> Pipeline:
    """Build a reusable, picklable pipeline.

    Keyword Args:
        gazetteer: extra gazetteer JSONL file(s) merged over the default one.
        triggers: extra trigger YAML file(s) added to the default lexicon.
        ner: "heuristic" (the default) or "model", how unknown names are found.
        parser: None (the default), "spacy" or "stanza", the parse behind the rules.
        ranker: True (the default) or False, the trained reader of roles the rules leave
            empty.
        min_confidence: events whose ``Event.confidence`` is below it are dropped; None
            (the default) takes the confidence model's trained threshold, 0 keeps all.
        max_length: the longest document accepted, in characters.

    See :class:`~geoevents.pipeline.Pipeline` for each option.

    Raises:
        OptionError: for an unknown option or a bad value.
    """
    from .pipeline import OPTIONS, Pipeline

    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        from .errors import E003

        raise OptionError(E003.format(names=", ".join(unknown), known=", ".join(OPTIONS)))
    return Pipeline(**options)


@functools.lru_cache(maxsize=1)
def _default() -> Pipeline:
    return load()


def analyze(text: str, *, published: dt.date | str | None = None) -> Document:
    """Analyse one document with the default pipeline (see :meth:`Pipeline.analyze`)."""
    return _default().analyze(text, published=published)


def extract(text: str, *, published: dt.date | str | None = None) -> list[Event]:
    """Extract the events of one Indonesian news text.

    Args:
        text: the article as scraped (datelines, "Baca Juga:" links and tags are skipped).
        published: publication date (``datetime.date`` or ISO string); when None, the
            date written in the article's dateline is used, if any.

    Returns:
        The events, in reading order.

    Raises:
        InputTypeError: ``text`` is not a str.
        PublishedDateError: ``published`` is not a date.
    """
    return _default().extract(text, published=published)


def resolve(mention: str, *, date: dt.date | str | None = None) -> Actor | None:
    """Resolve one actor mention ("Menlu AS", "Kremlin", "NIIS") against the gazetteer.

    Args:
        mention: the mention as written in Indonesian news.
        date: the date that decides who held an office ("Presiden AS" in 2019 vs 2022).
    """
    from .components.resolution import resolve_mention
    from .inputs import check_text, parse_published

    return resolve_mention(_default().gazetteer, check_text(mention), parse_published(date))



def download(what: str = "stanza", *, model_dir: str | None = None) -> str:
    """Download third-party models: ``"stanza"`` fetches stanza's Indonesian models.

    Needs internet and ``pip install 'geoevents[stanza]'`` (with a CPU torch). Returns the
    model directory. Raises :class:`~geoevents.errors.ModelDownloadError` when it fails.
    """
    from .components.stanza_adapter import download as _download

    return str(_download(what, model_dir=model_dir))
