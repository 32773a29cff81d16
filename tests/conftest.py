"""Shared fixtures: the default pipeline and paths to ../shared (tests skip without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
