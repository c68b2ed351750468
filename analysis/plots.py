"""Figure builders: each takes data and returns a matplotlib Figure; none of them saves.

Shared look: the Okabe-Ito colour-blind-safe palette, titles and labelled axes, and a source line
under every figure (``add_source``).

Nothing to plot (an article that names no one, has no quotation, no claims register) is a result,
not an error: a builder given empty data returns :func:`none_found_figure`, its title kept and
"none found" in the middle, and the figure's CSV is :func:`figure_data`, one row saying the same
(``analysis.io.save_figure`` refuses a figure without data, so an empty CSV never stands for one).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

#: What a figure or table says when there is nothing to show (as ``analysis.display.NONE_FOUND``).
NONE_FOUND = "none found"

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


def none_found_figure(title: str, *, source: str, message: str = NONE_FOUND) -> Figure:
    """A small figure with ``title`` and ``message`` in the middle: there is nothing to plot."""
    fig, ax = plt.subplots(figsize=(7.5, 2.2), layout="constrained")
    ax.set_axis_off()
    ax.set_title(title, loc="left")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=13, color="#555555", transform=ax.transAxes)
    fig.get_layout_engine().set(rect=(0, 0.08, 1, 0.92))
    return fix_layout(add_source(fig, source))


def figure_data(frame: pd.DataFrame, message: str = NONE_FOUND) -> pd.DataFrame:
    """The numbers a figure plots, for its CSV: ``frame``, or, when it is empty, one row with
    ``message`` in the first column and the other columns empty (the columns are kept)."""
    if not frame.empty:
        return frame
    columns = list(frame.columns) or ["result"]
    return pd.DataFrame([{c: (message if i == 0 else None) for i, c in enumerate(columns)}], columns=columns)


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
    """Horizontal bars of ``value`` per ``label`` (largest on top), coloured by ``group`` if given.

    No rows: :func:`none_found_figure` with the same title.
    """
    if counts.empty:
        return none_found_figure(title, source=source)
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
