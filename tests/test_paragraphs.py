"""The one paragraph splitter: conventions detected per text, offsets exact."""
from __future__ import annotations

import pytest

from analysis.paragraphs import detect_convention, layout, paragraph_bounds, paragraph_index

BLANK = "First paragraph, one line.\n\nSecond paragraph\nwrapped on two lines.\n\n\nThird."
PER_LINE = 'Minister Ana Pires spoke on Monday.\n"We are ready," she said.\n"The plan is done."\nThe talks end today.'
WIRE = (
    "LISBON (Wire) - The dockers' union said on Monday that the strike would\n"
    "go ahead unless the port authority made a new offer before the end of\n"
    "the week.\n"
    "The port authority, which runs the terminals, said it had no plans to\n"
    "change its offer.\n"
)


def _texts(text):
    return [text[a:b] for a, b in paragraph_bounds(text)]


def test_blank_lines_separate_paragraphs_and_single_newlines_are_wraps():
    assert detect_convention(BLANK) == "blank_line"
    assert _texts(BLANK) == ["First paragraph, one line.", "Second paragraph\nwrapped on two lines.", "Third."]


def test_one_paragraph_per_line_is_detected():
    assert detect_convention(PER_LINE) == "line"
    assert len(_texts(PER_LINE)) == 4
    assert _texts(PER_LINE)[2] == '"The plan is done."'


def test_hard_wrapped_wire_copy_is_not_split_at_every_line():
    assert detect_convention(WIRE) == "hard_wrapped"
    paragraphs = _texts(WIRE)
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("LISBON") and paragraphs[0].endswith("the week.")
    assert paragraphs[1].endswith("change its offer.")


def test_indented_first_lines_start_paragraphs_in_wrapped_text():
    text = ("  The council met on Tuesday and voted to delay the decision on the\n"
            "new bridge until the spring, officials said.\n"
            "  Residents had asked for a public hearing on the plan, which would\n"
            "close the old road for two years.\n")
    assert detect_convention(text) == "hard_wrapped"
    assert len(paragraph_bounds(text)) == 2


def test_an_indent_starts_a_paragraph_even_when_most_lines_end_with_a_name():
    text = ('  Quotes of the day from the harbour inquiry, which closed on Friday after\n'
            'nine weeks:\n'
            '  "We were told the crane was safe." - Crane driver Piotr\n'
            'Nowak\n'
            '  "Nobody read the report." - Counsel for the families, Aoife\n'
            'Brennan\n')
    assert detect_convention(text) == "hard_wrapped"
    assert [t.split(" - ")[-1] if " - " in t else t[:6] for t in _texts(text)] == [
        "Quotes", "Crane driver Piotr\nNowak", "Counsel for the families, Aoife\nBrennan"]


def test_single_line_and_empty_text():
    assert detect_convention("Just one line.") == "single"
    assert paragraph_bounds("  Just one line.  ") == [(2, 16)]
    assert paragraph_bounds("") == []


def test_index_maps_offsets_and_a_gap_belongs_to_the_paragraph_before():
    assert paragraph_index(BLANK, 0) == 1
    assert paragraph_index(BLANK, BLANK.index("Second")) == 2
    assert paragraph_index(BLANK, BLANK.index("Second") - 1) == 1  # the gap after a paragraph belongs to it
    assert paragraph_index(BLANK, BLANK.index("Third")) == 3
    assert layout(PER_LINE).index(PER_LINE.index("The talks")) == 4


def test_a_convention_can_be_forced_and_must_be_known():
    assert len(paragraph_bounds(WIRE, "line")) == 5
    with pytest.raises(ValueError, match="unknown paragraph convention"):
        layout(WIRE, "columns")


def test_unfinished_lines_followed_by_a_capital_are_still_one_paragraph_each():
    blog = ('09:10 Storm warning raised to red\n'
            '"Stay indoors." - Weather Service\n'
            '09:25 Ferries cancelled for the day, the operator says.\n'
            '09:40 Schools in the north will close at noon\n')
    assert detect_convention(blog) == "line"
    assert len(paragraph_bounds(blog)) == 4
