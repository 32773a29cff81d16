"""Scoring extracted events against gold annotations (the format of GUIDELINES.md).

A predicted event matches a gold event when both lie in the same sentence, the predicted
root is the gold root or one of its ``alt_roots``, and both actors match: at the **entity**
level by canonical name (or, for a gold actor without a name, by country and sector); at the
**dyad** level by country (or by name for actors without one). Optional gold events neither
reward nor penalise; negated predictions are not events.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz

from ..models import Event
from ..resources.gazetteer import Gazetteer, fold

Level = Literal["entity", "dyad"]


@dataclass
class Scores:
    """Precision, recall and F1 from counts."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """tp / predicted."""
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        """tp / gold."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """JSON-ready view."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class Report:
    """The result of :func:`evaluate`."""

    entity: Scores = field(default_factory=Scores)
    dyad: Scores = field(default_factory=Scores)
    by_root: dict[str, Scores] = field(default_factory=lambda: defaultdict(Scores))
    dates: Counter[str] = field(default_factory=Counter)
    documents: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float | None:
        """Exact date accuracy on matched events with a gold date."""
        return self.dates["exact"] / self.dates["n"] if self.dates["n"] else None

    @property
    def date_accuracy_within_1_day(self) -> float | None:
        """Date accuracy allowing one day of difference."""
        return self.dates["within1"] / self.dates["n"] if self.dates["n"] else None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready view."""
        return {
            "entity": self.entity.as_dict(), "dyad": self.dyad.as_dict(),
            "date_accuracy": self.date_accuracy,
            "date_accuracy_within_1_day": self.date_accuracy_within_1_day,
            "by_root": {k: v.as_dict() for k, v in sorted(self.by_root.items())},
            "documents": self.documents,
        }

    def summary(self) -> str:
        """One line: entity P/R/F1, dyad F1, date accuracy."""
        e, d = self.entity, self.dyad
        da = "n/a" if self.date_accuracy is None else f"{self.date_accuracy:.3f}"
        return (f"entity P={e.precision:.3f} R={e.recall:.3f} F1={e.f1:.3f} | "
                f"dyad F1={d.f1:.3f} | date acc={da} | docs={self.documents}")


class _Names:
    """Name comparison with alias folding through the gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.canon: dict[str, str] = {}
        if gazetteer is not None:
            for rec in gazetteer.records:
                for n in (rec.name, *rec.aliases):
                    self.canon.setdefault(fold(n).strip(), fold(rec.name))

    def norm(self, s: str | None) -> str:
        if not s:
            return ""
        s = " ".join(fold(s).split())
        return self.canon.get(s, s)

    def match(self, g: str | None, p: str | None) -> bool:
        g, p = self.norm(g), self.norm(p)
        if not g or not p:
            return False
        if g == p or fuzz.token_sort_ratio(g, p) >= 90:
            return True
        short = min((g, p), key=len)
        return max(map(len, short.split())) >= 4 and fuzz.token_set_ratio(g, p) == 100


def _view(e: Event) -> dict[str, Any]:
    def actor(a: Any) -> dict[str, Any] | None:
        if a is None:
            return None
        return {"name": a.name, "country": a.country, "sector": a.sector}

    return {"actor": actor(e.actor), "target": actor(e.target), "root": e.action.root,
            "date": e.date.isoformat() if e.date else None, "sentence": e.sentence}


def _same_sentence(g: str, p: str) -> bool:
    g, p = " ".join(fold(g).split()), " ".join(fold(p).split())
    if not g or not p:
        return False
    if g in p or p in g:
        return True
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return len(short) >= 20 and fuzz.partial_ratio(short, long_) >= 90


