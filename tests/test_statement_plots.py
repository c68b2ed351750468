"""Notebook 03's figures: channels per speaker, empty articles, attribution scores by family."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.plots import NONE_FOUND
from analysis.statement_plots import (NOT_STATED, channel_table, error_kind_figure, family_score_figure, heatmap,
                                      stacked_bars)


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


STATEMENTS = pd.DataFrame({
    "speaker": ["Ana Pires", "Ana Pires", "Rui Costa", None],
    "channel": ["press remarks", None, "press remarks", "interview"],
})


def test_channel_table_has_a_column_per_speaker_and_names_missing_channels():
    table = channel_table(STATEMENTS)
    assert list(table.columns) == ["channel", "Ana Pires", "Rui Costa"]
    assert table.set_index("channel").loc["press remarks"].tolist() == [1, 1]
    assert table.set_index("channel").loc[NOT_STATED].tolist() == [1, 0]
    assert "interview" not in set(table["channel"])  # nobody quoted: not a statement of anyone


def test_empty_tables_draw_none_found():
    empty = channel_table(STATEMENTS.iloc[0:0])
    assert empty.empty
    bars = stacked_bars(empty, label="channel", parts=[], title="By channel", xlabel="x", source="s")
    grid = heatmap(pd.DataFrame(columns=["peace"]), title="Themes", colorbar_label="n", source="s")
    for fig, title in ((bars, "By channel"), (grid, "Themes")):
        assert title in _texts(fig) and NONE_FOUND in _texts(fig) and not fig.axes[0].patches


def test_family_scores_one_row_per_family_top_to_bottom_and_a_marker_per_split():
    scores = pd.DataFrame({
        "family": ["pronoun", "dash", "all", "pronoun", "dash", "all", "seed article", "all"],
        "split": ["dev", "dev", "dev", "test", "test", "test", "seed", "seed"],
        "speaker_accuracy": [1.0, 0.9, 0.95, 0.8, 0.7, 0.75, 1.0, 1.0],
    })
    fig = family_score_figure(scores, title="Speakers", xlabel="accuracy", source="s")
    ax = fig.axes[0]
    ticks = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    assert sorted(ticks, key=ticks.get, reverse=True) == ["dash", "pronoun", "seed article", "all"]
    points = {c.get_label(): len(c.get_offsets()) for c in ax.collections}
    assert [n for label, n in points.items() if label.startswith("dev")] == [3]
    assert [n for label, n in points.items() if label.startswith("test")] == [3]
    assert [n for label, n in points.items() if label.startswith("our article")] == [1]  # the seed's "all" is not repeated
    assert sorted(round(line.get_xdata()[0], 2) for line in ax.lines) == [0.85, 0.95]


def test_family_scores_without_numbers_draw_none_found():
    fig = family_score_figure(pd.DataFrame(columns=["family", "split", "speaker_accuracy"]), title="Speakers",
                              xlabel="x", source="s")
    assert NONE_FOUND in _texts(fig)


def test_error_kinds_stack_the_points_each_kind_costs_per_split():
    errors = pd.DataFrame({"test9": [1, 1, 2, 30], "test": [0, 4, 4, 200], "empty": [0, 0, 0, 0]},
                          index=["name cut or extended", "no answer", "all errors", "quotations found"])
    fig = error_kind_figure(errors, title="Wrong speakers by kind", source="s")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["test", "test9"]  # first split on top; "empty" has no bar
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["name cut or extended", "no answer"]
    by_kind = {c.get_label(): [bar.get_width() for bar in c] for c in ax.containers}  # bottom-up: test, test9
    assert by_kind["name cut or extended"] == pytest.approx([0.0, 100 / 30])  # 1 of 30 found
    assert by_kind["no answer"] == pytest.approx([2.0, 100 / 30])  # 4 of 200
    assert {" 2", " 6.7"} <= set(_texts(fig))  # totals, rounded once after summing
    assert "Wrong speakers by kind" in _texts(fig)


def test_error_kinds_without_splits_draw_none_found():
    errors = pd.DataFrame({"dev": [0, 0, 0]}, index=["no answer", "all errors", "quotations found"])
    fig = error_kind_figure(errors, title="Wrong speakers by kind", source="s")
    assert NONE_FOUND in _texts(fig) and not fig.axes[0].patches
