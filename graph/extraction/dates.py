"""Dates in a sentence, at the precision the text gives, and which one a relation takes.

``on 5 April 2021`` and ``April 5, 2021`` give a day (``2021-04-05``), ``in December 2015`` a
month (``2015-12``), ``in 2019`` a year. The words before a date give its role: ``since 2013``
starts a relation that is still in force (``end_date`` ``ongoing``), ``until 2019`` ends it
(``end_date`` ``2019``), ``from 1992 to 1997`` and ``1992–1997`` give both ends. A relation
takes the date nearest to its words in the sentence (one inside its span first), and an end
date only from right after its words; a sentence without a date takes the last one given
earlier in its paragraph.

>>> text = "Relations cooled until 2019 after the invitation in December 2015."
>>> [(d.value, d.role) for d in find_dates(text)]
[('2019', 'end'), ('2015-12', 'point')]
>>> choose(find_dates(text), 10, 16), choose(find_dates(text), 38, 48)
(('2015-12', '2019'), ('2015-12', ''))
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateMention", "choose", "find_dates"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_M = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
_Y = r"(1[89]\d\d|20\d\d)"
_END = r"(?![\d\-–/]|s\b)"
_PATTERNS = (
    ("day", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M},?\s+{_Y}{_END}")),
    ("mdy", re.compile(rf"\b{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y}{_END}")),
    ("my", re.compile(rf"\b{_M},?\s+(?:of\s+)?{_Y}{_END}")),
    ("y", re.compile(rf"(?<![\d,.\-/–])\b{_Y}{_END}")),
)
_RANGE = re.compile(rf"(?<![\d,.\-/])\b{_Y}\s*[-–—]\s*(\d{{4}}|\d{{2}})(?![\d\-–/])")
_STARTS = ("since", "from", "starting", "beginning", "as of")
_NOT_YEAR = re.compile(r"\b(?:resolution|no\.|number|article|act|decree|flight|route)\s*$", re.I)
_NEAR = 3  # characters: an end date must follow the relation's words ("cooled until 2019")


@dataclass(frozen=True)
class DateMention:
    """A date in a sentence: character span, ISO value, role (``point``, ``start``, ``end``,
    ``range``) and, for a range, its end."""

    start: int
    end: int
    value: str
    role: str
    end_value: str = ""


def _iso(kind: str, groups: tuple[str, ...]) -> str | None:
    if kind == "day":
        year, month, day = (int(g) for g in groups)
    elif kind == "dmy":
        day, month, year = int(groups[0]), _MONTHS[groups[1].lower()], int(groups[2])
    elif kind == "mdy":
        month, day, year = _MONTHS[groups[0].lower()], int(groups[1]), int(groups[2])
    elif kind == "my":
        return f"{int(groups[1]):04d}-{_MONTHS[groups[0].lower()]:02d}"
    else:
        return f"{int(groups[0]):04d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:  # 31 February: read at the month's precision instead
        return None


_ROLE_WORDS = re.compile(
    r"\b(since|from|starting|beginning|as of|until|till|through|up to|ending|ended in|to)\s+"
    r"(?:(?:the\s+end\s+of|the\s+start\s+of|early|late|mid-?|in|on|of)\s+)*$",
    re.IGNORECASE,
)


def _role(text: str, start: int) -> tuple[str, int]:
    """The role of the date at ``start`` and where its words begin ("until 2019")."""
    found = _ROLE_WORDS.search(text[max(0, start - 30) : start])
    if found is None:
        return "point", start
    where = max(0, start - 30) + found.start()
    return ("start" if found.group(1).lower() in _STARTS else "end"), where


def find_dates(text: str) -> list[DateMention]:
    """Every date in ``text`` (a sentence), in order, the most precise reading of each.

    Examples
    --------
    >>> [d.value for d in find_dates("On 5 April 2021, and on May 3, 2020, and in 1992–97.")]
    ['2021-04-05', '2020-05-03', '1992']
    >>> [d.value for d in find_dates("Resolution 1747 and the 1,344-kilometer border")]
    []
    >>> [(d.value, d.end_value) for d in find_dates("from 1992 to 1997, and between 2013 and 2019")]
    [('1992', '1997'), ('2013', '2019')]
    """
    found: list[DateMention] = []
    taken: set[int] = set()
    for match in _RANGE.finditer(text):
        first, last = match.group(1), match.group(2)
        last = first[:2] + last if len(last) == 2 else last
        if last > first and not _NOT_YEAR.search(text[: match.start()]):
            found.append(DateMention(match.start(), match.end(), first, "range", last))
            taken |= set(range(match.start(), match.end()))
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = set(range(match.start(), match.end()))
            if span & taken or _NOT_YEAR.search(text[: match.start()]):
                continue
            value = _iso(kind, match.groups())
            if value is None:
                continue
            taken |= span
            role, begin = _role(text, match.start())
            found.append(DateMention(begin, match.end(), value, role))
    return _ranges(text, sorted(found, key=lambda d: d.start))


def _ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """Join "from 1992 to 1997" and "between 2013 and 2019" into one range."""
    out: list[DateMention] = []
    for date in found:
        last = out[-1] if out else None
        if last is not None and last.role in ("start", "point") and date.start - last.end <= 6:
            gap = text[last.end : date.start].strip().lower()
            between = text[max(0, last.start - 8) : last.start].lower().rstrip().endswith("between")
            if (last.role == "start" and date.role == "end" and gap == "") or (
                between and gap == "and"
            ):
                out[-1] = DateMention(last.start, date.end, last.value, "range", date.value)
                continue
        out.append(date)
    return out


def _gap(date: DateMention, start: int, end: int) -> int:
    if date.end <= start:
        return start - date.end
    if date.start >= end:
        return date.start - end
    return 0


def _later_or_equal(end: str, start: str) -> bool:
    return end.ljust(10, "9") >= start


def choose(dates: list[DateMention], start: int, end: int, fallback: str = "") -> tuple[str, str]:
    """The ``(date, end_date)`` of a relation whose words span ``start:end`` of the sentence.

    ``fallback`` is the date given earlier in the paragraph, used when the sentence has none.

    Examples
    --------
    >>> choose(find_dates("Iran has been a partner since 2013."), 0, 20)
    ('2013', 'ongoing')
    >>> choose([], 0, 10, fallback="2019")
    ('2019', '')
    """
    points = [d for d in dates if d.role != "end"]
    date, end_date = fallback, ""
    if points:
        best = min(points, key=lambda d: (_gap(d, start, end), d.start < start))
        date = best.value
        end_date = best.end_value if best.role == "range" else ""
        if best.role == "start":
            end_date = "ongoing"
    ends = [d for d in dates if d.role == "end" and _gap(d, start, end) <= _NEAR]
    if ends and not end_date:
        end_date = min(ends, key=lambda d: _gap(d, start, end)).value
    if end_date and end_date != "ongoing" and date and not _later_or_equal(end_date, date):
        end_date = ""
    return date, end_date
