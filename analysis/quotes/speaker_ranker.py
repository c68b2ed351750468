"""A learned speaker ranker stacked on the rules (issue 8, round 9): the WHOLE quotation -> speaker-entity
decision, re-ranked.

The rules (:mod:`.mention_sieves`, :mod:`.entity_sieves`) attribute every quotation first. For a quotation
to which they gave exactly one speaker entity by a decision of their own (not a copy from a continued or
outer quotation), the **candidates** are the rules' answer and every person, organisation and unnamed
source of the document model mentioned outside quotations in the quotation's own sentence(s), its
paragraph, the two paragraphs before it or the one after. Each (quotation, candidate) pair gets general
**features** (:data:`FEATURES`: the rules' answer crossed with the deciding sieve's family, the dependency
role of the candidate's mentions next to a speech cue, distance, quotation neighbours, kind, salience; no
word, name or sentence of any text), and the conditional logit of :mod:`.resolver_learning` ranks them.

The experiments found the gain on unseen writers too small to wire this into the component, so nothing
here changes an answer: :func:`quotation_candidates` only reads what the rules built. Round 9
(``benchmarks/speaker_ranker_cv.py``, ``tests/data/attribution/SPEAKER_RANKER.md``) trained where the rules
are in-sample; round 12 (``benchmarks/speaker_ranker_oos.py``, ``SPEAKER_RANKER_OOS.md``) trained on each
round's rules run on the split that was blind to them, and added :data:`ROUND12_FEATURES`.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Token

from . import resolver_learning
from .model import Entity
from .state import Context, Quote

CANDIDATE_KINDS = ("person", "organisation", "unnamed")
#: Families of the sieve that decided (the first part of ``attribution``); anything else is ``other``.
SIEVE_FAMILIES = ("parse", "trigram", "context", "paragraph", "dash", "colon")
#: Roles of a mention next to a speech cue (see :func:`cue_role`).
ROLES = ("subject", "agent", "addressee", "according", "possessive", "appositive", "conjunct", "relayed",
         "other_subject", "reported")
#: NER labels of things that never speak.
NON_AGENT_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT",
                              "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "LANGUAGE"})
PARAGRAPHS_BEFORE, PARAGRAPHS_AFTER = 2, 1

#: The features of one (quotation, candidate) pair that this module computes, in column order.
OWN_FEATURES: tuple[str, ...] = (
    "rules_answer",
    *(f"rules_x_{family}" for family in (*SIEVE_FAMILIES, "other")),
    "rules_x_resolved",  # the rules' mention needed resolving (a pronoun or description, "+pronoun" ...)
    *(f"role_{role}" for role in ROLES),  # a mention of the candidate in the quotation's sentence(s) has that role
    "nearest_role_subject", "nearest_role_addressee",  # ... the nearest one has
    "in_this_quote", "in_other_quote",  # named inside this quotation / inside another one of its paragraph
    "log_distance", "nearest_after",  # tokens from the nearest mention outside quotations to the quotation
    "same_sentence", "same_paragraph", "paragraphs_back", "only_after",
    "previous_quote_speaker", "next_quote_speaker", "previous_quote_same_paragraph",
    "is_person", "is_organisation", "is_unnamed", "is_plural", "non_agent",
    "nearest_is_name", "nearest_is_pronoun", "nearest_is_description",
    "log_mentions_so_far", "first_entity", "log_name_words",
    # round 12: the rules' own cue and how their answer was reached
    "rules_x_pronoun", "rules_x_description",  # the rules' mention was a pronoun / a description
    "rules_x_cue_subject",  # the rules' answer has a mention that is a cue's subject in the quotation's sentence(s)
    "own_cue_subject", "own_cue_agent", "own_cue_addressee",  # a mention's role at the cue the rules found
)
#: When the rules' mention is a pronoun or a description, how each candidate fits it (the mention -> entity
#: features of :mod:`.resolver_learning`, prefixed ``mention_``; all zero for a name).
MENTION_FEATURES: tuple[str, ...] = (
    "gender_match", "gender_clash", "person_pronoun_x_person", "person_pronoun_x_other",
    "group_pronoun_x_organisation", "group_pronoun_x_plural", "group_pronoun_x_person",
    "thing_pronoun_x_organisation", "thing_pronoun_x_person",
    "description_x_person", "description_x_organisation", "description_x_unnamed",
    "role_match", "name_has_head", "org_noun_x_organisation",
    "subject_previous_sentence", "main_subject_previous_sentence", "last_mention_is_subject", "most_recent_of_kind",
)
#: Every feature of one (quotation, candidate) pair, in column order.
FEATURES: tuple[str, ...] = OWN_FEATURES + tuple(f"mention_{name}" for name in MENTION_FEATURES)
#: The features added in round 12 (``SPEAKER_RANKER_OOS.md``); round 9's experiment leaves them out.
ROUND12_FEATURES: tuple[str, ...] = ("rules_x_pronoun", "rules_x_description", "rules_x_cue_subject",
                                     "own_cue_subject", "own_cue_agent", "own_cue_addressee")
_MENTION_COLUMNS = [resolver_learning.FEATURES.index(name) for name in MENTION_FEATURES]


# --------------------------------------------------------------------------- which quotations
def sieve_family(attribution: str) -> str:
    """The family of the sieve that decided: ``parse+pronoun`` -> ``parse``; unknown ones -> ``other``."""
    family = attribution.split("+", 1)[0]
    return family if family in SIEVE_FAMILIES else "other"


def eligible(q: Quote) -> bool:
    """The rules gave ``q`` exactly one speaker entity by a decision of their own (no copy, no coordination)."""
    if q.entity is None or q.found is None or q.found.source is not None or q.kind not in ("full", "partial"):
        return False
    return len({id(e) for e in q.entities} | {id(q.entity)}) == 1


# --------------------------------------------------------------------------- roles next to a cue
def _is_cue(ctx: Context, tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        return lemma in ctx.cues.verbs
    return tok.pos_ in ("NOUN", "PROPN") and (lemma in ctx.cues.nouns or tok.lower_ in ctx.cues.nouns)


def cue_role(ctx: Context, tok: Token) -> str | None:
    """The role of the mention headed by ``tok`` next to a speech cue of the lexicon, one of :data:`ROLES`:
    its subject, the agent of a passive cue ("was told by X"), the addressee (object, dative or "to X"
    of a cue), "according to X", the owner of a cue noun ("X's statement"), an apposition or conjunct of
    a cue's subject, the object of a relay verb ("quoted her as saying"), a subject of another verb, a
    word inside the clause a cue reports; None otherwise."""
    base, modifier = tok, None
    while base.dep_ in ("compound", "flat") and base.head is not base:
        base = base.head
    if base.dep_ == "appos":
        base, modifier = base.head, "appositive"
    elif base.dep_ == "conj" and base.head.dep_ in ("nsubj", "nsubjpass"):
        base, modifier = base.head, "conjunct"
    dep, head = base.dep_, base.head
    role = None
    if dep == "nsubj" and _is_cue(ctx, head):
        role = "subject"
    elif dep == "pobj" and head.dep_ == "agent" and _is_cue(ctx, head.head):
        role = "agent"
    elif dep in ("dobj", "dative", "iobj") and head.lemma_.lower() in ctx.cues.relays:
        role = "relayed"
    elif dep in ("dobj", "dative", "iobj") and _is_cue(ctx, head):
        role = "addressee"
    elif dep == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        role = "according"
    elif dep == "pobj" and head.lower_ == "to" and _is_cue(ctx, head.head):
        role = "addressee"
    elif dep == "poss" and _is_cue(ctx, head):
        role = "possessive"
    elif dep in ("nsubj", "nsubjpass"):
        role = "other_subject"
    if role == "subject" and modifier is not None:
        return modifier
    if role is not None:
        return role
    for a in tok.ancestors:
        if a.dep_ in ("ccomp", "xcomp") and _is_cue(ctx, a.head):
            return "reported"
    return None


def _own_cue_role(tok: Token, cue: Token) -> str | None:
    """The role of the mention headed by ``tok`` at the one cue ``cue`` the rules found: its subject, the agent
    of the passive, or the addressee (object, dative, "to X"); None otherwise."""
    base = tok
    while base.dep_ in ("compound", "flat", "appos", "conj") and base.head is not base:
        base = base.head
    dep, head = base.dep_, base.head
    if dep == "nsubj" and head.i == cue.i:
        return "subject"
    if dep == "pobj" and head.dep_ == "agent" and head.head.i == cue.i:
        return "agent"
    if (dep in ("dobj", "dative", "iobj") and head.i == cue.i) or (
            dep == "pobj" and head.lower_ == "to" and head.head.i == cue.i):
        return "addressee"
    return None


# --------------------------------------------------------------------------- candidates and features
@dataclass
class QuotationCandidates:
    """The candidates of one quotation, their feature rows, and where the rules' answer is."""

    entities: list[Entity]
    features: np.ndarray  # (candidates, FEATURES)
    rules_row: int


