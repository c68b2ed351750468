"""Figure builders for notebook 02 (membership history): take data, return a Figure, never save.

The data come from ``analysis.membership`` (``timeline_events``, ``cumulative_members``,
``relations_periods``); the look from ``analysis.plots`` (Okabe-Ito palette, source line).
"""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .plots import PALETTE, add_source, fix_layout

#: Light background per stage (``membership.furthest_stage``) for readers' tables: colour-blind-safe
#: tints of the Okabe-Ito colours the figures use.
STAGE_COLOURS: dict[str, str] = {
    "signed and ratified": "#b9e0cf",
    "signed": "#d9efe5",
    "signed, then stalled": "#fbe3c0",
    "announced, not signed": "#cfe3f2",
    "candidate, not joined": "#e3e3e3",
}
#: Light background per finding of ``membership.compare_with_members``, for readers' tables.
FINDING_COLOURS: dict[str, str] = {
    "member, named": "#cfe8d8", "member, not named": "#f6c6c6", "named, not a member": "#e3e3e3",
}

#: Marker, colour and legend label per event type on the timeline.
EVENT_STYLE: dict[str, dict[str, object]] = {
    "previewed": {"marker": "o", "color": PALETTE["sky"], "filled": False, "label": "previewed / leaked"},
    "announced": {"marker": "o", "color": PALETTE["blue"], "filled": True, "label": "announced"},
    "signed": {"marker": "D", "color": PALETTE["vermillion"], "filled": True, "label": "signed an accords instrument"},
    "ratified": {"marker": "s", "color": PALETTE["purple"], "filled": True, "label": "ratified (one side)"},
    "relations_established": {"marker": "^", "color": PALETTE["green"], "filled": True, "label": "relations established"},
    "accession_declared": {"marker": "P", "color": PALETTE["orange"], "filled": True, "label": "accession declared (own statement)"},
    "follow_up": {"marker": "o", "color": PALETTE["grey"], "filled": True, "label": "follow-up (calls, visits, laws)", "size": 30},
    "stalled": {"marker": "X", "color": PALETTE["black"], "filled": True, "label": "stalled"},
    "signing_not_found": {"marker": "D", "color": PALETTE["vermillion"], "filled": False, "label": "no signing found (as of the check date)"},
}
#: Colour and label per state of relations in the context figure.
STATE_STYLE: dict[str, dict[str, object]] = {
    "relations": {"color": PALETTE["blue"], "hatch": None, "label": "formal relations (outside the accords)"},
    "accords": {"color": PALETTE["orange"], "hatch": None,
                "label": "Abraham Accords member (from signing; from the announcement\nwhere relations already existed)"},
    "stalled": {"color": "#DDDDDD", "hatch": "///", "label": "accords signed, normalisation stalled"},
    "frozen": {"color": PALETTE["grey"], "hatch": "..", "label": "relations frozen"},
}


