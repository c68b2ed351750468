"""An experiment (issue 8): can a small learned ranker resolve a speaker mention to its entity better than
the hand rules of :mod:`.entity_sieves`, on a writer it was never trained on?

The rules stay as they are; this module only reads what they built. For a quotation whose speaker is
named by a pronoun ("she", "they") or a definite or possessive description ("the engineer", "his
office"), the **candidates** are the people, organisations and unnamed sources of the document model
mentioned before the mention (or in its own sentence), plus the rules' own answer. Each (mention,
candidate) pair gets a vector of general **features** (gender and kind agreement, distance, salience,
role match, the rules' answer; no word of any one text), and a **conditional logit** (a softmax over
one mention's candidates, plain numpy, L2-penalised, deterministic) learns to rank them.

Everything here is a pure function of its inputs except :func:`attributed_docs`, which runs the
project pipeline and hands back, for each text, the component's working context (the document model
and the quotation records), which the component itself does not keep.
"""
from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from ..errors import AnalysisError
from . import component as _component
from .evaluate import speaker_key
from .model import Entity
from .state import Context, Quote

#: Pronouns a speaker mention can be, and what they say about the speaker.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
THING_PRONOUNS = frozenset({"it", "its", "we", "our"})
PRONOUNS = frozenset(PRONOUN_GENDER) | GROUP_PRONOUNS | THING_PRONOUNS
#: Determiners that open a definite or possessive description ("the minister", "her office").
DEFINITE = frozenset({"the", "this", "that", "his", "her", "its", "their", "our"})
CANDIDATE_KINDS = ("person", "organisation", "unnamed")

#: The features of one (mention, candidate) pair, in column order (see :func:`pair_features`).
FEATURES: tuple[str, ...] = (
    "rules_answer",  # the rules resolved the mention to this candidate
    "gender_match", "gender_clash",  # both genders known: equal / different
    "person_pronoun_x_person", "person_pronoun_x_other",  # he/she and a person / an organisation or group
    "group_pronoun_x_organisation", "group_pronoun_x_plural", "group_pronoun_x_person",
    "thing_pronoun_x_organisation", "thing_pronoun_x_person",
    "description_x_person", "description_x_organisation", "description_x_unnamed",
    "role_match",  # the description's head noun (or a class above it) is among the candidate's roles
    "name_has_head",  # the description's head noun is a word of the candidate's name ("the union" -> "X Union")
    "org_noun_x_organisation",  # an organisation noun of the lexicon ("the company") and an organisation
    "log_sentences_back", "paragraphs_back",  # distance from the candidate's last mention to the mention
    "same_sentence", "same_paragraph", "mentioned_after",  # ... or the candidate is only named after it
    "subject_previous_sentence", "main_subject_previous_sentence",
    "last_mention_is_subject",
    "previous_quote_speaker",  # the speaker the rules gave the quotation before this one
    "log_mentions_so_far", "first_entity",  # salience: how often named so far; the first one the text names
    "most_recent_of_kind",  # no other candidate of its kind was mentioned more recently
)


# --------------------------------------------------------------------------- running the pipeline
@contextlib.contextmanager
def _recording_contexts(store: list[tuple[Context, list[Quote]]]) -> Iterator[None]:
    """While active, every run of the ``quotes`` component appends its (context, quotations) to ``store``.

    The component builds its context and drops it; the one place where it is complete (every quotation
    attributed) is the call to ``echo``, so that call is wrapped, and nothing else changes."""
    original = _component.echo

    def recording(ctx: Context, quotes: list[Quote]) -> None:
        original(ctx, quotes)
        store.append((ctx, quotes))

    _component.echo = recording
    try:
        yield
    finally:
        _component.echo = original


