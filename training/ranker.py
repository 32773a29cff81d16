"""Train the role ranker (``src/geoevents/resources/id/ranker.json``) on annotated news.

For every trigger word in every sentence of the gold file, the pipeline (rules only) gives
its mentions; each ordered pair of them is a candidate reading (``geoevents.components.ranker``),
labelled by the scorer's own matching: positive where a gold event of the sentence has the
trigger's root, that actor and that target. A logistic regression (scikit-learn) is fitted
on all candidates; the regularisation is chosen by cross-validation over documents. The
threshold (on the trigger words the rules leave empty, the only ones the ranker reads) is
the shipped one unless ``--choose`` picks it again by cross-validation: a retraining after
a change to the rules then changes the weights only, and the change is judged by itself.

    pip install -e ".[train]"
    python training/ranker.py --gold ../shared/eval/dev.jsonl \\
        --indosum training/data/indosum_events.jsonl --scorer ../shared/eval/score.py

``training/data/indosum_events.jsonl`` holds events annotated by GUIDELINES.md in 240
IndoSum headline-news articles outside the development set, by character offset: the
text comes from ``../shared/corpora/news-indosum``.

``--check FILE`` also prints the candidate-level figures on another annotated file (JSONL
in the same format) with the fitted weights, without training on it.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import sys
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import geoevents
from geoevents.components.ranker import Candidate, Ranker, RankerModel, load_ranker_model
from geoevents.components.state import work_state

THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
OUT = Path(__file__).resolve().parents[1] / "src/geoevents/resources/id/ranker.json"


def read_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("geoevents_scorer", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer at {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def indosum_docs(annotations: Path, corpus: Path) -> list[dict[str, Any]]:
    """Annotated IndoSum articles in the gold format: the text is rebuilt from the corpus
    (paragraphs of tokenised sentences, joined with spaces), the sentences from offsets."""
    wanted = {}
    for line in annotations.read_text("utf-8").splitlines():
        if line:
            rec = json.loads(line)
            wanted[rec["id"].removeprefix("indosum:")] = rec
    texts: dict[str, str] = {}
    for f in sorted(corpus.glob("*.jsonl")):
        with f.open(encoding="utf-8") as lines:
            for line in lines:
                r = json.loads(line)
                if r["id"] in wanted and r["id"] not in texts:
                    texts[r["id"]] = "\n\n".join(" ".join(" ".join(s) for s in p)
                                                  for p in r["paragraphs"])
    missing = sorted(set(wanted) - set(texts))
    if missing:
        raise SystemExit(f"{len(missing)} annotated articles are not in {corpus}: {missing[:3]}")
    docs = []
    for key, rec in wanted.items():
        text = texts[key]
        events = [{**e, "sentence": text[e["sentence"][0]:e["sentence"][1]]}
                  for e in rec["events"]]
        docs.append({"id": rec["id"], "published": rec["published"], "text": text,
                     "events": events})
    return docs


def views(c: Candidate, role: str, resolved: dict[int, list[Any]]) -> list[dict[str, Any]]:
    """What the mention refers to after reference resolution (a pronoun: its antecedents)."""
    m = c.actor if role == "a" else c.target
    actors = resolved.get(id(m)) or ([] if m.pronoun else [m.actor])
    return [{"name": a.name, "country": a.country, "sector": a.sector} for a in actors]


def right(c: Candidate, root: str, golds: list[dict[str, Any]],
          resolved: dict[int, list[Any]], scorer: ModuleType) -> bool:
    """Whether a gold event of the sentence has the trigger's root, that actor and that
    target (the scorer's own matching)."""
    return any(
        root in {g["action"]["root"], *(g.get("alt_roots") or [])}
        and any(scorer.actor_match(g["actor"], v, "entity") for v in views(c, "a", resolved))
        and any(scorer.actor_match(g["target"], v, "entity") for v in views(c, "t", resolved))
        for g in golds)


def collect(docs: list[dict[str, Any]], scorer: ModuleType) -> list[dict[str, Any]]:
    """One row per candidate: features, label, document, trigger word, whether rules fired."""
    nlp = geoevents.load(ranker=False)
    engine = nlp.nlp.get_pipe("geoevents_events").engine
    reader = Ranker(RankerModel(bias=0.0, threshold=0.5, weights={}), engine.g)
    rows: list[dict[str, Any]] = []
    for d_i, d in enumerate(docs):
        doc = nlp.make_doc(d["text"], published=d.get("published"))
        st = work_state(doc)
        text = st.view or d["text"]
        for k, (seg, ms, (words, _)) in enumerate(zip(
                st.segments or [], st.mentions or [], st.tokens or [], strict=True)):
            if seg.skipped or not ms:
                continue
            sentence = text[seg.start:seg.end]
            golds = [g for g in d["events"] if scorer.same_sentence(g["sentence"], sentence)]
            lower = [geoevents.resources.gazetteer.fold(w) for w in words]
            resolved = (st.resolved or {}).get(k, {})
            raws, groups = engine.readings(words, ms)
            for g_i, (hit, ok, fired) in enumerate(groups):
                root = hit.trigger.trigger.cameo[:2]
                if not fired and not ok:
                    continue  # the entry's sense is not there (EventEngine._rank)
                slots = engine.slots(hit, lower, ms)
                pairs = {(id(r.actor), id(r.target)) for r in raws
                         if r.hit.head == hit.head and r.actor is not None}
                for c in reader.candidates(hit, ok, words, lower, ms, slots, pairs):
                    # a reading the ranker adds stands for the lists its roles are in
                    # (EventEngine.expanded): what it would add, and how much of it is right
                    listed = [dataclasses.replace(c, actor=a, target=t) for a, t in
                              engine.expanded(hit, c.actor, c.target, lower, ms)]
                    rows.append({"f": c.features, "y": int(right(c, root, golds, resolved,
                                                                  scorer)), "doc": d_i,
                                 "group": (d_i, k, g_i), "fired": fired,
                                 "rule": "rule" in c.features,
                                 "adds": (sum(right(x, root, golds, resolved, scorer)
                                              for x in listed), len(listed))})
    return rows


def _adds(r: dict[str, Any]) -> tuple[int, int]:
    """How many events a reading the ranker adds gives, and how many of them are right."""
    right, n = r.get("adds", (r["y"], 1))
    return int(right), int(n)


def selection(rows: list[dict[str, Any]], probs: Any, thresholds: list[float]) -> list[str]:
    """Per trigger word the rules leave empty, the best pair: how many pass each threshold
    and how many of those are right."""
    best: dict[tuple[int, ...], tuple[float, int]] = {}
    for r, p in zip(rows, probs, strict=True):
        if r["fired"]:
            continue
        if r["group"] not in best or p > best[r["group"]][0]:
            best[r["group"]] = (float(p), r["y"])
    pos_groups: dict[tuple[int, ...], float] = {}
    for r, p in zip(rows, probs, strict=True):
        if not r["fired"] and r["y"]:
            pos_groups[r["group"]] = max(pos_groups.get(r["group"], 0.0), float(p))
    top = sum(1 for g, p in pos_groups.items() if best[g][1])
    lines = [f"  {len(best)} trigger words the rules leave empty, {len(pos_groups)} with a right "
             f"pair, ranked first in {top}"]
    rule = [(float(p), r["y"]) for r, p in zip(rows, probs, strict=True) if r["rule"]]
    if rule:
        lines.append(f"  {len(rule)} readings of the rules, {sum(y for _, y in rule)} right")
        for th in (0.05, 0.1, 0.15, 0.2, 0.3):
            drop = [y for p, y in rule if p < th]
            lines.append(f"    dropping those under {th:.2f}: {len(drop)}, of them "
                         f"{sum(drop)} right")
    for th in thresholds:
        sel = [y for p, y in best.values() if p >= th]
        prec = sum(sel) / len(sel) if sel else 0.0
        lines.append(f"  threshold {th:.2f}: {len(sel)} added, {sum(sel)} right, "
                     f"precision {prec:.3f}")
    return lines


class Choice(NamedTuple):
    """A (threshold, keep) pair, its cross-validated F1, and what :func:`choose` printed."""

    threshold: float
    keep: float
    f1: float
    note: str
    curve: list[str]


def choose(rows: list[dict[str, Any]], probs: Any, keeps: list[float],
           slack: float = 0.02, thresholds: list[float] | None = None) -> Choice:
    """The (threshold, keep) pair with the best F1 over the candidates that costs the rules'
    own readings at most ``slack`` of precision, from cross-validated probabilities.

    A reading the ranker adds counts as the events it gives with its lists
    (:meth:`~geoevents.components.events.EventEngine.expanded`); the gold is every right pair."""
    best: dict[tuple[int, ...], tuple[float, int, int]] = {}
    rule: list[tuple[float, int]] = []
    n_gold = sum(r["y"] for r in rows)  # right (actor, target) readings, rules' or not
    for r, p in zip(rows, probs, strict=True):
        if r["rule"]:
            rule.append((float(p), r["y"]))
        elif not r["fired"] and (r["group"] not in best or p > best[r["group"]][0]):
            best[r["group"]] = (float(p), *_adds(r))
    base_tp, base_n = sum(y for _, y in rule), len(rule)
    base_p = base_tp / base_n if base_n else 0.0
    choice = (1.0, 0.0, 2 * base_tp / (base_n + n_gold), base_p)
    curve: list[str] = []
    for th in thresholds or [x / 20 for x in range(3, 15)]:
        add = [(y, n) for p, y, n in best.values() if p >= th]
        for keep in keeps:
            kept = [y for p, y in rule if p >= keep]
            tp = sum(kept) + sum(y for y, _ in add)
            n = len(kept) + sum(k for _, k in add)
            prec, f1 = tp / n if n else 0.0, 2 * tp / (n + n_gold)
            curve.append(f"    threshold {th:.2f}, keep {keep:.2f}: precision {prec:.3f}, "
                         f"F1 {f1:.3f}")
            if prec >= base_p - slack and f1 > choice[2]:
                choice = (th, keep, f1, prec)
    th, keep, f1, prec = choice
    note = (f"rules alone: precision {base_p:.3f}, F1 {2 * base_tp / (base_n + n_gold):.3f}; "
            f"threshold {th:.2f}, keep {keep:.2f}: precision {prec:.3f}, F1 {f1:.3f}")
    return Choice(th, keep, f1, note, curve)


class CrossValidated(NamedTuple):
    """A logistic regression's features and cross-validated fit (:func:`cross_validated`)."""

    vectorizer: Any
    X: Any
    y: Any
    c: float
    loss: float
    probs: Any
    """Each row's probability from the fold that did not train on its document."""
    report: list[str]
    folds: list[tuple[set[Any], Any]]
    """Per fold of the chosen strength: the documents it held out and the model fitted
    without them."""


def cross_validated(rows: list[dict[str, Any]], cs: tuple[float, ...],
                    folds: int) -> CrossValidated:
    """Binary features ``r["f"]`` and labels ``r["y"]`` of ``rows``; the L2 strength among
    ``cs`` with the lowest log loss over ``folds`` folds grouped by ``r["doc"]``.

    A document's fold is a hash of its key, not of its size: a change to the rules that
    adds or drops a few candidates leaves every other document in its fold, so the
    cross-validated figures (and what is chosen on them) change by that change alone."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss, roc_auc_score

    y = np.array([r["y"] for r in rows])
    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(r["f"], 1) for r in rows])
    fold_of = np.array([zlib.crc32(repr(r["doc"]).encode()) % folds for r in rows])
    splits = [(np.flatnonzero(fold_of != f), np.flatnonzero(fold_of == f))
              for f in range(folds)]
    report = []
    best_c, best_loss, best_probs = 1.0, float("inf"), np.zeros(len(rows))
    best_folds: list[tuple[set[Any], Any]] = []
    for c in cs:
        probs = np.zeros(len(rows))
        fitted = []
        for tr, te in splits:
            clf = LogisticRegression(C=c, max_iter=2000)
            clf.fit(X[tr], y[tr])
            probs[te] = clf.predict_proba(X[te])[:, 1]
            fitted.append(({rows[i]["doc"] for i in te}, clf))
        loss = log_loss(y, probs)
        report.append(f"C={c}: log loss {loss:.4f}, AUC {roc_auc_score(y, probs):.3f}")
        if loss < best_loss:
            best_c, best_loss, best_probs, best_folds = c, loss, probs, fitted
    return CrossValidated(vec, X, y, best_c, best_loss, best_probs, report, best_folds)


def weights_of(vectorizer: Any, clf: Any) -> tuple[float, dict[str, float]]:
    """A fitted logistic regression's bias and its non-zero weights by feature name."""
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True)
               if abs(w) >= 1e-4}
    return round(float(clf.intercept_[0]), 4), dict(sorted(weights.items()))


