"""Building the shipped Indonesian pipeline from ``../shared/corpora`` (reproducible).

Steps (each skipped when its output exists, unless ``force``):

1. ``corpus``: :func:`~geoevents.training.corpus.build_corpus` → ``<build>/corpus/*.spacy``;
2. ``vectors``: floret vectors (cbow, 100 dims, 20k hash buckets) trained on the raw IndoSum
   dev folds (deduplicated by id) and the NTREX-128 Indonesian text →
   ``<build>/vectors`` (``spacy init vectors --mode floret``);
3. ``ud`` and ``ner``: ``python -m spacy train`` with ``training/ud.cfg`` and
   ``training/ner.cfg`` → ``<build>/{ud,ner}/model-best``;
4. ``assemble``: the UD pipeline plus the NER component sourced from the NER pipeline
   (same vectors) → the output directory (``nlp.to_disk``);
5. ``evaluate``: NER on idner-news-2k test and NER-UI test.01, UPOS/LAS on the UD GSD and
   CSUI test files → ``scores.json`` next to the model.

``geoevents train`` and ``python training/train.py`` call :func:`train`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import MissingDependencyError
from ..resources.nlp_models import model_dir
from .corpus import CorpusSpec, build_corpus
from .ner_evaluate import evaluate_ner, evaluate_ud

__all__ = ["STEPS", "assemble", "evaluate_all", "train", "train_vectors", "write_raw_text"]

STEPS = ("corpus", "vectors", "ud", "ner", "assemble", "evaluate")

FLORET = {"model": "cbow", "mode": "floret", "hashCount": 2, "bucket": 20000, "minn": 3,
          "maxn": 5, "dim": 100, "epoch": 10, "minCount": 3}
"""floret settings of the shipped vectors (20000 × 100 float32 ≈ 8 MB)."""

Log = Callable[[str], None]


def _print(msg: str) -> None:
    print(f"[geoevents train] {msg}", file=sys.stderr, flush=True)


def write_raw_text(corpora: str | Path, out: str | Path) -> int:
    """Write one tokenised sentence a line from IndoSum (dev folds, first copy of each id)
    and NTREX-128 (Indonesian side); returns the number of tokens."""
    root = Path(corpora)
    seen: set[str] = set()
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for fold in sorted((root / "news-indosum").glob("dev.0*.jsonl")):
            with open(fold, encoding="utf-8") as src:
                for line in src:
                    d = json.loads(line)
                    if d["id"] in seen:
                        continue
                    seen.add(d["id"])
                    for para in d["paragraphs"]:
                        for sent in para:
                            f.write(" ".join(sent) + "\n")
                            n += len(sent)
        ntrex = root / "news-ntrex128" / "newstest2019-ref.ind.txt"
        if ntrex.is_file():
            with open(ntrex, encoding="utf-8") as src:
                for line in src:
                    f.write(line.strip() + "\n")
                    n += len(line.split())
    return n


def train_vectors(corpora: str | Path, build: Path, *, threads: int = 2,
                  log: Log = _print) -> Path:
    """Train floret vectors on the raw news text and convert them for spaCy."""
    try:
        import floret  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as e:

        raise MissingDependencyError(
            "training the vectors needs floret: pip install floret") from e
    raw = build / "raw.txt"
    n = write_raw_text(corpora, raw)
    log(f"vectors: {n:,} tokens of raw text; training floret {FLORET}")
    model = floret.train_unsupervised(str(raw), thread=threads, verbose=0, **FLORET)
    vec = build / "vectors.floret"
    model.save_floret_vectors(str(vec))
    out = build / "vectors"
    _run([sys.executable, "-m", "spacy", "init", "vectors", "id", str(vec), str(out),
          "--mode", "floret"], log)
    return out


def _run(cmd: Sequence[str], log: Log) -> None:
    log("$ " + " ".join(cmd))
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
    subprocess.run(list(cmd), check=True, env=env)


def _spacy_train(cfg: Path, build: Path, name: str, overrides: Sequence[str],
                 log: Log) -> Path:
    out = build / name
    _run([sys.executable, "-m", "spacy", "train", str(cfg), "--output", str(out),
          "--paths.train", str(build / "corpus" / f"{name}-train.spacy"),
          "--paths.dev", str(build / "corpus" / f"{name}-dev.spacy"),
          "--paths.vectors", str(build / "vectors"), *overrides], log)
    return out / "model-best"


def assemble(ud: str | Path, ner: str | Path, out: str | Path) -> Any:
    """The UD pipeline with the NER component of ``ner`` added; written to ``out``."""
    import shutil

    import spacy

    nlp = spacy.load(ud)
    ner_nlp = spacy.load(ner)
    nlp.add_pipe("ner", source=ner_nlp, name="ner")
    nlp.meta.update({
        "name": "geoevents_id", "version": "0.1.0",
        "description": "geoevents Indonesian pipeline: UD morphologizer and parser, "
                       "PER/ORG/LOC NER, floret vectors. See MODEL_CARD.md.",
        "license": "CC BY-SA 4.0", "author": "geoevents developers",
    })
    dest = Path(out)
    card = dest / "MODEL_CARD.md"
    keep = card.read_text(encoding="utf-8") if card.is_file() else None
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest)
    if keep is not None:
        card.write_text(keep, encoding="utf-8")
    return nlp


def evaluate_all(model: str | Path, corpora: str | Path, build: Path,
                 spec: CorpusSpec | None = None, log: Log = _print) -> dict[str, Any]:
    """NER, UPOS and LAS on the reported test splits (see the module docstring)."""
    import spacy


    spec = spec or CorpusSpec()
    nlp = spacy.load(model)
    scores: dict[str, Any] = {"ner": {}, "ud": {}}
    for rel in spec.ner_test:
        rep = evaluate_ner(Path(corpora) / rel, nlp=nlp)
        scores["ner"][rel] = rep.as_dict()
        log(f"NER {rel}: micro F1 {rep.micro.f1:.4f}\n{rep.table()}")
    for test in sorted((build / "corpus").glob("ud-test-*.spacy")):
        for gold in (False, True):
            key = f"{test.stem}{' (gold tokens)' if gold else ' (raw text)'}"
            s = evaluate_ud(test, nlp=nlp, gold_tokens=gold)
            scores["ud"][key] = {k: round(v, 4) for k, v in s.items()}
            log(f"UD {key}: {scores['ud'][key]}")
    (Path(model) / "scores.json").write_text(json.dumps(scores, indent=2) + "\n",
                                            encoding="utf-8")
    return scores


def train(corpora: str | Path = "../shared/corpora", *, configs: str | Path = "training",
          build: str | Path = "training/build", output: str | Path | None = None,
          steps: Sequence[str] = STEPS, force: bool = False,
          overrides: Sequence[str] = (), log: Log = _print) -> dict[str, Any]:
    """Run the training steps; returns the timings and (when evaluated) the scores.

    Args:
        corpora: the shared corpora directory.
        configs: where ``ud.cfg`` and ``ner.cfg`` are (``training/`` in a checkout).
        build: working directory for DocBins, vectors and the two trained pipelines.
        output: where the assembled pipeline goes (default: the package's
            ``resources/model``).
        steps: a subset of :data:`STEPS`.
        force: redo steps whose output exists.
        overrides: extra ``--section.key value`` arguments for ``spacy train``.
    """

    unknown = sorted(set(steps) - set(STEPS))
    if unknown:
        raise ValueError(f"unknown step(s) {unknown}; steps are {', '.join(STEPS)}")
    b, cfg = Path(build), Path(configs)
    b.mkdir(parents=True, exist_ok=True)
    out = Path(output) if output is not None else model_dir()
    times: dict[str, float] = {}
    result: dict[str, Any] = {"seconds": times}

    def step(name: str, done: bool, fn: Callable[[], Any]) -> Any:
        if name not in steps or (done and not force):
            return None
        t0 = time.perf_counter()
        log(f"step {name}")
        value = fn()
        times[name] = round(time.perf_counter() - t0, 1)
        return value

    step("corpus", (b / "corpus" / "corpus.json").is_file(),
         lambda: build_corpus(corpora, b / "corpus"))
    step("vectors", (b / "vectors" / "config.cfg").is_file(),
         lambda: train_vectors(corpora, b, log=log))
    for name in ("ud", "ner"):
        step(name, (b / name / "model-best" / "meta.json").is_file(),
             lambda name=name: _spacy_train(cfg / f"{name}.cfg", b, name,  # type: ignore[misc]
                                            overrides, log))
    step("assemble", False,
         lambda: assemble(b / "ud" / "model-best", b / "ner" / "model-best", out))
    scores = step("evaluate", False, lambda: evaluate_all(out, corpora, b, log=log))
    times_file = b / "times.json"
    all_times = json.loads(times_file.read_text()) if times_file.is_file() else {}
    all_times.update(times)
    times_file.write_text(json.dumps(all_times, indent=2) + "\n", encoding="utf-8")
    if scores is not None:
        result["scores"] = scores
        write_model_card(out, scores, all_times, b)
    return result


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def write_model_card(model: str | Path, scores: dict[str, Any], times: dict[str, float],
                     build: Path) -> Path:
    """Write ``MODEL_CARD.md`` (data, licences, scores, timings, rebuild command)."""
    d = Path(model)
    corpus_stats = build / "corpus" / "corpus.json"
    stats = json.loads(corpus_stats.read_text()) if corpus_stats.is_file() else {}
    ner_rows = []
    for rel, rep in scores.get("ner", {}).items():
        for typ, s in [*rep["by_type"].items(), ("micro", rep["micro"])]:
            ner_rows.append(f"| {rel} | {typ} | {s['precision']:.4f} | {s['recall']:.4f} "
                            f"| {s['f1']:.4f} | {s['tp']}/{s['pred']}/{s['gold']} |")
    ud_rows = [f"| {k} | {v['upos']:.4f} | {v['morph']:.4f} | {v['uas']:.4f} | {v['las']:.4f} "
               f"| {int(v['sentences'])} |" for k, v in scores.get("ud", {}).items()]
    time_rows = [f"| {k} | {v / 60:.1f} min |" for k, v in times.items()]
    kept = "; ".join(f"{split}: " + ", ".join(f"{f} {c['kept']}" for f, c in
                                              stats.get(split, {}).items())
                     for split in ("ner-train", "ner-dev"))
    dropped = {f: c["in_test"] for split in ("ner-train", "ner-dev")
               for f, c in stats.get(split, {}).items() if c.get("in_test")}
    ud_row = (
        "| morphologizer, parser | UD Indonesian-CSUI train, UD Indonesian-GSD dev, "
        "UD Indonesian-PUD (all 1000 sentences; test-only upstream): "
        f"{stats.get('ud-train', '?')} sentences trained, {stats.get('ud-dev', '?')} held "
        "out at random (seed 13) for model selection | CC BY-SA 4.0 (CSUI, GSD), "
        "CC BY-SA 3.0 (PUD) |")
    ner_row = (
        "| ner | idner-news-2k train, NER-UI (IndoLEM) fold-1 train.01, NERGrit train + "
        "valid; dev: idner-news-2k dev, NER-UI dev.01. Sentences kept: "
        f"{kept} | MIT (idner-news-2k), CC BY 4.0 per NusaCrowd (NER-UI), "
        "Apache-2.0 / NERGrit terms (credit the NERGrit contributors) |")
    vec_row = ("| vectors | IndoSum dev folds 1–5 (3463 unique articles, raw tokenised "
               "text) and NTREX-128 Indonesian | CC BY-SA 4.0 |")
    ud_dropped = stats.get("ud-dropped-overlap-or-duplicate", "?")
    card = f"""# geoevents Indonesian pipeline (`geoevents/resources/model`)

