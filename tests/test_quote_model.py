"""The document model: one entity per referent, with the roles and gender the text gives it."""
from __future__ import annotations

import pytest

from analysis.quotes.model import DocumentModel, name_key


@pytest.fixture(scope="module")
def build(nlp):
    component = nlp.get_pipe("quotes")

    def build(text: str) -> DocumentModel:
        doc = nlp(text)
        return DocumentModel(doc, component.lexicon, component.titles, [False] * len(doc), (),
                             frozenset(component.cues.verbs), component.common_nouns)

    return build


def by_name(model: DocumentModel) -> dict:
    return {e.name: e for e in model.entities}


def test_name_keys_treat_both_apostrophes_alike():
    assert name_key("O\u2019Neill") == name_key("O'Neill") == "o'neill"
    assert name_key("Pires's") == "pires"


def test_full_short_and_first_names_are_one_person(build):
    model = build("Transport Minister Ana Pires opened the bridge. Pires spoke. Later Ana waved.")
    people = [e for e in model.entities if e.kind == "person"]
    assert [p.name for p in people] == ["Ana Pires"]
    assert len(people[0].mentions) == 3 and "minister" in people[0].roles


def test_roles_from_appositions_and_titles(build):
    entities = by_name(build("Rui Costa, the union leader, spoke. The spokeswoman, Ines Valle, replied."))
    assert "leader" in entities["Rui Costa"].roles
    assert entities["Ines Valle"].gender == "f" and "spokeswoman" in entities["Ines Valle"].roles


def test_an_honorific_of_another_language_gives_its_gender(build):
    people = by_name(build("Gogo Thandeka Mahlangu and Mkhulu Sipho Dube queued from dawn."))
    assert people["Thandeka Mahlangu"].gender == "f" and people["Sipho Dube"].gender == "m"


def test_a_possessive_in_a_who_clause_is_the_names_unless_someone_is_named_between(build):
    people = by_name(build("The dig was led by Mirela Dantas-Quill, who spent six years there with her students."))
    assert people["Mirela Dantas-Quill"].votes["f"] == 1
    people = by_name(build("The study was led by Kerry Vance, who worked with Ana Pires and her team, and by Sam Hollis."))
    assert people["Kerry Vance"].votes["f"] == 0


def test_gender_from_honorifics_and_pronouns(build):
    entities = by_name(build("Mr Tom Vale arrived. Ana Lind said her plan was ready."))
    assert entities["Tom Vale"].gender == "m" and entities["Ana Lind"].gender == "f"


def test_organisations_places_and_dates(build):
    entities = by_name(build("The Dockers' Guild met in Lisbon on Monday. The Ministry of Transport agreed."))
    assert entities["Dockers' Guild"].kind == "organisation"
    assert entities["Ministry of Transport"].kind == "organisation"
    assert "Monday" not in entities
    assert entities.get("Lisbon") is None or entities["Lisbon"].kind == "place"


def test_descriptions_find_their_entity(build):
    model = build("The Federation of Bakers struck. Its chair, Rui Costa, spoke. Minister Ana Pires replied.")
    assert model.organisation_for("union", 10**6).name == "Federation of Bakers"
    assert model.with_role(["minister"], 10**6).name == "Ana Pires"
    assert model.with_role(["governor"], 10**6) is None


# Names and kinds robust to the tagger: the evidence of every mention, not the NER label alone.
def kinds(model: DocumentModel) -> dict:
    return {e.name: e.kind for e in model.entities}


def test_a_surname_tagged_org_on_its_own_stays_a_person(build):
    model = build("Deborah Finch, a former clerk at Halloway & Sons, gave evidence on Tuesday. Finch said the "
                  "firm's owner had shouted at her. Finch agreed she had kept no notes.")
    assert kinds(model) == {"Deborah Finch": "person", "Halloway & Sons": "organisation"}


def test_coordinated_names_with_a_plural_role_are_all_people(build):
    model = build("Katrin Scholz, Emeka Uzor and Lukas Brandt, the mayors of three river towns, wrote to the premier. "
                  "Scholz, Uzor and Brandt said they would meet again.")
    people = {e.name: e for e in model.entities}
    assert {n: e.kind for n, e in people.items()} == {n: "person" for n in ("Katrin Scholz", "Emeka Uzor", "Lukas Brandt")}
    assert all("mayor" in e.roles for e in people.values())


@pytest.mark.parametrize("text, name", [
    ("Harbour Watch, a residents' group, has opposed the plan. Harbour Watch says it will go to court.", "Harbour Watch"),
    ("The Kessing Chronicle asked to see the report in May. The Chronicle said it would appeal.", "Kessing Chronicle"),
    ("Brenna Lithium, the mining company, wants to dig near Halloran. Its chief executive, Roland Weiss, spoke.",
     "Brenna Lithium"),
])
def test_organisations_known_by_their_article_apposition_or_speech(build, text, name):
    assert kinds(build(text))[name] == "organisation"


