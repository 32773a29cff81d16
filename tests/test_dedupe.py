"""The one-a-day filter over stories that report the same events."""

from __future__ import annotations

import datetime as dt

import pytest

import geoevents
from geoevents.errors import OptionError
from geoevents.frame import COLUMNS

pd = pytest.importorskip("pandas")

# One visit reported by three outlets over two days, with the actors spelt three ways, a
# second meeting the next day, and an arrest in Jakarta the same Monday.
STORIES = [
    ("kompas-1", "2024-03-04",
     "Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Tokyo pada "
     "Senin (4/3/2024). Polisi menangkap dua pengunjuk rasa di Jakarta pada Senin "
     "(4/3/2024)."),
    ("tempo-7", "2024-03-04",
     "Jokowi bertemu PM Kishida di Tokyo, Senin (4/3/2024), untuk membahas investasi."),
    ("antara-3", "2024-03-05",
     "Presiden Jokowi bertemu PM Jepang Kishida di Tokyo pada Senin (4/3/2024). "
     "Jokowi kembali bertemu Kishida pada Selasa (5/3/2024) di Osaka."),
]


@pytest.fixture(scope="module")
def frame():
    nlp = geoevents.load(min_confidence=0.0)
    pairs = [(doc_id, e) for doc_id, pub, text in STORIES
             for e in nlp.extract(text, published=pub)]
    return geoevents.to_frame(pairs)


def _meetings(df):
    return df[df["root"] == "04"].sort_values("date").reset_index(drop=True)


def test_the_stories_give_one_meeting_per_report(frame) -> None:
    meetings = _meetings(frame)
    assert set(meetings["actor_name"]) == {"Joko Widodo"}
    assert set(meetings["target_name"]) == {"Fumio Kishida"}
    assert len(meetings) >= 4  # Monday in three stories, Tuesday in one


def test_one_record_per_dyad_and_day(frame) -> None:
    daily = geoevents.dedupe(frame)
    meetings = _meetings(daily)
    assert [d.date() for d in meetings["date"]] == [dt.date(2024, 3, 4), dt.date(2024, 3, 5)]
    monday, tuesday = meetings.iloc[0], meetings.iloc[1]
    assert monday["mentions"] == 3
    assert monday["doc_ids"] == ["antara-3", "kompas-1", "tempo-7"]
    assert tuesday["mentions"] == 1 and tuesday["doc_ids"] == ["antara-3"]
    # the arrest has other actors: it stays a record of its own
    arrests = daily[daily["root"] == "17"]
    assert len(arrests) == 1 and arrests.iloc[0]["mentions"] == 1
    assert set(COLUMNS) <= set(daily.columns)


def test_the_kept_row_is_the_surest(frame) -> None:
    daily = geoevents.dedupe(frame)
    monday = _meetings(daily).iloc[0]
    same_day = _meetings(frame)
    same_day = same_day[same_day["date"] == monday["date"]]
    assert monday["confidence"] == same_day["confidence"].max()


def test_a_wider_window_and_other_keys(frame) -> None:
    weekly = geoevents.dedupe(frame, window="7D")
    assert len(_meetings(weekly)) == 1 and _meetings(weekly).iloc[0]["mentions"] == 4
    by_country = geoevents.dedupe(frame, keys=("actor_country", "root", "target_country"))
    assert len(_meetings(by_country)) == 2


def test_deduplicating_twice_changes_nothing(frame) -> None:
    once = geoevents.dedupe(frame)
    twice = geoevents.dedupe(once)
    pd.testing.assert_frame_equal(once, twice)


def test_undated_events_are_kept_apart(frame) -> None:
    undated = frame.assign(date=pd.NaT)
    out = geoevents.dedupe(undated)
    assert len(out) == len(frame) and set(out["mentions"]) == {1}


def test_actors_without_an_id_compare_by_name_country_and_sector(frame) -> None:
    arrests = frame[frame["root"] == "17"]
    twice = pd.concat([arrests, arrests.assign(doc_id="other", actor_mention="aparat")])
    out = geoevents.dedupe(twice)
    assert len(out) == 1 and out.iloc[0]["doc_ids"] == ["kompas-1", "other"]
    moved = pd.concat([arrests, arrests.assign(doc_id="other", actor_country="MYS")])
    assert len(geoevents.dedupe(moved)) == 2


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"keys": ("actor", "verb")}, "verb"),
    ({"keys": "actor"}, "keys"),
    ({"window": "1M"}, "window"),
])
def test_bad_options_are_typed_errors(frame, kwargs, message) -> None:
    with pytest.raises(OptionError, match=message):
        geoevents.dedupe(frame, **kwargs)


def test_the_dask_frame_gives_the_same_records(frame) -> None:
    dd = pytest.importorskip("dask.dataframe")
    ddf = dd.from_pandas(frame, npartitions=3)
    got = geoevents.dedupe(ddf).compute()
    want = geoevents.dedupe(frame)
    cols = ["actor_name", "root", "target_name", "date", "mentions"]
    key = ["date", "root", "actor_name"]
    pd.testing.assert_frame_equal(
        got.sort_values(key).reset_index(drop=True)[cols],
        want.sort_values(key).reset_index(drop=True)[cols])
    assert sorted(map(tuple, got["doc_ids"])) == sorted(map(tuple, want["doc_ids"]))


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_the_cli_writes_a_deduplicated_copy(tmp_path, suffix) -> None:
    import csv
    import json

    from geoevents.cli import main

    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    src = tmp_path / "stories.jsonl"
    src.write_text("".join(json.dumps({"id": i, "published": p, "text": t}) + "\n"
                           for i, p, t in STORIES), encoding="utf-8")
    out = tmp_path / f"events{suffix}"
    assert main(["extract", str(src), "-o", str(out), "--dedupe", "--no-progress",
                 "--min-confidence", "0"]) == 0
    deduped = tmp_path / f"events.dedupe{suffix}"
    if suffix == ".jsonl":
        rows = [json.loads(line) for line in deduped.read_text("utf-8").splitlines()]
    elif suffix == ".csv":
        with deduped.open(encoding="utf-8", newline="") as fh:
            rows = [{**r, "doc_ids": r["doc_ids"].split(";"), "mentions": int(r["mentions"])}
                    for r in csv.DictReader(fh)]
    else:
        rows = pd.read_parquet(deduped).assign(
            date=lambda d: d["date"].dt.strftime("%Y-%m-%d"),
            doc_ids=lambda d: d["doc_ids"].map(list)).to_dict("records")
    meetings = sorted((r["date"], r["mentions"], list(r["doc_ids"])) for r in rows
                      if r["root"] == "04")
    assert meetings == [("2024-03-04", 3, ["antara-3", "kompas-1", "tempo-7"]),
                        ("2024-03-05", 1, ["antara-3"])]


def test_the_cli_refuses_dedupe_without_a_file(tmp_path, capsys) -> None:
    from geoevents.cli import main

    src = tmp_path / "one.txt"
    src.write_text(STORIES[1][2], encoding="utf-8")
    assert main(["extract", str(src), "--dedupe", "--no-progress"]) == 2
    assert "--dedupe needs -o" in capsys.readouterr().err
