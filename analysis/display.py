"""Tables for readers: pandas Stylers that render as HTML tables in JupyterLab and in the reports.

Every notebook shows its tables through :func:`table`, so they look alike and are safe:

- every cell, header and index label is HTML-escaped (article text is data: a ``<script>`` in an
  article shows as text, never runs);
- long text columns are cut to a width with "…", the full text kept in the cell's ``title``
  (shown on hover) and in the saved CSV;
- columns named in ``highlight`` get a background colour per value (verdicts, fidelity classes,
  membership stages), from :data:`PALETTES` or a mapping given by the notebook;
- the table id is derived from its caption and columns, not random, so re-running a notebook gives
  the same HTML and committed notebooks do not change.

What nbval checks stays a separate, compact printed cell (``# NBVAL_CHECK_OUTPUT``); these tables
are for reading.
"""
from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Mapping

import pandas as pd
from pandas.io.formats.style import Styler

#: Background colours (colour-blind-safe, light) for values of columns that carry a judgement.
PALETTES: dict[str, dict[str, str]] = {
    "verdict": {
        "supported": "#cfe8d8", "partly supported": "#fbe3c0", "contradicted": "#f6c6c6", "unverifiable": "#e3e3e3",
    },
    "main_class": {
        "exact": "#cfe8d8", "case_or_punctuation": "#e2f0e7", "words_changed": "#fbe3c0", "words_omitted": "#f9d3a5",
        "reordered_or_stitched": "#f6c6c6", "channel_misstated": "#e8d4ee", "no_primary": "#e3e3e3",
    },
    "finding": {
        "member, named": "#cfe8d8", "member, not named": "#f6c6c6", "named, not a member": "#e3e3e3",
    },
    "status": {},
}
NONE_FOUND = "none found"
#: Columns whose cells are all at most this long are kept on one line.
SHORT_CELL = 24


def _cell(value: object, width: int | None) -> str:
    """Escaped cell text; cut to ``width`` characters with the full text in a title attribute."""
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return ""
    text = str(value)
    if width is None or len(text) <= width:
        return html.escape(text)
    short = text[: max(1, width - 1)].rstrip() + "\u2026"
    return f'<span title="{html.escape(text, quote=True)}">{html.escape(short)}</span>'


class ReaderTable(Styler):
    """A Styler whose plain-text form is stable (no memory address), so saved notebooks do not
    change from one run to the next; the HTML form is what readers see."""

    def __repr__(self) -> str:
        rows, columns = self.data.shape
        return f"<table: {rows} rows x {columns} columns>"


def _uuid(frame: pd.DataFrame, caption: str | None) -> str:
    key = "|".join([caption or "", *map(str, frame.columns), str(len(frame))])
    return "t" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def table(
    frame: pd.DataFrame,
    *,
    caption: str | None = None,
    long_text: Iterable[str] = (),
    width: int = 80,
    highlight: Mapping[str, Mapping[str, str]] | Iterable[str] = (),
    precision: int = 3,
    index: bool = False,
    empty: str = NONE_FOUND,
) -> Styler:
    """A Styler of ``frame`` for display (see the module docstring).

    ``long_text`` names the columns cut at ``width`` characters; every other text cell is shown in
    full. ``highlight`` is either column names (coloured with :data:`PALETTES` under that name) or
    a mapping column -> {value: colour}. An empty frame shows one cell saying ``empty``.
    """
    if frame.empty:  # one cell saying so; the caption says which table it is
        frame = pd.DataFrame({"result": [empty]})
    long_text = [c for c in long_text if c in frame.columns]
    palettes = dict(highlight) if isinstance(highlight, Mapping) else {c: PALETTES.get(c, {}) for c in highlight}
    styler = ReaderTable(frame).set_uuid(_uuid(frame, caption))
    styler = styler.format(lambda v: _cell(v if not isinstance(v, float) else round(v, precision), None))
    if long_text:
        styler = styler.format(lambda v: _cell(v, width), subset=long_text)
    styler = styler.format_index(escape="html", axis=1)
    if long_text:  # cut text gets room to read instead of a squeezed column of one word per line
        styler = styler.set_table_styles(
            {c: [{"selector": "td", "props": f"min-width: {min(width, 60) // 3}em;"}] for c in long_text}, overwrite=False)
    short = [c for c in frame.columns if c not in long_text and frame[c].astype(str).str.len().max() <= SHORT_CELL]
    if short:  # dates, codes and numbers stay on one line ("2020-09-15" must not break at a hyphen)
        styler = styler.set_table_styles(
            {c: [{"selector": "td", "props": "white-space: nowrap;"}] for c in short}, overwrite=False)
    if index:
        styler = styler.format_index(escape="html", axis=0)
    else:
        styler = styler.hide(axis="index")
    for column, colours in palettes.items():
        if column in frame.columns and colours:
            styler = styler.map(lambda v, c=colours: f"background-color: {c[v]}" if v in c else "", subset=[column])
    styler = styler.set_table_styles([
        {"selector": "th", "props": "text-align: left; vertical-align: bottom;"},
        {"selector": "td", "props": "text-align: left; vertical-align: top; max-width: 40em;"},
    ], overwrite=False)
    if caption:
        styler = styler.set_caption(html.escape(caption))
    return styler


__all__ = ["NONE_FOUND", "PALETTES", "ReaderTable", "table"]
