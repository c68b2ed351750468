"""Stage 1: quotation -> mention. Ordered sieves; the first that finds the speaker's words decides.

Each sieve takes the context and one quotation and returns a :class:`~.state.Found` (named after
the sieve) or None. The order (:data:`MENTION_SIEVES`) runs from the most to the least reliable:

1. ``nested``: a quotation inside another keeps the outer quotation's speaker;
2. ``dash``: ``"..." – Ana Pires`` (the name after a dash that follows the closing mark);
   ``colon``: ``Minister: "..."`` (a headline or caption: a short noun phrase, a colon, the quotation);
3. ``trigram``: the shallow patterns next to the marks, ``quote, said Mention`` /
   ``quote, Mention said`` / ``Mention said, quote`` (also a cue inside the reporter's sentence:
   ``But the unions, Pires said, "must ..."``);
4. ``parse``: the reporting verb of the cue lexicon that governs the quotation and its subject
   (passive: the agent; participles and adjuncts such as "calling", "saying", "adding": the subject
   of the verb they modify; "according to X"; relays such as "quoted her as saying": the object;
   "X's statement"); addressees ("told Y", "said to Y") are never speakers;
5. ``continuation``: a quotation with no cue of its own continues the previous one in its paragraph,
   or the quotation of the previous paragraph (multi-paragraph quotations);
6. ``paragraph``: a quotation with no cue of its own after an attribution earlier in its paragraph;
7. ``context``: a quotation alone in its paragraph, right after a paragraph about one person.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .entity_sieves import one_of
from .marks import normalise_quote
from .model import NON_AGENT_TYPES, PLACE_TYPES, SILENT_KINDS, Entity
from .state import Context, Found, Quote, age_of, span_text

SUBJECT_DEPS = ("nsubj",)
PASSIVE_SUBJECT_DEPS = ("nsubjpass",)
ADDRESSEE_DEPS = ("dobj", "dative", "iobj", "pobj")
NP_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "PART"})
DASHES = ("\u2013", "\u2014", "-", "\u2015", "\u2012")
#: Dependencies of a participle or adjunct whose speaker is the subject of the verb it modifies.
ADJUNCT_DEPS = ("advcl", "xcomp", "conj", "acl", "pcomp", "ccomp")


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _is_cue_verb(ctx: Context, tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in ctx.cues.verbs or _particle(ctx, tok) is not None
                                             or _document_cue(ctx, tok)) or _tagged_as_noun(ctx, tok) \
        or _document_verb_as_noun(ctx, tok)


def _tagged_as_noun(ctx: Context, tok: Token) -> bool:
    """"12.44pm: X replies: '...'": a reporting verb in the present tense, right after a name and right before a
    colon, that the tagger read as a plural noun ("replies", "answers")."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in ctx.cues.verbs or tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    before = tok.doc[tok.i - 1]
    named = ctx.model.entity_at(before.i)
    return (before.pos_ == "PROPN" and before.text[:1].isupper() if named is None else named.kind in (
        "person", "organisation")) and tok.i not in ctx.model.by_token and tok.doc[tok.i + 1].text == ":"


def _document_cue(ctx: Context, tok: Token) -> bool:
    """"'...,' the statement read", "it read": a document verb reports when its subject is a statement noun or "it"
    and it has no object ("X read a statement" is the reader's act)."""
    return tok.lemma_.lower() in ctx.cues.document_verbs and not any(c.dep_ in ("dobj", "attr") for c in tok.children) \
        and any(c.dep_ == "nsubj" and (c.lemma_.lower() in ctx.cues.nouns or c.lower_ == "it") for c in tok.children)


def _document_verb_as_noun(ctx: Context, tok: Token) -> bool:
    """"'...,' the message read.": a document verb the tagger read as a noun compounded with the statement noun
    before it. "Read" has one form for present, past and noun; a statement noun followed by it at the end of its
    clause is the statement's subject and its verb (a noun "read", "a good read", takes no statement noun). The
    compound, or the statement noun as the parsed subject of a "noun" read that is the root of its sentence ("the
    statement read." after a line break); a subject of a "noun" read inside a longer sentence may open a clause."""
    tokens = ctx.model.tokens
    if tok.pos_ != "NOUN" or tok.i == 0 or tok.lemma_.lower() not in ctx.cues.document_verbs:
        return False
    before = tokens[tok.i - 1]
    shape = before.dep_ == "compound" or (before.dep_ == "nsubj" and tok.dep_ == "ROOT")
    return shape and before.head.i == tok.i and before.lemma_.lower() in ctx.cues.nouns \
        and (tok.i + 1 == len(tokens) or tokens[tok.i + 1].is_punct) and not ctx.in_quote[tok.i]


def _particle(ctx: Context, tok: Token) -> Token | None:
    """The particle of a phrasal reporting verb ("shot back", "hit back"), if ``tok`` is one; a particle the
    parser read as a preposition counts when it has no object ("X joins in: '...'", not "joins in the call")."""
    return next((c for c in tok.children if (c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and not any(
        g.dep_ == "pobj" for g in c.children))) and (tok.lemma_.lower(), c.lower_) in ctx.cues.phrasal), None)


def _cue_text(ctx: Context, tok: Token) -> str:
    """The cue as written: the verb, with its particle when it is a phrasal cue ("shot back")."""
    prt = _particle(ctx, tok)
    return tok.doc[tok.i:prt.i + 1].text if prt is not None and prt.i > tok.i else tok.text


RELATIVE = frozenset({"who", "that", "which"})


def _antecedent(tok: Token | None) -> Token | None:
    """A relative pronoun stands for the noun its clause describes ("a ministry official, who told ...")."""
    if tok is not None and tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _agent_ok(ctx: Context, tok: Token | None) -> bool:
    """A token that can be a speaker: outside any quotation, not a date, place or other non-agent."""
    if tok is None or ctx.in_quote[tok.i]:
        return False
    if tok.pos_ == "PRON" or age_of(tok) is not None:
        return True  # a pronoun, or "the 58-year-old" (tagged DATE)
    entity = ctx.model.entity_at(tok.i)
    if entity is not None and entity.kind in SILENT_KINDS:
        return False
    if tok.ent_type_ in NON_AGENT_TYPES and entity is None:
        return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children) or (  # "One of them, Erlan Bek, ..."
            one_of(tok) is not None and _speaker_like(ctx, one_of(tok)))  # "one of the aides said"
    return tok.pos_ in ("PROPN", "NOUN", "PRON", "NUM") or ctx.model.entity_at(tok.i) is not None


def _speaker_like(ctx: Context, tok: Token) -> bool:
    """Can this word name someone who speaks: a name, a pronoun, or a noun for a person, group or organisation?"""
    if tok.pos_ in ("PRON", "PROPN") or ctx.model.entity_at(tok.i) is not None or tok.text[:1].isupper() \
            or age_of(tok) is not None:
        return True
    if one_of(tok) is not None:
        return _speaker_like(ctx, one_of(tok))
    words = {tok.lemma_.lower(), tok.lower_}
    lex = ctx.lexicon
    return bool(words & (lex.roles | lex.unnamed | lex.relays | set(lex.organisations) | set(lex.gender) | ctx.cues.nouns))


def _coordinated(ctx: Context, head: Token) -> list[Token]:
    """Speakers coordinated with ``head`` ("Pires and Costa"). Without a conjunction in the chain, or an "and" between
    the two in the text ("X of Y University and Prof Z", the "and" hung on the affiliation), the "conjuncts" are
    appositions the parser misread ("the summit's host, the regional governor, X")."""
    out, stack, has_cc = [], [head], False
    while stack:
        tok = stack.pop()
        has_cc = has_cc or any(c.dep_ == "cc" for c in tok.children)
        for child in tok.children:
            if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON") and not ctx.in_quote[child.i]:
                out.append(child)
                stack.append(child)
    if not has_cc:
        out = [t for t in out if _and_between(ctx, head.i, t.i)]
    seen = {t.i for t in out}
    return sorted(out + [t for t in _coordinated_past_phrase(ctx, head) if t.i not in seen], key=lambda t: t.i)


def _and_between(ctx: Context, start: int, end: int) -> bool:
    tokens = ctx.model.tokens
    return any(tokens[k].dep_ == "cc" and tokens[k].lower_ in ("and", "&") for k in range(start + 1, end))


def _coordinated_past_phrase(ctx: Context, head: Token) -> list[Token]:
    """Names coordinated with ``head``'s name that the parser hung on a word of its phrase rather than on the name:
    on its apposition ("Sens. Ama Ode-Reyes and Tom Bell" with "Reyes" apposed), or on its affiliation ("X of
    Utrecht University and Prof Y of ...", "X of Union Local 1187 and Y of ..."), or made the object of its "of"
    ("X of the Nurses' Union and Y of ...": a person's name). Only a name of the same kind as
    ``head``'s (a person with a person) that is not part of the word it hangs on, after an "and" between the two."""
    named = ctx.model.entity_at(head.i)
    if named is None:
        return []
    roots = [c for c in head.children if c.dep_ == "appos"]
    roots += [g for r in (head, *roots) for c in r.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "at")
              for g in c.children if g.dep_ == "pobj"]
    roots += [c for r in roots for c in r.children if c.dep_ == "appos"]
    out = []
    for root in roots:  # "said X of the Nurses' Union and Y of ...", parsed with Y as the object of "of"
        entity = ctx.model.entity_at(root.i)
        if root.dep_ == "pobj" and entity is not None and entity.kind == named.kind == "person" and entity is not named \
                and _and_between(ctx, head.i, root.i) and not ctx.in_quote[root.i]:
            out.append(root)
        for conj in root.children:
            entity = ctx.model.entity_at(conj.i)
            if conj.dep_ != "conj" or entity is None or entity.kind != named.kind or entity is named \
                    or entity is ctx.model.entity_at(root.i) or ctx.in_quote[conj.i]:
                continue
            if _and_between(ctx, root.i, conj.i):
                out.append(conj)
    return out


