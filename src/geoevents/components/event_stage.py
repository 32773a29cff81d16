"""The event component: the trigger lexicon and the role rules over each sentence."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..resources import (
    read_index,
    read_model,
    save_index,
    save_model,
)
from ..resources.compiled import load_lexicon
from ..resources.lexicon import Grammar, Lexicon, load_grammar
from .events import CLITIC, EventEngine
from .ranker import Ranker, RankerModel, load_ranker_model
from .state import prepare, work_state


class EventStage:
    """Stage 5: the event rules (the lexicon, the grammar and the role ranker's weights are
    read from the package when first needed, or from a saved pipeline's folder)."""

    def __init__(self, triggers: Sequence[str], ranker: bool = True) -> None:
        self._triggers = tuple(triggers)
        self._ranker = ranker
        self._engine: EventEngine | None = None

    def _use(self, lexicon: Lexicon, grammar: Grammar, model: RankerModel | None) -> None:
        """Build the engine over this lexicon, grammar and ranker."""
        self._engine = EventEngine(lexicon, grammar,
                                   Ranker(model, grammar) if model is not None else None)

    def _ready(self) -> None:
        """Read the stage's data from the package the first time it is needed."""
        if self._engine is None:
            self._use(load_lexicon(self._triggers), load_grammar(),
                      load_ranker_model() if self._ranker else None)

    @property
    def engine(self) -> EventEngine:
        """The event rules over the lexicon and the grammar."""
        self._ready()
        assert self._engine is not None
        return self._engine

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon, the grammar and the ranker's weights into ``path``."""
        engine = self.engine
        save_index(path, "lexicon.pickle", engine.lexicon)
        save_model(path, "grammar.json", engine.g)
        if engine.ranker is not None:
            save_model(path, "ranker.json", engine.ranker.model)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventStage:
        """Use the data :meth:`to_disk` saved in ``path`` (not the package's)."""
        self._use(read_index(path, "lexicon.pickle", Lexicon),
                  read_model(path, "grammar.json", Grammar),
                  read_model(path, "ranker.json", RankerModel) if self._ranker else None)
        return self

    def __call__(self, doc: Doc) -> Doc:
        st = work_state(doc)
        st.raw = []
        if st.language != "id":
            st.raw = [[] for _ in st.segments or []]
            return doc
        lazy = st.parse_at
        for k, (seg, ms, (words, starts)) in enumerate(zip(
                st.segments or [], st.mentions or [], st.tokens or [], strict=True)):
            if seg.skipped or not ms:
                st.raw.append([])
                continue
            parse = functools.partial(lazy, k) if lazy is not None else None
            raws = self.engine.sentence(words, ms, parse=parse, starts=starts)
            clitics = {id(r.target): r.target for r in raws if r.target.pronoun == CLITIC}
            if clitics and st.mentions is not None:
                # verbs' object clitics: the resolver reads them with the other mentions
                st.mentions[k] = sorted([*ms, *clitics.values()], key=lambda m: m.start)
            st.raw.append(raws)
        return doc


@Language.factory("geoevents_events", default_config={"triggers": [], "ranker": True},
                  requires=["doc._.geoevents"], assigns=["doc._.geoevents"])
def make_events(nlp: Language, name: str, triggers: list[str], ranker: bool) -> EventStage:
    """Factory of the event stage; ``triggers`` lists extra trigger files, ``ranker`` turns
    on the trained reader of roles the rules leave empty."""
    prepare(nlp)
    return EventStage(triggers, ranker)
