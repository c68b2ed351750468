"""Stage 2, ``relay``: "his office said" speaks for the office's owner; relay verbs name their object."""
from __future__ import annotations

from statement_cases import one


def test_his_office_speaks_for_him(nlp):
    text = 'Governor Ivo Marsh cancelled his visit.\n\n"The governor is unwell," his office said.'
    row = one(text, nlp)
    assert (row["speaker_entity"], row["attribution"]) == ("Ivo Marsh", "trigram+relay")


def test_a_passive_relay_speaks_for_its_subject(nlp):
    row = one('The Dockers\' Guild was quoted by the agency as saying it was "ready to talk".', nlp)
    assert (row["speaker_entity"], row["cue"]) == ("Dockers' Guild", "quoted")