class Matcher:
    """Event matching at the entity or dyad level."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.names = _Names(gazetteer)

    def actor(self, g: dict[str, Any] | None, p: dict[str, Any] | None, level: Level) -> bool:
        """Whether a predicted actor matches a gold actor."""
        if g is None or p is None:
            return g is None and p is None
        n = self.names
        if level == "dyad":
            gc = (g.get("country") or "").upper()
            if gc:
                return gc == (p.get("country") or "").upper()
            return n.match(g.get("name"), p.get("name"))
        if g.get("name"):
            return n.match(g.get("name"), p.get("name"))
        return ((g.get("country") or "") == (p.get("country") or "")
                and (g.get("sector") or "") == (p.get("sector") or ""))

    def event(self, g: dict[str, Any], p: dict[str, Any], level: Level) -> bool:
        """Whether a predicted event matches a gold event."""
        roots = {g["action"]["root"], *(g.get("alt_roots") or [])}
        return (p["root"] in roots and _same_sentence(g["sentence"], p["sentence"])
                and self.actor(g["actor"], p["actor"], level)
                and self.actor(g["target"], p["target"], level))

    def align(self, golds: Sequence[dict[str, Any]], preds: Sequence[dict[str, Any]],
              level: Level) -> list[tuple[int, int]]:
        """Greedy one-to-one alignment of gold and predicted events."""
        used: set[int] = set()
        pairs = []
        for gi, g in enumerate(golds):
            for pi, p in enumerate(preds):
                if pi not in used and self.event(g, p, level):
                    used.add(pi)
                    pairs.append((gi, pi))
                    break
        return pairs


def _date_ok(gold: str, pred: str | None, tol: int = 0) -> bool:
    if not pred:
        return False
    if len(gold) < 10:
        return pred.startswith(gold)
    try:
        days = (dt.date.fromisoformat(gold[:10]) - dt.date.fromisoformat(pred[:10])).days
        return abs(days) <= tol
    except ValueError:
        return False


def evaluate(
    docs: Iterable[dict[str, Any]],
    extract: Callable[..., list[Event]],
    *,
    gazetteer: Gazetteer | None = None,
    show_errors: int = 0,
) -> Report:
    """Score ``extract`` on gold documents ``{"id", "published", "text", "events"}``.

    Args:
        docs: gold documents (see GUIDELINES.md for the event fields).
        extract: the extraction function, called as ``extract(text, published=...)``.
        gazetteer: used to fold aliases of names ("UN" = "United Nations").
        show_errors: keep up to this many misses and false alarms in ``Report.errors``.
    """
    m = Matcher(gazetteer)
    rep = Report()
    for doc in docs:
        rep.documents += 1
        preds = [_view(e) for e in extract(doc["text"], published=doc.get("published"))
                 if not e.negated]
        golds = [g for g in doc["events"] if not g.get("optional")]
        optional = [g for g in doc["events"] if g.get("optional")]
        for level in ("entity", "dyad"):
            lvl: Level = "entity" if level == "entity" else "dyad"
            pairs = m.align(golds, preds, lvl)
            hit_p = {pi for _, pi in pairs}
            rest = [pi for pi in range(len(preds)) if pi not in hit_p]
            neutral = {rest[k] for _, k in m.align(optional, [preds[pi] for pi in rest], "dyad")}
            sc = rep.entity if lvl == "entity" else rep.dyad
            sc.tp += len(pairs)
            sc.pred += len(preds) - len(neutral)
            sc.gold += len(golds)
            if lvl != "entity":
                continue
            hit_g = {gi for gi, _ in pairs}
            for gi, pi in pairs:
                gd = golds[gi].get("date")
                if gd:
                    rep.dates["n"] += 1
                    rep.dates["exact"] += _date_ok(gd, preds[pi]["date"])
                    rep.dates["within1"] += _date_ok(gd, preds[pi]["date"], 1)
            for gi, g in enumerate(golds):
                r = rep.by_root[g["action"]["root"]]
                r.gold += 1
                r.tp += gi in hit_g
                if gi not in hit_g and len(rep.errors) < show_errors:
                    ga, gt = g["actor"], g["target"]
                    rep.errors.append(
                        f"MISS  {doc.get('id')}: {ga.get('name') or ga.get('sector')}"
                        f" -{g['action']['root']}-> {gt.get('name') or gt.get('sector')} | "
                        f"{g['sentence'][:100]}")
            for pi, p in enumerate(preds):
                if pi in neutral:
                    continue
                rep.by_root[p["root"]].pred += 1
                if pi not in hit_p and len(rep.errors) < 2 * show_errors:
                    a, t = p["actor"] or {}, p["target"] or {}
                    rep.errors.append(f"FALSE {doc.get('id')}: {a.get('name')} -{p['root']}-> "
                                      f"{t.get('name')} | {p['sentence'][:100]}")
    return rep


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
