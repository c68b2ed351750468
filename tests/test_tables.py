"""The shared reader of curated tables: every bad table gets our error, naming file, line and column."""
from __future__ import annotations

import pytest

from analysis.errors import ReferenceDataError
from analysis.tables import json_lines, read_rows, source_urls

COLUMNS = ("name", "note", "source")


def test_rows_carry_their_starting_line_and_stripped_cells(write_file):
    path = write_file('name,note,source,extra\n  a ,"two\nlines",https://x.org,1\nb,, https://y.org ,2\n', "t.csv")
    rows = read_rows(path, COLUMNS)
    assert [(r.line, r["name"], r["note"], r["source"]) for r in rows] == [
        (2, "a", "two\nlines", "https://x.org"),
        (4, "b", "", "https://y.org"),
    ]


def test_keep_spacing_keeps_a_cell_as_written(write_file):
    path = write_file("name,note,source\n a  b ,n,https://x.org\n", "t.csv")
    assert read_rows(path, COLUMNS, keep_spacing=("name",))[0]["name"] == " a  b "


@pytest.mark.parametrize(
    ("content", "line", "field", "words"),
    [
        ("name,source\na,https://x.org\n", 1, "note", "missing column"),
        ("name,note,source\na,b,https://x.org,surplus\n", 2, None, "number of cells"),
        ("name,note,source\na,b\n", 2, None, "number of cells"),
        ("name,note,source\n,b,https://x.org\n", 2, "name", "missing name"),
        ("name,note,source\n", None, None, "no rows"),
    ],
)
def test_bad_tables(write_file, content, line, field, words):
    path = write_file(content, "t.csv")
    with pytest.raises(ReferenceDataError, match=words) as info:
        read_rows(path, COLUMNS, required=("name",))
    assert (info.value.path, info.value.line, info.value.field) == (path, line, field)
    assert str(path) in str(info.value)


def test_unreadable_tables(write_file, tmp_path):
    with pytest.raises(ReferenceDataError, match="file not found"):
        read_rows(tmp_path / "missing.csv", COLUMNS)
    with pytest.raises(ReferenceDataError, match="not UTF-8"):
        read_rows(write_file("name,note,source\nCaf\u00e9,,\n".encode("latin-1"), "t.csv"), COLUMNS)


def test_empty_table_allowed_when_asked(write_file):
    assert read_rows(write_file("name,note,source\n", "t.csv"), COLUMNS, allow_empty=True) == []


def test_source_urls(tmp_path):
    assert source_urls("https://a.org/x ; http://b.org", path=tmp_path, line=3) == ["https://a.org/x", "http://b.org"]
    for cell, words in (("", "missing source"), ("example.org", "not a URL")):
        with pytest.raises(ReferenceDataError, match=words) as info:
            source_urls(cell, path=tmp_path, line=3)
        assert (info.value.line, info.value.field) == (3, "source")


def test_json_lines_skip_blank_lines_and_keep_line_numbers(write_file):
    path = write_file('{"a": 1}\n\n  \n["b"]\n', "t.jsonl")
    assert list(json_lines(path)) == [(1, {"a": 1}), (4, ["b"])]


def test_json_lines_name_the_file_and_line_that_is_not_json(write_file):
    path = write_file('{"a": 1}\n{"a": \n', "t.jsonl")
    records = json_lines(path)
    assert next(records) == (1, {"a": 1})
    with pytest.raises(ReferenceDataError) as err:
        next(records)
    assert (err.value.path.name, err.value.line) == ("t.jsonl", 2)
