"""The compiled gazetteer and trigger lexicon: built once per content of their files
and cached (:func:`geoevents.resources.cached`), shared by the components."""

from __future__ import annotations

import functools
from pathlib import Path

from ..inputs import tokenize_words
from . import (
    cached,
    data_key,
    default_gazetteer_files,
    default_trigger_files,
    gazetteer_dir,
    read_agents,
    read_records,
    read_triggers,
)
from .gazetteer import Gazetteer
from .lexicon import Lexicon, load_grammar


@functools.lru_cache(maxsize=8)
def load_gazetteer(extra: tuple[str, ...] = (), *, lang: str = "id") -> Gazetteer:
    """The default gazetteer with ``extra`` files merged over it (cached by paths in the
    process, and compiled once per content of the files: :func:`resources.cached`)."""
    files = [*default_gazetteer_files(), *(Path(p) for p in extra)]
    agents = gazetteer_dir() / "agents.jsonl"

    def build() -> Gazetteer:
        return Gazetteer(read_records(files), read_agents(agents),
                         functools.partial(tokenize_words, lang))

    return cached(data_key("gazetteer", [*files, agents], lang), build)


@functools.lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The trigger lexicon with ``extra`` trigger files added (cached by paths)."""
    files = [*default_trigger_files(), *(Path(p) for p in extra)]
    g = load_grammar()
    function = [*g.prepositions, *g.determiners, *g.conditional, *g.clause_boundaries,
                *g.coordinators, *g.negation, *g.intent]
    return cached(data_key("lexicon", files, *function),
                  lambda: Lexicon(read_triggers(files), function_words=function))
