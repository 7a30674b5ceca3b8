"""Words and numbers for people: name normalisation, did-you-mean hints, number formatting,
and the one escaping function per output target.

A shared leaf: every stage (loader, filters, vocabulary, CLI, reports) writes type names,
suggestions and counts through these functions, so they agree. Text from the data reaches
Markdown through :func:`markdown_text`, a terminal through :func:`terminal_text`, XML through
:func:`xml_safe`, JSON through :func:`json_text` (HTML: ``html.escape`` and the page's JSON),
and CSV meant for a spreadsheet, on request, through :func:`spreadsheet_text`.

>>> normalize_name("Armed  group"), normalize_name(" arms_SALE ")
('armed-group', 'arms-sale')
>>> suggest("tajikstan", ["iran", "tajikistan"])
" (did you mean 'tajikistan'?)"
>>> plural(2, "relation"), num(None)
('2 relations', '–')
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy loads where it is used: this leaf is imported by every stage
    import numpy as np
    import pandas as pd

__all__ = [
    "REPLACEMENT_CHARACTER",
    "json_text",
    "markdown_text",
    "normalize_name",
    "normalize_names",
    "num",
    "plural",
    "spreadsheet_frame",
    "spreadsheet_text",
    "suggest",
    "terminal_text",
    "xml_safe",
]

_SEPARATORS = re.compile(r"[\s_]+")
#: What :func:`xml_safe` writes in place of a character XML cannot hold (U+FFFD).
REPLACEMENT_CHARACTER = "\ufffd"
# Not an XML 1.0 Char: C0 controls but tab, newline and CR; lone surrogates; U+FFFE, U+FFFF.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a terminal acts on rather than shows: C0 controls, DEL, C1 controls (U+0080 to U+009F,
# among them CSI U+009B and OSC U+009D), and the invisible characters that reorder or break
# lines (bidirectional marks, embeddings, overrides and isolates; line and paragraph separators).
_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_TERMINAL_SHOWN = {"\t": " ", "\n": "\\n", "\r": "\\r"}
# Markdown, backslash-escaped: what makes syntax anywhere in a line (emphasis, code spans,
# links and images, tables, HTML, entities, strikethrough, attributes, ATX heading ends);
# a "_" at a word's edge (within a word it makes no emphasis); a "." before a letter or
# digit and the ":" of "://" (auto-linked domains, addresses and URLs); and at the start,
# "-", "+" or "=" (list, thematic break, setext underline). & < > are written as entities.
_MARKDOWN_UNSAFE = re.compile(
    r"[\\`*{}\[\]#!|~&<>]|(?<![^\W_])_|_(?![^\W_])|\.(?=[^\W_])|:(?=/)|^[-+=]"
)
# The start of an ordered list ("1." or "1)" then a space or the end), escaped after the rest.
_MARKDOWN_ORDERED = re.compile(r"^(\d+)([.)])")
_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# A number or an ISO date, which no Markdown reader takes for syntax: written as it is.
_MARKDOWN_PLAIN = re.compile(r"[+-]?\d+(?:[.:-]\d+)*(?:e[+-]?\d+)?")
# What a spreadsheet reads as the start of a formula (OWASP's list), and a plain number,
# which it reads as that number whatever its sign.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def normalize_name(name: str) -> str:
    """A type or family name as the tables use it: stripped, lowercase, runs of spaces and
    underscores written as one hyphen.

    Parameters
    ----------
    name : str
        A name as a person typed it (``"Armed group"``, ``"arms_sale"``).

    Returns
    -------
    str
        The normalised name (``"armed-group"``, ``"arms-sale"``).

    Examples
    --------
    >>> normalize_name("Armed group"), normalize_name("armed__group")
    ('armed-group', 'armed-group')
    """
    return _SEPARATORS.sub("-", name.strip().lower())


def normalize_names(uniques: np.ndarray) -> np.ndarray:
    """:func:`normalize_name` over an array of distinct strings (an object array).

    Examples
    --------
    >>> import numpy as np
    >>> normalize_names(np.array(["Armed group", " STATE "], dtype=object)).tolist()
    ['armed-group', 'state']
    """
    import numpy as np

    return np.array([normalize_name(str(u)) for u in uniques], dtype=object)


def suggest(value: str, candidates: Iterable[str]) -> str:
    """Return a ``" (did you mean 'x'?)"`` hint, or an empty string.

    Parameters
    ----------
    value : str
        What was given.
    candidates : iterable of str
        What would have been accepted.

    Returns
    -------
    str
        The hint, starting with a space, or ``""`` when nothing is close.

    Examples
    --------
    >>> suggest("tajikstan", ["iran", "tajikistan"])
    " (did you mean 'tajikistan'?)"
    >>> suggest("zzz", ["iran"])
    ''
    """
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    if value.lower() in lowered:
        return f" (did you mean '{lowered[value.lower()]}'?)"
    close = difflib.get_close_matches(value, pool, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def num(value: Any) -> str:
    """A number as the JSON gives it (floats already rounded): ``–`` for None.

    Examples
    --------
    >>> num(0.123457), num(3), num(None), num(True)
    ('0.123457', '3', '–', 'yes')
    """
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, in the plural unless ``count`` is 1.

    Examples
    --------
    >>> plural(1, "relation"), plural(2, "relation"), plural(0, "pair"), plural(3, "ally", "allies")
    ('1 relation', '2 relations', '0 pairs', '3 allies')
    """
    return f"{count} {word if count == 1 else (many or word + 's')}"