def attributed_docs(texts: Sequence[str], nlp) -> list[tuple[Doc, Context, list[Quote]]]:
    """Run the pipeline on ``texts``: each Doc with the component's context and quotation records."""
    store: list[tuple[Context, list[Quote]]] = []
    docs = []
    with _recording_contexts(store):
        for text in texts:  # one by one, so that the n-th record belongs to the n-th text
            before = len(store)
            docs.append(nlp(text))
            if len(store) != before + 1:
                raise AnalysisError("the pipeline must run the quotes component exactly once per text",
                                    field="nlp.pipe_names")
    return [(doc, ctx, quotes) for doc, (ctx, quotes) in zip(docs, store)]


def attributed_contexts(docs: Sequence[Doc], component) -> list[tuple[Context, list[Quote]]]:
    """Run the ``quotes`` ``component`` alone on Docs already parsed by the components before it (a cache of
    parsed Docs, so that only the rules run again): each Doc's context and quotation records."""
    out: list[tuple[Context, list[Quote]]] = []
    with _recording_contexts(out):
        for n, doc in enumerate(docs):
            component(doc)
            if len(out) != n + 1:
                raise AnalysisError("the quotes component must record one context per Doc", field="component")
    return out


# --------------------------------------------------------------------------- mentions
def mention_type(words: str | None) -> str | None:
    """``pronoun``, ``description`` (a definite or possessive description, no name in it) or None.

    "she", "They" -> pronoun; "the engineer", "his office", "The company" -> description; "Pires",
    "Ms Pham", "the Ministry of Transport", "a senior official" -> None (a name or an indefinite)."""
    if not words:
        return None
    tokens = words.replace("\u2019", "'").split()
    first = tokens[0].casefold()
    if len(tokens) == 1 and first in PRONOUNS:
        return "pronoun"
    if first in DEFINITE and len(tokens) > 1 and not any(t[:1].isupper() for t in tokens[1:]):
        return "description"
    return None


def _source_finding(q: Quote):
    """The stage-1 finding that named the speaker, following continuations and nested quotations."""
    found, seen = q.found, 0
    while found is not None and found.source is not None and seen < 20:
        found, seen = found.source.found, seen + 1
    return found


def mention_head(ctx: Context, q: Quote, gold_mention: str | None) -> tuple[Token | None, str]:
    """The head token of the quotation's speaker mention and where it came from.

    The component's own record first (``component``); when it found none, the gold mention's words
    located in the text (``gold``): the occurrence outside quotations closest to the quotation, in its
    paragraph or the one before; else (None, ``none``)."""
    found = _source_finding(q)
    if found is not None and found.mention is not None:
        return found.mention, "component"
    if not gold_mention:
        return None, "none"
    doc, text = ctx.doc, ctx.text
    lo = ctx.paragraph_bounds[max(0, q.seg.paragraph - 2)][0] if ctx.paragraph_bounds else 0
    hi = q.seg.para_end
    best: tuple[int, Span] | None = None
    for match in re.finditer(r"(?<!\w)" + re.escape(gold_mention) + r"(?!\w)", text[lo:hi]):
        span = doc.char_span(lo + match.start(), lo + match.end(), alignment_mode="expand")
        if span is None or not len(span) or any(ctx.in_quote[t.i] for t in span):
            continue
        gap = abs(span.start_char - q.seg.start)
        if best is None or gap < best[0]:
            best = (gap, span)
    if best is None:
        return None, "none"
    return best[1].root, "gold"


def rules_unresolved(q: Quote) -> bool:
    """The rules left the quotation without an entity (no speaker, or the mention's own words kept)."""
    return q.entity is None or q.attribution.endswith("+unresolved")


# --------------------------------------------------------------------------- candidates
def candidates(ctx: Context, head: Token, rules_answer: Entity | None) -> list[Entity]:
    """The entities a mention at ``head`` may refer to: people, organisations and unnamed sources
    mentioned (outside quotations) before it or in its own sentence, and the rules' answer; in
    document order of first mention."""
    sentence_end = head.sent.end
    pool = [e for e in ctx.model.entities if e.kind in CANDIDATE_KINDS and e.mentions and e.mentions[0] < sentence_end]
    if rules_answer is not None and rules_answer not in pool:
        pool.append(rules_answer)
    return sorted(pool, key=lambda e: e.mentions[0] if e.mentions else head.i)


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


