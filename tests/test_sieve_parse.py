"""Stage 1, ``parse``: the reporting verb that governs a quotation and the speaker it points at."""
from __future__ import annotations

import pytest

from statement_cases import one, rows


@pytest.mark.parametrize("text, cue", [
    ('Tove Lund praised the plan, calling it "a fair deal".', "calling"),
    ('Tove Lund rejected the report, describing it as "fiction".', "describing"),
    ('Tove Lund left the room on Friday, saying: "We are done here."', "saying"),
])
def test_participles_take_the_subject_of_the_verb_they_modify(nlp, text, cue):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["cue"]) == ("Tove Lund", cue)


def test_addressee_is_never_the_speaker(nlp):
    row = one('Tove Lund told Ivo Marsh: "Your budget is late."', nlp)
    assert (row["speaker_entity"], row["cue"]) == ("Tove Lund", "told")


def test_in_the_passive_the_agent_speaks(nlp):
    row = one('Ivo Marsh was told by Tove Lund: "Your budget is late."', nlp)
    assert row["speaker_entity"] == "Tove Lund"


def test_according_to(nlp):
    row = one('According to Leila Haddad, "exports doubled last year."', nlp)
    assert (row["speaker_entity"], row["cue"].lower()) == ("Leila Haddad", "according to")


def test_a_relay_verb_names_the_speaker_as_its_object(nlp):
    row = one('Ivo Marsh lost the vote. His aide quoted him as saying: "It is over."', nlp)
    assert (row["speaker_entity"], row["cue"]) == ("Ivo Marsh", "quoted")


@pytest.mark.parametrize("text, speaker, cue", [
    ('In Tove Lund\'s statement: "We will not resign."', "Tove Lund", "statement"),
    ('Tove Lund\'s statement read: "We will not resign."', "Tove Lund", "read"),  # the verb the statement does is the cue
    ('"We will not resign," the Harbour Board\'s letter said.', "Harbour Board", "said"),
])
def test_a_statement_owner_is_the_speaker(nlp, text, speaker, cue):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["cue"]) == (speaker, cue)


@pytest.mark.parametrize("text", [
    'Her agent, Ronan Tighe, relayed a message from the player to her fans: "Thank you all."',
    'The club secretary read out a statement from the captain: "Thank you all."',
])
def test_the_owner_of_a_relayed_statement_speaks_not_the_one_who_relays_it(nlp, text):
    text = "The captain, Maeve Dolan, will miss the final. " + text
    assert one(text, nlp)["speaker_entity"] == "Maeve Dolan"


def test_a_relative_clause_attributes_the_statement(nlp):
    text = ('Radio Vell read out a statement attributed to the rebel commander, Idris Kano.\n\n'
            '"We will not leave," said the statement, which the station attributed to him.')
    assert rows(text, nlp)[-1]["speaker_entity"] == "Idris Kano"


def test_a_colon_at_the_end_of_a_paragraph_leads_into_the_next(nlp):
    row = one('Tove Lund wrote:\n\n"The committee is finished."', nlp)
    assert (row["speaker_entity"], row["cue"]) == ("Tove Lund", "wrote")


def test_a_partial_quotation_in_reported_speech(nlp):
    row = one('Analyst Mei Tanaka said the outcome was "far from certain" for both sides.', nlp)
    assert (row["kind"], row["speaker_entity"], row["cue"]) == ("partial", "Mei Tanaka", "said")


def test_a_dateline_before_the_subject_is_not_the_speaker(nlp):
    row = one('OSLAVIA, 3 May - The governor of the Central Bank of Oslavia, Petra Lund, said on Friday that rates '
              'would "stay high for longer".', nlp)
    assert (row["speaker_entity"], row["speaker_mention"]) == ("Petra Lund", "The governor")


def test_a_subject_that_cannot_speak_gives_way_to_the_name_in_apposition(nlp):
    row = one('The treaty, Caldova\'s water minister, Selin Arkan, insisted, was "a turning point".', nlp)
    assert row["speaker_entity"] == "Selin Arkan"