A spaCy {_spacy_version()} pipeline for Indonesian news: `tok2vec` → `morphologizer` (UPOS +
UD features) → `parser` (UD relations, `ROOT` for the root) → `ner` (PER, ORG, LOC; its own
tok2vec), with 100-dimensional floret vectors (20k hash buckets). The tokenizer is
`spacy.blank("id")`'s, so token offsets agree with the rest of geoevents; clitics such as
"-nya" are not split off (the UD treebanks split them; see the raw-text scores).
Size on disk: {_size(d) / 2**20:.1f} MiB.

Use: `geoevents.training.parse(text)` (a `Doc`), `geoevents.components.ner.ner_spans(text)`
(character spans), `geoevents evaluate-ner FILE`.

## Data and licences

| part | data | licence |
|---|---|---|
{ud_row}
{ner_row}
{vec_row}

Because the dependency annotations are CC BY-SA, **the model as a whole is distributed under
CC BY-SA 4.0** (attribution: the UD Indonesian GSD, CSUI and PUD treebanks, idner-news-2k,
IndoLEM NER-UI, NERGrit / IndoNLU, IndoSum, NTREX-128).

Overlaps (see `../shared/corpora/README.md`): every training or dev sentence whose normalised
text (lowercased, non-alphanumerics removed) occurs in a reported test split was removed
(NER: {json.dumps(dropped) or "none"} removed; UD: {ud_dropped} duplicate or test sentences).
NERP, yusufs and NER UGM share sentences with idner-news-2k and were **not** used.
Label mapping: PERSON→PER, PLACE/LOCATION→LOC, ORGANISATION/ORGANIZATION→ORG. Note that
idner-news-2k tags countries used as actors as O while NER-UI and NERGrit tag them as
places; the model mixes both conventions.

