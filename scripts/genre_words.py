"""Build ``resources/id/genre_words.yaml``: words of sport, entertainment and gadget stories.

A story in which at least ``genre_sentences`` sentences (grammar.yaml) hold one of these
words is a sport, showbiz or technology story, and only events between political bodies are
kept from it ("Argentina menjamu Uruguay" is a football match). The words are chosen from
IndoSum's own categories: a word is listed when at least ``--min-docs`` stories of the
categories olahraga, showbiz, hiburan and teknologi use it, at most ``--max-news`` of the
headline-news stories (tajuk utama) do, and it is ``--min-lift`` times likelier in the
former; names (words capitalised in as many sentences as the stories using them:
"Manchester", "Ronaldo") are left out. Usage::

    python scripts/genre_words.py            # rewrites the YAML file
    python scripts/genre_words.py --check    # exit 1 if the file differs from a fresh build
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from word_lists import emit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "news-indosum"
OUT = ROOT / "src" / "geoevents" / "resources" / "id" / "genre_words.yaml"
GENRES = ("olahraga", "showbiz", "hiburan", "teknologi")
NEWS = "tajuk utama"


def document_frequencies(corpus: Path
                         ) -> tuple[Counter[str], Counter[str], int, int, Counter[str]]:
    """(genre-story counts, news-story counts, genre stories, news stories, capitalised
    uses) of each word."""
    genre: Counter[str] = Counter()
    news: Counter[str] = Counter()
    caps: Counter[str] = Counter()
    n_genre = n_news = 0
    seen: set[str] = set()
    for f in sorted(corpus.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            art = json.loads(line)
            if art["id"] in seen or art["category"] not in (*GENRES, NEWS):
                continue
            seen.add(art["id"])
            words = {w.lower() for p in art["paragraphs"] for s in p for w in s if w.isalpha()}
            caps.update(w.lower() for p in art["paragraphs"] for s in p for w in s[1:]
                        if w.isalpha() and not w.islower())
            if art["category"] == NEWS:
                news.update(words)
                n_news += 1
            else:
                genre.update(words)
                n_genre += 1
    return genre, news, n_genre, n_news, caps


def build(corpus: Path, min_docs: int, max_news: float, min_lift: float) -> dict[str, object]:
    """The file's content."""
    genre, news, n_genre, n_news, caps = document_frequencies(corpus)
    # names ("Manchester", "Ronaldo") are left out: a club's city is also news's city
    words = sorted(
        w for w, c in genre.items()
        if len(w) >= 3 and c >= min_docs and news[w] / n_news <= max_news and caps[w] < c
        and (c / n_genre) / (news[w] / n_news + 1e-3) >= min_lift)
    return {
        "source": "scripts/genre_words.py over ../shared/corpora/news-indosum (categories "
                  f"{', '.join(GENRES)} against {NEWS})",
        "min_docs": min_docs, "max_news": max_news, "min_lift": min_lift, "words": words,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--min-docs", type=int, default=25)
    ap.add_argument("--max-news", type=float, default=0.005)
    ap.add_argument("--min-lift", type=float, default=8.0)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    data = build(args.corpus, args.min_docs, args.max_news, args.min_lift)
    emit(OUT, data, "scripts/genre_words.py", check=args.check)


if __name__ == "__main__":
    main()
