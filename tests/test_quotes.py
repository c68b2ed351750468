"""The quotes component on the seed article (gold standard, exact) and its general behaviour.

The pattern families each have their own module (``test_sieve_*.py``); the marks layer, the
document model, the tables and the scorer have theirs too.
"""
from __future__ import annotations

import json

import pytest

from analysis.errors import ReferenceDataError
from analysis.nlp import load_pipeline
from analysis.quote_eval import GOLD_FILE, gold_frame, mismatches, score_statements
from analysis.quotes import SPANS_KEY, extract_statements, find_segments, paragraph_bounds, statements_frame
from statement_cases import one, rows


@pytest.fixture(scope="module")
def predicted(doc):
    return statements_frame(doc)


@pytest.fixture(scope="module")
def gold(article):
    return gold_frame([p.start for p in article.paragraphs], article.body_text)


def test_gold_file_is_consistent_with_the_article(gold):
    assert len(gold) == 10
    assert gold["start"].is_monotonic_increasing
    raw = [json.loads(line) for line in GOLD_FILE.read_text(encoding="utf-8").splitlines()]
    ids = {r["id"] for r in raw}
    assert {r["continues"] for r in raw if r["continues"]} <= ids
    assert {r["duplicate_of"] for r in raw if r["duplicate_of"]} <= ids


@pytest.mark.parametrize("level", ["spans", "span+speaker+cue", "full record"])
def test_perfect_precision_and_recall_on_the_article(predicted, gold, level):
    scores = score_statements(predicted, gold).set_index("level")
    row = scores.loc[level]
    assert (row["precision"], row["recall"]) == (1.0, 1.0), mismatches(predicted, gold, level).to_string()


def test_scoring_notices_errors(predicted, gold):
    wrong = predicted.copy()
    wrong.loc[wrong.index[0], "speaker"] = "Benjamin Netanyahu"
    wrong = wrong.drop(index=wrong.index[-1])
    scores = score_statements(wrong, gold).set_index("level")
    assert scores.loc["spans", "recall"] == 0.9
    assert scores.loc["span+speaker+cue", "precision"] == pytest.approx(8 / 9, abs=1e-3)


def test_article_hard_points(predicted):
    by_para = {p: g for p, g in predicted.groupby("paragraph")}
    landau = by_para[12].iloc[0]  # P16
    assert landau["speaker"] == "Christopher Landau" and "President Trump recognizes" in landau["quote"]
    assert not ((predicted["speaker"] == "Donald Trump") & predicted["quote"].str.startswith("President Trump")).any()
    p13 = by_para[9]
    assert list(p13["cue"]) == ["said", "said"] and list(p13["inherited"]) == [False, True]
    soon = by_para[10].iloc[0]
    assert (soon["quote"], soon["kind"], soon["speaker_mention"], soon["speaker"]) == ("soon", "partial", "He", "Donald Trump")
    risch = predicted[predicted["speaker"] == "Jim Risch"]
    assert list(risch["paragraph"]) == [13, 14, 15]
    assert set(risch["channel"]) == {"speech/remarks"} and list(risch["inherited"]) == [False, True, True]
    assert risch.iloc[0]["speaker_role"] == "chairman of the Senate Foreign Relations Committee"
    assert predicted["duplicate_of"].notna().sum() == 3


def test_no_warnings_on_the_article(doc):
    assert doc._.quote_warnings == []


def test_gold_loader_rejects_a_quote_not_at_its_offsets(article, tmp_path):
    line = GOLD_FILE.read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(line)
    record["para_start"] += 1
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        gold_frame([p.start for p in article.paragraphs], article.body_text, bad)
    assert (err.value.line, err.value.field) == (1, "quote")


def test_project_pipeline_runs_the_component_last(nlp):
    assert nlp.pipe_names[-1] == SPANS_KEY and load_pipeline() is nlp
    doc = nlp('"Fine," Ann Lee said.')
    assert [s.label_ for s in doc.spans[SPANS_KEY]] == ["Ann Lee"]


