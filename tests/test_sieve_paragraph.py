"""Stage 1, ``paragraph``: a quotation without a cue of its own after an attribution earlier in its paragraph."""
from __future__ import annotations

from statement_cases import one, rows


def test_an_attribution_earlier_in_the_paragraph(nlp):
    row = one('The fund has raised 9,000 crowns, Tove Lund said on Monday. "It is more than we hoped for."', nlp)
    assert (row["speaker_entity"], row["cue"], row["attribution"]) == ("Tove Lund", "said", "paragraph")


def test_not_across_a_paragraph_break(nlp):
    found = rows('The fund has raised 9,000 crowns, Tove Lund said.\n\nThe weather turned.\n\n"It is more than we hoped."', nlp)
    assert found[0]["speaker"] is None
