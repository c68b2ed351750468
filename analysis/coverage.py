"""Compare coverage: who each source quotes, through which channel, and how faithfully.

Takes the statements table of a corpus run (:func:`analysis.corpus.extract_corpus`: one row per
quotation with ``article_id`` and ``source`` in front) and aggregates it per source. Only
quotations proper count (``kind`` full or partial; scare quotes and titles are words, not
statements), and a repeat of an earlier quotation (``duplicate_of``) is not counted twice.
Fidelity runs :func:`analysis.fidelity.fidelity_table` article by article (quote ids and the order
of quotations are per article) against the primary statements we hold.
"""
from __future__ import annotations

import pandas as pd

from .display import NONE_FOUND
from .fidelity import CLASSES, FIDELITY_COLUMNS, fidelity_table

QUOTATION_KINDS: tuple[str, ...] = ("full", "partial")
UNATTRIBUTED = "unattributed"
NOT_STATED = "not stated in the text"


def quotations(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements that are quotations of someone (full or partial), without repeats."""
    chosen = statements[statements["kind"].isin(QUOTATION_KINDS) & statements["duplicate_of"].isna()]
    return chosen.reset_index(drop=True)


def quoted_by_source(statements: pd.DataFrame) -> pd.DataFrame:
    """Quotations per source, speaker and channel, with the number of articles they appear in.

    A quotation without a speaker counts under ``unattributed``; one whose channel the text does not
    state under ``not stated in the text``. Sorted by source, then most quoted first.
    """
    data = quotations(statements).assign(
        speaker=lambda f: f["speaker"].fillna(UNATTRIBUTED), channel=lambda f: f["channel"].fillna(NOT_STATED)
    )
    table = (
        data.groupby(["source", "speaker", "channel"], as_index=False)
        .agg(quotations=("quote", "size"), articles=("article_id", "nunique"))
        .sort_values(["source", "quotations", "speaker", "channel"], ascending=[True, False, True, True], kind="stable")
    )
    return table.reset_index(drop=True)


def speakers_by_source(statements: pd.DataFrame) -> pd.DataFrame:
    """A speaker x source matrix of quotation counts (speakers most quoted overall first)."""
    data = quotations(statements).assign(speaker=lambda f: f["speaker"].fillna(UNATTRIBUTED))
    matrix = pd.crosstab(data["speaker"], data["source"]).astype(int)
    order = matrix.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return matrix.loc[order]


def fidelity_by_source(statements: pd.DataFrame, primaries: pd.DataFrame) -> pd.DataFrame:
    """The fidelity table of every article's quotations, with ``article_id`` and ``source`` in front.

    Only quotations by a speaker we hold primary texts for are compared: for anyone else there is
    nothing to compare with, which says nothing about the source's fidelity. Like notebook 04, every
    quotation counts, repeats included: a source that prints the same words twice quotes them twice.
    """
    speakers = set(primaries["speaker"])
    frames = []
    for article_id, group in statements.groupby("article_id", sort=False):
        group = group[group["kind"].isin(QUOTATION_KINDS) & group["speaker"].isin(speakers)]
        if group.empty:
            continue
        table = fidelity_table(group.reset_index(drop=True), primaries)
        table.insert(0, "source", group["source"].iloc[0])
        table.insert(0, "article_id", article_id)
        frames.append(table)
    if not frames:
        return pd.DataFrame(columns=["article_id", "source", *FIDELITY_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def fidelity_classes_by_source(fidelity: pd.DataFrame) -> pd.DataFrame:
    """Quotations per source and main fidelity class (the best match of each quotation).

    One row per source, one column per class of :data:`analysis.fidelity.CLASSES` (most serious
    first), plus ``quotations`` (the row total). Sources sorted by name.
    """
    best = fidelity[fidelity["best"].astype(bool)] if not fidelity.empty else fidelity
    counts = pd.crosstab(best["source"], best["main_class"]) if not best.empty else pd.DataFrame()
    table = counts.reindex(columns=list(CLASSES), fill_value=0).fillna(0).astype(int)
    table.columns.name = None
    table["quotations"] = table.sum(axis=1)
    return table.sort_index().rename_axis("source").reset_index()


def or_none_found(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``, or one row saying "none found" when it is empty (a figure's CSV is never blank)."""
    return frame if not frame.empty else pd.DataFrame({"result": [NONE_FOUND]})


__all__ = [
    "or_none_found", "NOT_STATED", "QUOTATION_KINDS", "UNATTRIBUTED", "fidelity_by_source", "fidelity_classes_by_source",
    "quotations", "quoted_by_source", "speakers_by_source",
]
