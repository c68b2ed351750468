"""The one marks layer: which characters open and close quotations, per paragraph."""
from __future__ import annotations

import pytest

from analysis.quotes.marks import find_segments, quote_ranges


def quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_segments(text)[0]]


@pytest.mark.parametrize("text, expected", [
    ('He said "yes" and \u201cno\u201d.', ["yes", "no"]),
    ("The plan was \u2018a good start\u2019, she said.", ["a good start"]),
    ("'We are ready,' she said.", ["We are ready"]),
])
def test_double_and_single_marks_pair(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "O'Brien and O\u2019Neill don't agree.",
    "The teams' plans and the players\u2019 wages are late.",
    "Sales peaked in the \u201990s and the '80s.",
])
def test_apostrophes_are_never_delimiters(text):
    segments, warnings = find_segments(text)
    assert segments == [] and warnings == []


def test_an_apostrophe_inside_a_single_quotation_does_not_close_it():
    assert quoted("\u2018The teams\u2019 plans are good,\u2019 she said.") == ["The teams\u2019 plans are good"]


def test_a_straight_single_title_ending_in_s_closes_before_a_preposition():
    text = "The theatre has staged 'The Last Ferry' and 'Old Friends' at the same venue, and the actors' union agreed."
    assert quoted(text) == ["The Last Ferry", "Old Friends"]


def test_a_nested_quotation_points_at_its_outer_one():
    text = '"They wrote \u2018never again\u2019 on the wall," he said.'
    outer, inner = find_segments(text)[0]
    assert (outer.depth, inner.depth, inner.parent, text[inner.start:inner.end]) == (0, 1, 0, "never again")
    assert inner.nested and not outer.nested


def test_a_quotation_continued_by_the_next_paragraph():
    text = '"First part.\n\n"Second part."'
    first, second = find_segments(text)[0]
    assert (first.ending, first.close_mark, second.after_open) == ("continued", None, True)


def test_truncated_text_keeps_the_open_quotation():
    text = 'She wrote:\n\n"We will never accept this and'
    (seg,), warnings = find_segments(text)
    assert seg.open_at_end and text[seg.start:seg.end] == "We will never accept this and" and seg.end == len(text)
    assert warnings == []


def test_a_missing_closing_mark_ends_with_its_paragraph_and_warns():
    text = 'He said "we will go.\n\nThe meeting ended. Nobody spoke.'
    (seg,), (warning,) = find_segments(text)
    assert seg.ending == "unclosed" and text[seg.start:seg.end] == "we will go."
    assert warning["offset"] == text.index('"') and "not closed" in warning["message"]


def test_a_new_opening_mark_ends_an_unclosed_quotation_at_its_sentence_end():
    text = 'He said "we go. Then he left. "Fine," she said.'
    assert quoted(text) == ["we go. Then he left.", "Fine"]
    assert "missing" in find_segments(text)[1][0]["message"]


@pytest.mark.parametrize("text, first", [
    ('The judge said it was \u201ca miracle nobody died. She called the footage \u201cterrifying\u201d.',
     "a miracle nobody died."),
    ('Ms Orr said the plan was \u201cdead. Mr Lee called it \u201ca fantasy\u201d on Monday.', "dead."),
])
def test_a_curly_opening_mark_after_a_finished_sentence_ends_an_unclosed_quotation(text, first):
    segments, warnings = find_segments(text)
    assert [text[s.start:s.end] for s in segments] == [first, text[text.rindex("\u201c") + 1:text.rindex("\u201d")]]
    assert segments[1].depth == 0 and "missing" in warnings[0]["message"]


def test_a_curly_opening_mark_inside_an_unfinished_sentence_nests():
    text = '\u201cThey told us \u201cgo home\u201d and we did,\u201d said Ola Brandt.'
    segments, _ = find_segments(text)
    assert sorted(s.depth for s in segments) == [0, 1]


def test_a_stray_closing_mark_is_a_warning():
    segments, warnings = find_segments("It measured 6\" across and 4\u201d deep.")
    assert segments == [] and len(warnings) == 2


def test_one_paragraph_per_line_never_pairs_across_lines():
    text = 'Ana Pires spoke.\n"We are ready," she said.\n"The plan is done.\n"And it works."'
    segments = find_segments(text)[0]
    assert [s.paragraph for s in segments] == [2, 3, 4]
    assert segments[1].ending == "continued"


def test_quote_ranges_include_the_marks_of_outer_quotations():
    text = 'A "b \u2018c\u2019" d.\n\n"open'
    assert [text[a:b] for a, b in quote_ranges(text)] == ['"b \u2018c\u2019"', '"open']


@pytest.mark.parametrize("text, expected", [
    ("Radio review: 'Night Owls' returns, and it's sharper than ever", ["Night Owls"]),
    ("The set leans on rock 'n' roll, and 'Dock Road' closes the night.", ["Dock Road"]),
    ("'It's the best job I've had,' he wrote.", ["It's the best job I've had"]),
])
def test_straight_single_marks_around_a_title_pair_and_an_elision_does_not(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She called it \u2018a fish \u2019n\u2019 chips supper for the whole town\u2019, and meant it.",
     ["a fish \u2019n\u2019 chips supper for the whole town"]),
    ("He wanted \u2018a rock \u2019n\u2019 roll record made by\nfolk singers\u2019 from the start.",
     ["a rock \u2019n\u2019 roll record made by\nfolk singers"]),
    ("The critic called the tour 'a rock 'n' roll circus', and the band agreed.", ["a rock 'n' roll circus"]),
])
def test_a_clipped_n_inside_single_marks_does_not_close_them(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The coach said they had \u2018tried about twenty players\u2019 before settling on Ruiz.",
     ["tried about twenty players"]),
    ("She said the firm had 'paid the suppliers' after the audit, not before.", ["paid the suppliers"]),
    ("Fans said the club had \u2018sold its best players\u2019 without a plan.", ["sold its best players"]),
])
def test_a_single_mark_after_s_closes_before_a_word_no_one_owns(text, expected):
    assert quoted(text) == expected