def _named_in_chain(ctx: Context, head: Token, end: int | None = None) -> Token | None:
    """A name in apposition to a word that is not one, however the parser attached it ("the council's
    secretary-general, Adaeze Nnamdi," / "the summit's host, the regional governor, Hanne Lindgren"):
    the last name of the comma-separated chain of noun phrases that starts at ``head``'s phrase."""
    if ctx.model.entity_at(head.i) is not None or any(c.dep_ == "appos" and ctx.model.entity_at(c.i) is not None
                                                       for c in head.children):
        return None  # a name, or a word whose apposition the parser found (the mention keeps both)
    doc = ctx.doc
    i = end if end is not None else max([head.i] + [c.right_edge.i for c in head.children if c.i > head.i and c.dep_ not in (
        "appos", "relcl", "acl", "punct", "conj", "cc")]) + 1
    named = None
    while i < len(doc) - 1 and doc[i].text == "," and not ctx.in_quote[i + 1]:
        j = i + 1
        while j < len(doc) and (doc[j].pos_ in NP_POS or (doc[j].text in "-\u2010" and not doc[j].whitespace_)) \
                and doc[j].pos_ != "PRON" and not ctx.in_quote[j]:
            j += 1
        if j == i + 1:
            break
        chunk = [t for t in doc[i + 1:j] if ctx.model.entity_at(t.i) is not None
                 and ctx.model.entity_at(t.i).kind in ("person", "organisation")]
        if chunk:
            named = chunk[-1]
        i = j
    return named


# --------------------------------------------------------------------------- sieves
def nested(ctx: Context, q: Quote) -> Found | None:
    if q.seg.parent is None:
        return None
    parent = next((o for o in ctx.quotes if o.seg is ctx.segments[q.seg.parent]), None)
    if parent is None:
        return None
    return Found("nested", source=parent)


def dash(ctx: Context, q: Quote) -> Found | None:
    """``"We will win." – Ana Pires``: the name after a dash right after the closing mark (on the same
    line, or alone on the next one)."""
    seg = q.seg
    if seg.close_mark is None:
        return None
    rest = ctx.text[seg.close_mark + 1:seg.para_end]
    stripped = rest.lstrip(" ,")
    start, end = seg.close_mark + 1 + (len(rest) - len(stripped)), seg.para_end
    if not stripped and seg.paragraph < len(ctx.paragraph_bounds):
        start, end = ctx.paragraph_bounds[seg.paragraph]  # the attribution alone on the next line
        stripped = ctx.text[start:end]
    if not stripped.startswith(DASHES):
        return None
    span = ctx.doc.char_span(start + 1, end, alignment_mode="expand")
    if span is None:
        return None
    chunks: list[list[Token]] = [[]]
    for tok in span:  # the first chunk: "Ewan, a reader in Bramby" -> Ewan
        if tok.is_punct and tok.text in ",;(":
            if len(chunks) == 2 or tok.text != ",":
                break
            chunks.append([])
        elif not tok.is_space and not tok.is_punct:
            chunks[-1].append(tok)
    words = chunks[0]
    cut = next((k for k, t in enumerate(words) if k and (t.pos_ in ("ADP", "SCONJ") or t.tag_ == "TO") and t.lower_ != "of"
                and any(ctx.model.entity_at(w.i) is not None for w in words[:k])), None)
    words = words[:cut] if cut else words  # "— Nomads coach X on Qureshi-Naik": the name before "on" speaks (also
    # before a "to" the tagger read as an infinitive marker: "- striker X to referee Y", Y is spoken to)

    def people(chunk: list[Token]) -> list[Token]:
        return [t for t in chunk if ctx.model.entity_at(t.i) is not None
                and ctx.model.entity_at(t.i).kind in ("person", "organisation")]

    named = [t for t in words if ctx.model.entity_at(t.i) is not None]
    def full_name(chunk: list[Token]) -> bool:
        return any(len(ctx.model.entity_at(t.i).name.split()) > 1 for t in people(chunk))

    if len(chunks) > 1 and not full_name(words) and full_name(chunks[1]) and len(chunks[1]) <= 5:
        named = people(chunks[1])  # "- Counsel for the families, Aoife Brennan": the role, then the name
    if not words or len(words) > 10 or not (words[0].text[:1].isupper() or named):
        return None  # "– Ana Pires", "— referee Samuel Oduya", not a dash inside a sentence
    head = named[-1] if named else next((t for t in reversed(words) if t.pos_ in ("PROPN", "NOUN")), None)
    if head is None:
        return None
    return Found("dash", mention=head)


def colon(ctx: Context, q: Quote) -> Found | None:
    """``Minister: 'No return to the old rules'``: a headline or caption that names the speaker, then a
    colon, then the quotation; the words before the colon are a short noun phrase, nothing else. The
    reverse headline, ``'It was never about the money': Ana Pires on 40 years of touring``: a quotation
    that opens its paragraph, a colon, then a name (the rest is what the piece is about)."""
    seg = q.seg
    if seg.open_mark == seg.para_start and seg.close_mark is not None and not seg.nested:
        found = _name_after_colon(ctx, q)
        if found is not None:
            return found
    before = ctx.text[seg.para_start:seg.open_mark].rstrip()
    words = [t for t in ctx.frame(q, "before") if not t.is_space]
    if not before.endswith(":") or not words or words[-1].text != ":" or sum(not t.is_punct for t in words) > 6 \
            or seg.open_mark - words[0].idx > 60:
        return None  # only the words of its own sentence: "... the promenade. Senior engineer X: '...'" (a live blog)
    np = words[:-1]
    if any(t.pos_ in ("VERB", "AUX", "SCONJ") or (t.pos_ == "ADP" and t.lower_ != "of") for t in np):
        return None  # "He told reporters:" is the parse sieve's
    of = next((k for k, t in enumerate(np) if t.lower_ == "of"), None)
    head = _np_head(ctx, np[:of] if of else np)  # "Mother of lost bushwalker": the noun before "of"
    return Found("colon", mention=head) if head is not None and _speaker_like(ctx, head) else None


def _name_after_colon(ctx: Context, q: Quote) -> Found | None:
    """The person or organisation named right after ``": "`` that follows the quotation's closing mark."""
    rest = ctx.text[q.seg.close_mark + 1:q.seg.para_end]
    if not rest.startswith(":") or len(rest) > 120:
        return None
    words = normalise_quote(q.span.text)
    if len(words.split()) >= 3 and words in normalise_quote(ctx.text[q.seg.para_end:]):
        return None  # "'Mr Speaker, ...': minister faces questions": the body quotes these words again with their
        # speaker, who is named more plainly there than in a headline (``echo`` gives the headline that speaker)
    words = [t for t in ctx.frame(q, "after") if not t.is_space]
    if not words or words[0].text != ":":
        return None
    lead = _leading_np(words[1:])
    named = [t for t in lead if ctx.model.entity_at(t.i) is not None
             and ctx.model.entity_at(t.i).kind in ("person", "organisation")]
    if not named or len(lead) > 8:
        return None
    after = words[1 + len(lead):]
    if after and not (after[0].pos_ in ("ADP", "VERB", "AUX") or after[0].is_punct):
        return None  # "Ana Pires on ...", "Ana Pires looks back", "Ana Pires." : the name opens its own phrase
    return Found("colon", mention=named[-1])


def _np_head(ctx: Context, tokens: list[Token]) -> Token | None:
    """The head of a short noun phrase (all tokens NP-like): its subject, entity or last noun."""
    if not tokens or len(tokens) > 8:
        return None
    if any(t.pos_ not in NP_POS and not (t.is_punct and t.text in "-'\u2019,") and t.pos_ != "CCONJ"
           and not _nominal_verb(t) for t in tokens):
        return None
    for tok in tokens:
        if tok.dep_ in SUBJECT_DEPS and _agent_ok(ctx, tok) and not _nominal_verb(tok.head) and not _prefix(tok) \
                and tok.text not in "-\u2010":
            return tok  # not "Perth" in "says Perth swimmer X" parsed as a clause: the phrase's name, below
    age = next((t for t in tokens if age_of(t) is not None), None)
    if age is not None:
        return age  # "the 58-year-old" (the parser hangs "old" anywhere)
    nouns = [t for t in tokens if t.pos_ in ("PROPN", "NOUN", "PRON") and _agent_ok(ctx, t) and not _prefix(t)
             and t.text not in "-\u2010"]
    if not nouns:
        return None
    first_conj = next((k for k, t in enumerate(tokens) if t.pos_ == "CCONJ"), None)
    if first_conj is not None:  # "Pires and Costa": the first conjunct is the head
        before = [t for t in nouns if t.i < tokens[first_conj].i]
        if before:
            return before[-1]
    ids = {n.i for n in tokens}
    heads = [t for t in nouns if t.head.i not in ids or t.head == t]
    return heads[0] if heads else nouns[-1]