def test_claim_inside_a_quotation_belongs_to_the_quoted_speaker(nlp):
    row = one('Deputy Minister Ana Bell said, "President Okoro wants peace."', nlp)
    assert row["speaker"].endswith("Ana Bell")


def test_cue_is_the_main_verb_not_a_subordinate_one(nlp):
    row = one('"We have a deal," Maria Lopez said as she signed the papers.', nlp)
    assert row["cue"] == "said"


def test_partial_quotation_and_duplicate(nlp):
    frame = extract_statements('"We will build it fast and build it well," Ken Ito said.\n\nIto said the plant would be built "fast".', nlp)
    second = frame.iloc[1]
    assert (second["kind"], second["speaker"], second["duplicate_of"]) == ("partial", "Ken Ito", "q1")


@pytest.mark.parametrize("text, kind", [
    ('The so-called "peace dividend" never arrived in the region.', "scare"),
    ('Critics doubt the "historic" label will stick.', "scare"),
    ('Her book, titled "Roads Across the Steppe", was published in 2019.', "title"),
    ("The band's new single 'Last Tram To Ardwick' was written by its bassist, Kofi Mensah-Hart.", "title"),
])
def test_scare_quotes_and_titles_are_not_attributed(nlp, text, kind):
    row = one(text, nlp)
    assert row["kind"] == kind and row["speaker"] is None and row["cue"] is None


@pytest.mark.parametrize("text", [
    'The umpire, Joel Amadi, said the call to stop play had been "mine and mine alone".',
    'The coach, Lise Berg, said the choice to show the film was "a mistake we all made".',
])
def test_a_title_noun_used_as_a_verb_makes_no_title(nlp, text):
    row = one(text, nlp)
    assert (row["kind"], row["cue"]) == ("partial", "said") and row["speaker_entity"] in text


@pytest.mark.parametrize("text", [
    "Poet Imelda Sorensen-Agu, who wrote most of the collection, including 'Harbour Mornings', says she is done.",
    'The novelist Teodor Walsh-Nakamura, who wrote "The Quiet Ferry" and "A Winter in Galway", said he would retire.',
    "Composer Ama Lindgren-Oyo, who has written scores such as ‘Northern Lights Over Tromsø’, says the fee is fair.",
])
def test_capitalised_words_without_a_clause_of_their_own_name_a_work_even_beside_a_cue(nlp, text):
    assert all(row["kind"] == "title" and row["speaker"] is None for row in rows(text, nlp))


def test_capitalised_words_with_a_verb_stay_a_quotation(nlp):
    text = 'The mayor, Wim de Vries-Obi, said the plan was "Good For Everyone Who Lives Here".'
    row = one(text, nlp)
    assert (row["kind"], row["speaker_entity"]) == ("partial", "Wim de Vries-Obi")



def test_curly_quotes(nlp):
    row = one("\u201cWe are ready,\u201d the ambassador wrote on X.", nlp)
    assert (row["quote"], row["speaker"], row["channel"]) == ("We are ready", "the ambassador", "social media post")


def test_no_quotes_at_all(nlp):
    doc = nlp("Nothing here is quoted. The meeting ended at noon.")
    assert len(doc.spans[SPANS_KEY]) == 0 and doc._.quote_warnings == []
    assert list(statements_frame(doc).columns)[:5] == ["quote_id", "paragraph", "start", "end", "quote"]


def test_unpaired_mark_is_a_warning_not_an_exception(nlp):
    text = 'The sign on the door read "closed.\n\nLater the doors opened. "We are open," the owner, Dana Bright, said.'
    doc = nlp(text)
    assert [(w["paragraph"], w["offset"]) for w in doc._.quote_warnings] == [(1, text.index('"'))]
    frame = statements_frame(doc)
    assert list(frame["quote"]) == ["closed.", "We are open"]  # kept, ending with its paragraph
    assert list(frame["speaker"]) == [None, "Dana Bright"] and list(frame["paragraph"]) == [1, 2]


def test_stray_closing_curly_mark_is_a_warning():
    segments, warnings = find_segments("It measured 6\u201d across.")
    assert segments == [] and warnings[0]["message"].startswith("closing quotation mark")


