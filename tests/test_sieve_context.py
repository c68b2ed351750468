"""Stage 1, ``context``: a quotation alone in its paragraph after a paragraph about one person."""
from __future__ import annotations

from statement_cases import one, rows


def test_a_lone_quotation_goes_to_the_person_of_the_previous_paragraph(nlp):
    row = one('Tove Lund has run the harbour for ten years.\n\n"Nobody knows these docks better."', nlp)
    assert (row["speaker_entity"], row["attribution"], row["cue"]) == ("Tove Lund", "context", None)


def test_not_when_the_previous_paragraph_names_two_people(nlp):
    row = one('Tove Lund met Ivo Marsh at the harbour.\n\n"Nobody knows these docks better."', nlp)
    assert row["speaker"] is None


def test_not_when_the_quotation_shares_its_paragraph(nlp):
    found = rows('Tove Lund runs the harbour.\n\nThe mayor disagrees with "nobody knows the docks".', nlp)
    assert found[0]["attribution"] != "context"