def test_a_dateline_is_a_place_and_an_of_name_keeps_its_own_entity(build):
    model = build("OSLAVIA, 3 May - The governor of the Central Bank of Oslavia, Petra Lund, said rates would rise.")
    assert kinds(model) == {"OSLAVIA": "place", "Central Bank of Oslavia": "organisation", "Petra Lund": "person"}


def test_names_the_tagger_misreads(build):
    model = build("The inquiry heard Mr Liam O’Rourke first. Later Mr O’Rourke returned.\n\n"
                  "10:05 Harbour Watch says the plan is wrong.")
    entities = {e.name: e for e in model.entities}
    assert len(entities["Liam O’Rourke"].mentions) == 2  # "O’Rourke" tagged as an adverb
    assert "Harbour Watch" in entities  # a name tagged DATE with the time stamp before it
    assert not {"May", "Monday"} & set(build("Talks resume on Monday, and in May the Board of Trade meets.").entities)


def test_a_short_name_two_people_share_waits_for_gender_from_the_text(build):
    model = build("Alicja Novak, the chief executive, backed the plan. Her brother Tomas Novak, the finance director, "
                  "opposed it. Ms Novak spoke first. Mr Novak replied.")
    people = {e.name: e for e in model.entities}
    assert (people["Alicja Novak"].gender, people["Tomas Novak"].gender) == ("f", "m")
    ms, mr = (next(t.i for t in model.doc if t.text == title) + 1 for title in ("Ms", "Mr"))
    assert (model.entity_at(ms).name, model.entity_at(mr).name) == ("Alicja Novak", "Tomas Novak")


def test_events_and_works_are_named_but_never_people(build):
    model = build("Amira Haddad reached the final of the Calvera Open on Friday while her coach watched.")
    assert kinds(model).get("Calvera Open") == "thing"


@pytest.mark.parametrize("text, name", [
    ("Minister for Fisheries Aoibheann Ní Bhriain-Walsh opened the pier. Ní Bhriain-Walsh spoke.", "Aoibheann Ní Bhriain-Walsh"),
    ("Regional Planning Commissioner Tomas Varga signed the order.", "Tomas Varga"),
    ("Sheriff Odile Marchetti-Baye sentenced him on Friday.", "Odile Marchetti-Baye"),
    ("Passengers were stranded. Passenger Ilse Brandvold-Kaur said the crew had vanished.", "Ilse Brandvold-Kaur"),
    ("Governor-elect Mirela Costache-Pop thanked voters.", "Mirela Costache-Pop"),
    ("MEP Ragnar Olafsson-Dahl voted against.", "Ragnar Olafsson-Dahl"),
    # round 7: honorifics of other languages kept before a name in English news
    ("Gogo Thandeka Mahlangu, 79, queued from dawn.", "Thandeka Mahlangu"),
    ("Shrimati Kamala Devi said the well had run dry.", "Kamala Devi"),
    ("Frau Ingrid Vogel-Hartmann said the tram was late.", "Ingrid Vogel-Hartmann"),
    ("Datuk Ahmad Zulkifli opened the bridge.", "Ahmad Zulkifli"),
])
def test_titles_roles_and_portfolios_are_not_part_of_the_name(build, text, name):
    people = [e.name for e in build(text).entities if e.kind == "person"]
    assert people == [name]


@pytest.mark.parametrize("text, name", [  # round 6: a noun for what someone does, made from another noun
    ("Orchardist Wiremu Tane-Halloran lost half his crop.", "Wiremu Tane-Halloran"),
    ("Councilor Bettina Ruiz-Aguilar voted no on Tuesday.", "Bettina Ruiz-Aguilar"),
    ("The race was hot. Finisher Agnieszka Wolny-Brandt said she drank at every stop.", "Agnieszka Wolny-Brandt"),
])
def test_an_agent_noun_before_a_name_is_a_role(build, text, name):
    people = [e.name for e in build(text).entities if e.kind == "person"]
    assert people == [name]


@pytest.mark.parametrize("text, name", [  # round 7: the surname is the word before post-nominals, and a two-letter
    # surname the word list has as an abbreviation ("ng") is still a surname
    ("The library shut early. Student Grace Ng said the hours were too short.", "Grace Ng"),
    ("Fares rose on Monday. Passenger Kevin Wu said he had given up on the bus.", "Kevin Wu"),
    ("The court rose at four. His barrister, Simon Pettifer SC, said the case was closed.", "Simon Pettifer"),
    ("The hearing resumed. Advocate Lindiwe de Klerk SC told the panel it had no case.", "Lindiwe de Klerk"),
    ("The hearing resumed. Counsel Oliver Brandt KC said the panel had no case.", "Oliver Brandt"),
])
def test_a_role_noun_before_a_name_ending_in_a_two_letter_surname_or_post_nominals_is_a_role(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # a given name that is also an agent noun stays a given name
    ("Hunter Kowalczyk-Bryce led the count.", "Hunter Kowalczyk-Bryce"),
    ("Christian de la Fuente-Rey led the count.", "Christian de la Fuente-Rey"),
    ("Herman Van der Berg-Ruys led the count.", "Herman Van der Berg-Ruys"),
    ("Norman Okafor Ellis led the count.", "Norman Okafor Ellis"),
])
def test_a_given_name_like_an_agent_noun_stays_in_the_name(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [
    ("The Norwegian Polar Environment Directorate said it would act.", "Norwegian Polar Environment Directorate"),
    ("The Cape Water Users’ Forum objected.", "Cape Water Users’ Forum"),
])
def test_an_organisation_keeps_the_common_nouns_of_its_name(build, text, name):
    assert name in {e.name for e in build(text).entities}


