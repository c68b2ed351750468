"""The claims register: validation, location in the article, and computed checks on changed data."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from analysis import claims as C
from analysis.article import load_article
from analysis.errors import ReferenceDataError
from analysis.membership import load_context, load_events

HEADER = list(C.COLUMNS)
OUR_ARTICLE = "71e25a290c97bb241b2472e56376aee1b1a7d3c04d09cbb2a868109dd30b9d25"  # data/raw/SOURCES.md
OTHER_ARTICLE = "0" * 64
GOOD = {
    "id": "X1", "article_sha256": OUR_ARTICLE, "paragraph": "P7", "claim": "Bahrain, and Morocco", "category": "membership",
    "verdict": "partly supported", "check": "", "check_input": "", "explanation": "our words",
    "source": "https://example.org/a ; https://example.org/b",
}


@pytest.fixture
def write_claims(tmp_path: Path):
    def write(*rows: dict, header: list[str] = HEADER) -> Path:
        path = tmp_path / "claims.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return path
    return write


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_events()


@pytest.fixture(scope="module")
def context() -> pd.DataFrame:
    return load_context()


def _event(country: str, event_type: str, day: str, role: str = "member") -> dict:
    stamp = pd.Timestamp(day)
    return {"country": country, "iso3": "", "role": role, "event_type": event_type, "date": day,
            "date_precision": "day", "line": 999, "start": stamp, "end": stamp}


# -------------------------------------------------------------------------- loading
def test_claim_is_located_by_offsets(write_claims, article):
    table = C.load_claims(write_claims(GOOD), article)
    row = table.iloc[0]
    assert article.body_text[row["start"]:row["end"]] == "Bahrain, and Morocco"
    assert row["p_number"] == 7 and row["part"] == "paragraph"


def test_headline_claim_has_part_offsets_but_no_body_offsets(write_claims, article):
    table = C.load_claims(write_claims({**GOOD, "paragraph": "P1", "claim": "Joins Abraham Accords"}), article)
    row = table.iloc[0]
    assert row["part"] == "headline" and pd.isna(row["start"])
    assert article.headline[row["part_start"]:row["part_end"]] == "Joins Abraham Accords"


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"verdict": "mostly true"}, "verdict", "unknown verdict"),
        ({"category": "opinion"}, "category", "unknown category"),
        ({"source": ""}, "source", "missing source"),
        ({"source": "example.org"}, "source", "not a URL"),
        ({"claim": "Bahrain and Morocco"}, "claim", "X1"),
        ({"paragraph": "P99"}, "paragraph", "not a P-number"),
        ({"paragraph": "7"}, "paragraph", "not a P-number"),
        ({"check": "astrology"}, "check", "unknown check"),
        ({"check": "years_since"}, "check_input", "needs since"),
        ({"check_input": "since=1991"}, "check_input", "without a check"),
        ({"check": "years_since", "check_input": "1991"}, "check_input", "key=value"),
        ({"explanation": ""}, "explanation", "missing explanation"),
        ({"article_sha256": "kazakhstan_abraham_accords_2025-11-07.txt"}, "article_sha256", "not a SHA-256"),
        ({"article_sha256": OUR_ARTICLE.upper()}, "article_sha256", "not a SHA-256"),
        ({"article_sha256": OTHER_ARTICLE, "verdict": "mostly true"}, "verdict", "unknown verdict"),
    ],
)
def test_bad_rows_name_file_row_and_column(write_claims, article, change, field, words):
    path = write_claims(dict(GOOD, id="X0", claim="Bahrain"), {**GOOD, **change})
    with pytest.raises(ReferenceDataError) as info:
        C.load_claims(path, article)
    assert info.value.line == 3 and info.value.field == field and info.value.path == path
    assert words in str(info.value) and "claims.csv" in str(info.value)


def test_duplicate_id_and_missing_column(write_claims, article):
    with pytest.raises(ReferenceDataError, match="duplicate id"):
        C.load_claims(write_claims(GOOD, GOOD), article)
    with pytest.raises(ReferenceDataError) as info:
        C.load_claims(write_claims(GOOD, header=[h for h in HEADER if h != "verdict"]), article)
    assert info.value.field == "verdict" and info.value.line == 1


def test_register_returns_only_the_rows_about_the_article(write_claims, article):
    about_other = {**GOOD, "id": "Y1", "article_sha256": OTHER_ARTICLE, "paragraph": "P3", "claim": "not in ours"}
    path = write_claims(about_other, GOOD)
    assert list(C.load_claims(path, article)["id"]) == ["X1"]  # Y1 is validated but not located in our article
    assert C.load_claims(write_claims(about_other), article).empty


def test_a_copy_of_the_article_finds_its_claims_and_another_article_finds_none(write_claims, article, tmp_path):
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(article.path.read_bytes())
    path = write_claims(GOOD)
    assert list(C.load_claims(path, load_article(copy))["id"]) == ["X1"]
    other = tmp_path / "other.txt"
    other.write_text("A headline\n\nThe council met on Tuesday.\n", encoding="utf-8")
    claims = C.load_claims(path, load_article(other))
    assert claims.empty and {"id", "claim", "start", "end", "p_number"} <= set(claims.columns)


def test_no_claims_give_an_empty_table_and_no_counts(events, context):
    claims = C.load_claims(C.CLAIMS_PATH, article=None).iloc[0:0]
    named = pd.DataFrame(columns=["text", "start_char", "paragraph", "country", "iso3", "resolved"])
    inputs = C.CheckInputs(None, None, events, context, named)
    table = C.claims_table(claims, inputs)
    assert table.empty and list(table.columns) == C.TABLE_COLUMNS
    counts = C.verdict_counts(table)
    assert counts.empty and list(counts.columns) == ["category", *C.VERDICTS]


def test_a_dateless_article_fails_only_the_checks_that_need_a_date(events, context):
    named = pd.DataFrame(columns=["text", "start_char", "paragraph", "country", "iso3", "resolved"])
    inputs = C.CheckInputs(None, None, events, context, named)
    claim = {"id": "T", "claim": "now independent for 33 years", "check": "years_since", "check_input": "since=1991",
             "start": 0, "end": 1, "line": 4}
    with pytest.raises(ReferenceDataError, match="T: check 'years_since' cannot run: the article has no date"):
        C.run_check(claim, inputs)
    prior = {**claim, "check": "prior_relations", "check_input": "country=Kazakhstan"}
    assert C.run_check(prior, inputs).verdict == "partly supported"


def test_check_inputs_take_the_article_date_unless_given(article, events, context):
    named = pd.DataFrame(columns=["text", "start_char", "paragraph", "country", "iso3", "resolved"])
    inputs = C.check_inputs(article, events=events, context=context, named=named)
    assert (inputs.article_date, inputs.checked_on) == (pd.Timestamp("2025-11-07"), pd.Timestamp("2025-11-07"))
    inputs = C.check_inputs(article, events=events, context=context, named=named, article_date="2025-12-01",
                            checked_on="2026-11-29")
    assert (inputs.article_date, inputs.checked_on) == (pd.Timestamp("2025-12-01"), pd.Timestamp("2026-11-29"))


# -------------------------------------------------------------------------- computed checks
def test_members_named_flips_when_sudan_is_named_or_its_signing_removed(events):
    named = ["United Arab Emirates", "Bahrain", "Morocco", "Israel"]
    result = C.check_members_named(named, events, "2025-11-07")
    assert result.verdict == "partly supported" and "not named: Sudan" in result.evidence
    assert C.check_members_named([*named, "Sudan"], events, "2025-11-07").verdict == "supported"
    no_sudan = events[~((events["country"] == "Sudan") & (events["event_type"] == "signed"))]
    assert C.check_members_named(named, no_sudan, "2025-11-07").verdict == "supported"
    assert C.check_members_named(["Kazakhstan"], events, "2025-11-07").verdict == "contradicted"


def test_first_expansion_since_2020_depends_on_sudans_dates(events):
    result = C.check_first_expansion(2020, events, "2025-11-07", new_country="Kazakhstan")
    assert result.verdict == "partly supported" and "Sudan signed 2021-01-06" in result.evidence
    no_sudan = events[~((events["country"] == "Sudan") & (events["event_type"] == "signed"))]
    assert C.check_first_expansion(2020, no_sudan, "2025-11-07", new_country="Kazakhstan").verdict == "supported"
    late = events.copy()
    announced = (late["country"] == "Sudan") & (late["event_type"] == "announced")
    late.loc[announced, ["start", "end"]] = pd.Timestamp("2021-01-02")
    assert C.check_first_expansion(2020, late, "2025-11-07", new_country="Kazakhstan").verdict == "contradicted"
    assert C.check_first_expansion(2019, events, "2025-11-07", new_country="Kazakhstan").verdict == "contradicted"


def test_years_since_independence():
    assert C.check_years_since(35, 1991, "2025-11-07").verdict == "partly supported"
    assert C.check_years_since(35, 1991, "2026-11-07").verdict == "supported"
    assert C.check_years_since(34, 1991, "2025-11-07").verdict == "supported"
    assert C.check_years_since(40, 1991, "2025-11-07").verdict == "contradicted"


def test_anniversary():
    assert C.check_anniversary(10, 2015, 2025).verdict == "supported"
    assert C.check_anniversary(10, 2016, 2025).verdict == "partly supported"
    assert C.check_anniversary(10, 2010, 2025).verdict == "contradicted"


def test_first_in_period_and_prior_relations_and_signing(events, context):
    assert C.check_first_in_period("Kazakhstan", "2025-01-20", events).verdict == "supported"
    earlier = pd.concat([events, pd.DataFrame([_event("Oman", "announced", "2025-06-01")])], ignore_index=True)
    assert C.check_first_in_period("Kazakhstan", "2025-01-20", earlier).verdict == "contradicted"
    assert C.check_prior_relations("Kazakhstan", events, context).verdict == "partly supported"
    assert C.check_prior_relations("Kazakhstan", events, context[context["country"] != "Kazakhstan"]).verdict == "supported"
    assert C.check_signing_reported("Kazakhstan", events, "2026-11-29").verdict == "unverifiable"
    signed = pd.concat([events, pd.DataFrame([_event("Kazakhstan", "signed", "2026-03-01")])], ignore_index=True)
    assert C.check_signing_reported("Kazakhstan", signed, "2026-11-29").verdict == "supported"
    assert C.check_signing_reported("Kazakhstan", signed, "2026-02-01").verdict == "unverifiable"


def test_registry_reads_the_number_from_the_claim(events, context):
    inputs = C.CheckInputs(pd.Timestamp("2025-11-07"), pd.Timestamp("2025-11-07"), events, context,
                           pd.DataFrame(columns=["text", "start_char", "paragraph", "country", "iso3", "resolved"]))
    claim = {"id": "T", "claim": "now independent for 33 years", "check": "years_since", "check_input": "since=1991", "start": 0, "end": 1}
    assert C.run_check(claim, inputs).verdict == "partly supported"
    claim = {**claim, "claim": "the tenth anniversary of it", "check": "anniversary", "check_input": "since=2016"}
    assert C.run_check(claim, inputs).verdict == "partly supported"
    with pytest.raises(ReferenceDataError, match="cannot run"):
        C.run_check({**claim, "claim": "an anniversary"}, inputs)


# -------------------------------------------------------------------------- the register on the article
@pytest.fixture(scope="module")
def table(article, doc):
    claims = C.load_claims(article=article)
    return C.claims_table(claims, C.check_inputs(article, doc=doc, checked_on="2026-11-29"))


def test_every_claim_has_a_verdict_and_a_source(table):
    assert table["verdict"].isin(C.VERDICTS).all()
    assert table["source"].str.startswith("http").all()
    assert table["id"].is_unique


def test_computed_checks_run_on_the_article(table):
    computed = table[table["check"] != ""]
    assert set(computed["check"]) >= {"members_named", "first_expansion_since", "years_since", "anniversary"}
    assert (computed["verdict_source"] == "computed").all()
    members = computed[computed["check"] == "members_named"].iloc[0]
    assert members["verdict"] == "partly supported" and "Sudan" in members["evidence"]
    years = computed[computed["check"] == "years_since"].iloc[0]
    assert "34 years" in years["evidence"]


def test_verdict_counts_cover_every_claim(table):
    counts = C.verdict_counts(table)
    assert counts[list(C.VERDICTS)].to_numpy().sum() == len(table)


def test_a_computed_verdict_overrides_a_curated_one_and_says_so(write_claims, article, events, context):
    row = {**GOOD, "paragraph": "P16", "claim": "now independent for 35 years", "category": "quantity",
           "verdict": "supported", "check": "years_since", "check_input": "since=1991"}
    claims = C.load_claims(write_claims(row), article)
    named = pd.DataFrame(columns=["text", "start_char", "paragraph", "country", "iso3", "resolved"])
    table = C.claims_table(claims, C.check_inputs(article, events=events, context=context, named=named))
    result = table.iloc[0]
    assert (result["curated_verdict"], result["verdict"]) == ("supported", "partly supported")
    assert result["verdict_source"] == "computed" and not result["agrees"]
