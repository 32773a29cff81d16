"""Indonesian verbal morphology, enough to find a lexicon root in an inflected word.

The analyser strips clitics (-nya, -lah, -pun, -kah), suffixes (-kan, -i, -an) and prefixes
(meN-, di-, ber-, ter-, memper-, diper-, peN-, per-, ke-) and undoes the nasal assimilation
of meN-/peN- (menembak ← tembak, menyerang ← serang, memukul ← pukul, mengecam ← kecam).
It over-generates candidate roots; the caller keeps those that are in its lexicon, so no list
of surface forms is ever written by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import load_morphology, load_not_verbs

Voice = Literal["active", "passive", "middle", "nominal", "bare", "agent"]

_SUFFIXES = ("kan", "i", "an")
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class Analysis:
    """One reading of a word: prefix class, root and suffix."""

    prefix: str
    root: str
    suffix: str

    @property
    def voice(self) -> Voice:
        """The grammatical voice this affixation marks."""
        if self.suffix == "an" and self.prefix in ("", "peN", "per", "pe", "ke"):
            return "nominal"
        if self.prefix in ("meN", "memper"):
            return "active"
        if self.prefix in ("di", "diper", "ter"):
            return "passive"
        if self.prefix in ("ber", "se"):
            return "middle"
        if self.prefix == "" and self.suffix == "":
            return "bare"
        if self.prefix in ("peN", "pe", "per") and self.suffix == "":
            # peN- without -an names the doer, not the deed: "penyerang" (attacker),
            # "pembunuh" (killer) report no attack or killing
            return "agent"
        return "bare" if self.prefix == "" else "nominal"


def _nasal(rest: str, nasal: str) -> list[str]:
    """Roots that meN-/peN- with the nasal ``nasal`` can have produced ``rest``."""
    if not rest:
        return []
    if rest[0] not in _VOWELS:
        return [rest]  # mendukung ← dukung, membantu ← bantu
    if nasal == "ng":
        return [rest, "k" + rest]  # mengusulkan ← usul, mengecam ← kecam
    # before a vowel, meny-/men-/mem- replaced the root's s/t/p ("menyusul" ← susul, never
    # usul); roots that begin with ny/n/m ("menilai" ← nilai) keep it: see _prefixes
    return [{"ny": "s", "n": "t", "m": "p"}[nasal] + rest]


def _prefixes(word: str) -> list[tuple[str, str]]:
    """(prefix class, rest) pairs, including the empty prefix."""
    out: list[tuple[str, str]] = [("", word)]
    w = word
    if w.startswith("memper"):
        out.append(("memper", w[6:]))
    if w.startswith("diper"):
        out.append(("diper", w[5:]))
    if w.startswith("me"):
        for nasal in ("ng", "ny", "m", "n"):
            if w.startswith("me" + nasal):
                out.extend(("meN", r) for r in _nasal(w[2 + len(nasal):], nasal))
        if w.startswith("menge"):
            out.append(("meN", w[5:]))  # mengebom ← bom
        out.append(("meN", w[2:]))  # melarang ← larang, merebut ← rebut
    if w.startswith("pe"):
        for nasal in ("ng", "ny", "m", "n"):
            if w.startswith("pe" + nasal):
                out.extend(("peN", r) for r in _nasal(w[2 + len(nasal):], nasal))
        if w.startswith("penge"):
            out.append(("peN", w[5:]))
        if w.startswith("per"):
            out.append(("per", w[3:]))
        out.append(("pe", w[2:]))  # perundingan ← runding, pelarangan ← larang
    if w.startswith("di"):
        out.append(("di", w[2:]))
    if w.startswith("ber"):
        out.append(("ber", w[3:]))
    if w.startswith("be"):
        out.append(("ber", w[2:]))  # berunding ← runding, bekerja ← kerja
    if w.startswith("bel"):
        out.append(("ber", w[3:]))  # belajar ← ajar
    if w.startswith("ter"):
        out.append(("ter", w[3:]))
    if w.startswith("te"):
        out.append(("ter", w[2:]))  # terebut? (rare: ter- + r-initial root)
    if w.startswith("ke"):
        out.append(("ke", w[2:]))
    return out


def analyses(word: str) -> list[Analysis]:
    """Every affix reading of ``word`` (lowercase), most specific first.

    >>> Analysis("meN", "peringat", "kan") in analyses("memperingatkan")
    True
    """
    word = word.lower()
    bodies = [word]
    for c in load_morphology().clitics:  # resources/id/morphology.yaml
        if word.endswith(c) and len(word) > len(c) + 3:
            bodies.append(word[: -len(c)])
    seen: set[Analysis] = set()
    out: list[Analysis] = []
    for body in bodies:
        stems = [(body, "")]
        for s in _SUFFIXES:
            if body.endswith(s) and len(body) > len(s) + 2:
                stems.append((body[: -len(s)], s))
        for stem, suffix in stems:
            for prefix, root in _prefixes(stem):
                if len(root) < 2:
                    continue
                a = Analysis(prefix, root, suffix)
                if a not in seen:
                    seen.add(a)
                    out.append(a)
    return out


def verb_like(w: str) -> bool:
    """A word that looks like an affixed verb ("membuka", "diserang"), ending a noun phrase;
    a reduplicated adverb is none ("diam-diam", "berulang-ulang" once split as "berulang"),
    nor a preposition of verbal form ("menurut rencana", "melalui Kementerian")."""
    if w in load_not_verbs():  # resources/id/morphology.yaml
        return False
    if "-" in w:
        a, _, b = w.partition("-")
        if a == b or b in a:
            return False
    # meN- before l/r/w/y keeps "me-": "melakukan", "merebut", "mewakili", "meyakini"
    return len(w) >= 7 and w.startswith(("mem", "men", "mel", "mer", "mew", "mey", "di", "ber"))
