"""Shared fixtures: the default pipeline and paths to ../shared (tests skip without it)."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path
from types import ModuleType

import pytest

# compiled data goes to a folder of this test session (its subprocesses inherit it), not to
# the user's cache, unless GEOEVENTS_CACHE names one
os.environ.setdefault("GEOEVENTS_CACHE", tempfile.mkdtemp(prefix="geoevents-cache-"))

import geoevents
from geoevents.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Pipeline:
    return geoevents.load()


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or skip the test when it is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not available (../shared is absent)")
    return p


def load_script(path: Path) -> ModuleType:
    """A repository script (not part of the package) imported as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