def _mention_words(head: Token) -> list[Token]:
    return [t for t in head.subtree if t.i <= head.i and t.is_alpha]


def mention_gender(ctx: Context, head: Token) -> str | None:
    """"m" / "f" from a pronoun, or from a gendered word of a description ("the widow"), else None."""
    low = head.lower_
    if low in PRONOUN_GENDER:
        return PRONOUN_GENDER[low]
    for tok in _mention_words(head):
        gender = ctx.lexicon.gender.get(tok.lemma_.lower()) or ctx.lexicon.gender.get(tok.lower_)
        if gender in ("m", "f"):
            return gender
    return None


def pair_features(ctx: Context, head: Token, quote_index: int, pool: Sequence[Entity],
                  rules_answer: Entity | None, sentences: Sequence[int] | None = None) -> np.ndarray:
    """One row of :data:`FEATURES` per candidate in ``pool`` for the mention at ``head``.

    ``quote_index`` is the quotation's position in ``ctx.quotes`` (the one before it gives the
    previous speaker); ``sentences`` maps tokens to sentence numbers (computed when not given)."""
    doc, model = ctx.doc, ctx.model
    sentences = sentences if sentences is not None else _sentence_index(doc)
    low = head.lower_
    is_pronoun = head.pos_ == "PRON" or low in PRONOUNS
    person_pronoun = is_pronoun and low in PRONOUN_GENDER
    group_pronoun = is_pronoun and low in GROUP_PRONOUNS
    thing_pronoun = is_pronoun and low in THING_PRONOUNS
    description = not is_pronoun
    gender = mention_gender(ctx, head)
    lemma = head.lemma_.lower()
    head_roles = model.role_classes([lemma]) if lemma in ctx.lexicon.roles else {lemma}
    org_noun = lemma in ctx.lexicon.organisations
    here_sentence, here_paragraph = sentences[head.i], model.paragraph_of(head.i)
    previous_sentence = here_sentence - 1
    previous_speaker = ctx.quotes[quote_index - 1].entity if quote_index > 0 else None
    first = min((e for e in model.entities if e.kind in CANDIDATE_KINDS and e.mentions), key=lambda e: e.mentions[0],
                default=None)
    last_at = {id(e): e.last_before(head.i) for e in pool}
    rows = []
    for e in pool:
        at = last_at[id(e)]
        after = at < 0
        subj_prev = any(sentences[m] == previous_sentence for m in e.subject_mentions if m < head.i)
        main_prev = any(sentences[m] == previous_sentence for m in e.main_mentions if m < head.i)
        kind_rivals = [last_at[id(o)] for o in pool if o is not e and o.kind == e.kind]
        roles = model.role_classes(e.roles) | set(e.roles) | set(e.text_roles) | ({e.head} if e.head else set())
        name_words = {w.casefold() for w in re.findall(r"[\w'’-]+", e.name)}
        plural = e.plural or e.kind == "organisation"
        row = {
            "rules_answer": e is rules_answer,
            "gender_match": gender is not None and e.gender == gender,
            "gender_clash": gender is not None and e.gender is not None and e.gender != gender,
            "person_pronoun_x_person": person_pronoun and e.kind in ("person", "unnamed") and not e.plural,
            "person_pronoun_x_other": person_pronoun and not (e.kind in ("person", "unnamed") and not e.plural),
            "group_pronoun_x_organisation": group_pronoun and e.kind == "organisation",
            "group_pronoun_x_plural": group_pronoun and e.plural,
            "group_pronoun_x_person": group_pronoun and e.kind == "person" and not plural,
            "thing_pronoun_x_organisation": thing_pronoun and e.kind == "organisation",
            "thing_pronoun_x_person": thing_pronoun and e.kind != "organisation",
            "description_x_person": description and e.kind == "person",
            "description_x_organisation": description and e.kind == "organisation",
            "description_x_unnamed": description and e.kind == "unnamed",
            "role_match": description and bool(head_roles & roles),
            "name_has_head": description and lemma in name_words,
            "org_noun_x_organisation": description and org_noun and e.kind == "organisation",
            "log_sentences_back": math.log1p(here_sentence - sentences[at]) if not after else math.log1p(10),
            "paragraphs_back": min(here_paragraph - model.paragraph_of(at), 5) if not after else 5,
            "same_sentence": not after and sentences[at] == here_sentence,
            "same_paragraph": not after and model.paragraph_of(at) == here_paragraph,
            "mentioned_after": after,
            "subject_previous_sentence": subj_prev,
            "main_subject_previous_sentence": main_prev,
            "last_mention_is_subject": not after and e.last_before(head.i, True) == at,
            "previous_quote_speaker": previous_speaker is e,
            "log_mentions_so_far": math.log1p(sum(1 for m in e.mentions if m < head.i)),
            "first_entity": e is first,
            "most_recent_of_kind": not after and all(r < at for r in kind_rivals),
        }
        rows.append([float(row[name]) for name in FEATURES])
    return np.asarray(rows, dtype=float).reshape(len(pool), len(FEATURES))