@pytest.mark.parametrize("text, speaker", [
    ('The Harbour Workers\' Association backed the plan, with its chair, Odile Marchetti, noting that the port "needs the jobs".',
     "Odile Marchetti"),
    ('Shares fell, with analyst Priya Venkat calling the results "a clear miss".', "Priya Venkat"),
])
def test_with_a_noun_phrase_and_a_participle_the_noun_phrase_speaks(nlp, text, speaker):
    assert one(text, nlp)["speaker_entity"] == speaker


def test_a_clause_the_parser_read_as_a_preposition_keeps_its_subject(nlp):
    text = ('Health minister Ana Dorsey promised a review after Mark Oyelowo-Reid, head of the Nurses\' Guild, '
            'described the wards as "the worst in the country".')
    assert one(text, nlp)["speaker_entity"] == "Mark Oyelowo-Reid"


def test_a_participle_after_a_prepositional_phrase_keeps_the_main_subject(nlp):
    text = ('Kessel Rail has dropped plans to close the line after a campaign by residents, saying on Monday that it had '
            '"found another way".')
    assert one(text, nlp)["speaker_entity"] == "Kessel Rail"


@pytest.mark.parametrize("noun", ["memo", "email", "statement"])
def test_the_owner_of_a_written_statement_speaks_even_if_a_place_is_in_its_name(nlp, noun):
    text = f'Lakeland Health\'s {noun} to staff read: "Nobody will lose their job."'
    assert one(text, nlp)["speaker_entity"] == "Lakeland Health"


def test_a_participle_hung_on_a_noun_takes_that_noun(nlp):
    text = 'Harbour City coach Ilse Marr defended her goalkeeper, Tomas Vik, on Saturday, saying Vik "will be fine".'
    assert one(text, nlp)["speaker_entity"] == "Ilse Marr"


def test_a_participle_without_a_subject_takes_its_sentences_main_subject(nlp):
    text = ('Rovers manager Ilse Varga has been charged by the league after branding referee Tom Reid\'s display '
            '"a disgrace".')
    assert one(text, nlp)["speaker_entity"] == "Ilse Varga"


def test_a_participle_after_a_passive_subordinate_clause_belongs_to_the_main_clause(nlp):
    text = ('Kelso Town manager Ruaridh Baird has criticised the league after his side was fined £5,000, calling the '
            'penalty "a disgrace to the game".')
    row = one(text, nlp)
    assert (row["speaker_entity"], row["cue"]) == ("Ruaridh Baird", "calling")


@pytest.mark.parametrize("text, speaker, cue", [
    ('Ratings agency Morland Credit lowered its outlook on the port, citing "persistent governance concerns".',
     "Morland Credit", "citing"),
    ('Shares fell after the insurer Calloway Mutual cited "an unusually severe storm season" in its results.',
     "Calloway Mutual", "cited"),
])
def test_citing_words_makes_them_the_subjects(nlp, text, speaker, cue):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["cue"]) == (speaker, cue)


def test_cited_as_saying_stays_a_relay(nlp):
    row = one('The newspaper cited Mayor Ines Karlsson-Obi as saying "the budget is final".', nlp)
    assert row["speaker_entity"] == "Ines Karlsson-Obi"


@pytest.mark.parametrize("text, speaker", [
    ('Mayor Tobias Grünewald-Ash said residents would get "a full refund", adding: "Nobody should pay twice."',
     "Tobias Grünewald-Ash"),
    ('The ferry operator said passengers were "never at risk", insisting the crossing had been safe.',
     "ferry operator"),
])
def test_a_participle_on_the_reported_clause_goes_with_the_reporting_verb(nlp, text, speaker):
    assert all(speaker in str(r["speaker_entity"]) for r in rows(text, nlp))


@pytest.mark.parametrize("text, speaker", [
    ('Critic Aurelio Banfi-Kerr called the film "a patient, angry portrait of a town that stopped waiting".',
     "Aurelio Banfi-Kerr"),
    ('The judges described the album as "a slow burn that rewards every listen".', "judges"),
])
def test_lower_case_words_a_verb_reports_after_a_work_noun_are_no_title(nlp, text, speaker):
    row = one(text, nlp)
    assert row["kind"] == "partial" and speaker in str(row["speaker_entity"])


