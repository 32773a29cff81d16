"""Events as pandas frames: geoevents.to_frame and Pipeline.extract_frame."""

from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")

import geoevents  # noqa: E402
from geoevents.errors import InputFormatError  # noqa: E402
from geoevents.frame import COLUMNS, DTYPES, event_row  # noqa: E402

TEXT = "Rusia mengecam Ukraina. Jepang bertemu dengan Korea Selatan."


def test_to_frame_columns_and_types(nlp):
    events = nlp.extract(TEXT, published="2024-05-01")
    df = geoevents.to_frame(events, doc_id="a1")
    assert list(df.columns) == COLUMNS and len(df) == len(events) == 2
    assert {str(df[c].dtype) for c in ("sentence_start", "actor_start")} == {"Int64"}
    assert str(df["date"].dtype) == "datetime64[ns]" and df["goldstein"].dtype == "float64"
    first = df.iloc[0]
    assert (first["doc_id"], first["actor_country"], first["cameo"], first["target_country"]) \
        == ("a1", "RUS", "111", "UKR")
    assert TEXT[first["actor_start"]:first["actor_end"]] == "Rusia"
    assert TEXT[first["trigger_start"]:first["trigger_end"]] == "mengecam"
    assert first["date"] == pd.Timestamp("2024-05-01")
    pairs = geoevents.to_frame([("x", e) for e in events])
    assert pairs["doc_id"].tolist() == ["x", "x"]


def test_empty_frame_has_columns_and_dtypes():
    df = geoevents.to_frame([])
    assert list(df.columns) == COLUMNS and df.empty
    assert {c: str(t) for c, t in df.dtypes.items()} == {
        c: str(pd.Series([], dtype=t).dtype) for c, t in DTYPES.items()}


def test_extract_frame_dyad_day_counts(nlp):
    df = pd.DataFrame({
        "id": ["a", "b", "c"],
        "text": [TEXT, "Rusia mengecam Ukraina.", "Harga minyak naik."],
        "published": ["2024-05-01", "2024-05-01", None],
    })
    ev = nlp.extract_frame(df)
    assert ev["doc_id"].tolist() == ["a", "a", "b"]
    counts = ev.groupby(["actor_country", "target_country", "date"]).size()
    assert counts[("RUS", "UKR", pd.Timestamp("2024-05-01"))] == 2


def test_extract_frame_columns_and_errors(nlp):
    df = pd.DataFrame({"body": ["Rusia mengecam Ukraina.", None]}, index=[10, 11])
    with pytest.raises(InputFormatError, match="no text column 'text'"):
        nlp.extract_frame(df)
    with pytest.raises(InputFormatError, match="no column 'when'"):
        nlp.extract_frame(df, text="body", published="when")
    with pytest.raises(TypeError):  # None is not a text
        nlp.extract_frame(df, text="body")
    ev = nlp.extract_frame(df, text="body", errors="skip")
    assert ev["doc_id"].tolist() == ["10"]  # no id column: the index


def test_event_row_matches_columns(nlp):
    (e,) = nlp.extract("Rusia mengecam Ukraina.", published="2024-05-01")
    row = event_row(e, "d")
    assert list(row) == COLUMNS and row["date"] == "2024-05-01"