def _prefix(tok: Token) -> bool:
    """The first part of a hyphenated word ("co" of "co-founder", "vice" of "vice-chair"): never a phrase's head."""
    doc = tok.doc
    return not tok.whitespace_ and tok.i + 2 < len(doc) and doc[tok.i + 1].text in "-\u2010" \
        and not doc[tok.i + 1].whitespace_


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def trigram(ctx: Context, q: Quote) -> Found | None:
    """Shallow patterns next to the marks: ``quote, said Mention``, ``quote, Mention said``, ``Mention said, quote``."""
    if q.kind != "full":
        return None
    if _after_ok(ctx, q):
        after = ctx.frame(q, "after")
        while after and after[0].text == ",":
            after = after[1:]
        words = [t for t in after if t.text != ","]
        if words and _is_cue_verb(ctx, words[0]) and not _passive(words[0]):  # quote, said Mention
            np = _leading_np(after[1:])  # up to a comma: "said X, chair of Y" is X
            head = _np_head(ctx, np)
            if head is not None and head.lower_ in ctx.model.title_words and ctx.model.entity_at(head.i) is None:
                head = next((t for t in reversed(np) if ctx.model.entity_at(t.i) is not None), head)  # "said Capt.\nX"
            if head is not None:  # "said the council's secretary-general, X,": the name after the phrase
                head = _named_in_chain(ctx, head, np[-1].i + 1) or head
                return _found("trigram", ctx, head, words[0])
        k = next((k for k, t in enumerate(words[:9]) if _is_cue_verb(ctx, t)), None)
        if k and not _passive(words[k]):  # quote, Mention said
            head = _subject_within(ctx, words[k], words[:k]) or _np_head(ctx, words[:k])
            if head is not None:
                return _found("trigram", ctx, head, words[k])
    before = ctx.frame(q, "before")
    k = next((k for k in range(len(before) - 1, -1, -1) if _is_cue_verb(ctx, before[k])
              and (before[k].dep_ not in ("acl", "amod", "relcl") or before[k].tag_ == "VBD")), None)  # not "a video posted on Friday"
    if k is None or _passive(before[k]) or not _adjuncts_only(ctx, before[k + 1:]):
        return None
    lead = _last_chunk(before[:k])
    parenthetical = ctx.text[q.seg.start:q.seg.start + 1].islower()  # the quotation goes on with the reporter's sentence
    inverted = _leading_np(before[k + 1:]) if k == 0 or before[k - 1].text == "," else []
    if inverted and not any(ctx.model.entity_at(t.i) is not None or (t.dep_ in SUBJECT_DEPS and t.head is before[k])
                            or _named_in_chain(ctx, t) is not None
                            or any(c.dep_ == "appos" and ctx.model.entity_at(c.i) for c in t.children) for t in inverted):
        inverted = []  # "..., told reporters, "...": an addressee, not the speaker
    relayed = _relayed(ctx, before[k])
    if relayed is not None:  # "He was, X quoted him as saying, '...'": the relay's object speaks, the relay is the cue
        return _found("trigram", ctx, relayed[0], relayed[1])
    if _carried_owner(ctx, before[k]) is not None:
        head = _carried_owner(ctx, before[k])
    elif parenthetical and inverted:  # "Parents, said Zainab Hussein, whose son ..., "just want ...""
        head = _np_head(ctx, inverted)
    elif parenthetical and _last_person(ctx, lead) is not None:
        head = _last_person(ctx, lead)  # "Renters, Tenants First chief executive X said, "are ...": the name next to
        # the cue, not the organisation's name the parser split into its own noun; "The samples, lead author X of
        # the University of Y said, "tell ...": the person, not the affiliation after the name
    elif parenthetical:  # "The rail operator, the drivers' leader X said, "has not ...": the words nearest the cue
        head = _np_head(ctx, lead) or _np_head(ctx, _leading_np(lead)) or _subject_within(ctx, before[k], before[:k])
        # ("The hearing, a spokesman for the coroner's office said, "is ...": the phrase's own head, before "for")
    else:
        head = _subject_within(ctx, before[k], before[:k]) or _np_head(ctx, lead)
        head = _name_after_named_relayer(ctx, head, before[:k]) or head
    if head is None or (head.dep_ in ADDRESSEE_DEPS and not (parenthetical and inverted)):
        return None  # after an inverted cue the words are its subject, whatever the parse says
    return _found("trigram", ctx, head, before[k])


def _comma_chunks(tokens: list[Token]) -> list[list[Token]]:
    """``tokens`` cut at commas, without the commas."""
    chunks: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text == ",":
            chunks.append([])
        else:
            chunks[-1].append(tok)
    return chunks


def _name_after_named_relayer(ctx: Context, head: Token | None, tokens: list[Token]) -> Token | None:
    """The speaker's name right before the cue when the phrase before it names someone else: "In a statement
    released by her lawyer, Ana Ruiz, Costa said", "..., by his agent, Ana Ruiz, Costa, 79, said". A description
    ("her lawyer") followed by a name is that name's apposition; a second name after it is not a second apposition
    (one person has one name) but the cue's subject, which the parser often hangs on the first name or drops. Only
    when the phrase next to the cue (an age after it skipped) is a name alone, with no "and" (not a list), and the
    parsed subject is missing or is the first name."""
    chunks = _comma_chunks(tokens)
    while chunks and (not chunks[-1] or all(t.like_num for t in chunks[-1])):  # "Costa, 79, said"
        chunks.pop()
    if len(chunks) < 3 or not chunks[-3]:
        return None
    description, first, last = chunks[-3:]
    if any(t.pos_ == "CCONJ" for t in first + last):
        return None

    def name_alone(chunk: list[Token]) -> Entity | None:
        named = {ctx.model.entity_at(t.i) for t in chunk if t.pos_ == "PROPN"}
        if len(named) != 1 or None in named or not all(t.pos_ == "PROPN" or (t.text in "-\u2010" and not t.whitespace_)
                                                        for t in chunk):
            return None
        entity = next(iter(named))
        return entity if entity.kind in ("person", "organisation") else None

    speaker, relayer = name_alone(last), name_alone(first)
    if speaker is None or relayer is None or speaker is relayer:
        return None
    if description[-1].pos_ != "NOUN" or ctx.model.entity_at(description[-1].i) is not None:
        return None  # "X, Y, Z said" with no description before the first name: a list, or a name and its affiliation
    if head is not None and head.i not in {t.i for t in first}:
        return None
    return next(t for t in reversed(last) if ctx.model.entity_at(t.i) is speaker)


def _last_person(ctx: Context, chunk: list[Token]) -> Token | None:
    """The last word of the last person named in ``chunk`` before any "of" affiliation that ends it, else None."""
    stop = next((k for k, t in enumerate(chunk) if t.lower_ == "of" and k > 0
                 and ctx.model.entity_at(chunk[k - 1].i) is not None), len(chunk))
    last = chunk[stop - 1] if stop else None  # the word before the affiliation, or the chunk's last word
    entity = ctx.model.entity_at(last.i) if last is not None else None
    return last if entity is not None and entity.kind == "person" else None


def _relayed(ctx: Context, tok: Token) -> tuple[Token, Token] | None:
    """The object and verb of a relay whose "as saying" a cue participle completes ("X quoted him as saying":
    him, quoted; passive "he was quoted as saying": he), else None."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "as" or tok.head.head.lemma_.lower() not in ctx.cues.relays:
        return None
    relay = tok.head.head
    deps = ("nsubjpass",) if _passive(relay) else ("dobj",)
    obj = next((c for c in relay.children if c.dep_ in deps and _agent_ok(ctx, c)), None)
    return (obj, relay) if obj is not None else None


def _last_chunk(tokens: list[Token]) -> list[Token]:
    """The words before a cue back to the previous comma ("X, the chair, Ana Pires, said" -> Ana Pires)."""
    end = len(tokens)
    while end and tokens[end - 1].is_punct and tokens[end - 1].text in ",;:\u2014\u2013":
        end -= 1
    start = end
    while start and not (tokens[start - 1].is_punct and tokens[start - 1].text in ",;:\u2014\u2013"):
        start -= 1
    return tokens[start:end]


def _leading_np(tokens: list[Token]) -> list[Token]:
    """The noun phrase a token run starts with ("Ana Pires", "the minister", "Pires and Costa")."""
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        if (tok.pos_ in NP_POS and tok.pos_ != "PART") or (tok.pos_ == "PART" and out) or _nominal_verb(tok) or (
                out and tok.text in "-\u2010" and not tok.whitespace_) or (  # "the council's secretary-general"
                out and out[-1].text in "-\u2010" and not out[-1].whitespace_ and tok.tag_ in ("VBN", "VBG")):
            out.append(tok)  # "one London-based aviation analyst", "a long-serving official": a compound adjective
        elif tok.pos_ == "CCONJ" and out and k + 1 < len(tokens) and tokens[k + 1].pos_ in ("PROPN", "NOUN", "DET"):
            out.append(tok)
        else:
            break
    return out


def _nominal_verb(tok: Token) -> bool:
    """A noun the tagger read as a base-form verb but the parser uses as a noun ("says Perth swimmer X", "Otago
    sculler X"): a compound, a subject that is not a gerund or participle, or a plural or base form whose
    subject is one singular noun or name with no auxiliary ("Napier rower X", "mission lead X": as a verb it would
    not agree)."""
    if tok.pos_ != "VERB":
        return False
    if tok.dep_ == "compound" or (tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ not in ("VBG", "VBN")):
        return True
    children = list(tok.children)
    return tok.tag_ in ("VB", "VBP") and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in children) and not any(
        c.dep_ in ("aux", "auxpass", "neg", "conj") or c.tag_ == "MD" for c in children)


def _subject_within(ctx: Context, verb: Token, tokens: list[Token]) -> Token | None:
    """The verb's parsed subject when it lies among ``tokens``."""
    ids = {t.i for t in tokens}
    subjects = [_past_apposed(ctx, c) for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i in ids and _agent_ok(ctx, c)
                and c.is_alpha]
    named = [c for c in subjects if ctx.model.entity_at(c.i) is not None]
    if len(named) > 1 and all(c.i < verb.i for c in named):  # "Outside Osgoode Hall, where ..., advocate X said":
        return max(named, key=lambda c: c.i)  # of two named subjects before the verb, the one next to it
    return (named or subjects or [None])[0]  # of two parsed subjects ("co - owner X said"), the name


def _past_apposed(ctx: Context, tok: Token) -> Token:
    """A name set off after a description inside a phrase is not the subject the parser made it ("relayed by his
    agent, Nuala X, the Brazilian said"): the noun phrase after it, parsed as its apposition, is."""
    if tok.i in ctx.model.apposed and ctx.doc[ctx.model.apposed[tok.i]].dep_ == "pobj":
        after = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and ctx.model.entity_at(c.i) is None), None)
        if after is not None:
            return after
    return tok