def test_a_title_cased_name_after_a_work_noun_stays_a_title(nlp):
    row = one('She praised the novel "The Salt Ledger" at the ceremony.', nlp)
    assert row["kind"] == "title"


@pytest.mark.parametrize("text, speaker", [
    ('According to the general secretary of the Retail Services Employees’ Union, Ms Halina Wrobel, "the cuts go '
     'too deep".', "Halina Wrobel"),  # the parser makes "secretary" a modifier of the union's name
    ('According to the chief executive of the Harbour Pilots Association, Ms Yetunde Balogun-Price, "the channel '
     'has never been this busy".', "Yetunde Balogun-Price"),
])
def test_according_to_a_role_of_an_organisation_then_the_name_is_that_person(nlp, text, speaker):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["cue"]) == (speaker, "According to")


def test_according_to_an_organisation_then_a_place_stays_the_organisation(nlp):
    row = one('According to the Harbour Pilots Association, Lagos, "the channel has never been this busy".', nlp)
    assert row["speaker_entity"] == "Harbour Pilots Association"


@pytest.mark.parametrize("text, speaker", [
    ('Porters’ and Packers’ Union general secretary Aoife Brennan-Kerr has accused the owners of the depot of '
     '‘bullying tactics’ after they threatened to hire agency staff.', "Aoife Brennan-Kerr"),
    ('Cleaners’ and Caretakers’ Guild president Dawit Haile-Mariam has accused the council of ‘sharp practice’ over '
     'the new rota.', "Dawit Haile-Mariam"),
])
def test_a_titled_person_after_an_organisation_split_at_its_and_speaks_alone(nlp, text, speaker):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["speakers"]) == (speaker, speaker)


def test_two_people_joined_by_and_still_speak_together(nlp):
    row = one('Councillors Ama Owusu and Piet Brandt have accused the mayor of ‘bullying tactics’.', nlp)
    assert row["speakers"] == "Ama Owusu; Piet Brandt"


@pytest.mark.parametrize("text, speaker", [
    ("Hospital chief executive Brigid Osei-Kavanagh has denied claims by the Nurses' Guild that staff are "
     '"at breaking point".', "Nurses' Guild"),
    ("The transport minister, Lars Hovland-Ade, dismissed the claim from residents of Eastmoor that the junction was "
     '"a death trap waiting to happen".', "residents of Eastmoor"),
    ("Mayor Chiara Dlamini-Roth rejected the opposition's claim that the budget would \u201cgut every library in the "
     "city\u201d.", "the opposition"),
])
def test_words_quoted_inside_someones_claim_are_the_claimants_not_the_one_who_rejects_it(nlp, text, speaker):
    assert one(text, nlp)["speaker_entity"] == speaker


def test_words_outside_the_claim_stay_with_the_one_who_rejects_it(nlp):
    text = 'Mayor Chiara Dlamini-Roth rejected claims by the opposition about the budget, calling them "pure fiction".'
    assert one(text, nlp)["speaker_entity"] == "Chiara Dlamini-Roth"


@pytest.mark.parametrize("text, speaker", [
    ('Farmers, the agriculture minister, Lotte Brandsma-Okafor, said on Friday, had "waited long enough for the '
     'subsidy".', "Lotte Brandsma-Okafor"),
    ("Commuters, the operator's chief executive, Idris Vance-Mokoena, told the committee, would see \u201ca better "
     "service by spring\u201d.", "Idris Vance-Mokoena"),
])
def test_one_person_set_off_after_a_plural_subject_speaks_about_it(nlp, text, speaker):
    assert one(text, nlp)["speaker_entity"] == speaker


def test_named_residents_in_apposition_to_a_plural_subject_all_speak(nlp):
    row = one('Two residents, Ana Pires and Bo Costa, said the road was "a death trap".', nlp)
    assert row["speakers"] == "Ana Pires; Bo Costa"


