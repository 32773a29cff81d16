"""Statistical Indonesian NLP for geoevents: a self-trained spaCy pipeline and stanza.

* :func:`parse` / :func:`load_model`: the shipped spaCy pipeline (UD morphologizer, parser,
  PER/ORG/LOC NER, floret vectors), loaded lazily from ``geoevents/resources/model``;
* :func:`geoevents.components.ner.ner_spans`: entity character spans;
* :func:`evaluate_ner`: P/R/F1 per type on a BIO/CoNLL file;
* :mod:`.train`: the reproducible training setup (``geoevents train``);
* :mod:`geoevents.components.stanza_adapter`: stanza's Indonesian pipeline mapped onto spaCy Docs.

Importing this package does not import spaCy models, stanza or torch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..resources.nlp_models import BUILD_COMMAND, load_model, model_available, model_dir, parse

if TYPE_CHECKING:
    from .ner_evaluate import NerReport, evaluate_ner

__all__ = [
    "BUILD_COMMAND",
    "NerReport",
    "evaluate_ner",
    "load_model",
    "model_available",
    "model_dir",
    "parse",
]


def __getattr__(name: str) -> Any:
    if name in ("evaluate_ner", "NerReport"):
        from . import ner_evaluate as evaluate

        return getattr(evaluate, name)
    raise AttributeError(f"module 'geoevents.training' has no attribute {name!r}")
