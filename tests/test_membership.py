"""Membership events: validation of the curated tables, membership by basis, series and status."""
from __future__ import annotations

import csv
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
import spacy

from analysis import membership as m
from analysis.errors import ReferenceDataError

matplotlib.use("Agg")

URL = "https://example.org/a"


def event(country="Bahrain", iso3="BHR", role="member", event_type="announced", date="2020-09-11",
          date_precision="day", place="", instrument="", note="", confidence="high", source=URL) -> dict:
    return dict(country=country, iso3=iso3, role=role, event_type=event_type, date=date,
                date_precision=date_precision, place=place, instrument=instrument, note=note,
                confidence=confidence, source=source)


@pytest.fixture
def write_table(tmp_path: Path):
    """Write rows as an events CSV (plus a small non-ISO allow-list) and return its path."""
    allow = tmp_path / "non_iso.csv"
    allow.write_text("country,iso3,reason,source\nKosovo,XKX,user-assigned,https://x.org\n"
                     "Somaliland,,no code,https://x.org\n", encoding="utf-8")

    def write(rows: list[dict], name: str = "events.csv") -> Path:
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=m.COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return path

    write.allow = allow
    return write


@pytest.fixture
def load(write_table):
    def load(rows: list[dict]) -> pd.DataFrame:
        return m.load_events(write_table(rows), non_iso_path=write_table.allow)
    return load


@pytest.fixture
def wave(load) -> pd.DataFrame:
    """A small history: two members, a framework party, a stalled signatory, a candidate."""
    return load([
        event("Israel", "ISR", "framework", "announced", "2020-08-13"),
        event("Israel", "ISR", "framework", "signed", "2020-09-15", instrument="treaty"),
        event("United Arab Emirates", "ARE", "member", "announced", "2020-08-13"),
        event("United Arab Emirates", "ARE", "member", "signed", "2020-09-15", instrument="treaty"),
        event("Sudan", "SDN", "member", "announced", "2020-10-23"),
        event("Sudan", "SDN", "member", "signed", "2021-01-06", instrument="declaration"),
        event("Sudan", "SDN", "member", "stalled", "2021-10", "month"),
        event("Kazakhstan", "KAZ", "member", "announced", "2025-11-06"),
        event("Kazakhstan", "KAZ", "member", "accession_declared", "2025-11-07"),
        event("Kazakhstan", "KAZ", "member", "signing_not_found", "", "none"),
        event("Saudi Arabia", "SAU", "candidate", "discussed", "2025-11-18"),
        event("Somaliland", "", "candidate", "intent_stated", "2025-12-26"),
    ])


# --- validation: each rule names file, line and column ------------------------------------

def raises_at(write_table, rows: list[dict], line: int, field: str) -> ReferenceDataError:
    path = write_table(rows)
    with pytest.raises(ReferenceDataError) as info:
        m.load_events(path, non_iso_path=write_table.allow)
    error = info.value
    assert (error.line, error.field) == (line, field)
    assert error.path == path and path.name in str(error) and f"line {line}" in str(error)
    return error


@pytest.mark.parametrize("date", ["2020-13-01", "2021-02-30", "20-09-2020", "2020-09-11T10:00", "soon"])
def test_unparseable_or_impossible_date(write_table, date):
    raises_at(write_table, [event(), event(event_type="signed", date=date)], 3, "date")


def test_date_must_match_its_precision(write_table):
    raises_at(write_table, [event(date="2020-09", date_precision="day")], 2, "date")
    raises_at(write_table, [event(date="2020-09-11", date_precision="month")], 2, "date")


def test_status_row_has_no_date_and_events_need_one(write_table):
    raises_at(write_table, [event(event_type="signing_not_found", date="2020-09-11")], 2, "date_precision")
    raises_at(write_table, [event(date="", date_precision="none")], 2, "date_precision")


def test_unknown_event_type(write_table):
    error = raises_at(write_table, [event(), event(event_type="joined")], 3, "event_type")
    assert "joined" in str(error)


def test_missing_source(write_table):
    raises_at(write_table, [event(), event(event_type="signed", date="2020-09-15", source=" ")], 3, "source")


