"""Helpers shared by the statement test modules (each module tests one sieve family)."""
from __future__ import annotations

import pandas as pd

from analysis.quotes import extract_statements


def rows(text: str, nlp) -> list[dict]:
    """The statements of ``text`` as records, in text order."""
    return extract_statements(text, nlp).to_dict("records")


def one(text: str, nlp) -> dict:
    """The single statement found in ``text``."""
    frame: pd.DataFrame = extract_statements(text, nlp)
    assert len(frame) == 1, frame.to_string()
    return frame.iloc[0].to_dict()
