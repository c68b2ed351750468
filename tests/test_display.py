"""Reader tables: escaped, truncated with the full text kept, coloured by value, deterministic."""
from __future__ import annotations

import pandas as pd

from analysis.display import table


def _html(styler) -> str:
    return styler.to_html()


def test_article_text_is_escaped_in_cells_headers_and_titles():
    frame = pd.DataFrame({"quote <b>": ['<script>alert(1)</script> & "x"'], "n": [1]})
    page = _html(table(frame, long_text=["quote <b>"], width=10))
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "quote &lt;b&gt;" in page


def test_long_text_is_cut_with_the_full_text_in_the_title():
    text = "We will sign the agreement next week in the capital, the minister said."
    page = _html(table(pd.DataFrame({"quote": [text]}), long_text=["quote"], width=20))
    assert f'title="{text}"' in page
    assert "We will sign the ag\u2026" in page
    short = _html(table(pd.DataFrame({"quote": ["short"]}), long_text=["quote"], width=20))
    assert "title=" not in short


def test_highlight_colours_cells_by_value():
    frame = pd.DataFrame({"verdict": ["supported", "contradicted", "other"]})
    page = _html(table(frame, highlight=["verdict"]))
    assert "background-color: #cfe8d8" in page and "background-color: #f6c6c6" in page
    custom = _html(table(frame, highlight={"verdict": {"other": "#123456"}}))
    assert "#123456" in custom and "#cfe8d8" not in custom


def test_empty_frames_say_none_found_and_ids_are_stable():
    page = _html(table(pd.DataFrame(columns=["speaker", "quote"])))
    assert "none found" in page
    frame = pd.DataFrame({"a": [1.23456, None]})
    assert _html(table(frame, caption="x")) == _html(table(frame, caption="x"))
    assert "1.235" in _html(table(frame)) and "nan" not in _html(table(frame))


def test_plain_text_form_is_stable_and_short_cells_do_not_wrap():
    frame = pd.DataFrame({"date": ["2020-09-15"], "quote": ["a long sentence " * 5]})
    styled = table(frame, long_text=["quote"])
    assert repr(styled) == "<table: 1 rows x 2 columns>"
    page = _html(styled)
    assert page.count("white-space: nowrap") == 1  # the date column only
