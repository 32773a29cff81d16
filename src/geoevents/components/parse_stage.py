"""The optional parser component: each sentence's dependency parse, on demand."""

from __future__ import annotations

import functools
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..resources.nlp_models import load_model
from .stanza_adapter import StanzaParser, find_models
from .state import WorkState, prepare, work_state


class ParseStage:
    """Stage 3b (with ``parser=``): a dependency parse of each sentence, aligned to its
    content tokens by character offsets, for the parse-aware event rules.

    Args:
        parser: "spacy" (the shipped Indonesian model) or "stanza" (stanza's Indonesian
            models, installed with ``geoevents download stanza``).
    """

    def __init__(self, parser: str) -> None:
        self.parser = parser
        if parser == "spacy":
            # only the parser and what it listens to: NER and morphology are not loaded
            model = load_model(exclude=("ner", "morphologizer"))
            self._pipe: Any = model.pipe
        else:
            # a clear ModelNotFoundError now, not at the first document; the directory found
            # now ($STANZA_RESOURCES_DIR at load time) is the one parsed with later
            self._pipe = StanzaParser(find_models().root).pipe

    def __call__(self, doc: Doc) -> Doc:
        """Make each sentence's parse available on demand: the event rules ask for it only
        where the shallow rules find no roles, so most sentences are never parsed."""
        st = work_state(doc)
        st.parses = [None] * len(st.segments or [])
        st.parse_at = functools.partial(self.parse_at, st)
        return doc

    def parse_at(self, st: WorkState, k: int) -> tuple[list[int], list[str]] | None:
        """The parse of segment ``k`` (computed once), aligned to its tokens."""
        parses, segs = st.parses or [], st.segments or []
        if parses[k] is not None:
            return parses[k]
        seg = segs[k]
        _, starts = (st.tokens or [])[k]
        if seg.skipped or not starts:
            return None
        view = st.view or st.text or ""
        sent = next(iter(self._pipe([view[seg.content_start:seg.end]])))
        ours = {c: j for j, c in enumerate(starts)}
        heads = [-1] * len(starts)
        deps = [""] * len(starts)
        for t in sent:
            j = ours.get(seg.content_start + t.idx)
            if j is None:
                continue
            h = ours.get(seg.content_start + t.head.idx) if t.head.i != t.i else None
            heads[j] = -1 if h is None else h
            deps[j] = t.dep_.lower()
        parses[k] = (heads, deps)
        return parses[k]


@Language.factory("geoevents_parser", default_config={"parser": "spacy"},
                  requires=["doc._.geoevents"], assigns=["doc._.geoevents"])
def make_parser(nlp: Language, name: str, parser: str) -> ParseStage:
    """Factory of the optional dependency-parse stage."""
    prepare(nlp)
    return ParseStage(parser)
