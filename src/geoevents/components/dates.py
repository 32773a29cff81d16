"""Temporal resolution: find Indonesian date expressions and resolve them to calendar dates.

The vocabulary (month and weekday names, relative words, number words, units, direction
and period words, time zones) lives in ``resources/id/dates.yaml`` and is validated by
:class:`DateRules`. This module only knows the shapes of the expressions:

* full dates: "20 Oktober 2021", "20 Okt 2021", "20/10/2021", "20-10-2021", "2021-10-20",
  optionally preceded by a weekday ("Kamis, 13 Juli 2023", "Minggu (6/4/2025)") and
  followed by a clock time ("11:40 WIB");
* day and month without a year: "20 Oktober", "Rabu (20/10)", "Selasa ( 14 / 4 )";
* months: "Agustus 2021", "pada Agustus", "akhir Agustus", "Agustus lalu";
* years: "pada 2013", "tahun 2013", "2002 lalu", "awal 2020";
* weekdays: "pada Rabu", "Rabu lalu", "Rabu depan", "Jumat pekan lalu";
* relative expressions: "kemarin", "hari ini", "tadi malam", "pekan lalu", "bulan lalu",
  "tahun lalu", "dua hari lalu", "tiga pekan yang lalu", "sehari sebelumnya",
  "lima hari lagi", "akhir pekan lalu", "awal tahun ini".

Resolution choices (the tests in ``tests/test_dates.py`` pin them down):

* A bare weekday is the latest such day on or before publication (the same day counts);
  with a future-tense word ("akan", "dijadwalkan" ...) earlier in the same clause (not
  across a quotation mark or a clause word such as "yang", "kata"), the first one on or
  after publication. "Rabu lalu" is strictly before, "Rabu depan" /
  "Rabu mendatang" strictly after, "Rabu ini" / "Rabu pekan lalu" / "Rabu pekan depan"
  the Wednesday of the current / previous / next Monday-to-Sunday week.
* A day and month without a year takes the year that puts it nearest to publication,
  preferring the past: the future reading is chosen only when it is nearer *and* at most
  90 days ahead, or when the clause is in the future tense or says "mendatang". A weekday
  next to it may switch between the past and future reading (within half a year, also
  against the tense: a planned meeting reported after it took place); a weekday
  that agrees with neither is flagged ``weekday_mismatch`` and the numeric date is trusted.
* A month alone is on or before the publication month (future tense: on or after;
  "Agustus lalu": strictly before; "Agustus mendatang": strictly after).
* Week units are approximate: "pekan lalu" = publication - 7 days, flag ``approximate``.
  "sebelumnya"/"kemudian" count from publication but are flagged ``relative_anchor``.
* Impossible dates ("29 Februari 2023", "31/2/2023") give a mention with ``date=None`` and
  a note; nothing in the text ever raises.
* Without a publication date, absolute dates still resolve; relative ones (and dates
  without a year) get ``date=None`` and the note "no publication date".
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import RuleFileError
from ..models import DateMention, Granularity
from ..resources import resource, validate_yaml

__all__ = ["DateResolver", "DateRules", "load_date_rules"]

# Tunable constants (numbers, not words).
_FUTURE_CONTEXT_CHARS = 120
"""How far before an expression a future-tense word is looked for (same sentence only)."""
_FUTURE_WINDOW_DAYS = 90
"""A day-month without year resolves to the future only when at most this many days ahead."""
_WEEKDAY_SWITCH_DAYS = 183
"""A weekday may move a day-month to the other (past/future) year only within this range."""
_MIN_YEAR, _MAX_YEAR = 1800, 2199
"""Plausible years for month-year and year-alone expressions."""

_DATELINE_WORDS = 3
"""A full date with at most this many words before it on its line is dateline-like."""

NO_PUBLICATION = "no publication date"


# --------------------------------------------------------------------------------------
# Schema of dates.yaml
# --------------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MonthEntry(_Strict):
    """One month: its number, full names and abbreviations."""

    number: int = Field(ge=1, le=12)
    names: list[str] = Field(min_length=1)
    abbreviations: list[str] = Field(default_factory=list)


class WeekdayEntry(_Strict):
    """One weekday: its number (Monday = 0, as ``date.weekday()``) and names."""

    number: int = Field(ge=0, le=6)
    names: list[str] = Field(min_length=1)


class RelativeEntry(_Strict):
    """Fixed relative words ("kemarin") and their offset in days from publication."""

    words: list[str] = Field(min_length=1)
    days: int


class UnitEntry(_Strict):
    """A unit of time ("hari", "pekan"). Exactly one of days, months, years is non-zero."""

    words: list[str] = Field(min_length=1)
    days: int = 0
    months: int = 0
    years: int = 0
    approximate: bool = False
    bare: bool = True
    """Whether the unit may be used without a number ("bulan lalu")."""

    @model_validator(mode="after")
    def _one_size(self) -> UnitEntry:
        if sum(1 for v in (self.days, self.months, self.years) if v) != 1:
            raise ValueError(f"unit {self.words}: exactly one of days/months/years must be set")
        return self


class NumberWords(_Strict):
    """Number words: ones (satu..sembilan), specials (sepuluh, sebelas), teen/tens words."""

    ones: dict[str, int]
    specials: dict[str, int] = Field(default_factory=dict)
    teen: str
    tens: str
    one_prefix: str


class DirectionEntry(_Strict):
    """Direction words after a unit, weekday or month ("lalu", "depan", "ini")."""

    words: list[str] = Field(min_length=1)
    sign: Literal[-1, 0, 1]
    context: bool = False
    """The anchor is another event in the text ("sebelumnya"), not publication."""
    with_number: bool = True
    without_number: bool = True


class PeriodEntry(_Strict):
    """A period word ("awal", "akhir") and the month it stands for within a year."""

    words: list[str] = Field(min_length=1)
    month: int = Field(ge=1, le=12)


class WeekendEntry(_Strict):
    """The words for the weekend and the weekday they resolve to."""

    words: list[str] = Field(min_length=1)
    weekday: int = Field(ge=0, le=6)


class DateRules(_Strict):
    """The schema of ``resources/id/dates.yaml``: all the words the resolver knows.

    Unknown keys are errors (``extra="forbid"``) and the rules are immutable.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    months: list[MonthEntry]
    weekdays: list[WeekdayEntry]
    relative: list[RelativeEntry]
    units: list[UnitEntry]
    numbers: NumberWords
    vague_quantities: list[str] = Field(default_factory=list)
    directions: list[DirectionEntry]
    periods: list[PeriodEntry]
    weekend: WeekendEntry
    future_words: list[str]
    tense_boundaries: list[str] = []
    """Words that open another clause: a future word before one of them does not make a
    date after it future ("akan memantau situasi yang memanas sejak bentrokan pada
    Selasa": the clash was on the past Tuesday)."""
    month_cues: list[str]
    year_cues: list[str]
    year_words: list[str]
    month_words: list[str]
    time_prefixes: list[str] = Field(default_factory=list)
    timezones: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> DateRules:
        if sorted(m.number for m in self.months) != list(range(1, 13)):
            raise ValueError("months must list each of 1..12 exactly once")
        if sorted(w.number for w in self.weekdays) != list(range(7)):
            raise ValueError("weekdays must list each of 0..6 exactly once")
        return self