def xml_safe(text: str) -> str:
    r"""``text`` with every character that XML 1.0 cannot hold replaced by U+FFFD.

    XML has no escape for the C0 control characters (except tab, newline and carriage return),
    for lone surrogates, nor for U+FFFE and U+FFFF: a document holding one is not well-formed,
    whatever the escaping. GraphML and GEXF outputs pass every string through this function.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The same text where XML can hold it; each other character is ``\ufffd``.

    Examples
    --------
    >>> xml_safe("bell\x07, tab\t, nul\x00, \ufffe") == "bell\ufffd, tab\t, nul\ufffd, \ufffd"
    True
    >>> xml_safe("Душанбе & <Tehran>")
    'Душанбе & <Tehran>'
    """
    return _XML_UNSAFE.sub(REPLACEMENT_CHARACTER, text)


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if char in _TERMINAL_SHOWN:
        return _TERMINAL_SHOWN[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str) -> str:
    r"""``text`` as a terminal should show it: every control character made visible.

    A terminal acts on escape sequences (ESC ``\x1b``, CSI ``\x9b``, OSC ``\x9d`` …) instead
    of showing them: a label holding ``\x1b]0;pwned\x07`` sets the window title, others move
    the cursor, rewrite earlier lines or make links. The command line's output for people
    (tables, timelines, paths, validation messages) passes every string from the data through
    this function; its JSON and CSV outputs keep the exact characters.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        ``text`` where a tab is one space; a newline and a carriage return are written ``\n``
        and ``\r`` (so every output line is the tool's, none is forged by the data); each
        other C0 or C1 control character and DEL is written ``\xNN``; bidirectional marks,
        embeddings, overrides and isolates, and the line and paragraph separators are written
        ``\uNNNN``. Other characters, backslashes included, are kept.

    Examples
    --------
    >>> terminal_text("Iran\x1b]0;pwned\x07 \x9b2J")
    'Iran\\x1b]0;pwned\\x07 \\x9b2J'
    >>> print(terminal_text("two\nlines\tand a tab, \u202eevil"))
    two\nlines and a tab, \u202eevil
    >>> terminal_text("Душанбе – “quoted”")
    'Душанбе – “quoted”'
    """
    return _TERMINAL_UNSAFE.sub(_shown, text)


def _markdown_escape(match: re.Match[str]) -> str:
    char = match.group()
    return _MARKDOWN_ENTITIES.get(char) or "\\" + char


def markdown_text(text: str) -> str:
    r"""``text`` as Markdown that shows it literally: no link, image, HTML or table break.

    Every character that can make Markdown syntax in a line is backslash-escaped:
    ``\ ` * { } [ ] # ! | ~`` everywhere; ``_`` at either edge of a word (inside one, as in
    ``iran_tajikistan``, it makes no emphasis); ``.`` before a letter or digit and ``:``
    before ``/``, so no domain, e-mail address or URL is auto-linked (GFM, linkify); and
    ``-``, ``+``, ``=`` or a number's ``.`` or ``)`` at the start, where they would begin a
    list, a thematic break or a setext heading. CommonMark shows a backslash-escaped ASCII
    punctuation character as itself. ``&``, ``<`` and ``>`` are written as entities. ``(``
    and ``)`` are left as they are: they only make a link right after a ``]``, which is
    always escaped. So a label ``![a](http://127.0.0.1:9/leak)`` is shown as written instead
    of becoming an image every viewer fetches, and ``[x](javascript:…)`` is not a link. Runs
    of whitespace (newlines included) become one space and the ends are stripped, so the
    text stays on its line: in a table cell, a heading or a list item it cannot break the
    table or start a block (heading, list, quote, code block). Control characters are shown
    as
    :func:`terminal_text` shows them. A number or an ISO date is written as it is.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The Markdown source, one line.

    See Also
    --------
    terminal_text : The same text for a terminal.

    Examples
    --------
    >>> print(markdown_text("![a](http://127.0.0.1:9/leak)"))
    \!\[a\](http\://127\.0\.0\.1:9/leak)
    >>> print(markdown_text("1. Talks (in Dushanbe) on www.example.com ended."))
    1\. Talks (in Dushanbe) on www\.example\.com ended.
    >>> print(markdown_text("a|b <i>\n# c & d"))
    a\|b &lt;i&gt; \# c &amp; d
    >>> print(markdown_text("_em_ iran_tajikistan - 2 + 2 = 4"), markdown_text("- item"))
    \_em\_ iran_tajikistan - 2 + 2 = 4 \- item
    >>> markdown_text("-0.25"), markdown_text("2019-05-01"), markdown_text("Душанбе")
    ('-0.25', '2019-05-01', 'Душанбе')
    """
    text = " ".join(text.split())
    if _MARKDOWN_PLAIN.fullmatch(text):
        return text
    text = _MARKDOWN_UNSAFE.sub(_markdown_escape, terminal_text(text))
    return _MARKDOWN_ORDERED.sub(r"\1\\\2", text, count=1)


