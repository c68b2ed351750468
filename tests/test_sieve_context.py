"""Stage 1, ``context``: a quotation alone in its paragraph after a paragraph about one person."""
from __future__ import annotations

import pytest

from statement_cases import one, rows


def test_a_lone_quotation_goes_to_the_person_of_the_previous_paragraph(nlp):
    row = one('Tove Lund has run the harbour for ten years.\n\n"Nobody knows these docks better."', nlp)
    assert (row["speaker_entity"], row["attribution"], row["cue"]) == ("Tove Lund", "context", None)


def test_the_subject_of_the_previous_paragraph_wins_over_other_names(nlp):
    row = one('Tove Lund met Ivo Marsh at the harbour.\n\n"Nobody knows these docks better."', nlp)
    assert row["speaker_entity"] == "Tove Lund"


def test_a_pronoun_subject_counts_for_its_person(nlp):
    text = 'Tove Lund has run the harbour for years.\n\nShe met Ivo Marsh there on Monday.\n\n"Nobody knows these docks better."'
    assert one(text, nlp)["speaker_entity"] == "Tove Lund"


def test_not_when_the_previous_paragraph_has_no_person_subject_and_names_two(nlp):
    row = one('The harbour was busy when Tove Lund and Ivo Marsh arrived.\n\n"Nobody knows these docks better."', nlp)
    assert row["speaker"] is None


def test_not_when_the_quotation_shares_its_paragraph(nlp):
    found = rows('Tove Lund runs the harbour.\n\nThe mayor disagrees with "nobody knows the docks".', nlp)
    assert found[0]["attribution"] != "context"


@pytest.mark.parametrize("text, speaker", [
    ('Kestrels coach Darragh Pell backed forward Tiernan Okafor-Hume. Okafor-Hume, 22, has scored twice in ten games.\n'
     'Okafor-Hume spoke to reporters on Thursday, admitting he had been "snatching at chances".\n'
     '"I was trying too hard. The lads have been brilliant."', "Tiernan Okafor-Hume"),
    ('Outside court, Imelda Voss-Achterberg, whose mother lost her savings, said the family would "never forgive" him.\n'
     '"Mum trusted him with everything."', "Imelda Voss-Achterberg"),
])
def test_a_quotation_alone_after_a_paragraph_about_a_person_whatever_the_tagger_called_them(nlp, text, speaker):
    row = rows(text, nlp)[-1]
    assert (row["speaker_entity"], row["attribution"]) == (speaker, "context")


@pytest.mark.parametrize("text, speaker", [
    ('Dagny Holmqvist, 77, has published her first novel.\n\nThe 77-year-old, who wrote it by hand over nine '
     'winters, said the idea came from her late husband.\n\n"He told me to stop talking about it and write it."',
     "Dagny Holmqvist"),
    ('Councillor Ifeanyi Obi opened the new library on Saturday.\n\nThe councillor, who grew up on the estate, said '
     'he had borrowed his first book there.\n\n"It was a book about trains. I never gave it back."', "Ifeanyi Obi"),
])
def test_a_description_or_an_age_as_the_subject_counts_for_its_person(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


def test_a_description_that_names_no_one_hands_the_topic_on_from_the_paragraph_before(nlp):
    text = ('For two seasons, Kalani Brooks-Ortega could not throw without pain.\n\n'
            'The Riverhawks pitcher had surgery in May and on Sunday struck out nine against Tacoma.\n\n'
            '"I forgot what it felt like to enjoy this."')
    assert rows(text, nlp)[-1]["speaker_entity"] == "Kalani Brooks-Ortega"


def test_a_place_named_in_the_previous_paragraph_is_no_speaker(nlp):
    text = 'The ferry to Stornoway was cancelled again on Monday.\n\n"We have been stranded for four days."'
    assert one(text, nlp)["speaker"] is None


@pytest.mark.parametrize("text, speaker", [
    ("Sprinter Kofi Mbeki-Larsen has qualified for the European final after a season's best in Rome on Friday.\n"
     "The 22-year-old from Malmö crossed in 10.04, beating the mark set by former champion Hugo Feldmann in 2015.\n"
     '"I felt the wind at my back for the first time this year."', "Kofi Mbeki-Larsen"),
    ("Nurse Aroha Tane-Whitfield has been named carer of the year.\nThe 61-year-old, who has worked nights for three "
     'decades, was nominated by the family of patient Derek Hollis.\n"I just did what anyone on that ward would do."',
     "Aroha Tane-Whitfield"),
])
def test_a_paragraph_about_the_nn_year_old_is_about_the_person_introduced_before(nlp, text, speaker):
    row = rows(text, nlp)[-1]
    assert (row["speaker_entity"], row["attribution"]) == (speaker, "context")


@pytest.mark.parametrize("text, speaker", [
    ("Parents in three villages have signed a petition against the closure of the bus route.\n\nThe petition was "
     "started by Marta Kowalczyk-Reid, a childminder in Upper Fenby, after a meeting with councillor Ian Boateng.\n\n"
     '"Without the bus, I have to choose between the school run and my job.', "Marta Kowalczyk-Reid"),
    ("Dozens of fishermen gathered at the harbour on Saturday to protest the new quotas.\n\nThe protest was organised "
     "by Eoin Mac Aodha, who has fished out of the port since 1998 with his brother-in-law, Colm Ruane.\n\n"
     "\u201cThey are taking the last boats off the water and calling it conservation.\u201d", "Eoin Mac Aodha"),
])
def test_a_paragraph_whose_main_clause_is_passive_is_about_its_agent(nlp, text, speaker):
    row = rows(text, nlp)[-1]
    assert (row["speaker_entity"], row["attribution"]) == (speaker, "context")