class Trained(NamedTuple):
    """A fitted ranker and what training it printed."""

    model: RankerModel
    report: list[str]
    vectorizer: Any
    classifier: Any
    #: cross-validated F1 at the shipped threshold and at the best threshold
    f1: tuple[float, float]


def train(sets: list[tuple[str, list[dict[str, Any]]]], scorer: ModuleType, *,
          folds: int = 5, threshold: float | None = None, keep: float = 0.0,
          rechoose: bool = False) -> Trained:
    """Fit the ranker on annotated document sets ``[(name, docs)]``.

    The regularisation is chosen by grouped cross-validation (log loss). The threshold is
    ``threshold`` if given, else the shipped model's; with ``rechoose``, :func:`choose`
    picks it again on the same cross-validated probabilities. The F1 curve is flat around
    its best, so a choice made afresh at each retraining would move the threshold within
    that flat stretch and, with it, every figure a change to the rules is judged by.
    """
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - a training extra
        raise SystemExit("training the ranker needs scikit-learn: pip install -e '.[train]'"
                         ) from exc

    rows = [r | {"doc": (i, r["doc"]), "group": (i, *r["group"])}
            for i, (_, docs) in enumerate(sets) for r in collect(docs, scorer)]
    cv = cross_validated(rows, (0.01, 0.03, 0.1, 0.3), folds)
    vec, X, y, best_c, best_loss, best_probs = cv.vectorizer, cv.X, cv.y, cv.c, cv.loss, cv.probs
    report = [f"{len(rows)} candidates, {int(y.sum())} positive, {X.shape[1]} features",
              *cv.report, f"cross-validated, C={best_c}:"]
    report.extend(selection(rows, best_probs, THRESHOLDS))
    clf = LogisticRegression(C=best_c, max_iter=2000)
    clf.fit(X, y)
    bias, weights = weights_of(vec, clf)
    best = choose(rows, best_probs, [keep])
    report.append(f"chosen on the cross-validated candidates: {best.note}")
    report.extend(best.curve)
    shipped, th = best, best.threshold
    if not rechoose:
        # the F1 of the shipped threshold (or of the rules alone, where it costs them more
        # than the slack of precision)
        th = threshold if threshold is not None else load_ranker_model().threshold
        shipped = choose(rows, best_probs, [keep], thresholds=[th])
        report.append(f"shipped threshold {th:.2f}: {shipped.note}")
    model = RankerModel(
        bias=bias, threshold=th, keep=keep, weights=weights,
        trained_on=(f"{', '.join(name for name, _ in sets)}: {len(rows)} candidates, "
                    f"{int(y.sum())} positive; C={best_c}, {folds}-fold log loss "
                    f"{best_loss:.4f}; {shipped.note}"))
    return Trained(model, report, vec, clf, (shipped.f1, best.f1))


