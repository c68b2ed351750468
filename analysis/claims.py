"""The article's checkable claims: a curated register, located in the text, with computed checks.

``data/reference/claims.csv`` holds one row per claim: the article it is about (``article_sha256``,
the SHA-256 of the article file as received, as listed in ``data/raw/SOURCES.md``), the article's
exact words, a category, a curated verdict with our explanation and sources, and optionally the
name of a *computed check*. ``load_claims`` validates the whole table and returns the rows about
the article it is given, each found in the article by offsets (a claim that is not in its
paragraph is an error naming the row). An article no row is about gets an empty table: it has no
claims register, and the notebook says so. The checksum, not the file name, identifies the
article: a copy under another name finds its claims, an edited copy (whose offsets may no longer
hold) does not.

A computed check is a small pure function of data (the membership events table, the countries the
claim names, a reference date, a number read from the claim) returning a :class:`CheckResult`;
``CHECKS`` maps the name used in the ``check`` column to it. ``claims_table`` puts the curated and
computed verdicts side by side; where a check exists, its verdict is the one reported.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .article import Article, article_checksum, load_article, normalise
from .errors import ReferenceDataError
from .paths import REFERENCE
from .tables import read_rows, source_urls, table_error

CLAIMS_PATH: Path = REFERENCE / "claims.csv"
COLUMNS: tuple[str, ...] = (
    "id", "article_sha256", "paragraph", "claim", "category", "verdict", "check", "check_input", "explanation", "source",
)
CATEGORIES: tuple[str, ...] = ("membership", "chronology", "attribution", "title/role", "quantity")
VERDICTS: tuple[str, ...] = ("supported", "partly supported", "contradicted", "unverifiable")

#: English ordinal words, for claims such as "the tenth anniversary".
ORDINALS: dict[str, int] = {
    word: n for n, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1
    )
}


@dataclass(frozen=True)
class CheckResult:
    """A computed verdict and the evidence it rests on, in words."""

    verdict: str
    evidence: str


# --------------------------------------------------------------------------------------------
# where each claim is in the article


def article_parts(article: Article) -> dict[int, tuple[str, str, int | None]]:
    """P-number -> (role, normalised text, offset of the text in ``body_text`` or None).

    P-numbers count the non-blank lines of the file (headline P1, standfirst, metadata, body...).
    """
    body = {p.line: p for p in article.paragraphs}
    extra = {ln.line: ln for ln in article.metadata_lines + article.boilerplate}
    parts: dict[int, tuple[str, str, int | None]] = {}
    for number, (line, role) in enumerate(article.line_roles().items(), start=1):
        if line in body:
            paragraph = body[line]
            parts[number] = ("paragraph", paragraph.text, paragraph.start)
        else:
            parts[number] = (role, normalise(extra[line].raw.strip())[0], None)
    return parts


def parse_check_input(text: str) -> dict[str, str]:
    """``"key=value; key=value"`` -> dict (empty text -> empty dict); raises ValueError."""
    out: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in text.split(";"))):
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ValueError(f"{item!r} is not key=value")
        out[key.strip()] = value.strip()
    return out


LOCATED_COLUMNS: tuple[str, ...] = ("line", "p_number", "part", "part_start", "part_end", "start", "end")


def load_claims(path: str | Path = CLAIMS_PATH, article: Article | None = None) -> pd.DataFrame:
    """Load and validate the claims register; return the rows about ``article``, located in it.

    Every row is validated. Raises :class:`ReferenceDataError` naming file, CSV line (header = 1)
    and column for: a missing column, an empty or repeated id, an ``article_sha256`` that is not a
    SHA-256 in hex, an unknown category, verdict or check, a bad ``check_input`` (or one missing
    what the check needs), a row without a source URL, and, for the rows about ``article``, a
    paragraph that is not a P-number of the article or a claim whose words are not in that
    paragraph. ``article`` defaults to the article this project studies.

    Returns the columns of the file plus ``line``, ``p_number``, ``part`` (headline, standfirst,
    updated, paragraph, ...), ``part_start``/``part_end`` (offsets in that part's normalised text)
    and ``start``/``end`` (offsets in ``article.body_text``; missing outside the body). No row is
    about the article: an empty table with these columns.
    """
    path = Path(path)
    article = article or load_article()
    checksum = article_checksum(article)
    parts: dict[int, tuple[str, str, int | None]] | None = None
    seen: dict[str, int] = {}
    records = []
    for row in read_rows(path, COLUMNS, keep_spacing=("claim",)):  # exact words: inner spacing as written
        _check_claim_fields(row.values, row.line, path, seen)
        if row.values["article_sha256"] == checksum:
            parts = article_parts(article) if parts is None else parts
            records.append(_locate_claim(row.values, row.line, path, parts))
    frame = pd.DataFrame.from_records(records, columns=[*COLUMNS, *LOCATED_COLUMNS])
    for column in ("start", "end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _check_claim_fields(row: dict[str, Any], line: int, path: Path, seen: dict[str, int]) -> None:
    if not row["id"]:
        raise table_error("missing id", path, line, "id")
    if row["id"] in seen:
        raise table_error(f"duplicate id {row['id']!r} (first at line {seen[row['id']]})", path, line, "id")
    seen[row["id"]] = line
    if not re.fullmatch(r"[0-9a-f]{64}", row["article_sha256"]):
        raise table_error(f"article_sha256 {row['article_sha256'][:20]!r} is not a SHA-256 in lower-case hex "
                          "(see data/raw/SOURCES.md)", path, line, "article_sha256")
    if row["category"] not in CATEGORIES:
        raise table_error(f"unknown category {row['category']!r} (expected one of {', '.join(CATEGORIES)})", path, line, "category")
    if row["verdict"] not in VERDICTS:
        raise table_error(f"unknown verdict {row['verdict']!r} (expected one of {', '.join(VERDICTS)})", path, line, "verdict")
    if row["check"] and row["check"] not in CHECKS:
        raise table_error(f"unknown check {row['check']!r} (known: {', '.join(sorted(CHECKS))})", path, line, "check")
    try:
        args = parse_check_input(row["check_input"])
    except ValueError as exc:
        raise table_error(f"bad check_input: {exc}", path, line, "check_input") from None
    if args and not row["check"]:
        raise table_error("check_input given without a check", path, line, "check_input")
    if row["check"]:
        missing = [k for k in CHECKS[row["check"]].needs if k not in args]
        if missing:
            raise table_error(f"check {row['check']!r} needs {', '.join(missing)} in check_input", path, line, "check_input")
    if not row["explanation"]:
        raise table_error("missing explanation", path, line, "explanation")
    source_urls(row["source"], path=path, line=line)
    if not row["claim"].strip():
        raise table_error("missing claim text", path, line, "claim")


def _locate_claim(
    row: dict[str, Any], line: int, path: Path, parts: dict[int, tuple[str, str, int | None]]
) -> dict[str, Any]:
    match = re.fullmatch(r"P(\d+)", row["paragraph"])
    if not match or int(match[1]) not in parts:
        raise table_error(f"paragraph {row['paragraph']!r} is not a P-number of the article (P1..P{max(parts)})", path, line, "paragraph")
    number = int(match[1])
    role, text, body_start = parts[number]
    at = text.find(row["claim"])
    if at < 0:
        raise table_error(f"claim {row['id']}: {row['claim'][:60]!r} is not in {row['paragraph']} ({role})", path, line, "claim")
    return {
        **row, "line": line, "p_number": number, "part": role, "part_start": at, "part_end": at + len(row["claim"]),
        "start": None if body_start is None else body_start + at,
        "end": None if body_start is None else body_start + at + len(row["claim"]),
    }


# --------------------------------------------------------------------------------------------
# computed checks: pure functions of data


def _numeric_verdict(claimed: int, actual: int) -> str:
    if claimed == actual:
        return "supported"
    return "partly supported" if abs(claimed - actual) == 1 else "contradicted"


def check_members_named(named: Iterable[str], events: pd.DataFrame, as_of: str | pd.Timestamp) -> CheckResult:
    """The countries a claim names as accords members vs those that had signed by ``as_of``.

    Framework parties (Israel, the US) named in the claim are ignored. All members named and no
    others: supported; some: partly supported; none of them: contradicted.
    """
    from .membership import members_as_of

    day = pd.Timestamp(as_of)
    framework = set(events.loc[events["role"] == "framework", "country"])
    members = list(members_as_of(day, "signed", events=events)["country"])
    named = [c for c in dict.fromkeys(named) if c not in framework]
    missing = [c for c in members if c not in named]
    extra = [c for c in named if c not in members]
    hits = [c for c in named if c in members]
    if not missing and not extra:
        verdict = "supported"
    elif not hits:
        verdict = "contradicted"
    else:
        verdict = "partly supported"
    evidence = f"names {', '.join(named) or 'none'}; signed members by {day:%Y-%m-%d}: {', '.join(members) or 'none'}"
    if missing:
        evidence += f"; not named: {', '.join(missing)}"
    if extra:
        evidence += f"; named but not members: {', '.join(extra)}"
    return CheckResult(verdict, evidence)


def _first_signatures(events: pd.DataFrame, as_of: pd.Timestamp, exclude: str | None = None) -> pd.DataFrame:
    signed = events[(events["role"] == "member") & (events["event_type"] == "signed") & (events["end"] <= as_of)]
    if exclude:
        signed = signed[signed["country"] != exclude]
    return signed.sort_values(["start", "line"]).drop_duplicates("country")


def check_first_expansion(
    claimed_year: int, events: pd.DataFrame, as_of: str | pd.Timestamp, *, new_country: str
) -> CheckResult:
    """"The first expansion since they were signed in <year>" vs the dated signatures.

    Supported when every member other than ``new_country`` first signed in ``claimed_year``;
    partly supported when later first signatures all belong to countries announced by the end of
    that year (the round was agreed then, signed later); contradicted otherwise, or when nobody
    signed in that year at all.
    """
    day = pd.Timestamp(as_of)
    firsts = _first_signatures(events, day, exclude=new_country)
    in_year = firsts[firsts["start"].dt.year == claimed_year]
    later = firsts[firsts["start"].dt.year > claimed_year]
    if in_year.empty:
        return CheckResult("contradicted", f"no member signed in {claimed_year}")
    if later.empty:
        return CheckResult("supported", f"every member before {new_country} first signed in {claimed_year} "
                                        f"({', '.join(in_year['country'])})")
    announced = events[(events["event_type"] == "announced") & events["country"].isin(later["country"])]
    early = set(announced.loc[announced["start"].dt.year <= claimed_year, "country"])
    detail = "; ".join(
        f"{r.country} signed {r.date}" + (" (announced by the end of that year)" if r.country in early else "")
        for r in later.itertuples()
    )
    if set(later["country"]) <= early:
        return CheckResult("partly supported", f"the round agreed in {claimed_year} ended later: {detail}")
    return CheckResult("contradicted", f"members joined after {claimed_year}: {detail}")


def check_years_since(claimed: int, since_year: int, as_of: str | pd.Timestamp) -> CheckResult:
    """"<n> years" since an event of ``since_year`` (year precision) as of a date."""
    day = pd.Timestamp(as_of)
    actual = day.year - since_year
    verdict = _numeric_verdict(claimed, actual)
    evidence = f"{since_year} to {day:%Y-%m-%d}: {actual} years (claimed {claimed})"
    if claimed == actual + 1:
        evidence += f"; {claimed} is the year count in progress (the {claimed}th year)"
    return CheckResult(verdict, evidence)


def check_anniversary(ordinal: int, since_year: int, event_year: int) -> CheckResult:
    """"The <n>th anniversary" of something founded in ``since_year``, celebrated in ``event_year``."""
    actual = event_year - since_year
    return CheckResult(_numeric_verdict(ordinal, actual),
                       f"founded {since_year}, marked in {event_year}: anniversary {actual} (claimed {ordinal})")


def check_first_in_period(country: str, since: str | pd.Timestamp, events: pd.DataFrame) -> CheckResult:
    """``country`` is the first member announced on or after ``since`` (e.g. the start of a term)."""
    start = pd.Timestamp(since)
    announced = events[(events["role"] == "member") & (events["event_type"] == "announced")]
    own = announced.loc[announced["country"] == country, "start"]
    if own.empty:
        return CheckResult("contradicted", f"no announcement of {country} in the events table")
    when = own.min()
    others = announced[(announced["start"] >= start) & (announced["start"] <= when) & (announced["country"] != country)]
    if others.empty:
        return CheckResult("supported", f"{country} announced {when:%Y-%m-%d}; no other member announced since {start:%Y-%m-%d}")
    listed = ", ".join(f"{r.country} {r.date}" for r in others.itertuples())
    return CheckResult("contradicted", f"announced since {start:%Y-%m-%d} before or with {country}: {listed}")


def check_prior_relations(country: str, events: pd.DataFrame, context: pd.DataFrame) -> CheckResult:
    """Joining "normalises relations": not for a country that already had relations with Israel."""
    both = pd.concat([context, events], ignore_index=True)
    rows = both[both["country"] == country]
    announced = rows.loc[(rows["event_type"] == "announced") & (rows["role"] == "member"), "start"]
    if announced.empty:
        return CheckResult("unverifiable", f"no announcement of {country} in the events table")
    when = announced.min()
    prior = rows[(rows["event_type"] == "relations_established") & (rows["start"] < when)].sort_values("start")
    if prior.empty:
        return CheckResult("supported", f"no relations with Israel recorded for {country} before {when:%Y-%m-%d}")
    first = prior.iloc[0]
    return CheckResult("partly supported", f"{country} had relations with Israel since {first['date']}, "
                                           f"before joining was announced on {when:%Y-%m-%d}")


def check_signing_reported(country: str, events: pd.DataFrame, checked_on: str | pd.Timestamp) -> CheckResult:
    """A promised signing: supported if the events table dates one by ``checked_on``, else unverifiable."""
    day = pd.Timestamp(checked_on)
    rows = events[events["country"] == country]
    signed = rows[(rows["event_type"] == "signed") & (rows["end"] <= day)]
    if not signed.empty:
        return CheckResult("supported", f"{country} signed {signed.sort_values('start')['date'].iloc[0]}")
    status = " (a 'signing not found' status row)" if (rows["event_type"] == "signing_not_found").any() else ""
    return CheckResult("unverifiable", f"no signing by {country} recorded up to {day:%Y-%m-%d}{status}")


# --------------------------------------------------------------------------------------------
# the registry: check name -> function reading its data from CheckInputs


@dataclass(frozen=True)
class CheckInputs:
    """The data computed checks may read."""

    article_date: pd.Timestamp | None  # the article's date: "as of" for what it asserts (None: it has none)
    checked_on: pd.Timestamp | None  # the date our sources were last checked: "as of" for outcomes
    events: pd.DataFrame  # analysis.membership.load_events()
    context: pd.DataFrame  # analysis.membership.load_context()
    named: pd.DataFrame  # countries named in the body: analysis.membership.countries_named(doc)

    def dated(self) -> pd.Timestamp:
        """The article date, for the checks that need one (ValueError when the article has none)."""
        if self.article_date is None:
            raise ValueError("the article has no date (give one as article_date)")
        return self.article_date

    def checked(self) -> pd.Timestamp:
        """The day our sources were checked (ValueError when neither it nor an article date is known)."""
        if self.checked_on is None:
            raise ValueError("no date our sources were checked on, and the article has no date")
        return self.checked_on


@dataclass(frozen=True)
class Check:
    run: Callable[[Mapping[str, Any], dict[str, str], CheckInputs], CheckResult]
    needs: tuple[str, ...]  # keys required in check_input
    description: str


def _number(text: str, pattern: str, what: str) -> int:
    match = re.search(pattern, text, re.IGNORECASE)
    if not match:
        raise ValueError(f"no {what} in the claim {text!r}")
    value = match.group(1).lower()
    return int(value) if value.isdigit() else ORDINALS[value]


def _named_in(claim: Mapping[str, Any], named: pd.DataFrame) -> list[str]:
    if pd.isna(claim["start"]):
        raise ValueError(f"claim {claim['id']} is not in the body, where countries are recognised")
    inside = named[(named["start_char"] >= claim["start"]) & (named["start_char"] < claim["end"]) & named["resolved"]]
    return list(dict.fromkeys(inside["country"]))


_ORDINAL = r"\b(\d+|" + "|".join(ORDINALS) + r")(?:st|nd|rd|th)?\s+anniversary"

CHECKS: dict[str, Check] = {
    "members_named": Check(
        lambda c, a, d: check_members_named(_named_in(c, d.named), d.events, d.dated()), (),
        "countries named in the claim vs members that had signed by the article date",
    ),
    "first_expansion_since": Check(
        lambda c, a, d: check_first_expansion(_number(c["claim"], r"\b((?:19|20)\d\d)\b(?!.*\b(?:19|20)\d\d\b)", "year"),
                                              d.events, d.dated(), new_country=a["country"]),
        ("country",), "the year the claim gives vs the dated first signatures of the other members",
    ),
    "years_since": Check(
        lambda c, a, d: check_years_since(_number(c["claim"], r"\b(\d+)\s+years\b", "number of years"),
                                          int(a["since"]), d.dated()),
        ("since",), "the number of years claimed vs the article date minus the year given in check_input",
    ),
    "anniversary": Check(
        lambda c, a, d: check_anniversary(_number(c["claim"], _ORDINAL, "ordinal"), int(a["since"]), d.dated().year),
        ("since",), "the ordinal anniversary claimed vs the article's year minus the founding year",
    ),
    "first_in_period": Check(
        lambda c, a, d: check_first_in_period(a["country"], a["since"], d.events),
        ("country", "since"), "no other member announced between the start date in check_input and this one",
    ),
    "prior_relations": Check(
        lambda c, a, d: check_prior_relations(a["country"], d.events, d.context), ("country",),
        "relations with Israel recorded (context table) before joining was announced",
    ),
    "signing_reported": Check(
        lambda c, a, d: check_signing_reported(a["country"], d.events, d.checked()), ("country",),
        "a signing by the country dated in the events table by the check date",
    ),
}


def check_inputs(
    article: Article,
    *,
    events: pd.DataFrame | None = None,
    context: pd.DataFrame | None = None,
    named: pd.DataFrame | None = None,
    doc: Any = None,
    checked_on: str | pd.Timestamp | None = None,
    article_date: str | pd.Timestamp | None = None,
) -> CheckInputs:
    """Gather the inputs of the computed checks; missing ones are loaded or computed.

    ``named`` defaults to :func:`analysis.membership.countries_named` on ``doc`` (the article
    parsed with the project pipeline when ``doc`` is None). ``article_date`` defaults to the
    article's own date (:func:`analysis.membership.article_date`); an article without one gets
    None, and only the checks that need a date fail, naming their claim. ``checked_on`` defaults
    to the article date.
    """
    from .membership import article_date as date_of
    from .membership import countries_named, load_context, load_events

    events = load_events() if events is None else events
    context = load_context() if context is None else context
    if named is None:
        if doc is None:
            from .nlp import parse_article

            doc = parse_article(article)
        named = countries_named(doc, article=article, events=events)
    when = date_of(article, article_date)
    return CheckInputs(
        article_date=when,
        checked_on=pd.Timestamp(checked_on).normalize() if checked_on is not None and str(checked_on).strip() else when,
        events=events, context=context, named=named,
    )


def run_check(claim: Mapping[str, Any], inputs: CheckInputs) -> CheckResult:
    """Run the claim's computed check; a check that cannot run raises ReferenceDataError."""
    check = CHECKS[claim["check"]]
    try:
        return check.run(claim, parse_check_input(claim["check_input"]), inputs)
    except (ValueError, KeyError) as exc:
        raise ReferenceDataError(f"claim {claim['id']}: check {claim['check']!r} cannot run: {exc}",
                                 line=claim.get("line"), field="check") from None


TABLE_COLUMNS: list[str] = [
    "id", "paragraph", "part", "start", "end", "category", "claim", "verdict", "verdict_source",
    "curated_verdict", "check", "computed_verdict", "agrees", "evidence", "explanation", "source",
]


def claims_table(claims: pd.DataFrame, inputs: CheckInputs) -> pd.DataFrame:
    """One row per claim: curated and computed verdicts side by side, and the verdict that stands.

    ``verdict`` is the computed verdict where the claim has a check, else the curated one
    (``verdict_source`` says which); ``agrees`` compares the two (missing without a check);
    ``evidence`` is the check's evidence in words. Rows in the order of the article; no claims, no
    rows (the columns stay).
    """
    rows = []
    for claim in claims.to_dict("records"):
        result = run_check(claim, inputs) if claim["check"] else None
        rows.append({
            **claim,
            "curated_verdict": claim["verdict"],
            "computed_verdict": result.verdict if result else None,
            "verdict": result.verdict if result else claim["verdict"],
            "verdict_source": "computed" if result else "curated",
            "agrees": (result.verdict == claim["verdict"]) if result else None,
            "evidence": result.evidence if result else "",
        })
    frame = pd.DataFrame(rows, columns=[*claims.columns, "curated_verdict", "computed_verdict", "verdict_source",
                                        "agrees", "evidence"])
    frame = frame.sort_values(["p_number", "part_start", "id"], kind="stable").reset_index(drop=True)
    frame["agrees"] = frame["agrees"].astype("boolean")
    return frame[TABLE_COLUMNS]


def verdict_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Claims per category and verdict (every category and verdict present, zeros included)."""
    counts = pd.crosstab(table["category"], table["verdict"]).reindex(index=list(CATEGORIES), columns=list(VERDICTS), fill_value=0)
    counts = counts.loc[counts.sum(axis=1) > 0]
    counts.index.name, counts.columns.name = "category", None
    return counts.reset_index()


__all__ = [
    "CATEGORIES", "VERDICTS", "CHECKS", "Check", "CheckInputs", "CheckResult", "article_parts", "parse_check_input",
    "article_checksum", "load_claims", "check_members_named", "check_first_expansion", "check_years_since", "check_anniversary",
    "check_first_in_period", "check_prior_relations", "check_signing_reported", "check_inputs", "run_check",
    "claims_table", "verdict_counts",
]
