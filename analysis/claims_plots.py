"""Figures of notebook 04: verdicts by claim category, and quote similarity by difference class.

Each builder takes the plotted data and returns a Figure; saving is ``analysis.io.save_figure``'s job.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .claims import VERDICTS
from .fidelity import CLASSES
from .plots import PALETTE, add_source, fix_layout, none_found_figure

VERDICT_COLOURS: dict[str, str] = {
    "supported": PALETTE["green"],
    "partly supported": PALETTE["orange"],
    "contradicted": PALETTE["vermillion"],
    "unverifiable": PALETTE["grey"],
}
CLASS_COLOURS: dict[str, str] = {
    "no_primary": PALETTE["black"],
    "reordered_or_stitched": PALETTE["vermillion"],
    "words_omitted": PALETTE["purple"],
    "words_changed": PALETTE["orange"],
    "channel_misstated": PALETTE["blue"],
    "case_or_punctuation": PALETTE["sky"],
    "exact": PALETTE["green"],
}


def verdicts_by_category(counts: pd.DataFrame, *, source: str) -> Figure:
    """Stacked horizontal bars: claims per category, split by verdict (``claims.verdict_counts``).

    No claims (the article has no claims register): a "none found" figure with the same title.
    """
    title = "The article's checkable claims, by category and verdict"
    if counts.empty:
        return none_found_figure(title, source=source, message="none found: no claims register for this article")
    data = counts.iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, max(2.8, 0.45 * len(data) + 1.6)), layout="constrained")
    left = pd.Series(0, index=data.index)
    for verdict in VERDICTS:
        values = data[verdict]
        ax.barh(data["category"], values, left=left, color=VERDICT_COLOURS[verdict], label=verdict)
        for y, (v, x) in enumerate(zip(values, left)):
            if v:
                ax.text(x + v / 2, y, f"{v:g}", ha="center", va="center", fontsize=8)
        left = left + values
    ax.set_title(title, loc="left")
    ax.set_xlabel("claims")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))
    return fix_layout(add_source(fig, source))


def similarity_by_quote(points: pd.DataFrame, *, source: str) -> Figure:
    """One bar per quotation (``label``): its ``similarity`` to the primary text, coloured by ``main_class``.

    No quotations: a "none found" figure with the same title.
    """
    title = "Each quotation against its primary text"
    if points.empty:
        return none_found_figure(title, source=source, message="none found: no quotations in the article")
    data = points.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, max(3.0, 0.38 * len(data) + 1.6)), layout="constrained")
    ax.barh(data["label"], data["similarity"], color=[CLASS_COLOURS[c] for c in data["main_class"]])
    for y, v in enumerate(data["similarity"]):
        ax.text(v, y, f" {v:.2f}", va="center", fontsize=8)
    present = [c for c in CLASSES if c in set(data["main_class"])]
    handles = [plt.Rectangle((0, 0), 1, 1, color=CLASS_COLOURS[c]) for c in present]
    ax.legend(handles, [c.replace("_", " ") for c in present], title="main difference", loc="lower left",
              bbox_to_anchor=(1.0, 0.0), frameon=False, fontsize=8)
    ax.set_xlim(0, 1.12)
    ax.set_title(title, loc="left")
    ax.set_xlabel("word similarity to the primary text (1 = same words)")
    fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))
    return fix_layout(add_source(fig, source))


__all__ = ["VERDICT_COLOURS", "CLASS_COLOURS", "verdicts_by_category", "similarity_by_quote"]
