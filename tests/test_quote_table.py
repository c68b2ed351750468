"""The statements table, bulk extraction, the Prodigy-style JSONL exchange and DocBin storage."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.errors import ReferenceDataError
from analysis.io import save_jsonl
from analysis.quotes import (
    SPANS_KEY,
    STATEMENT_COLUMNS,
    apply_spans,
    extract_statements,
    extract_statements_many,
    jsonl_records,
    load_statements_doc,
    statements_frame,
)


def test_new_columns_and_their_types(nlp):
    frame = extract_statements('"We object," say Lars Eng and Mira Holt.\n\n"We are tired," a union official said.', nlp)
    assert list(frame.columns) == STATEMENT_COLUMNS
    assert list(frame["speakers"]) == ["Lars Eng; Mira Holt", "a union official"]
    assert list(frame["unnamed"]) == [False, True]
    assert frame[["unnamed", "nested", "open_at_end", "inherited"]].dtypes.eq(bool).all()
    assert frame.attrs["paragraph_convention"] == "blank_line"


def test_speakers_is_a_real_list_in_the_jsonl(nlp):
    doc = nlp('"We object," say Lars Eng and Mira Holt.')
    (record,) = jsonl_records(doc)
    assert record["spans"][0]["speakers"] == ["Lars Eng", "Mira Holt"]
    assert record["meta"]["paragraph_convention"] == "single"


def test_paragraph_convention_survives_the_round_trip(nlp, tmp_path):
    doc = nlp('Lars Eng spoke.\n"We object," he said.\n"Loudly."')
    assert doc._.paragraph_convention == "line"
    back = load_statements_doc(save_jsonl(jsonl_records(doc), tmp_path / "s.jsonl"), nlp)
    assert back._.paragraph_convention == "line"


def test_bulk_extraction_matches_single(nlp):
    texts = ['"One," Ann Lee said.', "No quotes.", '"Two," Bo Park said.']
    bulk = extract_statements_many(texts, nlp, batch_size=2)
    assert list(bulk["doc"]) == [0, 2] and list(bulk["speaker"]) == ["Ann Lee", "Bo Park"]


def test_jsonl_round_trip(doc, nlp, tmp_path):
    path = save_jsonl(jsonl_records(doc), tmp_path / "statements.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(doc.spans[SPANS_KEY])
    first = json.loads(lines[0])
    assert first["text"] == doc.text and {"start", "end", "label"} <= first["spans"][0].keys()
    back = load_statements_doc(path, nlp)
    assert [(s.start_char, s.end_char, s.label_) for s in back.spans[SPANS_KEY]] == [
        (s.start_char, s.end_char, s.label_) for s in doc.spans[SPANS_KEY]]
    cols = [c for c in statements_frame(doc).columns]
    pd.testing.assert_frame_equal(statements_frame(back)[cols], statements_frame(doc)[cols])


def test_jsonl_loader_rejects_misaligned_spans(nlp):
    doc = nlp.make_doc("Hello world")
    with pytest.raises(ReferenceDataError):
        apply_spans(doc, [{"start": 1, "end": 4, "label": "X"}])


def test_docbin_keeps_spans_and_attributes(doc, nlp):
    from spacy.tokens import DocBin

    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    pd.testing.assert_frame_equal(statements_frame(back), statements_frame(doc))
    assert back._.quote_warnings == doc._.quote_warnings
