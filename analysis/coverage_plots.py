"""Figure builders for notebook 05 (compare coverage): take tidy data, return a Figure, never save."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .fidelity import CLASSES
from .plots import PALETTE, add_source, fix_layout
from .statement_plots import heatmap

#: One colour per fidelity class, from faithful (green) to far from the words said (vermillion);
#: grey where there was nothing to compare with.
CLASS_COLOURS: dict[str, str] = {
    "exact": PALETTE["green"],
    "case_or_punctuation": PALETTE["sky"],
    "channel_misstated": PALETTE["purple"],
    "words_changed": PALETTE["yellow"],
    "words_omitted": PALETTE["orange"],
    "reordered_or_stitched": PALETTE["vermillion"],
    "no_primary": PALETTE["grey"],
}
#: Bar segments from left to right: the faithful classes first.
CLASS_ORDER: tuple[str, ...] = tuple(reversed(CLASSES))


def _label(text: str, width: int = 30) -> str:
    return textwrap.fill(str(text), width)


def _none_found(title: str, source: str) -> Figure:
    fig, ax = plt.subplots(figsize=(7.5, 2.6), layout="constrained")
    ax.text(0.5, 0.5, "none found", ha="center", va="center", transform=ax.transAxes, color=PALETTE["grey"])
    ax.set_axis_off()
    ax.set_title(title, loc="left")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    return fix_layout(add_source(fig, source))


def speakers_heatmap(matrix: pd.DataFrame, *, title: str, source: str) -> Figure:
    """Quotations per speaker (rows) and source (columns), from :func:`analysis.coverage.speakers_by_source`."""
    if matrix.empty:
        return _none_found(title, source)
    return heatmap(matrix, title=title, colorbar_label="quotations", source=source)


def fidelity_bars(table: pd.DataFrame, *, title: str, source: str) -> Figure:
    """One horizontal bar per source, split into its quotations' main fidelity classes.

    ``table`` is :func:`analysis.coverage.fidelity_classes_by_source` (a ``source`` column and one
    count column per class). A table with no quotations gives a figure that says "none found".
    """
    data = table.iloc[::-1].reset_index(drop=True)
    if data.empty or data[list(CLASS_ORDER)].to_numpy().sum() == 0:
        return _none_found(title, source)
    fig, ax = plt.subplots(figsize=(8.5, max(2.6, 0.55 * len(data) + 1.9)), layout="constrained")
    labels = [_label(s) for s in data["source"]]
    left = np.zeros(len(data))
    for cls in CLASS_ORDER:
        values = data[cls].to_numpy(dtype=float)
        if values.sum() == 0:
            continue
        ax.barh(labels, values, left=left, color=CLASS_COLOURS[cls], label=cls.replace("_", " "),
                edgecolor="white", linewidth=0.8)
        for y, (start, value) in enumerate(zip(left, values)):
            if value:
                ax.text(start + value / 2, y, f"{value:g}", ha="center", va="center", fontsize=8)
        left += values
    ax.set_xlabel("quotations of a speaker we hold primary texts for (best match of each)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, float(left.max()) * 1.02)
    ax.legend(title="main difference", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_title(title, loc="left")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    return fix_layout(add_source(fig, source))


__all__ = ["CLASS_COLOURS", "CLASS_ORDER", "fidelity_bars", "speakers_heatmap"]
