"""The record of the attribution rounds: what each round was tuned on and how it scored, on the split it
was tuned on last and on the split written blind during it (``tests/data/attribution/rounds.csv``).

Each blind score was measured once, with the code of its round, so it cannot be recomputed from today's
code: the table is curated from the round logs it names, and this module only reads and checks it.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..tables import Row, read_rows, table_error
from .evaluate import DEVSET_DIR

ROUNDS_FILE = DEVSET_DIR / "rounds.csv"
ROUND_COLUMNS = ("round", "tuned_on", "blind_split", "blind_accuracy", "blind_low", "blind_high", "previous_code",
                 "tuned_split", "tuned_accuracy", "log")
SCORE_COLUMNS = ("blind_accuracy", "blind_low", "blind_high", "previous_code", "tuned_accuracy")


def _score(row: Row, column: str, path: Path) -> float:
    """A speaker accuracy between 0 and 1, or NaN for an empty cell."""
    cell = row[column]
    if not cell:
        return float("nan")
    try:
        value = float(cell)
    except ValueError:
        raise table_error(f"{cell!r} is not a number", path, row.line, column) from None
    if not 0.0 <= value <= 1.0:
        raise table_error(f"{value} is not a speaker accuracy between 0 and 1", path, row.line, column)
    return value


def load_rounds(path: str | Path = ROUNDS_FILE) -> pd.DataFrame:
    """The rounds as a frame, one row per round in order, scores as floats (NaN where a round has none).

    Raises :class:`~analysis.errors.ReferenceDataError` naming the line and column for a round number that
    is not the next one, a score that is not an accuracy, an interval that does not hold its score, or a
    tuned score without the split it was measured on.
    """
    path = Path(path)
    rows = read_rows(path, ROUND_COLUMNS, required=("round", "tuned_on", "blind_split", "blind_accuracy"))
    records = []
    for expected, row in enumerate(rows, start=1):
        if row["round"] != str(expected):
            raise table_error(f"round {row['round']!r} where round {expected} was expected (one row per round, "
                              "in order)", path, row.line, "round")
        record = {column: row[column] for column in ROUND_COLUMNS}
        record["round"] = expected
        record.update({column: _score(row, column, path) for column in SCORE_COLUMNS})
        low, high, score = record["blind_low"], record["blind_high"], record["blind_accuracy"]
        if pd.isna(low) != pd.isna(high):
            raise table_error("an interval needs both ends", path, row.line, "blind_high" if pd.isna(high) else "blind_low")
        if not pd.isna(low) and not low <= score <= high:
            raise table_error(f"the interval {low}-{high} does not hold the score {score}", path, row.line,
                              "blind_low")
        if not pd.isna(record["tuned_accuracy"]) and not record["tuned_split"]:
            raise table_error("a tuned score needs the split it was measured on", path, row.line, "tuned_split")
        records.append(record)
    return pd.DataFrame.from_records(records, columns=list(ROUND_COLUMNS))


__all__ = ["ROUNDS_FILE", "ROUND_COLUMNS", "load_rounds"]
