"""The tidy statements table, bulk extraction, Prodigy-style JSONL exchange and displaCy options."""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ReferenceDataError
from ..tables import json_lines
from .component import BOOLEAN_ATTRS, SPAN_ATTRS, SPANS_KEY
from .marks import normalise_quote

# --------------------------------------------------------------------------- tidy outputs
STATEMENT_COLUMNS = [
    "quote_id", "paragraph", "start", "end", "quote", "kind", "speaker", "speakers", "speaker_entity", "speaker_mention",
    "speaker_role", "actor_id", "cue", "channel", "attribution", "inherited", "continues", "duplicate_of", "unnamed",
    "nested", "open_at_end", "words",
]
#: Separator of the names in the ``speakers`` column (as in the other list columns of the tables).
LIST_SEPARATOR = "; "


def statement_rows(doc: Doc) -> list[dict[str, Any]]:
    """The quotation segments of ``doc`` as plain records (the rows of ``statements_frame``)."""
    rows = []
    for span in doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else []:
        row = {k: span._.get(k) for k in SPAN_ATTRS}
        row["speakers"] = LIST_SEPARATOR.join(row["speakers"] or []) or None
        row.update(start=span.start_char, end=span.end_char, quote=span.text, words=len(normalise_quote(span.text).split()))
        rows.append(row)
    return rows


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for col in columns:
        if col not in ("doc", "paragraph", "start", "end", "words", *BOOLEAN_ATTRS):
            frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    for col in BOOLEAN_ATTRS:
        frame[col] = frame[col].fillna(False).astype(bool)
    return frame


def statements_table(rows: Iterable[Mapping[str, Any]], front: Iterable[str] = ()) -> pd.DataFrame:
    """The statements table of many records of :func:`statement_rows` (``front`` columns first).

    One DataFrame for a whole corpus costs far less than one per document, and the columns get the
    same types as :func:`statements_frame`'s.
    """
    return _frame(list(rows), [*front, *STATEMENT_COLUMNS])


def statements_frame(doc: Doc) -> pd.DataFrame:
    """One row per quotation segment of ``doc.spans["quotes"]``, in text order.

    ``frame.attrs["paragraph_convention"]`` records how the text's paragraphs were split.
    """
    rows = sorted(statement_rows(doc), key=lambda r: r["start"])
    frame = _frame(rows, STATEMENT_COLUMNS)
    frame.attrs["paragraph_convention"] = doc._.paragraph_convention
    return frame


def extract_statements(text: str, nlp: Language | None = None) -> pd.DataFrame:
    """The statements table for plain text (any paragraph convention: blank lines, one per line, wrapped)."""
    from ..nlp import load_pipeline  # here, not at the top: nlp imports this module to register the component

    return statements_frame((nlp or load_pipeline())(text))


def extract_statements_many(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 64) -> pd.DataFrame:
    """Statements of many texts (batched ``nlp.pipe``), with a ``doc`` column (0-based text index)."""
    from ..nlp import load_pipeline

    nlp = nlp or load_pipeline()
    rows = []
    for n, doc in enumerate(nlp.pipe(texts, batch_size=batch_size)):
        rows.extend({"doc": n, **row} for row in sorted(statement_rows(doc), key=lambda r: r["start"]))
    return statements_table(rows, front=["doc"])


def quote_warnings_frame(doc: Doc) -> pd.DataFrame:
    """The unpaired-mark warnings of ``doc`` as a table."""
    return pd.DataFrame(doc._.quote_warnings, columns=["paragraph", "offset", "mark", "message"])


# --------------------------------------------------------------------------- JSONL exchange
#: Attributes carried in each JSONL span besides start, end and label.
JSONL_ATTRS = ("quote_id", "paragraph", "kind", "speaker", "speakers", "speaker_entity", "speaker_mention", "speaker_role",
               "actor_id", "cue", "channel", "attribution", "inherited", "continues", "duplicate_of", "unnamed", "nested",
               "open_at_end")


def jsonl_records(doc: Doc) -> list[dict[str, Any]]:
    """One Prodigy-style task per quotation: {"text", "spans": [{start, end, label, ...}], "meta"}."""
    records = []
    for span in doc.spans[SPANS_KEY]:
        entry = {"start": span.start_char, "end": span.end_char, "label": span.label_, "text": span.text,
                 "token_start": span.start, "token_end": span.end - 1}
        entry.update({k: span._.get(k) for k in JSONL_ATTRS})
        meta = {"quote_id": span._.quote_id, "paragraph_convention": doc._.paragraph_convention}
        records.append({"text": doc.text, "spans": [entry], "meta": meta})
    return records


def read_jsonl(path: str | Path) -> tuple[str, list[dict[str, Any]]]:
    """Read statements.jsonl back: the shared text and its spans in file order."""
    path = Path(path)
    text: str | None = None
    spans: list[dict[str, Any]] = []
    for line_no, record in json_lines(path):
        if text is None:
            text = record.get("text")
        elif record.get("text") != text:
            raise ReferenceDataError("all records must share one text", path=path, line=line_no, field="text")
        for span in record.get("spans", []):
            if not {"start", "end", "label"} <= span.keys():
                raise ReferenceDataError("span needs start, end and label", path=path, line=line_no, field="spans")
            spans.append(span)
    return text or "", spans


def apply_spans(doc: Doc, spans: Iterable[Mapping[str, Any]]) -> Doc:
    """Set ``doc.spans["quotes"]`` (and the Span extensions) from exported span records."""
    out = []
    for record in spans:
        span = doc.char_span(record["start"], record["end"], label=record["label"], alignment_mode="strict")
        if span is None:
            raise ReferenceDataError(f"span {record['start']}-{record['end']} does not align with tokens", field="spans")
        for key in JSONL_ATTRS:
            span._.set(key, record.get(key))
        out.append(span)
    doc.spans[SPANS_KEY] = out
    return doc


def load_statements_doc(path: str | Path, nlp: Language) -> Doc:
    """A Doc of the exported text (tokenised only) carrying the exported quotation spans and the
    paragraph convention recorded in the records' ``meta``."""
    text, spans = read_jsonl(path)
    doc = apply_spans(nlp.make_doc(text), spans)
    with Path(path).open(encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), None)
    if first is not None:
        doc._.paragraph_convention = json.loads(first).get("meta", {}).get("paragraph_convention")
    return doc


# --------------------------------------------------------------------------- displaCy
def display_options(doc: Doc, palette: Iterable[str] | None = None) -> dict[str, Any]:
    """displaCy ``style="span"`` options: the quotes key and one colour per speaker label."""
    from ..plots import COLOURS

    colours = list(palette or COLOURS)
    labels = sorted({s.label_ for s in doc.spans.get(SPANS_KEY, [])})
    return {"spans_key": SPANS_KEY, "colors": {lab: colours[i % len(colours)] + "66" for i, lab in enumerate(labels)}}


__all__ = [
    "STATEMENT_COLUMNS", "JSONL_ATTRS", "statement_rows", "statements_frame", "statements_table", "extract_statements",
    "extract_statements_many", "quote_warnings_frame", "jsonl_records", "read_jsonl", "apply_spans",
    "load_statements_doc", "display_options",
]
