"""Stage 2, ``pronoun``: he/she with a gender check, they/it for organisations and groups."""
from __future__ import annotations

import pytest

from analysis.quotes import extract_statements
from statement_cases import one, rows


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


def test_the_main_subject_of_the_paragraph_before_a_known_woman_further_back(nlp):
    text = ('The race for the harbour seat turned bitter when the incumbent, Rosa Pell, and her challenger, Idris Kane, '
            'met on Sunday.\n\nKane said Pell had been "asleep for years".\n\n'
            'The referee, Dana Whitlow, twice asked them to stop. "Please let each other finish," she said.')
    assert rows(text, nlp)[-1]["speaker_entity"] == "Dana Whitlow"


def test_a_pronoun_inside_the_subjects_own_clause_is_not_about_the_subject(nlp):
    text = ('Lena Holt, 22, won the sprint on Saturday while her trainer, Marco Bellini, watched.\n\n'
            '"I did not expect it," she said.\n\n'
            'Bellini, who has trained her since she was nine, was not surprised. "She was always quick," he said.\n\n'
            'She will race again in June. "I want the record," she said.')
    assert [r["speaker_entity"] for r in rows(text, nlp)] == ["Lena Holt", "Marco Bellini", "Lena Holt"]


@pytest.mark.parametrize("name", ["Halford", "Whitcombe", "Lindqvist"])
def test_he_finds_a_surname_the_tagger_took_for_an_organisation(nlp, name):
    row = one(f'{name} explained from a podium. "We are ready," he said.', nlp)
    assert (row["speaker_entity"], row["attribution"]) == (name, "trigram+pronoun")


def test_they_are_the_people_who_were_the_subject_not_the_organisation_they_named(nlp):
    text = 'Ana Ruiz and Tom Kell said they would ask the Harbour Board to act. "We are tired of waiting," they said.'
    assert one(text, nlp)["speakers"] == "Ana Ruiz; Tom Kell"


def test_they_after_a_name_the_text_calls_a_band(nlp):
    text = ('The Donegal folk quartet Maple Lane have cancelled their tour after visa delays.\n\n'
            '"We are heartbroken," they said in a statement.')
    assert one(text, nlp)["speaker_entity"] == "Maple Lane"


@pytest.mark.parametrize("text, speaker", [
    ('Transport union leader Milos Radek met the minister on Monday. Walkouts, he warned, "are now certain."', "Milos Radek"),
    ('The Harbour Falcons lost 2-1 to the Glenmore Otters. Falcons goalie Pelle Lindqvist made 30 saves. '
     '"I saw none of the goals," he said.', "Pelle Lindqvist"),
    ('Dara Quill, the senator, voted for the Coastal Waters Act on Tuesday. "It is working already," she said.', "Dara Quill"),
])
def test_he_and_she_never_land_on_a_team_a_law_or_a_capitalised_common_noun(nlp, text, speaker):
    assert one(text, nlp)["speaker_entity"] == speaker


def test_it_is_the_organisation_last_spoken_of_not_the_platform_a_post_was_on(nlp):
    text = ('The band posted the news on TikTok on Sunday. Promoter Kestrel Live said refunds were automatic. '
            '"Fans need do nothing," it said.')
    assert one(text, nlp)["speaker_entity"] == "Kestrel Live"


def test_it_after_a_description_of_the_organisation(nlp):
    text = ('Two goals were ruled out in the Northern Premier League on Saturday at the home of Kelso Athletic. '
            'The league said it did not comment on "individual refereeing decisions".')
    assert one(text, nlp)["speaker_entity"] == "Northern Premier League"


def test_they_after_a_plural_description_of_people_named_together_long_before(nlp):
    text = ('State Sen. Marta Villanueva and state Rep. Owen Talbot filed the bill on Monday.\n\n'
            'A lobby group, the Valley Carriers Association, opposed it. Its director said costs would rise.\n\n'
            'Rural clinics welcomed the cap.\n\n'
            'The two lawmakers rejected that. "We have heard it all before," they said.')
    assert one(text, nlp)["speakers"] == "Marta Villanueva; Owen Talbot"


def test_party_and_state_tags_name_no_one_and_do_not_break_a_list(nlp):
    text = ('Sen. Marta Villanueva, D-N.M., and Sen. Owen Talbot, R-S.D., said the bill would end what they called '
            '"the refund runaround."')
    row = one(text, nlp)
    assert row["speakers"] == "Marta Villanueva; Owen Talbot"