def _adjuncts_only(ctx: Context, tokens: list[Token]) -> bool:
    """What stands between a cue and the quotation it opens: adjuncts ("on Friday", "in a video posted
    on Friday"), an addressee ("told reporters") or a clause describing a noun ("said X, whose son is
    treated there,"), not a new clause."""
    ids = {t.i for t in tokens}
    for tok in tokens:
        if any(a.dep_ in ("relcl", "appos") and a.i in ids for a in (tok, *tok.ancestors)):
            continue
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acl", "relcl", "amod"):
            return False
        if tok.pos_ == "PRON" and tok.dep_ not in ("dobj", "dative", "pobj", "poss"):
            return False
    return True


def _found(sieve: str, ctx: Context, head: Token, cue_tok: Token, cue: str | None = None) -> Found | None:
    head = _through_cue_noun(ctx, _antecedent(head))
    if head is None:
        return None
    head = _holder_after(ctx, head) or _named_in_chain(ctx, head) or head
    members = _group_members(ctx, head)
    if members:  # "A bench of Justices X and Y said": the people the group is made of
        return Found(sieve, mention=members[0], others=members[1:], cue_token=cue_tok, cue=cue or _cue_text(ctx, cue_tok))
    others = _coordinated(ctx, head)
    listed = [] if others else _listed_before(ctx, head)
    if listed:  # "the X Union (XU) and the Y Association said", parsed as one name's modifiers
        head, others = listed[0], listed[1:] + [head]
    head, others = _with_listed_people(ctx, head, others)
    titled = _titled_conjunct(ctx, head, others)
    if titled is not None:
        head, others = titled, []
    return Found(sieve, mention=head, others=others, cue_token=cue_tok, cue=cue or _cue_text(ctx, cue_tok))


LIST_POS = frozenset({"PROPN", "NOUN", "ADJ"})


def _with_listed_people(ctx: Context, head: Token, others: list[Token]) -> tuple[Token, list[Token]]:
    """The mention and its coordinated speakers, taken from the text when it lists titled names ("said Cllr X and
    Cllr Y", "Mayors X of A, Y of B and Z of C wrote": every name of the list, first first), whatever coordination
    the parser found (it cuts such lists at the affiliations); else as parsed."""
    people = _listed_people(ctx, head)
    return (people[0], people[1:]) if people else (head, others)


def _listed_people(ctx: Context, head: Token) -> list[Token]:
    """The people of a list ``head``'s name belongs to, each written with its own title or affiliation: "Sens. X and
    Y", "said Cllr X and Cllr Y", "deputy mayor X and councillor Y", "Mayors X of A, Y of B and Z of C". The parser
    splits such lists in many ways (a title read as a name, an affiliation taking the "and"), so the text decides:
    the unbroken run of title words, names, hyphens, "of" affiliations, commas and "and" around ``head``, cut at the
    commas and the "and"; every piece must hold exactly one person (an affiliation is not a piece), the pieces are
    joined by commas and one "and" before the last, and the people are all different. Anything else (a
    description with an article, an age, a clause, a second "and") is no such list: []."""
    named = ctx.model.entity_at(head.i)
    if named is None or named.kind != "person":
        return []
    tokens, sent = ctx.model.tokens, head.sent

    def chain(tok: Token) -> bool:
        return not ctx.in_quote[tok.i] and (tok.pos_ in LIST_POS or tok.text == "," or (
            tok.pos_ == "CCONJ" and tok.lower_ == "and") or (tok.lower_ == "of" and tok.pos_ == "ADP") or (
            tok.text in "-\u2010" and not tok.whitespace_) or (tok.pos_ == "PUNCT" and tok.text == "." and tok.i > 0
                                                            and not tokens[tok.i - 1].whitespace_ and tok.whitespace_))

    start = end = head.i
    while start - 1 >= sent.start and chain(tokens[start - 1]):
        start -= 1
    while end + 1 < sent.end and chain(tokens[end + 1]):
        end += 1
    pieces: list[list[Token]] = [[]]
    separators: list[str] = []
    for tok in tokens[start:end + 1]:
        if tok.text == "," or (tok.pos_ == "CCONJ" and tok.lower_ == "and"):
            pieces.append([])
            separators.append(tok.lower_)
        else:
            pieces[-1].append(tok)

    def people_in(piece: list[Token]) -> list[Token]:
        out = []
        for k, tok in enumerate(piece):
            entity = ctx.model.entity_at(tok.i)
            after_of = any(t.lower_ == "of" for t in piece[:k])
            modifier = any(t.pos_ == "NOUN" and t.text.islower() for t in piece[k + 1:]
                           if not any(o.lower_ == "of" for o in piece[k + 1:t.i - piece[0].i]))  # "Singleton councillor X"
            if entity is not None and entity.kind == "person" and not after_of and not modifier and (
                    k + 1 == len(piece) or ctx.model.entity_at(piece[k + 1].i) is not entity):
                out.append(tok)  # the last word of each person's name, before any "of" affiliation
        return out

    found = [people_in(p) for p in pieces]
    while found and not found[0]:  # "independents X and Y": words before the list that name no one
        found, pieces, separators = found[1:], pieces[1:], separators[1:]
    while found and not found[-1]:
        found, pieces, separators = found[:-1], pieces[:-1], separators[:-1]
    if len(found) < 2 or any(len(f) != 1 for f in found) or separators.count("and") != 1 or separators[-1] != "and":
        return []
    people = [f[0] for f in found]
    entities = [ctx.model.entity_at(t.i) for t in people]
    if len(set(map(id, entities))) != len(entities) or named not in entities:
        return []
    return people


def _listed_before(ctx: Context, head: Token) -> list[Token]:
    """Names joined to ``head``'s name by "and" (and commas) right before it, each with its own article or
    acronym ("the Rail Union (RU) and the Drivers' Association said"), that the parser did not make conjuncts:
    the last token of each earlier name, in text order. Empty unless ``head`` names someone and the list has an "and"."""
    def run(i: int) -> tuple[int, int] | None:
        entity = ctx.model.entity_at(i)
        if entity is None or entity.kind not in ("person", "organisation") or ctx.in_quote[i]:
            return None
        return ctx.model.runs.get(i, (i, i + 1))

    doc, own = ctx.doc, run(head.i)
    if own is None:
        return []
    out: list[Token] = []
    j = own[0] - 1
    while j > 0:
        j -= doc[j].pos_ == "DET"
        if doc[j].lower_ == "and" and not out:  # before the last name "and" (", and"); before the others ","
            j -= 1 + (doc[j - 1].text == ",")
        elif doc[j].text == "," and out:
            j -= 1
        else:
            break
        if doc[j].text == ")" and j >= 2 and doc[j - 2].text == "(":
            j -= 3  # "(RMSU)"
        earlier = run(j) if j >= 0 else None
        if earlier is None or earlier[1] != j + 1:
            break
        out.append(doc[j])
        j = earlier[0] - 1
    return out[::-1]


def _group_members(ctx: Context, head: Token) -> list[Token]:
    """The people a group noun names with "of" ("a bench of Justices X and Y", "a panel of judges X, Y and Z"):
    two or more named people coordinated after it; never one person ("the mother of X" is not X)."""
    if head.pos_ != "NOUN" or ctx.model.entity_at(head.i) is not None \
            or head.lemma_.lower() not in ctx.lexicon.group_nouns:
        return []
    first = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"), None)
    if first is None:
        return []
    people = [t for t in (first, *_coordinated(ctx, first)) if ctx.model.entity_at(t.i) is not None
              and ctx.model.entity_at(t.i).kind == "person"]
    return people if len(people) >= 2 else []


