"""Figure builders: each takes data and returns a matplotlib Figure; none of them saves.

Shared look: the Okabe-Ito colour-blind-safe palette, titles and labelled axes, and a source line
under every figure (``add_source``).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

#: Okabe & Ito (2008) colour-blind-safe palette.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#999999",
}
COLOURS: list[str] = [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky", "yellow", "grey")]

STYLE: dict[str, object] = {
    "figure.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": plt.cycler(color=COLOURS),
    "svg.hashsalt": "accords",
}


def apply_style() -> None:
    """Set the project's matplotlib defaults (call once per notebook)."""
    plt.rcParams.update(STYLE)


def fix_layout(fig: Figure) -> Figure:
    """Run the constrained layout once, then keep it.

    Inline display in Jupyter draws a figure once more than a headless run does, and constrained
    layout moves things a little on every draw; fixing the layout makes the saved PNG/SVG identical
    however the notebook is run (JupyterLab, nbval, ``make report``). Call it last in a builder.
    """
    fig.canvas.draw()
    fig.set_layout_engine("none")
    return fig


def add_source(fig: Figure, text: str) -> Figure:
    """Write a small grey source line under the figure's axes."""
    fig.text(0.01, 0.005, f"Source: {text}", ha="left", va="bottom", fontsize=7.5, color="#555555")
    return fig


def bar_counts(
    counts: pd.DataFrame,
    *,
    label: str,
    value: str,
    group: str | None = None,
    title: str,
    xlabel: str,
    source: str,
) -> Figure:
    """Horizontal bars of ``value`` per ``label`` (largest on top), coloured by ``group`` if given."""
    data = counts.iloc[::-1]
    height = max(2.5, 0.32 * len(data) + 1.3)
    fig, ax = plt.subplots(figsize=(7.5, height), layout="constrained")
    if group is None:
        ax.barh(data[label], data[value], color=PALETTE["blue"])
    else:
        groups = list(dict.fromkeys(counts[group]))
        colour = {g: COLOURS[i % len(COLOURS)] for i, g in enumerate(groups)}
        ax.barh(data[label], data[value], color=[colour[g] for g in data[group]])
        handles = [plt.Rectangle((0, 0), 1, 1, color=colour[g]) for g in groups]
        ax.legend(handles, groups, title=group, loc="lower right", frameon=False)
    for y, v in enumerate(data[value]):
        ax.text(v, y, f" {v:g}", va="center", fontsize=8)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))
    return fix_layout(add_source(fig, source))