def test_offsets_and_paragraphs_index_the_given_text(nlp):
    text = 'Intro line.\n\n  \n\n"Second paragraph quote," Ann Lee said.'
    row = one(text, nlp)
    assert text[row["start"]:row["end"]] == row["quote"] == "Second paragraph quote"
    assert row["paragraph"] == 2 and len(paragraph_bounds(text)) == 2


def test_mixed_marks_and_event_channel(nlp):
    text = 'Speaking at the summit in Washington, Tokayev said: "Our country chose dialogue."\n\n"A good day for the region,\u201d Bek added.'
    frame = extract_statements(text, nlp)
    assert list(frame["speaker"]) == ["Kassym-Jomart Tokayev", "Bek"]
    assert list(frame["channel"]) == ["speech/remarks", None]


def test_apposition_with_a_common_noun_subject(nlp):
    row = one('The committee\'s chairwoman, Rosa Lind, said: "We will publish the report in May."', nlp)
    assert (row["speaker"], row["speaker_role"]) == ("Rosa Lind", "The committee's chairwoman")


def test_role_from_the_second_apposition(nlp):
    row = one('One of them, Erlan Bek, an expert at a think tank in Almaty, said the decision "costs little".', nlp)
    assert (row["speaker"], row["speaker_role"], row["kind"]) == ("Erlan Bek", "an expert at a think tank in Almaty", "partial")


def test_quote_then_speaker(nlp):
    row = one('The talks ended late.\n\n"We expect a second round in spring," said Mara Quill, a negotiator for the union.', nlp)
    assert (row["quote"], row["speaker"], row["cue"], row["speaker_role"]) == (
        "We expect a second round in spring", "Mara Quill", "said", "a negotiator for the union")


def test_speaker_then_quote_with_channel(nlp):
    row = one('Mayor Lena Ortiz told reporters: "The bridge will stay closed until the inspection is done."', nlp)
    assert (row["speaker"], row["speaker_mention"], row["cue"], row["channel"], row["kind"]) == (
        "Lena Ortiz", "Mayor Lena Ortiz", "told", "press remarks", "full")


@pytest.mark.parametrize("text, quote, speaker", [
    ('The vote passed.\n\n"We had no other choice, Mayor Ana Pires said after the vote.\n\nFares rise in May.',
     "We had no other choice", "Ana Pires"),
    ('  The board has approved a cut in library\nopening hours from March.\n  "None of us wanted to do this, but the only '
     'other option was\nclosing branches, the board\'s finance lead, Tomas Eriksen, said\nafter the meeting.\n  Readers\' '
     'groups said the cut would hurt students most.', "None of us wanted to do this, but the only other option was\n"
     "closing branches", "Tomas Eriksen"),
])
def test_a_quotation_missing_its_closing_mark_ends_before_its_attribution(nlp, text, quote, speaker):
    row = one(text, nlp)
    assert (row["quote"], row["speaker_entity"]) == (quote, speaker)


@pytest.mark.parametrize("text, quote", [
    ('"This is the wrong road, at the wrong time, in the wrong place, said parish council chair Hilda Marr-Beck '
     'after the vote.\n\nCouncillors voted 7-4 in favour.', "This is the wrong road, at the wrong time, in the wrong place"),
    ('"The government is hiding from a debate because it has nothing to say to students, Leader of the Opposition '
     'Ravi Tandon-Shah told reporters outside the House.\n\nThe minister declined to comment.',
     "The government is hiding from a debate because it has nothing to say to students"),
])
def test_a_missing_closing_mark_ends_at_the_comma_right_before_the_attribution(nlp, text, quote):
    frame = extract_statements(text, nlp)
    assert frame["quote"].tolist()[0] == quote


