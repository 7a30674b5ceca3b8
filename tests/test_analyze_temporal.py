"""Time: periods a relation covers, pair trends (the article's Iran–Tajikistan story),
snapshots and timelines."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from analyze_data import random_dataset

import graph
from graph.analyze import (
    counts_by_period,
    node_measures,
    pair_series,
    pair_trend,
    period_shares,
    relation_periods,
    snapshots,
    timeline,
)
from graph.errors import UsageError


@pytest.fixture(scope="module")
def bundled() -> graph.Dataset:
    return graph.load()


def test_iran_tajikistan_cooled_after_december_2015_and_warmed_from_2019(bundled) -> None:
    trend = pair_trend(bundled, "iran", "tajikistan").set_index("period")["score"]
    # relations in force after the December 2015 invitation of Kabiri: net conflictual
    assert (trend.loc["2015":"2018"] < 0).all()
    # from 2019: net cooperative again
    assert (trend.loc["2019":] > 0).all() and len(trend.loc["2019":]) >= 3
    assert (trend.loc[:"2014"] >= 0).all()
    # the same by month around the turn: positive before December 2015, negative after
    monthly = pair_trend(bundled, "iran", "tajikistan", freq="month").set_index("period")["score"]
    assert monthly.loc["2015-11"] > 0 and monthly.loc["2016-01"] < 0
    assert (monthly.loc["2016-01":"2018-12"] < 0).all() and monthly.loc["2019-01"] > 0


def test_pair_trend_is_symmetric_and_fills_empty_periods(bundled) -> None:
    ab = pair_trend(bundled, "iran", "tajikistan")
    ba = pair_trend(bundled, "tajikistan", "iran")
    pd.testing.assert_frame_equal(ab, ba)
    years = ab["period"].astype(int)
    assert (np.diff(years) == 1).all()


def test_a_relation_counts_in_every_period_it_overlaps() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    edges = pd.DataFrame(
        {
            "source": ["a", "a", "a"],
            "target": ["b", "b", "b"],
            "type": ["dispute", "talks", "visit"],
            "date": ["2015-12", "2016-03-05", ""],
            "end_date": ["2017", "", ""],
        }
    )
    ds = graph.from_frames(nodes, edges)
    spans = relation_periods(ds)
    assert spans["period"].tolist() == ["2015", "2016", "2017", "2016"]
    quarters = relation_periods(ds, "quarter")
    assert quarters["period"].tolist()[:2] == ["2015Q4", "2016Q1"]
    assert len(quarters) == 9 + 1
    counted = pair_trend(ds, "a", "b", weighting="count").set_index("period")
    assert counted["score"].tolist() == [-1.0, 0.0, -1.0]
    # by share: the dispute is in force 31 days of 2015, all of 2016 (a leap year) and 2017;
    # the talks (no end date) are a point event: their whole weight in 2016
    trend = pair_trend(ds, "a", "b").set_index("period")
    assert trend["score"].tolist() == [-31 / 365, -1.0 + 1.0, -1.0]
    assert trend.loc["2016", ["relations", "cooperative", "conflictual"]].tolist() == [2, 1, 1]
    series = pair_series(ds)
    assert series[["period", "source", "target"]].values.tolist()[0] == ["2015", "a", "b"]
    counts = counts_by_period(ds, by="family")
    assert counts.loc["2016"].to_dict() == {"conflict": 1, "diplomatic": 1}


def test_pair_series_sums_to_the_pair_trends(bundled) -> None:
    series = pair_series(bundled)
    sub = series[(series["source"] == "iran") & (series["target"] == "tajikistan")]
    # pair_series counts every relation whole in every period: pair_trend's "count" rule
    trend = pair_trend(bundled, "iran", "tajikistan", weighting="count")
    trend = trend[trend["relations"] > 0]
    assert sub["score"].tolist() == trend["score"].tolist()


def _pair(rows: list[tuple[str, str, str, str]]) -> graph.Dataset:
    """Relations between a and b given as (type, date, end_date, weight)."""
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    edges = pd.DataFrame(rows, columns=["type", "date", "end_date", "weight"])
    edges.insert(0, "source", "a")
    edges.insert(1, "target", "b")
    return graph.from_frames(nodes, edges)


def test_pair_trend_weighs_each_relation_by_the_share_of_the_period_in_force() -> None:
    ds = _pair(
        [
            ("cooperation", "1950", "1989", "2"),  # 40 years: 2 in each
            ("dispute", "1985-03", "1985-03", "1"),  # March 1985: 31/365 of 1985
            ("cooperation", "1987-07-01", "1988-06-30", "1"),  # 184/365 of 1987, 182/366 of 1988
            ("visit", "1986-05-02", "", "0.5"),  # a point event: all of it in 1986
        ]
    )
    trend = pair_trend(ds, "a", "b").set_index("period")["score"]
    assert len(trend) == 40 and (trend.loc["1950":"1984"] == 2.0).all()
    assert trend.loc["1985"] == pytest.approx(2 - 31 / 365)
    assert trend.loc["1986"] == 2.5
    assert trend.loc["1987"] == pytest.approx(2 + 184 / 365)
    assert trend.loc["1988"] == pytest.approx(2 + 182 / 366)
    counted = pair_trend(ds, "a", "b", weighting="count").set_index("period")
    assert counted.loc["1985", "score"] == 1.0 and counted.loc["1987", "score"] == 3.0
    # relations, cooperative and conflictual stay counts whatever the weighting
    assert trend.index.tolist() == counted.index.tolist()
    weighted = pair_trend(ds, "a", "b").set_index("period")
    assert weighted.loc["1985", ["relations", "conflictual"]].tolist() == [2, 1]
    # by month: March 1985 is all of the dispute's month
    monthly = pair_trend(ds, "a", "b", freq="month").set_index("period")["score"]
    assert monthly.loc["1985-03"] == 1.0 and monthly.loc["1985-04"] == 2.0


def test_point_events_split_over_finer_periods_and_shares_sum_to_one() -> None:
    ds = _pair([("visit", "2021", "", "1"), ("talks", "2021-04", "", "1")])
    spans = relation_periods(ds, "month")
    shares = period_shares(ds, spans, "month")
    assert shares[spans["row"] == 0].tolist() == [1 / 12] * 12  # a 2021 visit by month
    assert shares[spans["row"] == 1].tolist() == [1.0]
    quarterly = pair_trend(ds, "a", "b", freq="quarter").set_index("period")["score"]
    assert quarterly.tolist() == pytest.approx([0.25, 1.25, 0.25, 0.25])


def test_ongoing_relations_run_to_the_last_period_of_the_data() -> None:
    ds = _pair(
        [
            ("cooperation", "2019-07", "ongoing", "1"),
            ("visit", "2021-03-02", "", "1"),
        ]
    )
    spans = relation_periods(ds)
    assert spans["period"].tolist() == ["2019", "2020", "2021", "2021"]
    trend = pair_trend(ds, "a", "b").set_index("period")["score"]
    # from July 2019 (184 of 365 days), then whole years to the data's end (2021-03-02)
    assert trend.tolist() == pytest.approx([184 / 365, 1.0, 2.0])
    assert counts_by_period(ds, by="type").loc["2021"].to_dict() == {"cooperation": 1, "visit": 1}


def test_unknown_weighting_is_a_usage_error(bundled) -> None:
    with pytest.raises(UsageError, match="unknown weighting 'days'"):
        pair_trend(bundled, "iran", "tajikistan", weighting="days")


def test_snapshots_equal_measures_of_each_period() -> None:
    ds = random_dataset(3)
    snaps = snapshots(ds)
    assert snaps["period"].iloc[0] == "2000" and snaps["period"].iloc[-1] == "2021"
    assert len(snaps) == 22 * len(ds.nodes)
    period = ds.edges[ds.edges["date"] == "2010"]
    expected = node_measures(ds.with_tables(ds.nodes, period.reset_index(drop=True)))
    got = snaps[snaps["period"] == "2010"].drop(columns="period").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected, check_like=True, check_dtype=False)


def test_timeline_shows_the_articles_events_with_quotes(bundled) -> None:
    rows = timeline(bundled, "iran", "tajikistan")
    pairs = set(zip(rows["source"], rows["target"], strict=True))
    assert pairs <= {("iran", "tajikistan"), ("tajikistan", "iran")}
    assert rows["id"].tolist()[:2] == [
        "e01_iran_recognizes_tajikistan",
        "e02_iran_opens_embassy_dushanbe",
    ]
    cooling = rows[rows["date"].str.startswith("2015-12")]
    assert set(cooling["type"]) == {"dispute", "protest"}
    assert cooling["evidence"].str.contains("Kabiri").all()
    assert (rows["evidence"] != "").all()


def test_unknown_actor_and_same_actor_are_usage_errors(bundled) -> None:
    with pytest.raises(UsageError, match="did you mean 'tajikistan'"):
        timeline(bundled, "iran", "tajikstan")
    with pytest.raises(UsageError, match="two different"):
        pair_trend(bundled, "iran", "iran")
    with pytest.raises(UsageError, match="unknown period"):
        relation_periods(bundled, "decade")