def test_source_must_be_urls(write_table):
    raises_at(write_table, [event(source=f"{URL} ; Reuters")], 2, "source")


@pytest.mark.parametrize("iso3", ["BHX", "XKX", "bhr"])
def test_unknown_iso3(write_table, iso3):
    raises_at(write_table, [event(), event(event_type="signed", date="2020-09-15", iso3=iso3)], 3, "iso3")


def test_iso3_must_match_the_country_name(write_table):
    raises_at(write_table, [event(country="Sudan", iso3="SSD")], 2, "iso3")


def test_empty_iso3_only_for_allow_listed_entities(write_table, load):
    raises_at(write_table, [event(iso3="")], 2, "iso3")
    raises_at(write_table, [event(country="Kosovo", iso3="")], 2, "iso3")
    table = load([event(country="Somaliland", iso3="", role="candidate", event_type="discussed"),
                  event(country="Kosovo", iso3="XKX", role="context", event_type="relations_established")])
    assert list(table["iso3"]) == ["", "XKX"]


def test_duplicate_country_event_date(write_table):
    error = raises_at(write_table, [event(), event(event_type="signed", date="2020-09-15"), event(note="again")],
                      4, "date")
    assert "line 2" in error.reason


def test_signing_before_announcement(write_table):
    rows = [event(event_type="signed", date="2020-09-01", instrument="declaration"), event()]
    error = raises_at(write_table, rows, 2, "date")
    assert "announced" in error.reason


def test_order_uses_the_whole_month(write_table, load):
    # announced some time in 2020-09, signed 2020-09-15: possible, so accepted
    load([event(date="2020-09", date_precision="month"), event(event_type="signed", date="2020-09-15")])
    raises_at(write_table, [event(date="2020-10", date_precision="month"),
                            event(event_type="signed", date="2020-09-15")], 3, "date")


def test_unknown_role_precision_and_confidence(write_table):
    raises_at(write_table, [event(role="observer")], 2, "role")
    raises_at(write_table, [event(date_precision="week")], 2, "date_precision")
    raises_at(write_table, [event(confidence="sure")], 2, "confidence")