@pytest.mark.parametrize("text, quote, speaker", [
    # a reporting verb with "it" as its object is the quotation's own clause, not its attribution
    ('Residents were angry.\n\n"They promised it in May, they promised it in June and now they promise it again, '
     'she said.\n\nThe council did not comment.', "They promised it in May, they promised it in June and now they "
     "promise it again", None),
    # an attribution that ends a paragraph whose quotation the next paragraph seems to continue
    ('Dr Ruth Okafor-Vance said the ward was full.\n\n"Most of them are children – toddlers, infants, newborns, she '
     'said.\n\n"We are also seeing more elderly patients."', "Most of them are children – toddlers, infants, newborns",
     "Ruth Okafor-Vance"),
    # "not" opens no noun phrase of an attribution
    ('Shares rose.\n\n"We will hire engineers, not lawyers, chief executive Anil Rao-Brennan said on Monday.\n\n'
     'The firm has 90 staff.', "We will hire engineers, not lawyers", "Anil Rao-Brennan"),
    # two roles joined by "and" before the name are one noun phrase of the attribution
    ('Staff were told on Friday.\n\n"We hired ahead of the orders. That is my mistake, founder and chief executive '
     'Oksana Reyes-Lindqvist wrote in an email.\n\nThe firm has 60 staff left.',
     "We hired ahead of the orders. That is my mistake", "Oksana Reyes-Lindqvist"),
    # "and" that opens a clause is still the quotation's own
    ('Residents were angry.\n\n"We asked for a crossing, and the council said no.\n\nThe council did not comment.',
     "We asked for a crossing, and the council said no.", None),
])
def test_more_missing_closing_marks_end_at_their_attribution(nlp, text, quote, speaker):
    row = rows(text, nlp)[0]
    assert row["quote"] == quote and (speaker is None or row["speaker_entity"] == speaker)


@pytest.mark.parametrize("text, quote, speaker, open_at_end", [
    # the text ends right after the attribution: the quotation ends before it and is not open at the end
    ('Prices rose again in March.\n\n"Families cut back on heating because they were scared, he said.',
     "Families cut back on heating because they were scared", "he", False),
    ('The bakery opened in 1998.\n"We never missed a morning in twenty years, said owner Tadeusz Wren-Okoro.',
     "We never missed a morning in twenty years", "owner Tadeusz Wren-Okoro", False),
    # a relative clause about the speaker still belongs to the attribution, before a paragraph that seems to continue
    ('A Cork publican says he will sell up.\n"The sums stopped working two winters ago, said Declan Ashby-Nwosu, who '
     'has kept the bar since 1987.\n"My daughter will not take it on."',
     "The sums stopped working two winters ago", "Declan Ashby-Nwosu", False),
    # a truncated quotation with no attribution after it stays open at the end
    ('The mayor spoke last.\n\n"We will rebuild the bridge, whatever it costs, and we will',
     "We will rebuild the bridge, whatever it costs, and we will", None, True),
])
def test_an_unclosed_quotation_ends_before_an_attribution_that_ends_its_paragraph(nlp, text, quote, speaker, open_at_end):
    row = rows(text, nlp)[0]
    assert (row["quote"], bool(row["open_at_end"])) == (quote, open_at_end)
    assert speaker is None or row["speaker_mention"] == speaker


@pytest.mark.parametrize("text", [
    "Parent governor Ilse Moravec-Obi said the phrase \u2018under review\u2019 had frightened families.",
    'Union organiser Tariq Oduya-Bell said the word "restructuring" meant job losses to his members.',
    "Councillor Maeve Brannigan-Oyo said the label 'failing school' would follow the children for years.",
])
def test_words_mentioned_as_words_are_scare_quotes_even_in_a_reported_sentence(nlp, text):
    row = one(text, nlp)
    assert (row["kind"], row["speaker"]) == ("scare", None)


@pytest.mark.parametrize("text, quote", [
    ('Taps ran dry in the township.\n"We carry water from the clinic on the hill, two at a time, six times a day, said '
     'Palesa Mokoena-Dlamini, a mother of two.\nThe council said repairs were under way.',
     "We carry water from the clinic on the hill, two at a time, six times a day"),
    ('The lifts failed again.\n"We carry the shopping up from the car park by the river, one bag at a time, four times '
     'a day, said Ivo Brannagh, a tenant.\nThe landlord did not reply.',
     "We carry the shopping up from the car park by the river, one bag at a time, four times a day"),
    ('The ferry was cancelled.\n"We walk to the bus stop on the main road, three of us at a time, twice a day, said '
     'Hanne Oduya-Berg, a nurse.\nThe operator apologised.',
     "We walk to the bus stop on the main road, three of us at a time, twice a day"),
])
def test_an_unclosed_quotation_ends_at_the_comma_before_an_inverted_cue_not_at_an_earlier_one(nlp, text, quote):
    assert rows(text, nlp)[0]["quote"] == quote