def _titled_conjunct(ctx: Context, head: Token, others: list[Token]) -> Token | None:
    """A "conjunct" that is a person written with a title ("Dockers' and Riggers' Union general secretary X has
    accused"): the parser split an organisation's name at its "and", and the words before the person are the
    person's title, not a second speaker."""
    if len(others) != 1 or ctx.model.entity_at(head.i) is not None and ctx.model.entity_at(head.i).kind == "person":
        return None
    person = others[0]
    entity = ctx.model.entity_at(person.i)
    if entity is None or entity.kind != "person":
        return None
    start = ctx.model.runs[person.i][0] if person.i in ctx.model.runs else person.i
    between = ctx.doc[head.i + 1:start]
    if not between or any(t.text == "," or t.pos_ in ("VERB", "AUX") for t in between):
        return None
    role = ctx.doc[start - 1]
    if not {role.lemma_.lower(), role.lower_} & ctx.lexicon.roles or head.tag_ not in ("NNS", "NNPS", "NNP"):
        return None
    return person


def _after_ok(ctx: Context, q: Quote) -> bool:
    """May the words after the quotation attribute it? Not after a full stop, nor when they lead into the next quotation."""
    raw = q.seg.raw_last
    if raw == ",":
        return True
    return raw != "." and not _frame_leads_next(ctx, q)


def _frame_leads_next(ctx: Context, q: Quote) -> bool:
    """The words after a quotation end with "," or ":" right before the next quotation of the paragraph."""
    nxt = next((s for s in ctx.segments if s.open_mark > q.seg.open_mark and s.paragraph == q.seg.paragraph and not s.nested), None)
    if nxt is None or q.seg.close_mark is None:
        return False
    between = ctx.text[q.seg.close_mark + 1:nxt.open_mark].rstrip()
    return bool(between) and between[-1] in ",:" and not any(ch in ".!?" for ch in between)


def parse(ctx: Context, q: Quote) -> Found | None:
    """The reporting verb (or phrase, relay, cue noun) that governs the quotation, and its speaker."""
    if q.kind == "partial":
        return _choose(ctx, q, _cue_candidates(ctx, ctx.sentence_frame(q), q))
    before, after = ctx.frame(q, "before") or ctx.lead_in(q), ctx.frame(q, "after")
    order = [after, before] if q.seg.raw_last in (",", "!", "?", "\u2014") else [before, after]
    for frame in order:
        if frame is after and not _after_ok(ctx, q):
            continue
        pick = _choose(ctx, q, _cue_candidates(ctx, frame, q))
        if pick is not None:
            return pick
    return None


def _cue_candidates(ctx: Context, frame: list[Token], q: Quote) -> list[Found]:
    """Every cue in ``frame`` with the speaker it points at (mention None when it has none)."""
    out: list[Found] = []
    lows = [t.lower_ for t in frame]
    for k, tok in enumerate(frame):
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in ctx.cues.relays:
            deps = ("nsubjpass",) if _passive(tok) else ("dobj",)  # "X was quoted by the agency as saying"
            obj = next((c for c in tok.children if c.dep_ in deps and _agent_ok(ctx, c)), None)
            if obj is not None:
                _add(out, _found("parse", ctx, obj, tok))
                continue
        if tok.pos_ == "VERB" and lemma in ctx.cues.document_verbs and not _is_cue_verb(ctx, tok) \
                and _carried_owner(ctx, tok) is not None:  # "he read staff a note from the congresswoman:": its owner
            _add(out, _found("parse", ctx, _carried_owner(ctx, tok), tok))
            continue
        if _is_cue_verb(ctx, tok) and not _withheld(tok) and not _named_act(tok, q):
            who = _carried_owner(ctx, tok) or _speaker_of(ctx, tok, frame)
            cue_tok = tok
            if who is not None and who.tag_ in ("NNS", "NNPS") and who.dep_ in SUBJECT_DEPS and who.head == tok:
                named = _named_in_chain(ctx, who)  # "Residents, the committee's chairperson, X, said in closing,
                # deserved '...'": one person set off after a plural subject speaks about it (no apposition agrees);
                # "Two residents, X and Y, said" stays with the residents' own names
                if named is not None and named.dep_ != "conj" and not any(c.dep_ in ("conj", "cc") for c in named.children):
                    who = named
            if who is not None and who.dep_ in ("dobj", "nsubjpass") and who.head.lemma_.lower() in ctx.cues.relays:
                cue_tok = who.head  # "quoted him as saying": the relay is the cue
            out.append(Found("parse", mention=who, cue_token=cue_tok, cue=_cue_text(ctx, cue_tok)))
            if who is not None:
                out[-1].others = _coordinated(ctx, who)
                titled = _titled_conjunct(ctx, who, out[-1].others)
                if titled is not None:
                    out[-1].mention, out[-1].others = titled, []
                out[-1].mention, out[-1].others = _with_listed_people(ctx, out[-1].mention, out[-1].others)
        elif tok.pos_ == "NOUN" and lemma in ctx.cues.nouns:
            owner = _owner(ctx, tok, framed=False)
            if owner is not None:  # "the council's statement read": the verb the statement does is the cue
                verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head != tok else tok  # "read" tagged NOUN
                if tok.dep_ == "nsubj" and verb.lemma_.lower() in ctx.cues.relays and any(
                        c.dep_ == "dobj" and _agent_ok(ctx, c) for c in verb.children):
                    continue  # "A statement from X quoted Y as saying": the statement relays Y's words
                if q.span.start in {t.i for t in tok.subtree}:
                    verb = tok  # "rejected claims by X that the rules will 'empty ...'": the quotation is the claim's
                _add(out, _found("parse", ctx, owner, verb))
        for phrase in ctx.cues.phrases:
            if tuple(lows[k:k + len(phrase)]) == phrase:
                last = frame[k + len(phrase) - 1]
                obj = next((c for c in last.children if c.dep_ == "pobj"), None)
                if obj is None and k + len(phrase) < len(frame):
                    obj = frame[k + len(phrase)]
                if obj is not None and _agent_ok(ctx, obj):
                    _add(out, _found("parse", ctx, obj, tok, span_text(frame[k:k + len(phrase)])))
    return out


#: Verbs whose infinitive complement is a report that did not happen ("declined to comment", "refused to say").
REFUSALS = frozenset({"decline", "refuse"})


def _named_act(verb: Token, q: Quote) -> bool:
    """A gerund after a preposition with nothing reported ("the hearing ended in shouting", "after much arguing"):
    it names an act of speech, it does not report the quotation (unless the quotation is inside it)."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and q.span.start not in {t.i for t in verb.subtree} and not any(
        c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis", "nsubj", "attr", "oprd", "dative")
        or (c.dep_ == "prep" and c.lower_ in ("to", "at", "about")) for c in verb.children)


def _withheld(verb: Token) -> bool:
    """A reporting verb that is denied ("did not comment") or refused ("declined to comment") reports nothing."""
    return any(c.dep_ == "neg" for c in verb.children) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSALS)


def _holder_after(ctx: Context, obj: Token) -> Token | None:
    """The person a role noun of an organisation stands before ("according to the general secretary of the
    Nurses' Union, Mr X,": X, not the union), whether the parser made the union or the role noun the head."""
    entity = ctx.model.entity_at(obj.i)
    if entity is None and {obj.lemma_.lower(), obj.lower_} & ctx.lexicon.roles:  # the role noun, both names set off after it
        named = [ctx.model.entity_at(c.i) for c in obj.children if c.dep_ == "appos" and ctx.model.entity_at(c.i) is not None]
        if any(e.kind == "organisation" for e in named) and any(e.kind == "person" for e in named):
            return next(c for c in obj.children if c.dep_ == "appos" and ctx.model.entity_at(c.i) is not None
                        and ctx.model.entity_at(c.i).kind == "person")
        return None
    if entity is None or entity.kind != "organisation":
        return None
    start = ctx.model.runs[obj.i][0] if obj.i in ctx.model.runs else obj.i
    lead = [t for t in ctx.doc[obj.left_edge.i:start] if not t.is_space and t.pos_ != "DET"]  # "the secretary of (the)"
    if len(lead) < 2 or lead[-1].lower_ != "of" or not any(
            t.pos_ == "NOUN" and {t.lemma_.lower(), t.lower_} & ctx.lexicon.roles for t in lead):
        return None
    end = ctx.model.runs[obj.i][1] if obj.i in ctx.model.runs else obj.i + 1
    named = _named_in_chain(ctx, lead[0], max(end, obj.i + 1))
    return named if named is not None and ctx.model.entity_at(named.i).kind == "person" else None


def _add(out: list[Found], found: Found | None) -> None:
    if found is not None:
        out.append(found)


def _owner(ctx: Context, noun: Token, framed: bool = True) -> Token | None:
    """Whose statement: "X's statement", "a statement from/by X", "a statement attributed to X", "a letter written
    by X" (the agent of a reporting verb's participle; not of "read out by", the reader's act). With ``framed``,
    also the subject of the cue an "in a statement" adjunct frames ("In a statement, X said"): whose statement a
    later "the statement read" is; not a cue of its own (the verb is the cue of "X said in a statement")."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and _agent_ok(ctx, c)), None)
    if owner is None:
        owner = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                      for g in c.children if g.dep_ == "pobj" and _agent_ok(ctx, g)), None)
    if owner is None:  # "a statement on his behalf", "a statement on behalf of the family"
        owner = _on_behalf_of(ctx, noun)
    if owner is None and framed and noun.dep_ == "pobj" and noun.head.lower_ == "in" and _is_cue_verb(ctx, noun.head.head):
        owner = next((c for c in noun.head.head.children  # "In a statement, the chief executive said ...": the subject
                      if c.dep_ in SUBJECT_DEPS and _agent_ok(ctx, c)), None)  # of the cue the statement frames
    if owner is None:  # "a statement attributed to X", "the statement, which the station attributed to X"
        clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
        clauses += [v for c in clauses for v in c.children if v.dep_ == "conj"]  # "posted on ... and attributed to X"
        owner = next((g for c in clauses if c.lemma_ == "attribute"
                      for p in c.children if p.lower_ == "to" for g in p.children if g.dep_ == "pobj" and _agent_ok(ctx, g)), None)
    if owner is None:  # "a letter written by X", "a message posted by X": whoever writes or posts it is its author
        owner = next((g for c in clauses if c.dep_ == "acl" and c.lemma_.lower() in ctx.cues.verbs
                      for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj" and _agent_ok(ctx, g)), None)
    return owner


def _carried_owner(ctx: Context, verb: Token) -> Token | None:
    """The owner of a statement a verb carries: "relayed a message from the player", "read out a statement
    by the club": the owner speaks, not the one who passes the words on."""
    carried = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ctx.cues.nouns), None)
    if carried is None:
        return None
    return _owner(ctx, carried) or next(  # "read staff a note from the congresswoman": "from" hung on the verb
        (g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > carried.i
         for g in c.children if g.dep_ == "pobj" and _agent_ok(ctx, g) and _speaker_like(ctx, g)), None) \
        or _on_behalf_of(ctx, verb)  # "read a statement on her behalf": "on behalf" hung on the verb


