"""Train a deliberately tiny Indonesian stanza pipeline from the UD CoNLL-U files, offline.

What it is for: exercising geoevents' stanza backend (``geoevents.components.stanza_adapter``,
``geoevents.load(parser="stanza")``) through stanza's real model-loading path in tests and
benchmarks, on machines without internet. It is a plumbing model: a few hundred training
steps, small hidden sizes, random word vectors; its accuracy is far below stanza's released
Indonesian models, which real users install with ``geoevents download stanza``.

Data: UD Indonesian CSUI train (``../shared/corpora/ud-id-csui``) minus its last
``dev_sentences`` sentences (held out as the dev set stanza's trainers require); scored on
UD CSUI test, which is not trained on. Each processor is trained with stanza's own
entry point (``stanza.models.tokenizer``, ``mwt_expander``, ``tagger``, ``lemmatizer``,
``parser``); the tokenizer's ``.txt``/``.toklabels`` inputs come from stanza's own
``conllu_to_text`` and ``prepare_tokenizer_data``; the word vectors (random, over the
training vocabulary) are saved with ``stanza.models.common.pretrain.Pretrain``.

Output, in stanza's resources-directory layout (what ``find_models`` reads)::

    <out_dir>/id/{tokenize,mwt,pos,lemma,depparse,pretrain}/tiny.pt
    <out_dir>/tiny_model.json     (settings, timings, held-out scores)

Usage (about 70 s on 2 CPU cores, one torch thread)::

    python training/stanza_tiny.py --out training/build/stanza_tiny
    STANZA_RESOURCES_DIR=training/build/stanza_tiny python -c \\
        "import geoevents; print(geoevents.load(parser='stanza').extract('Rusia mengecam AS.'))"
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import random
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
TRAIN = ("ud-id-csui", "id_csui-ud-train.conllu")
TEST = ("ud-id-csui", "id_csui-ud-test.conllu")
SHORTHAND = "id_csui"
NAME = "tiny"


def _sentences(path: Path) -> list[str]:
    """The sentence blocks of a CoNLL-U file (comments included, no trailing blank line)."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    return [b.strip("\n") for b in blocks if b.strip()]


def _write_conllu(path: Path, blocks: list[str]) -> Path:
    path.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    return path


def _words(blocks: list[str]) -> Iterator[str]:
    for b in blocks:
        for line in b.splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                yield cols[1]


def build_pretrain(train_blocks: list[str], out: Path, work: Path, *, dim: int = 16,
                   seed: int = 1234) -> Path:
    """Random ``dim``-dimensional vectors for the training vocabulary, in stanza's Pretrain
    format. A plumbing stand-in for real word vectors (nothing is downloaded)."""
    from stanza.models.common.pretrain import Pretrain

    counts = Counter(w for w in _words(train_blocks) if " " not in w)
    vocab = [w for w, _ in counts.most_common()]
    rng = random.Random(seed)
    vec = work / "tiny.vec"
    with vec.open("w", encoding="utf-8") as f:
        f.write(f"{len(vocab)} {dim}\n")
        for w in vocab:
            f.write(w + " " + " ".join(f"{rng.gauss(0, 0.5):.4f}" for _ in range(dim)) + "\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    pt = Pretrain(str(out), str(vec))
    pt.load()  # reads the .vec and saves ``out``
    if not out.is_file():
        raise RuntimeError(f"stanza did not write the pretrain file {out}")
    return out


def _tokenizer_files(conllu: Path, work: Path, split: str) -> tuple[Path, Path, Path]:
    """stanza's tokenizer inputs: raw text, per-character labels and the MWT table."""
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    txt = work / f"{SHORTHAND}.{split}.txt"
    labels = work / f"{SHORTHAND}-ud-{split}.toklabels"
    mwt = work / f"{SHORTHAND}-ud-{split}-mwt.json"
    with contextlib.redirect_stdout(io.StringIO()):
        conllu_to_text.main([str(conllu), str(txt)])
        prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels),
                                     "-m", str(mwt)])
    return txt, labels, mwt


def _common(save_dir: Path, seed: int) -> list[str]:
    return ["--lang", "id", "--shorthand", SHORTHAND, "--save_dir", str(save_dir),
            "--save_name", f"{NAME}.pt", "--seed", str(seed), "--cpu"]


def _raw_text(blocks: list[str]) -> str:
    """The ``# text`` of each sentence, one paragraph per sentence."""
    texts = [line[len("# text = "):] for b in blocks for line in b.splitlines()
             if line.startswith("# text = ")]
    return "\n\n".join(texts)