def test_they_is_the_organisation_spoken_of_as_a_subject_not_the_one_named_last_in_passing(nlp):
    text = ('The Kaipara Nurses Union has called a strike after talks with the Western Bays Health Board broke down '
            'on Monday.\n\n"We did not want this," they said in a statement.')
    assert one(text, nlp)["speaker_entity"] == "Kaipara Nurses Union"


@pytest.mark.parametrize("text, who", [
    ('BEIRUT - Teachers at a state school have not been paid since March.\n\n"We borrow to eat," one teacher said. '
     'He asked not to be named. "Nobody answers our letters," he added.', "one teacher"),
    ('Residents say the lift has been broken for a year. "I carry my shopping up nine floors," said an elderly '
     'resident. "My knees are gone," she said.', "an elderly resident"),
])
def test_he_or_she_after_a_singular_unnamed_source_is_that_source(nlp, text, who):
    found = rows(text, nlp)
    assert [r["speaker_entity"] for r in found] == [who, who] and all(r["unnamed"] for r in found)


def test_a_plural_common_noun_after_a_dateline_is_no_person(nlp):
    text = ('LAGOS - Drivers at the depot say they have not been paid. "We will strike," one driver said. '
            '"I have three children," he added.')
    assert [r["speaker_entity"] for r in rows(text, nlp)] == ["one driver", "one driver"]


def test_a_pronoun_after_a_named_object_gives_the_subject_no_gender(nlp):
    # "asked Y why he ...": the "he" is no evidence that the one who asks is a man, so "she" can still be her
    text = ('Mateo Grindlay-Oduya, 31, told the court his shift ended at ten.\n\nProsecutor Dana Whitcombe-Ruiz asked '
            'Grindlay-Oduya why he had left early. "You were seen at the depot," she said.')
    assert one(text, nlp)["speaker_entity"] == "Dana Whitcombe-Ruiz"