@pytest.mark.parametrize("text, speaker", [
    ('Counsel for the tenants, advocate Meenakshi Raghavan-Iyer, said the eviction was "illegal from the first '
     'notice."', "Meenakshi Raghavan-Iyer"),
    ('The residents\' lawyer, advocate Tariq Hussain-Menon, said the order was "overdue".', "Tariq Hussain-Menon"),
])
def test_a_name_set_off_before_a_cue_the_parser_left_without_subject_speaks(nlp, text, speaker):
    assert one(text, nlp)["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('Nurses, said the board\'s director of nursing, Helena Marchetti-Ward, were "exhausted beyond anything I have '
     'seen."', "Helena Marchetti-Ward"),
    ("The budget, added the health committee chair, Cllr Tomasz Brennan, was \u201cnever going to stretch that "
     "far.\u201d", "Tomasz Brennan"),
    ("The old pier, insisted the harbour master, Ruairi Quinlan-Hart, remained 'safe for anyone on foot'.",
     "Ruairi Quinlan-Hart"),
])
def test_an_inverted_cue_set_off_by_commas_is_spoken_by_the_phrase_after_it(nlp, text, speaker):
    assert one(text, nlp)["speaker_entity"] == speaker


def test_a_cue_after_a_relative_clause_keeps_its_subject(nlp):
    row = one('Tove Lund, who resigned in June, said the aide, Ivo Marsh, had been "rude from the first day".', nlp)
    assert row["speaker_entity"] == "Tove Lund"


@pytest.mark.parametrize("text, speaker", [
    ("The march was led by Ruth Adeyemi-Shaw, who thanked the police for their patience, saying: \"We came in peace "
     "and we will leave in peace.\"", "Ruth Adeyemi-Shaw"),
    ("The review was chaired by Judge Tomasz Wiśniewski-Hart, who praised the families for their courage, calling "
     "their evidence \u201cthe backbone of this report.\u201d", "Tomasz Wiśniewski-Hart"),
])
def test_a_cue_whose_subject_cannot_speak_gives_way_to_one_whose_subject_can(nlp, text, speaker):
    assert one(text, nlp)["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('Patients in Sligo, Independent TD Ronan Ó Dálaigh said, were \u201cstill waiting longer than anyone\u201d.',
     "Ronan Ó Dálaigh"),
    ('Tenants in the east, housing campaigner Aoife Brennan-Ward said on Monday, were "paying more for less".',
     "Aoife Brennan-Ward"),
    ('Hospital staff, Labour councillor Ama Boateng said, were "at breaking point".', "Ama Boateng"),
    ('Residents of Clonmore, county councillor Brid Nic Aodha said, were \u201cfed up with promises\u201d.',
     "Brid Nic Aodha"),
    ('Teachers at Ashby Grammar walked out on Friday.\n\nTeachers, union rep Colm Ferris-Hay added, are '
     '"sick of empty promises."', "Colm Ferris-Hay"),
    ('Dockers in Tilbury stopped work at noon, their union said.\n\nDockers, Ola Brandt-Nyman said, were '
     '\u201cnot going back without a deal.\u201d', "Ola Brandt-Nyman"),
])
def test_a_cue_set_off_by_commas_speaks_for_the_name_next_to_it_not_the_topic(nlp, text, speaker):
    row = rows(text, nlp)[-1]
    assert row["speaker_entity"] == speaker and row["cue"] in ("said", "added")


@pytest.mark.parametrize("text", [
    'The plan, a close friend of Mara Quill said, was "never going to work".',
    'The budget, a spokesman for Mayor Mara Quill said, was "balanced for the first time in a decade".',
])
def test_a_name_inside_the_phrase_before_a_cue_is_not_its_speaker(nlp, text):
    assert one(text, nlp)["speaker_entity"] != "Mara Quill"


def test_a_capitalised_title_with_prepositions_before_the_name_keeps_the_name(nlp):
    text = ('The new licensing rules, Minister of State for Rural Affairs Tove Ekdahl-Moran said on Monday, are '
            '\u201ca floor, not a ceiling\u201d.')
    assert one(text, nlp)["speaker_entity"] == "Tove Ekdahl-Moran"


