"""Figures when there is nothing to plot: a "none found" figure that io.save_figure accepts, with a CSV saying so."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import io
from analysis.claims import VERDICTS
from analysis.claims_plots import similarity_by_quote, verdicts_by_category
from analysis.plots import NONE_FOUND, bar_counts, figure_data, none_found_figure


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def test_figure_data_keeps_data_and_says_none_found_for_none():
    data = pd.DataFrame({"canonical": ["Kazakhstan"], "count": [5]})
    assert figure_data(data) is data
    empty = figure_data(data.iloc[0:0])
    assert list(empty.columns) == ["canonical", "count"]
    assert empty.iloc[0].tolist()[0] == NONE_FOUND and pd.isna(empty.iloc[0]["count"]) and len(empty) == 1


def test_none_found_figure_says_so_under_its_title():
    fig = none_found_figure("Who the article names", source="a test", message="none found: no entities")
    texts = _texts(fig)
    assert "Who the article names" in texts and "none found: no entities" in texts and "Source: a test" in texts


@pytest.mark.parametrize(("build", "columns", "words"), [
    (lambda d: bar_counts(d, label="canonical", value="count", group="label", title="T", xlabel="x", source="s"),
     ["canonical", "label", "count"], NONE_FOUND),
    (lambda d: verdicts_by_category(d, source="s"), ["category", *VERDICTS], "no claims register"),
    (lambda d: similarity_by_quote(d, source="s"), ["label", "similarity", "main_class"], "no quotations"),
])
def test_builders_draw_none_found_for_empty_data_and_it_saves(tmp_path, build, columns, words):
    empty = pd.DataFrame(columns=columns)
    fig = build(empty)
    assert any(words in t for t in _texts(fig)) and not fig.axes[0].patches  # no bars, the message instead
    saved = io.save_figure(fig, "fig99-empty", figure_data(empty), folder=tmp_path)
    assert pd.read_csv(saved["csv"]).iloc[0, 0] == NONE_FOUND
    assert saved["png"].stat().st_size > 0 and saved["svg"].stat().st_size > 0


def test_builders_still_draw_bars_for_data():
    data = pd.DataFrame({"canonical": ["A", "B"], "label": ["GPE", "PERSON"], "count": [3, 1]})
    fig = bar_counts(data, label="canonical", value="count", group="label", title="T", xlabel="x", source="s")
    assert len(fig.axes[0].patches) == 2 and NONE_FOUND not in _texts(fig)
