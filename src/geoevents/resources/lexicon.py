"""The trigger lexicon compiled for matching, and the grammar words the engine uses."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, PrivateAttr

from ..errors import RuleFileError
from . import PathLike, resource, validate_yaml
from .gazetteer import fold
from .morph import Analysis, Voice, analyses
from .schemas import Trigger


class Grammar(BaseModel):
    """Schema of ``resources/id/grammar.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    negation: list[str]
    intent: list[str]
    modality_window: int = 4
    intent_codes: dict[str, str]
    conditional: list[str]
    irrealis: list[str]
    clause_boundaries: list[str]
    coordinators: list[str]
    reciprocal: list[str]
    between: list[str]
    """Words whose phrase names both sides of a two-way action: "bentrokan antara polisi dan
    demonstran" (the first named is the actor)."""
    comitative: list[str]
    """Words that join a companion to a subject: "Presiden Joko Widodo bersama Perdana Menteri
    Jepang mengecam ..." (both criticise)."""
    governing_roots: list[str]
    passive_agent: list[str]
    determiners: list[str]
    quantifiers: list[str]
    purpose: list[str]
    casualties: list[str]
    attack_relatives: list[str]
    harming: list[str]
    """Verbs of harm whose subject is an attack noun: "serangan udara Israel menewaskan tiga
    anggota Hamas" (Hamas is the target)."""
    held_by: list[str]
    """Passive verbs of control after "yang": an attack on a place "yang dikuasai X" is an
    attack on X ("menyerang kota tua Mosul, distrik terakhir yang dikuasai ISIS")."""
    prepositions: list[str]
    nominal_targets: list[str]
    pronouns: dict[str, str]
    not_names: list[str]
    locatives: list[str]
    reporting: list[str]
    """Passive reporting verbs whose agent stands between a subject and its verb: "kelompok
    itu disebut pemerintah menyerang pos polisi" (the group attacked, says the government)."""
    aspect: list[str]
    """Aspect and modal words between a subject and its verb ("sudah", "telah", "akan")."""
    fronting: list[str]
    """Words that open a clause before the main subject ("Setelah bertemu X, Presiden ...")."""
    numerals: list[str]
    """Number words before a counted noun ("tiga", "puluhan", "sejumlah")."""
    people_counters: list[str]
    """Classifiers that make "<number> <classifier>" a group of people ("15 orang")."""
    place_prepositions: list[str]
    """Prepositions of place: a name behind them and other place names is a location."""
    initials_markers: list[str]
    """Words before a person's initials ("berinisial JR")."""
    continuations: list[str]
    speech_verbs: list[str]
    saying_verbs: list[str]
    period_openers: list[str]
    """Prepositions before a month or year that dates an event: "sejak pertengahan Januari",
    "pada 2013"."""
    period_parts: list[str]
    sentence_adverbs: list[str]
    """Words between such a preposition and the month: "pada awal September lalu"."""
    """Verbs whose subject says the quotation after them: "Presiden Joko Widodo mengatakan,
    “Kami mendesak Myanmar ...”" (kami is the president's side)."""
    name_markers: list[str]
    """Prepositions of persons: a lone capitalised word after them is a name."""
    name_openers: list[str]
    """Words after which a lone capitalised word before a verb is a subject's name."""
    region_words: list[str] = []
    party_organs: list[str] = []
    conjunctions: list[str] = []
    name_joiners: list[str] = []
    org_name_joiners: list[str] = []
    affiliation: list[str] = []
    stance_prefixes: list[str] = []
    former: list[str] = []
    alias_markers: list[str] = []
    body_heads: list[str] = []
    predicative: list[str] = []
    origin_markers: list[str] = []
    """Words after which a state says where someone comes from, and takes no part: "warga
    asal Mozambik"."""
    demonstratives: list[str] = []
    own_side: list[str] = []
    """Pronouns of a speaker's side: the body a titled speaker's title names ("Ketua KPK
    Agus Rahardjo mengatakan pihaknya ...": KPK)."""
    """Words after a person's role that make it someone already named: "politikus PKS
    itu"."""
    """Words after which a role noun says what someone is, no one taking part: "ditahan
    sebagai tersangka", "jadi saksi", "menjadi presiden"."""
    """Capitalised nouns that open the name of a state body: "Dinas Perhubungan DKI
    Jakarta", "Direktorat Jenderal Perkeretaapian"."""
    embedding: list[str] = []
    """Words that open a clause inside the sentence whose subject differs from the main
    clause's: a verb's object clitic there refers to the main subject ("Miryam menegaskan
    bahwa tak ada anggota DPR yang mengancamnya": Miryam)."""
    """Words between a person's name and another name of theirs: "Andi Agustinus alias
    Andi Narogong"."""
    place_phrase_prepositions: list[str] = []
    fronting_fillers: list[str] = []
    """Words that close a region's name after a title: "Bupati Labuhanbatu Utara Kharuddin
    Syah" is the regent of Labuhanbatu Utara, named Kharuddin Syah."""
    not_event_day_after: list[str] = []
    """Words before a day that make it no day of the event: a deadline ("paling lambat
    Senin (16/10)"), a repeat ("setiap Jumat"), a name ("salat Jumat", "Pasar Minggu")."""
    apposition: list[str] = []
    """Words that open a list naming the members of the noun before them: "KPK menahan dua
    tersangka, yaitu A dan B" holds two arrests, of A and of B."""
    apposition_fillers: list[str] = []
    """Words allowed between that noun and the list word: "dua saksi lainnya, yakni A"."""
    discard: list[str]
    genre_words: list[str]
    """Words of sport, entertainment and gadget stories (with ``discard``): a story where
    ``genre_sentences`` sentences hold one keeps only events between political bodies."""
    genre_sentences: int = 3
    genre_share: float = 0.0
    """The share of a story's sentences that must hold a genre word, besides
    ``genre_sentences`` of them, for it to be a sport, showbiz or gadget story."""

    _folded: FoldedGrammar | None = PrivateAttr(default=None)

    def folded(self) -> FoldedGrammar:
        """The word lists folded for matching, built once and shared by every component
        given this grammar."""
        if self._folded is None:
            self._folded = FoldedGrammar(self)
        return self._folded