def test_missing_column_is_reported_on_the_header(write_table, tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("country,iso3\nBahrain,BHR\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as info:
        m.load_events(path, non_iso_path=write_table.allow)
    assert info.value.line == 1 and info.value.field == "role"


def test_month_and_year_dates_span_their_period(load):
    table = load([event(date="2021-10", date_precision="month"),
                  event(event_type="declined", date="2024", date_precision="year", role="member")])
    assert table.loc[0, "start"] == pd.Timestamp("2021-10-01") and table.loc[0, "end"] == pd.Timestamp("2021-10-31")
    assert table.loc[1, "end"] == pd.Timestamp("2024-12-31")
    assert list(table["line"]) == [2, 3]


def test_committed_tables_are_valid_and_sourced():
    for table in (m.load_events(), m.load_context()):
        sources = table["source"].str.split(" ; ")
        assert sources.map(lambda urls: all(u.startswith(("http://", "https://")) for u in urls)).all()
        assert table["confidence"].isin(m.CONFIDENCE).all()


# --- membership by basis -------------------------------------------------------------------

def test_members_as_of_by_basis(wave):
    signed = m.members_as_of("2025-11-07", "signed", events=wave)
    announced = m.members_as_of("2025-11-07", "announced", events=wave)
    assert list(signed["country"]) == ["United Arab Emirates", "Sudan"]
    assert list(announced["country"]) == ["United Arab Emirates", "Sudan", "Kazakhstan"]
    assert "Saudi Arabia" not in set(announced["country"]) | set(signed["country"])


def test_members_as_of_dates_are_inclusive(wave):
    assert m.members_as_of("2021-01-05", "signed", events=wave)["country"].tolist() == ["United Arab Emirates"]
    assert "Sudan" in m.members_as_of("2021-01-06", "signed", events=wave)["country"].tolist()
    assert m.members_as_of("2020-08-12", "announced", events=wave).empty


def test_framework_parties_only_when_asked(wave):
    with_framework = m.members_as_of("2021-01-01", "signed", events=wave, include_framework=True)
    assert "Israel" in with_framework["country"].tolist()
    row = with_framework.set_index("country").loc["Israel"]
    assert row["role"] == "framework" and row["why"].startswith("framework party")
    assert "Israel" not in m.members_as_of("2021-01-01", "signed", events=wave)["country"].tolist()


def test_why_explains_stalled_signatory_and_missing_signing(wave):
    sudan = m.members_as_of("2022-01-01", "signed", events=wave).set_index("country").loc["Sudan", "why"]
    assert "declaration" in sudan and "stalled" in sudan and "still counted" in sudan
    kaz = m.members_as_of("2026-01-01", "announced", events=wave).set_index("country").loc["Kazakhstan", "why"]
    assert "accession declared" in kaz and "no signing found" in kaz


def test_month_precision_counts_from_the_end_of_the_month(load):
    table = load([event(date="2020-09", date_precision="month")])
    assert m.members_as_of("2020-09-29", "announced", events=table).empty
    assert len(m.members_as_of("2020-09-30", "announced", events=table)) == 1


def test_unknown_basis(wave):
    with pytest.raises(ValueError):
        m.members_as_of("2025-01-01", "ratified", events=wave)


def test_cumulative_series_steps(wave):
    series = m.cumulative_members(wave, start="2020-08-01", end="2026-11-29")
    for basis, group in series.groupby("basis"):
        assert group["members"].is_monotonic_increasing
        assert group["date"].is_monotonic_increasing
        final = m.members_as_of("2026-11-29", basis, events=wave)
        assert group["members"].iloc[-1] == len(final)
        joined = [c for names in group["joined"] if names for c in names.split("; ")]
        assert sorted(joined) == sorted(final["country"])
    signed = series[series["basis"] == "signed"].set_index("date")["members"]
    assert signed[pd.Timestamp("2020-09-15")] == 1 and signed[pd.Timestamp("2021-01-06")] == 2


def test_cumulative_counts_members_before_start(wave):
    series = m.cumulative_members(wave, bases=("announced",), start="2021-01-01", end="2026-01-01")
    assert series.iloc[0]["members"] == 2 and series.iloc[-1]["members"] == 3


def test_status_table(wave):
    table = m.status_table("2026-11-29", events=wave).set_index("country")
    assert table.index.tolist()[:2] == ["Israel", "United Arab Emirates"]  # framework first, then by date
    assert set(table.index) == set(wave["country"])
    sudan, kaz = table.loc["Sudan"], table.loc["Kazakhstan"]
    assert (sudan["signed"], sudan["instrument"], sudan["stalled"]) == ("2021-01-06", "declaration", "2021-10")
    assert sudan["member_signed"] and "stalled" in sudan["status"]
    assert not kaz["signing_found"] and kaz["member_announced"] and not kaz["member_signed"]
    assert kaz["signed"] == "" and "no signing found" in kaz["status"]
    assert not table.loc["Saudi Arabia", "member_announced"]


def test_status_table_ignores_events_after_as_of(wave):
    table = m.status_table("2021-01-01", events=wave).set_index("country")
    assert table.loc["Sudan", "signed"] == "" and "Kazakhstan" not in table.index


# --- long context and figures' data -----------------------------------------------------------

def test_relations_periods_break_and_accession(load):
    context = load([
        event("Mauritania", "MRT", "context", "relations_established", "1999-10-28"),
        event("Mauritania", "MRT", "context", "frozen", "2009-01-16"),
        event("Mauritania", "MRT", "context", "severed", "2010-03", "month"),
        event("Kazakhstan", "KAZ", "context", "relations_established", "1992-04-10"),
        event("Jordan", "JOR", "context", "signed", "1994-07-25", instrument="declaration"),
        event("Jordan", "JOR", "context", "signed", "1994-10-26", instrument="treaty"),
    ])
    events = load([event("Kazakhstan", "KAZ", "member", "announced", "2025-11-06"),
                   event("Israel", "ISR", "framework", "signed", "2020-09-15")])
    periods = m.relations_periods("2026-11-29", events=events, context=context)
    mrt = periods[periods["country"] == "Mauritania"]
    assert mrt["state"].tolist() == ["relations", "frozen"]
    assert mrt["end"].iloc[-1] == pd.Timestamp("2010-03-01") and mrt["end_event"].iloc[-1] == "severed"
    kaz = periods[periods["country"] == "Kazakhstan"]
    assert kaz["state"].tolist() == ["relations", "accords"] and kaz["start"].iloc[1] == pd.Timestamp("2025-11-06")
    assert periods.loc[periods["country"] == "Jordan", "start"].min() == pd.Timestamp("1994-10-26")
    assert "Israel" not in periods["country"].tolist()


def test_timeline_places_status_rows_at_as_of(wave):
    timeline = m.timeline_events("2026-11-29", events=wave)
    status = timeline[timeline["event_type"] == "signing_not_found"]
    assert status["plotted_at"].tolist() == [pd.Timestamp("2026-11-29")]
    assert timeline.drop_duplicates("lane")["country"].iloc[0] == "Israel"
    assert "Saudi Arabia" not in timeline["country"].tolist()


def test_figure_builders_return_figures(wave):
    from analysis import membership_plots as mp

    timeline = m.timeline_events("2026-11-29", events=wave)
    series = m.cumulative_members(wave, end="2026-11-29")
    periods = m.relations_periods("2026-11-29", events=wave, context=wave.iloc[0:0])
    figures = [
        mp.timeline_figure(timeline, article_date="2025-11-07", as_of="2026-11-29", source="test"),
        mp.cumulative_figure(series, article_date="2025-11-07", source="test"),
        mp.relations_figure(periods, article_date="2025-11-07", as_of="2026-11-29", source="test"),
    ]
    for fig in figures:
        texts = [t.get_text() for t in fig.texts]
        assert any(t.startswith("Source: test") for t in texts)
        matplotlib.pyplot.close(fig)


def test_time_windows_split_at_long_gaps():
    from analysis.membership_plots import time_windows

    dates = pd.Series(pd.to_datetime(["2020-08-13", "2021-01-06", "2025-11-06", "2026-01-10"]))
    windows = time_windows(dates, gap_days=365, pad_days=0)
    assert windows == [(pd.Timestamp("2020-08-13"), pd.Timestamp("2021-01-06")),
                       (pd.Timestamp("2025-11-06"), pd.Timestamp("2026-01-10"))]


# --- the article cross-check -------------------------------------------------------------------

@pytest.fixture
def small_doc():
    nlp = spacy.blank("en")
    doc = nlp("Israel and the United Arab Emirates, Bahrain and Morocco. Russia and Atlantis and Washington.")
    spans = [("Israel", 0), ("the United Arab Emirates", 0), ("Bahrain", 0), ("Morocco", 0),
             ("Russia", 0), ("Atlantis", 0), ("Washington", 0)]
    ents = []
    for text, _ in spans:
        start = doc.text.index(text)
        ents.append(doc.char_span(start, start + len(text), label="GPE"))
    doc.ents = ents
    return doc


def test_countries_named_keeps_unresolved(small_doc, wave):
    named = m.countries_named(small_doc, events=wave)
    assert len(named) == len(small_doc.ents)
    assert named.loc[~named["resolved"], "text"].tolist() == ["Atlantis", "Washington"]
    assert named.loc[named["text"] == "the United Arab Emirates", "country"].item() == "United Arab Emirates"


def test_compare_with_members_finds_the_omission(small_doc, wave):
    named = m.countries_named(small_doc, events=wave)
    table = m.compare_with_members(named, "2025-11-07", events=wave).set_index("country")
    assert table.loc["Sudan", "finding"] == "member, not named"
    assert table.loc["Kazakhstan", "finding"] == "member, not named"
    assert table.loc["United Arab Emirates", "finding"] == "member, named"
    assert table.loc["Israel", "role"] == "framework" and table.loc["Israel", "named"]
    assert table.loc["Russian Federation", "finding"] == "named, not a member"
    assert table.loc["Bahrain", "finding"] == "named, not a member"  # not in this small table


def test_article_names_members_but_not_sudan(article, doc):
    named = m.countries_named(doc, article=article)
    table = m.compare_with_members(named, "2025-11-07").set_index("country")
    assert table.loc["Sudan", "finding"] == "member, not named"
    assert table.loc["Kazakhstan", "named"] and table.loc["Morocco", "named"]
    assert table.loc["Morocco", "paragraphs"] == "P7" and table.loc["Sudan", "paragraphs"] == ""


def test_a_text_naming_no_country_leaves_every_member_unnamed(wave):
    named = m.countries_named(spacy.blank("en")("The council met and the weather was mild."), events=wave)
    assert named.empty and list(named.columns) == ["text", "start_char", "paragraph", "country", "iso3", "resolved"]
    table = m.compare_with_members(named, "2025-11-07", events=wave)
    assert set(table["finding"]) == {"member, not named"} and table["mentions"].eq(0).all()
    assert set(table["country"]) == set(m.members_as_of("2025-11-07", "announced", events=wave, include_framework=True)["country"])


def test_article_date_comes_from_the_article_unless_overridden(article, write_file):
    from analysis.article import load_article

    assert m.article_date(article) == pd.Timestamp("2025-11-07")  # its update stamp, 09:32 GMT
    assert m.article_date(article, "2025-12-24") == pd.Timestamp("2025-12-24")
    assert m.article_date(article, "") == pd.Timestamp("2025-11-07")  # an empty parameter is not an override
    both = write_file("A headline\n\nPublished: 2024-03-01 23:30 EST\nUpdated: 2024-03-05 10:00 GMT\n\nBody text here.\n")
    assert m.article_date(load_article(both)) == pd.Timestamp("2024-03-02")  # published wins, in UTC
    undated = write_file("A headline\n\nBody text here.\n", "undated.txt")
    assert m.article_date(load_article(undated)) is None


def test_member_counts_state_the_basis_and_framework(wave):
    counts = m.member_counts({"article": "2025-11-07"}, events=wave, include_framework=True)
    assert counts["basis"].tolist() == ["signed", "announced"]
    by_basis = counts.set_index("basis")
    assert by_basis.loc["signed", "members"] == 3 and "Israel" in by_basis.loc["signed", "countries"]
    assert by_basis.loc["announced", "members"] == 4 and counts["framework_counted"].all()


def test_line_numbers_count_physical_lines(write_table):
    rows = [event(note="first line\nsecond line"), event(event_type="joined", date="2020-09-15")]
    raises_at(write_table, rows, 4, "event_type")


def test_figures_mark_the_article_date_only_when_there_is_one(wave):
    from analysis import membership_plots as mp

    timeline = m.timeline_events("2026-11-29", events=wave)
    series = m.cumulative_members(wave, end="2026-11-29")
    periods = m.relations_periods("2026-11-29", events=wave, context=wave.iloc[0:0])
    for date in ("2025-11-07", None):
        figures = [
            mp.timeline_figure(timeline, article_date=date, as_of="2026-11-29", source="test"),
            mp.cumulative_figure(series, article_date=date, source="test"),
            mp.relations_figure(periods, article_date=date, as_of="2026-11-29", source="test"),
        ]
        for fig in figures:
            texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
            assert ("article\n2025-11-07" in texts) == (date is not None)
            assert ("the article's date" in texts) == (date is not None)
            matplotlib.pyplot.close(fig)


def test_furthest_stage_per_country(wave):
    status = m.status_table("2026-11-29", events=wave)
    stages = dict(zip(status["country"], m.furthest_stage(status)))
    assert stages["Sudan"] == "signed, then stalled" and stages["Kazakhstan"] == "announced, not signed"
    assert set(stages.values()) <= set(m.STAGES)
    rows = pd.DataFrame([
        {"role": "member", "announced": "2020-08-13", "signed": "2020-09-15", "ratified": "2020-10-15", "stalled": ""},
        {"role": "candidate", "announced": "", "signed": "", "ratified": "", "stalled": ""},
    ])
    assert m.furthest_stage(rows).tolist() == ["signed and ratified", "candidate, not joined"]