@functools.lru_cache(maxsize=1)
def load_date_rules() -> DateRules:
    """Load and validate ``resources/id/dates.yaml``.

    Returns:
        The validated rules (cached: the file is read once per process).

    Raises:
        RuleFileError: when the file is no YAML or does not follow :class:`DateRules`
            (the message names the record and the field).
    """
    return validate_yaml(resource("id", "dates.yaml"), DateRules, error=RuleFileError)


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------

_LB = r"(?<![\w'’-])"
_RB = r"(?![\w'’-])"
_NUM_LB = r"(?<![\w.,/:'’-])"
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_TENSE_BREAK = re.compile(r"[.!?](?=\s)|\n|[\"“”]")
"""Where the tense of the words before a date ends: a sentence or a quotation ("... akan
kami bongkar," kata Gubernur, Rabu: the governor spoke on the past Wednesday)."""
_RECENT_YEARS = 6
"""Years before the latest one in a header that could be the story's own."""
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d]|[.,]\d)")
_APOS = str.maketrans({"’": "'"})


def _norm(s: str) -> str:
    return " ".join(s.translate(_APOS).lower().split())


def _alt(words: list[str] | set[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in uniq)


def _first_chars(words: Iterable[str], *, ci: bool = False, extra: str = "") -> str:
    """A look-ahead for the first character of any of ``words`` (or of ``extra``)."""
    chars = set(extra)
    for w in words:
        if w:
            chars.update({w[0], w[0].lower(), w[0].upper()} if ci else {w[0]})
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


_V = TypeVar("_V")


def _alt_ci(words: list[str] | set[str]) -> str:
    """Like :func:`_alt`, matching case-insensitively."""
    return f"(?i:{_alt(words)})"


def _norm_set(words: Iterable[str]) -> set[str]:
    """The normalised ``words``, as a set."""
    return {_norm(w) for w in words}


def _index_words(entries: Iterable[tuple[Iterable[str], _V]]) -> dict[str, _V]:
    """Each normalised word of each ``(words, value)`` entry -> its value (later ones win)."""
    return {_norm(w): value for words, value in entries for w in words}


def _word_tokens(words: Iterable[str]) -> frozenset[str]:
    """The letter runs in the normalised ``words`` (what a word gate looks for)."""
    out: set[str] = set()
    for w in words:
        out.update(_WORD.findall(_norm(w)))
    return frozenset(out)


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _on_or_before(pub: dt.date, wd: int) -> dt.date:
    return pub - dt.timedelta(days=(pub.weekday() - wd) % 7)


def _strictly_before(pub: dt.date, wd: int) -> dt.date:
    return pub - dt.timedelta(days=(pub.weekday() - wd - 1) % 7 + 1)


def _on_or_after(pub: dt.date, wd: int) -> dt.date:
    return pub + dt.timedelta(days=(wd - pub.weekday()) % 7)


def _strictly_after(pub: dt.date, wd: int) -> dt.date:
    return pub + dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)


def _in_week(pub: dt.date, wd: int, weeks: int) -> dt.date:
    monday = pub - dt.timedelta(days=pub.weekday())
    return monday + dt.timedelta(days=7 * weeks + wd)


Mode = Literal["default", "past", "future", "strict_past", "strict_future", "current"]


@dataclass
class _Cand:
    """A candidate mention before overlap resolution."""

    a: int
    b: int
    date: dt.date | None
    granularity: Granularity = "day"
    flags: tuple[str, ...] = ()
    note: str | None = None
    prio: int = 0
    info: dict[str, object] = field(default_factory=dict)


# --------------------------------------------------------------------------------------
# Resolver
# --------------------------------------------------------------------------------------


