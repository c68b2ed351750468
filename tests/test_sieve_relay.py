"""Stage 2, ``relay``: "his office said" speaks for the office's owner; relay verbs name their object."""
from __future__ import annotations

import pytest

from statement_cases import one, rows


def test_his_office_speaks_for_him(nlp):
    text = 'Governor Ivo Marsh cancelled his visit.\n\n"The governor is unwell," his office said.'
    row = one(text, nlp)
    assert (row["speaker_entity"], row["attribution"]) == ("Ivo Marsh", "trigram+relay")


def test_a_passive_relay_speaks_for_its_subject(nlp):
    row = one('The Dockers\' Guild was quoted by the agency as saying it was "ready to talk".', nlp)
    assert (row["speaker_entity"], row["cue"]) == ("Dockers' Guild", "quoted")


def test_an_office_quotes_the_person_it_belongs_to(nlp):
    text = ('Deputy Mayor Idris Khan will lead the delegation. His aide, Tomas Reyes, said Khan was ready.\n\n'
            'Khan\'s office later quoted him as saying he would push for "a common position".')
    assert rows(text, nlp)[-1]["speaker_entity"] == "Idris Khan"


def test_the_one_who_quotes_is_not_the_one_quoted(nlp):
    text = ('The festival\'s director, Ines Varela, said she had spoken to the singer, Lola Marin, on Tuesday. '
            'Varela quoted her as saying: "Tell the fans I am sorry."')
    assert rows(text, nlp)[-1]["speaker_entity"] == "Lola Marin"


def test_the_statement_said_is_the_statement_quoted_before(nlp):
    text = ('In a statement read by her son, Karim, Leila Haddad said: "He was careful."\n\n'
            '"Nobody should get that phone call," the statement said.')
    assert [r["speaker_entity"] for r in rows(text, nlp)] == ["Leila Haddad", "Leila Haddad"]


def test_the_message_going_on_keeps_the_speaker_whose_message_was_read_out(nlp):
    found = rows('At the dinner, a letter read out by her nephew carried the words of Dame Ifeoma Adichie-Rowe, who '
                 'could not travel. In the letter, Adichie-Rowe said: "I am sorry to miss you all."\n\n'
                 'The letter went on: "Look after the young players as you looked after me."', nlp)
    assert [r["speaker_entity"] for r in found] == ["Ifeoma Adichie-Rowe"] * 2
    assert found[1]["cue"] == "went on"


@pytest.mark.parametrize("text, speaker", [
    ('Novelist Ottilie Marchbanks-Hay, 91, has died at her home in Oban, her publisher said on Friday.\n\n'
     'Her agent, Connor Baptiste, quoted her as saying last month: "I have one more book in me."\n\n'
     'A statement attributed to her and issued by the family thanked her readers. "You kept me writing," the statement said.',
     "Ottilie Marchbanks-Hay"),
    ('The port authority said on Tuesday that its chair, Rasmus Ekdahl, would step down in June.\n\n'
     'A statement from Mr Ekdahl was read to the board. "It has been the honour of my working life," the statement said.',
     "Rasmus Ekdahl"),
])
def test_the_statement_speaks_for_the_owner_the_text_gave_it(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('OSLO - The government dropped a planned ferry levy on Tuesday, a week after meeting Solveig Aamodt-Berg, '
     'chief executive of the Coastal Hauliers Federation.\n\nThe federation had fought the levy for a year. Its chief '
     'executive said the decision was "long overdue".', "Solveig Aamodt-Berg"),
    ('The Tenants Union of Leith met the council on Monday with Ruaridh McLeish, president of the Tenants Union of '
     'Leith, leading the talks.\n\nThe union called the offer weak. Its president said rents were "still '
     'unaffordable".', "Ruaridh McLeish"),
])
def test_its_role_holder_is_the_person_set_off_with_that_role_of_the_organisation(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('Four crew were rescued after their trawler, the Morning Star, sank off Shetland.\n\nThe trawler\'s owner, '
     'Lerwick Fish Holdings, said the Morning Star had been inspected in May. "Our thoughts are with the crew," the '
     'company said.', "Lerwick Fish Holdings"),
    ('The Aurora Queen ran aground near Tromso on Friday.\n\nHer operator, Nordkyst Cruises, said the Aurora Queen '
     'would be towed to port. "Every passenger is safe," the company said.', "Nordkyst Cruises"),
])
def test_the_company_right_after_a_sentence_about_an_organisation_is_that_organisation(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [  # round 6: "it read", "the letter read": the statement's owner speaks
    ('A statement from the victim\'s mother, Joan Ashcroft-Lee, was read out by her son, Ben Ashcroft-Lee.\n\n'
     '"Nothing will bring Tom back," it read.', "Joan Ashcroft-Lee"),
    ('A letter from the headteacher, Priya Ramsden-Holt, was sent to parents on Friday. "The school will reopen '
     'on Monday," the letter read.', "Priya Ramsden-Holt"),
])
def test_a_statement_that_reads_is_its_owners(text, speaker, nlp):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


