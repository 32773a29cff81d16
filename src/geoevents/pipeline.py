"""The geoevents pipeline: a spaCy ``Language`` whose stages are registered components.

Stages (each a ``Language.factory``): news segmentation and dateline → sentences → actor
mentions → date expressions → event rules → reference and alias resolution. All state lives
on the :class:`Pipeline` object and its ``nlp``; the data files are loaded once per process
and shared (see :mod:`geoevents.resources`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc

from . import errors
from .components.actor_stage import ActorStage
from .components.clean import LanguageCheck, load_language_rules, looks_like_html, working_view
from .components.confidence import load_confidence_model
from .components.dates import load_date_rules
from .components.event_stage import EventStage
from .components.resolver import ResolveStage, _dates, _named_actors, _with_mentions
from .components.spans import register_extensions
from .components.state import EXT, WorkState, work_state
from .components.text import load_text_rules
from .frame import extract_frame
from .inputs import check_text, forget_tokenizers, parse_published, share_tokenizer
from .models import (
    Document,
    Event,
    Sentence,
)
from .resources import (
    load_common_words,
    load_genre_words,
    load_morphology,
    load_not_verbs,
)
from .resources.compiled import load_gazetteer, load_lexicon
from .resources.gazetteer import Gazetteer
from .resources.lexicon import load_grammar
from .resources.places import load_place_rules, load_places

# -- shared resources ---------------------------------------------------------------------






def clear_cache() -> None:
    """Forget loaded data files (after editing them in a running session)."""
    for f in (load_gazetteer, load_lexicon, load_grammar, load_text_rules, load_date_rules,
              load_language_rules, load_places, load_place_rules, load_common_words,
              load_genre_words, load_morphology, load_not_verbs):
        f.cache_clear()
    forget_tokenizers()




# -- components ---------------------------------------------------------------------------




















































# -- the public pipeline ------------------------------------------------------------------

OPTIONS = ("gazetteer", "triggers", "max_length", "ner", "parser", "ranker", "min_confidence")
MAX_LENGTH = 2_000_000
"""Default limit on a document's length in characters (about 2 MB of text)."""