def _on_behalf_of(ctx: Context, tok: Token) -> Token | None:
    """Whom words are given for: "on his behalf", "on behalf of the family" among ``tok``'s dependents. Words
    read, released or sent on someone's behalf are that person's; the one who passes them on only relays."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "in"):
            continue
        for behalf in prep.children:
            if behalf.dep_ != "pobj" or behalf.lemma_.lower() != "behalf":
                continue
            owner = next((c for c in behalf.children if c.dep_ == "poss" and _agent_ok(ctx, c)), None)
            return owner or next((g for c in behalf.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for g in c.children if g.dep_ == "pobj" and _agent_ok(ctx, g)), None)
    return None


def _through_cue_noun(ctx: Context, tok: Token | None) -> Token | None:
    """A subject that is a cue noun ("A statement attributed to him said") stands for its owner."""
    if tok is not None and tok.pos_ == "NOUN" and tok.lemma_.lower() in ctx.cues.nouns:
        owner = _owner(ctx, tok)
        phrase = [tok, tok.head] if tok.dep_ == "compound" and _document_verb_as_noun(ctx, tok.head) else [tok]
        if owner is None and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")  # "the message read"
                                 for t in phrase for c in t.children):
            return tok  # "the statement said": the statement spoken of before (stage 2 finds whose)
        return owner
    return tok


def _speaker_of(ctx: Context, verb: Token, frame: list[Token]) -> Token | None:
    """The speaker of a reporting verb: its subject, a passive's agent, or the subject of the verb a
    participle or adjunct modifies; never an addressee, a date or a word inside a quotation. A subject
    that cannot speak ("the decision", "the fault") is kept only when nothing further up can."""
    head: Token | None = verb
    fallback: Token | None = None
    inverted = _inverted_subject(ctx, verb)
    if inverted is not None:  # "The collection, added the council's culture lead, X, was '...'"
        return inverted
    parenthetical = _parenthetical_subject(ctx, verb)
    if parenthetical is not None:  # "Patients in Mayo, TD X said, were '...'": X, not the topic
        return parenthetical
    sender = _sender(ctx, verb)
    if sender is not None:  # "X sent a message that her husband posted": the husband only passes it on
        return sender
    if _best_subject(ctx, verb) is None and not _passive(verb):
        before = _subject_before(ctx, verb)
        if before is not None:
            return before
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.dep_ == "ccomp" and verb.head.head != verb.head \
            and _is_cue_verb(ctx, verb.head.head):
        head = verb.head.head  # "X said farmers would be '...', adding: '...'": the participle goes with the reporting
        # verb, not with the clause it reports (its subject, "farmers", is spoken about)
    for _ in range(4):
        if head is None:
            break
        if head != verb and head.lemma_.lower() in ctx.cues.relays:  # "quoted him as saying": the object
            deps = ("nsubjpass",) if _passive(head) else ("dobj",)
            obj = next((c for c in head.children if c.dep_ in deps and _agent_ok(ctx, c)), None)
            if obj is not None:
                return obj
        if _passive(head) and head == verb:
            agent = next((g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if _agent_ok(ctx, agent):
                return agent
        subj = _best_subject(ctx, head, passive=head != verb)  # "X was charged after branding ...": X
        undergoer = subj is not None and head != verb and subj.dep_ == "nsubjpass" and head.dep_ == "advcl" \
            and any(c.dep_ == "mark" for c in head.children) and head.head != head
        if undergoer:  # "X hit out after his club was docked points, branding ...": the main clause's subject
            fallback = fallback or subj
            head = head.head
            continue
        if subj is not None:
            subj = _through_cue_noun(ctx, _antecedent(subj))
            if subj is None or _speaker_like(ctx, subj):
                return subj
            fallback = fallback or subj  # "the decision was ..., and told reporters": look further up first
        reports = head.tag_ == "VBN" and head == verb and any(c.dep_ == "ccomp" for c in head.children)
        # "X, who scored twice, posted on social media that he was '...'": a participle with a reported clause is
        # the finite verb the tagger misread (a passive participle takes no that-clause)
        if head.dep_ == "acl" and (head.tag_ in ("VBD", "VBG") or reports) and head.head.pos_ in ("NOUN", "PROPN") \
                and _agent_ok(ctx, head.head) and _speaker_like(ctx, head.head):
            noun = head.head  # the noun a verb was hung on: "the negotiator, X, called back", "the coach, saying"
            if noun.lemma_.lower() not in ctx.cues.nouns:
                return noun
            owner = _owner(ctx, noun)  # "a statement from X saying": X; "issued a statement saying": who issued it
            if owner is not None:
                return owner
            head = noun.head if noun.head is not noun else None
            continue
        if head.dep_ == "pcomp" and head.head.pos_ == "ADP" and head.head.head != head.head:
            head = head.head.head  # "accused him of promising ...": the verb the preposition hangs from
            continue
        head = head.head if head.dep_ in ADJUNCT_DEPS and head.head != head else None
    # no subject in the parse: a proper noun right after the verb ("said Pires"), never an object
    if fallback is not None:
        return fallback
    if verb.tag_ == "VBG":  # a participle's subject is its sentence's ("X was charged after branding Y's ...")
        main = next((t for t in verb.sent if ctx.model.is_main_subject(t.i) and _agent_ok(ctx, t) and _speaker_like(ctx, t)), None)
        return _through_cue_noun(ctx, _antecedent(main)) if main is not None else None
    in_frame = {t.i for t in frame}
    near = sorted((t for t in frame if (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.i - verb.i == 1))
                   and 0 < t.i - verb.i <= 3 and t.i in in_frame and t.dep_ not in ADDRESSEE_DEPS
                   and t.ent_type_ not in PLACE_TYPES and _agent_ok(ctx, t)),
                  key=lambda t: t.i - verb.i)  # "said Pires", "says union" (a headline)
    if not near:
        return None
    tok = near[0]
    while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.i in in_frame:
        tok = tok.head
    return tok


def _sender(ctx: Context, verb: Token) -> Token | None:
    """The owner of a message (statement, letter: a cue noun) that a reporting verb in a relative clause passes on
    ("X sent a message that her husband posted on social media: '...'"; "a statement that his lawyer read out"):
    the noun's owner, else the subject of the verb whose object the noun is. None when the verb does not hang on
    such a noun or has an object of its own."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.cues.nouns:
        return None
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in RELATIVE for c in verb.children):
        return None  # "a statement that named the new coach": the clause does more than pass the noun on
    owner = _owner(ctx, noun)
    if owner is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        owner = _best_subject(ctx, noun.head)
    return _antecedent(owner) if owner is not None and _agent_ok(ctx, owner) else None


