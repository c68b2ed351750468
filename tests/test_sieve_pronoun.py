"""Stage 2, ``pronoun``: he/she with a gender check, they/it for organisations and groups."""
from __future__ import annotations

from analysis.quotes import extract_statements
from statement_cases import one


def test_she_skips_a_man_mentioned_later(nlp):
    text = 'Ms Ana Lind met Mr Rui Costa in the capital.\n\n"We are not there yet," she said.'
    row = one(text, nlp)
    assert (row["speaker_entity"], row["speaker_mention"], row["attribution"]) == ("Ana Lind", "she", "trigram+pronoun")


def test_gender_from_the_text_of_earlier_sentences(nlp):
    text = 'Ana Lind said her ministry was ready. Rui Costa disagreed.\n\n"We are ready," she said.'
    assert one(text, nlp)["speaker_entity"] == "Ana Lind"


def test_they_is_an_organisation(nlp):
    row = one('The Dockers\' Guild rejected the offer.\n\n"We refuse," they said.', nlp)
    assert row["speaker_entity"] == "Dockers' Guild"


def test_she_after_an_organisation_and_its_leader(nlp):
    text = 'The Dockers\' Guild issued a statement. Its leader, Rita Costa, spoke later.\n\n"We refuse," she added.'
    assert one(text, nlp)["speaker_entity"] == "Rita Costa"


def test_a_pronoun_without_antecedent_stays_unattributed(nlp):
    row = one('"We are ready," she said.', nlp)
    assert row["speaker"] is None and row["speaker_entity"] is None and row["speaker_mention"] == "she"


def test_him_in_a_relay(nlp):
    row = one('Rui Costa resigned. A statement attributed to him said: "I am tired."', nlp)
    assert row["speaker_entity"] == "Rui Costa"
def test_pronoun_resolves_to_last_attributed_person(nlp):
    frame = extract_statements('"The talks went well," Ines Moreau said.\n\n"There is more to do," she added in an interview.', nlp)
    second = frame.iloc[1]
    assert (second["speaker"], second["speaker_mention"], second["cue"], second["channel"]) == ("Ines Moreau", "she", "added", "interview")
    assert second["attribution"].endswith("+pronoun")
