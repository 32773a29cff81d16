"""The segmenter component: boilerplate, dateline, publication date and sentence
boundaries."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..inputs import parse_published
from .dates import DateResolver, load_date_rules
from .state import prepare, work_state
from .text import Segmenter, load_text_rules


class NewsSegmenter:
    """Stage 1: boilerplate, dateline, publication date and sentence boundaries."""

    def __init__(self) -> None:
        self.segmenter = Segmenter(load_text_rules())
        self.dates = DateResolver(load_date_rules())

    def __call__(self, doc: Doc) -> Doc:
        st = work_state(doc)
        if st.published is None and doc._.published is not None:
            # a spaCy user's Doc: "doc._.published" gives the publication date
            st.published, st.published_source = parse_published(doc._.published), "caller"
        if not st.view:
            st.view = st.text = doc.text
        view = st.view
        st.segments = self.segmenter(view)
        if st.published is None:
            found = self.dates.find_published(view)
            if found is not None:
                st.published, _, (a, b) = found
                st.published_text = (st.text or view)[a:b]  # the caller's characters
                st.published_source = "dateline"
        # token offsets, lengths and spaces in bulk: creating a Token object per word is the
        # costliest part of reading a Doc (the Doc is built on ``view``, so its texts are
        # slices of it)
        arr = doc.to_array([IDX, LENGTH, IS_SPACE]) if len(doc) else numpy.zeros((0, 3))
        idx = arr[:, 0].tolist()
        lengths = arr[:, 1].tolist()
        space = arr[:, 2].tolist()
        st.tokens = []
        for seg in st.segments:
            lo, hi = bisect.bisect_left(idx, seg.content_start), bisect.bisect_left(idx, seg.end)
            keep = [i for i in range(lo, hi) if not space[i]]
            st.tokens.append(([view[idx[i]:idx[i] + lengths[i]] for i in keep],
                              [idx[i] for i in keep]))
        if len(doc):
            # one bulk write: setting Token.is_sent_start one by one is quadratic
            first = numpy.isin(arr[:, 0], numpy.array([s.start for s in st.segments]))
            first[0] = True
            flags = numpy.where(first, 1, -1).astype("int64").reshape(-1, 1).astype("uint64")
            doc.from_array([SENT_START], flags)  # type: ignore[arg-type]
        return doc


@Language.factory("geoevents_segmenter", assigns=["doc._.geoevents", "token.is_sent_start"])
def make_segmenter(nlp: Language, name: str) -> NewsSegmenter:
    """Factory of the news segmentation stage."""
    prepare(nlp)
    return NewsSegmenter()