def time_windows(dates: pd.Series, *, gap_days: int = 365, pad_days: int = 25) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Split sorted dates into windows wherever two consecutive dates are more than ``gap_days`` apart."""
    days = sorted(pd.to_datetime(dates).dropna().unique())
    pad = pd.Timedelta(days=pad_days)
    windows, first, last = [], days[0], days[0]
    for day in days[1:]:
        if (day - last).days > gap_days:
            windows.append((first - pad, last + pad))
            first = day
        last = day
    windows.append((first - pad, last + pad))
    return [(pd.Timestamp(a), pd.Timestamp(b)) for a, b in windows]


def stacked_positions(timeline: pd.DataFrame, *, near_days: int = 14, step: float = 0.2) -> pd.Series:
    """Lane positions with markers of the same lane less than ``near_days`` apart spread vertically."""
    y = timeline["lane"].astype(float).copy()
    for _, lane in timeline.sort_values(["lane", "plotted_at"]).groupby("lane"):
        cluster = (lane["plotted_at"].diff().dt.days.fillna(near_days) >= near_days).cumsum()
        for _, members in lane.groupby(cluster):
            offsets = step * (pd.Series(range(len(members)), index=members.index) - (len(members) - 1) / 2)
            y[members.index] += offsets
    return y


def _date_axis(ax, start: pd.Timestamp, end: pd.Timestamp) -> None:
    months = max(1, round((end - start).days / 30.4))
    step = 1 if months <= 4 else 3 if months <= 18 else 6
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, step) if step > 1 else None))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.set_xlim(start, end)


def timeline_figure(
    timeline: pd.DataFrame,
    *,
    article_date: str | pd.Timestamp | None,
    as_of: str | pd.Timestamp,
    source: str,
    gap_days: int = 365,
    near_days: int = 14,
) -> Figure:
    """One lane per country, a marker per event; the x axis is broken where nothing happened.

    ``timeline`` is ``membership.timeline_events(...)``. The article's date is a dashed line (none
    for an article without a date: ``article_date=None``).
    """
    article_day = pd.Timestamp(article_date) if article_date is not None else None
    dates = [timeline["plotted_at"], pd.Series([article_day])] if article_day is not None else [timeline["plotted_at"]]
    windows = time_windows(pd.concat(dates), gap_days=gap_days)
    spans = [max((b - a).days, 90) for a, b in windows]
    lanes = timeline.drop_duplicates("lane").set_index("lane")
    fig, axes = plt.subplots(
        1, len(windows), sharey=True, figsize=(10, 1.0 + 0.55 * len(lanes) + 1.6),
        gridspec_kw={"width_ratios": spans, "wspace": 0.06}, layout="constrained", squeeze=False,
    )
    axes = axes[0]
    y = stacked_positions(timeline, near_days=near_days)
    for ax, (start, end) in zip(axes, windows):
        for lane in lanes.index:
            ax.axhline(lane, color="#EEEEEE", lw=6, zorder=0)
        for kind, style in EVENT_STYLE.items():
            mask = timeline["event_type"] == kind
            if not mask.any():
                continue
            colour = style["color"]
            ax.scatter(
                timeline.loc[mask, "plotted_at"], y[mask], marker=style["marker"], s=style.get("size", 70),
                facecolors=colour if style["filled"] else "white", edgecolors=colour, linewidths=1.6, zorder=3,
            )
        if article_day is not None and start <= article_day <= end:
            ax.axvline(article_day, color=PALETTE["black"], ls="--", lw=1, zorder=1)
            ax.annotate(f"article\n{article_day:%Y-%m-%d}", (article_day, -0.6), ha="left", va="bottom",
                        fontsize=8, xytext=(4, 0), textcoords="offset points")
        _date_axis(ax, start, end)
        ax.tick_params(axis="x", labelsize=8)
        if ax is not axes[0]:
            ax.spines["left"].set_visible(False)
            ax.tick_params(axis="y", left=False)
    labels = [f"{c} (framework)" if r == "framework" else c for c, r in zip(lanes["country"], lanes["role"])]
    axes[0].set_yticks(list(lanes.index), labels)
    axes[0].set_ylim(len(lanes) - 0.4, -0.8)
    fig.suptitle("Abraham Accords: who joined when, and how far each went", x=0.01, ha="left",
                 fontweight="bold", fontsize=12)
    axes[0].set_xlabel("Date (the axis is broken where no event happened for over a year; "
                       "events days apart are stacked in their lane)", loc="left", fontsize=9)
    handles = [
        Line2D([], [], ls="", marker=s["marker"], markersize=8, markeredgewidth=1.5, color=s["color"],
               markerfacecolor=s["color"] if s["filled"] else "white", label=s["label"])
        for k, s in EVENT_STYLE.items() if (timeline["event_type"] == k).any()
    ]
    if article_day is not None:
        handles.append(Line2D([], [], color=PALETTE["black"], ls="--", lw=1, label="the article's date"))
    # the legend sits in a band kept free under the axes, above the source line
    band = 0.75 / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, band + 0.03, 1, 0.97 - band))
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.03), ncol=4, frameon=False, fontsize=8)
    return fix_layout(add_source(fig, f"{source}; status checked to {pd.Timestamp(as_of):%Y-%m-%d}"))


def cumulative_figure(
    series: pd.DataFrame,
    *,
    article_date: str | pd.Timestamp | None,
    source: str,
    basis_labels: dict[str, str] | None = None,
    gap_days: int = 365,
) -> Figure:
    """Members over time as steps, one line per basis (``membership.cumulative_members``).

    The x axis is broken where the count did not change for more than ``gap_days``; the gap is
    stated on the figure. The article's date is a dashed line (none when ``article_date`` is None).
    """
    labels = basis_labels or {"announced": "by announcement", "signed": "by signature"}
    colours = {"announced": PALETTE["blue"], "signed": PALETTE["vermillion"]}
    changes = series[series["joined"] != ""]
    windows = time_windows(changes["date"], gap_days=gap_days, pad_days=30)
    windows[0] = (min(windows[0][0], series["date"].min()), windows[0][1])
    windows[-1] = (windows[-1][0], max(windows[-1][1], series["date"].max()))
    ratios = [1.3] + [1] * (len(windows) - 1)
    fig, axes = plt.subplots(1, len(windows), sharey=True, figsize=(10, 5), layout="constrained",
                             squeeze=False, gridspec_kw={"wspace": 0.08, "width_ratios": ratios})
    axes = axes[0]
    day = pd.Timestamp(article_date) if article_date is not None else None
    for ax, (start, end) in zip(axes, windows):
        for basis, group in series.groupby("basis", sort=False):
            colour = colours.get(basis, PALETTE["grey"])
            ax.step(group["date"], group["members"], where="post", color=colour, lw=2.2, label=labels.get(basis, basis))
            shown = group[(group["joined"] != "") & group["date"].between(start, end)]
            for _, row in shown.iterrows():
                above = basis == "announced"
                ax.annotate(row["joined"].replace("; ", " +\n"), (row["date"], row["members"]),
                            xytext=(3 if above else 5, 4 if above else -4), textcoords="offset points",
                            ha="left", va="bottom" if above else "top", fontsize=8, color=colour, zorder=4,
                            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.85})
        if day is not None and start <= day <= end:
            ax.axvline(day, color=PALETTE["black"], ls="--", lw=1)
            ax.annotate(f"article\n{day:%Y-%m-%d}", (day, 0.2), xytext=(4, 0), textcoords="offset points",
                        ha="left", fontsize=8)
        _date_axis(ax, start, end)
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="y", color="#EEEEEE")
        if ax is not axes[0]:
            ax.spines["left"].set_visible(False)
            ax.tick_params(axis="y", left=False)
    for left, right, ax in zip(windows, windows[1:], axes[1:]):
        quiet = changes[changes["date"] <= left[1]]["date"].max()
        resumed = changes[changes["date"] >= right[0]]["date"].min()
        ax.annotate(f"axis broken: no change in either count\nfrom {quiet:%Y-%m-%d} to {resumed:%Y-%m-%d}",
                    (0.3, 0.45), xycoords="axes fraction", va="center", fontsize=8.5, color="#333333",
                    bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#BBBBBB"})
    axes[0].set_ylim(0, series["members"].max() + 1)
    axes[0].yaxis.get_major_locator().set_params(integer=True)
    axes[0].set_ylabel("Member states (Israel and the US not counted)")
    axes[0].set_xlabel("Date", loc="left")
    fig.suptitle("Abraham Accords members over time, by announcement and by signature", x=0.01, ha="left",
                 fontweight="bold", fontsize=12)
    handles, names = axes[0].get_legend_handles_labels()
    if day is not None:
        handles.append(Line2D([], [], color=PALETTE["black"], ls="--", lw=1))
        names.append("the article's date")
    band = 0.35 / fig.get_figheight()  # a band under the axes for the legend, above the source line
    fig.get_layout_engine().set(rect=(0, band + 0.03, 1, 0.97 - band))
    fig.legend(handles, names, loc="lower center", bbox_to_anchor=(0.5, 0.03), ncol=3, frameon=False, fontsize=9)
    return fix_layout(add_source(fig, source))


def relations_figure(
    periods: pd.DataFrame,
    *,
    article_date: str | pd.Timestamp | None,
    as_of: str | pd.Timestamp,
    source: str,
    since: str = "1976-01-01",
) -> Figure:
    """Bars over time: one row per country, coloured by the state of its relations with Israel.

    The article's date is a dashed line (none when ``article_date`` is None).
    """
    countries = list(dict.fromkeys(periods["country"]))
    row = {c: i for i, c in enumerate(countries)}
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.42 * len(countries) + 1.0), layout="constrained")
    for _, period in periods.iterrows():
        style = STATE_STYLE[period["state"]]
        ax.barh(row[period["country"]], period["end"] - period["start"], left=period["start"], height=0.6,
                color=style["color"], hatch=style["hatch"], edgecolor="white" if not style["hatch"] else "#555555",
                linewidth=0.5)
    for country in countries:
        first = periods.loc[periods["country"] == country, "start"].min()
        ax.annotate(f"{first:%Y}", (first, row[country]), xytext=(-3, 0), textcoords="offset points",
                    ha="right", va="center", fontsize=7.5, color="#333333")
    for _, period in periods[periods["end_event"] == "severed"].iterrows():
        ax.annotate(f"severed {period['end_date']}", (period["end"], row[period["country"]]), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=7.5, color="#333333")
    for country, group in periods.groupby("country", sort=False):
        later = group.iloc[1:]
        for _, period in later[later["state"] == "accords"].iterrows():
            ax.annotate(f"{period['start_event'].replace('_', ' ')} {period['start_date']} \u2192",
                        (period["start"], row[country]), xytext=(-4, 0), textcoords="offset points",
                        ha="right", va="center", fontsize=7.5, color="white", fontweight="bold")
    if article_date is not None:
        day = pd.Timestamp(article_date)
        ax.axvline(day, color=PALETTE["black"], ls="--", lw=1)
        ax.annotate(f"article\n{day:%Y-%m-%d}", (day, -0.7), xytext=(-4, 0), textcoords="offset points",
                    ha="right", va="bottom", fontsize=8)
    ax.set_yticks(range(len(countries)), countries)
    ax.set_ylim(len(countries) - 0.4, -1.2)
    ax.set_xlim(pd.Timestamp(since), pd.Timestamp(as_of) + pd.Timedelta(days=200))
    ax.xaxis.set_major_locator(mdates.YearLocator(5))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel(f"Year (bars run to {pd.Timestamp(as_of):%Y-%m-%d})")
    ax.set_title("Israel's formal relations with Muslim-majority states since 1979", loc="left")
    handles = [Patch(facecolor=s["color"], hatch=s["hatch"], edgecolor="#555555" if s["hatch"] else s["color"],
                     label=s["label"]) for k, s in STATE_STYLE.items() if (periods["state"] == k).any()]
    if article_date is not None:
        handles.append(Line2D([], [], color=PALETTE["black"], ls="--", lw=1, label="the article's date"))
    ax.legend(handles=handles, loc="lower left", frameon=True, framealpha=0.95, fontsize=8)
    ax.grid(axis="x", color="#EEEEEE")
    ax.set_axisbelow(True)
    fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))
    return fix_layout(add_source(fig, source))