def _sentence_index(ctx: Context) -> list[int]:
    cached = getattr(ctx, "_sentence_index", None)
    if cached is None:
        cached = [0] * len(ctx.doc)
        for n, sent in enumerate(ctx.doc.sents):
            for i in range(sent.start, sent.end):
                cached[i] = n
        ctx._sentence_index = cached  # type: ignore[attr-defined]
    return cached


def _mention_kind(ctx: Context, i: int) -> str:
    tok = ctx.doc[i]
    if tok.pos_ == "PRON":
        return "pronoun"
    return "name" if i in ctx.model.by_token else "description"


def _non_agent(e: Entity) -> bool:
    """A place, date, work, ... by the model's kind, or by most of the NER labels of its mentions (counted, so
    that ties do not depend on the order the labels were seen in)."""
    if e.kind not in CANDIDATE_KINDS:
        return True
    things = sum(n for label, n in e.labels.items() if label in NON_AGENT_LABELS)
    return things > sum(e.labels.values()) - things


def quotation_candidates(ctx: Context, quotes: Sequence[Quote], n: int) -> QuotationCandidates:
    """Candidates and features of ``quotes[n]`` (the document's quotations in text order, attributed by the
    rules; ``quotes[n]`` must be :func:`eligible`)."""
    q = quotes[n]
    doc, model = ctx.doc, ctx.model
    sentences = _sentence_index(ctx)
    start, end = q.span.start, q.span.end
    quote_sents = {sentences[i] for i in range(max(0, start - 1), min(len(doc), end + 1))}
    here = model.paragraph_of(start)
    lo, hi = here - PARAGRAPHS_BEFORE, here + PARAGRAPHS_AFTER
    rules = q.entity
    pool = [e for e in model.entities if e.kind in CANDIDATE_KINDS
            and any(lo <= model.paragraph_of(m) <= hi or sentences[m] in quote_sents for m in e.mentions)]
    if rules is not None and all(e is not rules for e in pool):
        pool.append(rules)
    pool.sort(key=lambda e: (e.mentions[0] if e.mentions else len(doc), e.index))
    family = sieve_family(q.attribution)
    resolved = "+" in q.attribution
    attributed = [o for o in quotes if o.entity is not None and o.kind in ("full", "partial")]
    previous = next((o for o in reversed(attributed) if o.span.start < start), None)
    following = next((o for o in attributed if o.span.start > start), None)
    first = min((e for e in model.entities if e.kind in CANDIDATE_KINDS and e.mentions), key=lambda e: e.mentions[0],
                default=None)
    inside_this = {id(model.by_token[i]) for i in range(start, end) if i in model.by_token}
    others = [o for o in quotes if o is not q and o.seg.paragraph == q.seg.paragraph]
    inside_other = {id(model.by_token[i]) for o in others for i in range(o.span.start, o.span.end) if i in model.by_token}
    own_cue = q.found.cue_token if q.found is not None else None
    mention = q.attribution.split("+", 1)[1] if "+" in q.attribution else ""
    rows = []
    for e in pool:
        near = [m for m in e.mentions if sentences[m] in quote_sents]
        roles = {cue_role(ctx, doc[m]) for m in near}
        at_cue = {_own_cue_role(doc[m], own_cue) for m in near} if own_cue is not None else set()
        before = [m for m in e.mentions if m < start]
        distances = [(start - m if m < start else m - end + 1, m) for m in e.mentions]
        nearest = min(distances)[1] if distances else None
        nearest_role = cue_role(ctx, doc[nearest]) if nearest is not None and nearest in near else None
        kind = _mention_kind(ctx, nearest) if nearest is not None else None
        is_rules = e is rules
        row = {
            "rules_answer": is_rules,
            **{f"rules_x_{f}": is_rules and family == f for f in (*SIEVE_FAMILIES, "other")},
            "rules_x_resolved": is_rules and resolved,
            **{f"role_{r}": r in roles for r in ROLES},
            "nearest_role_subject": nearest_role == "subject",
            "nearest_role_addressee": nearest_role == "addressee",
            "in_this_quote": id(e) in inside_this,
            "in_other_quote": id(e) in inside_other,
            "log_distance": math.log1p(min(d for d, _ in distances)) if distances else math.log1p(len(doc)),
            "nearest_after": nearest is not None and nearest >= end,
            "same_sentence": bool(near),
            "same_paragraph": any(model.paragraph_of(m) == here for m in e.mentions),
            "paragraphs_back": min(here - model.paragraph_of(before[-1]), 3) if before else 3,
            "only_after": bool(e.mentions) and not before,
            "previous_quote_speaker": previous is not None and previous.entity is e,
            "next_quote_speaker": following is not None and following.entity is e,
            "previous_quote_same_paragraph": previous is not None and previous.entity is e
            and previous.seg.paragraph == q.seg.paragraph,
            "is_person": e.kind == "person", "is_organisation": e.kind == "organisation",
            "is_unnamed": e.kind == "unnamed", "is_plural": e.plural, "non_agent": _non_agent(e),
            "nearest_is_name": kind == "name", "nearest_is_pronoun": kind == "pronoun",
            "nearest_is_description": kind == "description",
            "log_mentions_so_far": math.log1p(len(before)),
            "first_entity": e is first,
            "log_name_words": math.log1p(len(e.name.split())),
            "rules_x_pronoun": is_rules and mention == "pronoun",
            "rules_x_description": is_rules and mention == "description",
            "rules_x_cue_subject": is_rules and "subject" in roles,
            "own_cue_subject": "subject" in at_cue, "own_cue_agent": "agent" in at_cue,
            "own_cue_addressee": "addressee" in at_cue,
        }
        rows.append([float(row[name]) for name in OWN_FEATURES])
    own = np.asarray(rows, dtype=float).reshape(len(pool), len(OWN_FEATURES))
    features = np.hstack([own, _mention_fit(ctx, q, n, pool)])
    return QuotationCandidates(pool, features, next(k for k, e in enumerate(pool) if e is rules))


def _mention_fit(ctx: Context, q: Quote, n: int, pool: list[Entity]) -> np.ndarray:
    """The :data:`MENTION_FEATURES` columns: how each candidate fits the rules' pronoun or description mention."""
    head = q.found.mention if q.found is not None else None
    if head is None or not pool or resolver_learning.mention_type(head.text if head.pos_ == "PRON" else
                                                                   " ".join(t.text for t in head.subtree if t.i <= head.i)) is None:
        return np.zeros((len(pool), len(MENTION_FEATURES)))
    full = resolver_learning.pair_features(ctx, head, n, pool, q.entity, _sentence_index(ctx))
    return full[:, _MENTION_COLUMNS]


__all__ = ["CANDIDATE_KINDS", "FEATURES", "MENTION_FEATURES", "OWN_FEATURES", "QuotationCandidates", "ROLES", "ROUND12_FEATURES",
           "cue_role", "eligible",
           "quotation_candidates", "sieve_family"]
