"""load_article on every input format: plain text with and without header lines, hard-wrapped wire
copy, saved web pages and JSON Lines, from the small files in tests/data/articles/."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from analysis.article import Article, load_article, load_articles, metadata_frame, sniff_format
from analysis.errors import ArticleFormatError, RecordFormatError

DATA = Path(__file__).parent / "data" / "articles"


def _offsets_hold(article: Article) -> None:
    """Every paragraph and edit points at its text in raw_text; body_text is the paragraphs joined."""
    assert article.body_text == "\n\n".join(p.text for p in article.paragraphs)
    for p in article.paragraphs:
        assert article.raw_text[p.raw_start:p.raw_end] == p.raw
        assert article.body_text[p.start:p.end] == p.text
        assert article.raw_text.splitlines()[p.line - 1].strip() == p.raw.splitlines()[0].strip()
    for edit in article.edits:
        assert article.raw_text[edit.offset:edit.offset + len(edit.before)] == edit.before


# ------------------------------------------------------------------------------------ plain text
def test_plain_text_with_header_lines_and_a_source_line():
    article = load_article(DATA / "header_lines.txt")
    assert article.format == "text" and article.convention == "blank_line"
    assert article.headline == "Central Asian Republic Signs Up to Abraham Accords"
    assert article.standfirst == "Kazakhstan becomes the first new member in five years."
    assert article.byline == "Test Writer" and article.source == "Test Fixture Gazette"
    assert article.published == datetime(2025, 11, 7, 6, 0, tzinfo=timezone.utc)
    assert [p.number for p in article.paragraphs] == [6, 7]
    assert article.paragraphs[0].text == "Kazakhstan will join the Abraham Accords, officials said on Thursday."
    assert [b.raw for b in article.boilerplate] == ["Tags: accords"]
    _offsets_hold(article)


def test_plain_text_without_header_lines_is_all_body():
    article = load_article(DATA / "no_header.txt")
    assert article.headline is None and article.standfirst is None and article.byline is None
    assert article.metadata_lines == () and article.boilerplate == ()
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].text.startswith("Kazakhstan will join the Abraham Accords")
    assert [p.number for p in article.paragraphs] == [1, 2, 3]
    assert set(article.line_roles().values()) == {"paragraph"}
    _offsets_hold(article)
    assert metadata_frame(article).set_index("field")["value"]["headline"] is None


def test_a_short_first_line_without_full_stop_is_the_headline_of_one_paragraph_per_line_text():
    article = load_article(DATA / "headline_one_per_line.txt")
    assert article.convention == "line"
    assert article.headline == "Astana joins accords"
    assert [p.line for p in article.paragraphs] == [2, 3, 4]
    _offsets_hold(article)


@pytest.mark.parametrize(
    "content",
    [
        "Officials said Kazakhstan would join.\nThe announcement came on Thursday.\n",  # first line ends a sentence
        "Only one line of text, with no full stop\n",  # nothing follows it
        "Kazakhstan joins the accords\nin a move the president announced on a call with both leaders\n"
        "that he described as a major step forward for the region and beyond it.\n",  # hard-wrapped start
    ],
)
def test_a_first_line_that_does_not_read_as_a_headline_stays_body(write_file, content):
    article = load_article(write_file(content))
    assert article.headline is None
    assert article.body_text.startswith(content.split("\n")[0].strip())


def test_hard_wrapped_wire_copy_is_unwrapped_with_each_line_break_audited():
    article = load_article(DATA / "wire_hard_wrapped.txt")
    assert article.convention == "hard_wrapped"
    assert len(article.paragraphs) == 3
    assert all("\n" not in p.text for p in article.paragraphs)
    assert article.paragraphs[1].text.startswith('"This is a major step forward')
    assert article.paragraphs[1].text.endswith("adding that more countries wanted to join.")
    breaks = [e for e in article.edits if e.rule == "line break inside a paragraph"]
    assert len(breaks) == 5 and all("\n" in e.before for e in breaks)
    _offsets_hold(article)
    at = article.body_text.index("normalisation agreements")  # the first words after a wrapped line break
    assert article.raw_text[article.raw_offset(at):article.raw_offset(at) + 24] == "normalisation agreements"
    assert article.raw_text[article.raw_offset(at) - 1] == "\n"
    assert sorted(article.line_roles()) == list(range(1, 9))  # every line is part of a paragraph


def test_crlf_file_without_blank_line_between_metadata_and_body():
    article = load_article(DATA / "crlf.txt")
    assert article.headline == "Accords Expand Again" and article.byline == "Test Writer"
    assert article.paragraphs[0].text == "Kazakhstan will join the accords, officials said."


def test_metadata_line_first_means_no_headline(write_file):
    article = load_article(write_file("By: Someone\n\nBody paragraph.\n"))
    assert article.headline is None and article.byline == "Someone"
    assert [p.text for p in article.paragraphs] == ["Body paragraph."]


def test_plain_record_keeps_its_keys_and_other_formats_add_provenance(article):
    assert set(article.to_record()) == {
        "body_text", "boilerplate", "byline", "edits", "headline", "metadata_lines", "paragraphs", "path",
        "published", "standfirst", "updated",
    }
    record = json.loads(json.dumps(load_article(DATA / "page.html").to_record()))
    assert record["format"] == "html" and record["source"] == "Test Fixture Herald" and record["convention"] == "line"
    assert "raw_text" not in record


# ------------------------------------------------------------------------------------ web pages
def test_saved_web_page_gives_main_text_title_author_dates_and_source():
    article = load_article(DATA / "page.html")
    assert article.format == "html"
    assert article.headline == "Kazakhstan joins the Abraham Accords"
    assert article.byline == "Test Writer"
    assert article.source == "Test Fixture Herald"
    assert article.url == "https://example.org/world/kazakhstan-accords"
    assert article.published == datetime(2025, 11, 7, 7, 15, tzinfo=timezone.utc)
    assert article.updated == datetime(2025, 11, 8, 8, 0, tzinfo=timezone.utc)
    assert [m.role for m in article.metadata_lines] == ["headline"]  # the <h1> is not a body paragraph
    assert len(article.paragraphs) == 4
    assert article.paragraphs[1].text.startswith("\u201cThis is a major step forward")
    _offsets_hold(article)


def test_web_page_markup_never_survives_as_markup_and_escaped_text_stays_text():
    article = load_article(DATA / "page.html")
    for furniture in ("alert(\"inline", "onerror", "color: red", "Home", "Copyright", "changed by a script"):
        assert furniture not in article.raw_text
    # the page showed these characters as text, so they are article text (data), decoded once
    assert "typed <script>alert(1)</script> into the comment box" in article.body_text
    assert "&lt;" not in article.body_text


def test_web_page_without_main_text_is_our_error():
    with pytest.raises(ArticleFormatError, match="HTML with no main text") as info:
        load_article(DATA / "no_main_text.html")
    assert info.value.path == DATA / "no_main_text.html" and info.value.field == "text"


@pytest.mark.parametrize(("content", "words"), [(b"", "empty"), (b"<html>\x00\x01\x02</html>", "binary")])
def test_empty_or_binary_web_page_is_our_error(write_file, content, words):
    path = write_file(content, "page.htm")
    with pytest.raises(ArticleFormatError, match=words) as info:
        load_article(path)
    assert info.value.path == path


def test_html_is_recognised_by_content_whatever_the_extension(write_file):
    path = write_file((DATA / "page.html").read_bytes(), "saved_page.txt")
    assert sniff_format(path) == "html"
    assert load_article(path).headline == "Kazakhstan joins the Abraham Accords"


# ------------------------------------------------------------------------------------ JSON Lines
def test_json_lines_gives_one_article_per_record_with_its_line():
    articles = list(load_articles(DATA / "records.jsonl"))
    assert all(isinstance(a, Article) for a in articles)
    assert [a.record for a in articles] == [1, 3, 4]  # line 2 is blank: not a record
    assert [a.article_id for a in articles] == ["records.jsonl:1", "records.jsonl:3", "records.jsonl:4"]
    first, second, third = articles
    assert first.headline == "Kazakhstan joins accords" and first.source == "Test Fixture Wire"
    assert first.url == "https://example.org/1"
    assert first.published == datetime(2025, 11, 7, 4, 30, tzinfo=timezone.utc)
    assert [p.text for p in first.paragraphs] == [
        "Kazakhstan will join the Abraham Accords, the US President announced.",
        '"This is a major step forward," he wrote on social media.',
    ]
    assert second.headline is None and second.published == datetime(2025, 11, 7, tzinfo=timezone.utc)
    assert second.convention == "line" and len(second.paragraphs) == 2
    assert third.source is None and third.published is None and len(third.paragraphs) == 1
    for article in articles:
        _offsets_hold(article)


def test_load_article_on_several_records_needs_a_line():
    path = DATA / "records.jsonl"
    with pytest.raises(ArticleFormatError, match=r"3 records \(lines 1, 3, 4\)"):
        load_article(path)
    assert load_article(path, line=3).source == "Test Fixture Daily"
    with pytest.raises(ArticleFormatError, match="no record on this line") as info:
        load_article(path, line=2)
    assert info.value.line == 2


def test_a_file_of_one_record_loads_without_a_line(write_file):
    path = write_file('{"text": "One paragraph of text.", "title": "T"}\n', "one.jsonl")
    assert load_article(path).headline == "T"
    assert sniff_format(write_file('{"text": "x"}\n', "one.txt")) == "jsonl"


@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        ('{"text": "Unclosed string}', None, "broken JSON line"),
        ('["a list"]', None, "must be a JSON object"),
        ('{"title": "No text"}', "text", "missing"),
        ('{"text": 42}', "text", "must be a string"),
        ('{"text": "   "}', "text", "empty"),
        ('{"text": "Body.", "title": ["a", "list"]}', "title", "must be a string"),
        ('{"text": "Body.", "published": "2025-11-07 10:15"}', "published", "no time zone"),
        ('{"text": "Body.", "published": "Thursday at noon GMT"}', "published", "does not parse"),
    ],
)
def test_a_bad_record_names_file_line_and_field_without_hiding_the_others(write_file, line, field, words):
    good = '{"text": "A good record."}'
    path = write_file("\n".join([good, line, good]) + "\n", "mixed.jsonl")
    results = list(load_articles(path))
    assert [type(r).__name__ for r in results] == ["Article", "RecordFormatError", "Article"]
    err = results[1]
    assert isinstance(err, RecordFormatError)
    assert err.path == path and err.line == 2 and err.field == field
    assert words in str(err) and str(path) in str(err) and "line 2" in str(err)
    with pytest.raises(ArticleFormatError, match=words):
        load_article(path, line=2)


@pytest.mark.parametrize(("content", "words"), [(b"", "empty"), (b'{"text": "a"}\n{"text": "\x00"}\n', "binary")])
def test_an_empty_or_binary_json_lines_file_is_one_error_for_the_file(write_file, content, words):
    path = write_file(content, "bad.jsonl")
    results = list(load_articles(path))
    assert len(results) == 1 and type(results[0]) is ArticleFormatError  # the file's, not a record's
    assert words in str(results[0]) and results[0].path == path


def test_a_line_that_is_not_utf8_spoils_only_its_record(write_file):
    content = b'{"text": "Good one."}\n' + '{"text": "Caf\u00e9"}'.encode("latin-1") + b'\n{"text": "Good two."}\n'
    results = list(load_articles(write_file(content, "mixed.jsonl")))
    assert [type(r).__name__ for r in results] == ["Article", "RecordFormatError", "Article"]
    assert "not UTF-8" in str(results[1]) and results[1].line == 2


def test_load_articles_yields_a_plain_file_as_one_article_or_one_error(write_file):
    assert [a.format for a in load_articles(DATA / "no_header.txt")] == ["text"]
    [err] = load_articles(write_file(b"\x00\x01", "binary.txt"))
    assert isinstance(err, ArticleFormatError) and "binary" in str(err)


def test_line_is_only_for_json_lines():
    with pytest.raises(ArticleFormatError, match="only for JSON Lines"):
        load_article(DATA / "no_header.txt", line=1)
