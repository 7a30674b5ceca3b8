"""Dates of extracted relations: the precision the text gives, start and end words, ranges, the
paragraph's date for a sentence without one, and numbers that are not years."""

from __future__ import annotations

import pytest

import graph
from graph.extraction.dates import choose, find_dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on 5 April 2021", "2021-04-05"),
        ("on April 5, 2021", "2021-04-05"),
        ("on 2021-04-05", "2021-04-05"),
        ("on the 5th of April 2021", "2021-04-05"),
        ("in December 2015", "2015-12"),
        ("in Dec. 2015", "2015-12"),
        ("in 2019", "2019"),
    ],
)
def test_a_date_keeps_the_precision_the_text_gives(text: str, value: str) -> None:
    (found,) = find_dates(f"Iran visited Tajikistan {text}.")
    assert (found.value, found.role) == (value, "point")


@pytest.mark.parametrize(
    "text",
    [
        "UN Security Council Resolution 2231 and Resolution 1747",
        "the 1,344-kilometer border",
        "flight 1984 and 30 April",
        "in the 1990s",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("sentence", "date", "end_date"),
    [
        ("Iran has cooperated with Russia since 2013.", "2013", "ongoing"),
        ("Relations between Iran and Russia cooled until 2019.", "", "2019"),
        ("Iran fought Iraq from 1980 to 1988.", "1980", "1988"),
        ("Iran fought Iraq between 1980 and 1988.", "1980", "1988"),
        ("Iran fought Iraq in 1980–88.", "1980", "1988"),
        ("Iran fought Iraq from September 1980 until August 1988.", "1980-09", "1988-08"),
        ("Iran has cooperated with Russia from 2019 to 2013.", "2019", ""),  # end before start
    ],
)
def test_start_and_end_words(sentence: str, date: str, end_date: str) -> None:
    edges = graph.extract(sentence).edges
    assert edges[["date", "end_date"]].values.tolist()[0] == [date, end_date]


def test_an_impossible_day_falls_back_to_its_month() -> None:
    assert [d.value for d in find_dates("on 31 February 2020")] == ["2020-02"]


def test_a_relation_takes_the_date_nearest_its_words() -> None:
    text = "Relations cooled until 2019 after the invitation of Iran to Moscow in December 2015."
    edges = graph.extract(text).edges
    assert edges[["type", "date", "end_date"]].values.tolist() == [["invitation", "2015-12", ""]]


def test_a_sentence_without_a_date_takes_its_paragraphs_last_date() -> None:
    text = (
        "In 2019, Iran visited Tajikistan. Then Iran met Russia.\n\n"
        "Russia met China."  # a new paragraph: no date
    )
    edges = graph.extract(text).edges
    assert edges[["type", "date"]].values.tolist() == [
        ["visit", "2019"], ["talks", "2019"], ["talks", ""],
    ]  # fmt: skip


def test_choose_prefers_a_date_inside_the_relation() -> None:
    dates = find_dates("In 2001, Iran and in 2005 Russia met.")
    assert choose(dates, 9, 37) == ("2005", "")
    assert choose([], 0, 5, fallback="1999-03") == ("1999-03", "")
