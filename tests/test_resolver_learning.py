"""The learned mention -> entity ranker of issue 8's experiment: candidates, features and training."""
from __future__ import annotations

import numpy as np
import pytest

import spacy

from analysis.errors import AnalysisError
from analysis.quotes import component
from analysis.quotes.resolver_learning import (FEATURES, attributed_docs, candidates, case_records, mention_head,
                                               mention_type, pair_features, train_ranker, writer_of)

TWO_PEOPLE = ("Ms Ana Pires, the harbour minister, met Mr Rui Costa, a union organiser, in Lisbon on Monday.\n\n"
              "Costa left early. “We will reopen the port within a week,” she said.")
FAR_AND_NEAR = ("Mr Tomas Berg, a fisherman, spoke first at the meeting on Tuesday.\n\n"
                "The hall was full. Mr Jonas Ek, a dock worker, spoke next about the strike.\n\n"
                "“Nobody here wants a strike,” he said.")


def _column(name: str) -> int:
    return FEATURES.index(name)


def _features_of(nlp, text: str, quote_number: int = 0):
    (doc, ctx, quotes), = attributed_docs([text], nlp)
    q = quotes[quote_number]
    head, source = mention_head(ctx, q, None)
    assert head is not None and source == "component"
    pool = candidates(ctx, head, q.entity)
    return q, head, pool, pair_features(ctx, head, quote_number, pool, q.entity)


def _row(pool, features, name: str) -> np.ndarray:
    return features[[e.name for e in pool].index(name)]


def test_mention_type_tells_pronouns_descriptions_and_names_apart():
    assert mention_type("she") == mention_type("They") == "pronoun"
    assert mention_type("the engineer") == mention_type("his office") == mention_type("The company") == "description"
    assert mention_type("the 58-year-old") == "description"
    for name in ("Pires", "Ms Pham", "the Ministry of Transport", "a senior official", None, ""):
        assert mention_type(name) is None


def test_gender_agreement_of_she_with_a_woman_and_a_man(nlp):
    _, head, pool, features = _features_of(nlp, TWO_PEOPLE)
    assert head.lower_ == "she"
    assert {"Ana Pires", "Rui Costa"} <= {e.name for e in pool}
    pires, costa = _row(pool, features, "Ana Pires"), _row(pool, features, "Rui Costa")
    assert pires[_column("gender_match")] == 1 and pires[_column("gender_clash")] == 0
    assert costa[_column("gender_match")] == 0 and costa[_column("gender_clash")] == 1
    assert costa[_column("subject_previous_sentence")] == 1  # "Costa left early."
    assert pires[_column("subject_previous_sentence")] == 0


def test_distance_and_paragraph_features_follow_the_last_mention(nlp):
    _, head, pool, features = _features_of(nlp, FAR_AND_NEAR)
    berg, ek = _row(pool, features, "Tomas Berg"), _row(pool, features, "Jonas Ek")
    assert berg[_column("paragraphs_back")] == 2 and ek[_column("paragraphs_back")] == 1
    assert berg[_column("log_sentences_back")] > ek[_column("log_sentences_back")]
    assert ek[_column("most_recent_of_kind")] == 1 and berg[_column("most_recent_of_kind")] == 0
    assert berg[_column("first_entity")] == 1 and ek[_column("first_entity")] == 0


def test_the_rules_answer_is_flagged_on_exactly_its_candidate(nlp):
    q, _, pool, features = _features_of(nlp, FAR_AND_NEAR)
    assert q.entity is not None
    flags = features[:, _column("rules_answer")]
    assert flags.sum() == 1
    assert pool[int(np.argmax(flags))] is q.entity


def test_case_records_point_at_the_gold_speaker_among_the_candidates(nlp):
    start = TWO_PEOPLE.index("We will")
    end = TWO_PEOPLE.index(" within a week") + len(" within a week")
    quote = {"start": start, "end": end, "quote": TWO_PEOPLE[start:end], "kind": "full", "speaker": "Ana Pires",
             "speakers": ["Ana Pires"], "speaker_mention": "she", "cue": "said", "unnamed": False, "nested": False,
             "open_at_end": False}
    case = {"id": "pronoun-z01", "family": "pronoun", "split": "test6", "text": TWO_PEOPLE, "quotes": [quote]}
    (_, ctx, quotes), = attributed_docs([TWO_PEOPLE], nlp)
    record, = case_records(case, ctx, quotes)
    assert record.mention_kind == "pronoun" and record.covered
    assert record.names[record.gold_index] == "Ana Pires"
    assert record.features.shape == (len(record.names), len(FEATURES))
    named = dict(quote, speaker_mention="Pires")  # a name is left to the rules
    assert case_records(dict(case, quotes=[named]), ctx, quotes) == []


def test_writer_is_the_letter_of_the_id_suffix_else_the_split():
    assert writer_of("relay-k03", "test6") == "k"
    assert writer_of("relay-zz03", "test") == "zz"
    assert writer_of("pronoun-07", "dev") == "dev"
    assert writer_of("cue_inside-12", "test2") == "test2"


def _toy_groups(rng: np.random.Generator, n: int) -> list[tuple[np.ndarray, int]]:
    """Groups of 2-5 candidates with noise features; the gold one alone has feature 3 set."""
    groups = []
    for _ in range(n):
        size = int(rng.integers(2, 6))
        x = rng.normal(size=(size, len(FEATURES)))
        x[:, 3] = 0.0
        gold = int(rng.integers(0, size))
        x[gold, 3] = 1.0
        groups.append((x, gold))
    return groups


def test_training_learns_a_separable_toy_ranking():
    rng = np.random.default_rng(7)
    model = train_ranker(_toy_groups(rng, 80))
    held_out = _toy_groups(rng, 40)
    assert all(model.pick(x) == gold for x, gold in held_out)
    assert model.coefficients()[0][0] == FEATURES[3] and model.coefficients()[0][1] > 0


def test_training_is_deterministic_and_refuses_groups_without_information():
    groups = _toy_groups(np.random.default_rng(1), 30)
    assert np.array_equal(train_ranker(groups).weights, train_ranker(groups).weights)
    with pytest.raises(ValueError):
        train_ranker([(np.ones((3, len(FEATURES))), -1), (np.ones((1, len(FEATURES))), 0)])


def test_reading_the_components_context_leaves_the_component_as_it_was(nlp):
    echo = component.echo
    (doc, ctx, quotes), = attributed_docs([TWO_PEOPLE], nlp)
    assert component.echo is echo
    assert ctx.doc is doc and [q.span.text for q in quotes] == [s.text for s in doc.spans["quotes"]]
    with pytest.raises(AnalysisError, match="quotes component"):
        attributed_docs(["No quotations here."], spacy.blank("en"))
    assert component.echo is echo
