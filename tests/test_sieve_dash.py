"""Stage 1, ``dash``: a name after a dash that follows the closing mark."""
from __future__ import annotations

import pytest

from statement_cases import one


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "-"])
def test_dash_attribution(nlp, dash):
    row = one(f'"We build bridges, not walls." {dash} Tove Lund', nlp)
    assert (row["speaker_entity"], row["cue"], row["attribution"]) == ("Tove Lund", None, "dash")


def test_a_dash_inside_the_sentence_is_not_an_attribution(nlp):
    row = one('The slogan "bridges, not walls" \u2013 printed on every bus \u2013 was everywhere.', nlp)
    assert row["speaker"] is None
