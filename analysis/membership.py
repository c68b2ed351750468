"""Abraham Accords membership: load and validate the sourced events, then ask who is in on a date.

The curated tables (``data/reference/accords_events.csv`` and ``normalization_context.csv``) hold
one row per (country, event) with its date precision, confidence and source URLs. ``load_events``
refuses a table that breaks the documented rules and names the file, CSV line and column.

Membership is a *choice of basis*, always stated:

* ``basis="signed"``: the country signed an accords instrument (treaty, declaration or joint
  declaration) on or before the date. Sudan counts: it signed the declaration with the US only.
* ``basis="announced"``: the country's joining was announced on or before the date.

Framework parties (Israel, the US: ``role == "framework"``) are counted only when
``include_framework=True``. Countries that only discussed or declined joining (``role ==
"candidate"``) are never members. An event dated to a month or a year counts from the *last* day
of that period (it surely happened by then).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pycountry

from .paths import REFERENCE
from .countries import resolve_country
from .tables import read_rows, source_urls, table_error

if TYPE_CHECKING:  # spaCy and the article module are only needed by the cross-check's callers
    from spacy.tokens import Doc

    from .article import Article

EVENTS_PATH: Path = REFERENCE / "accords_events.csv"
CONTEXT_PATH: Path = REFERENCE / "normalization_context.csv"
NON_ISO_PATH: Path = REFERENCE / "non_iso_entities.csv"

COLUMNS: tuple[str, ...] = (
    "country", "iso3", "role", "event_type", "date", "date_precision",
    "place", "instrument", "note", "confidence", "source",
)

#: The controlled event-type vocabulary (documented in data/reference/README.md).
EVENT_TYPES: dict[str, str] = {
    "previewed": "joining leaked or trailed before the announcement",
    "announced": "joining (or normalisation) publicly announced",
    "signed": "an instrument signed (see `instrument`)",
    "ratified": "a signed instrument ratified by one side (the note says which)",
    "relations_established": "diplomatic relations formally established",
    "accession_declared": "a government's own statement that it has acceded",
    "follow_up": "a later step: calls, visits, laws repealed, texts finalised",
    "stalled": "the process stopped (e.g. after a coup)",
    "signing_not_found": "status row: no signing found in the sources (no date)",
    "intent_stated": "a government said it intends to join",
    "discussed": "joining discussed, floated or demanded; not joined",
    "declined": "a government declined or ruled out joining",
    "frozen": "relations suspended",
    "severed": "relations broken off",
    "other_signing": "a signing that is NOT an accords instrument (kept so it is not mistaken for one)",
}
#: Event types that record a status rather than a dated event: they must have no date.
STATUS_TYPES: frozenset[str] = frozenset({"signing_not_found"})
PRECISIONS: tuple[str, ...] = ("day", "month", "year", "none")
ROLES: tuple[str, ...] = ("framework", "member", "candidate", "context")
CONFIDENCE: tuple[str, ...] = ("high", "medium", "low", "conflicting")
BASES: dict[str, str] = {"signed": "signed", "announced": "announced"}

#: Stages that must come in this order within a country (an event of a later stage may not be
#: dated before the earliest event of an earlier stage).
ORDER_CHAINS: tuple[tuple[str, ...], ...] = (
    ("previewed", "announced", "signed", "ratified"),
    ("announced", "accession_declared"),
    ("relations_established", "frozen", "severed"),
)
#: Events shown after the basis event in ``members_as_of``'s ``why``.
MILESTONES: tuple[str, ...] = (
    "signed", "ratified", "relations_established", "accession_declared", "stalled", "signing_not_found",
)

_DATE_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
_DATE_SHAPES = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}


def parse_date(text: str, precision: str) -> tuple[pd.Timestamp, pd.Timestamp] | tuple[None, None]:
    """Return the first and last possible day of ``text`` at ``precision`` (``None`` for 'none').

    Raises ``ValueError`` when the text does not have the precision's form or is not a real date.
    """
    if precision == "none":
        if text:
            raise ValueError(f"precision 'none' needs an empty date, got {text!r}")
        return None, None
    form = _DATE_FORMS.get(precision)
    if form is None:
        raise ValueError(f"unknown precision {precision!r}")
    if not re.fullmatch(form, text):
        raise ValueError(f"date {text!r} does not have the form {_DATE_SHAPES[precision]} ({precision} precision)")
    if precision == "day":
        day = Date.fromisoformat(text)
        return pd.Timestamp(day), pd.Timestamp(day)
    if precision == "month":
        period = pd.Period(text, freq="M")
        if not 1 <= int(text[5:7]) <= 12:
            raise ValueError(f"month out of range in {text!r}")
    else:
        period = pd.Period(text, freq="Y")
    return period.start_time.normalize(), period.end_time.normalize()


def load_non_iso(path: str | Path = NON_ISO_PATH) -> dict[str, str]:
    """The documented allow-list of entities without an ISO 3166-1 code: ``{country: iso3}``.

    ``iso3`` is a user-assigned code (e.g. Kosovo's XKX) or empty when the entity has none.
    """
    path = Path(path)
    allowed: dict[str, str] = {}
    for row in read_rows(path, ("country", "iso3", "reason", "source"), required=("country", "reason"), allow_empty=True):
        source_urls(row["source"], path=path, line=row.line)
        code = row["iso3"]
        if code and pycountry.countries.get(alpha_3=code) is not None:
            raise table_error(f"{code} is an official ISO code: it does not belong in the allow-list", path, row.line, "iso3")
        allowed[row["country"]] = code
    return allowed


def _check_iso(values: dict[str, str], non_iso: dict[str, str], path: Path, line: int) -> None:
    name, code = values["country"], values["iso3"]
    if name in non_iso:
        if code != non_iso[name]:
            raise table_error(f"{name} is in the non-ISO allow-list with code {non_iso[name]!r}, not {code!r}", path, line, "iso3")
        return
    if not code:
        raise table_error(f"empty ISO3 code for {name!r} (only allow-listed non-ISO entities may have none)", path, line, "iso3")
    official = pycountry.countries.get(alpha_3=code)
    if official is None:
        raise table_error(f"unknown ISO 3166-1 alpha-3 code {code!r} for {name!r}", path, line, "iso3")
    try:
        named = pycountry.countries.lookup(name)
    except LookupError:
        return  # a common English name pycountry does not know (e.g. Turkey): the code decides
    if named.alpha_3 != code:
        raise table_error(f"{name!r} is {named.alpha_3} in ISO 3166-1, not {code}", path, line, "iso3")


def _check_row(values: dict[str, str], non_iso: dict[str, str], path: Path, line: int) -> tuple:
    if not values["country"]:
        raise table_error("missing country", path, line, "country")
    if values["role"] not in ROLES:
        raise table_error(f"unknown role {values['role']!r} (expected one of {', '.join(ROLES)})", path, line, "role")
    event = values["event_type"]
    if event not in EVENT_TYPES:
        raise table_error(f"unknown event type {event!r} (see EVENT_TYPES)", path, line, "event_type")
    if values["date_precision"] not in PRECISIONS:
        raise table_error(f"unknown date precision {values['date_precision']!r}", path, line, "date_precision")
    if (event in STATUS_TYPES) != (values["date_precision"] == "none"):
        reason = "a status row has no date: precision 'none'" if event in STATUS_TYPES else "an event needs a date"
        raise table_error(reason, path, line, "date_precision")
    try:
        start, end = parse_date(values["date"], values["date_precision"])
    except ValueError as exc:
        raise table_error(f"bad date: {exc}", path, line, "date") from exc
    if values["confidence"] not in CONFIDENCE:
        raise table_error(f"unknown confidence {values['confidence']!r}", path, line, "confidence")
    source_urls(values["source"], path=path, line=line)
    _check_iso(values, non_iso, path, line)
    return start, end


def _check_table(frame: pd.DataFrame, path: Path) -> None:
    for column in ("iso3", "role"):
        per_country = frame.groupby("country")[column].nunique()
        for country in per_country[per_country > 1].index:
            line = int(frame.loc[frame["country"] == country, "line"].iloc[-1])
            raise table_error(f"{country} has more than one {column} in this table", path, line, column)
    dup = frame.duplicated(["country", "event_type", "date"], keep="first")
    if dup.any():
        row = frame[dup].iloc[0]
        first = frame[(frame["country"] == row["country"]) & (frame["event_type"] == row["event_type"])
                      & (frame["date"] == row["date"])]["line"].iloc[0]
        raise table_error(
            f"duplicate ({row['country']}, {row['event_type']}, {row['date'] or 'no date'}); first at line {first}",
            path, int(row["line"]), "date",
        )
    for country, rows in frame.dropna(subset=["start"]).groupby("country", sort=False):
        earliest = rows.sort_values(["start", "line"]).drop_duplicates("event_type").set_index("event_type")
        for chain in ORDER_CHAINS:
            for i, before in enumerate(chain):
                for after in chain[i + 1:]:
                    if before in earliest.index and after in earliest.index:
                        if earliest.at[after, "end"] < earliest.at[before, "start"]:
                            raise table_error(
                                f"{country}: {after} dated {earliest.at[after, 'date']} is before its {before} "
                                f"({earliest.at[before, 'date']}, line {earliest.at[before, 'line']})",
                                path, int(earliest.at[after, "line"]), "date",
                            )


def load_events(path: str | Path = EVENTS_PATH, *, non_iso_path: str | Path = NON_ISO_PATH) -> pd.DataFrame:
    """Load and validate an events table; raise ``ReferenceDataError`` at the first broken rule.

    Returns the table's columns (strings) plus ``line`` (CSV line, header = 1) and ``start`` /
    ``end`` (first and last possible day of the date; NaT for status rows), in file order.
    """
    path = Path(path)
    non_iso = load_non_iso(non_iso_path)
    records = []
    for row in read_rows(path, COLUMNS):
        start, end = _check_row(row.values, non_iso, path, row.line)
        records.append({**row.values, "line": row.line, "start": start, "end": end})
    frame = pd.DataFrame.from_records(records)
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    _check_table(frame, path)
    return frame


def load_context(path: str | Path = CONTEXT_PATH, **kwargs) -> pd.DataFrame:
    """Load ``normalization_context.csv`` (same columns and rules as the events table)."""
    return load_events(path, **kwargs)


def article_date(article: Article, override: str | pd.Timestamp | None = None) -> pd.Timestamp | None:
    """The day membership is asked on for an article: ``override`` when given (not empty), else the
    article's own publication date, else its update stamp, else None (the article carries no date).

    Timestamps are in UTC (as ``load_article`` returns them), cut to the day.
    """
    if override is not None and str(override).strip():
        return pd.Timestamp(override).normalize()
    stamp = getattr(article, "published", None) or getattr(article, "updated", None)
    if stamp is None:
        return None
    stamp = pd.Timestamp(stamp)
    return (stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp).normalize()


def _events(events: pd.DataFrame | None) -> pd.DataFrame:
    return load_events() if events is None else events


def _when(row: pd.Series) -> str:
    return row["date"] or "no date"


def _describe(row: pd.Series) -> str:
    label = row["event_type"].replace("_", " ")
    if row["event_type"] == "signing_not_found":
        return "no signing found"
    if row["event_type"] == "signed" and row["instrument"]:
        label = f"signed ({row['instrument'].replace('_', ' ')})"
    return f"{label} {_when(row)}"


def members_as_of(
    date: str | pd.Timestamp,
    basis: str = "signed",
    *,
    events: pd.DataFrame | None = None,
    include_framework: bool = False,
) -> pd.DataFrame:
    """Who is in the accords on ``date`` by ``basis``, and why (one row per country, by date).

    Columns: country, iso3, role, basis, since (the date as recorded), counted_from (the day from
    which it counts), event_type, instrument, why.
    """
    if basis not in BASES:
        raise ValueError(f"basis must be one of {sorted(BASES)}, got {basis!r}")
    events = _events(events)
    day = pd.Timestamp(date)
    roles = {"member", "framework"} if include_framework else {"member"}
    pool = events[events["role"].isin(roles)]
    qualifying = pool[(pool["event_type"] == BASES[basis]) & (pool["end"] <= day)]
    first = qualifying.sort_values(["end", "line"]).drop_duplicates("country")
    rows = []
    for _, event in first.iterrows():
        later = pool[(pool["country"] == event["country"]) & pool["event_type"].isin(MILESTONES)
                     & ((pool["end"] <= day) | pool["end"].isna()) & (pool["line"] != event["line"])]
        later = later.sort_values(["end", "line"], na_position="last")
        why = _describe(event)
        if event["role"] == "framework":
            why = f"framework party: {why}"
        if len(later):
            why += "; then " + ", ".join(_describe(r) for _, r in later.iterrows())
        if basis == "signed" and (later["event_type"] == "stalled").any():
            why += "; still counted: the signature stands although normalisation stalled"
        rows.append({
            "country": event["country"], "iso3": event["iso3"], "role": event["role"], "basis": basis,
            "since": event["date"], "counted_from": event["end"], "event_type": event["event_type"],
            "instrument": event["instrument"], "why": why,
        })
    columns = ["country", "iso3", "role", "basis", "since", "counted_from", "event_type", "instrument", "why"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["counted_from", "country"], kind="stable").reset_index(drop=True)


def member_counts(
    dates: dict[str, str | pd.Timestamp],
    *,
    events: pd.DataFrame | None = None,
    include_framework: bool = False,
) -> pd.DataFrame:
    """Headline numbers: members by basis on each labelled date (``{"label": date}``).

    Columns: when (the label), date, basis, framework_counted, members, countries.
    """
    events = _events(events)
    rows = []
    for label, day in dates.items():
        for basis in BASES:
            members = members_as_of(day, basis, events=events, include_framework=include_framework)
            rows.append({
                "when": label, "date": pd.Timestamp(day).strftime("%Y-%m-%d"), "basis": basis,
                "framework_counted": include_framework, "members": len(members),
                "countries": ", ".join(members["country"]),
            })
    return pd.DataFrame(rows)


def cumulative_members(
    events: pd.DataFrame | None = None,
    *,
    bases: Iterable[str] = ("announced", "signed"),
    include_framework: bool = False,
    start: str | pd.Timestamp = "2020-08-01",
    end: str | pd.Timestamp,
) -> pd.DataFrame:
    """Members over time as a step series: one row per basis and date on which the count changes.

    The first row of each basis is ``start`` (count so far) and the last is ``end``. Columns:
    basis, date, members, joined (countries counted from that date, "; "-separated).
    """
    events = _events(events)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    rows = []
    for basis in bases:
        members = members_as_of(last, basis, events=events, include_framework=include_framework)
        before = members[members["counted_from"] <= first]
        rows.append({"basis": basis, "date": first, "members": len(before), "joined": "; ".join(before["country"])})
        total = len(before)
        for day, group in members[members["counted_from"] > first].groupby("counted_from", sort=True):
            total += len(group)
            rows.append({"basis": basis, "date": day, "members": total, "joined": "; ".join(group["country"])})
        rows.append({"basis": basis, "date": last, "members": total, "joined": ""})
    return pd.DataFrame(rows, columns=["basis", "date", "members", "joined"])


def status_table(
    as_of: str | pd.Timestamp,
    *,
    events: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per country in the events table: how far it went by ``as_of``.

    Columns: country, iso3, role, announced, signed, instrument, ratified, relations_established,
    accession_declared, stalled (each the first such date as recorded, "" if none),
    signing_found (False when a signing_not_found status row is present), member_announced,
    member_signed (basis membership on ``as_of``, framework parties included), status, events,
    conflicting (rows whose sources disagree), last_event, last_event_date.
    """
    events = _events(events)
    day = pd.Timestamp(as_of)
    dated = events[events["end"] <= day]
    # a status row (no date) speaks for a country only once that country has dated events
    known = events[(events["end"] <= day) | (events["end"].isna() & events["country"].isin(dated["country"]))]
    announced = set(members_as_of(day, "announced", events=events, include_framework=True)["country"])
    signed = set(members_as_of(day, "signed", events=events, include_framework=True)["country"])
    rows = []
    for country, group in known.groupby("country", sort=False):
        group = group.sort_values(["end", "line"], na_position="last")
        firsts = group.drop_duplicates("event_type").set_index("event_type")

        def first(kind: str) -> str:
            return firsts.at[kind, "date"] if kind in firsts.index else ""

        steps = [_describe(r).rsplit(" ", 1)[0] if r["date"] else _describe(r)
                 for _, r in firsts.reset_index().iterrows() if r["event_type"] not in ("follow_up", "previewed")]
        role = group["role"].iloc[0]
        status = ("framework party: " if role == "framework" else "") + "; ".join(steps)
        dated = group.dropna(subset=["end"])
        rows.append({
            "country": country, "iso3": group["iso3"].iloc[0], "role": role,
            "announced": first("announced"), "signed": first("signed"),
            "instrument": firsts.at["signed", "instrument"] if "signed" in firsts.index else "",
            "ratified": first("ratified"), "relations_established": first("relations_established"),
            "accession_declared": first("accession_declared"), "stalled": first("stalled"),
            "signing_found": "signing_not_found" not in firsts.index,
            "member_announced": country in announced, "member_signed": country in signed,
            "status": status, "events": len(group),
            "conflicting": int((group["confidence"] == "conflicting").sum()),
            "last_event": dated["event_type"].iloc[-1] if len(dated) else "",
            "last_event_date": dated["date"].iloc[-1] if len(dated) else "",
        })
    order = {r: i for i, r in enumerate(ROLES)}
    out = pd.DataFrame(rows)
    out["_role"] = out["role"].map(order)
    first_day = known.groupby("country")["start"].min()
    out["_first"] = out["country"].map(first_day)
    out = out.sort_values(["_role", "_first", "country"], kind="stable").drop(columns=["_role", "_first"])
    return out.reset_index(drop=True)


#: The furthest stage a country of the status table reached, most advanced first (for readers).
STAGES: tuple[str, ...] = (
    "signed and ratified", "signed", "signed, then stalled", "announced, not signed", "candidate, not joined",
)


def furthest_stage(status: pd.DataFrame) -> pd.Series:
    """For each row of :func:`status_table`, the furthest stage reached (one of :data:`STAGES`).

    Candidates never joined; a country with a signature is "signed" ("signed and ratified" when a
    ratification is recorded, "signed, then stalled" when a stall is); one with only an
    announcement is "announced, not signed".
    """
    def stage(row: pd.Series) -> str:
        if row["role"] == "candidate":
            return "candidate, not joined"
        if row["signed"]:
            if row["stalled"]:
                return "signed, then stalled"
            return "signed and ratified" if row["ratified"] else "signed"
        return "announced, not signed" if row["announced"] else "candidate, not joined"

    return status.apply(stage, axis=1).rename("stage") if len(status) else pd.Series(dtype=object, name="stage")


# --------------------------------------------------------------------------------------------
# figures' data: the timeline lanes and the long context of formal relations

#: Event types drawn on the membership timeline (the rest stay in the table).
TIMELINE_TYPES: tuple[str, ...] = (
    "previewed", "announced", "signed", "ratified", "relations_established", "accession_declared",
    "follow_up", "stalled", "signing_not_found",
)


def timeline_events(
    as_of: str | pd.Timestamp,
    *,
    events: pd.DataFrame | None = None,
    roles: Iterable[str] = ("framework", "member"),
) -> pd.DataFrame:
    """The events to draw, one lane per country (framework parties first, then by first event).

    ``plotted_at`` is the first possible day of the event; a status row without a date (no
    signing found) is plotted at ``as_of``, the day the status was last checked. Columns: lane,
    country, role, event_type, date, date_precision, plotted_at, instrument, confidence.
    """
    events = _events(events)
    day = pd.Timestamp(as_of)
    rows = events[events["role"].isin(list(roles)) & events["event_type"].isin(TIMELINE_TYPES)]
    dated = rows[rows["start"] <= day]
    rows = rows[(rows["start"] <= day) | (rows["start"].isna() & rows["country"].isin(dated["country"]))].copy()
    rows["plotted_at"] = rows["start"].fillna(day)
    first = rows.groupby("country")["plotted_at"].min()
    order = sorted(first.index, key=lambda c: (rows.loc[rows["country"] == c, "role"].iloc[0] != "framework", first[c], c))
    rows["lane"] = rows["country"].map({c: i for i, c in enumerate(order)})
    columns = ["lane", "country", "role", "event_type", "date", "date_precision", "plotted_at", "instrument", "confidence"]
    return rows.sort_values(["lane", "plotted_at", "line"])[columns].reset_index(drop=True)


#: How an event changes the state of a country's formal relations with Israel.
_STATE_AFTER: dict[str, str] = {
    "relations_established": "relations",
    "signed": "relations",
    "stalled": "stalled",
    "frozen": "frozen",
    "severed": "none",
}


def relations_periods(
    as_of: str | pd.Timestamp,
    *,
    events: pd.DataFrame | None = None,
    context: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Periods of formal relations with Israel per country, from the context and events tables.

    A period starts with established relations, a peace treaty or (for accords members) the first
    accords instrument signed. States:
    ``relations`` (outside the accords), ``accords`` (an accords member: from its signing, or from
    the announcement when relations already existed, as for Kazakhstan), ``stalled`` (signed but
    normalisation stalled), ``frozen``; a severance ends the bar. Framework parties are left out.
    Columns: country, iso3, state, start, end, start_event, start_date, end_event, end_date
    (``end`` is ``as_of`` for a period still running; ``end_event`` is then empty).
    """
    events = _events(events)
    context = load_context() if context is None else context
    day = pd.Timestamp(as_of)
    both = pd.concat([context, events], ignore_index=True)
    both = both[(both["role"] != "framework") & both["start"].notna() & (both["start"] <= day)]
    rows = []
    for country, group in both.groupby("country", sort=False):
        group = group.sort_values(["start", "line"])
        state, since, cause = "none", None, None
        for _, event in group.iterrows():
            kind, member = event["event_type"], event["role"] == "member"
            new = _STATE_AFTER.get(kind, state)
            if kind == "signed" and member:
                new = "accords"
            elif kind == "signed" and event["instrument"] != "treaty":
                continue  # a declaration outside the accords (e.g. Washington 1994) is not relations
            elif kind in ("announced", "accession_declared") and member and state == "relations":
                new = "accords"
            elif kind in ("relations_established", "signed") and state in ("accords", "relations"):
                new = state
            elif kind not in _STATE_AFTER and new == state:
                continue
            if state == "none" and new in ("stalled", "frozen"):
                continue
            if new == state:
                continue
            if state != "none":
                rows.append((country, group["iso3"].iloc[0], state, since, event["start"], cause, event))
            state, since, cause = new, event["start"], event
        if state != "none":
            rows.append((country, group["iso3"].iloc[0], state, since, day, cause, None))
    out = pd.DataFrame([
        {"country": c, "iso3": iso, "state": s, "start": a, "end": b,
         "start_event": ce["event_type"], "start_date": ce["date"],
         "end_event": ee["event_type"] if ee is not None else "", "end_date": ee["date"] if ee is not None else ""}
        for c, iso, s, a, b, ce, ee in rows
    ])
    first = out.groupby("country")["start"].transform("min")
    out = out.assign(_first=first).sort_values(["_first", "country", "start"], kind="stable")
    return out.drop(columns="_first").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# the article cross-check

#: Entity labels that can name a country.
COUNTRY_LABELS: tuple[str, ...] = ("GPE",)


def table_names(*tables: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """``{lowercase name: (country, iso3)}`` from the curated tables' country column."""
    names: dict[str, tuple[str, str]] = {}
    for table in tables:
        for country, iso3 in table[["country", "iso3"]].drop_duplicates().itertuples(index=False):
            names.setdefault(country.lower(), (country, iso3))
    return names


def countries_named(doc: Doc, *, article: Article | None = None, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every GPE mention in ``doc`` resolved to a country (unresolved mentions are kept, iso3 "").

    Names are matched against the events table's countries first, so a mention resolves to the
    table's spelling. With ``article`` the P-number of each mention's paragraph is added.
    Columns: text, start_char, paragraph, country, iso3, resolved.
    """
    names = table_names(_events(events))
    rows = []
    for ent in doc.ents:
        if ent.label_ not in COUNTRY_LABELS:
            continue
        found = resolve_country(ent.text, names)
        rows.append({
            "text": ent.text, "start_char": ent.start_char,
            "paragraph": f"P{article.paragraph_at(ent.start_char).number}" if article is not None else "",
            "country": found[0] if found else "", "iso3": found[1] if found else "",
            "resolved": found is not None,
        })
    frame = pd.DataFrame(rows, columns=["text", "start_char", "paragraph", "country", "iso3", "resolved"])
    return frame.astype({"start_char": "int64", "resolved": "bool"})


def compare_with_members(
    named: pd.DataFrame,
    date: str | pd.Timestamp,
    *,
    events: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Members on ``date`` (either basis, framework parties included) against the countries named.

    One row per country that is a member or is named (resolved mentions only). Columns: country,
    iso3, role, member_announced, member_signed, named, mentions, paragraphs, finding
    ("member, named", "member, not named" or "named, not a member"). Members first, by the day
    they were announced.
    """
    events = _events(events)
    announced = members_as_of(date, "announced", events=events, include_framework=True)
    signed = members_as_of(date, "signed", events=events, include_framework=True)
    members = pd.concat([announced, signed]).drop_duplicates("iso3")[["country", "iso3", "role"]]
    hits = named[named["resolved"].astype(bool)]
    counts = hits.groupby("iso3").agg(
        mentions=("text", "size"),
        paragraphs=("paragraph", lambda p: ", ".join(dict.fromkeys(x for x in p if x))),
        named_as=("country", "first"),
    )
    keys = list(dict.fromkeys(list(members["iso3"]) + list(hits["iso3"])))
    role = dict(zip(members["iso3"], members["role"]))
    label = dict(zip(members["iso3"], members["country"]))
    rows = []
    for iso3 in keys:
        is_member = iso3 in role
        is_named = iso3 in counts.index
        rows.append({
            "country": label.get(iso3) or counts.at[iso3, "named_as"], "iso3": iso3,
            "role": role.get(iso3, ""),
            "member_announced": iso3 in set(announced["iso3"]), "member_signed": iso3 in set(signed["iso3"]),
            "named": is_named, "mentions": int(counts.at[iso3, "mentions"]) if is_named else 0,
            "paragraphs": counts.at[iso3, "paragraphs"] if is_named else "",
            "finding": ("member, named" if is_named else "member, not named") if is_member else "named, not a member",
        })
    return pd.DataFrame(rows)
