"""List the frequent capitalised names of political news that the gazetteer does not know.

Runs the default gazetteer (``geoevents.load().gazetteer``) over the news articles of the
IndoSum corpus ("tajuk utama"; showbiz, sport and technology are skipped) and counts the
runs of one to four capitalised tokens that no alias covers, leaving out a run that opens
the sentence (its capital may be the sentence's). A second list counts the unknown names
right after a role word: "Menteri Pertanian Amran Sulaiman", "Kapolda Metro Jaya Irjen
Mochamad Iriawan" → the name after the role and its complement.

Usage:
    python scripts/frequent_names.py                    # top 1500 runs, top 300 after roles
    python scripts/frequent_names.py --top 300 --examples 1
    python scripts/frequent_names.py --categories "tajuk utama" inspirasi
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geoevents
from geoevents.resources.gazetteer import Gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import count_triggers  # the IndoSum reader, beside this script

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "news-indosum"
POLITICAL = ("tajuk utama",)

# lower-case particles inside names: "Abu Bakar Ba'asyir", "Salim bin Said", "van der Laan"
PARTICLES = {"bin", "binti", "al", "el", "van", "der", "de", "da", "di", "von", "la", "le", "ibn"}
# role words (folded) after which a name follows; an agent word of the gazetteer counts too
ROLES = {
    "presiden", "wapres", "menteri", "menlu", "menko", "mendagri", "menkeu", "menhan",
    "menkumham", "kapolri", "wakapolri", "kapolda", "kapolres", "kapolsek", "ketua", "wakil",
    "juru", "jubir", "gubernur", "wagub", "bupati", "wali", "walikota", "jenderal", "panglima",
    "pangdam", "komandan", "danjen", "kepala", "kabareskrim", "kadiv", "karo", "direktur",
    "dirjen", "sekjen", "sekretaris", "dubes", "duta", "jaksa", "hakim", "anggota", "brigjen",
    "irjen", "komjen", "kombes", "akbp", "kompol", "mayjen", "letjen", "marsekal", "laksamana",
    "kolonel", "perdana", "pm", "raja", "pangeran", "senator", "politikus", "politisi",
    "kapuspen", "kabag", "kasubdit", "deputi", "staf", "kakanwil", "kajati", "kajari",
}
STOP = {
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Januari", "Februari",
    "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
    "Desember", "WIB", "WITA", "WIT", "Rp", "RI", "Tbk", "PT", "Baca", "Juga", "Jakarta",
}


def articles(categories: tuple[str, ...], corpus: Path = CORPUS) -> Iterator[dict[str, Any]]:
    """The articles of the corpus whose ``category`` is one of ``categories``."""
    return (art for art in count_triggers.articles(corpus) if art["category"] in categories)


def _cap(tok: str) -> bool:
    return tok[:1].isupper() and any(c.isalpha() for c in tok) and tok not in STOP


def runs(words: list[str], covered: list[bool]) -> Iterator[tuple[int, int]]:
    """Maximal runs [i, j) of capitalised tokens that no gazetteer alias covers; a particle
    ("bin", "al") may sit inside a run, never at its edges."""
    i, n = 0, len(words)
    while i < n:
        if covered[i] or not _cap(words[i]):
            i += 1
            continue
        j = i + 1
        while j < n and not covered[j] and (
            _cap(words[j]) or (words[j] in PARTICLES and j + 1 < n and _cap(words[j + 1]))
        ):
            j += 1
        yield i, j
        i = j


def count(gaz: Gazetteer, categories: tuple[str, ...], examples: int = 0
          ) -> tuple[Counter[str], Counter[str], dict[str, list[str]]]:
    """Counts of unknown capitalised runs, of those right after a role word, and examples."""
    names: Counter[str] = Counter()
    after_role: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for art in articles(categories):
        for para in art["paragraphs"]:
            for words in para:
                covered = [False] * len(words)
                agent_end: set[int] = set()
                for m in gaz.match(words):
                    for k in range(m.start, m.end):
                        covered[k] = True
                    if m.entry.kind == "agent":
                        agent_end.add(m.end)
                for i, j in runs(words, covered):
                    if i == 0:
                        continue
                    # long runs are cut into names of four tokens at most
                    for a in range(i, j, 4):
                        gram = " ".join(words[a:min(j, a + 4)])
                        names[gram] += 1
                        if len(shown[gram]) < examples:
                            shown[gram].append(" ".join(words))
                    # the name after a role: the last (up to three) tokens of the run when it
                    # opens with a role word ("Menteri Pertanian Amran Sulaiman"), or the run
                    # itself after a known agent word ("Menlu Retno ...")
                    first = words[i].casefold()
                    if i in agent_end or (i > 0 and words[i - 1].casefold() in ROLES):
                        after_role[" ".join(words[i:min(j, i + 3)])] += 1
                    elif first in ROLES and j - i >= 2:
                        after_role[" ".join(words[max(i + 1, j - 3):j])] += 1
    return names, after_role, shown


def main() -> int:
    """Print the two lists (count, then the name) on stdout."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=1500, help="how many runs to list")
    ap.add_argument("--top-roles", type=int, default=300, help="how many names after roles")
    ap.add_argument("--examples", type=int, default=0, help="sentences shown per run")
    ap.add_argument("--categories", nargs="+", default=list(POLITICAL))
    args = ap.parse_args()
    gaz = geoevents.load().gazetteer
    names, after_role, shown = count(gaz, tuple(args.categories), args.examples)
    print(f"# unknown capitalised runs ({len(names)} distinct)")
    for gram, c in names.most_common(args.top):
        print(f"{c}\t{gram}")
        for s in shown.get(gram, []):
            print(f"\t\t{s}")
    print(f"# unknown names after a role word ({len(after_role)} distinct)")
    for gram, c in after_role.most_common(args.top_roles):
        print(f"{c}\t{gram}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