# --------------------------------------------------------------------------- the records of one text
@dataclass
class MentionRecord:
    """One gold quotation with a pronoun or description mention: what the rules did and the candidates."""

    case_id: str
    split: str
    family: str
    start: int
    end: int
    mention: str  # the gold mention as written
    mention_kind: str  # pronoun | description
    head_source: str  # component | gold | none
    gold_speaker: str
    rules_speaker: str | None
    rules_correct: bool  # as :func:`.evaluate.compare_cases` scores it (a speaker set must match too)
    rules_unresolved: bool
    names: list[str]  # candidate names, the rows of ``features``
    features: np.ndarray  # (candidates, FEATURES)
    gold_index: int  # row of the gold speaker among the candidates, -1 when absent

    @property
    def covered(self) -> bool:
        return self.gold_index >= 0



def case_records(case: dict[str, Any], ctx: Context, quotes: Sequence[Quote]) -> list[MentionRecord]:
    """The :class:`MentionRecord` of every gold quotation of ``case`` that the pipeline found, whose gold
    mention is a pronoun or a description and which has one gold speaker (a coordinated speaker set is
    left to the rules)."""
    by_span = {(q.span.start_char, q.span.end_char): (n, q) for n, q in enumerate(quotes)}
    sentences = _sentence_index(ctx.doc)
    out = []
    for gold in case["quotes"]:
        kind = mention_type(gold["speaker_mention"])
        if kind is None or gold["speaker"] is None or len(gold["speakers"]) != 1:
            continue
        hit = by_span.get((gold["start"], gold["end"]))
        if hit is None:
            continue
        n, q = hit
        head, source = mention_head(ctx, q, gold["speaker_mention"])
        pool = candidates(ctx, head, q.entity) if head is not None else ([q.entity] if q.entity is not None else [])
        if head is not None:
            features = pair_features(ctx, head, n, pool, q.entity, sentences)
        else:
            features = np.zeros((len(pool), len(FEATURES)))
            if pool:
                features[:, FEATURES.index("rules_answer")] = 1.0
        names = [e.name for e in pool]
        gold_key = speaker_key(gold["speaker"])
        gold_index = next((k for k, name in enumerate(names) if speaker_key(name) == gold_key), -1)
        rules_set = {speaker_key(s) for s in q.speakers if speaker_key(s)}
        rules_correct = speaker_key(q.speaker_entity) == gold_key and len(rules_set) <= 1
        out.append(MentionRecord(case["id"], case["split"], case["family"], gold["start"], gold["end"],
                                 gold["speaker_mention"], kind, source, gold["speaker"], q.speaker_entity,
                                 rules_correct, rules_unresolved(q), names, features, gold_index))
    return out


