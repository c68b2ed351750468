"""Stage 2, ``unnamed``: unnamed sources keep their description and are marked unnamed."""
from __future__ import annotations

import pytest

from statement_cases import one


@pytest.mark.parametrize("text, who", [
    ('"The talks are stuck," a senior official said.', "a senior official"),
    ('"Nobody wants this," officials said.', "officials"),
    ('Two diplomats said the offer was "final".', "Two diplomats"),
])
def test_unnamed_sources(nlp, text, who):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["unnamed"]) == (who, True)


def test_a_named_speaker_is_not_unnamed(nlp):
    assert one('"The talks are stuck," Tove Lund said.', nlp)["unnamed"] is False


@pytest.mark.parametrize("text, who", [
    ('"The board knew everything," said a former colleague of Mr Vance\'s.', "a former colleague of Mr Vance's"),
    ('"The ceasefire is holding," said a monitor stationed near the border.', "a monitor stationed near the border"),
])
def test_where_an_unnamed_source_stands_is_part_of_its_description(nlp, text, who):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["unnamed"]) == (who, True)


def test_the_role_noun_refers_back_to_an_unnamed_source(nlp):
    text = ('The cuts were confirmed by a plant supervisor who asked not to be named. '
            '"It is the only way," the supervisor said.')
    row = one(text, nlp)
    assert (row["speaker_entity"], row["unnamed"]) == ("a plant supervisor", True)


def test_punctuation_around_an_unnamed_source_is_not_part_of_it(nlp):
    row = one('The deal is close, according to officials. "It is not dead," - a senior trade official said.', nlp)
    assert row["speaker_entity"] == "a senior trade official" and row["unnamed"]


def test_one_of_a_group_is_an_unnamed_source_and_a_relative_clause_is_not_the_cue(nlp):
    row = one('"The money is not there," said one of the negotiators, who spoke on condition of anonymity.', nlp)
    assert (row["speaker_entity"], row["speaker_mention"], row["cue"], row["unnamed"]) == (
        "one of the negotiators", "one of the negotiators", "said", True)


def test_they_in_the_same_sentence_as_an_unnamed_source_is_that_source(nlp):
    text = ('Talks resumed in Geneva, according to negotiators familiar with the file. A deal could be signed next '
            'week, one of the negotiators said, though they warned that "nothing is final".')
    assert one(text, nlp)["speaker_entity"] == "one of the negotiators"


@pytest.mark.parametrize("text, source", [
    ('Government funding, a Department for Culture, Media and Sport spokesperson said, had "risen in real terms".',
     "a Department for Culture, Media and Sport spokesperson"),
    ('"We will appeal," an Acme Holdings executive said on Friday.', "an Acme Holdings executive"),
])
def test_an_organisation_named_inside_an_unnamed_source_is_part_of_it(nlp, text, source):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["unnamed"]) == (source, True)


@pytest.mark.parametrize("text, speaker", [
    # a long role written as a title before a name, without an article: the name speaks
    ('Provincial head of disaster management Thandeka Mokoena-Ruiters opened the centre, saying: "No one waits '
     'outside again."', "Thandeka Mokoena-Ruiters"),
    ('"The line will reopen in May," said regional director for rail services Owain Prys-Morgan.', "Owain Prys-Morgan"),
])
def test_a_role_written_as_a_title_before_a_name_is_no_unnamed_source(nlp, text, speaker):
    row = one(text, nlp)
    assert (row["speaker_entity"], bool(row["unnamed"])) == (speaker, False)


def test_a_source_for_a_named_person_stays_the_source(nlp):
    row = one('"He will appeal," a spokesperson for Mr Ilyas Farouk-Benn said.', nlp)
    assert row["speaker_entity"] != "Ilyas Farouk-Benn" and bool(row["unnamed"])


@pytest.mark.parametrize("text, who", [
    ('The plan was "rushed", said an engineer from the depot who has worked there for 20 years.',
     "an engineer from the depot"),
    ('"We were never told," said a teacher at the school who asked not to be named.', "a teacher at the school"),
])
def test_an_unnamed_source_ends_before_its_relative_clause(nlp, text, who):
    row = one(text, nlp)
    assert (row["speaker_entity"], bool(row["unnamed"])) == (who, True)


@pytest.mark.parametrize("text, speaker", [
    ('"The yard has been losing money for a decade," said one Glasgow-based shipping consultant.',
     "one Glasgow-based shipping consultant"),
    ('"The price will fall by spring," said one Oslo-based energy trader.', "one Oslo-based energy trader"),
])
def test_a_place_in_a_compound_adjective_is_not_the_unnamed_speaker(nlp, text, speaker):
    row = one(text, nlp)
    assert (row["speaker_entity"], bool(row["unnamed"])) == (speaker, True)


@pytest.mark.parametrize("text, speaker", [
    ('Ministers faced a rowdy session. "Resign now," one backbencher called out from the benches behind them.',
     "one backbencher"),
    ("Thieves have raided the allotments again. \u201cThey took every last courgette,\u201d one gardener at the "
     "Riverside plot said.", "one gardener at the Riverside plot"),
])
def test_an_unnamed_backbencher_or_gardener_keeps_its_description(nlp, text, speaker):
    row = one(text, nlp)
    assert (row["speaker_entity"], row["unnamed"]) == (speaker, True)


@pytest.mark.parametrize("text, source", [
    # a noun for what someone does that the lexicon lacks, after the verb, with a place and a "who" clause
    ('Beef prices rose again in March. "We cannot keep the herd at these feed costs," said a rancher in Kern County '
     'who asked not to be named.', "a rancher in Kern County"),
    # "one ...", single marks, a comma clause
    ("Diesel went up for the third week.\n'Every trip costs me more than it pays,' said one trucker on the coast "
     "road, who gave only his first name.", "one trucker on the coast road"),
])
def test_an_indefinite_noun_for_what_someone_does_is_an_unnamed_source_kept_as_written(nlp, text, source):
    row = one(text, nlp)
    assert (row["speaker_entity"], bool(row["unnamed"])) == (source, True)
