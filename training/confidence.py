"""Train the event confidence model (``src/geoevents/resources/id/confidence.json``).

The full pipeline (rules and role ranker, no confidence threshold) codes every annotated
document, each with a role ranker fitted without it (cross-fitting: the ranker's probability
of a pair is a feature, and on its own training documents it would be too sure). Each event
it gives is a row with the features of :mod:`geoevents.components.confidence`, labelled by the
scorer's own alignment: 1 where it matches a required gold event, 0 where it matches none
(events that match only an optional one are left out, as the scorer leaves them
out). A logistic regression (scikit-learn) is fitted on all rows, its regularisation chosen
by grouped cross-validation over documents (log loss). The cross-validated probabilities
are then rescaled (Platt) on the IndoSum sets, which no rule was written from, so that
a confidence holds on unseen news; they also give the calibration table and, with
``--choose``, the default ``min_confidence`` again: the threshold with the best F1 over all
sets, provided it costs no set more than a point of F1. Without it the shipped threshold is
kept (the F1 curve is flat around its best, and a threshold chosen afresh at every
retraining would move every figure a change to the rules is judged by).

    pip install -e ".[train]"
    python training/ranker.py ...   # first: the confidence model scores the ranker's events
    python training/confidence.py --gold ../shared/eval/dev.jsonl \\
        --indosum training/data/indosum_events.jsonl --scorer ../shared/eval/score.py
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import geoevents
from geoevents.components.confidence import ConfidenceModel, load_confidence_model
from geoevents.components.ranker import RankerModel, load_ranker_model
from geoevents.components.state import work_state

OUT = Path(__file__).resolve().parents[1] / "src/geoevents/resources/id/confidence.json"
THRESHOLDS = [round(x / 20, 2) for x in range(0, 13)]
BINS = 10


def _sibling(name: str) -> ModuleType:
    """The training script ``name`` next to this one (its readers of annotated files)."""
    path = Path(__file__).with_name(f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"geoevents_training_{name}", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_readers = _sibling("ranker")
read_gold = _readers.read_gold
load_scorer = _readers.load_scorer
indosum_docs = _readers.indosum_docs


def fold_rankers(sets: list[tuple[str, list[dict[str, Any]]]], scorer: ModuleType,
                 folds: int) -> dict[tuple[int, int], RankerModel]:
    """For each annotated document ``(set, index)``, a role ranker fitted without it (the
    ranker's own cross-validation, as ``training/ranker.py`` runs it), with the shipped
    model's thresholds: the ranker probability and the events it adds are then what an
    unseen document would get."""
    shipped = load_ranker_model()
    rows = [r | {"doc": (i, r["doc"])} for i, (_, docs) in enumerate(sets)
            for r in _readers.collect(docs, scorer)]
    cv = _readers.cross_validated(rows, (0.01, 0.03, 0.1, 0.3), folds)
    out: dict[tuple[int, int], RankerModel] = {}
    for held_out, clf in cv.folds:
        bias, weights = _readers.weights_of(cv.vectorizer, clf)
        model = shipped.model_copy(update={"bias": bias, "weights": weights})
        out.update(dict.fromkeys(held_out, model))
    return out


def collect(docs: list[dict[str, Any]], scorer: ModuleType,
            rankers: dict[int, RankerModel] | None = None) -> tuple[list[dict[str, Any]], int]:
    """One row per coded, non-negated event (features, label, document), and the number of
    required gold events; ``rankers`` gives the role ranker each document is coded with
    (by index; the shipped one otherwise)."""
    nlp = geoevents.load(min_confidence=0.0)
    ranker = nlp.nlp.get_pipe("geoevents_events").engine.ranker
    shipped = ranker.model if ranker is not None else None
    rows: list[dict[str, Any]] = []
    n_gold = 0
    for d_i, d in enumerate(docs):
        if ranker is not None and shipped is not None:
            ranker.model = (rankers or {}).get(d_i, shipped)
        try:
            st = work_state(nlp.make_doc(d["text"], published=d.get("published")))
        finally:
            if ranker is not None and shipped is not None:
                ranker.model = shipped
        events = list(zip(st.events or [], st.event_features or [], strict=True))
        events = [(e, f) for e, f in events if not e.negated]
        preds = [scorer.pred_view(e) for e, _ in events]
        golds = [g for g in d["events"] if not g.get("optional")]
        optional = [g for g in d["events"] if g.get("optional")]
        n_gold += len(golds)
        hit = {pi for _, pi in scorer.align(golds, preds, "entity")}
        rest = [pi for pi in range(len(preds)) if pi not in hit]
        neutral = {rest[k] for _, k in scorer.align(optional, [preds[pi] for pi in rest],
                                                     "dyad")}
        for pi, (_, f) in enumerate(events):
            if pi not in neutral:
                rows.append({"f": f, "y": int(pi in hit), "doc": d_i})
    return rows, n_gold


def calibration(probs: Any, y: Any, bins: int = BINS) -> tuple[float, list[str]]:
    """Expected calibration error and the reliability table (by equal-width bins)."""
    lines, ece, n = [], 0.0, len(y)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = [(p, t) for p, t in zip(probs, y, strict=True)
               if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not sel:
            continue
        conf = sum(p for p, _ in sel) / len(sel)
        acc = sum(t for _, t in sel) / len(sel)
        ece += len(sel) / n * abs(conf - acc)
        lines.append(f"    {lo:.1f}-{hi:.1f}: {len(sel):4d} events, mean confidence "
                     f"{conf:.3f}, right {acc:.3f}")
    return ece, lines


def curve(probs: Any, y: Any, n_gold: int) -> list[tuple[float, float, float, float]]:
    """(threshold, precision, recall, F1) over the events kept at each threshold."""
    out = []
    for th in THRESHOLDS:
        kept = [t for p, t in zip(probs, y, strict=True) if p >= th]
        tp, n = sum(kept), len(kept)
        prec, rec = (tp / n if n else 0.0), (tp / n_gold if n_gold else 0.0)
        out.append((th, prec, rec, 2 * tp / (n + n_gold) if n + n_gold else 0.0))
    return out


class Trained(NamedTuple):
    """A fitted confidence model and what training it printed."""

    model: ConfidenceModel
    report: list[str]
    #: cross-validated F1 over all sets at the shipped threshold and at the chosen one
    f1: tuple[float, float]


def train(sets: list[tuple[str, list[dict[str, Any]]]], scorer: ModuleType, *,
          folds: int = 5, calibrate: tuple[int, ...] = (),
          threshold: float | None = None, rechoose: bool = False) -> Trained:
    """Fit the confidence model on annotated document sets ``[(name, docs)]``.

    The shipped ``min_confidence`` is ``threshold`` if given, else the shipped model's; with
    ``rechoose``, the cross-validated choice printed in the report.

    ``calibrate`` names (by index) the sets no rule was written from: the model's scale and
    offset are refitted to their cross-validated logits (Platt scaling), so that its
    probabilities hold on unseen text rather than on the text the rules were fitted to."""
    try:
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import roc_auc_score
    except ImportError as exc:  # pragma: no cover - a training extra
        raise SystemExit("training the confidence model needs scikit-learn: "
                         "pip install -e '.[train]'") from exc

    rows: list[dict[str, Any]] = []
    golds: list[int] = []
    rankers = fold_rankers(sets, scorer, folds)
    for i, (_, docs) in enumerate(sets):
        got, n_gold = collect(docs, scorer, {d: m for (s, d), m in rankers.items() if s == i})
        rows += [r | {"set": i, "doc": (i, r["doc"])} for r in got]
        golds.append(n_gold)
    cv = _readers.cross_validated(rows, (0.03, 0.1, 0.3, 1.0), folds)
    vec, X, y, best_c, best_loss, probs = cv.vectorizer, cv.X, cv.y, cv.c, cv.loss, cv.probs
    report = [f"{len(rows)} events, {int(y.sum())} right, {X.shape[1]} features",
              *cv.report, f"cross-validated, C={best_c}:"]
    scale, shift = 1.0, 0.0
    if calibrate:
        on = np.array([r["set"] in calibrate for r in rows])
        logit = np.log(probs / (1 - probs))
        platt = LogisticRegression(C=1e6, max_iter=2000)
        platt.fit(logit[on].reshape(-1, 1), y[on])
        scale, shift = float(platt.coef_[0][0]), float(platt.intercept_[0])
        probs = 1 / (1 + np.exp(-(scale * logit + shift)))
        report.append(f"  Platt scaling on {int(on.sum())} events of "
                      f"{', '.join(sets[i][0] for i in calibrate)}: "
                      f"logit x {scale:.3f} + {shift:.3f}")
    curves = []
    for i, (name, _) in enumerate(sets):
        sel = np.array([r["set"] == i for r in rows])
        ece, table = calibration(list(probs[sel]), list(y[sel]))
        report.append(f"  {name}: {int(sel.sum())} events, {int(y[sel].sum())} right, "
                      f"{golds[i]} gold; AUC {roc_auc_score(y[sel], probs[sel]):.3f}, "
                      f"ECE {ece:.3f}")
        report.extend(table)
        c_i = curve(list(probs[sel]), list(y[sel]), golds[i])
        curves.append(c_i)
        report.extend(f"    min_confidence {th:.2f}: precision {p:.3f}, recall {r:.3f}, "
                      f"F1 {f:.3f}" for th, p, r, f in c_i)
    overall = curve(list(probs), list(y), sum(golds))
    # the best F1 over all sets that costs no set more than a point of F1
    ok = [k for k in range(len(THRESHOLDS))
          if all(c[k][3] >= c[0][3] - 0.01 for c in curves)]
    best = max(ok, key=lambda k: overall[k][3])
    report.append(f"cross-validated choice: min_confidence {THRESHOLDS[best]:.2f}, "
                  f"F1 {overall[best][3]:.3f}")
    th = (THRESHOLDS[best] if rechoose else threshold if threshold is not None
          else load_confidence_model().threshold)
    k = min(range(len(THRESHOLDS)), key=lambda i: abs(THRESHOLDS[i] - th))
    report.append(f"shipped min_confidence {th:.2f}: F1 {overall[k][3]:.3f}; " + ", ".join(
        f"{name} {c[0][3]:.3f} -> {c[k][3]:.3f}" for (name, _), c in zip(sets, curves,
                                                                          strict=True)))
    clf = LogisticRegression(C=best_c, max_iter=2000)
    clf.fit(X, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(scale * float(w), 4)
               for n, w in zip(names, clf.coef_[0], strict=True) if abs(scale * w) >= 1e-4}
    model = ConfidenceModel(
        bias=round(scale * float(clf.intercept_[0]) + shift, 4), threshold=th,
        weights=dict(sorted(weights.items())),
        trained_on=(f"{', '.join(name for name, _ in sets)}: {len(rows)} events, "
                    f"{int(y.sum())} right; C={best_c}, {folds}-fold log loss {best_loss:.4f}"
                    + (f"; Platt-scaled on {', '.join(sets[i][0] for i in calibrate)}"
                       if calibrate else "")))
    return Trained(model, report, (overall[k][3], overall[best][3]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    _readers.data_arguments(ap, OUT)
    ap.add_argument("--threshold", type=float, default=None,
                    help="the min_confidence to ship (default: the shipped model's)")
    ap.add_argument("--choose", action="store_true",
                    help="choose min_confidence again by cross-validation")
    args = ap.parse_args()
    scorer = load_scorer(args.scorer)
    sets = _readers.annotated_sets(args)
    # the IndoSum annotations were not used to write rules: the probabilities are
    # calibrated to them
    trained = train(sets, scorer, folds=args.folds,
                    calibrate=tuple(range(len(args.gold), len(sets))),
                    threshold=args.threshold, rechoose=args.choose)
    for line in trained.report:
        print(line, file=sys.stderr)
    args.out.write_text(trained.model.model_dump_json(indent=1) + "\n", "utf-8")
    print(f"wrote {args.out} ({len(trained.model.weights)} weights)", file=sys.stderr)


if __name__ == "__main__":
    main()