@pytest.mark.parametrize("text, quote, speaker", [
    ('Councillor Ines Varga-Lund said the new rules were "a gift to developers and a\nblow to renters, and told '
     'reporters the vote would be close.\nThe mayor said nothing.', "a gift to developers and a\nblow to renters",
     "Ines Varga-Lund"),
    ('Union leader Piet Okoro-Lind said the offer was "an insult to every driver, and added that a strike was likely.\n'
     'The company declined to comment.', "an insult to every driver", "Piet Okoro-Lind"),
])
def test_an_unclosed_partial_quotation_ends_before_a_second_reporting_verb_of_the_sentence(nlp, text, quote, speaker):
    row = rows(text, nlp)[0]
    assert (row["quote"], row["speaker_entity"]) == (quote, speaker)


@pytest.mark.parametrize("text", [
    'Principal Imani Castellanos-Reid said the club, "Young Engineers of Tomorrow," would close in June.',
    'The festival director, Ruud Okonkwo-Vos, said the opening film, "A Winter on the Dykes," had sold out.',
])
def test_a_capitalised_name_set_off_by_commas_inside_the_marks_is_a_title(nlp, text):
    row = one(text, nlp)
    assert (row["kind"], row["speaker"]) == ("title", None)


@pytest.mark.parametrize("text, quote, speaker", [
    ('Nurses walked out.\n\n"We cannot staff the wards on these rates, Maria Delgado-Roe, who leads the nurses\' union '
     'at the hospital, told reporters.\n\nThe board did not comment.', "We cannot staff the wards on these rates",
     "Maria Delgado-Roe"),
    ('Fishermen blocked the harbour.\n\n\u201cThe quota was cut without a word to us, Tomasz Ferreira-Olsen, whose '
     'family has fished here for a century, said on Tuesday.\n\nThe ministry said the cut was needed.',
     "The quota was cut without a word to us", "Tomasz Ferreira-Olsen"),
    ('The vote was close.\n\n"Renters were never asked, councillor Aoife Brennan-Stahl, who chairs the housing '
     'committee, wrote in a post.\n\nThe mayor did not reply.', "Renters were never asked", "Aoife Brennan-Stahl"),
])
def test_an_unclosed_quotation_ends_before_an_attribution_whose_speaker_has_a_relative_clause(nlp, text, quote, speaker):
    row = rows(text, nlp)[0]
    assert (row["quote"], row["speaker_entity"]) == (quote, speaker)


@pytest.mark.parametrize("text, quote, speaker", [
    ("Ecologists in Nelson say an old pest may help honeybees.\n\"It's the shrub every farmer rips out of their "
     "paddocks, lead author Dr Tama Whitcombe-Rua said.\nThe team found that the shrub flowers in winter.",
     "It's the shrub every farmer rips out of their paddocks", "Tama Whitcombe-Rua"),
    ("Engineers at the University of Leeds say a cheap clay may clean water.\n\"It's the soil every builder digs out of "
     "their foundations, lead author Dr Priya Anand-Cole said.\nThe group found that the clay binds lead within minutes.",
     "It's the soil every builder digs out of their foundations", "Priya Anand-Cole"),
    ("The council approved the budget.\n\n\"We had no choice but to raise rates, acting mayor Dan Okonkwo-Reid said on "
     "Tuesday.\n\nThe vote was 7-4.", "We had no choice but to raise rates", "Dan Okonkwo-Reid"),
])
def test_an_unclosed_quotation_ends_before_an_attribution_whose_title_opens_with_a_verb_form(nlp, text, quote, speaker):
    row = rows(text, nlp)[0]
    assert (row["quote"], row["speaker_entity"]) == (quote, speaker)