@pytest.mark.parametrize("text, speaker, cue", [
    ('Winger Ola Brandt, who scored twice, posted on social media that he was "devastated but determined".',
     "Ola Brandt", "posted"),
    ('Forward Kim Lae-Sun, who missed the final, posted on Instagram that she was \u201cheartbroken\u201d.',
     "Kim Lae-Sun", "posted"),
    ('Striker Abel Okoro, who was sent off, posted on his Facebook page that he was "ashamed".', "Abel Okoro", "posted"),
])
def test_a_reporting_verb_after_a_relative_clause_read_as_a_participle_keeps_its_subject(nlp, text, speaker, cue):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["cue"]) == (speaker, cue)


@pytest.mark.parametrize("text, speaker", [
    ("    LONDON - The Treasury select committee ended in shouting\non Tuesday after Labour MP Nadia Ferreira-Holt "
     "accused the chief\neconomist of the Bank of England, Owen Marsh-Adeyemi, of \u201cducking\u201d\nquestions on rents.",
     "Nadia Ferreira-Holt"),
    ("The Senate estimates hearing ended in shouting on Friday after Greens senator Lars Okonjo-Berg accused the head "
     "of the Reserve Bank of Australia, Maria Chen-Hollis, of \u201cstonewalling\u201d questions on housing.",
     "Lars Okonjo-Berg"),
])
def test_a_gerund_that_names_an_act_of_speech_after_a_preposition_reports_nothing(nlp, text, speaker):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["cue"]) == (speaker, "accused")


def test_a_gerund_after_a_preposition_that_reports_a_clause_is_still_a_cue(nlp):
    row = one('Finance minister Ruth Abara-Klein left the chamber after insisting that the plan was "fully costed".', nlp)
    assert (row["speaker_entity"], row["cue"]) == ("Ruth Abara-Klein", "insisting")


@pytest.mark.parametrize("text, speaker", [
    ("The inquest resumed on Monday.\n\n\"Ma'am, the ward had two nurses that night,\" solicitor Grace Abara-Hill, "
     "acting for the family, told the coroner.\n\nThe coroner thanked her.", "Grace Abara-Hill"),
    ("The tribunal sat late.\n\n\u201cSir, my client was never shown the evidence,\u201d barrister Owen Lindqvist-Rao, "
     "appearing for the dockers, told the panel.\n\nThe panel adjourned.", "Owen Lindqvist-Rao"),
    ('"Your Honour, the contract was signed under pressure," counsel Piet van Oort, representing the growers, told the '
     "court on Tuesday.", "Piet van Oort"),
])
def test_a_name_before_a_participle_phrase_set_off_by_commas_is_the_subject_of_the_cue_after_it(nlp, text, speaker):
    row = rows(text, nlp)[0]
    assert (row["speaker_entity"], row["cue"]) == (speaker, "told")


@pytest.mark.parametrize("text, speaker, cue", [
    ('Councillor Brigid Achebe-Lowe, whose ward includes the old tannery, called the plan "a gift to developers".',
     "Brigid Achebe-Lowe", "called"),
    ("Nkosi-Varga, whose union represents about 900 port pilots, said the offer was worth \u201cless than the paper it "
     "is written on\u201d.", "Nkosi-Varga", "said"),
    ('Fisherman Alun Pryce-Ortega, 64, whose boat was wrecked in the storm, said: "We had no warning at all."',
     "Alun Pryce-Ortega", "said"),
    ("Sen. Imelda Korhonen-Best, also a Democrat, whose state hosts two of the plants, called the rule \u201ca "
     "paperwork tax on farmers.\u201d", "Imelda Korhonen-Best", "called"),
])
def test_a_name_before_a_relative_clause_set_off_by_commas_is_the_subject_of_the_cue_after_it(nlp, text, speaker, cue):
    """"X, whose district includes ..., called": the clause (and an age or apposition before it) describes the name."""
    row = rows(text, nlp)[0]
    assert (row["speaker_entity"], row["cue"]) == (speaker, cue)


def test_a_cue_with_its_own_subject_after_a_relative_clause_keeps_that_subject(nlp):
    text = ('The mayor met Ana Ruiz-Okafor, who runs the night shelter, and her deputy, Tom Biel, said the talks were '
            '"useful".')
    assert one(text, nlp)["speaker_entity"] == "Tom Biel"


