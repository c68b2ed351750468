"""Stage 1, ``colon``: a headline or caption that names the speaker before a colon and the quotation."""
from __future__ import annotations

import pytest

from statement_cases import rows


@pytest.mark.parametrize("headline, speaker", [
    ("Minister: \u2018No return to the old rules\u2019", "Yasmin Chaudhry"),
    ('Chaudhry: "No return to the old rules"', "Yasmin Chaudhry"),
])
def test_a_headline_names_the_speaker_before_the_colon(nlp, headline, speaker):
    text = f"{headline}\n\nThe housing minister, Yasmin Chaudhry, ruled out the change on Tuesday."
    row = rows(text, nlp)[0]
    assert (row["speaker_entity"], row["cue"]) == (speaker, None) and row["attribution"].startswith("colon")


def test_a_sentence_with_a_verb_before_the_colon_is_not_a_headline(nlp):
    row = rows('Yasmin Chaudhry told the committee: "No return to the old rules."', nlp)[0]
    assert (row["speaker_entity"], row["cue"], row["attribution"]) == ("Yasmin Chaudhry", "told", "trigram")


@pytest.mark.parametrize("text, speaker", [
    ("‘It was never about the harvest’: Aoife Ní Bhriain on 30 years of farming\n\nThe farm has been in her family "
     "since 1952.", "Aoife Ní Bhriain"),
    ('"We are not done yet": Coach Marta Ilunga-Sorensen on the title race\n\nThe Rovers are six points clear.',
     "Marta Ilunga-Sorensen"),
    ("'I would do it all again': former mayor Pieter van Rijn-Adebayo looks back\n\nFew mayors have left office as "
     "popular.", "Pieter van Rijn-Adebayo"),
])
def test_a_headline_quotation_then_a_colon_then_a_name_is_that_persons(nlp, text, speaker):
    assert rows(text, nlp)[0]["speaker_entity"] == speaker



def test_a_quotation_then_a_colon_then_no_name_is_not_a_headline_attribution(nlp):
    text = ('"Build it now": the words on every fence in Glenmoor since the bridge closed in May.\n\n'
            'Engineer Tova Lindahl-Osei said repairs would take a year.')
    assert rows(text, nlp)[0]["attribution"] != "colon"


@pytest.mark.parametrize("text, speaker", [
    ('Live: floods in the midlands\n\n14:05 The N52 is closed at Birr. Garda Inspector Aoife Mac Giolla-Ruiz: "Do not '
     'drive through flood water, however shallow it looks."', "Aoife Mac Giolla-Ruiz"),
    ("Storm updates\n\n10:30 Ferries from Holyhead are cancelled. Port manager Gwilym Oyelaran: 'Nothing will sail "
     "before tomorrow morning.'", "Gwilym Oyelaran"),
])
def test_a_name_and_a_colon_after_another_sentence_of_a_live_blog_entry_names_the_speaker(nlp, text, speaker):
    row = rows(text, nlp)[-1]
    assert (row["speaker_entity"], row["attribution"]) == (speaker, "colon")


@pytest.mark.parametrize("text, speaker", [
    ("'We were never consulted': Mayor Ruth Okafor-Klein under fire over bus cuts\n\n\"We were never consulted, not "
     "once,\" said Joan Pereira-Watts, who chairs the riders' association.\n\nThe mayor said the cuts were needed.",
     "Joan Pereira-Watts"),
    ("\u2018Chair, the board has misled us\u2019: Minister Paul Ekwueme-Dane faces shareholder revolt\n\n\u201cChair, "
     "the board has misled us for two years,\u201d shareholder Grete Oduya-Lund told the meeting.\n\nThe minister "
     "declined to comment.", "Grete Oduya-Lund"),
])
def test_a_headline_quotation_repeated_in_the_body_goes_to_the_body_speaker_not_the_name_after_its_colon(nlp, text, speaker):
    assert rows(text, nlp)[0]["speaker_entity"] == speaker


def test_a_headline_quotation_not_repeated_in_the_body_keeps_the_name_after_its_colon(nlp):
    text = ("'We were never consulted': Joan Pereira-Watts on the bus cuts\n\nThe riders' association wrote to the "
            "mayor in March.")
    assert rows(text, nlp)[0]["speaker_entity"] == "Joan Pereira-Watts"
