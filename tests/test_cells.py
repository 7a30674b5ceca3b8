"""Cell helpers: stripping Arrow text without copying it when there is nothing to strip."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from graph.loading.cells import strip_text

_SPACES = " \t\n\r\x0b\x0c\x85\xa0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000"
_text = st.text(st.sampled_from(_SPACES) | st.characters(exclude_categories=("Cs",)), max_size=8)


@given(st.lists(_text, max_size=20), st.integers(1, 3))
def test_strip_text_equals_arrows_trim(values: list[str], chunks: int) -> None:
    size = max(len(values) // chunks, 1)
    parts = [values[i : i + size] for i in range(0, len(values), size)] or [[]]
    column = pd.Series(
        pd.arrays.ArrowStringArray(
            pa.chunked_array([pa.array(p, pa.large_string()) for p in parts])
        )
    )
    got = strip_text(column).to_pylist()
    assert got == pc.utf8_trim_whitespace(pa.array(values, pa.large_string())).to_pylist()


def test_a_column_with_nothing_to_strip_is_not_copied() -> None:
    array = pa.chunked_array([pa.array(["a b", "ایران", "«x»"], pa.large_string())])
    column = pd.Series(pd.arrays.ArrowStringArray(array))
    assert strip_text(column).chunk(0).buffers()[2].address == array.chunk(0).buffers()[2].address