class FoldedGrammar:
    """The grammar's word lists case-folded and stripped of diacritics (:func:`fold`) once,
    for the components that match them against a sentence's folded words.

    ``words("negation")`` is the set of the list's entries as folded strings ("tidak",
    "belum pernah"); ``phrases("negation")`` the same entries as tuples of folded words
    (``("belum", "pernah")``), for matching word by word; ``single("negation")`` only its
    one-word entries. Several names give the union of their lists.
    """

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self._words: dict[tuple[str, ...], frozenset[str]] = {}
        self._phrases: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = {}

    def _entries(self, names: tuple[str, ...]) -> list[str]:
        out: list[str] = []
        for name in names:
            value = getattr(self.grammar, name)
            if not isinstance(value, list):
                raise TypeError(f"grammar field {name!r} is no word list")
            out.extend(value)
        return out

    def words(self, *names: str) -> frozenset[str]:
        """The folded entries of the lists ``names`` (cached)."""
        got = self._words.get(names)
        if got is None:
            got = self._words[names] = frozenset(
                " ".join(fold(x).split()) for x in self._entries(names))
        return got

    def phrases(self, *names: str) -> frozenset[tuple[str, ...]]:
        """The folded entries of the lists ``names`` as word tuples (cached)."""
        got = self._phrases.get(names)
        if got is None:
            got = self._phrases[names] = frozenset(
                tuple(fold(x).split()) for x in self._entries(names))
        return got

    def single(self, *names: str) -> frozenset[str]:
        """The one-word folded entries of the lists ``names``."""
        return frozenset(w for w in self.words(*names) if " " not in w)


@functools.lru_cache(maxsize=8)
def load_grammar(path: PathLike | None = None) -> Grammar:
    """Load and validate the grammar words (cached)."""
    return validate_yaml(path or resource("id", "grammar.yaml"), Grammar, error=RuleFileError)