@pytest.mark.parametrize("text, name, short", [  # round 7: the Irish article between a particle and the surname
    ("Sligo coach Seán Mac an Bhaird picked his side. Mac an Bhaird said the choice was easy.", "Seán Mac an Bhaird",
     "Mac an Bhaird"),
    ("Cork captain Aoife Nic an tSaoir was injured. Later Nic an tSaoir said she would be back.", "Aoife Nic an tSaoir",
     "Nic an tSaoir"),
])
def test_an_irish_article_after_a_particle_stays_in_the_surname(build, text, name, short):
    model = build(text)
    people = [e for e in model.entities if e.kind == "person"]
    assert [p.name for p in people] == [name] and len(people[0].mentions) >= 2
    assert short.lower() in people[0].keys and "an" not in people[0].keys and "mac" not in people[0].keys


def test_an_article_after_a_name_is_not_a_particle(build):
    model = build("The council hired an Irish firm. Board member Ian Mac Donnell said an Irishman would run it.")
    assert "Ian Mac Donnell" in {e.name for e in model.entities if e.kind == "person"}
    assert not any(" an " in e.name for e in model.entities)


def test_the_first_words_of_a_long_name_are_a_short_name(build):
    model = build("Foreign Minister Nur Halimah Zainal Abidin will miss the summit. Nur Halimah said she was sorry.")
    assert [e.name for e in model.entities if e.kind == "person"] == ["Nur Halimah Zainal Abidin"]


def test_a_hyphenated_name_after_a_dateline_is_not_part_of_it(build):
    model = build("MORRISTOWN, N.J. -- City Council President Delphine Okoro-Vance was elected mayor on Tuesday.")
    assert kinds(model)["Delphine Okoro-Vance"] == "person"


@pytest.mark.parametrize("text, kind", [
    ("Westfield Comets said it would appeal the fine.", "organisation"),  # tagged ORG, ends with a common noun
    ("Harbour Hawks lost again on Saturday.", "organisation"),  # a place word in front does not make a place
    ("Tourists crowded Canal Street on Saturday.", "place"),
])
def test_kind_from_the_words_of_the_name(build, text, kind):
    model = build(text)
    assert [e.kind for e in model.entities] == [kind]


def test_a_pronoun_finds_a_person_the_tagger_took_for_an_organisation(build):
    model = build("Ivo Marsh resigned on Monday. He said he was tired.")
    he = next(t.i for t in model.doc if t.text == "He")
    assert model.person_for_pronoun(he, "m").name == "Ivo Marsh"


def test_a_classifier_noun_opening_the_sentence_is_not_part_of_an_organisation_name(build):
    names = set(by_name(build("Shares of Corvane Ltd fell 6 per cent. Brokerage Pillai & Co cut its target.")))
    assert {"Corvane Ltd", "Pillai & Co"} <= names
    assert not names & {"Shares of Corvane Ltd", "Brokerage Pillai & Co"}


def test_a_plural_noun_with_of_stays_in_a_name_that_is_not_an_organisation_by_itself(build):
    assert "Friends of the Marsh" in by_name(build("Friends of the Marsh and the Reedbed Trust went to court."))


def test_an_honorific_the_text_used_for_one_person_does_not_fit_another(build):
    model = build("Ellen Marchetti-Boyd, 19, died in March. The coroner said Miss Marchetti-Boyd had been let down. "
                  "Ellen's mother, Rosa Marchetti-Boyd, spoke later. Mrs Marchetti-Boyd said nobody called.")
    entities = by_name(model)
    mrs = next(t.i for t in model.doc if t.text == "Mrs")
    assert model.entity_at(mrs + 1) is entities["Rosa Marchetti-Boyd"]
    assert entities["Ellen Marchetti-Boyd"].honorifics == {"miss"}


def test_a_dateline_ending_with_a_colon_names_a_place(build):
    entities = by_name(build("NEW DELHI: The city government closed all schools on Monday."))
    kinds = [e.kind for e in entities.values() if "DELHI" in e.name]
    assert kinds and set(kinds) == {"place"}


