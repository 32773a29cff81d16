"""Statistical named entities (PER/ORG/LOC) from the trained Indonesian pipeline.

>>> from geoevents.components.ner import ner_spans
>>> text = "Menteri Luar Negeri Vietnam Bui Thanh Son tiba di Jakarta."
>>> [(text[a:b], label) for a, b, label in ner_spans(text)]  # doctest: +SKIP
[('Vietnam', 'LOC'), ('Bui Thanh Son', 'PER'), ('Jakarta', 'LOC')]

The model is loaded lazily on the first call (see :mod:`geoevents.resources.nlp_models`).
Only the NER component (and the tokenizer) runs, so this is faster than
:func:`geoevents.training.parse`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..inputs import check_text
from ..resources.nlp_models import load_model

__all__ = ["LABELS", "ner_spans", "ner_spans_pipe", "ner_token_spans"]

LABELS = ("PER", "ORG", "LOC")
"""The entity types the shipped model predicts."""

_OTHERS = ("tok2vec", "morphologizer", "parser", "tagger", "attribute_ruler", "lemmatizer")


def ner_spans(text: str) -> list[tuple[int, int, str]]:
    """Entity mentions of ``text`` as ``(start, end, label)`` character offsets.

    ``text[start:end]`` is the mention; labels are PER, ORG or LOC.

    Raises:
        InputTypeError: ``text`` is not a str.
        ModelNotFoundError: the trained model is missing; the message says how to build it.
    """
    return next(ner_spans_pipe([text]))


def ner_spans_pipe(texts: Iterable[str], *, batch_size: int = 64
                   ) -> Iterator[list[tuple[int, int, str]]]:
    """:func:`ner_spans` over many texts (batched; one list per text, in order)."""

    nlp = load_model()
    disable = [n for n in nlp.pipe_names if n in _OTHERS and "ner" not in
               getattr(nlp.get_pipe(n), "listening_components", ())]
    for doc in nlp.pipe((check_text(t) for t in texts), batch_size=batch_size,
                        disable=disable):
        yield [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def ner_token_spans(sentences: Iterable[tuple[Sequence[str], Sequence[bool]]], *,
                    batch_size: int = 256) -> Iterator[list[tuple[int, int, str]]]:
    """Entity mentions of already tokenized sentences as ``(start, end, label)`` token
    ranges, one list per ``(words, spaces)`` pair, in order. The model sees exactly these
    tokens, so nothing is tokenized twice.

    Raises:
        ModelNotFoundError: the trained model is missing; the message says how to build it.
    """
    from spacy.tokens import Doc

    nlp = load_model()
    disable = [n for n in nlp.pipe_names if n in _OTHERS and "ner" not in
               getattr(nlp.get_pipe(n), "listening_components", ())]
    docs = (Doc(nlp.vocab, words=list(w), spaces=list(s)) for w, s in sentences)
    for doc in nlp.pipe(docs, batch_size=batch_size, disable=disable):
        yield [(e.start, e.end, e.label_) for e in doc.ents]