@pytest.mark.parametrize("text, speaker", [
    ('Under cross-examination, prosecutor Helen Marsh-Odinga asked Priya Raman why she had kept the ledger. '
     '"I was frightened of him," she said.', "Priya Raman"),
    ('Detective Sergeant Paul Ashdown asked Tomasz Wilk whether he had seen the van. '
     '"I saw it twice that week," he said.', "Tomasz Wilk"),
    ('Defence counsel Ruth Abara asked Nina Sollberg why she had not called the police. She said: "I did not think '
     'they would come."', "Nina Sollberg"),
])
def test_a_he_or_she_reporting_right_after_a_question_is_the_one_asked(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


def test_a_he_or_she_asking_again_is_the_asker(nlp):
    text = ('Prosecutor Helen Marsh-Odinga asked Priya Raman why she had kept the ledger. '
            '"Who told you to keep it?" she asked.')
    assert rows(text, nlp)[-1]["speaker_entity"] == "Helen Marsh-Odinga"


def test_they_after_a_sentence_about_the_two_people_is_the_pair_named_long_before(nlp):
    text = ('HALIFAX - Two Atlantic fisheries ministers say new quota rules will ruin small harbours.\n\n'
            '"These rules were written for trawler fleets," said Nova Scotia Fisheries Minister Colm Gaudet and his '
            'New Brunswick counterpart, Anouk Thibodeau, in a joint letter.\n\n'
            'A federal spokesperson, Lena Okafor, said the rules were final.\n\n'
            '"We consulted every harbour authority," Okafor said.\n\n'
            'The two ministers said they would raise it in Ottawa. "Small harbours will not go quietly," they wrote.')
    row = rows(text, nlp)[-1]
    assert row["speakers"] == "Colm Gaudet; Anouk Thibodeau"


def test_they_after_a_sentence_about_one_person_is_not_an_old_pair(nlp):
    text = ('Councillors Ama Owusu and Piet Brandt voted against the plan in May.\n\n'
            'The mayor said on Friday the works would start in June. "They will be finished by Christmas," she said.')
    assert rows(text, nlp)[-1]["speakers"] != "Ama Owusu; Piet Brandt"


@pytest.mark.parametrize("text, speaker", [
    ('A Tralee man has been given a suspended sentence.\n\nPádraig Ó Conaill (49), of Blennerville, pleaded guilty to '
     'fraud. His barrister, Orlaith Nic Giolla SC, told Judge Fergal Ó Dálaigh that her client had repaid every cent. '
     '"He has lost everything," she said.', "Orlaith Nic Giolla"),
    ('Kestrel Labs fired its chief scientist, Dmitri Volkov, on Monday.\n\nPatient advocate Jordan Ellery-Mensah, of '
     'the Open Trials Network, said the firing was overdue. "They should have acted a year ago," she said.',
     "Jordan Ellery-Mensah"),
])
def test_a_he_or_she_reporting_right_after_a_sentence_is_its_subject(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


def test_not_when_the_sentence_before_has_another_main_subject(nlp):
    text = ('Forward Ravi Dhillon-Moss scored twice as the Hawks won 3-1.\n\nAsked about marking Eagles captain Sol '
            'Baptiste, Dhillon-Moss smiled. "He is the best defender in the league," he said.')
    assert rows(text, nlp)[-1]["speaker_entity"] == "Ravi Dhillon-Moss"


def test_a_he_or_she_after_a_sentence_whose_one_speaker_is_in_a_relative_clause(nlp):
    text = ('DENVER (AP) - The city council approved the new bus lanes 6-1 on Monday, council president Ana Ruiz-Castro '
            'said after the vote.\n\nThe only vote against came from council member Trent Vollmer, who said the lanes '
            'would hurt small shops. "We are fixing traffic by killing Main Street," he said.')
    assert rows(text, nlp)[-1]["speaker_entity"] == "Trent Vollmer"


def test_a_possessive_in_a_who_clause_gives_the_name_its_gender(nlp):
    # round 7: "X, who ... with her students" says X is a woman, so the next "she" and "he" sort out
    text = ("The survey was led by geologist Mirela Dantas-Quill, who spent six years mapping the fault with her "
            "students, and seismologist Tomasz Orlik.\n\n\u201cThe fault is moving,\u201d she said.\n\n"
            "Orlik said the data were clear. \u201cWe need more sensors,\u201d he said.")
    assert [r["speaker_entity"] for r in rows(text, nlp)] == ["Mirela Dantas-Quill", "Tomasz Orlik"]



@pytest.mark.parametrize("text, speaker", [  # round 8: asked by pronoun ("asked her to ..."), the one asked answers
    ('Nomvula Dlamini-Shaw worked in the finance office until 2021.\n\nCounsel Tobias Brandt asked her to name the '
     'official. "It was the deputy director," she said.', "Nomvula Dlamini-Shaw"),
    ('Ms Ana Pires chaired the meeting. Mr Luis Serra, 40, kept the minutes.\n\nMs Pires asked him to read them '
     'aloud. "The vote was six to two," he said.', "Luis Serra"),
    ('Priya Raman ran the depot for a decade.\n\nEvidence leader Adv. Thabo Nkosi asked her to describe the night. '
     '"The gate was open," she said.', "Priya Raman"),
])
def test_a_he_or_she_reporting_right_after_a_request_to_him_or_her_is_the_one_asked(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [  # round 8: a possessive inside an apposition is someone else's
    ('The trial was led by Dr. Amara Quist of the Lakeside Institute. Dr. Tomas Ferreira-Lund, her deputy, ran the '
     'second site from his lab in Oslo.\n\n"The effect was large," she said.', "Amara Quist"),
    ('The appeal was brought by Rui Costa. Alex Marsh-Odinga, his solicitor, filed the papers from her office.\n\n'
     '"We expect to win," he said.', "Rui Costa"),
])
def test_a_his_or_her_in_an_apposition_is_not_the_gender_of_the_name_it_describes(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, who", [  # round 9: a name closing a phrase set off after the subject is that subject
    ("Two candidates clashed on Monday.\n\nIncumbent Paul Ferris said the plan would save money. His rival, retired "
     "nurse and mother of three Dana Whitlock-Ames, called it a gimmick.\n\n\u201cNobody asked the parents,\u201d she "
     "said.", "Dana Whitlock-Ames"),
    ("The council met on Friday.\n\nCouncillor Mary Odell said the road would reopen. Her opponent, former banker and "
     "father of two Ivan Petrescu, disagreed.\n\n\u201cThe road is not safe,\u201d he said.", "Ivan Petrescu"),
])
def test_a_name_closing_an_apposition_of_the_subject_is_who_the_next_pronoun_means(nlp, text, who):
    assert one(text, nlp)["speaker_entity"] == who


def test_a_name_closing_a_relative_clause_of_the_subject_is_not_the_subject(nlp):
    text = ("The board voted to close the school.\n\nParent Rosa Lindqvist, whose two sons attend Hawthorne, said "
            "families would appeal. \u201cWe are not done,\u201d she said.")
    assert one(text, nlp)["speaker_entity"] == "Rosa Lindqvist"


@pytest.mark.parametrize("text, speakers", [
    # two people named together as the subject, an organisation named after them in a relative clause, and another
    # organisation the subject of the paragraph before
    ('The Tenants Union said rents had doubled.\n\nCommunity advocates Ivo Marsh and Leda Quint, who run the Eastside '
     'group Fair Rent Now, said they had heard such promises before. "We will believe it when the rent falls," they '
     'said.', ["Ivo Marsh", "Leda Quint"]),
    # single marks, a pair in apposition to the subject, each with an "of"-phrase naming an institution, and the
    # quotation "they" reports opening the next paragraph
    ("'We tested it for a year,' the researchers, Ana Lind of the Marine Institute and Rui Costa of the Northern "
     "Fisheries Board, wrote.\n\n'It is only a first step,' they cautioned.", ["Ana Lind", "Rui Costa"]),
])
def test_they_right_after_a_sentence_about_two_people_is_the_pair_not_an_organisation_named_in_passing(nlp, text, speakers):
    row = extract_statements(text, nlp).iloc[-1]  # the quotation "they" reports
    assert (row["speaker_mention"], row["speakers"].split("; ")) == ("they", speakers)


def test_they_after_a_sentence_about_an_organisation_stays_the_organisation(nlp):
    text = ('Rita Costa and Ana Lind founded the Dockers\' Guild in 2010. The Dockers\' Guild rejected the offer on '
            'Monday.\n\n"We refuse," they said.')
    assert one(text, nlp)["speaker_entity"] == "Dockers' Guild"


@pytest.mark.parametrize("text, mention, speaker", [
    # an exchange between two women: the question split off as a sentence of its own, the reply opening a paragraph
    ('Lena Brandt, who is suing the council, told the inquiry she had complained twice.\n\nQuestioning her on Monday, '
     'the council\'s lawyer, Hannah Vogel, asked Ms Brandt: "Did you put it in writing?"\n\n"Yes, and nobody '
     'answered," she replied.', "she", "Lena Brandt"),
    # two men, the turn a question put without a quotation, the reply opening its sentence
    ('Alan Reid, the coach, said the team had trained well. Club chairman Tom Hughes pressed him on the budget. He '
     'replied: "We spent what we had."', "He", "Alan Reid"),
])
def test_he_or_she_replied_is_not_the_one_who_spoke_the_turn_before(nlp, text, mention, speaker):
    row = extract_statements(text, nlp).iloc[-1]
    assert (row["speaker_mention"], row["speaker_entity"]) == (mention, speaker)


def test_she_replied_after_a_sentence_about_the_replier_is_the_replier(nlp):
    text = ('Sara Holm said on Monday the plant would stay open. "We are not leaving," Holm said.\n\nUnion leader Eva '
            'Strand rejected the claim. "We have heard that before," she replied.')
    assert extract_statements(text, nlp).iloc[-1]["speaker_entity"] == "Eva Strand"


@pytest.mark.parametrize("text, mention, source", [
    # the source introduced with a "who" clause, the quotation opening the next paragraph, a woman named before
    ('Dr Maria Pellegrini, the clinic\'s director, said she had raised the alarm in May.\n\nA senior midwife, who has '
     'worked on the ward for ten years, described the mood as "grim".\n\n"We go home and we cannot sleep," she said.',
     "she", "A senior midwife"),
    # "another ...", a sentence that is no speech ("was more cautious"), in the same paragraph
    ('Chief executive Laura Finch said she was confident of a deal. "We have the best offer," Finch said.\n\nAnother '
     'banker, who asked not to be named, was more cautious. "Nothing is signed yet," she said.', "she", "Another banker"),
    # "one ..." with a prepositional phrase, a man named in the sentence before
    ('Mayor Tom Berg said he would visit the site. One engineer at the scene said the beam had cracked. "I have not '
     'seen this before," he said.', "he", "One engineer at the scene"),
])
def test_he_or_she_right_after_a_sentence_about_an_unnamed_source_is_that_source(nlp, text, mention, source):
    row = extract_statements(text, nlp).iloc[-1]
    assert (row["speaker_mention"], row["speaker_entity"], bool(row["unnamed"])) == (mention, source, True)


def test_he_after_a_description_of_a_named_person_is_that_person(nlp):
    text = 'The union\'s general secretary, Tom Berg, said the strike would go ahead. "We have no choice," he said.'
    assert extract_statements(text, nlp).iloc[-1]["speaker_entity"] == "Tom Berg"