## Scores (test splits never trained on)

NER, exact-match entity spans over the file's own tokens (`geoevents evaluate-ner`):

| test file | type | P | R | F1 | tp/pred/gold |
|---|---|---|---|---|---|
{chr(10).join(ner_rows)}

UD, on the GSD and CSUI test files (PUD is trained on in full, so it is not reported; GSD's
train split is absent from the corpora, so GSD test is partly out of domain). spaCy's scorer;
"raw text": the tokenizer's tokens, so words of unsplit multi-word tokens ("-nya") count as
errors; "gold tokens": the treebank's words given:

| test split | UPOS | UFeats | UAS | LAS | sentences |
|---|---|---|---|---|---|
{chr(10).join(ud_rows)}

## Training time (2 shared CPU cores, one thread per job)

| step | wall time |
|---|---|
{chr(10).join(time_rows)}

`ud` and `ner` were run at the same time (one process each), so the training wall time is
about corpus + vectors + max(ud, ner) + assemble + evaluate.

## Rebuild

From a source checkout with `../shared/corpora` next to it:

```bash
pip install -e ".[train]"          # floret for the vectors
geoevents train                    # or: python training/train.py
# steps: corpus, vectors, ud, ner, assemble, evaluate (finished ones are skipped; --force)
```

Configs: `training/ud.cfg`, `training/ner.cfg`; the corpus conversion is
`training/build_corpus.py` (`geoevents.training.corpus`).
"""
    path = d / "MODEL_CARD.md"
    path.write_text(card, encoding="utf-8")
    return path


def _spacy_version() -> str:
    from importlib.metadata import version

    return version("spacy")