def test_an_organisation_name_with_and_or_a_listed_portfolio_is_one_name(build):
    names = set(by_name(build("The Food and Drink Workers' Guild (FDWG) met the Ministry for Housing, Planning and "
                              "Heritage on Monday. The FDWG said little.")))
    assert {"Food and Drink Workers' Guild", "Ministry for Housing, Planning and Heritage"} <= names
    assert "FDWG" not in names  # the acronym in brackets is the guild's


@pytest.mark.parametrize("text, name, kind", [
    # a city the tagger calls a place, with nothing in the text that says person: a place (a team, not a speaker)
    ('The Comets pitcher threw six scoreless innings against Tacoma on Saturday.', "Tacoma", "place"),
    # one "the" before two capitalised words and an organisation word, across a hard line wrap
    ('The Mineworkers Union of Natal and the\nChemical and Allied Workers Federation will appeal the ruling.',
     "Chemical and Allied Workers Federation", "organisation"),
    # ships named with a ship noun
    ('Crew abandoned the ferry Morning Star off Skye.', "Morning Star", "thing"),
])
def test_kinds_of_cities_wrapped_organisations_and_ships(build, text, name, kind):
    assert by_name(build(text))[name].kind == kind


@pytest.mark.parametrize("text, name", [
    ("The Children's Rights Alliance and the Women's Refuge Network backed the bill.", "Women's Refuge Network"),
    ("The Men's Health Forum said the report was late.", "Men's Health Forum"),
])
def test_a_plural_possessive_after_the_opens_an_organisation_name(build, text, name):
    assert by_name(build(text))[name].kind == "organisation"


def test_two_plural_possessives_opening_a_sentence_make_one_organisation(build):
    model = build("Drivers\u2019 and Conductors\u2019 Union organiser Amir Haddad-Lowe has called a strike.")
    assert by_name(model)["Drivers\u2019 and Conductors\u2019 Union"].kind == "organisation"
    assert by_name(model)["Amir Haddad-Lowe"].kind == "person"


def test_a_ledes_man_or_woman_is_the_next_person_of_that_gender_named(build):
    model = build('A woman who set fire to a neighbour\u2019s shed told a court on Friday that she felt "no anger". '
                  'Ms Carys Pemberton-Ode, 44, wept in the dock.\n\nHer neighbour, Mr Idris Vance, did not attend.')
    head = next(t for t in model.doc if t.lower_ == "woman")
    assert model.named_later(head).name == "Carys Pemberton-Ode"


def test_a_man_further_down_the_story_is_not_named_by_gender_alone(build):
    model = build('Police closed the road after the crash.\n\nA man who saw it happen said the van was speeding. '
                  'Mr Ravi Osei-Lund, the driver, was unhurt.')
    head = next(t for t in model.doc if t.lower_ == "man")
    assert model.named_later(head) is None


@pytest.mark.parametrize("text, name, main", [
    # the subject of a reporting relative clause is a subject a later he/she can point to (not a main one)
    ("The only objection came from parish councillor Rupert Oyelaran-Smith, who said the plan was rushed.",
     "Rupert Oyelaran-Smith", False),
])
def test_speakers_the_parser_hides_are_still_subjects(build, text, name, main):
    entity = by_name(build(text))[name]
    assert entity.subject_mentions and bool(entity.main_mentions) == main


