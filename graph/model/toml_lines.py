"""Where each top-level key of a TOML document is given: :func:`key_lines`.

:mod:`tomllib` reads values but not where they are; issues about a key of ``dataset.toml``
give its line, so this module finds them. It scans the text of a document that is already
known to be valid TOML, skipping strings (all four kinds, multi-line ones included),
arrays, inline tables and comments, so that ``x = 1`` inside a string is not a key.

>>> key_lines('title = "T"\\nsources = [\\n  "a = 1",\\n]\\ncreated = 2021-04-20\\n')
{'title': 1, 'sources': 2, 'created': 5}
"""

from __future__ import annotations

import re
import tomllib

__all__ = ["key_lines"]

# A TOML key segment: basic or literal quoted, or bare.
_SEGMENT = r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|[A-Za-z0-9_-]+'
_KEY = re.compile(rf"[ \t]*({_SEGMENT})(?:[ \t]*\.[ \t]*(?:{_SEGMENT}))*[ \t]*=")
_HEADER = re.compile(rf"[ \t]*\[\[?[ \t]*({_SEGMENT})")


def _segment(raw: str) -> str:
    """A key segment as TOML reads it (quotes removed, escapes resolved).

    >>> _segment('"f.g"'), _segment("'a b'"), _segment("bare")
    ('f.g', 'a b', 'bare')
    """
    return str(next(iter(tomllib.loads(f"{raw} = 0"))))


# Each kind of TOML string, from its opening quote to its end (a multi-line string may end
# with one or two quotes of its own before the closing three).
_STRINGS = {
    '"""': re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""(?:"{1,2})?', re.S),
    "'''": re.compile(r"'''.*?'''(?:'{1,2})?", re.S),
    '"': re.compile(r'"(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"'[^'\n]*'"),
}
# What matters in a value: a line end, a comment, brackets, braces and quotes.
_MARKS = re.compile(r"[\n#\[\]{}\"']")


def _string_end(text: str, i: int) -> int:
    """The index after the string that starts at ``i`` (the document is valid TOML).

    >>> text = "'''it's'''' # x"
    >>> text[: _string_end(text, 0)]
    "'''it's''''"
    """
    quote = text[i : i + 3] if text.startswith(('"""', "'''"), i) else text[i]
    found = _STRINGS[quote].match(text, i)
    return found.end() if found else len(text)


def _value_end(text: str, i: int) -> int:
    """The index after the newline that ends the value starting at ``i``.

    >>> text = 'a = [1, # ]\\n  "]",\\n]\\nb = 2\\n'
    >>> text[_value_end(text, 4) :]
    'b = 2\\n'
    """
    depth = 0
    while (mark := _MARKS.search(text, i)) is not None:
        char, i = mark.group(), mark.start()
        if char == "\n":
            if depth == 0:
                return i + 1
            i += 1
        elif char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif char in "[{":
            depth, i = depth + 1, i + 1
        elif char in "]}":
            depth, i = depth - 1, i + 1
        else:
            i = _string_end(text, i)
    return len(text)


def key_lines(text: str) -> dict[str, int]:
    """The line (1-based) where each top-level key of a valid TOML document is first given.

    A table (``[name]``, ``[[name]]``) counts as its key; a dotted key ``a.b = 1`` as ``a``.

    Parameters
    ----------
    text : str
        The document, already known to be valid TOML (what :func:`tomllib.loads` accepts).

    Returns
    -------
    dict of str to int
        Each top-level key and the line of its first mention, in the document's order.
        Keys inside a table are the table's, not the document's.

    Examples
    --------
    >>> text = "title = 'T'\\ndescription = \'\'\'\\nx = 1\\n\'\'\'\\n[extra]\\ny = 2\\n"
    >>> key_lines("# about\\n" + text)
    {'title': 2, 'description': 3, 'extra': 6}
    """
    found: dict[str, int] = {}
    i, line, in_table = 0, 1, False
    while i < len(text):
        header = _HEADER.match(text, i)
        key = None if header else _KEY.match(text, i)
        if header is not None:
            found.setdefault(_segment(header.group(1)), line)
            in_table = True  # the keys that follow are the table's
        elif key is not None:
            if not in_table:
                found.setdefault(_segment(key.group(1)), line)
            end = _value_end(text, key.end())
            line += text.count("\n", i, end)
            i = end
            continue
        line += 1
        end = text.find("\n", i)
        i = len(text) if end < 0 else end + 1
    return found
