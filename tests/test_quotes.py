"""The quotes component: gold-standard scores on the article and pattern families in new text."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.errors import ReferenceDataError
from analysis.io import save_jsonl
from analysis.nlp import load_pipeline
from analysis.quote_eval import GOLD_FILE, gold_frame, mismatches, score_statements
from analysis.quotes import (
    SPANS_KEY,
    apply_spans,
    extract_statements,
    extract_statements_many,
    find_segments,
    jsonl_records,
    load_cues,
    load_statements_doc,
    paragraph_bounds,
    statements_frame,
)


@pytest.fixture(scope="module")
def predicted(doc):
    return statements_frame(doc)


@pytest.fixture(scope="module")
def gold(article):
    return gold_frame([p.start for p in article.paragraphs], article.body_text)


def one(text: str, nlp) -> dict:
    """The single statement found in ``text``."""
    frame = extract_statements(text, nlp)
    assert len(frame) == 1, frame.to_string()
    return frame.iloc[0].to_dict()


# --------------------------------------------------------------------------- gold standard
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


# --------------------------------------------------------------------------- pattern families
def test_quote_then_speaker(nlp):
    row = one('The talks ended late.\n\n"We expect a second round in spring," said Mara Quill, a negotiator for the union.', nlp)
    assert (row["quote"], row["speaker"], row["cue"], row["speaker_role"]) == (
        "We expect a second round in spring", "Mara Quill", "said", "a negotiator for the union")


def test_speaker_then_quote_with_channel(nlp):
    row = one('Mayor Lena Ortiz told reporters: "The bridge will stay closed until the inspection is done."', nlp)
    assert (row["speaker"], row["speaker_mention"], row["cue"], row["channel"], row["kind"]) == (
        "Lena Ortiz", "Mayor Lena Ortiz", "told", "press remarks", "full")


def test_pronoun_resolves_to_last_attributed_person(nlp):
    frame = extract_statements('"The talks went well," Ines Moreau said.\n\n"There is more to do," she added in an interview.', nlp)
    second = frame.iloc[1]
    assert (second["speaker"], second["speaker_mention"], second["cue"], second["channel"]) == ("Ines Moreau", "she", "added", "interview")
    assert second["attribution"].endswith("+pronoun")


def test_pronoun_without_antecedent_stays_unattributed(nlp):
    row = one('"We are ready," she said.', nlp)
    assert row["speaker"] is None and row["speaker_mention"] == "she"


def test_apposition_with_a_common_noun_subject(nlp):
    row = one('The committee\'s chairwoman, Rosa Lind, said: "We will publish the report in May."', nlp)
    assert (row["speaker"], row["speaker_role"]) == ("Rosa Lind", "The committee's chairwoman")


def test_registry_links_titles_and_surnames(nlp):
    row = one('"This club keeps growing," President Trump posted on Truth Social.', nlp)
    assert (row["speaker"], row["speaker_mention"], row["actor_id"], row["channel"]) == (
        "Donald Trump", "President Trump", "donald-trump", "social media post")
    row = one('"The region matters," Landau said.', nlp)
    assert row["speaker"] == "Christopher Landau"


def test_unknown_speaker_keeps_surface_form(nlp):
    row = one('"The harvest was early," farmer Joan Pike said.', nlp)
    assert row["actor_id"] is None and row["speaker"].endswith("Joan Pike")


def test_continuation_across_paragraphs(nlp):
    text = ('"The first part of my answer is simple," Paul Reyes said at a town hall meeting.\n\n'
            '"The second part takes longer.\n\n"And the third part is for next week."')
    frame = extract_statements(text, nlp)
    assert list(frame["speaker"]) == ["Paul Reyes"] * 3
    assert list(frame["continues"]) == [None, "q1", "q2"]
    assert list(frame["inherited"]) == [False, True, True]
    assert set(frame["channel"]) == {"speech/remarks"}


def test_second_quotation_in_a_paragraph_continues_the_first(nlp):
    frame = extract_statements('"We signed," Ada Moss said after the vote. "Now the work starts."', nlp)
    assert list(frame["speaker"]) == ["Ada Moss", "Ada Moss"]
    assert frame.iloc[1]["continues"] == "q1" and frame.iloc[1]["cue"] == "said"


def test_interrupted_quotation(nlp):
    frame = extract_statements('"Yes," Tom Reed said, "we will go."', nlp)
    assert list(frame["speaker"]) == ["Tom Reed", "Tom Reed"] and not frame["inherited"].any()


def test_attribution_never_crosses_a_paragraph_break_otherwise(nlp):
    frame = extract_statements('"First," Sara Kim said.\n\nThe weather was cold.\n\n"Second."', nlp)
    assert list(frame["speaker"]) == ["Sara Kim", None]


def test_cue_is_the_main_verb_not_a_subordinate_one(nlp):
    row = one('"We have a deal," Maria Lopez said as she signed the papers.', nlp)
    assert row["cue"] == "said"


def test_according_to(nlp):
    row = one('According to Leila Haddad, "exports doubled last year."', nlp)
    assert (row["speaker"], row["cue"].lower()) == ("Leila Haddad", "according to")


def test_partial_quotation_and_duplicate(nlp):
    frame = extract_statements('"We will build it fast and build it well," Ken Ito said.\n\nIto said the plant would be built "fast".', nlp)
    second = frame.iloc[1]
    assert (second["kind"], second["speaker"], second["duplicate_of"]) == ("partial", "Ken Ito", "q1")


def test_partial_quotation_in_reported_speech(nlp):
    row = one('Analyst Mei Tanaka said the outcome was "far from certain" for both sides.', nlp)
    assert (row["kind"], row["quote"], row["cue"]) == ("partial", "far from certain", "said")
    assert row["speaker"].endswith("Mei Tanaka")


@pytest.mark.parametrize("text, kind", [
    ('The so-called "peace dividend" never arrived in the region.', "scare"),
    ('Critics doubt the "historic" label will stick.', "scare"),
    ('Her book, titled "Roads Across the Steppe", was published in 2019.', "title"),
])
def test_scare_quotes_and_titles_are_not_attributed(nlp, text, kind):
    row = one(text, nlp)
    assert row["kind"] == kind and row["speaker"] is None and row["cue"] is None


def test_claim_inside_a_quotation_belongs_to_the_quoted_speaker(nlp):
    row = one('Deputy Minister Ana Bell said, "President Okoro wants peace."', nlp)
    assert row["speaker"].endswith("Ana Bell")


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


def test_bulk_extraction_matches_single(nlp):
    texts = ['"One," Ann Lee said.', "No quotes.", '"Two," Bo Park said.']
    bulk = extract_statements_many(texts, nlp, batch_size=2)
    assert list(bulk["doc"]) == [0, 2] and list(bulk["speaker"]) == ["Ann Lee", "Bo Park"]


# --------------------------------------------------------------------------- JSONL round trip
def test_jsonl_round_trip(doc, nlp, tmp_path):
    path = save_jsonl(jsonl_records(doc), tmp_path / "statements.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(doc.spans[SPANS_KEY])
    first = json.loads(lines[0])
    assert first["text"] == doc.text and {"start", "end", "label"} <= first["spans"][0].keys()
    back = load_statements_doc(path, nlp)
    assert [(s.start_char, s.end_char, s.label_) for s in back.spans[SPANS_KEY]] == [
        (s.start_char, s.end_char, s.label_) for s in doc.spans[SPANS_KEY]]
    cols = [c for c in statements_frame(doc).columns]
    pd.testing.assert_frame_equal(statements_frame(back)[cols], statements_frame(doc)[cols])


def test_jsonl_loader_rejects_misaligned_spans(nlp):
    doc = nlp.make_doc("Hello world")
    with pytest.raises(ReferenceDataError):
        apply_spans(doc, [{"start": 1, "end": 4, "label": "X"}])


# --------------------------------------------------------------------------- the cue lexicon
def test_cue_lexicon_validation(tmp_path):
    good = load_cues()
    assert "say" in good.verbs and ("according", "to") in good.phrases
    bad = tmp_path / "cues.csv"
    bad.write_text("type,pattern,channel,note\nverb,say,,\nadverb,said,,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        load_cues(bad)
    assert err.value.line == 3 and err.value.field == "type"
    bad.write_text("type,pattern,channel,note\nchannel,(unclosed,phone call,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="regular expression"):
        load_cues(bad)


@pytest.mark.parametrize("text, channel", [
    ('"We are not there yet," a senior official said, speaking on condition of anonymity.', None),
    ('In a post on X, Netanyahu wrote: "Welcome, Kazakhstan!"', "social media post"),
    ('"It is a historic day," Foreign Minister Gideon Sa\'ar said in a statement on Friday.', "written statement"),
    ('"A good talk," Ann Lee said after a phone call with her counterpart.', "phone call"),
])
def test_channel_only_when_the_text_states_it(nlp, text, channel):
    assert one(text, nlp)["channel"] == channel


def test_generic_speaker_is_kept_as_written(nlp):
    frame = extract_statements('"Peace through strength," the president wrote. "That is what we deliver."', nlp)
    assert list(frame["speaker"]) == ["the president", "the president"] and frame["actor_id"].isna().all()


def test_docbin_keeps_spans_and_attributes(doc, nlp):
    from spacy.tokens import DocBin

    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    pd.testing.assert_frame_equal(statements_frame(back), statements_frame(doc))
    assert back._.quote_warnings == doc._.quote_warnings


def test_gold_loader_rejects_a_quote_not_at_its_offsets(article, tmp_path):
    line = GOLD_FILE.read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(line)
    record["para_start"] += 1
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        gold_frame([p.start for p in article.paragraphs], article.body_text, bad)
    assert (err.value.line, err.value.field) == (1, "quote")


def test_role_from_the_second_apposition(nlp):
    row = one('One of them, Erlan Bek, an expert at a think tank in Almaty, said the decision "costs little".', nlp)
    assert (row["speaker"], row["speaker_role"], row["kind"]) == ("Erlan Bek", "an expert at a think tank in Almaty", "partial")


def test_mixed_marks_and_event_channel(nlp):
    text = 'Speaking at the summit in Washington, Tokayev said: "Our country chose dialogue."\n\n"A good day for the region,\u201d Bek added.'
    frame = extract_statements(text, nlp)
    assert list(frame["speaker"]) == ["Kassym-Jomart Tokayev", "Bek"]
    assert list(frame["channel"]) == ["speech/remarks", None]


def test_project_pipeline_runs_the_component_last(nlp):
    assert nlp.pipe_names[-1] == SPANS_KEY and load_pipeline() is nlp
    doc = nlp('"Fine," Ann Lee said.')
    assert [s.label_ for s in doc.spans[SPANS_KEY]] == ["Ann Lee"]
