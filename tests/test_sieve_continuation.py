"""Stage 1, ``continuation``: a quotation without a cue continues the one before it."""
from __future__ import annotations

from statement_cases import rows


def test_continuation_across_paragraphs(nlp):
    text = ('"The first part of my answer is simple," Paul Reyes said at a town hall meeting.\n\n'
            '"The second part takes longer.\n\n"And the third part is for next week."')
    found = rows(text, nlp)
    assert [r["speaker"] for r in found] == ["Paul Reyes"] * 3
    assert [r["continues"] for r in found] == [None, "q1", "q2"]
    assert [r["inherited"] for r in found] == [False, True, True]
    assert {r["channel"] for r in found} == {"speech/remarks"}


def test_second_quotation_in_a_paragraph_continues_the_first(nlp):
    first, second = rows('"We signed," Ada Moss said after the vote. "Now the work starts."', nlp)
    assert second["speaker"] == "Ada Moss" and second["continues"] == "q1" and second["cue"] == "said"


def test_one_paragraph_per_line(nlp):
    text = 'Ada Moss chaired the vote.\n"We signed," Moss said.\n"Now the work starts."'
    found = rows(text, nlp)
    assert [r["speaker_entity"] for r in found] == ["Ada Moss", "Ada Moss"]
    assert [r["paragraph"] for r in found] == [2, 3]


def test_attribution_never_crosses_an_unrelated_paragraph(nlp):
    found = rows('"First," Sara Kim said.\n\nThe weather was cold.\n\n"Second."', nlp)
    assert [r["speaker"] for r in found] == ["Sara Kim", None]


def test_a_second_partial_quotation_joined_by_and(nlp):
    first, second = rows('Ada Moss said the plan was "late" and "too costly".', nlp)
    assert (second["kind"], second["speaker_entity"]) == ("partial", "Ada Moss")