def test_a_role_noun_the_parser_read_as_a_verb_before_a_name_leaves_the_name_the_main_subject(nlp):
    """"Privacy advocate X said ...", parsed (as the small model sometimes does in wrapped copy) with "Privacy"
    the subject of a verb "advocate" whose object is X: X is still the sentence's main subject."""
    from spacy.tokens import Doc

    component = nlp.get_pipe("quotes")
    words = ["Privacy", "advocate", "Hollis", "Grant", "said", "the", "memo", "was", "candid", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 9 + [False],
              heads=[1, 4, 3, 1, 4, 6, 7, 4, 7, 4],
              deps=["nsubj", "nsubj", "compound", "dobj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct"],
              pos=["NOUN", "VERB", "PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"],
              ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"])
    model = DocumentModel(doc, component.lexicon, component.titles, [False] * len(doc), (),
                          frozenset(component.cues.verbs), component.common_nouns)
    entity = by_name(model)["Hollis Grant"]
    assert entity.subject_mentions and entity.main_mentions



def test_a_possessive_after_an_object_pronoun_gives_the_subject_no_gender(build):
    model = build("Judge Ngaire Pemberton told him his tenants had waited for months. Judge Pemberton fined him "
                  "\u00a318,000.")
    assert by_name(model)["Ngaire Pemberton"].votes["m"] == 0


def test_a_possessive_name_after_an_opening_preposition_is_no_place(build):
    model = build("In Marit Solheim-Berg\u2019s letter to staff, the plan was called off.")
    assert by_name(model)["Marit Solheim-Berg"].kind == "person"


@pytest.mark.parametrize("text, speaker", [
    ('Prosecutor Imelda Vasquez-Thorne asked Ruth Okonedo-Lamb whether she had read the contract. '
     '"I signed what they gave me," she said.', "Ruth Okonedo-Lamb"),
    ('Committee chair Gerald Fenwick-Osei asked Tomas Lindqvist-Achebe why he had not reported the leak.\n\n'
     '"Nobody above me wanted to know," he said.', "Tomas Lindqvist-Achebe"),
    # a request is no question: the asker goes on speaking
    ('Coach Darnell Whitby-Amos asked Leon Farrow-Kim to leave the pitch. "He knows why," he said.', "Darnell Whitby-Amos"),
])
def test_a_quoted_answer_goes_to_the_person_asked(nlp, text, speaker):
    from statement_cases import rows

    assert rows(text, nlp)[-1]["speaker_entity"] == speaker


def test_an_organisation_named_after_a_dateline_place_is_its_own_entity(build):
    model = build("BOISE, Idaho (AP) - The governor signed the bill. The Idaho Nurses Association called it \"reckless\".")
    names = by_name(model)
    assert names["Idaho Nurses Association"].kind == "organisation" and names["Idaho"].kind == "place"


def test_the_company_is_an_organisation_the_story_had_act_not_a_paper_it_cites(nlp):
    from statement_cases import rows

    text = ('PORTLAND -- Outdoor retailer Fern & Flint said Monday it would close 12 stores. '
            'A memo to staff, seen by The Portland Ledger, called the cuts "painful."\n\n'
            'Only last year, the company was touting its new store as "the shop of the future."')
    assert rows(text, nlp)[-1]["speaker_entity"] == "Fern & Flint"


@pytest.mark.parametrize("text, name", [  # round 6: a hard line wrap inside a name is only a space
    ("   The Minister of State\nfor Rural Housing Aoife Ní Chonaill-Byrne\nopened the estate.", "Aoife Ní Chonaill-Byrne"),
    ("   The objector, Mr Pieter\nvan der Walt-Moss, spoke\nfirst. Mr van der Walt-Moss left.", "Pieter van der Walt-Moss"),
])
def test_a_hard_line_wrap_inside_a_name_is_a_space(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # round 6: the number of a branch belongs to the organisation's name
    ("On Monday, Halvorsen Drivers Union Local 17 said it had not been consulted.", "Halvorsen Drivers Union Local 17"),
    ("The Brotherhood of Harbour Pilots Lodge 42 voted to strike on Monday.", "Brotherhood of Harbour Pilots Lodge 42"),
    ("The Kessler Nurses Union Local 1199 will meet the board.", "Kessler Nurses Union Local 1199"),
])
def test_a_branch_number_ends_an_organisation_name(build, text, name):
    assert name in {e.name for e in build(text).entities}


def test_a_year_after_an_organisation_is_no_part_of_its_name(build):
    names = {e.name for e in build("The Ministry of Health 2024 report was published by the Ministry of Health.").entities}
    assert "Ministry of Health" in names and not any("2024" in n for n in names)


def test_a_name_before_a_verb_is_no_modifier_of_the_noun_after_it(build):
    # round 7: "MP X asked board chair Y": the parser may hang X on "chair"; a verb between says X is a referent
    model = build("Labour MP Dana Whitlock-Reyes asked board chair Tom Ashby about the cuts.")
    assert {"Dana Whitlock-Reyes", "Tom Ashby"} <= {e.name for e in model.entities if e.kind == "person"}
    model = build("A senior Velmoran diplomat said the talks had failed.")
    assert not any(e.kind == "person" for e in model.entities)


