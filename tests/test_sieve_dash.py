"""Stage 1, ``dash``: a name after a dash that follows the closing mark."""
from __future__ import annotations

import pytest

from statement_cases import one, rows


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "-"])
def test_dash_attribution(nlp, dash):
    row = one(f'"We build bridges, not walls." {dash} Tove Lund', nlp)
    assert (row["speaker_entity"], row["cue"], row["attribution"]) == ("Tove Lund", None, "dash")


def test_a_dash_inside_the_sentence_is_not_an_attribution(nlp):
    row = one('The slogan "bridges, not walls" \u2013 printed on every bus \u2013 was everywhere.', nlp)
    assert row["speaker"] is None


def test_a_role_in_lower_case_before_the_name(nlp):
    text = ('United 1 Forest 1: what they said\n'
            '"We should have won it." \u2014 United coach Marta Ribeiro\n'
            '"A fair result." \u2014 referee Kofi Asante, speaking to reporters')
    assert [r["speaker_entity"] for r in rows(text, nlp)] == ["Marta Ribeiro", "Kofi Asante"]


def test_names_broken_by_the_wrap_of_indented_wire_copy(nlp):
    text = ('  Quotes of the day from the harbour inquiry, which closed on Friday after\n'
            'nine weeks:\n'
            '  "We were told the crane was safe." - Crane driver Piotr\n'
            'Nowak\n'
            '  "Nobody read the report." - Counsel for the families, Aoife\n'
            'Brennan\n')
    found = rows(text, nlp)
    assert [(r["speaker_entity"], r["attribution"]) for r in found] == [("Piotr Nowak", "dash"), ("Aoife Brennan", "dash")]


def test_a_dash_attribution_ends_before_the_person_it_is_about(nlp):
    text = ("Mirela Stanescu's side beat the Glenmore Otters. Striker Ana Voss scored twice.\n\n"
            "Quote of the week\n\n"
            "\u201cI told her to shoot less. She shot more and scored twice.\u201d \u2014 Harbour Hawks coach Mirela Stanescu "
            "on Voss")
    assert rows(text, nlp)[-1]["speaker_entity"] == "Mirela Stanescu"


@pytest.mark.parametrize("text, speaker", [
    ('Overheard at the weekend.\n\n"Ref, that was never a penalty." - Harriers captain Joel Amankwah-Stone to referee '
     'Dominic Fairclough, after the final whistle', "Joel Amankwah-Stone"),
    ("Overheard at the weekend.\n\n\u201cKeep your head, son.\u201d \u2013 Dockers coach Marta Lindqvist to winger "
     "Ruben Osei at half-time", "Marta Lindqvist"),
])
def test_the_one_spoken_to_after_the_dash_attribution_is_not_the_speaker(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker
