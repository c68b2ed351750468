"""load_article: fields, offsets, normalisation audit, nothing dropped, and every bad input."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from analysis.article import edits_frame, load_article, metadata_frame, normalise, paragraphs_frame, parse_timestamp
from analysis.errors import AnalysisError, ArticleFormatError

GOOD = """Headline of a Test Story

A standfirst that sums it up.

By: Jane Roe
Published: 2024-03-01 08:00 +02:00
Updated: 2024-03-02 10:15 GMT

First body paragraph , with a stray space.

Second\u00a0paragraph with a no\u2010break hyphen.

Tags:
"""


def test_fields_of_the_committed_article(article):
    assert article.headline.startswith("Kazakhstan Joins Abraham Accords")
    assert article.standfirst.startswith("In a move announced by Donald Trump")
    assert article.byline == "Palakshi"
    assert article.updated == datetime(2025, 11, 7, 9, 32, tzinfo=timezone.utc)
    assert article.updated.utcoffset() == timedelta(0)
    assert article.published is None
    assert len(article.paragraphs) == 15
    assert [p.number for p in article.paragraphs] == list(range(5, 20))
    assert [p.index for p in article.paragraphs] == list(range(1, 16))
    assert [b.raw.strip() for b in article.boilerplate] == ["Tags:", "Similar News"]


def test_paragraph_offsets_point_into_body_and_raw_file(article):
    raw = article.path.read_text(encoding="utf-8")
    assert article.body_text == "\n\n".join(p.text for p in article.paragraphs)
    for p in article.paragraphs:
        assert article.body_text[p.start:p.end] == p.text
        assert raw[p.raw_start:p.raw_end] == p.raw
        assert article.paragraph_at(p.start) is p
        assert article.paragraph_at(p.end - 1) is p


def test_every_non_blank_line_has_exactly_one_role(article):
    raw = article.path.read_text(encoding="utf-8")
    non_blank = [n for n, line in enumerate(raw.splitlines(), 1) if line.strip()]
    roles = article.line_roles()
    assert sorted(roles) == non_blank
    assert list(roles.values()).count("paragraph") == 15
    assert {"headline", "standfirst", "byline", "updated", "boilerplate"} <= set(roles.values())


def test_normalisation_audit_records_each_change_with_its_raw_position(article):
    raw = article.path.read_text(encoding="utf-8")
    found = {(e.field, e.rule, e.before, e.after) for e in article.edits}
    assert ("headline", "Unicode hyphen", "\u2010", "-") in found
    assert ("byline", "no-break space", "\u00a0", " ") in found
    assert ("paragraph", "space before punctuation", " ", "") in found
    for edit in article.edits:
        assert raw[edit.offset:edit.offset + len(edit.before)] == edit.before
        assert raw.splitlines()[edit.line - 1][edit.column:edit.column + len(edit.before)] == edit.before
    assert "\u2010" not in article.headline and "Trump-Brokered" in article.headline
    assert "diplomacy," in article.body_text and "diplomacy ," not in article.body_text


def test_raw_offset_maps_normalised_text_back_to_the_file(article):
    raw = article.path.read_text(encoding="utf-8")
    at = article.body_text.index("diplomacy,") + len("diplomacy")
    assert raw[article.raw_offset(at)] == ","  # the comma, past the space normalisation removed
    assert raw[article.raw_offset(at) - 1] == " "
    assert raw[article.raw_offset(at - 1)] == "y"
    word = article.body_text.index("Central Asian republics")
    assert raw[article.raw_offset(word):article.raw_offset(word) + 23] == "Central Asian republics"


def test_normalise_is_one_pass_and_reports_input_offsets():
    text, changes = normalise("a\u00a0b ,  c\u2010d")
    assert text == "a b, c-d"
    assert [(c[0], c[1], c[2]) for c in changes] == [(1, "\u00a0", " "), (3, " ", ""), (5, "  ", " "), (8, "\u2010", "-")]


def test_a_second_article_with_its_own_layout(write_file):
    article = load_article(write_file(GOOD))
    assert article.headline == "Headline of a Test Story"
    assert article.standfirst == "A standfirst that sums it up."
    assert article.byline == "Jane Roe"
    assert article.published == datetime(2024, 3, 1, 6, 0, tzinfo=timezone.utc)
    assert article.updated == datetime(2024, 3, 2, 10, 15, tzinfo=timezone.utc)
    assert [p.text for p in article.paragraphs] == [
        "First body paragraph, with a stray space.",
        "Second paragraph with a no-break hyphen.",
    ]
    assert [p.number for p in article.paragraphs] == [6, 7]
    assert [b.raw for b in article.boilerplate] == ["Tags:"]
    assert sorted(e.rule for e in article.edits) == ["Unicode hyphen", "no-break space", "space before punctuation"]


def test_article_without_metadata_has_body_right_after_headline(write_file):
    article = load_article(write_file("Just a headline\n\nOne paragraph.\n\nAnother one.\n"))
    assert article.standfirst is None and article.byline is None and article.updated is None
    assert [p.text for p in article.paragraphs] == ["One paragraph.", "Another one."]


def test_crlf_line_endings_and_bom_are_read(write_file):
    content = "\ufeffHeadline\r\n\r\nBy: A. Writer\r\n\r\nBody text here.\r\n"
    article = load_article(write_file(content.encode("utf-8")))
    assert article.headline == "Headline" and article.byline == "A. Writer"
    assert article.paragraphs[0].text == "Body text here."


def test_tables_for_the_notebook(article):
    meta = metadata_frame(article).set_index("field")["value"]
    assert meta["byline"] == "Palakshi" and meta["body paragraphs"] == 15
    paragraphs = paragraphs_frame(article)
    assert list(paragraphs["number"]) == list(range(5, 20))
    assert paragraphs.loc[paragraphs.number == 18, "quote_marks"].item() == 1
    edits = edits_frame(article)
    assert len(edits) == len(article.edits)
    assert "U+00A0" in set(edits["before_codepoints"])


def test_to_record_is_json_ready(article):
    import json

    record = json.loads(json.dumps(article.to_record()))
    assert record["updated"] == "2025-11-07T09:32:00+00:00"
    assert len(record["paragraphs"]) == 15 and record["paragraphs"][0]["number"] == 5


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (b"", 1, "empty"),
        (b"   \n\n \n", 1, "empty"),
        (b"Headline\n\nBody with a \x00 byte\n", 3, "binary"),
        ("Headline\n\nCaf\u00e9 au lait\n".encode("latin-1"), 3, "not UTF-8"),
        (b"Headline\n\nBy: Someone\nUpdated: yesterday at noon GMT\n\nBody.\n", 4, "does not parse"),
        (b"Headline\n\nBy: Someone\nUpdated: 2025-11-07 09:32\n\nBody.\n", 4, "no time zone"),
        (b"Headline\n\nUpdated: 2025-11-07 09:32 XYZ\n\nBody.\n", 3, "unknown time zone"),
        (b"Headline\n\nBy: Someone\nUpdated: 2025-11-07 09:32 GMT\n\nTags:\nSimilar News\n", 4, "no body"),
        (b"Headline\n\nBy: Someone\n", 3, "no body"),
        (b"Headline\n\nBy: One\nBy: Two\n\nBody.\n", 4, "second byline"),
    ],
)
def test_bad_input_names_file_and_line(write_file, content, line, words):
    path = write_file(content)
    with pytest.raises(ArticleFormatError) as info:
        load_article(path)
    err = info.value
    assert isinstance(err, AnalysisError)
    assert err.path == path and err.line == line
    assert words in str(err) and str(path) in str(err) and f"line {line}" in str(err)


def test_missing_file_is_our_error(tmp_path):
    with pytest.raises(ArticleFormatError, match="cannot read"):
        load_article(tmp_path / "missing.txt")


def test_timestamp_field_is_named():
    with pytest.raises(ArticleFormatError) as info:
        parse_timestamp("13/45/2025 99:99 GMT")
    assert info.value.field == "timestamp"
    assert parse_timestamp("November 6, 2025 7:05 PM EST") == datetime(2025, 11, 7, 0, 5, tzinfo=timezone.utc)


def test_body_text_that_opens_like_metadata_stays_body(write_file):
    content = (
        "Talks Resume\n\nBy Jane Roe\nUpdated 6 November 2025 14:00 GMT\n\n"
        "By the end of the talks, both sides had agreed.\n\nUpdate on the talks: more tomorrow.\n\n"
        "By then it was over.\n"
    )
    article = load_article(write_file(content))
    assert article.byline == "Jane Roe"
    assert article.updated == datetime(2025, 11, 6, 14, 0, tzinfo=timezone.utc)
    assert [p.text for p in article.paragraphs] == [
        "By the end of the talks, both sides had agreed.",
        "Update on the talks: more tomorrow.",
        "By then it was over.",
    ]
