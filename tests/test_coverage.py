"""Per-source aggregation of a corpus statements table: who is quoted, through which channel, how faithfully."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.coverage import (
    fidelity_by_source, fidelity_classes_by_source, or_none_found, quotations, quoted_by_source, speakers_by_source,
)
from analysis.coverage_plots import fidelity_bars, speakers_heatmap
from analysis.fidelity import CLASSES, load_primary_statements

POST = "This is a major step forward in building bridges across the World."


def _row(article_id, source, quote_id, quote, speaker, *, kind="full", cue="wrote", channel=None, duplicate_of=None):
    return {"article_id": article_id, "source": source, "published": None, "quote_id": quote_id, "paragraph": 1,
            "start": 0, "end": len(quote), "quote": quote, "kind": kind, "speaker": speaker, "cue": cue,
            "channel": channel, "duplicate_of": duplicate_of}


@pytest.fixture
def statements() -> pd.DataFrame:
    return pd.DataFrame([
        _row("a.txt", "Outlet A", "q1", POST, "Donald Trump", channel="social media post"),
        _row("a.txt", "Outlet A", "q2", "a major step forward", "Donald Trump", kind="partial", duplicate_of="q1"),
        _row("a.txt", "Outlet A", "q3", "historic", None, kind="scare", cue=None),
        _row("a.txt", "Outlet A", "q4", "We welcome it.", None, cue="said"),
        _row("b.jsonl:1", "Outlet B", "q1", "This is a big step forward in building bridges around the World.",
             "Donald Trump", cue="said"),
        _row("b.jsonl:2", "Outlet B", "q1", "Trade matters more than symbols.", "Invented Analyst", cue="said"),
    ])


def test_quotations_leave_out_scare_quotes_and_repeats(statements):
    assert list(quotations(statements)["quote_id"]) == ["q1", "q4", "q1", "q1"]


def test_quoted_by_source_counts_speaker_and_channel_per_source(statements):
    table = quoted_by_source(statements)
    rows = {(r.source, r.speaker, r.channel): (r.quotations, r.articles) for r in table.itertuples()}
    assert rows == {
        ("Outlet A", "Donald Trump", "social media post"): (1, 1),
        ("Outlet A", "unattributed", "not stated in the text"): (1, 1),
        ("Outlet B", "Donald Trump", "not stated in the text"): (1, 1),
        ("Outlet B", "Invented Analyst", "not stated in the text"): (1, 1),
    }
    matrix = speakers_by_source(statements)
    assert matrix.loc["Donald Trump"].to_dict() == {"Outlet A": 1, "Outlet B": 1}
    assert matrix.index[0] == "Donald Trump"  # most quoted first


def test_fidelity_per_source_compares_only_speakers_with_primary_texts(statements):
    primaries = load_primary_statements()
    fidelity = fidelity_by_source(statements, primaries)
    assert set(fidelity["article_id"]) == {"a.txt", "b.jsonl:1"}  # the analyst has no primary text
    best = fidelity[fidelity["best"]].set_index(["article_id", "quote_id"])["main_class"]
    assert best[("a.txt", "q1")] in ("exact", "case_or_punctuation")
    assert best[("b.jsonl:1", "q1")] == "words_changed"
    counts = fidelity_classes_by_source(fidelity).set_index("source")
    assert list(counts.columns) == [*CLASSES, "quotations"]
    assert counts.loc["Outlet B", "words_changed"] == 1 and counts.loc["Outlet B", "quotations"] == 1


def test_no_comparable_quotation_gives_an_empty_table_and_a_none_found_figure(statements):
    fidelity = fidelity_by_source(statements[statements["speaker"] != "Donald Trump"], load_primary_statements())
    assert fidelity.empty
    counts = fidelity_classes_by_source(fidelity)
    assert counts.empty and "exact" in counts.columns
    fig = fidelity_bars(counts, title="t", source="s")
    assert any(t.get_text() == "none found" for t in fig.axes[0].texts)
    assert any(t.get_text() == "none found" for t in speakers_heatmap(pd.DataFrame(), title="t", source="s").axes[0].texts)
    assert or_none_found(counts).to_dict("list") == {"result": ["none found"]}


def test_fidelity_bars_draws_one_bar_per_source(statements):
    counts = fidelity_classes_by_source(fidelity_by_source(statements, load_primary_statements()))
    fig = fidelity_bars(counts, title="t", source="s")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(labels) == ["Outlet A", "Outlet B"]
