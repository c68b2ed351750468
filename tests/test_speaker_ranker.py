"""The learned speaker ranker stacked on the rules (issue 8, round 9): candidates, features, training."""
from __future__ import annotations

import numpy as np
import pytest

from analysis.quotes.resolver_learning import Ranker, attributed_docs, train_ranker
from analysis.quotes.speaker_ranker import FEATURES, cue_role, eligible, quotation_candidates, sieve_family

ADDRESSEE = "Mayor Ana Pires told Councillor Rui Costa on Monday: “The bridge will reopen in spring.”"
NAMED_INSIDE = ("Mr Jonas Ek and Ms Lena Berg met strikers at the depot on Friday.\n\n"
                "“Mr Ek asked us to wait, and we waited,” Berg said.")


def _column(name: str) -> int:
    return FEATURES.index(name)


def _candidates(nlp, text: str, number: int = 0):
    (doc, ctx, quotes), = attributed_docs([text], nlp)
    q = quotes[number]
    assert eligible(q), q.attribution
    found = quotation_candidates(ctx, quotes, number)
    rows = {e.name: found.features[k] for k, e in enumerate(found.entities)}
    return ctx, q, found, rows


def test_the_addressee_of_a_cue_is_marked_and_the_speaker_is_its_subject(nlp):
    ctx, q, found, rows = _candidates(nlp, ADDRESSEE)
    assert {"Ana Pires", "Rui Costa"} <= set(rows)
    pires, costa = rows["Ana Pires"], rows["Rui Costa"]
    assert costa[_column("role_addressee")] == 1 and costa[_column("role_subject")] == 0
    assert pires[_column("role_subject")] == 1 and pires[_column("role_addressee")] == 0
    assert costa[_column("nearest_role_addressee")] == 1


def test_cue_role_of_passive_agent_and_according_to(nlp):
    (doc, ctx, _), = attributed_docs(["The crew was told by Captain Ana Pires that the ship would sail. "
                                      "According to Rui Costa, the port is closed."], nlp)
    pires = next(t for t in doc if t.text == "Pires")
    costa = next(t for t in doc if t.text == "Costa")
    crew = next(t for t in doc if t.text == "crew")
    assert cue_role(ctx, pires) == "agent"
    assert cue_role(ctx, costa) == "according"
    assert cue_role(ctx, crew) != "subject"  # the subject of a passive cue is spoken to, not the speaker


def test_a_person_named_inside_the_quotation_is_flagged(nlp):
    ctx, q, found, rows = _candidates(nlp, NAMED_INSIDE)
    assert q.entity is not None and q.entity.name == "Lena Berg"
    assert rows["Jonas Ek"][_column("in_this_quote")] == 1
    assert rows["Lena Berg"][_column("in_this_quote")] == 0


def test_only_the_rules_answer_carries_the_rules_flags(nlp):
    ctx, q, found, rows = _candidates(nlp, ADDRESSEE)
    flags = found.features[:, _column("rules_answer")]
    assert flags.sum() == 1 and flags[found.rules_row] == 1
    assert found.entities[found.rules_row] is q.entity
    family = sieve_family(q.attribution)
    assert found.features[found.rules_row, _column(f"rules_x_{family}")] == 1
    others = np.delete(found.features, found.rules_row, axis=0)
    assert not others[:, [k for k, name in enumerate(FEATURES) if name.startswith("rules_")]].any()


def test_sieve_family_keeps_known_sieves_and_folds_the_rest():
    assert sieve_family("parse+pronoun") == "parse"
    assert sieve_family("trigram") == "trigram"
    assert sieve_family("later+description") == "other"


def test_training_on_a_separable_toy_set_ranks_the_marked_candidate_first():
    rng = np.random.default_rng(0)
    groups = []
    for n in range(40):
        x = rng.normal(size=(3, 2))
        gold = n % 3
        x[:, 0] = 0.0
        x[gold, 0] = 1.0  # feature 0 marks the gold candidate; feature 1 is noise
        groups.append((x, gold))
    ranker = train_ranker(groups, steps=300)
    assert isinstance(ranker, Ranker)
    assert ranker.weights[0] > 0 and abs(ranker.weights[0]) > abs(ranker.weights[1])
    assert all(ranker.pick(x) == g for x, g in groups)


def test_training_refuses_groups_without_a_choice():
    with pytest.raises(ValueError):
        train_ranker([(np.ones((1, 2)), 0), (np.ones((2, 2)), -1)])