def test_a_person_who_reads_a_statement_out_is_no_cue_of_read(nlp):
    text = 'Ben Ashcroft-Lee read a statement outside court. "We are relieved," his mother, Joan Ashcroft-Lee, said.'
    assert rows(text, nlp)[-1]["speaker_entity"] == "Joan Ashcroft-Lee"



@pytest.mark.parametrize("text, speaker", [
    # the parser hangs "from" on the verb; the reporting verb the agent refused is no attribution
    ('Goalkeeper Tomasz Ruane-Oduya will retire in May. His agent, Pilar Esquivel, declined to comment further, but at '
     'the club dinner she read guests a short note from the goalkeeper: "Thank you for every Saturday."', "Tomasz Ruane-Oduya"),
    ('Senator Halvard Ekwueme-Price is in hospital. His chief of staff refused to comment on his condition, but at a '
     'briefing in Salem he read reporters a note from the senator: "I will be back at my desk soon."', "Halvard Ekwueme-Price"),
    ('The bishop, Cathal Oduya-Brennan, did not attend the vigil. His secretary did not comment, but at the gate she '
     'read the crowd a letter from the bishop: "My prayers are with every family."', "Cathal Oduya-Brennan"),
    ('Rector Tunde Abara-Klein was abroad. At the graduation, his deputy, Mariska Veld, read out a message from '
     'Abara-Klein: "Every one of you earned this."', "Tunde Abara-Klein"),
])
def test_the_one_who_reads_out_a_note_from_someone_passes_on_the_owners_words(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Health minister Oona Feeney-Baptiste did not attend. A statement, posted on the department's website and "
     'attributed to Feeney-Baptiste, said the plan was "fully funded".', "Oona Feeney-Baptiste"),
    ("The coach, Mattias Oyelowo-Strand, stayed away. A short note, handed to reporters and attributed to the coach, "
     'said the squad was "ready for Sunday".', "Mattias Oyelowo-Strand"),
])
def test_a_statement_posted_and_attributed_to_someone_is_theirs(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('Striker Tomi Hakala-Reyes will miss the final. A statement from Harbourside Rovers quoted the striker as saying '
     'he was "devastated to miss the final."', "Tomi Hakala-Reyes"),
    ("A press release from the publisher, Larkspur Books, quoted its author, Nell Achterberg, as saying the novel was "
     "'the hardest thing I have written'.", "Nell Achterberg"),
])
def test_a_statement_that_quotes_someone_relays_their_words_not_its_owners(nlp, text, speaker):
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("The striker Lena Okonjo-Marsh, who broke her ankle on Saturday, sent a message that her brother, the "
     'broadcaster Tunde Okonjo, posted online: "I will be back before the cup final."', "Lena Okonjo-Marsh"),
    ("The goalkeeper Ines Duarte-Cole, who missed the final with a fever, sent a message that her agent, Gemma "
     "Rourke, tweeted after the match: 'I am proud of every one of these players.'", "Ines Duarte-Cole"),
])
def test_one_who_posts_someone_elses_message_only_passes_it_on(nlp, text, speaker):
    assert one(text, nlp)["speaker_entity"] == speaker



