"""Benchmark corpora: IndoSum articles from ../shared when present, else synthetic news."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

INDOSUM = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news-indosum"

_ACTORS = ["Rusia", "Amerika Serikat", "China", "Indonesia", "PBB", "Uni Eropa", "Iran",
           "Presiden Joko Widodo", "Menlu Retno Marsudi", "militer Israel", "Hamas", "ASEAN"]
_VERBS = ["mengecam", "bertemu dengan", "menyerang", "mendesak", "mengunjungi",
          "menjatuhkan sanksi kepada", "membantu", "menolak usulan"]
_FILLER = ["Hal itu disampaikan dalam konferensi pers di Jakarta.",
           "Harga minyak dunia naik dua persen pada perdagangan pagi ini.",
           "Pertemuan berlangsung selama tiga jam dan berakhir tanpa pernyataan bersama."]


def indosum_articles() -> Iterator[dict[str, str]]:
    """IndoSum articles as ``{"id", "text"}`` (tokenised text, paragraphs joined by blank lines)."""
    for path in sorted(INDOSUM.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                paras = [" ".join(" ".join(sent) for sent in para) for para in obj["paragraphs"]]
                yield {"id": obj["id"], "text": "\n\n".join(paras)}


def synthetic_articles(n: int, *, seed: int = 0) -> Iterator[dict[str, str]]:
    """Made-up news articles of 6–12 sentences, for machines without ../shared."""
    rng = random.Random(seed)
    for i in range(n):
        sents = []
        for _ in range(rng.randint(6, 12)):
            if rng.random() < 0.5:
                sents.append(f"{rng.choice(_ACTORS)} {rng.choice(_VERBS)} {rng.choice(_ACTORS)}.")
            else:
                sents.append(rng.choice(_FILLER))
        yield {"id": f"syn-{i}", "text": " ".join(sents)}


def articles(n: int) -> list[dict[str, str]]:
    """``n`` articles: IndoSum repeated as needed, or synthetic ones."""
    base = list(indosum_articles()) if INDOSUM.is_dir() else []
    if not base:
        return list(synthetic_articles(n))
    out = []
    while len(out) < n:
        for a in base:
            out.append({"id": f"{a['id']}#{len(out)}", "text": a["text"]})
            if len(out) == n:
                break
    return out


def rates(nlp: Any, texts: Sequence[str]) -> dict[str, float]:
    """Pipeline vs ``spacy.blank("id")`` tokenization of the same texts, in this process.

    Returns documents, tokens, sentences and events counted, both times in seconds, and the
    throughput ratio (tokenizer time / pipeline time).
    """
    import spacy

    nlp.analyze(texts[0])  # load the data files before timing
    blank = spacy.blank("id")
    t0 = time.perf_counter()
    n_tok = sum(len(blank.make_doc(t)) for t in texts)
    t_blank = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_sent = n_events = 0
    for t in texts:
        doc = nlp.analyze(t)
        n_sent += sum(not s.skipped for s in doc.sentences)
        n_events += len(doc.events)
    t_pipe = time.perf_counter() - t0
    return {"docs": len(texts), "tokens": n_tok, "sentences": n_sent, "events": n_events,
            "t_blank": t_blank, "t_pipe": t_pipe, "ratio": t_blank / t_pipe}