class Pipeline:
    """A reusable, picklable geoevents pipeline.

    Args:
        gazetteer: extra gazetteer JSONL files merged over the default one (same ``id``
            replaces an entity).
        triggers: extra trigger YAML files added to the default lexicon.
        parser: None (the default: shallow rules over tokens), "spacy" (the shipped
            Indonesian parser) or "stanza" (stanza's models, ``geoevents download stanza``).
            With a parser, the event rules read each trigger's roles from the tokens first;
            where they find none, the sentence is parsed and actor and target come from the
            dependency tree (nsubj, obj, obl with its preposition, passive agents, conj).
            Most sentences are never parsed. The two paths are close in entity F1 (the
            figures are in docs/accuracy.md); without a parser precision is higher and the
            pipeline twice as fast.
        ranker: read the roles of triggers the rules leave empty with the trained ranker
            (:mod:`geoevents.components.ranker`; the default). Its events carry ``+ranker`` in
            ``Event.rule``; False gives the rules alone.
        min_confidence: drop events whose ``Event.confidence`` is below this, in [0, 1].
            None (the default) takes the threshold the confidence model was trained with
            (:mod:`geoevents.components.confidence`, docs/accuracy.md); 0 keeps every event.
        ner: how people and organisations the gazetteer does not know are found:
            "heuristic" (untitled capitalised names; the default, measured the more accurate
            on the development set) or "model" (the shipped statistical NER, PER/ORG).
        max_length: longest document accepted, in characters; longer ones raise
            :class:`~geoevents.errors.DocumentTooLongError` (split them, or raise the limit
            knowing that memory grows with it).

    Examples:
        >>> nlp = Pipeline()
        >>> [e.action.root for e in nlp.extract("Rusia mengecam Amerika Serikat.",
        ...                                     published="2024-01-10")]
        ['11']
    """

    def __init__(self, *, gazetteer: Iterable[str | Path] | str | Path | None = None,
                 triggers: Iterable[str | Path] | str | Path | None = None,
                 max_length: int = MAX_LENGTH, ner: str = "heuristic",
                 parser: str | None = None, ranker: bool = True,
                 min_confidence: float | None = None) -> None:
        if not isinstance(max_length, int) or max_length < 1:
            raise errors.OptionError(f"max_length must be a positive int, got {max_length!r}")
        if ner not in ("heuristic", "model"):
            raise errors.OptionError(f"ner must be 'heuristic' or 'model', got {ner!r}")
        if not isinstance(ranker, bool):
            raise errors.OptionError(f"ranker must be True or False, got {ranker!r}")
        if min_confidence is not None and (
                isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float))
                or not 0.0 <= min_confidence <= 1.0):
            raise errors.OptionError(
                f"min_confidence must be None or a number in [0, 1], got {min_confidence!r}")
        if parser not in (None, "spacy", "stanza"):
            raise errors.OptionError(
                f"parser must be None, 'spacy' or 'stanza', got {parser!r}")
        self.options: dict[str, Any] = {
            "gazetteer": _paths(gazetteer), "triggers": _paths(triggers),
            "max_length": max_length, "ner": ner, "parser": parser, "ranker": ranker,
            "min_confidence": min_confidence}
        self.max_length = max_length
        self._language = LanguageCheck(load_language_rules())
        nlp = spacy.blank("id")
        share_tokenizer("id", nlp.tokenizer)
        nlp.max_length = max_length + 1
        register_extensions()
        nlp.add_pipe("geoevents_segmenter")
        nlp.add_pipe("geoevents_actors", config={"gazetteer": self.options["gazetteer"],
                                                 "ner": ner,
                                                 "triggers": self.options["triggers"]})
        if parser is not None:
            nlp.add_pipe("geoevents_parser", config={"parser": parser})
        nlp.add_pipe("geoevents_dates")
        nlp.add_pipe("geoevents_events", config={"triggers": self.options["triggers"],
                                                 "ranker": ranker})
        threshold = (load_confidence_model().threshold if min_confidence is None
                     else float(min_confidence))
        nlp.add_pipe("geoevents_resolver", config={"min_confidence": threshold,
                                                   "gazetteer": self.options["gazetteer"]})
        for _, pipe in nlp.pipeline:
            # the data now: a bad or missing file is an error of load(), not of a document
            if isinstance(pipe, (ActorStage, EventStage, ResolveStage)):
                pipe._ready()
        self.nlp = nlp

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.options,))

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer the actor stage uses."""
        stage = self.nlp.get_pipe("geoevents_actors")
        assert isinstance(stage, ActorStage)
        return stage.gaz

    def make_doc(self, text: str, *, published: object = None) -> Doc:
        """Run the spaCy pipeline and return the ``Doc`` (with ``doc._.geoevents``).

        The ``Doc`` is built on a same-length working view of ``text`` (markup and invisible
        characters blanked out, see :mod:`geoevents.components.clean`), so its offsets are
        offsets into ``text``.

        Raises:
            InputTypeError: ``text`` is not a str.
            PublishedDateError: ``published`` is not a date.
            DocumentTooLongError: ``text`` is longer than ``max_length`` characters.
        """
        return self.nlp(self._prepared(text, published))

    def _prepared(self, text: str, published: object) -> Doc:
        """The ``Doc`` of ``text`` with its working state, before the components run."""
        text = check_text(text)
        if len(text) > self.max_length:
            raise errors.DocumentTooLongError(errors.E004.format(
                n=len(text), limit=self.max_length))
        pub = parse_published(published)
        view = working_view(text)
        warnings: tuple[str, ...] = ("html",) if looks_like_html(text) else ()
        language = "id" if self._language.is_indonesian(view) else "other"
        if language != "id":
            warnings += ("not_indonesian",)
        doc = self.nlp.make_doc(view)
        doc._.set(EXT, WorkState(pub, "caller" if pub else "none", text=text, view=view,
                              language=language, warnings=warnings))
        return doc

    def analyze(self, text: str, *, published: object = None) -> Document:
        """Everything found in one document: sentences, actors, dates and events."""
        doc = self.make_doc(text, published=published)
        return self._document(doc)

    def extract(self, text: str, *, published: object = None) -> list[Event]:
        """The events of one document."""
        return list(self.analyze(text, published=published).events)

    def pipe(self, items: Iterable[str | tuple[str, dict[str, Any]]], *,
             batch_size: int = 64) -> Iterator[Document]:
        """Analyse a stream of texts or ``(text, metadata)`` pairs, yielding Documents in
        order, through spaCy's ``nlp.pipe`` in batches of ``batch_size``.

        ``metadata`` may hold ``published``; the rest is kept in ``Document.meta``. A bad
        item raises its typed error when its turn comes (:mod:`geoevents.io.batch` records
        per-document failures instead).
        """
        def prepared() -> Iterator[tuple[Doc, dict[str, Any] | None]]:
            for item in items:
                if isinstance(item, tuple):
                    text, meta = item
                    meta = dict(meta or {})
                    published = meta.pop("published", None)
                    keep = {k: v for k, v in meta.items()
                            if v is None or isinstance(v, (str, int, float))}
                    yield self._prepared(text, published), keep or None
                else:
                    yield self._prepared(item, None), None

        for doc, meta in self.nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
            out = self._document(doc)
            yield out.model_copy(update={"meta": meta}) if meta is not None else out

    def _document(self, doc: Doc) -> Document:
        st = work_state(doc)
        text = st.text or doc.text
        sentences = tuple(
            Sentence(text=text[s.start:s.end], span=(s.start, s.end), skipped=s.skipped,
                     reason=s.reason)
            for s in st.segments or []
        )
        return Document(
            text=text, published=st.published,
            published_source=st.published_source,
            published_text=st.published_text, sentences=sentences,
            actors=tuple(_named_actors(st, text)), dates=tuple(_dates(st, text)),
            events=tuple(_with_mentions(e, text) for e in st.events or []),
            language=st.language, warnings=st.warnings,
        )

    def extract_frame(self, df: Any, *, text: str = "text", published: str | None = "published",
                      id: str | None = "id", errors: str = "raise") -> Any:
        """The events of a pandas DataFrame's rows, one row per event (flat columns, see
        :func:`geoevents.frame.extract_frame`)."""
        return extract_frame(self, df, text=text, published=published, id=id,
                             errors=errors)  # type: ignore[arg-type]








def _paths(value: Iterable[str | Path] | str | Path | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, Path)):
        return [str(value)]
    return [str(v) for v in value]


def _rebuild(options: dict[str, Any]) -> Pipeline:
    return Pipeline(**options)
