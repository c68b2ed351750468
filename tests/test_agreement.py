"""The second-annotation loader: checked field by field, scored by the development set's own measure."""
from __future__ import annotations

import json

import pytest

from analysis.errors import ReferenceDataError
from analysis.quotes.agreement import as_gold, load_second_annotation
from analysis.quotes.evaluate import compare_cases

TEXT = "\u201cWe will appeal,\u201d said Ana Pires. Her lawyer, Rui Costa, added: \u201cThe ruling is wrong.\u201d"


def quote(text: str, words: str, speaker: str | None) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "quote": words, "kind": "full", "speaker": speaker,
            "speakers": [speaker] if speaker else [], "speaker_mention": None, "cue": None, "unnamed": False,
            "nested": False, "open_at_end": False, "note": ""}


@pytest.fixture
def cases() -> list[dict]:
    return [{"id": "relay-z01", "family": "relay", "split": "test8", "marks": "curly", "convention": "blank_line",
             "text": TEXT, "quotes": [quote(TEXT, "We will appeal", "Ana Pires"), quote(TEXT, "The ruling is wrong.", "Rui Costa")]}]


def label(n: int, speaker: str | None, **extra) -> dict:
    return {"n": n, "kind": "full", "speaker": speaker, "speakers": [speaker] if speaker else [], "unnamed": False,
            "confidence": "sure", "why": "", **extra}


def write(tmp_path, records) -> str:
    path = tmp_path / "second.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_a_second_reader_who_names_the_same_speakers_agrees_fully(tmp_path, cases):
    second = load_second_annotation(write(tmp_path, [{"id": "relay-z01", "labels": [label(1, "Ana Pires"), label(2, "Rui Costa")]}]), cases)
    assert compare_cases(cases, second)["speaker_correct"].tolist() == [True, True]


def test_a_different_speaker_is_a_disagreement_and_casefolding_is_not(tmp_path, cases):
    second = load_second_annotation(write(tmp_path, [{"id": "relay-z01", "labels": [label(1, "ana pires"), label(2, "Ana Pires")]}]), cases)
    assert compare_cases(cases, second)["speaker_correct"].tolist() == [True, False]


def test_as_gold_makes_the_second_reader_the_reference(tmp_path, cases):
    second = load_second_annotation(write(tmp_path, [{"id": "relay-z01", "labels": [label(1, "Ana Pires"), label(2, "Ana Pires")]}]), cases)
    relabelled = as_gold(cases, second)
    assert [q["speaker"] for q in relabelled[0]["quotes"]] == ["Ana Pires", "Ana Pires"]
    assert [q["speaker"] for q in cases[0]["quotes"]] == ["Ana Pires", "Rui Costa"]  # the first annotation is untouched


@pytest.mark.parametrize("records, line, field", [
    ([{"id": "relay-z01", "labels": [label(1, "Ana Pires")]}], 1, "labels"),  # one label for two quotations
    ([{"id": "relay-z01", "labels": [label(1, "Ana Pires"), label(3, "Rui Costa")]}], 1, "n"),
    ([{"id": "relay-z01", "labels": [label(1, "Ana Pires"), label(2, "Rui Costa", speakers=["Ana Pires"])]}], 1, "speakers"),
    ([{"id": "relay-z01", "labels": [label(1, "Ana Pires"), label(2, "Rui Costa", kind="quote")]}], 1, "kind"),
    ([{"id": "other-z02", "labels": []}, {"id": "relay-z01", "labels": [label(1, "Ana Pires"), {"n": 2}]}], 2, "kind"),
    ([{"id": "relay-z01", "labels": []}, {"id": "relay-z01", "labels": []}], 2, "id"),
])
def test_a_malformed_label_file_names_its_line_and_field(tmp_path, cases, records, line, field):
    with pytest.raises(ReferenceDataError) as err:
        load_second_annotation(write(tmp_path, records), cases)
    assert (err.value.line, err.value.field) == (line, field)
    assert "second.jsonl" in str(err.value)


def test_a_case_nobody_labelled_is_an_error(tmp_path, cases):
    with pytest.raises(ReferenceDataError, match="not labelled, first relay-z01"):
        load_second_annotation(write(tmp_path, [{"id": "other-z02", "labels": []}]), cases)
