"""Stage 1, ``colon``: a headline or caption that names the speaker before a colon and the quotation."""
from __future__ import annotations

import pytest

from statement_cases import rows


@pytest.mark.parametrize("headline, speaker", [
    ("Minister: \u2018No return to the old rules\u2019", "Yasmin Chaudhry"),
    ('Chaudhry: "No return to the old rules"', "Yasmin Chaudhry"),
])
def test_a_headline_names_the_speaker_before_the_colon(nlp, headline, speaker):
    text = f"{headline}\n\nThe housing minister, Yasmin Chaudhry, ruled out the change on Tuesday."
    row = rows(text, nlp)[0]
    assert (row["speaker_entity"], row["cue"]) == (speaker, None) and row["attribution"].startswith("colon")


def test_a_sentence_with_a_verb_before_the_colon_is_not_a_headline(nlp):
    row = rows('Yasmin Chaudhry told the committee: "No return to the old rules."', nlp)[0]
    assert (row["speaker_entity"], row["cue"], row["attribution"]) == ("Yasmin Chaudhry", "told", "trigram")
