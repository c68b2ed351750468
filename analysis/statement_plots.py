"""Figure builders for notebook 03 (statements): take tidy data, return a Figure, never save.

Empty data (an article without quotations) gives :func:`analysis.plots.none_found_figure`.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .plots import COLOURS, PALETTE, add_source, fix_layout, none_found_figure

NOT_STATED = "not stated in the text"


def channel_counts(statements: pd.DataFrame) -> pd.DataFrame:
    """Attributed quotation segments per channel and speaker (long format, channel gaps named)."""
    data = statements[statements["speaker"].notna()].copy()
    data["channel"] = data["channel"].fillna(NOT_STATED)
    counts = data.groupby(["channel", "speaker"]).size().rename("segments").reset_index()
    return counts.sort_values(["channel", "speaker"]).reset_index(drop=True)


def channel_table(statements: pd.DataFrame) -> pd.DataFrame:
    """:func:`channel_counts` as a wide table: one row per channel, one column of segments per speaker."""
    counts = channel_counts(statements)
    table = counts.pivot_table(index="channel", columns="speaker", values="segments", aggfunc="sum", fill_value=0)
    table.columns.name = None
    return table.reset_index().sort_values("channel", kind="stable").reset_index(drop=True)


def stacked_bars(table: pd.DataFrame, *, label: str, parts: list[str], title: str, xlabel: str, source: str,
                 legend_title: str | None = None, legend_outside: bool = False) -> Figure:
    """Horizontal stacked bars: one bar per ``label`` row, one segment per column in ``parts``; the legend sits
    inside at the lower right, or right of the axes with ``legend_outside`` (for many parts and long bars)."""
    if table.empty or not parts:
        return none_found_figure(title, source=source)
    data = table.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, max(2.6, 0.45 * len(data) + 1.5)), layout="constrained")
    left = np.zeros(len(data))
    for k, part in enumerate(parts):
        values = data[part].to_numpy(dtype=float)
        ax.barh(data[label], values, left=left, color=COLOURS[k % len(COLOURS)], label=part)
        left += values
    for y, total in enumerate(left):
        ax.text(total, y, f" {round(total, 1):g}", va="center", fontsize=8)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(1.0, float(left.max())) * 1.4)
    if legend_outside:
        ax.legend(title=legend_title, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    else:
        ax.legend(title=legend_title, loc="lower right", frameon=False)
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    return fix_layout(add_source(fig, source))


def error_kind_figure(errors: pd.DataFrame, *, title: str, source: str) -> Figure:
    """Points of speaker accuracy each kind of wrong speaker costs: one stacked bar per split.

    ``errors`` is :func:`analysis.quotes.evaluate.error_table` (kinds as rows, splits as columns, the found
    quotations as the last row); a split where nothing was found is left out.
    """
    found = errors.loc["quotations found"]
    kinds = [kind for kind in errors.index if kind not in ("all errors", "quotations found")]
    splits = [split for split in errors.columns if found[split] > 0]
    points = (errors.loc[kinds, splits] * 100 / found[splits]).T.rename_axis("split").reset_index()
    return stacked_bars(points, label="split", parts=kinds, legend_title="kind of error", title=title,
                        xlabel="points of speaker accuracy lost (wrong speakers per 100 quotations found)",
                        source=source, legend_outside=True)


def heatmap(matrix: pd.DataFrame, *, title: str, colorbar_label: str, source: str) -> Figure:
    """A labelled heatmap of a small count matrix (rows x columns), counts written in the cells."""
    if matrix.empty or len(matrix.columns) == 0:
        return none_found_figure(title, source=source)
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


#: How each split of the scores is drawn: marker, colour and legend label.
SPLIT_STYLE: dict[str, tuple[str, str, str]] = {
    "seed": ("*", PALETTE["black"], "our article\n(hand-annotated gold)"),
    "dev": ("o", PALETTE["sky"], "dev\n(tuned on)"),
    "test1": ("s", PALETTE["orange"], "test1 (held out in\nround 1, then tuned on)"),
    "test2": ("^", PALETTE["purple"], "test2 (held out in\nround 2, then tuned on)"),
    "test3": ("v", PALETTE["green"], "test3 (held out in\nround 3, then tuned on)"),
    "test4": ("P", PALETTE["blue"], "test4 (held out in\nround 4, then tuned on)"),
    "test5": ("X", PALETTE["grey"], "test5 (held out in\nround 5, then tuned on)"),
    "test6": ("h", PALETTE["yellow"], "test6 (held out in\nround 6, then tuned on)"),
    "test7": ("p", "#FFFFFF", "test7 (held out in\nround 7, then tuned on)"),
    "test8": ("<", "#FFFFFF", "test8 (held out in\nround 8, then tuned on)"),
    "test9": (">", "#FFFFFF", "test9 (held out in\nround 9, then tuned on)"),
    "test10": ("d", "#FFFFFF", "test10 (held out in\nround 10, then tuned on)"),
    "test11": ("8", "#FFFFFF", "test11 (held out in\nround 11, then tuned on)"),
    "test12": ("H", "#FFFFFF", "test12 (held out in\nround 12, then tuned on)"),
    "test": ("D", PALETTE["vermillion"], "test\n(held out, scored once)"),
}


def family_score_figure(scores: pd.DataFrame, *, metric: str = "speaker_accuracy", title: str, xlabel: str,
                        source: str, targets: tuple[float, ...] = (0.85, 0.95)) -> Figure:
    """One row per family, one marker per split: ``metric`` from the scorer's tidy table
    (``analysis.quote_eval.scores_from_comparison``), with dashed lines at the ``targets``."""
    data = scores.dropna(subset=[metric])
    if data.empty:
        return none_found_figure(title, source=source)
    named = sorted(set(data["family"]) - {"all", "seed article"})
    families = named + [f for f in ("seed article", "all") if f in set(data["family"])]  # top to bottom
    y = {family: i for i, family in enumerate(reversed(families))}
    fig, ax = plt.subplots(figsize=(8.5, 0.3 * len(families) + 1.8), layout="constrained")
    splits = [s for s in SPLIT_STYLE if s in set(data["split"])]
    offsets = np.linspace(-0.22, 0.22, len(splits)) if len(splits) > 1 else [0.0]
    for offset, split in zip(offsets, splits):
        marker, colour, label = SPLIT_STYLE[split]
        part = data[(data["split"] == split) & data["family"].isin(y)]
        if split == "seed":  # the seed has its own row; its "all" would repeat it
            part = part[part["family"] != "all"]
        ax.scatter(part[metric], [y[f] + offset for f in part["family"]], marker=marker, color=colour, label=label,
                   s=36, zorder=3, edgecolors="#333333", linewidths=0.4)  # the edge keeps yellow visible
    for target in targets:
        ax.axvline(target, color=PALETTE["grey"], linestyle="--", linewidth=0.8, zorder=1)
    ax.set_yticks(list(y.values()), list(y.keys()))
    for tick in ax.get_yticklabels():
        if tick.get_text() == "all":
            tick.set_fontweight("bold")
    ax.set_xlim(min(0.5, float(data[metric].min()) - 0.05), 1.02)
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    ax.grid(axis="y", color="#eeeeee", zorder=0)
    fig.legend(loc="outside right upper", frameon=False, fontsize=8)
    fig.get_layout_engine().set(rect=(0, 0.03, 1, 0.97))
    return fix_layout(add_source(fig, source))


def rounds_figure(rounds: pd.DataFrame, *, title: str, source: str, target: float = 0.95) -> Figure:
    """Speaker accuracy round by round (:func:`analysis.quotes.rounds.load_rounds`): on the split each round was
    tuned on last, and on the split written blind during it, scored once with the round's code (with its 95%
    interval) and with the previous round's code; a dashed line at ``target``. The gap between the tuned and
    the blind line is what tuning does not carry to new writers."""
    if rounds.empty:
        return none_found_figure(title, source=source)
    fig, ax = plt.subplots(figsize=(8.5, 4.6), layout="constrained")
    x = rounds["round"].to_numpy()
    ax.plot(x, rounds["tuned_accuracy"], marker="s", color=PALETTE["sky"], markeredgecolor="#333333",
            markeredgewidth=0.4, label="the split tuned on last, after the round")  # NaN (nothing tuned) breaks it
    with_interval = rounds.dropna(subset=["blind_low", "blind_high"])
    ax.vlines(with_interval["round"], with_interval["blind_low"], with_interval["blind_high"],
              color=PALETTE["vermillion"], alpha=0.45, linewidth=2.5, label="its 95% interval (texts resampled)")
    ax.plot(x, rounds["blind_accuracy"], marker="D", color=PALETTE["vermillion"], markeredgecolor="#333333",
            markeredgewidth=0.4, label="the blind split, the round's code (scored once)")
    previous = rounds.dropna(subset=["previous_code"])
    ax.scatter(previous["round"], previous["previous_code"], marker="o", facecolors="white", zorder=3,
               edgecolors=PALETTE["black"], linewidths=0.8, s=30, label="the blind split, the previous round's code")
    ax.axhline(target, color=PALETTE["grey"], linestyle="--", linewidth=0.8)
    ax.annotate(f"target {target:g}", (x.min(), target), xytext=(0, 3), textcoords="offset points", fontsize=8,
                color="#555555")
    ax.set_xticks(x)
    ax.set_xlabel("round of rules")
    ax.set_ylabel("speaker accuracy, quotations found")
    low = float(np.nanmin(rounds[["blind_accuracy", "blind_low", "previous_code", "tuned_accuracy"]].to_numpy()))
    ax.set_ylim(max(0.0, low - 0.03), 1.01)
    ax.set_title(title, loc="left")
    ax.grid(axis="y", color="#eeeeee", zorder=0)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    return fix_layout(add_source(fig, source))


__all__ = ["NOT_STATED", "SPLIT_STYLE", "channel_counts", "channel_table", "stacked_bars", "heatmap",
           "family_score_figure", "error_kind_figure", "rounds_figure"]