@pytest.mark.parametrize("text, name", [  # round 8: a noun for a person before a name whose surname is a word-list noun
    ("The creek ran dry. Rancher Tom Kettering said the herd was sold.", "Tom Kettering"),
    ("The fence fell. Neighbour Jo Baker said she heard it at night.", "Jo Baker"),
    ("The yard shut. Welder Li Fletcher said the cranes had gone quiet.", "Li Fletcher"),
])
def test_a_person_noun_before_a_name_is_a_role_when_the_surname_is_a_common_noun(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


def test_a_person_noun_before_an_organisations_name_stays_in_it(build):
    names = {e.name for e in build("Farmers Union Bank said it would lend more.").entities}
    assert "Farmers Union Bank" in names


@pytest.mark.parametrize("text, name", [  # round 8: the last word of a name says what it is, whatever words come before
    ("The Merchant Shipping Act was amended in May.", "Merchant Shipping Act"),
    ("Critics said the Rail Company Charter was out of date.", "Rail Company Charter"),
    ("The Harbour Authority Bill passed its second reading.", "Harbour Authority Bill"),
])
def test_a_law_named_after_an_organisation_is_a_thing(build, text, name):
    assert {e.name: e.kind for e in build(text).entities}[name] == "thing"


@pytest.mark.parametrize("text, name", [  # round 8: the sentence's own "The" before "X and Y <organisation word>"
    ("Talks ended at dawn.\nThe Culloden and Balloch Community Council said it would meet.", "Culloden and Balloch Community Council"),
    ("Talks ended at dawn. The Bus and Tram Drivers Union (BTDU) welcomed the offer.", "Bus and Tram Drivers Union"),
])
def test_a_sentence_opening_the_x_and_y_union_is_one_organisation(build, text, name):
    assert {e.name: e.kind for e in build(text).entities}.get(name) == "organisation"


def test_a_name_coordinated_with_a_person_is_a_person_unless_more_than_a_tag_says_otherwise(build):
    text = ("The union’s general secretary, Tomas Ferrand, and the guild’s Hine Waititi were more guarded. "
            "Critics named Minister Ana Pires and the Marine Safety Act.")
    kinds_ = {e.name: e.kind for e in build(text).entities}
    assert kinds_["Hine Waititi"] == "person" and kinds_["Tomas Ferrand"] == "person"
    assert kinds_["Marine Safety Act"] == "thing"


@pytest.mark.parametrize("text, name", [  # round 8: a word after a particle is the surname's, even a role word ("Con")
    ("Galway manager Seán Mac Con Uladh named his team. Mac Con Uladh said it was settled.", "Seán Mac Con Uladh"),
    ("Eoin Mac Con Midhe led the count.", "Eoin Mac Con Midhe"),
    ("Det Con Sarah Bell gave evidence.", "Sarah Bell"),
])
def test_a_role_word_after_a_particle_stays_in_the_surname(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # round 9: a title with its portfolio and no name is the named person's title
    ("Ontario's Transport Minister, Priya Calloway-Ng, said the line would open in May.", "Priya Calloway-Ng"),
    ("The Finance Secretary, Tomas Ferreira, told reporters the budget was balanced.", "Tomas Ferreira"),
    ("Kerala's Public Works Minister, R. Devan Pillai, said the road was safe.", "R. Devan Pillai"),
])
def test_a_portfolio_title_set_off_before_a_name_is_no_person(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


def test_a_given_name_before_a_title_word_stays_a_person(build):
    names = {e.name for e in build("Carol King said the song was written in a week.").entities}
    assert "Carol King" in names


@pytest.mark.parametrize("text, short", [  # round 9: a surname with an apostrophe, repeated alone after a quotation
    ("   Harbour United coach Darren O’Shaughnessy says his side is fine.\n   ‘We will not panic. The effort was there,’ "
     "O’Shaughnessy told reporters.", "O’Shaughnessy"),
    ("   Manager Aoife D’Arcy-Lynch says the club is fine.\n   ‘We are not worried. The work was done,’ D’Arcy-Lynch "
     "told reporters.", "D’Arcy-Lynch"),
    ("   Trainer Kevin O'Keeffe says the horse is fine.\n   'We will not rush him. The signs are good,' O'Keeffe "
     "told reporters.", "O'Keeffe"),
])
def test_a_surname_with_an_apostrophe_repeated_alone_is_the_same_person(build, text, short):
    model = build(text)
    at = text.rindex(short)
    tok = next(t for t in model.doc if t.idx == at)
    assert model.entity_at(tok.i) is not None and model.entity_at(tok.i).name.endswith(short)


@pytest.mark.parametrize("text, name", [  # round 9: the tagger's person span starting at a particle keeps the given name
    ("The waits fell, Minister for Health Deirdre Ní Fhlatharta said on Thursday.", "Deirdre Ní Fhlatharta"),
    ("The fares rose, Minister for Transport Ciarán Mac Giolla Bhríde said on Monday.", "Ciarán Mac Giolla Bhríde"),
    ("The rents rose, Minister for Housing Cathal Mac Giolla Phádraig said on Friday.", "Cathal Mac Giolla Phádraig"),
    ("The queues grew, Minister for Housing Pádraig Ó Murchú said on Friday.", "Pádraig Ó Murchú"),
])
def test_a_given_name_before_a_particle_after_a_portfolio_is_the_names(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # round 9: "Minister for <portfolio>" is an office, even when the portfolio
    ("Queensland's Minister for Water, Bronwyn Tallis, said the dam would be finished.", "Bronwyn Tallis"),  # is an
    ("The Secretary of State for Energy, Amir Khalili, told reporters the grid was secure.", "Amir Khalili"),  # org word
    ("Ireland's Minister for Transport, Niamh Ó Dúill, said the line would reopen.", "Niamh Ó Dúill"),
])
def test_an_office_with_its_portfolio_after_for_or_of_is_no_organisation(build, text, name):
    model = build(text)
    assert [e.name for e in model.entities if e.kind == "person"] == [name]
    assert not [e for e in model.entities if e.kind == "organisation" and e.name.split()[0] in ("Minister", "Secretary")]


