"""Quotations and who said them: the ``quotes`` spaCy component and its tables.

One module per concern:

- :mod:`.marks`: quotation marks paired on top of :mod:`analysis.paragraphs` (one implementation
  for the component, the quality flags and every other caller);
- :mod:`.lexicon`: the cue lexicon and the other word lists of ``data/reference/``;
- :mod:`.component`: the pipeline component (``nlp.add_pipe("quotes")``) and its Span extensions;
- :mod:`.table`: the tidy statements table, bulk extraction, Prodigy-style JSONL exchange;
- :mod:`.evaluate`: scores against the seed gold standard and the attribution development set.

Every name that used to live in the single ``analysis/quotes.py`` is re-exported here, so
``from analysis.quotes import ...`` keeps working.
"""
from __future__ import annotations

from .component import KINDS, SPAN_ATTRS, SPANS_KEY, QuoteAttributor, make_quotes
from .lexicon import CUES_FILE, CueLexicon, load_cues
from .marks import Segment, find_segments, normalise_quote, quote_ranges
from .table import (
    JSONL_ATTRS,
    STATEMENT_COLUMNS,
    apply_spans,
    display_options,
    extract_statements,
    extract_statements_many,
    jsonl_records,
    load_statements_doc,
    quote_warnings_frame,
    read_jsonl,
    statement_rows,
    statements_frame,
    statements_table,
)
from ..paragraphs import paragraph_bounds

__all__ = [
    "CUES_FILE", "CueLexicon", "JSONL_ATTRS", "KINDS", "QuoteAttributor", "SPAN_ATTRS", "SPANS_KEY", "STATEMENT_COLUMNS",
    "Segment", "apply_spans", "display_options", "extract_statements", "extract_statements_many", "find_segments",
    "jsonl_records", "load_cues", "load_statements_doc", "make_quotes", "normalise_quote", "paragraph_bounds",
    "quote_ranges", "quote_warnings_frame", "read_jsonl", "statement_rows", "statements_frame", "statements_table",
]