@pytest.mark.parametrize("text, speaker", [
    ('At the vigil, pastor Ruth Ellery read out a letter written by Omar Tadesse, the driver\'s brother: '
     '"We only want the truth."', "Omar Tadesse"),
    ('Union steward Kofi Brandt-Ames read a note written by the strikers\' leader, Ilse Varga: '
     '\u201cWe will not go back without a contract.\u201d', "Ilse Varga"),
    ('A statement written by the bishop, Anselm Okafor, was read out by his deacon, Jo Pike: '
     '"Forgive them, as I have."', "Anselm Okafor"),
])
def test_the_writer_of_a_letter_read_out_by_someone_else_speaks(nlp, text, speaker):
    assert rows(text, nlp)[0]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('Conductor Paul Rhee retired in June. He was, his manager Ada Pike quoted him as saying on Monday, '
     '\u201cready for a quieter life\u201d.', "Paul Rhee"),
    ('Judge Ines Ortega retired in May. She was, her former clerk Omar Feld quoted her as saying, '
     '"never bored for a single day".', "Ines Ortega"),
])
def test_a_relay_set_off_by_commas_speaks_for_its_object(nlp, text, speaker):
    row = rows(text, nlp)[0]
    assert (row["speaker_entity"], row["cue"]) == (speaker, "quoted")


@pytest.mark.parametrize("text, speaker", [
    ('A note from Coach Dermot Ashby-Kane, read to the squad on Friday by the club captain, Luis Ferreira, urged the '
     'players to "play without fear" in the final.', "Dermot Ashby-Kane"),
    ("A statement from Bishop Anne Obi-Carlsen, read at the service on Sunday by her deputy, Canon Piet Lund, asked "
     "parishioners to \u201ckeep the door open\u201d for refugees.", "Anne Obi-Carlsen"),
])
def test_the_reader_named_in_the_agent_of_read_out_by_is_not_the_subject_of_the_next_verb(nlp, text, speaker):
    assert one(text, nlp)["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('The captain, Joel Arkwright, could not attend. His vice-captain, Sami Oduro, read a message from him to the '
     'squad.\n\n"Play for each other on Saturday," the message read.', "Joel Arkwright"),
    ("Senator Lucia Ferrante-Holt is in hospital. Her chief of staff read out a letter from her at the rally.\n\n"
     "\u201cI will be back on my feet by the spring,\u201d the letter read.", "Lucia Ferrante-Holt"),
])
def test_the_message_read_is_the_message_spoken_of_before(nlp, text, speaker):
    """"'...,' the message read.": "read" has one form for verb and noun, and the tagger may read it as a noun."""
    row = rows(text, nlp)[-1]
    assert (row["speaker_entity"], row["cue"]) == (speaker, "read")


@pytest.mark.parametrize("text, speaker", [
    ('Dr Amara Quist-Holm was not in court. Her brother, Tobias, read a short statement on her behalf on the steps: '
     '"I am relieved and I am tired."', "Amara Quist-Holm"),
    ("The squad's assistant coach, Mira Saks, read a note on behalf of Coach Bernard Oyelowo-Fitch to the players: "
     "\u201cWin it for the fans, not for me.\u201d", "Bernard Oyelowo-Fitch"),
])
def test_words_read_on_someones_behalf_are_theirs(nlp, text, speaker):
    """"read a statement on her behalf": the reader only passes the words on."""
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("In a statement, chief executive Lorna Baptiste-Kerr said the plant would close. \u201cWe are not leaving the "
     "county,\u201d the statement read.", "Lorna Baptiste-Kerr"),
    ('In a statement on Friday, the Harbour Pilots Association said it would appeal. "The ruling ignores the '
     'evidence," the statement said.', "Harbour Pilots Association"),
])
def test_the_statement_a_speaker_made_in_speaks_for_the_speaker(nlp, text, speaker):
    """"In a statement, X said ...": the statement is X's, so what "the statement read" quotes is X's."""
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('The composer Hedda Lunde-Vik, 90, stayed at home. Her acceptance speech was read out by her grandson, Ola Vik: '
     '"Music was the only language I never had to learn."', "Hedda Lunde-Vik"),
    ("Mayor Tobias Renfrew-Oke is in hospital. Renfrew-Oke's speech to the conference was read by his deputy, Anne "
     "Kaye: \u201cThis city does not wait for anyone.\u201d", "Tobias Renfrew-Oke"),
])
def test_a_speech_read_out_by_someone_else_is_its_authors(nlp, text, speaker):
    """A speech is a statement noun like "remarks": whose speech it is speaks, not the one who reads it."""
    assert rows(text, nlp)[-1]["speaker_entity"] == speaker