@dataclass(frozen=True)
class CompiledTrigger:
    """A trigger with the affixes of its citation form worked out."""

    trigger: Trigger
    prefix: str
    suffix: str
    rest: tuple[str, ...]
    joined: str
    not_forms: frozenset[str]

    @property
    def id(self) -> str:
        """The trigger's id."""
        return self.trigger.id


@dataclass(frozen=True)
class TriggerHit:
    """A trigger found on tokens ``start:end`` (``head`` is the inflected word)."""

    start: int
    end: int
    head: int
    trigger: CompiledTrigger
    voice: Voice


def _compile(t: Trigger, path: str, index: int) -> CompiledTrigger:
    words = t.lemma.lower().split()
    base = t.base.lower()
    cands = [a for a in analyses(words[0]) if a.root == base]
    if not cands:
        raise RuleFileError(
            f"lemma {t.lemma!r} cannot be derived from base {t.base!r}",
            path=path, record=f"{index} ({t.id})", field="base")
    # prefer the reading with a real prefix ("memperingatkan": meN- + peringat + -kan)
    a: Analysis = next((c for c in cands if c.prefix), cands[0])
    return CompiledTrigger(t, a.prefix, a.suffix, tuple(words[1:]), "".join(words),
                           frozenset(f.lower() for f in t.not_forms))


_VERBAL = {"meN": "active", "memper": "active", "ber": "middle", "ter": "active", "": "active"}