@pytest.mark.parametrize("text, name", [  # round 9: "Cr", the Australian and New Zealand abbreviation of Councillor
    ("The mayor, Cr Tanya Whitfield-Ong, opened the pool. Cr Whitfield-Ong said it was overdue.", "Tanya Whitfield-Ong"),
    ("Deputy mayor Cr Liam Papadakis said rates would rise. Cr Papadakis said the council had no choice.", "Liam Papadakis"),
])
def test_cr_is_a_title_before_a_full_or_short_name(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # round 9: a surname with an elided particle attached ("d’", "l'")
    ("At the plant, line supervisor Brenda d\u2019Entremont said the news was a relief.", "Brenda d\u2019Entremont"),
    ("Chef Marco d'Alessandro-Price said the kitchen would reopen on Friday.", "Marco d'Alessandro-Price"),
])
def test_a_surname_with_an_elided_particle_is_part_of_the_name(build, text, name):
    assert name in [e.name for e in build(text).entities if e.kind == "person"]


@pytest.mark.parametrize("text, name", [  # round 9: an agent noun whose base lost its silent e ("headline" -> "headliner")
    ("Headliner Kofi Asante-Mills posted a video from his hotel.", "Kofi Asante-Mills"),
    ("Skater Ines Varga-Holm said the rink was unsafe.", "Ines Varga-Holm"),
])
def test_an_agent_noun_from_a_noun_ending_in_e_is_a_role(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


def _organisations(model: DocumentModel) -> list[str]:
    return [e.name for e in model.entities if e.kind == "organisation"]


@pytest.mark.parametrize("text, name", [  # round 10: a hyphenated organisation word is one word ("Co-operative")
    ("The Darling Downs Dairy Farmers\u2019 Co-operative has called for a floor price.", "Darling Downs Dairy Farmers\u2019 Co-operative"),
    ("The Fenland Potato Growers' Co-op said the harvest was late.", "Fenland Potato Growers' Co-op"),
])
def test_a_hyphenated_organisation_word_ends_an_organisations_name(build, text, name):
    assert _organisations(build(text)) == [name]


@pytest.mark.parametrize("text, name", [  # round 10: a hard line wrap right after a plural possessive inside a name
    ("Drivers protested. The Northern Bus Drivers\u2019\nUnion said the rota was unsafe.", "Northern Bus Drivers\u2019 Union"),
    ("Farmers were angry. The Upland Sheep Breeders'\nAssociation said prices had halved.", "Upland Sheep Breeders' Association"),
])
def test_a_line_wrap_after_a_plural_possessive_stays_inside_the_name(build, text, name):
    assert name in _organisations(build(text))


@pytest.mark.parametrize("text, name", [  # round 10: a possessive inside the tagger's one entity opens an organisation
    ("Maisie\u2019s Law Campaign, set up by bereaved parents, said the date was welcome.", "Maisie\u2019s Law Campaign"),
    ("The victims' group Owen's Law Campaign said it would fight on.", "Owen's Law Campaign"),
])
def test_a_possessive_inside_an_organisations_name_is_kept(build, text, name):
    assert name in _organisations(build(text))


def test_a_places_possessive_is_no_part_of_the_organisation_after_it(build):
    names = _organisations(build("Britain\u2019s Labour Party said no. Kenya\u2019s Law Society said the bill was unlawful."))
    assert "Labour Party" in names and "Law Society" in names and not any("\u2019s" in n for n in names)


@pytest.mark.parametrize("text, name", [  # round 10: a capitalised adjective after a dash opens a place-named organisation
    ("\u201cNo comment until we have read it.\u201d \u2013 Eastern Cape Tenants\u2019 Forum", "Eastern Cape Tenants\u2019 Forum"),
    ("\u201cWe will appeal.\u201d \u2014 Northern Rivers Dairy Association", "Northern Rivers Dairy Association"),
])
def test_an_adjective_after_a_dash_opens_the_organisation_it_modifies(build, text, name):
    assert name in _organisations(build(text))


def test_a_title_after_a_dash_is_still_no_name(build):
    names = [e.name for e in build("\u201cNo comment.\u201d \u2013 Former Prime Minister Tom Wright").entities]
    assert names == ["Tom Wright"]


@pytest.mark.parametrize("text, name", [  # round 10: an industry noun before a company's name ("Chipmaker X")
    ("AUSTIN (AP) - Chipmaker Quellon Semiconductor on Tuesday announced a new plant.", "Quellon Semiconductor"),
    ("Drugmaker Brisveld Pharma said on Monday the trial had met its goal.", "Brisveld Pharma"),
])
def test_an_industry_noun_before_a_company_is_no_part_of_its_name(build, text, name):
    assert _organisations(build(text))[-1] == name


@pytest.mark.parametrize("text, name", [  # round 10: honorifics and offices of Nigerian and Irish papers
    ("KANO - The commissioner, Hajiya Hauwa Danladi-Musa, said the clinic would close.", "Hauwa Danladi-Musa"),
    ("Alhaja Kudirat Balogun-Ade said the market would reopen on Monday.", "Kudirat Balogun-Ade"),
    ("Mallam Ibrahim Danjuma-Bello said the school would reopen.", "Ibrahim Danjuma-Bello"),
    ("Tánaiste Orla Kennelly said the figures were right.", "Orla Kennelly"),
    ("Taoiseach Cathal Ó Murchú said the budget was fair.", "Cathal Ó Murchú"),
    ("The Ceann Comhairle, Ciarán Doherty, called for order.", "Ciarán Doherty"),
])
def test_honorifics_and_offices_of_english_language_presses(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


def test_a_nigerian_honorific_tells_the_gender(build):
    person = next(e for e in build("Hajiya Amina Lawal-Bako said the clinic was full.").entities if e.kind == "person")
    assert person.gender == "f"


@pytest.mark.parametrize("text, name", [  # round 10: a role noun already introduces the name: the next word is a given name
    ("Harwich United manager Dean Ashcombe-Pryce praised his defence. Ashcombe-Pryce said the point was deserved.",
     "Dean Ashcombe-Pryce"),
    ("Rovers coach Dean Whitlock-Ames said the squad was tired.", "Dean Whitlock-Ames"),
])
def test_a_given_name_that_is_a_role_noun_after_a_role_noun_is_the_names(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # ... and keeps its title reading otherwise
    ("The college's Dean Harriet Ames said the course would close.", "Harriet Ames"),
    ("Party leader Senator Jo Whitlock said no. Senator Whitlock left.", "Jo Whitlock"),
])
def test_a_title_without_a_role_noun_before_it_stays_a_title(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # round 10: a hard line wrap after a particle stays inside the name
    ("\"The bill is wrong,\" said Sen. Pieter van der\nWalt, the whip. Van der Walt wants permits sped up.",
     "Pieter van der Walt"),
    ("\"We will appeal,\" said Mayor Anouk de\nJong on Monday. De Jong said the vote was close.", "Anouk de Jong"),
])
def test_a_line_wrap_after_a_particle_keeps_the_surname_and_links_its_short_form(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # round 10: a given name before the tagger's person span after a portfolio
    ("Leader of the Opposition Harjit Singh Dhillon said the plan was late.", "Harjit Singh Dhillon"),
    ("Leader of the House Arjun Pal Chauhan said the session would be extended.", "Arjun Pal Chauhan"),
    ("Minister for Health Deirdre Walsh said the waits fell.", "Deirdre Walsh"),
])
def test_a_three_part_name_after_a_portfolio_keeps_its_given_name(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # round 10: a title before a role-noun given name ("Coach Dean X")
    ("Coach Dean O\u2019Mahony said the team would travel. O\u2019Mahony said the squad was ready.", "Dean O\u2019Mahony"),
    ("Chief Executive Dean Whitlock said profits rose.", "Dean Whitlock"),
])
def test_a_role_noun_given_name_after_a_title_is_the_names(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


@pytest.mark.parametrize("text, name", [  # round 10: a sentence-opening given name the tagger read as a common noun
    ("Piers Ashdown-Carr KC, for the insurer, said the rules had changed.", "Piers Ashdown-Carr"),
    ("Rose Tanner, for the families, said the inquiry was overdue.", "Rose Tanner"),
])
def test_a_given_name_opening_a_sentence_before_a_one_word_person_is_the_names(build, text, name):
    assert [e.name for e in build(text).entities if e.kind == "person"] == [name]


def test_a_noun_for_people_before_a_one_word_person_is_no_given_name(build):
    people = [e for e in build("Pensioners Smith and Jones said the fares were too high.").entities if e.kind == "person"]
    assert {e.name for e in people} == {"Smith", "Jones"}


@pytest.mark.parametrize("text, genders", [  # round 10: "X and Y, sister and brother,": the nouns go in order
    ("Councillors Aoibhe Cotter and Tadhg Cotter, sister and brother, sat on opposite sides.", {"Aoibhe Cotter": "f",
                                                                                            "Tadhg Cotter": "m"}),
    ("Runners Tomasz Nowak and Ewa Nowak, husband and wife, finished together.", {"Tomasz Nowak": "m", "Ewa Nowak": "f"}),
    ("Farmers Ali Demir and Zeynep Demir, brother and sister, run the dairy.", {"Ali Demir": "m", "Zeynep Demir": "f"}),
])
def test_a_coordinated_apposition_describes_the_coordinated_names_in_order(build, text, genders):
    people = {e.name: e.gender for e in build(text).entities if e.kind == "person"}
    assert people == genders


@pytest.mark.parametrize("text, name, gender", [  # round 10: a description set off before "the <noun> <name>"
    ("Tributes were paid to the pianist Colm Ó Ceallaigh. His daughter, the singer Méabh Ní Cheallaigh, said he had "
     "played until May.", "Méabh Ní Cheallaigh", "f"),
    ("The fisherman Ewan Bell died on Friday. His son, the footballer Ade Bell, said she had been at his side.",
     "Ade Bell", "m"),
])
def test_a_gendered_description_set_off_before_the_noun_and_name_gives_the_gender(build, text, name, gender):
    assert {e.name: e.gender for e in build(text).entities if e.kind == "person"}[name] == gender
