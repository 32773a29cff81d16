"""The compiled data cache (``geoevents.resources.cached``): indexes kept between processes
under a key made from the bytes of their data files, never stale."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import geoevents
from geoevents.inputs import tokenize_words
from geoevents.pipeline import clear_cache
from geoevents.resources import (
    CACHE_ENV,
    cache_dir,
    cached,
    data_key,
    default_gazetteer_files,
    gazetteer_dir,
    read_agents,
    read_records,
)
from geoevents.resources.gazetteer import Gazetteer


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    return tmp_path


def test_a_value_is_built_once_and_then_read(folder: Path) -> None:
    calls = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"a": 1}

    assert cached("demo-1", build) == {"a": 1}
    assert cached("demo-1", build) == {"a": 1}
    assert len(calls) == 1
    assert [p.name for p in folder.iterdir()] == ["demo-1.pickle"]


def test_a_changed_file_changes_the_key(tmp_path: Path) -> None:
    f = tmp_path / "mine.jsonl"
    f.write_text('{"id": "X"}\n', encoding="utf-8")
    before = data_key("gazetteer", [f], "id")
    assert data_key("gazetteer", [f], "id") == before
    f.write_text('{"id": "Y"}\n', encoding="utf-8")
    assert data_key("gazetteer", [f], "id") != before
    assert data_key("gazetteer", [f], "ms") != data_key("gazetteer", [f], "id")


def test_an_unreadable_file_is_rebuilt_and_replaced(folder: Path) -> None:
    (folder / "demo-2.pickle").write_bytes(b"not a pickle")
    assert cached("demo-2", lambda: [1, 2]) == [1, 2]
    assert cached("demo-2", lambda: [3]) == [1, 2]


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_ENV, "0")
    assert cache_dir() is None
    calls = []
    for _ in range(2):
        cached("demo-3", lambda: calls.append(1))
    assert len(calls) == 2
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "geoevents"


def test_an_unwritable_folder_costs_only_time(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "sub"))  # a folder under a file
    assert cached("demo-4", lambda: 7) == 7


def test_the_cached_gazetteer_is_the_built_one(folder: Path) -> None:
    files = [*default_gazetteer_files()]
    agents = gazetteer_dir() / "agents.jsonl"

    def build() -> Gazetteer:
        return Gazetteer(read_records(files), read_agents(agents),
                         functools.partial(tokenize_words, "id"))

    key = data_key("gazetteer", [*files, agents], "id")
    fresh = cached(key, build)
    loaded = cached(key, lambda: pytest.fail("built twice"))
    assert loaded is not fresh
    assert loaded.entities.keys() == fresh.entities.keys()
    assert loaded._trie == fresh._trie
    words = ["Presiden", "Rusia", "Vladimir", "Putin", "bertemu", "Menlu", "Retno", "Marsudi"]
    assert loaded.match(words) == fresh.match(words)


def test_a_pipeline_on_a_filled_cache_gives_the_same_events(folder: Path) -> None:
    text = "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta."
    clear_cache()
    first = geoevents.load().extract(text, published="2020-01-01")
    assert sorted(p.name.split("-")[0] for p in folder.iterdir()) == [
        "gazetteer", "lexicon", "places"]
    clear_cache()
    again = geoevents.load().extract(text, published="2020-01-01")
    clear_cache()
    assert again == first and first


def test_changed_code_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import geoevents.resources as res

    f = tmp_path / "mine.jsonl"
    f.write_text('{"id": "X"}\n', encoding="utf-8")
    before = data_key("gazetteer", [f], "id")
    monkeypatch.setattr(res, "_code_digest", lambda: "other code")
    assert data_key("gazetteer", [f], "id") != before