def test_a_pronoun_mention_brings_its_gender_fit_and_a_name_brings_none(nlp):
    text = ("Ms Ana Pires, the harbour minister, met Mr Rui Costa, a union organiser, in Lisbon on Monday.\n\n"
            "Costa left early. “We will reopen the port within a week,” she said.")
    ctx, q, found, rows = _candidates(nlp, text)
    assert q.found.mention.lower_ == "she"
    assert rows["Ana Pires"][_column("mention_gender_match")] == 1
    assert rows["Rui Costa"][_column("mention_gender_clash")] == 1
    ctx, q, found, rows = _candidates(nlp, ADDRESSEE)  # the rules named the speaker: nothing to fit
    assert not found.features[:, [k for k, name in enumerate(FEATURES) if name.startswith("mention_")]].any()


def test_the_rules_run_alone_on_docs_parsed_without_them(nlp):
    from analysis.quotes.resolver_learning import attributed_contexts

    with nlp.select_pipes(disable=["quotes"]):
        docs = list(nlp.pipe([ADDRESSEE, NAMED_INSIDE]))
    (ctx_a, quotes_a), (ctx_b, quotes_b) = attributed_contexts(docs, nlp.get_pipe("quotes"))
    assert ctx_a.doc is docs[0] and ctx_b.doc is docs[1]
    assert quotes_a[0].entity.name == "Ana Pires" and quotes_b[0].entity.name == "Lena Berg"


def test_non_agent_counts_labels_so_ties_do_not_depend_on_order():
    from collections import Counter

    from analysis.quotes.model import Entity
    from analysis.quotes.speaker_ranker import _non_agent

    tied_one_way = Entity(0, "person", "X", labels=Counter({"GPE": 1, "PERSON": 1}))
    tied_other_way = Entity(1, "person", "Y", labels=Counter({"PERSON": 1, "GPE": 1}))
    assert _non_agent(tied_one_way) is _non_agent(tied_other_way) is False
    assert _non_agent(Entity(2, "person", "Z", labels=Counter({"GPE": 2, "PERSON": 1})))
    assert _non_agent(Entity(3, "place", "W"))


# --------------------------------------------------------------------------- round 12: the rules' own cue
def test_roles_at_the_rules_own_cue_mark_its_subject_and_its_addressee(nlp):
    ctx, q, found, rows = _candidates(nlp, ADDRESSEE)
    assert q.found.cue_token is not None and q.found.cue_token.lower_ == "told"
    pires, costa = rows["Ana Pires"], rows["Rui Costa"]
    assert pires[_column("own_cue_subject")] == 1 and pires[_column("own_cue_addressee")] == 0
    assert costa[_column("own_cue_addressee")] == 1 and costa[_column("own_cue_subject")] == 0
    assert pires[_column("rules_x_cue_subject")] == 1 and costa[_column("rules_x_cue_subject")] == 0


def test_the_agent_of_a_passive_cue_is_marked_at_the_rules_cue(nlp):
    from analysis.quotes.speaker_ranker import _own_cue_role

    (doc, ctx, _), = attributed_docs(["Councillor Rui Costa was told by Mayor Ana Pires that the bridge would reopen."], nlp)
    told = next(t for t in doc if t.text == "told")
    assert _own_cue_role(next(t for t in doc if t.text == "Pires"), told) == "agent"
    assert _own_cue_role(next(t for t in doc if t.text == "Costa"), told) is None  # a passive subject is no speaker
    assert _own_cue_role(next(t for t in doc if t.text == "bridge"), told) is None


def test_the_rules_mention_type_flags_only_the_rules_answer(nlp):
    text = ("Ms Ana Pires, the harbour minister, met Mr Rui Costa, a union organiser, in Lisbon on Monday.\n\n"
            "Costa left early. “We will reopen the port within a week,” she said.")
    ctx, q, found, rows = _candidates(nlp, text)
    assert q.attribution.endswith("+pronoun")
    assert rows["Ana Pires"][_column("rules_x_pronoun")] == 1 and rows["Rui Costa"][_column("rules_x_pronoun")] == 0
    assert not found.features[:, _column("rules_x_description")].any()
    ctx, q, found, rows = _candidates(nlp, ADDRESSEE)  # a name: neither flag
    assert not found.features[:, [_column("rules_x_pronoun"), _column("rules_x_description")]].any()


def test_a_group_weighted_zero_does_not_move_the_fit_and_weights_must_match_the_groups():
    marked = [(np.array([[1.0, 0.0], [0.0, 1.0]]), 0), (np.array([[0.0, 1.0], [1.0, 0.0]]), 1)]
    contrary = (np.array([[1.0, 0.0], [0.0, 0.0]]), 1)  # the unmarked candidate is gold here
    alone = train_ranker(marked, steps=200)
    ignored = train_ranker([*marked, contrary], steps=200, weights=[1.0, 1.0, 0.0])
    counted = train_ranker([*marked, contrary], steps=200, weights=[1.0, 1.0, 5.0])
    assert np.allclose(alone.weights, ignored.weights)
    assert counted.weights[0] < alone.weights[0]  # a heavy contrary group pulls the marker's weight down
    with pytest.raises(ValueError):
        train_ranker(marked, weights=[1.0])
