"""Finding the line of each top-level key of a TOML document (graph.model.toml_lines),
past multi-line strings, arrays, inline tables, quoted dotted keys and tables."""

from __future__ import annotations

from graph.model.toml_lines import key_lines


def test_key_lines_skips_strings_arrays_and_tables() -> None:
    text = (
        "a = '''\nb = 1\n'''\n"
        'c = [\n  "d = 2",\n  { e = 3 },\n]\n'
        '"f.g" . h = 4\n'
        "[[i]]\nj = 5\n[k.l]\n"
    )
    assert key_lines(text) == {"a": 1, "c": 4, "f.g": 8, "i": 9, "k": 11}