def _finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float in it (at any depth) replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def json_text(
    data: Any,
    *,
    indent: int | None = None,
    sort_keys: bool = False,
    compact: bool = False,
    default: Callable[[Any], Any] | None = None,
) -> str:
    """Strict JSON of ``data``: NaN and infinities are written as ``null``.

    Python's ``json`` writes them as ``NaN`` and ``Infinity``, which are not JSON (a browser's
    ``JSON.parse`` and most readers reject them). Every JSON output of this package is
    written by this function.

    Parameters
    ----------
    data : object
        Dicts, lists, tuples, strings, numbers, booleans and None.
    indent : int, optional
        Indent nested values by this many spaces (default: one line).
    sort_keys : bool
        Write the keys of each object in sorted order.
    compact : bool
        No space after ``,`` and ``:``.
    default : callable, optional
        Turns any other object into one of the above (as in ``json.dumps``).

    Returns
    -------
    str
        The JSON text, non-ASCII characters kept as they are.

    Examples
    --------
    >>> json_text({"w": float("inf"), "x": [1.5, float("nan")], "name": "Душанбе"})
    '{"w": null, "x": [1.5, null], "name": "Душанбе"}'
    """
    options: dict[str, Any] = {
        "ensure_ascii": False,
        "allow_nan": False,
        "indent": indent,
        "sort_keys": sort_keys,
        "separators": (",", ":") if compact else None,
        "default": default,
    }
    try:
        return json.dumps(data, **options)
    except ValueError:  # a NaN or an infinity somewhere: rare, so only then walk the data
        return json.dumps(_finite(data), **options)


def spreadsheet_text(text: str) -> str:
    r"""``text`` with a ``'`` in front when a spreadsheet would take it for a formula.

    Excel, LibreOffice and Google Sheets run a CSV cell that starts with ``=``, ``+``, ``-``
    or ``@`` as a formula (``=HYPERLINK(…)``, ``=WEBSERVICE(…)``, DDE commands); a leading
    tab or carriage return can hide the sign. As OWASP suggests, such a cell gets a leading
    apostrophe, which the spreadsheet shows as text. A plain number (``-1.5``, ``+2``) is
    kept: it is read as that number. Only the CSV outputs asked for with ``--excel-safe``
    (``excel_safe=True``) pass through this function: the prefix changes the data, so the
    default CSV reads back exactly.

    Parameters
    ----------
    text : str
        A cell's text.

    Returns
    -------
    str
        ``text``, or ``"'" + text`` when it starts with ``= + - @``, a tab or a carriage
        return and is not a number.

    Examples
    --------
    >>> print(spreadsheet_text('=HYPERLINK("http://x","y")'), spreadsheet_text("@SUM(A1)"))
    '=HYPERLINK("http://x","y") '@SUM(A1)
    >>> print(spreadsheet_text("-2+3"), spreadsheet_text("-2.5"), spreadsheet_text("Iran"))
    '-2+3 -2.5 Iran
    """
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _spreadsheet_cell(value: Any) -> Any:
    return spreadsheet_text(value) if isinstance(value, str) else value


def spreadsheet_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with :func:`spreadsheet_text` applied to every text cell and
    column name (numbers and other values are kept).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"label": ["=1+1", "Iran"], "-x": [-1, 2]})
    >>> spreadsheet_frame(frame).to_dict("list")
    {'label': ["'=1+1", 'Iran'], "'-x": [-1, 2]}
    """
    return frame.map(_spreadsheet_cell).rename(columns=_spreadsheet_cell)
