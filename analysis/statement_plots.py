"""Figure builders for notebook 03 (statements): take tidy data, return a Figure, never save."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .plots import COLOURS, PALETTE, add_source, fix_layout

NOT_STATED = "not stated in the text"


def channel_counts(statements: pd.DataFrame) -> pd.DataFrame:
    """Attributed quotation segments per channel and speaker (long format, channel gaps named)."""
    data = statements[statements["speaker"].notna()].copy()
    data["channel"] = data["channel"].fillna(NOT_STATED)
    counts = data.groupby(["channel", "speaker"]).size().rename("segments").reset_index()
    return counts.sort_values(["channel", "speaker"]).reset_index(drop=True)


def stacked_bars(table: pd.DataFrame, *, label: str, parts: list[str], title: str, xlabel: str, source: str,
                 legend_title: str | None = None) -> Figure:
    """Horizontal stacked bars: one bar per ``label`` row, one segment per column in ``parts``."""
    data = table.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, max(2.6, 0.45 * len(data) + 1.5)), layout="constrained")
    left = np.zeros(len(data))
    for k, part in enumerate(parts):
        values = data[part].to_numpy(dtype=float)
        ax.barh(data[label], values, left=left, color=COLOURS[k % len(COLOURS)], label=part)
        left += values
    for y, total in enumerate(left):
        ax.text(total, y, f" {total:g}", va="center", fontsize=8)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(1.0, float(left.max())) * 1.4)
    ax.legend(title=legend_title, loc="lower right", frameon=False)
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    return fix_layout(add_source(fig, source))


def heatmap(matrix: pd.DataFrame, *, title: str, colorbar_label: str, source: str) -> Figure:
    """A labelled heatmap of a small count matrix (rows x columns), counts written in the cells."""
    cmap = LinearSegmentedColormap.from_list("accords", ["#ffffff", PALETTE["sky"], PALETTE["blue"]])
    fig, ax = plt.subplots(figsize=(1.25 * len(matrix.columns) + 3.2, 0.6 * len(matrix) + 2.6), layout="constrained")
    values = matrix.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=cmap, vmin=0, vmax=max(1.0, values.max()), aspect="auto")
    ax.set_xticks(range(len(matrix.columns)), [textwrap.fill(str(c), 14) for c in matrix.columns], fontsize=8)
    ax.set_yticks(range(len(matrix.index)), matrix.index)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=9, color="white" if v > values.max() / 2 else "black")
    bar = fig.colorbar(image, ax=ax, label=colorbar_label, shrink=0.8)
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    ax.set_title(title, loc="left")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    return fix_layout(add_source(fig, source))


__all__ = ["NOT_STATED", "channel_counts", "stacked_bars", "heatmap"]
