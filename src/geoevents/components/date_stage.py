"""The date component: date expressions of each sentence, resolved against the
publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .dates import DateResolver, load_date_rules
from .state import prepare, work_state


class DateStage:
    """Stage 4: date expressions resolved against the publication date."""

    def __init__(self) -> None:
        self.resolver = DateResolver(load_date_rules())

    def __call__(self, doc: Doc) -> Doc:
        st = work_state(doc)
        view = st.view or doc.text
        st.dates = [
            [] if seg.skipped else self.resolver.find(
                view, st.published, start=seg.start, end=seg.end)
            for seg in st.segments or []
        ]
        return doc


@Language.factory("geoevents_dates", requires=["doc._.geoevents"],
                  assigns=["doc._.geoevents"])
def make_dates(nlp: Language, name: str) -> DateStage:
    """Factory of the date stage."""
    prepare(nlp)
    return DateStage()