def evaluate(model_dir: Path, gold: Path) -> dict[str, float]:
    """F1 (in %) of the whole pipeline run from the raw text of ``gold`` (stanza's UD
    scorer): Tokens, Sentences, Words, UPOS, Lemmas, UAS, LAS."""
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    from geoevents.components.stanza_adapter import build_pipeline

    nlp = build_pipeline(model_dir)
    doc = nlp(_raw_text(_sentences(gold)))
    system = io.StringIO()
    CoNLL.write_doc2conll(doc, system)
    system.seek(0)
    ev = ud_scores(str(gold), system)
    return {k: round(100 * ev[k].f1, 2)
            for k in ("Tokens", "Sentences", "Words", "UPOS", "Lemmas", "UAS", "LAS")}


def train_tiny(out_dir: str | Path, corpora_dir: str | Path = DEFAULT_CORPORA, *,
               steps: int = 200, batch_size: int = 32, hidden_dim: int = 48, lr: float = 1e-2,
               dev_sentences: int = 40, seed: int = 1234, score: bool = True,
               threads: int = 1, work_dir: str | Path | None = None,
               verbose: bool = False) -> Path:
    """Train the tiny pipeline into ``out_dir`` (a stanza resources directory); return it.

    Args:
        out_dir: where ``id/<processor>/tiny.pt`` and ``tiny_model.json`` are written.
        corpora_dir: the folder holding ``ud-id-csui/`` (default ``../shared/corpora``).
        steps: training steps of the tokenizer, tagger and parser (each evaluates its dev
            set once, at the end).
        batch_size: sentences per tagger batch and 100-character chunks per tokenizer
            batch; the parser's batch is ``20 * batch_size`` words (stanza's units).
        hidden_dim: LSTM size of the tokenizer, tagger and parser.
        lr: Adam learning rate of the tagger and parser (stanza's defaults, 3e-3 and
            Adadelta, are tuned for long training; measured on the dev set at 200 steps,
            1e-2 gives about 20 points more UPOS and LAS).
        dev_sentences: sentences at the end of CSUI train held out as the dev set.
        seed: random seed (vectors and stanza's trainers).
        score: run the trained pipeline on CSUI test and store the scores.
        threads: torch threads while training and scoring (restored afterwards).
        work_dir: where the intermediate files go (default a temporary directory).
        verbose: show stanza's training log.

    Raises:
        FileNotFoundError: the CSUI treebank is not under ``corpora_dir``.
    """
    out = Path(out_dir)
    corpora = Path(corpora_dir)
    train_file, test_file = corpora.joinpath(*TRAIN), corpora.joinpath(*TEST)
    for f in (train_file, test_file):
        if not f.is_file():
            raise FileNotFoundError(f"{f} is missing (the UD Indonesian CSUI treebank)")
    logger = logging.getLogger("stanza")
    old_level = logger.level
    # importing stanza's trainers sets the "stanza" logger to DEBUG: import them first,
    # then set the level, and restore the caller's level at the end
    import stanza.models.tagger  # noqa: F401

    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    with contextlib.ExitStack() as stack:
        if work_dir is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="stanza-tiny-")))
        else:
            work = Path(work_dir)
            work.mkdir(parents=True, exist_ok=True)
        stack.callback(logger.setLevel, old_level)
        # one thread: on small CPU machines torch's 2-thread pool stalls for seconds at a
        # time on these tiny models (measured: 60 tagger steps 6 s on 1 thread, 25 s on 2)
        import torch

        stack.callback(torch.set_num_threads, torch.get_num_threads())
        torch.set_num_threads(threads)
        # stanza's trainers warn about their own internals (nested tensors, lr schedulers)
        stack.enter_context(warnings.catch_warnings())
        warnings.simplefilter("ignore")
        times = _train(out, work, train_file, steps=steps, batch_size=batch_size,
                       hidden_dim=hidden_dim, lr=lr, dev_sentences=dev_sentences, seed=seed)
        scores: dict[str, float] = {}
        if score:
            t0 = time.perf_counter()
            scores = evaluate(out, test_file)
            times["score"] = round(time.perf_counter() - t0, 1)
    info = {
        "what": "tiny plumbing stanza pipeline for tests (training/stanza_tiny.py); "
                "real models: geoevents download stanza",
        "train": f"{'/'.join(TRAIN)} minus the last {dev_sentences} sentences (dev)",
        "test": "/".join(TEST),
        "settings": {"steps": steps, "batch_size": batch_size, "hidden_dim": hidden_dim,
                     "lr": lr, "seed": seed, "threads": threads},
        "seconds": times, "test_f1": scores}
    (out / "tiny_model.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return out


def _train(out: Path, work: Path, train_file: Path, *, steps: int, batch_size: int,
           hidden_dim: int, lr: float, dev_sentences: int, seed: int) -> dict[str, float]:
    from stanza.models import lemmatizer, mwt_expander, parser, tagger, tokenizer

    lang = out / "id"
    blocks = _sentences(train_file)
    if not 0 < dev_sentences < len(blocks):
        raise ValueError(f"dev_sentences must be in 1..{len(blocks) - 1}")
    train = _write_conllu(work / f"{SHORTHAND}.train.gold.conllu", blocks[:-dev_sentences])
    dev = _write_conllu(work / f"{SHORTHAND}.dev.gold.conllu", blocks[-dev_sentences:])
    times: dict[str, float] = {}
    every = str(steps)

    def timed(name: str, fn: Any, args: list[str]) -> None:
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            fn(args)
        times[name] = round(time.perf_counter() - t0, 1)
        if not any((lang / name).glob("*.pt")):
            raise RuntimeError(f"stanza's {name} trainer wrote no model into {lang / name}")

    t0 = time.perf_counter()
    pretrain = build_pretrain(blocks[:-dev_sentences], lang / "pretrain" / f"{NAME}.pt", work,
                              seed=seed)
    times["pretrain"] = round(time.perf_counter() - t0, 1)

    txt, labels, mwt = _tokenizer_files(train, work, "train")
    dtxt, dlabels, _ = _tokenizer_files(dev, work, "dev")
    timed("tokenize", tokenizer.main, [
        *_common(lang / "tokenize", seed), "--mode", "train",
        "--txt_file", str(txt), "--label_file", str(labels), "--mwt_json_file", str(mwt),
        "--dev_txt_file", str(dtxt), "--dev_label_file", str(dlabels),
        "--dev_conll_gold", str(dev), "--conll_file", str(work / "tokenize.dev.pred.conllu"),
        "--steps", every, "--eval_steps", every, "--batch_size", str(batch_size),
        "--hidden_dim", str(hidden_dim), "--emb_dim", "16", "--max_seqlen", "100"])
    timed("mwt", mwt_expander.main, [
        *_common(lang / "mwt", seed), "--mode", "train", "--dict_only",
        "--train_file", str(train), "--eval_file", str(dev), "--gold_file", str(dev),
        "--output_file", str(work / "mwt.dev.pred.conllu")])
    timed("pos", tagger.main, [
        *_common(lang / "pos", seed), "--mode", "train",
        "--wordvec_pretrain_file", str(pretrain),
        "--train_file", str(train), "--eval_file", str(dev),
        "--output_file", str(work / "pos.dev.pred.conllu"),
        "--max_steps", every, "--eval_interval", every, "--batch_size", str(batch_size),
        "--hidden_dim", str(hidden_dim), "--char_hidden_dim", str(hidden_dim),
        "--deep_biaff_hidden_dim", str(hidden_dim),
        "--composite_deep_biaff_hidden_dim", str(hidden_dim),
        "--word_emb_dim", "16", "--char_emb_dim", "16", "--tag_emb_dim", "8",
        "--transformed_dim", str(hidden_dim), "--no_bert_model", "--no_second_optim",
        "--optim", "adam", "--lr", str(lr)])
    timed("lemma", lemmatizer.main, [
        "--shorthand", SHORTHAND, "--save_dir", str(lang / "lemma"),
        "--save_name", f"{NAME}.pt", "--seed", str(seed), "--cpu", "--mode", "train",
        "--dict_only", "--train_file", str(train), "--eval_file", str(dev),
        "--output_file", str(work / "lemma.dev.pred.conllu")])
    timed("depparse", parser.main, [
        *_common(lang / "depparse", seed), "--mode", "train",
        "--wordvec_pretrain_file", str(pretrain),
        "--train_file", str(train), "--eval_file", str(dev),
        "--output_file", str(work / "depparse.dev.pred.conllu"),
        "--max_steps", every, "--eval_interval", every, "--batch_size", str(batch_size * 20),
        "--hidden_dim", str(hidden_dim), "--char_hidden_dim", str(hidden_dim),
        "--deep_biaff_hidden_dim", str(hidden_dim), "--word_emb_dim", "16",
        "--char_emb_dim", "16", "--tag_emb_dim", "8", "--transformed_dim", str(hidden_dim),
        "--no_bert_model", "--no_second_optim", "--no_checkpoint", "--optim", "adam",
        "--lr", str(lr)])
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "build" / "stanza_tiny",
                    help="stanza resources directory to write (default training/build/"
                    "stanza_tiny, ignored by git)")
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--hidden-dim", type=int, default=48)
    ap.add_argument("--lr", type=float, default=1e-2)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--no-score", action="store_true", help="skip scoring on CSUI test")
    ap.add_argument("--verbose", action="store_true", help="show stanza's training log")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    out = train_tiny(args.out, args.corpora, steps=args.steps, batch_size=args.batch_size,
                     hidden_dim=args.hidden_dim, lr=args.lr, seed=args.seed,
                     threads=args.threads, score=not args.no_score,
                     verbose=args.verbose)
    print(f"wrote {out} in {time.perf_counter() - t0:.1f} s")
    print((out / "tiny_model.json").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
