"""The curated record of the attribution rounds (tests/data/attribution/rounds.csv) and its figure."""
import math

import pandas as pd
import pytest

from analysis.errors import ReferenceDataError
from analysis.plots import NONE_FOUND
from analysis.quote_eval import SPLITS
from analysis.quotes.rounds import ROUND_COLUMNS, load_rounds
from analysis.statement_plots import rounds_figure

HEADER = ",".join(ROUND_COLUMNS)
GOOD = ["1,dev,test1,0.86,,,,dev,0.97,", "2,+ test1,test2,0.88,0.85,0.91,0.80,test1,0.99,ROUND2_LOG.md",
        "3,no rule changed,test,0.90,0.88,0.92,0.90,,,"]


@pytest.fixture
def rounds_file(tmp_path):
    def write(*rows: str):
        path = tmp_path / "rounds.csv"
        path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
        return path
    return write


def test_the_committed_record_names_every_blind_split_once_and_ends_with_the_current_one():
    rounds = load_rounds()
    assert list(rounds["round"]) == list(range(1, len(rounds) + 1))
    assert rounds["blind_split"].is_unique and set(rounds["blind_split"]) <= set(SPLITS)
    assert rounds["blind_split"].iloc[-1] == "test"  # the split scored last is the blind one of the last round
    assert list(rounds["blind_split"]) == [s for s in SPLITS if s != "dev"]  # one blind split per round, in order


def test_scores_are_floats_and_empty_cells_are_missing(rounds_file):
    rounds = load_rounds(rounds_file(*GOOD))
    assert rounds.loc[0, "blind_accuracy"] == pytest.approx(0.86)
    assert math.isnan(rounds.loc[0, "blind_low"]) and math.isnan(rounds.loc[2, "tuned_accuracy"])
    assert rounds.loc[1, "log"] == "ROUND2_LOG.md" and rounds.loc[2, "tuned_split"] == ""


@pytest.mark.parametrize("bad, field", [
    ("2,+ test1,test2,0.88,,,,test1,0.99,", "round"),           # a round missing: 2 where 3 was expected
    ("3,x,test,ninety,,,,,,", "blind_accuracy"),                 # not a number
    ("3,x,test,0.90,,,1.2,,,", "previous_code"),                 # not an accuracy
    ("3,x,test,0.90,0.91,0.95,,,,", "blind_low"),                # the interval does not hold the score
    ("3,x,test,0.90,0.88,,,,,", "blind_high"),                   # one end of an interval
    ("3,x,test,0.90,,,,,0.95,", "tuned_split"),                  # a tuned score measured on no split
])
def test_a_broken_round_names_its_line_and_column(rounds_file, bad, field):
    with pytest.raises(ReferenceDataError) as err:
        load_rounds(rounds_file(*GOOD[:2], bad))
    assert (err.value.line, err.value.field) == (4, field)


def test_the_figure_draws_each_round_and_breaks_the_tuned_line_where_nothing_was_tuned(rounds_file):
    fig = rounds_figure(load_rounds(rounds_file(*GOOD)), title="Rounds", source="s")
    ax = fig.axes[0]
    lines = {line.get_label(): line for line in ax.get_lines()}
    blind = lines["the blind split, the round's code (scored once)"]
    assert list(blind.get_xdata()) == [1, 2, 3] and list(blind.get_ydata()) == pytest.approx([0.86, 0.88, 0.90])
    tuned = lines["the split tuned on last, after the round"].get_ydata()
    assert tuned[:2] == pytest.approx([0.97, 0.99]) and math.isnan(tuned[2])
    intervals = next(c for c in ax.collections if c.get_label() == "its 95% interval (texts resampled)")
    assert len(intervals.get_segments()) == 2  # rounds 2 and 3 have one; round 1 none
    previous = next(c for c in ax.collections if c.get_label() == "the blind split, the previous round's code")
    assert previous.get_offsets().ravel().tolist() == pytest.approx([2, 0.80, 3, 0.90])
    assert any(t.get_text() == "target 0.95" for t in ax.texts)


def test_no_rounds_draw_none_found():
    fig = rounds_figure(pd.DataFrame(columns=list(ROUND_COLUMNS)), title="Rounds", source="s")
    assert any(NONE_FOUND in t.get_text() for t in fig.texts + fig.axes[0].texts)
