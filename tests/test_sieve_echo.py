"""After attribution, ``echo``: a headline takes the speaker of the body quotation that repeats its words,
else (a headline description) the person the body quotes who fits it."""
from __future__ import annotations

from statement_cases import rows


def test_a_headline_description_is_the_speaker_of_the_body_quotation_that_repeats_it(nlp):
    text = ("Harbour pilot: \u2018We were lucky tonight\u2019\n"
            "A cargo ship lost power in the estuary on Tuesday evening and drifted towards the rocks.\n"
            "Pilot Callum Rennie, who was aboard, said the crew had done everything right. \u2018We were lucky tonight. "
            "Another ten minutes and she would have been on the rocks,\u2019 he said.\n"
            "The port authority said an inquiry would follow.")
    row = rows(text, nlp)[0]
    assert (row["speaker_entity"], row["attribution"]) == ("Callum Rennie", "colon+echo")


def test_a_headline_description_the_body_does_not_repeat_is_the_person_quoted_who_fits_it(nlp):
    text = ('Union chief: "No deal without safety"\n'
            "Talks between the port operator and dock workers collapsed on Friday.\n"
            'The general secretary of the Dockworkers Union, Moira Kett, said members would strike. "Without safety '
            'guarantees there is no deal at all," she said. "We have waited long enough."\n'
            'The operator, Calder Ports, said it was "disappointed".')
    row = rows(text, nlp)[0]
    assert (row["speaker_entity"], row["attribution"]) == ("Moira Kett", "colon+headline")


def test_only_a_headline_falls_back_on_the_person_quoted(nlp):
    text = ('Talks between the port operator and dock workers collapsed on Friday.\n'
            'Union chief: "No deal without safety"\n'
            'Moira Kett said members would strike. "We have waited long enough," she said.')
    assert rows(text, nlp)[0]["attribution"] != "colon+headline"


def test_a_headline_quotation_without_attribution_is_the_body_speakers(nlp):
    text = ("Dairy fined after 'reckless neglect' of river\n"
            "A dairy has been fined after whey flowed into the Teme for a week, killing hundreds of fish.\n"
            'At Hereford Crown Court, Judge Maren Holloway said the firm had shown "reckless neglect" of its duties.')
    row = rows(text, nlp)[0]
    assert (row["speaker_entity"], row["attribution"], row["kind"]) == ("Maren Holloway", "echo", "partial")