@pytest.mark.parametrize("text, speakers", [
    ('"This offer is an insult," said Mirela Dascalu-Finch of the Nurses\' Union and Tariq Olawale-Hume of the '
     "Midwives' Federation.", ["Mirela Dascalu-Finch", "Tariq Olawale-Hume"]),
    ("\u201cThe fungus did the work for us,\u201d wrote Dr Sanne de Wit-Okafor of Leiden University and Prof Kwesi "
     "Ampofo-Darko of the University of Cape Coast.", ["Sanne de Wit-Okafor", "Kwesi Ampofo-Darko"]),
    ('The strike is off. "Members have spoken," Ana Lisboa-Reed of the Dockers\' Guild and Piet Varga-Holm of the '
     "Crane Operators' Union said on Friday.", ["Ana Lisboa-Reed", "Piet Varga-Holm"]),
])
def test_coordinated_speakers_keep_every_name_across_their_affiliations(nlp, text, speakers):
    """"X of A and Y of B said": the parser hangs the "and" (or the second name) on the first name's affiliation."""
    row = one(text, nlp)
    assert row["speakers"].split("; ") == speakers


@pytest.mark.parametrize("text, speaker", [
    ("Brightwell shares fell 4% in early trading, with one of its biggest shareholders, Norland Capital, dismissing the "
     "plan as \u201ca rescue for the board, not the business.\u201d", "Norland Capital"),
    ('Fares rose again on Monday, with the largest of the passenger groups, Fair Fares Now, calling the rise "a tax on '
     'getting to work".', "Fair Fares Now"),
    ("The bill passed its second reading, with a long-time critic of the scheme, Senator Orla Quist-Mendez, warning "
     "that it would be \u201cchallenged in court within a week\u201d.", "Orla Quist-Mendez"),
])
def test_the_name_in_an_absolute_with_phrase_is_the_subject_of_its_participle(nlp, text, speaker):
    """", with one of its investors, X, touting ...": the participle belongs to X, not to the main clause's subject."""
    assert one(text, nlp)["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ('The court heard she had taken \u00a352,000 from the charity.\n    Mitigating, Priya Okonjo-Hale said her client was '
     '"deeply sorry"\nand had repaid half of it.', "Priya Okonjo-Hale"),
    ("The jury retired on Friday.\n\nSumming up, Judge Alasdair Kerr-Mbeki said the case was \u201cunusually "
     "painful\u201d for everyone involved.", "Alasdair Kerr-Mbeki"),
    ('He admitted three counts of fraud. Defending, Rhodri Ellis-Varga said his client had been "a fool, not a '
     'thief".', "Rhodri Ellis-Varga"),
])
def test_a_participle_opening_the_sentence_gives_way_to_the_name_after_it(nlp, text, speaker):
    """"Mitigating, X said": the participle names the role, X speaks."""
    assert one(text, nlp)["speaker_entity"] == speaker


@pytest.mark.parametrize("text, speakers", [
    ('"We cannot keep paying for the same bridge twice," Mayors Hilde Sorensen-Park of Alder Falls, Kofi Mensah-Ray of '
     "Port Amble and Greta Lindqvist of Bramwell Heights wrote in a joint letter.",
     ["Hilde Sorensen-Park", "Kofi Mensah-Ray", "Greta Lindqvist"]),
    ("\u201cThe clinic stays open,\u201d Professors Rhian Pugh-Evans of Cardiff University, Dewi Okonjo of Bangor "
     "University and Eira Lund of Swansea University wrote.", ["Rhian Pugh-Evans", "Dewi Okonjo", "Eira Lund"]),
])
def test_a_list_of_titled_names_with_affiliations_keeps_every_speaker(nlp, text, speakers):
    """"Mayors X of A, Y of B and Z of C wrote": the parser hangs the later names on the affiliations."""
    assert one(text, nlp)["speakers"].split("; ") == speakers


@pytest.mark.parametrize("text, speakers", [
    ('"We will appeal," Marta Silva-Noor of Keane and Partners said.', ["Marta Silva-Noor"]),
])
def test_names_inside_a_description_or_an_affiliation_are_not_a_list_of_speakers(nlp, text, speakers):
    assert one(text, nlp)["speakers"].split("; ") == speakers