class Lexicon:
    """Find triggers in token sequences by root and affixation.

    Args:
        triggers: validated lexicon entries.
        source: a name for error messages.
    """

    def __init__(self, triggers: Sequence[Trigger], *, source: str = "triggers",
                 function_words: Sequence[str] = ()) -> None:
        self.entries = [_compile(t, source, i) for i, t in enumerate(triggers, 1)]
        self.by_id = {c.id: c for c in self.entries}
        self._by_root: dict[str, list[CompiledTrigger]] = {}
        self._joined: dict[str, list[CompiledTrigger]] = {}
        for c in self.entries:
            self._by_root.setdefault(c.trigger.base.lower(), []).append(c)
            if c.rest:
                self._joined.setdefault(c.joined, []).append(c)
        self._cache: dict[str, list[tuple[CompiledTrigger, Voice]]] = {}
        # a bare root that is also a function word is never a trigger ("tentang" ≠ menentang)
        self._function = {w.lower() for w in function_words}

    def readings(self, word: str) -> list[tuple[CompiledTrigger, Voice]]:
        """Lexicon entries that the inflected ``word`` can realise, with its voice."""
        w = word.lower()
        hit = self._cache.get(w)
        if hit is not None:
            return hit
        out: list[tuple[CompiledTrigger, Voice]] = []
        if w.isalpha() and len(w) >= 3:
            for a in analyses(w):
                for c in self._by_root.get(a.root, ()):
                    if w in c.not_forms:
                        continue
                    v = self._voice(c, a)
                    if v == "bare" and w in self._function:
                        continue
                    if v is not None and (c, v) not in out:
                        out.append((c, v))
        if len(self._cache) < 200_000:
            self._cache[w] = out
        return out

    @staticmethod
    def _voice(c: CompiledTrigger, a: Analysis) -> Voice | None:
        """The voice in which word reading ``a`` realises entry ``c``, or None.

        Besides the lemma's own affixes, the derivations news uses for the same event count:
        di- passives of meN- verbs ("dikecam"), nominalisations ("kecaman", "pertemuan"),
        the transitive meN-...-i of a ber- verb and back ("bertemu dengan X" / "menemui X",
        "mengunjungi X" / "berkunjung ke X"), meN-...-i/-kan of a bare lemma ("setuju" /
        "menyetujui"), and the bare root as a noun for ber- verbs ("dialog", "kerja sama").
        """
        t = c.trigger
        if a.voice == "nominal":
            return "nominal" if t.nominal and c.prefix in ("meN", "memper", "ber", "") else None
        if c.prefix in ("meN", "memper"):
            if a.prefix == "" and a.suffix == "" and len(a.root) >= 4:
                return "bare"  # "Saran Jepang kepada ...", headlines: "AS Sanksi Korut"
            # -kan often only marks transitivity: "mengirim" / "mengirimkan" bantuan; the
            # passive of a -kan verb of giving may take -i: "menjatuhkan sanksi" / "dijatuhi"
            kan = {a.suffix, c.suffix} == {"", "kan"} or (
                a.prefix == "di" and a.suffix == "i" and c.suffix == "kan")
            # -i on a plain meN- verb repeats the act or marks its place: "menembaki",
            # "memukuli", "melempari" are the shooting, beating, pelting of "menembak" ...
            kan = kan or (c.suffix == "" and a.suffix == "i" and a.prefix in ("meN", "di"))
            if a.suffix != c.suffix and not kan:
                # "mengunjungi" (meN-i) and "berkunjung" (ber-) report the same visit
                ok = c.suffix == "i" and a.prefix == "ber" and a.suffix == ""
                return "middle" if ok else None
            if a.prefix in ("meN", "memper"):
                return "active"
            if a.prefix in ("di", "diper") and t.passive:
                return "passive"
            return None
        if c.prefix == "ber":
            if a.prefix == "ber" and a.suffix == c.suffix:
                return "middle"
            if a.suffix == "i" and c.suffix == "" and t.passive:
                return {"meN": "active", "di": "passive"}.get(a.prefix)  # type: ignore[return-value]
            if a.prefix == "" and a.suffix == "" and t.nominal:
                return "nominal"
            return None
        if c.prefix == "":
            if a.prefix == "" and a.suffix == c.suffix:
                return "active"
            if a.suffix in ("i", "kan") and t.passive:
                return {"meN": "active", "di": "passive"}.get(a.prefix)  # type: ignore[return-value]
            return None
        if c.prefix == a.prefix and a.suffix == c.suffix:
            return "passive" if c.prefix == "ter" else "active"
        return None

    def may_fire(self, words: Sequence[str]) -> bool:
        """Whether some token of ``words`` can realise an entry (a cheap test before
        costlier work on a sentence; :meth:`find` decides)."""
        return any(w in self._joined or self.readings(w) for w in (t.lower() for t in words))

    def find(self, words: Sequence[str]) -> list[TriggerHit]:
        """All trigger hits in a sentence's tokens, longest lemma first at each position."""
        lower = [w.lower() for w in words]
        hits: list[TriggerHit] = []
        for i, w in enumerate(lower):
            cands: list[TriggerHit] = []
            for c in self._joined.get(w, ()):
                cands.append(TriggerHit(i, i + 1, i, c, "active"))
            for c, voice in self.readings(w):
                if not c.rest:
                    cands.append(TriggerHit(i, i + 1, i, c, voice))
                    continue
                end = self._rest(lower, i + 1, c.rest)
                if end is not None:
                    cands.append(TriggerHit(i, end, i, c, voice))
            if cands:
                best = max(len(h.trigger.rest) for h in cands)
                longest = [h for h in cands if len(h.trigger.rest) == best]
                if all(h.trigger.trigger.object_words for h in longest):
                    # a longer entry that holds only for some objects does not hide the
                    # general one: "menembak mati" is an assassination with "pemimpin" or
                    # "komandan" after it, else the shooting of "menembak"
                    longest += [h for h in cands if len(h.trigger.rest) < best]
                # entries restricted by their object ("menuduh" + "kejahatan perang") are
                # tried before the general entry for the same word
                hits.extend(sorted(longest, key=lambda h: (
                    -len(h.trigger.rest), not h.trigger.trigger.object_words)))
        return hits

    @staticmethod
    def _rest(lower: Sequence[str], j: int, rest: tuple[str, ...]) -> int | None:
        """Where the remaining lemma words end, allowing one filler word before each."""
        for word in rest:
            for k in (j, j + 1):
                if k < len(lower) and (lower[k] == word or lower[k] == word + "nya"):
                    j = k + 1
                    break
            else:
                return None
        return j
