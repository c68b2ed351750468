"""Stage 2, ``unnamed``: unnamed sources keep their description and are marked unnamed."""
from __future__ import annotations

import pytest

from statement_cases import one


@pytest.mark.parametrize("text, who", [
    ('"The talks are stuck," a senior official said.', "a senior official"),
    ('"Nobody wants this," officials said.', "officials"),
    ('Two diplomats said the offer was "final".', "Two diplomats"),
])
def test_unnamed_sources(nlp, text, who):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["unnamed"]) == (who, True)


def test_a_named_speaker_is_not_unnamed(nlp):
    assert one('"The talks are stuck," Tove Lund said.', nlp)["unnamed"] is False