class DateResolver:
    """Finds date expressions in Indonesian text and resolves them against a publication date.

    Args:
        rules: the vocabulary; :func:`load_date_rules` when None.

    Example:
        >>> r = DateResolver()
        >>> [m.date.isoformat() for m in r.find("Taliban setuju pada Rabu (20 Oktober).",
        ...                                      dt.date(2021, 10, 21))]
        ['2021-10-20']
    """

    def __init__(self, rules: DateRules | None = None) -> None:
        self.rules = rules if rules is not None else load_date_rules()
        r = self.rules

        # --- word tables: normalised word -> what it stands for ----------------------------
        self._month, self._month_full = self._read_months()
        self._weekday = self._read_weekdays()
        self._relative = self._read_relative_words()
        self._unit = self._read_units()
        self._se_unit = self._one_prefixed_units()
        self._dir = self._read_directions()
        self._period = self._read_periods()
        self._ones, self._specials, self._teen, self._tens = self._read_number_words()
        self._future = _norm_set(r.future_words)
        self._tense_bounds = _norm_set(r.tense_boundaries)
        self._month_cues = _norm_set(r.month_cues)
        self._year_cues = _norm_set(r.year_cues)
        self._number_words = set(self._ones) | set(self._specials)
        self._vague = _norm_set(r.vague_quantities)
        self._weekday_units = {w for w in self._weekday if w in self._unit}

        # --- cheap pre-checks, then the patterns themselves --------------------------------
        self._keywords = self._prefilter_keywords()
        self._gates = self._pattern_gates()
        self._patterns = self._compile_patterns()

    # ----------------------------------------------------------------------------------
    # word tables (read from the rules)
    # ----------------------------------------------------------------------------------

    def _read_months(self) -> tuple[dict[str, int], set[str]]:
        """Month name or abbreviation -> month number; and the set of full month names."""
        months = self.rules.months
        table = _index_words(([*me.names, *me.abbreviations], me.number) for me in months)
        return table, {_norm(w) for me in months for w in me.names}

    def _read_weekdays(self) -> dict[str, int]:
        """Weekday name -> weekday number (Monday = 0)."""
        return _index_words((we.names, we.number) for we in self.rules.weekdays)

    def _read_relative_words(self) -> dict[str, int]:
        """Fixed relative word ("kemarin") -> offset in days from publication."""
        return _index_words((re_.words, re_.days) for re_ in self.rules.relative)

    def _read_units(self) -> dict[str, UnitEntry]:
        """Unit word ("hari", "pekan") -> its unit."""
        return _index_words((ue.words, ue) for ue in self.rules.units)

    def _one_prefixed_units(self) -> dict[str, UnitEntry]:
        """The one-prefix plus a unit word ("sehari", "sepekan") -> that unit."""
        pre = _norm(self.rules.numbers.one_prefix)
        return {pre + k: v for k, v in self._unit.items()}

    def _read_directions(self) -> dict[str, DirectionEntry]:
        """Direction word ("lalu", "depan", "ini") -> its direction."""
        return _index_words((de.words, de) for de in self.rules.directions)

    def _read_periods(self) -> dict[str, int]:
        """Period word ("awal", "akhir") -> the month it stands for."""
        return _index_words((pe.words, pe.month) for pe in self.rules.periods)

    def _read_number_words(self) -> tuple[dict[str, int], dict[str, int], str, str]:
        """Number words: the ones, the specials, the teen word and the tens word."""
        nw = self.rules.numbers
        return ({_norm(k): v for k, v in nw.ones.items()},
                {_norm(k): v for k, v in nw.specials.items()}, _norm(nw.teen), _norm(nw.tens))

    # ----------------------------------------------------------------------------------
    # pre-checks: keywords and per-pattern gates
    # ----------------------------------------------------------------------------------

    def _prefilter_keywords(self) -> frozenset[str]:
        """The words of which every date expression without a digit holds at least one."""
        # cheap pre-check: every date expression holds a digit or one of these words
        kw: set[str] = set()
        for w in [*self._month, *self._weekday, *self._unit, *self._se_unit]:
            kw.update(_WORD.findall(w))
        for phrase in [*self._relative, *(_norm(w) for w in self.rules.weekend.words)]:
            kw.add(_WORD.findall(phrase)[0])
        return frozenset(kw)

    def _pattern_gates(self) -> dict[str, tuple[frozenset[str] | re.Pattern[str], ...]]:
        """Per pattern, the gates that a search window must pass before the pattern is run."""
        # every gate (a word set to intersect with the window's words, or a regex to search)
        # must pass before the pattern itself is run
        k_month, k_full = _word_tokens(self._month), _word_tokens(self._month_full)
        k_wd, k_unit = _word_tokens(self._weekday), _word_tokens(self._unit)
        k_per = _word_tokens(self._period)
        k_rel = frozenset(_WORD.findall(w)[0] for w in self._relative)
        k_we = frozenset(_WORD.findall(_norm(w))[0] for w in self.rules.weekend.words)
        g_digit, g_y4 = re.compile(r"\d"), re.compile(r"\d{4}")
        return {
            "dm_text": (k_month, g_digit),
            "dmy_num": (re.compile(r"\d\s*[/.-]\s*\d"),),
            "ymd_num": (re.compile(r"\d{4}-\d"),),
            "dm_num": (re.compile(r"\d\s*/\s*\d"),),
            "wd_week": (k_wd, k_unit),
            "wd": (k_wd,),
            "month_year": (k_month, g_y4),
            "month": (k_full,),
            "period_year": (k_per, g_y4),
            "period_unit": (k_per, k_unit),
            "weekend": (k_we,),
            "year": (g_y4,),
            "relative": (k_rel,),
            "n_unit": (k_unit,),
            "se_unit": (_word_tokens(self._se_unit),),
            "bare_unit": (k_unit,),
        }

    # ----------------------------------------------------------------------------------
    # regex pieces
    # ----------------------------------------------------------------------------------

    def _weekday_names_cs(self) -> set[str]:
        """Weekday names as written and in capitals (weekday patterns are case-sensitive)."""
        return {v for we in self.rules.weekdays for w in we.names for v in (w, w.upper())}

    def _month_names_cs(self) -> set[str]:
        """Full month names as written and in capitals (for the case-sensitive month alone)."""
        return {v for me in self.rules.months for w in me.names for v in (w, w.upper())}

    def _weekday_re(self) -> str:
        """A weekday name (group ``wd``), case-sensitive."""
        return f"{_LB}(?P<wd>{_alt(self._weekday_names_cs())}){_RB}"

    def _month_re(self) -> str:
        """Any month name or abbreviation (group ``mon``), case-insensitive."""
        return f"(?P<mon>{_alt_ci(set(self._month))}){_RB}(?:\\.(?=\\s*,?\\s*\\d))?"  # "Okt. 2021"

    def _full_month_re(self) -> str:
        """A full month name (group ``mon``), case-sensitive."""
        return f"(?P<mon>{_alt(self._month_names_cs())}){_RB}"

    def _directions_re(self, keep: Callable[[DirectionEntry], object]) -> str:
        """The direction words whose direction passes ``keep``, case-insensitive."""
        return _alt_ci({w for w, d in self._dir.items() if keep(d)})

    def _units_re(self, keep: Callable[[UnitEntry], object]) -> str:
        """The unit words whose unit passes ``keep``, case-insensitive."""
        return _alt_ci({w for w, u in self._unit.items() if keep(u)})

    def _clock_time_re(self) -> str:
        """An optional clock time after a date (group ``time``): ", 11:40 WIB", "pukul 14.20"."""
        r = self.rules
        tz = _alt(set(r.timezones))
        tp = f"{_alt_ci(_norm_set(r.time_prefixes))}\\.?"
        sep = r"\s*[,|\-–]?\s*"
        time_alts = [f"{sep}(?:{tp}\\s*)?\\d{{1,2}}:\\d{{2}}(?::\\d{{2}})?(?!\\d)"]
        if tz:
            time_alts.insert(0, f"{sep}(?:{tp}\\s*)?\\d{{1,2}}[:.]\\d{{2}}(?:[:.]\\d{{2}})?"
                                f"\\s*(?:{tz})(?!\\w)")
            time_alts[-1] += f"(?:\\s*(?:{tz})(?!\\w))?"
        if r.time_prefixes:
            time_alts.append(f"{sep}{tp}\\s*\\d{{1,2}}[.:]\\d{{2}}(?!\\d)")
        return f"(?P<time>{'|'.join(time_alts)})?"

    def _number_words_re(self) -> str:
        """A number in words: a ones word, a special, "dua belas" (12), "dua puluh lima" (25)."""
        ones = f"(?:{_alt(set(self._ones))})"
        specials = _alt(set(self._specials))
        return (f"(?:{ones}\\s+(?:{re.escape(self._teen)}|{re.escape(self._tens)}"
                f"(?:\\s+{ones})?)" + (f"|{specials}" if specials else "") + f"|{ones})")

    # ----------------------------------------------------------------------------------
    # patterns, in priority order
    # ----------------------------------------------------------------------------------

    def _compile_patterns(self) -> list[tuple[int, str, re.Pattern[str]]]:
        """Every pattern as ``(priority, name, regex)``, behind its first-character look-ahead."""
        # the list order is the priority between equally long matches at the same place
        sources = [*self._day_month_sources(), *self._weekday_sources(),
                   *self._month_sources(), *self._period_and_year_sources(),
                   *self._relative_sources()]
        first = self._first_char_lookaheads()
        return [(i, name, re.compile(first[name] + src)) for i, (name, src) in enumerate(sources)]

    def _day_month_sources(self) -> list[tuple[str, str]]:
        """Day and month, maybe year, weekday and time: "Kamis, 13 Juli 2023", "Rabu (20/10)"."""
        wd = self._weekday_re()
        mon = self._month_re()
        dirs_signed = self._directions_re(lambda d: d.sign and d.without_number)
        time = self._clock_time_re()
        day = rf"{_NUM_LB}(?<!\d,)(?P<d>\d{{1,2}})"
        year4 = r"(?P<y>\d{4})(?![\w]|[.,]\d)"
        wd_prefix = f"(?:{wd}\\s*,?\\s*(?P<po>\\(\\s*)?)?"
        close = r"(?(po)\s*\))"
        return [
            # full or partial date written with a month name, optional weekday/parens
            ("dm_text", f"{wd_prefix}{day}\\s+{mon}(?:\\s*,?\\s*{year4}|\\s+(?P<dir>{dirs_signed})"
                        f"{_RB})?{close}{time}"),
            ("dmy_num", f"{wd_prefix}{day}\\s*(?P<sep>[/.-])\\s*(?P<m>\\d{{1,2}})\\s*(?P=sep)\\s*"
                        f"{year4}{close}{time}"),
            ("ymd_num", f"{wd_prefix}(?<![\\w./-])(?P<y>\\d{{4}})-(?P<m>\\d{{1,2}})-"
                        f"(?P<d>\\d{{1,2}})(?![\\w/-]|\\.\\d){close}{time}"),
            ("dm_num", f"(?:{wd}\\s*,?\\s*)?(?P<po>\\(\\s*)?{day}\\s*/\\s*(?P<m>\\d{{1,2}})"
                       f"(?!\\d|\\s*/\\s*\\d|[.,]\\d){close}{time}"),
        ]

    def _weekday_sources(self) -> list[tuple[str, str]]:
        """Weekdays: "pada Rabu", "Rabu lalu", "Jumat pekan lalu"."""
        wd = self._weekday_re()
        units_week = self._units_re(lambda u: u.days == 7)
        dirs_bare = self._directions_re(lambda d: d.without_number)
        return [
            ("wd_week", f"{wd}\\s+(?P<unit>{units_week})\\s+(?P<dir>{dirs_bare}){_RB}"),
            ("wd", f"{wd}(?:\\s+(?P<dir>{dirs_bare}){_RB})?"),
        ]

    def _month_sources(self) -> list[tuple[str, str]]:
        """Months: "Agustus 2021", "akhir Agustus", "bulan Agustus", "Agustus lalu"."""
        periods = _alt_ci(set(self._period))
        month_words = _alt_ci(_norm_set(self.rules.month_words))
        dirs_bare = self._directions_re(lambda d: d.without_number)
        return [
            ("month_year", f"{_LB}(?:(?P<per>{periods})\\s+)?(?:(?P<bw>{month_words})\\s+)?"
                           f"{self._month_re()}\\s*,?\\s*(?P<y>\\d{{4}})(?![\\w]|[.,]\\d)"),
            ("month", f"{_LB}(?:(?P<per>{periods})\\s+)?(?:(?P<bw>{month_words})\\s+)?"
                      f"{self._full_month_re()}(?:\\s+(?P<dir>{dirs_bare}){_RB})?"),
        ]

    def _period_and_year_sources(self) -> list[tuple[str, str]]:
        """Periods and years: "awal 2020", "akhir tahun lalu", "akhir pekan lalu", "pada 2013"."""
        r = self.rules
        periods = _alt_ci(set(self._period))
        year_words = _alt_ci(_norm_set(r.year_words))
        units_my = self._units_re(lambda u: u.months or u.years)
        weekend = _alt_ci(_norm_set(r.weekend.words))
        dirs_bare = self._directions_re(lambda d: d.without_number)
        dirs_past = self._directions_re(lambda d: d.sign < 0 and not d.context)
        return [
            ("period_year", f"{_LB}(?P<per>{periods})\\s+(?:(?P<tw>{year_words})\\s+)?"
                            f"(?P<y>\\d{{4}})(?![\\w]|[.,]\\d)"),
            ("period_unit", f"{_LB}(?P<per>{periods})\\s+(?P<unit>{units_my})\\s+"
                            f"(?P<dir>{dirs_bare}){_RB}"),
            ("weekend", f"{_LB}(?P<we>{weekend})\\s+(?P<dir>{dirs_bare}){_RB}"),
            ("year", f"(?:{_LB}(?P<tw>{year_words})\\s+)?{_NUM_LB}(?P<y>\\d{{4}})"
                     f"(?![\\w]|[.,]\\d|\\s*[/–-]\\s*\\d)(?:\\s+(?P<dir>{dirs_past}){_RB})?"),
        ]

    def _relative_sources(self) -> list[tuple[str, str]]:
        """Relative expressions: "kemarin", "dua hari lalu", "sehari sebelumnya", "bulan lalu"."""
        vague = _alt_ci(self._vague) if self._vague else "(?!)"
        units_all = self._units_re(lambda u: True)
        units_bare = self._units_re(lambda u: u.bare)
        dirs_num = self._directions_re(lambda d: d.with_number)
        dirs_bare = self._directions_re(lambda d: d.without_number)
        return [
            ("relative", f"{_LB}(?P<rel>{_alt_ci(set(self._relative))}){_RB}"),
            ("n_unit", f"(?:{_NUM_LB}(?P<n>\\d{{1,3}})|{_LB}(?P<nw>(?i:{self._number_words_re()}))"
                       f"|{_LB}(?P<vague>{vague}))\\s+(?P<unit>{units_all})\\s+"
                       f"(?P<dir>{dirs_num}){_RB}"),
            ("se_unit", f"{_LB}(?P<seu>{_alt_ci(set(self._se_unit))})\\s+"
                        f"(?P<dir>{dirs_num}){_RB}"),
            ("bare_unit", f"{_LB}(?P<unit>{units_bare})\\s+(?P<dir>{dirs_bare}){_RB}"),
        ]

    def _first_char_lookaheads(self) -> dict[str, str]:
        """Per pattern, a look-ahead for the characters that its matches can start with."""
        # a first-character look-ahead lets the regex engine skip most positions quickly
        r = self.rules
        wd_names = self._weekday_names_cs()
        nums = [*self._ones, *self._specials, *self._vague]
        per_bw = [*self._period, *(_norm(w) for w in r.month_words)]
        return {
            "dm_text": _first_chars(wd_names, extra="0123456789"),
            "dmy_num": _first_chars(wd_names, extra="0123456789"),
            "ymd_num": _first_chars(wd_names, extra="0123456789"),
            "dm_num": _first_chars(wd_names, extra="0123456789("),
            "wd_week": _first_chars(wd_names),
            "wd": _first_chars(wd_names),
            "month_year": _first_chars([*per_bw, *self._month], ci=True),
            "month": _first_chars([*per_bw, *self._month_names_cs()], ci=True),
            "period_year": _first_chars(self._period, ci=True),
            "period_unit": _first_chars(self._period, ci=True),
            "weekend": _first_chars(r.weekend.words, ci=True),
            "year": _first_chars(r.year_words, ci=True, extra="0123456789"),
            "relative": _first_chars(self._relative, ci=True),
            "n_unit": _first_chars(nums, ci=True, extra="0123456789"),
            "se_unit": _first_chars(self._se_unit, ci=True),
            "bare_unit": _first_chars(self._unit, ci=True),
        }

    # ----------------------------------------------------------------------------------
    # public API
    # ----------------------------------------------------------------------------------

    def find(
        self,
        text: str,
        published: dt.date | None,
        *,
        start: int = 0,
        end: int | None = None,
    ) -> list[DateMention]:
        """Find and resolve every date expression in ``text[start:end]``.

        Args:
            text: the whole document (or sentence).
            published: the publication date that relative expressions are resolved against;
                None resolves only absolute dates (the others get ``date=None``).
            start: where the search window starts.
            end: where it ends (exclusive); the end of ``text`` when None.

        Returns:
            Non-overlapping mentions in text order (the longest expression wins), with spans
            that are offsets into ``text``: ``text[a:b] == mention.text``. Never raises on
            content: impossible dates give ``date=None`` and a note.
        """
        return [self._to_mention(text, c) for c in self._scan(text, published, start, end)]

    def find_published(
        self, text: str, *, limit: int = 2000
    ) -> tuple[dt.date, str, tuple[int, int]] | None:
        """Find the publication date written in the header or dateline of an article.

        Only the first ``limit`` characters are read. In order of preference:

        1. the earliest dateline-like full date (with a year): one with a clock time or a
           weekday, or with at most three words before it on its line ("21 Oktober 2021,
           11:40 WIB", "Kamis, 13/07/2023 14:20 WIB", "Jakarta, 21 Oktober 2021 -",
           "13/07/2023", "... pada Minggu (6/4/2025)");
        2. the earliest other full date, unless a preposition such as "pada" or "sejak"
           introduces it: "pada 12 Oktober 2002" in the body is an event date, not a
           dateline;
        3. a weekday with a day and month but no year ("Jakarta , CNN Indonesia - - ...
           Minggu ( 13 / 8 )"). The year cannot be known from it, so this is accepted only
           when the latest four-digit year written in the header makes the weekday agree
           with the day and month, and no other year of the header in the six before it
           does (a story naming 2018 and the 2024 election fits both); otherwise None.

        Impossible dates are skipped. Note that a weekday date in the first sentence is the
        date of the reported event, often a day before publication.

        Args:
            text: the article text, header first.
            limit: how many characters from the start to search.

        Returns:
            ``(date, matched text, (start, end))`` or None when no date is found.
        """
        head_end = max(0, min(limit, len(text)))
        scanned = self._scan(text, None, 0, head_end)
        best = self._header_full_date(text, scanned)
        if best is not None and best.date is not None:
            return best.date, text[best.a:best.b], (best.a, best.b)
        return self._header_weekday_date(text, scanned, head_end)

    def _header_full_date(self, text: str, scanned: list[_Cand]) -> _Cand | None:
        """Steps 1 and 2 of :meth:`find_published`: the header's best full date, if any."""
        full = [c for c in scanned if c.date is not None and c.info.get("full")]
        # 1. a dateline-like full date; 2. a full date in prose that is not an event date
        # introduced by a preposition ("pada 12 Oktober 2002")
        best = next((c for c in full if self._dateline_like(text, c)), None)
        if best is None:
            cues = self._month_cues | self._year_cues
            best = next((c for c in full if self._prev_word(text, c.a, 0) not in cues), None)
        return best

    @staticmethod
    def _header_weekday_date(
        text: str, scanned: list[_Cand], head_end: int
    ) -> tuple[dt.date, str, tuple[int, int]] | None:
        """Step 3 of :meth:`find_published`: a weekday with day and month, year from the header."""
        # 3. weekday + day/month ("Minggu ( 13 / 8 )") and the latest year of the header,
        # only when the weekday agrees with that year and with no other recent year of the
        # header: "Rabu ( 3 / 1 )" in a story that names 2018 and the 2024 election fits both
        years = {int(y) for y in _YEAR.findall(text[:head_end])}
        if not years:
            return None
        y = max(years)
        for c in scanned:
            d, m, wd = c.info.get("d"), c.info.get("m"), c.info.get("wd")
            if isinstance(d, int) and isinstance(m, int) and isinstance(wd, int):
                date = _valid(y, m, d)
                if date is None or date.weekday() != wd:
                    continue
                if any((o := _valid(x, m, d)) is not None and o.weekday() == wd
                       for x in years if y - _RECENT_YEARS <= x < y):
                    return None
                return date, text[c.a:c.b], (c.a, c.b)
        return None

    # ----------------------------------------------------------------------------------
    # scanning
    # ----------------------------------------------------------------------------------

    def _scan(
        self, text: str, published: dt.date | None, start: int, end: int | None
    ) -> list[_Cand]:
        n = len(text)
        lo = max(0, min(start, n))
        hi = n if end is None else max(lo, min(end, n))
        window = text[lo:hi]
        if not window:
            return []
        words = set(_WORD.findall(window.lower()))
        if self._keywords.isdisjoint(words) and not _DIGIT.search(window):
            return []
        passed: dict[int, bool] = {}

        def gate_ok(g: frozenset[str] | re.Pattern[str]) -> bool:
            if isinstance(g, frozenset):
                return not g.isdisjoint(words)
            if id(g) not in passed:
                passed[id(g)] = g.search(window) is not None
            return passed[id(g)]

        cands: list[_Cand] = []
        for prio, name, pat in self._patterns:
            if not all(gate_ok(g) for g in self._gates[name]):
                continue
            handler = getattr(self, f"_h_{name}")
            for m in pat.finditer(text, lo, hi):
                if m.end() <= m.start():
                    continue
                try:
                    c = handler(m, text, lo, published)
                except (ValueError, OverflowError):
                    c = _Cand(m.start(), m.end(), None, note="date out of range")
                if c is not None:
                    c.prio = prio
                    cands.append(c)
        return self._non_overlapping(cands)

    @staticmethod
    def _non_overlapping(cands: list[_Cand]) -> list[_Cand]:
        """Longest first, the candidates that overlap none kept before, in text order."""
        cands.sort(key=lambda c: (-(c.b - c.a), c.a, c.prio))
        chosen: list[_Cand] = []
        for c in cands:
            if all(c.b <= o.a or c.a >= o.b for o in chosen):
                chosen.append(c)
        chosen.sort(key=lambda c: c.a)
        return chosen

    @staticmethod
    def _to_mention(text: str, c: _Cand) -> DateMention:
        return DateMention(text=text[c.a:c.b], span=(c.a, c.b), date=c.date,
                           granularity=c.granularity, flags=c.flags, note=c.note)

    # ----------------------------------------------------------------------------------
    # context helpers
    # ----------------------------------------------------------------------------------

    @staticmethod
    def _prev_word(text: str, a: int, lo: int) -> str:
        """The word (or number) just before position ``a`` within the window, lowercased."""
        i = a
        while i > lo and text[i - 1].isspace():
            i -= 1
        j = i
        while j > lo and (text[j - 1].isalnum() or text[j - 1] in ".,-"):
            j -= 1
        return text[j:i].lower().strip(".,-")

    @staticmethod
    def _sentence_initial(text: str, a: int, lo: int) -> bool:
        i = a
        while i > lo and text[i - 1].isspace():
            i -= 1
        return i <= lo or text[i - 1] in ".!?\n\"“”'‘:;-–—"

    def _future_tense(self, text: str, a: int, lo: int) -> bool:
        """Whether a future word stands before the date at ``a`` in its clause: after the
        last sentence break and clause word within ``_FUTURE_CONTEXT_CHARS``."""
        ctx = text[max(lo, a - _FUTURE_CONTEXT_CHARS):a]
        breaks = [m.end() for m in _TENSE_BREAK.finditer(ctx)]
        if breaks:
            ctx = ctx[breaks[-1]:]
        words = _WORD.findall(ctx.lower())
        cut = max((k + 1 for k, w in enumerate(words) if w in self._tense_bounds), default=0)
        return not self._future.isdisjoint(words[cut:])

    def _dir_mode(self, dword: str | None, text: str, a: int, lo: int) -> tuple[Mode, bool]:
        """The resolution mode from a direction word or the tense; and its context flag."""
        if dword:
            de = self._dir[_norm(dword)]
            if de.sign < 0:
                return "strict_past", de.context
            if de.sign > 0:
                return "strict_future", de.context
            return "current", False
        return ("future" if self._future_tense(text, a, lo) else "default"), False

    @staticmethod
    def _dateline_like(text: str, c: _Cand) -> bool:
        """A date with a clock time or weekday, or near the start of its line."""
        if c.info.get("time") or c.info.get("wd") is not None:
            return True
        line_start = text.rfind("\n", 0, c.a) + 1
        return len(_WORD.findall(text[line_start:c.a])) <= _DATELINE_WORDS

    # ----------------------------------------------------------------------------------
    # year choice for a day and month without year
    # ----------------------------------------------------------------------------------

    @staticmethod
    def _choose_day(d: int, m: int, pub: dt.date, mode: Mode,
                    wd: int | None) -> tuple[dt.date | None, bool]:
        cands = [c for y in range(pub.year - 4, pub.year + 5)
                 if (c := _valid(y, m, d)) is not None]
        if not cands:
            return None, False
        past = [c for c in cands if c <= pub]
        fut = [c for c in cands if c > pub]
        p = past[-1] if past else None
        f = fut[0] if fut else None
        if mode in ("past", "strict_past"):
            choice = p or f
        elif mode in ("future", "strict_future"):
            choice = (pub if pub in cands else f) or p
        elif p is None or f is None:
            choice = p or f
        else:
            fd, pd = (f - pub).days, (pub - p).days
            choice = f if fd < pd and fd <= _FUTURE_WINDOW_DAYS else p
        assert choice is not None
        mismatch = False
        if wd is not None and choice.weekday() != wd:
            other = f if choice == p else p
            if (other is not None and other.weekday() == wd
                    and abs((other - pub).days) <= _WEEKDAY_SWITCH_DAYS
                    and mode in ("default", "past", "future")):
                choice = other
            else:
                mismatch = True
        return choice, mismatch

    @staticmethod
    def _choose_month(m: int, pub: dt.date, mode: Mode) -> tuple[int, int]:
        here = (pub.year, pub.month)
        if mode == "current":
            return pub.year, m
        if mode == "strict_past":
            y = pub.year if m < pub.month else pub.year - 1
        elif mode == "strict_future":
            y = pub.year if m > pub.month else pub.year + 1
        elif mode == "future":
            y = pub.year if (pub.year, m) >= here else pub.year + 1
        else:
            y = pub.year if (pub.year, m) <= here else pub.year - 1
        return y, m

    # ----------------------------------------------------------------------------------
    # handlers: one per pattern, each returns a candidate or None (not a date)
    # ----------------------------------------------------------------------------------

    def _weekday_num(self, m: re.Match[str]) -> int | None:
        w = m.groupdict().get("wd")
        return None if w is None else self._weekday[_norm(w)]

    def _explicit(self, m: re.Match[str], text: str, lo: int, pub: dt.date | None,
                  d: int, mo: int, y: int | None) -> _Cand | None:
        """A date written with day and month numbers/names, maybe a year and a weekday."""
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return None
        wd = self._weekday_num(m)
        gd = m.groupdict()
        info: dict[str, object] = {"d": d, "m": mo, "wd": wd, "time": bool(gd.get("time"))}
        a, b = m.start(), m.end()
        if y is not None:
            date = _valid(y, mo, d)
            if date is None:
                return _Cand(a, b, None, note=f"impossible date: {d} {calendar.month_name[mo]} "
                                               f"{y} does not exist")
            info["full"] = True
            flags = ("weekday_mismatch",) if wd is not None and date.weekday() != wd else ()
            return _Cand(a, b, date, flags=flags, info=info)
        if not any(_valid(yy, mo, d) for yy in (2000, 2001)):  # 2000: leap year
            return _Cand(a, b, None, note=f"impossible date: day {d} does not exist in "
                                           f"{calendar.month_name[mo]}", info=info)
        if pub is None:
            return _Cand(a, b, None, note=NO_PUBLICATION, info=info)
        mode, _ = self._dir_mode(gd.get("dir"), text, a, lo)
        if mode == "strict_past":
            mode = "past"
        elif mode == "strict_future":
            mode = "future"
        date2, mismatch = self._choose_day(d, mo, pub, mode, wd)
        flags = ("weekday_mismatch",) if mismatch else ()
        return _Cand(a, b, date2, flags=flags, info=info)

    def _h_dm_text(self, m: re.Match[str], text: str, lo: int,
                   pub: dt.date | None) -> _Cand | None:
        y = m.group("y")
        return self._explicit(m, text, lo, pub, int(m.group("d")),
                              self._month[_norm(m.group("mon"))], int(y) if y else None)

    def _h_dmy_num(self, m: re.Match[str], text: str, lo: int,
                   pub: dt.date | None) -> _Cand | None:
        return self._explicit(m, text, lo, pub, int(m.group("d")), int(m.group("m")),
                              int(m.group("y")))

    _h_ymd_num = _h_dmy_num

    def _h_dm_num(self, m: re.Match[str], text: str, lo: int,
                  pub: dt.date | None) -> _Cand | None:
        if m.group("wd") is None and m.group("po") is None:
            return None  # "1/2 persen": a fraction, not a date
        return self._explicit(m, text, lo, pub, int(m.group("d")), int(m.group("m")), None)

    def _minggu_is_unit(self, m: re.Match[str], text: str, lo: int, has_dir: bool) -> bool:
        """Whether a capitalised weekday that is also a unit word ("Minggu") means 'week'."""
        w = _norm(m.group("wd"))
        if w not in self._weekday_units:
            return False
        prev = self._prev_word(text, m.start(), lo)
        if prev.replace(".", "").replace(",", "").isdigit() or prev in self._number_words:
            return True
        return has_dir and self._sentence_initial(text, m.start(), lo)

    def _h_wd_week(self, m: re.Match[str], text: str, lo: int,
                   pub: dt.date | None) -> _Cand | None:
        wd = self._weekday_num(m)
        assert wd is not None
        a, b = m.start(), m.end()
        if pub is None:
            return _Cand(a, b, None, note=NO_PUBLICATION, info={"wd": wd})
        de = self._dir[_norm(m.group("dir"))]
        flags = ("relative_anchor",) if de.context else ()
        return _Cand(a, b, _in_week(pub, wd, de.sign), flags=flags, info={"wd": wd})

    def _h_wd(self, m: re.Match[str], text: str, lo: int, pub: dt.date | None) -> _Cand | None:
        dword = m.group("dir")
        if self._minggu_is_unit(m, text, lo, dword is not None):
            return None
        wd = self._weekday_num(m)
        assert wd is not None
        a, b = m.start(), m.end()
        if pub is None:
            return _Cand(a, b, None, note=NO_PUBLICATION, info={"wd": wd})
        mode, ctx = self._dir_mode(dword, text, a, lo)
        flags = ("relative_anchor",) if ctx else ()
        if mode == "strict_past":
            date = _strictly_before(pub, wd)
        elif mode == "strict_future":
            date = _strictly_after(pub, wd)
        elif mode == "current":
            date = _in_week(pub, wd, 0)
        elif mode == "future":
            date = _on_or_after(pub, wd)
        else:
            date = _on_or_before(pub, wd)
        return _Cand(a, b, date, flags=flags, info={"wd": wd})

    def _h_month_year(self, m: re.Match[str], text: str, lo: int,
                      pub: dt.date | None) -> _Cand | None:
        y = int(m.group("y"))
        if not _MIN_YEAR <= y <= _MAX_YEAR:
            return None
        mo = self._month[_norm(m.group("mon"))]
        return _Cand(m.start(), m.end(), dt.date(y, mo, 1), granularity="month")

    def _h_month(self, m: re.Match[str], text: str, lo: int,
                 pub: dt.date | None) -> _Cand | None:
        dword = m.group("dir")
        if not (m.group("per") or m.group("bw") or dword
                or self._prev_word(text, m.start(), lo) in self._month_cues):
            return None
        mo = self._month[_norm(m.group("mon"))]
        a, b = m.start(), m.end()
        if pub is None:
            return _Cand(a, b, None, granularity="month", note=NO_PUBLICATION)
        mode, ctx = self._dir_mode(dword, text, a, lo)
        y, mo = self._choose_month(mo, pub, mode)
        flags = ("relative_anchor",) if ctx else ()
        return _Cand(a, b, dt.date(y, mo, 1), granularity="month", flags=flags)

    def _h_period_year(self, m: re.Match[str], text: str, lo: int,
                       pub: dt.date | None) -> _Cand | None:
        y = int(m.group("y"))
        if not _MIN_YEAR <= y <= _MAX_YEAR:
            return None
        mo = self._period[_norm(m.group("per"))]
        return _Cand(m.start(), m.end(), dt.date(y, mo, 1), granularity="month",
                     flags=("approximate",))

    def _h_period_unit(self, m: re.Match[str], text: str, lo: int,
                       pub: dt.date | None) -> _Cand | None:
        unit = self._unit[_norm(m.group("unit"))]
        de = self._dir[_norm(m.group("dir"))]
        a, b = m.start(), m.end()
        flags: tuple[str, ...] = ("relative_anchor",) if de.context else ()
        if pub is None:
            return _Cand(a, b, None, granularity="month", note=NO_PUBLICATION)
        if unit.years:
            y = pub.year + de.sign * unit.years
            mo = self._period[_norm(m.group("per"))]
            return _Cand(a, b, dt.date(y, mo, 1), granularity="month",
                         flags=("approximate", *flags))
        y, mo = _add_months(pub.year, pub.month, de.sign * unit.months)
        return _Cand(a, b, dt.date(y, mo, 1), granularity="month", flags=flags)

    def _h_weekend(self, m: re.Match[str], text: str, lo: int,
                   pub: dt.date | None) -> _Cand | None:
        a, b = m.start(), m.end()
        if pub is None:
            return _Cand(a, b, None, note=NO_PUBLICATION)
        de = self._dir[_norm(m.group("dir"))]
        wd = self.rules.weekend.weekday
        date = _strictly_before(pub, wd) if de.sign < 0 else _in_week(pub, wd, de.sign)
        flags = ("relative_anchor",) if de.context else ()
        return _Cand(a, b, date, flags=flags)

    def _h_year(self, m: re.Match[str], text: str, lo: int,
                pub: dt.date | None) -> _Cand | None:
        y = int(m.group("y"))
        if not _MIN_YEAR <= y <= _MAX_YEAR:
            return None
        if not (m.group("tw") or m.group("dir")
                or self._prev_word(text, m.start(), lo) in self._year_cues):
            return None
        return _Cand(m.start(), m.end(), dt.date(y, 1, 1), granularity="year")

    def _h_relative(self, m: re.Match[str], text: str, lo: int,
                    pub: dt.date | None) -> _Cand | None:
        a, b = m.start(), m.end()
        if pub is None:
            return _Cand(a, b, None, note=NO_PUBLICATION)
        return _Cand(a, b, pub + dt.timedelta(days=self._relative[_norm(m.group("rel"))]))

    def _number(self, words: str) -> int:
        toks = _norm(words).split()
        if len(toks) == 1:
            return self._specials.get(toks[0]) or self._ones[toks[0]]
        if toks[1] == self._teen:
            return 10 + self._ones[toks[0]]
        return self._ones[toks[0]] * 10 + (self._ones[toks[2]] if len(toks) > 2 else 0)

    def _shift(self, a: int, b: int, pub: dt.date | None, unit: UnitEntry, k: int,
               de: DirectionEntry) -> _Cand:
        """Resolve ``k`` units in the direction ``de`` from publication."""
        flags: list[str] = []
        if unit.approximate:
            flags.append("approximate")
        if de.context:
            flags.append("relative_anchor")
        gran: Granularity = "year" if unit.years else "month" if unit.months else "day"
        if pub is None:
            return _Cand(a, b, None, granularity=gran, flags=tuple(flags), note=NO_PUBLICATION)
        s = de.sign * k
        if unit.years:
            date = dt.date(pub.year + s * unit.years, 1, 1)
        elif unit.months:
            y, mo = _add_months(pub.year, pub.month, s * unit.months)
            date = dt.date(y, mo, 1)
        else:
            date = pub + dt.timedelta(days=s * unit.days)
        return _Cand(a, b, date, granularity=gran, flags=tuple(flags))

    def _h_n_unit(self, m: re.Match[str], text: str, lo: int,
                  pub: dt.date | None) -> _Cand | None:
        unit = self._unit[_norm(m.group("unit"))]
        de = self._dir[_norm(m.group("dir"))]
        a, b = m.start(), m.end()
        if m.group("vague"):
            gran: Granularity = "year" if unit.years else "month" if unit.months else "day"
            return _Cand(a, b, None, granularity=gran, note="vague quantity")
        k = int(m.group("n")) if m.group("n") else self._number(m.group("nw"))
        return self._shift(a, b, pub, unit, k, de)

    def _h_se_unit(self, m: re.Match[str], text: str, lo: int,
                   pub: dt.date | None) -> _Cand | None:
        unit = self._se_unit[_norm(m.group("seu"))]
        de = self._dir[_norm(m.group("dir"))]
        return self._shift(m.start(), m.end(), pub, unit, 1, de)

    def _h_bare_unit(self, m: re.Match[str], text: str, lo: int,
                     pub: dt.date | None) -> _Cand | None:
        word = m.group("unit")
        a = m.start()
        if (_norm(word) in self._weekday_units and word[:1].isupper()
                and not self._sentence_initial(text, a, lo)):
            return None  # "Minggu lalu" inside a sentence: last Sunday (weekday pattern)
        prev = self._prev_word(text, a, lo)
        if (prev.replace(".", "").replace(",", "").isdigit() or prev in self._number_words
                or prev in self._vague):
            return None
        de = self._dir[_norm(m.group("dir"))]
        return self._shift(a, m.end(), pub, self._unit[_norm(word)], 1, de)
