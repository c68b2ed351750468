"""Stage 2, ``description``: "the minister", "the president", "the ministry" resolve to an entity."""
from __future__ import annotations

from statement_cases import one, rows


def test_the_minister_is_the_person_with_that_title(nlp):
    row = one('Transport Minister Ana Pires opened the bridge.\n\n"It is done," the minister said.', nlp)
    assert (row["speaker_entity"], row["speaker_mention"], row["attribution"]) == (
        "Ana Pires", "the minister", "trigram+description")


def test_the_president_resolves_when_the_text_names_one(nlp):
    found = rows('President Lina Sorel opened the summit.\n\n"Peace through trade," the president said.', nlp)
    assert found[0]["speaker_entity"] == "Lina Sorel"


def test_a_role_from_an_apposition(nlp):
    row = one('Rui Costa, the union leader, spoke first.\n\n"We walk out at noon," the leader said.', nlp)
    assert row["speaker_entity"] == "Rui Costa"


def test_the_organisation_described_by_its_kind(nlp):
    row = one('The Federation of Bakers called a strike.\n\n"We will not bake," the federation said.', nlp)
    assert row["speaker_entity"] == "Federation of Bakers"


def test_a_description_nobody_holds_stays_as_written(nlp):
    row = one('"Peace through trade," the president said.', nlp)
    assert (row["speaker_entity"], row["attribution"]) == ("the president", "trigram+unresolved")


def test_a_plural_description_names_the_people_it_counts(nlp):
    text = ('Foreign Minister Ana Pires and her counterpart, Rui Costa, met in Lisbon.\n\n'
            '"The border opens in May," the two ministers said.')
    row = one(text, nlp)
    assert row["speakers"] == "Ana Pires; Rui Costa"


def test_an_unnamed_source_is_found_again_by_its_noun(nlp):
    found = rows('A senior diplomat said talks had stalled.\n\n"Nobody is moving," the diplomat said.', nlp)
    assert (found[0]["speaker_entity"], found[0]["unnamed"]) == ("A senior diplomat", True)
