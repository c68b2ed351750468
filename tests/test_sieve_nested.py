"""Stage 1, ``nested``: a quotation inside another keeps the outer speaker."""
from __future__ import annotations

from statement_cases import rows


def test_a_nested_quotation_keeps_the_outer_speaker(nlp):
    outer, inner = rows('"The sign said \u2018closed\u2019 when we arrived," Ivo Marsh said.', nlp)
    assert (outer["nested"], inner["nested"]) == (False, True)
    assert inner["speaker_entity"] == outer["speaker_entity"] == "Ivo Marsh"
    assert inner["attribution"] == "nested"


def test_double_marks_nested_in_single_ones(nlp):
    outer, inner = rows("\u2018They shouted \u201cout\u201d at us,\u2019 Ivo Marsh said.", nlp)
    assert inner["nested"] and inner["speaker_entity"] == "Ivo Marsh" == outer["speaker_entity"]