def _inverted_subject(ctx: Context, verb: Token) -> Token | None:
    """The speaker of a cue inserted with inverted order, set off by commas inside the reporter's sentence
    ("The collection, added the council's culture lead, X, was '...'"; "Nurses, said the director, were
    '...'"): the noun phrase after the verb, whatever the parser made the subject (the topic before the
    comma) or the object. Only a phrase that names or describes someone and is closed by a comma."""
    doc = ctx.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2 or doc[verb.i - 1].text != "," or ctx.in_quote[verb.i]:
        return None
    if any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in verb.children):
        return None  # the parser found the inverted subject itself
    topic = [t for t in doc[verb.sent.start:verb.i - 1] if not t.is_space]
    if not topic or any(t.pos_ in ("VERB", "AUX") or ctx.in_quote[t.i] for t in topic):
        return None  # "X, who resigned in June, said the aide had ...": the comma closes a clause, not a topic
    if any(ctx.model.entity_at(t.i) is not None and ctx.model.entity_at(t.i).kind in ("person", "organisation")
           for t in topic):
        return None  # "Commuters, the chief executive, X, told the committee, would ...": X speaks in plain order
    after = [t for t in doc[verb.i + 1:verb.sent.end] if not t.is_space]
    np = _leading_np(after)
    head = _np_head(ctx, np) if np and np[0].pos_ != "PRON" and not any(ctx.in_quote[t.i] for t in np) else None
    if head is None:
        return None
    end = max([head.i] + [c.right_edge.i for c in head.children if c.i > head.i and c.dep_ not in (
        "appos", "relcl", "acl", "punct", "conj", "cc")]) + 1  # "the board's director of nursing"
    if end >= verb.sent.end or doc[end].text != "," or any(ctx.in_quote[t.i] for t in doc[verb.i + 1:end]):
        return None  # the phrase is closed by a comma: the reporter's sentence goes on after it
    head = _named_in_chain(ctx, head, end) or head
    named = [t for t in (head, *(c for c in head.children if c.dep_ == "appos")) if ctx.model.entity_at(t.i) is not None
             and ctx.model.entity_at(t.i).kind in ("person", "organisation")]
    return head if named or _speaker_like(ctx, head) else None


def _parenthetical_subject(ctx: Context, verb: Token) -> Token | None:
    """The speaker of a cue set off by commas inside the reporter's sentence in plain order ("Patients in Mayo,
    TD X said, were '...'"; "The plan, union organiser X said on Monday, would '...'"): the name between the
    comma and the verb, when the parser made the topic before the comma (no name itself) the verb's subject, or
    left the verb without one, and hung the name on the topic. The reporting verb's subject, not the subject of the clause it reports."""
    doc = ctx.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or ctx.in_quote[verb.i]:
        return None
    subj = _best_subject(ctx, verb)
    sent = verb.sent
    commas = [t.i for t in doc[sent.start:verb.i] if t.text == ","]
    if not commas or (subj is not None and (subj.i > commas[-1] or subj.pos_ == "PRON")):
        return None  # the parser's subject is the phrase next to the verb, or a pronoun: keep it
    after = next((t.i for t in doc[verb.i + 1:sent.end] if t.text == ","), None)
    phrase = [t for t in doc[commas[-1] + 1:verb.i] if not t.is_space]
    between = [t for t in doc[verb.i + 1:after] if not t.is_space] if after is not None else []
    if after is None or not phrase or any(t.pos_ in ("VERB", "AUX") or ctx.in_quote[t.i] for t in phrase + between):
        return None  # the cue is closed by a comma: the reporter's sentence goes on after it
    ids, prep = {t.i for t in phrase}, phrase[-1].head
    if prep.pos_ == "ADP" and prep.i in ids and prep.head.i in ids and prep.head.pos_ == "NOUN" and prep.head.text.islower():
        return None  # "The plan, a spokesman for X said, ...": the spokesman speaks (a title such as "Minister of
        # State for Y X" is capitalised)
    last = ctx.model.entity_at(phrase[-1].i)  # the phrase ends with a person's name: "union organiser X"
    return phrase[-1] if last is not None and last.kind == "person" and _agent_ok(ctx, phrase[-1]) else None


def doc_text(ctx: Context, start: int, end: int) -> str:
    """The tokens start..end-1 without white space ("," for a lone comma)."""
    return "".join(t.text for t in ctx.doc[start:end] if not t.is_space)


#: Words the parser takes for prepositions when they open a clause ("after X, the union leader, described ...").
CLAUSE_OPENERS = frozenset({"with", "after", "before", "when", "as", "until", "since", "while", "once"})


def _subject_before(ctx: Context, verb: Token) -> Token | None:
    """The noun phrase just before a verb that has no subject, when the parser hung it elsewhere: a name
    right before a finite verb, or a phrase on a word that opens the clause: "with its president, Dr X,
    noting that ..." (an absolute construction), "after X,
    general secretary of Y, described conditions as ..." (a clause read as a preposition)."""
    i = verb.i - 1
    while i >= 0 and (ctx.doc[i].is_space or ctx.doc[i].text == ","):
        i -= 1
    named = ctx.model.entity_at(i) if i >= 0 and i == verb.i - 1 and not ctx.in_quote[i] else None
    if named is not None and named.kind in ("person", "organisation") and ctx.model.runs[i][1] == verb.i \
            and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return ctx.doc[i]  # "In the Dáil, Minister of State for Housing X said ...": the name the parser hung elsewhere
    if i < 0 or i == verb.i - 1 or ctx.in_quote[i]:
        return None  # only across a comma: the noun phrase ends before the verb's own words
    named = _name_before_participle(ctx, verb, i) or _name_before_relative(ctx, verb, i) or _absolute_apposed(ctx, verb, i)
    if named is not None:
        return named
    named = ctx.model.entity_at(i)
    if named is not None and named.kind in ("person", "organisation") and ctx.model.runs.get(i, (i, i + 1))[1] == i + 1 \
            and doc_text(ctx, i + 1, verb.i) == "," and verb.tag_ in ("VBD", "VBZ", "VBP") \
            and not any(a.dep_ == "agent" and a.i < verb.i for a in ctx.doc[i].ancestors):
        return ctx.doc[i]  # "Counsel for the residents, advocate X, said": "advocate" read as a verb, X as its object;
        # not the agent of another verb ("a letter from Y, read out by its secretary, X, urged": the reader)
    for a in (ctx.doc[i], *ctx.doc[i].ancestors):
        if a.i >= verb.i:
            return None
        if a.dep_ == "pobj" and a.head.lower_ in CLAUSE_OPENERS and _agent_ok(ctx, a) and _speaker_like(ctx, a):
            absolute = a.head.lower_ == "with" and verb.tag_ == "VBG"  # "with its president, X, noting that"
            finite = a.head.lower_ != "with" and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP")  # "after X, ..., described"
            return a if absolute or finite else None
        if a.dep_ not in ("pobj", "prep", "appos", "compound", "amod", "poss", "case", "det", "nmod", "punct", "flat"):
            return None
    return None


def _name_before_participle(ctx: Context, verb: Token, last: int) -> Token | None:
    """A name right before a participle phrase set off by commas that ends at ``last``, right before a finite
    verb with no subject: ", senior advocate X, appearing for the residents, told the bench" (X was hung elsewhere)."""
    doc = ctx.doc
    k = last
    while k > max(0, last - 10) and doc[k].text != "," and not ctx.in_quote[k]:
        k -= 1
    if doc[k].text != "," or k + 1 > last or doc[k + 1].tag_ not in ("VBG", "VBN") or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    j = k - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    named = ctx.model.entity_at(j) if j >= 0 and not ctx.in_quote[j] else None
    if named is None or named.kind not in ("person", "organisation") or ctx.model.runs.get(j, (j, j + 1))[1] != j + 1:
        return None
    return doc[j]


def _absolute_apposed(ctx: Context, verb: Token, last: int) -> Token | None:
    """"..., with one of its largest investors, X, touting the cuts as '...'": in an absolute construction the name
    set off after the noun phrase of "with" is the participle's subject, however the parser hung it."""
    doc = ctx.model.tokens
    named = ctx.model.entity_at(last)
    if verb.tag_ != "VBG" or named is None or named.kind not in ("person", "organisation") or ctx.in_quote[last] \
            or ctx.model.runs.get(last, (last, last + 1))[1] != last + 1:
        return None
    j = ctx.model.runs.get(last, (last, last + 1))[0] - 1
    if j < 2 or doc[j].text != ",":
        return None
    opener = next((a for a in (doc[j - 1], *doc[j - 1].ancestors) if a.lower_ == "with" and a.pos_ == "ADP"), None)
    return doc[last] if opener is not None and opener.i < j and all(t.text != "," for t in doc[opener.i:j - 1]) \
        else None


def _name_before_relative(ctx: Context, verb: Token, last: int) -> Token | None:
    """A name right before a relative clause set off by commas that ends at ``last``, right before a finite verb
    with no subject: "X, whose district includes the site, called the bill '...'", "X, 71, who ..., said" (the parser
    hung the verb inside the clause, or the name on a preposition before it). The clause, and one apposition before
    it, describe the name, which is the verb's subject."""
    doc = ctx.model.tokens
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    k = last
    while k > max(0, last - 30) and not (doc[k].text == "," and doc[k + 1].tag_ in ("WP", "WP$")):
        if ctx.in_quote[k] or doc[k].text in (".", ";", ":", "!", "?") or "\n\n" in doc[k].text:
            return None
        k -= 1
    if doc[k].text != "," or doc[k + 1].tag_ not in ("WP", "WP$") or doc[k + 1].lower_ not in ("who", "whose", "which"):
        return None
    j = k - 1
    if ctx.model.entity_at(j) is None:  # "X, 71, whose ...", "X, also a Republican, whose ...": one apposition between
        m = j
        while m > max(0, j - 6) and (doc[m].pos_ in NP_POS or doc[m].pos_ == "ADV") and not ctx.in_quote[m]:
            m -= 1
        j = m - 1 if m < j and doc[m].text == "," else j
    named = ctx.model.entity_at(j) if j >= 0 and not ctx.in_quote[j] else None
    if named is None or named.kind not in ("person", "organisation") or ctx.model.runs.get(j, (j, j + 1))[1] != j + 1:
        return None
    return doc[j]