def writer_of(case_id: str, split: str) -> str:
    """The writer group of a case: the letters of its id suffix ("relay-k03" -> "k"), else its split."""
    match = re.search(r"-([a-z]+)\d+$", case_id)
    return match.group(1) if match else split


# --------------------------------------------------------------------------- the model
@dataclass(frozen=True)
class Ranker:
    """A conditional logit: candidate scores are ``features @ weights`` after standardising."""

    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray

    def scores(self, features: np.ndarray) -> np.ndarray:
        return ((features - self.mean) / self.scale) @ self.weights

    def pick(self, features: np.ndarray) -> int:
        """Row of the best candidate (-1 when there is none); ties go to the first in document order."""
        return int(np.argmax(self.scores(features))) if len(features) else -1

    def coefficients(self, names: Sequence[str] = FEATURES) -> list[tuple[str, float]]:
        """(feature, weight per standard deviation), largest magnitude first; ``names`` are the columns (this
        module's :data:`FEATURES` unless the ranker was trained on another feature set)."""
        return sorted(zip(names, (float(w) for w in self.weights)), key=lambda p: -abs(p[1]))


def train_ranker(groups: Sequence[tuple[np.ndarray, int]], *, l2: float = 1.0, steps: int = 500,
                 learning_rate: float = 0.5, weights: Sequence[float] | None = None) -> Ranker:
    """Fit a conditional logit on (candidate features, gold row) groups by full-batch gradient descent.

    Groups whose gold row is -1 (the gold speaker not among the candidates) or with one candidate carry
    no ranking information and are skipped. ``weights`` (one per group, default 1) scale each group's
    log-likelihood, e.g. to count in-sample material less. Deterministic: zero start, fixed steps, no
    sampling."""
    weights = [1.0] * len(groups) if weights is None else list(weights)
    if len(weights) != len(groups):
        raise ValueError(f"{len(weights)} weights for {len(groups)} groups")
    kept = [(x, g, float(v)) for (x, g), v in zip(groups, weights) if g >= 0 and len(x) > 1 and v > 0]
    usable = [(x, g) for x, g, _ in kept]
    if not usable:
        raise ValueError("no group has the gold candidate among two or more candidates")
    stacked = np.vstack([x for x, _ in usable])
    mean = stacked.mean(axis=0)
    scale = stacked.std(axis=0)
    scale[scale == 0] = 1.0
    width = max(len(x) for x, _ in usable)
    padded = np.zeros((len(usable), width, stacked.shape[1]))  # groups x candidates x features
    present = np.zeros((len(usable), width), dtype=bool)
    for k, (x, _) in enumerate(usable):
        padded[k, :len(x)] = (x - mean) / scale
        present[k, :len(x)] = True
    gold = padded[np.arange(len(usable)), [g for _, g in usable]]
    v = np.array([v for _, _, v in kept])
    w = np.zeros(stacked.shape[1])
    n = float(v.sum())
    for _ in range(steps):
        s = np.where(present, padded @ w, -np.inf)
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = (np.einsum("g,gc,gcf->f", v, p, padded) - v @ gold + l2 * w) / n
        w -= learning_rate * grad
    return Ranker(w, mean, scale)


def log_likelihood(ranker: Ranker, groups: Sequence[tuple[np.ndarray, int]]) -> float:
    """Mean log-probability of the gold candidate over groups that contain it."""
    values = []
    for x, g in groups:
        if g < 0:
            continue
        s = ranker.scores(x)
        values.append(float(s[g] - s.max() - np.log(np.exp(s - s.max()).sum())))
    return float(np.mean(values)) if values else float("nan")


__all__ = ["FEATURES", "MentionRecord", "Ranker", "attributed_contexts", "attributed_docs", "candidates", "case_records", "log_likelihood",
           "mention_gender", "mention_head", "mention_type", "pair_features", "rules_unresolved", "train_ranker",
           "writer_of"]
