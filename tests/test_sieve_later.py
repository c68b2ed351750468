"""Stage 2, ``later``: an indefinite description opening a paragraph is the person the next paragraphs name."""
from __future__ import annotations

import pytest

from statement_cases import rows


@pytest.mark.parametrize("text, speaker", [
    ('A beekeeper in Devon has lost all 40 of her hives to hornets, warning that the insects are "unstoppable".\n\n'
     'Meredith Calloway-Penn, a beekeeper for thirty years, said the losses had been "heartbreaking".',
     "Meredith Calloway-Penn"),
    ('A crown court judge has refused bail to a builder, calling the risk of flight "very real".\n\n'
     'The builder, 51, faces nine charges.\n\n'
     '"The pattern did not stop," Justice Orla Brennan-Fay wrote in her decision.', "Orla Brennan-Fay"),
])
def test_an_indefinite_description_opening_a_story_is_the_person_named_next(nlp, text, speaker):
    row = rows(text, nlp)[0]
    assert (row["speaker_entity"], row["unnamed"], row["attribution"]) == (speaker, False, "parse+later")


def test_an_indefinite_description_nobody_is_named_as_stays_unnamed(nlp):
    row = rows('A senior official said the talks were "stuck".\n\nThe minister, Ana Reyes, declined to comment.', nlp)[0]
    assert (row["speaker_entity"], row["unnamed"]) == ("A senior official", True)


@pytest.mark.parametrize("text, speaker", [
    ('Rovers manager Tomasz Bielecki praised the referee.\n\nHarriers boss Anneke Vos, a title-winning '
     'goalkeeper herself in 2011, was less generous. "That was never a penalty," the former goalkeeper said.',
     "Anneke Vos"),
    ('The inquiry heard from Dr Ruairi Quigley, a retired surgeon, on Tuesday. "The ward was understaffed every '
     'night I worked there," the surgeon said.', "Ruairi Quigley"),
])
def test_a_description_points_back_to_the_name_it_was_set_off_after(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('A woman who drove the wrong way along a motorway for six miles told magistrates she had "panicked".\n\n'
     'Bethan Rhys-Amadi, 44, of Barry, admitted dangerous driving at Cardiff Magistrates Court.', "Bethan Rhys-Amadi"),
    ('A man who set fire to a neighbour\'s shed said he had been "trying to burn leaves".\n\n'
     'Declan Mulcahy, 31, was given a community order on Friday.', "Declan Mulcahy"),
])
def test_a_man_or_woman_opening_a_story_is_the_person_the_next_paragraph_names(nlp, text, speaker):
    assert rows(text, nlp)[0]["speaker_entity"] == speaker


def test_a_man_in_a_later_sentence_of_a_paragraph_is_not_named_by_the_next_paragraph(nlp):
    text = ('Police closed the bridge on Friday. A man who saw the crash said it was "like a bomb".\n\n'
            'Inspector Ruth Adeyemi-Cole asked drivers to avoid the area.')
    assert rows(text, nlp)[0]["speaker_entity"] != "Ruth Adeyemi-Cole"


def test_the_gendered_noun_of_a_story_opening_is_the_person_named_next_and_her_she(nlp):
    text = ('‘I would do it again’: farmer who blocked the lorries cleared\n\n'
            'A 68-year-old grandmother who parked her tractor across a quarry road has been cleared of obstruction.\n\n'
            'Gwenllian Price-Ormerod told magistrates she had been given ‘no warning’ of the blasting.\n\n'
            'District Judge Harriet Lowe said the quarry had not shown the blasting was lawful. ‘The case fails,’ she '
            'said.\n\nOutside court, the grandmother was cheered by neighbours. ‘I would do it again tomorrow,’ she said.')
    found = rows(text, nlp)
    assert [r["speaker_entity"] for r in found if r["quote"].startswith("I would do it again")] == ["Gwenllian Price-Ormerod"] * 2