def data_arguments(ap: argparse.ArgumentParser, out: Path) -> None:
    """The annotated data, scorer, output and folds of a training script's command line."""
    ap.add_argument("--gold", type=Path, nargs="*", default=[],
                    help="annotated files in the gold format (../shared/eval/dev.jsonl)")
    ap.add_argument("--indosum", type=Path, nargs="*", default=[],
                    help="annotations by offset into IndoSum (training/data/*.jsonl)")
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpora/news-indosum"))
    ap.add_argument("--scorer", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=out)
    ap.add_argument("--folds", type=int, default=5)


def annotated_sets(args: argparse.Namespace) -> list[tuple[str, list[dict[str, Any]]]]:
    """``[(file name, documents)]`` of ``--gold`` and ``--indosum``, in that order."""
    return [(g.name, read_gold(g)) for g in args.gold] + [
        (a.name, indosum_docs(a, args.corpus)) for a in args.indosum]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    data_arguments(ap, OUT)
    ap.add_argument("--threshold", type=float, default=None,
                    help="the threshold to ship (default: the shipped model's)")
    ap.add_argument("--choose", action="store_true",
                    help="choose the threshold again on the cross-validated candidates")
    ap.add_argument("--keep", type=float, default=0.0,
                    help="the probability a reading of the rules needs to stay (default 0: "
                         "the rules' readings are all kept)")
    ap.add_argument("--check", type=Path, default=None)
    args = ap.parse_args()
    scorer = load_scorer(args.scorer)
    sets = annotated_sets(args)
    trained = train(sets, scorer, folds=args.folds, threshold=args.threshold, keep=args.keep,
                    rechoose=args.choose)
    for line in trained.report:
        print(line, file=sys.stderr)
    args.out.write_text(trained.model.model_dump_json(indent=1) + "\n", "utf-8")
    print(f"wrote {args.out} ({len(trained.model.weights)} weights)", file=sys.stderr)
    if args.check is not None:
        from sklearn.metrics import roc_auc_score

        check = collect(read_gold(args.check), scorer)
        xc = trained.vectorizer.transform([dict.fromkeys(r["f"], 1) for r in check])
        pc = trained.classifier.predict_proba(xc)[:, 1]
        yc = [r["y"] for r in check]
        print(f"{args.check.name}: {len(check)} candidates, {sum(yc)} positive, "
              f"AUC {roc_auc_score(yc, pc):.3f}", file=sys.stderr)
        for line in selection(check, pc, THRESHOLDS):
            print(line, file=sys.stderr)


if __name__ == "__main__":
    main()