def _best_subject(ctx: Context, verb: Token, passive: bool = False) -> Token | None:
    """The speaker among a verb's subjects: a name before a pronoun before a word for someone before
    anything else ("The charge, said Councillor X, ..." has two subjects in the parse). A subject that
    cannot speak (a dateline, "The deal, the minister, X, insisted") gives way to a speaker in apposition."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or (passive and c.dep_ in PASSIVE_SUBJECT_DEPS)]
    found = [c for c in subjects if _agent_ok(ctx, c)]
    for subj in subjects:
        found += [a for a in subj.subtree if a.dep_ == "appos" and a.i != subj.i and _agent_ok(ctx, a)
                  and (not _agent_ok(ctx, subj) or not _speaker_like(ctx, subj) or _opening_participle(ctx, subj))]
        if _opening_participle(ctx, subj):  # "Mitigating, X said", X parsed as a conjunct of the participle
            found += [c for c in subj.children if c.dep_ == "conj" and _agent_ok(ctx, c)]
    if not found:
        return None
    apposed = [c for c in found if c.i in ctx.model.apposed and ctx.doc[ctx.model.apposed[c.i]].dep_ == "pobj"]
    if len(apposed) < len(found):  # "relayed by his agent, Tomas Brandt, the defender said": Brandt is the agent
        found = [c for c in found if c not in apposed]
    else:
        found = [_past_apposed(ctx, c) for c in found]

    def rank(tok: Token) -> tuple:
        entity = ctx.model.entity_at(tok.i)
        named = entity is not None and entity.kind in ("person", "organisation")
        return (_opening_participle(ctx, tok), not named, tok.pos_ != "PRON", not _speaker_like(ctx, tok),
                abs(tok.i - verb.i))

    return min(found, key=rank)


def _opening_participle(ctx: Context, tok: Token) -> bool:
    """"Mitigating, X said ...", "Defending, X said": a participle that opens its sentence and is set off by a comma
    says in what role the name after it speaks; the tagger (and so the document model) may read the capitalised word
    as a name, but a name apposed to it speaks first."""
    doc = ctx.model.tokens
    first = tok.i == tok.sent.start or doc[tok.i - 1].is_space or doc[tok.i - 1].text in ".\u201d\""
    return first and tok.lower_.endswith("ing") and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ","


def _choose(ctx: Context, q: Quote, candidates: list[Found]) -> Found | None:
    if not candidates:
        return None
    first = q.span[0]
    ancestors = set()
    for a in (first, *first.ancestors):  # up to an adverbial clause: "written because '...'" does not report it
        if a is not first:
            ancestors.add(a.i)
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ not in ("that",) for c in a.children):
            break
    def rank(c: Found) -> tuple:
        governs = c.cue_token.i in ancestors  # the nearest governing cue ("praised it, calling it "...""), else the shallowest
        mute = c.mention is not None and not _speaker_like(ctx, c.mention)  # "open to a deal that reflected '...'":
        # a cue whose subject cannot speak gives way to one whose subject can, however deep
        return (c.mention is None, mute, not governs, -_depth(c.cue_token) if governs else _depth(c.cue_token),
                abs(c.cue_token.i - q.span.start))

    return min(candidates, key=rank)


def continuation(ctx: Context, q: Quote) -> Found | None:
    """The attributed quotation this one continues (same paragraph, or a multi-paragraph quotation)."""
    if q.kind not in ("full", "partial"):
        return None
    earlier = [o for o in ctx.paragraph_quotes(q.seg.paragraph) if not o.seg.nested and o is not q and (
        o.kind == "full" or (q.kind == "partial" and o.kind == "partial" and o.span.sent.start == q.span.sent.start
                             and not _cue_between(ctx, o, q)))]
    if earlier:
        return Found("continuation", source=earlier[-1]) if earlier[-1].attributed else None
    if q.seg.open_mark != q.seg.para_start:
        return None
    prev = [o for o in ctx.paragraph_quotes(q.seg.paragraph - 1) if o.kind == "full" and not o.seg.nested]
    if not prev or not prev[-1].attributed:
        return None
    if q.seg.after_open or prev[-1].seg.close_mark is not None:
        return Found("continuation", source=prev[-1])
    return None


def _cue_between(ctx: Context, earlier: Quote, q: Quote) -> bool:
    """A reporting verb between two quotations (outside quotations): the later one has its own attribution."""
    return any(_is_cue_verb(ctx, t) and not ctx.in_quote[t.i] for t in ctx.doc[earlier.span.end:q.span.start])


def context(ctx: Context, q: Quote) -> Found | None:
    """A quotation alone in its paragraph, right after a paragraph about one person: that person.

    The person is the subject of the previous paragraph's main clauses (a pronoun subject counts for
    the person it stands for; the last such subject wins), else the one person it names."""
    seg = q.seg
    if q.kind != "full" or seg.paragraph < 2 or seg.open_mark != seg.para_start:
        return None
    if seg.close_mark is not None and ctx.text[seg.close_mark + 1:seg.para_end].strip(" .,;:"):
        return None
    if any(o.paragraph == seg.paragraph and o.open_mark != seg.open_mark and not o.nested for o in ctx.segments):
        return None
    start, end = ctx.paragraph_bounds[seg.paragraph - 2]
    first, last = ctx.token_at(start), ctx.token_at(max(end - 1, start))
    topic, described = _paragraph_topic(ctx, first, last)
    if topic is None and described and seg.paragraph >= 3:  # "The X pitcher had surgery ...": a description
        start, end = ctx.paragraph_bounds[seg.paragraph - 3]  # of the person the paragraph before is about
        topic, _ = _paragraph_topic(ctx, ctx.token_at(start), ctx.token_at(max(end - 1, start)))
    if topic is None:
        people = {e.index for i, e in ctx.model.by_token.items() if first <= i <= last and e.kind == "person"
                  and not ctx.in_quote[i] and ctx.doc[i].ent_type_ not in PLACE_TYPES}
        if len(people) != 1:
            return None
        topic = ctx.model.entities[people.pop()]
    return Found("context", entity=topic)


def _paragraph_topic(ctx: Context, first: int, last: int):
    """The person who is the subject of the main verb of the last sentence (outside quotations) in
    tokens first..last that has one, and whether the last such subject is a definite description of a
    person that stands for no one the text names."""
    topic, described = None, False
    for tok in ctx.doc[first:last + 1]:
        misparsed_age = tok.dep_ == "ROOT" and age_of(tok) is not None  # "The 17-year-old ... touched": "old" made the root
        agent = tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.dep_ == "ROOT"  # "The letter was
        # organised by X": the one who acts in a passive main clause
        if ctx.in_quote[tok.i] or not (misparsed_age or agent) and (
                tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT"):
            continue
        if agent and _entity_of(ctx, tok) is None:
            continue
        entity = _entity_of(ctx, tok)
        if entity is not None and entity.kind == "person":
            topic, described = entity, False
        elif entity is None:
            described = age_of(tok) is not None or (tok.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and bool(
                {tok.lemma_.lower(), tok.lower_} & ctx.lexicon.roles))  # "The X pitcher", "The 17-year-old"
    return topic, described


def _entity_of(ctx: Context, tok: Token):
    """The entity a subject token stands for: its name, its apposition, the person its pronoun points at, or
    the person a definite description or an age stands for ("The X pitcher had surgery ...", "The
    84-year-old ... said")."""
    entity = ctx.model.entity_at(tok.i) or ctx.model.pronoun_refs.get(tok.i)
    if entity is None:
        entity = next((ctx.model.entity_at(c.i) for c in tok.children if c.dep_ == "appos" and ctx.model.entity_at(c.i)), None)
    if entity is None and (age_of(tok) is not None or tok.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children)):
        from .entity_sieves import resolve_mention  # stage 2 resolves the description

        found, how, _, _ = resolve_mention(ctx, tok)
        entity = found if how in ("description", "name") else None
    return entity


def paragraph(ctx: Context, q: Quote) -> Found | None:
    """A quotation without a cue of its own after an attribution earlier in its paragraph
    ("The walk has raised 48,000, she said, ... "It's ...""): that attribution's speaker."""
    if q.kind != "full" or q.seg.nested:
        return None
    first = ctx.token_at(q.seg.para_start)
    last = ctx.token_at(q.seg.open_mark) - 1
    for i in range(last, first - 1, -1):
        tok = ctx.doc[i]
        if ctx.in_quote[i] or not _is_cue_verb(ctx, tok):
            continue
        who = _speaker_of(ctx, tok, [t for t in ctx.doc[first:last + 1] if not ctx.in_quote[t.i]])
        if who is not None:
            return _found("paragraph", ctx, who, tok)
    return None


MentionSieve = Callable[[Context, Quote], Found | None]
#: The stage-1 sieves in the order they are tried.
MENTION_SIEVES: tuple[MentionSieve, ...] = (nested, dash, colon, trigram, parse, continuation, paragraph, context)


def find_mention(ctx: Context, q: Quote) -> Found | None:
    """Run the stage-1 sieves in order; scare quotes and titles are only attributed when nested."""
    for sieve in MENTION_SIEVES:
        if q.kind in ("scare", "title") and sieve is not nested:
            continue
        found = sieve(ctx, q)
        if found is not None:
            return found
    return None


__all__ = ["MENTION_SIEVES", "find_mention", "nested", "dash", "colon", "trigram", "parse", "continuation", "paragraph",
           "context"]
