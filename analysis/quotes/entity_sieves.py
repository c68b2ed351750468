"""Stage 2: mention -> entity. Ordered sieves resolve the speaker's words to a document entity.

The mention found by stage 1 (its head token) is tried against, in order (:data:`ENTITY_SIEVES`):

1. ``name``: a name (full, short, first) of a person or organisation of the document model, or a
   description set off before a name ("The daughter of one victim, Mair X, said");
2. ``pronoun``: he/she (only people, gender-compatible), they (a group, an organisation, the unnamed
   source of the same sentence), it (the organisation last spoken of); "him"/"her" in relays;
3. ``relay``: "his office said" (the possessor speaks);
4. ``description``: "the minister" (the person with that role), "the ministry" / "the union"
   (the organisation whose name has the word, or a word it stands for in ``speaker_lexicon.csv``);
5. ``later``: an indefinite description opening a paragraph that the next paragraphs name ("A
   headteacher in Hull has banned ..." ... "Simone X, head of Marfleet Academy");
6. ``unnamed``: an unnamed source ("a senior official", "officials", "one of the aides"): kept as
   written and marked unnamed.

A mention no sieve resolves keeps its own words as the speaker (a pronoun without an antecedent
stays unattributed). After every quotation is attributed, :func:`echo` gives a headline the speaker
of the body quotation that repeats it. Last, ``actors.csv`` links the entity's name to the registry's
canonical name.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from .model import COUNTS, QUESTION_VERBS, REPLY_VERBS, SILENT_KINDS, SUBORDINATE, Entity, name_key
from .marks import normalise_quote
from .state import Context, Found, Quote, age_of, clean

CLOCK_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")  # "14:20", "9.05": a live blog's time stamp, no part of a description

PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
POSSESSIVE_GENDER = {"his": "m", "her": "f"}
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
INDEFINITE = frozenset({"a", "an", "one", "some", "several", "two", "three", "four", "many", "few", "other", "another",
                        "various", "numerous", "multiple", "most"})
MENTION_DEPS = ("compound", "flat", "nmod", "amod", "poss", "case", "prep", "pobj", "punct", "det")


def mention_span(tok: Token, is_name: Callable[[Token], bool] | None = None) -> tuple[Span, str | None]:
    """The speaker's words as written (titles in front of a name kept) and an appositive role.

    ``is_name`` says whether a token is part of a name (default: a proper noun or PERSON entity);
    a subject that is not ("the Speaker, Henrik Saarinen,") gives way to the name in apposition."""
    doc = tok.doc
    role = None
    appos = [c for c in tok.children if c.dep_ == "appos"]
    named_tok = is_name(tok) if is_name is not None else (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON")
    if not named_tok:
        def name_like(a: Token) -> bool:
            return is_name(a) if is_name is not None else (a.pos_ == "PROPN" or a.ent_type_ == "PERSON")

        named = [a for a in appos if name_like(a)]
        if not named:  # "Her daughter, the violinist Katarina X,": the name hangs on the apposition's noun
            named = [b for a in appos if a.pos_ == "NOUN" for b in a.children
                     if b.dep_ == "appos" and b.left_edge.i == a.i + 1 and name_like(b)]
        if named:
            # "The committee's chairwoman, Rosa Lind," -> role; "One of them, X, an expert ..." -> the other apposition
            others = [a for a in appos if a != named[0]] + [a for a in named[0].children if a.dep_ == "appos"]
            if others:
                role = clean(doc[others[0].left_edge.i:others[0].right_edge.i + 1].text)
            elif tok.pos_ not in ("NUM", "PRON"):
                role = clean(doc[tok.left_edge.i:tok.i + 1].text)
            tok = named[0]
            appos = []
    elif appos:
        a = appos[0]
        role = clean(doc[a.left_edge.i:a.right_edge.i + 1].text)
    keep = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.lefts:
            if c.dep_ in MENTION_DEPS and c.i < tok.i:
                if c.dep_ == "punct" and c.text not in "-\u2010":
                    continue
                keep.add(c.i)
                keep.update(x.i for x in c.subtree if x.i < tok.i)
                stack.append(c)
    lo = min(keep)
    if age_of(tok) is not None:  # "the 61-year-old", however the parser attached its words
        while lo > 0 and (doc[lo - 1].text.isdigit() or doc[lo - 1].text in ("-", "year", "years")
                          or (doc[lo - 1].lower_ == "the" and doc[lo].text.isdigit())):
            lo -= 1
    for k in range(lo, tok.i):  # a dash with spaces ends a dateline ("3 May - The governor"), never a name
        if doc[k].text in ("-", "\u2013", "\u2014") and (doc[k].whitespace_ or (k and doc[k - 1].whitespace_)):
            lo = k + 1
    while lo < tok.i and (doc[lo].dep_ == "punct" or (tok.text[:1].isupper() and doc[lo].dep_ == "det")):
        lo += 1
    return doc[lo:tok.i + 1], role


# --------------------------------------------------------------------------- sieves
Found_ = list  # a sieve's answer: the entities spoken for, primary first (empty: not this sieve)


def by_name(ctx: Context, head: Token, mention: Span) -> list[Entity]:
    if head.i in ctx.model.described and ctx.model.described[head.i].kind not in SILENT_KINDS:
        return [ctx.model.described[head.i]]  # "The daughter of one victim, Mair X, said": the name it introduces
    if head.i not in ctx.model.by_token and head.pos_ in ("NOUN", "PROPN") and head.is_lower:
        return []  # "Korvia's prime minister": a description with a name in it, not the name
    entity = ctx.model.entity_in(mention)
    if entity is None and head.text[:1].isupper() and head.pos_ == "PROPN":
        entity = ctx.model.named(head.text)
    if entity is None or entity.kind in SILENT_KINDS:
        return []
    for group in reversed(ctx.model.groups):  # "Ana Pires and Rui Costa said": the mention is inside the list
        if entity in group.members and group.at <= head.i and head.i - group.at < 12 and (
                group.end is None or head.i <= group.end):
            return group.members
    return [entity]


def by_pronoun(ctx: Context, head: Token, mention: Span) -> list[Entity]:
    low = head.lower_
    if low == "it" and head.dep_ == "nsubj" and head.head.lemma_.lower() in ctx.cues.document_verbs:
        noun = next((t for t in reversed(head.doc[:head.i]) if t.pos_ == "NOUN" and not ctx.in_quote[t.i]
                     and t.lemma_.lower() in ctx.cues.nouns), None)  # "A statement from his widow ... 'X,' it read"
        return _statement_owner(ctx, head, noun.lemma_.lower()) if noun is not None else []
    if low in PERSON_PRONOUNS:
        last_turn = _last_turn(ctx, head)
        answering = _the_one_asked(ctx, head, PERSON_PRONOUNS[low]) or (
            None if last_turn is not None else _previous_subject(ctx, head, PERSON_PRONOUNS[low])
            or _unnamed_topic(ctx, head, PERSON_PRONOUNS[low]))
        if answering is not None:
            return [answering]
        if last_turn is not None:  # "he replied": anyone but the one who spoke the turn before
            found = ctx.model.person_for_pronoun(head.i, PERSON_PRONOUNS[low], last_turn)
            return [found] if found else []
        if head.i in ctx.model.pronoun_refs:
            return [ctx.model.pronoun_refs[head.i]]
        gender = PERSON_PRONOUNS[low]
        subject = None
        if head.dep_ in ("dobj", "iobj", "dative", "pobj"):  # "X quoted her as saying": her is not X
            verb = head.head if head.dep_ != "pobj" else head.head.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lemma_.lower() in ctx.lexicon.relays:
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)  # "Tan's office quoted him"
            entity = ctx.model.entity_at(owner.i) if owner is not None else None
            if entity is not None and entity.kind == "person" and entity.gender in (None, gender):
                return [entity]
        exclude = _entity_of_subject(ctx, subject) if subject is not None else None
        found = ctx.model.person_for_pronoun(head.i, gender, exclude)
        return [found] if found else []
    if low in GROUP_PRONOUNS:
        subject = next((t for t in reversed(head.doc[head.sent.start:head.i]) if t.dep_ in ("nsubj", "nsubjpass")
                        and not ctx.in_quote[t.i] and t.pos_ != "PRON"), None)
        unnamed = by_unnamed(ctx, subject, None) if subject is not None and subject.i not in ctx.model.by_token else []
        if unnamed:  # "one of the people said, though they cautioned": the source of the same sentence
            return unnamed
        counted = _counted_group(ctx, head) or _plural_topic(ctx, head)
        if counted:
            return counted
        group = ctx.model.recent_group(head.i)
        single = ctx.model.recent(head.i, ("organisation", "unnamed"), subjects=True) or ctx.model.recent(
            head.i, ("organisation", "unnamed"))  # the one spoken of as a subject, not the one named last in passing
        if group is not None and single in group.members and group.last_before(head.i) >= single.last_before(head.i, True):
            return group.members  # "X, which manages the flats, and Y issued a statement ... they said": both
        if group is not None and single is not None:  # the one last spoken of as a subject, else the last one named
            group_subject = max((m for m in [group.at, *group.mentions] if m < head.i and ctx.model.is_subject_at(m)),
                                default=-1)
            single_subject = single.last_before(head.i, True)
            if max(group_subject, single_subject) >= 0 and ctx.model.paragraph_of(max(group_subject, single_subject)) \
                    >= ctx.model.paragraph_of(head.i) - 1:
                return group.members if group_subject > single_subject else [single]
        if group is not None and (single is None or group.last_before(head.i) >= single.last_before(head.i) - 3):
            return group.members
        return [single] if single else []
    if low in THING_PRONOUNS or low == "we":  # "we said in our appeal": the publication or organisation writing
        found = ctx.model.organisation_for_pronoun(head.i)
        return [found] if found else []
    return []


def _sentence_before(ctx: Context, head: Token) -> tuple[int, Span | None]:
    """Where the attribution a pronoun reports begins (the quotation it follows, "'...,' she said", else its own
    sentence) and the sentence of the same paragraph, outside quotations, right before that."""
    anchor = head.i - 1
    while anchor >= 0 and not ctx.in_quote[anchor] and (ctx.doc[anchor].is_punct or ctx.doc[anchor].is_space):
        anchor -= 1
    if anchor >= 0 and ctx.in_quote[anchor]:
        while anchor > 0 and ctx.in_quote[anchor - 1]:
            anchor -= 1
    else:
        anchor = head.sent.start
    anchor = min(anchor, head.sent.start)
    if anchor == 0:
        return anchor, None
    prev = ctx.doc[anchor - 1].sent
    if ctx.model.paragraph_of(prev.root.i) != ctx.model.paragraph_of(head.i) or ctx.in_quote[prev.root.i]:
        return anchor, None
    return anchor, prev


def _counted_group(ctx: Context, head: Token) -> list[Entity]:
    """"The two ministers said they would ... '...,' they wrote": "they" reporting right after a sentence whose
    subject counts people ("the two ministers", "both women") is the last group of that many people named
    together, however long ago ("Minister X and his counterpart, Y," in the second paragraph)."""
    _, prev = _sentence_before(ctx, head)
    if prev is None:
        return []
    subject = next((c for c in prev.root.children if c.dep_ == "nsubj" and c.tag_ == "NNS" and c.i not in ctx.model.by_token),
                   None)
    if subject is None or not ({subject.lemma_.lower(), subject.lower_} & (ctx.lexicon.roles | set(ctx.lexicon.gender))):
        return []
    count = next((COUNTS[c.lower_] for c in subject.children if c.lower_ in COUNTS), 0)
    members = ctx.model.plural_referents(subject)
    if len(members) >= 2 or not count:
        return members if len(members) >= 2 else []
    groups = [g for g in ctx.model.groups if len(g.members) == count and all(e.kind == "person" for e in g.members)
              and g.last_before(subject.i) >= 0]
    return max(groups, key=lambda g: g.last_before(subject.i)).members if groups else []


def _topic_sentence(ctx: Context, head: Token) -> Span | None:
    """The sentence right before the attribution a pronoun reports, where English keeps its topic: the sentence
    before the quotation it follows (:func:`_sentence_before`), or the previous paragraph's last sentence when the
    quotation opens its paragraph."""
    anchor, _ = _sentence_before(ctx, head)
    if anchor == 0:
        return None
    prev = ctx.model.tokens[anchor - 1].sent
    return prev if ctx.model.paragraph_of(prev.root.i) >= ctx.model.paragraph_of(head.i) - 1 else None


def _last_turn(ctx: Context, head: Token) -> Entity | None:
    """Who spoke the turn a "he/she replied" answers: the main subject of the sentence right before the reply (the
    previous paragraph's last one when the reply opens its paragraph) when that sentence is a turn, a question or a
    quotation ("X asked Ms Y: '...?'", "X pressed her on ...", "'...,' X said"). The reply comes from someone else,
    whatever genders the text gave them."""
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in REPLY_VERBS:
        return None
    prev = _topic_sentence(ctx, head)
    if prev is None:
        return None
    tokens = ctx.model.tokens
    if ctx.in_quote[prev.root.i] and prev.start > 0 and ctx.model.paragraph_of(prev.start - 1) == ctx.model.paragraph_of(
            prev.root.i):  # the question split off as a sentence of its own ("X asked Y: / '...?'"): who put it
        prev = tokens[prev.start - 1].sent
    if ctx.model.paragraph_of(prev.root.i) < ctx.model.paragraph_of(head.i) - 1:
        return None
    if prev.root.lemma_.lower() not in QUESTION_VERBS and not any(ctx.in_quote[t.i] for t in prev):
        return None  # "Minister X rejected the charge. '...,' she replied": the replier's own sentence, not a turn
    people = [_entity_of_subject(ctx, c) for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")
              and not ctx.in_quote[c.i]]  # every subject: the parse may hang an opening participle there too
    return next((e for e in people if e is not None and e.kind == "person"), None)


def _unnamed_topic(ctx: Context, head: Token, gender: str) -> Entity | None:
    """A he/she that reports right after a sentence whose main subject is one unnamed source ("A senior nurse, who
    ..., described the mood as 'frightened'.", "Another analyst ... was more cautious.", "One firefighter at the
    scene said ...") is that source, as it would be a named one: the topic of the sentence before, not a person named
    earlier whom the pronoun's gender fits better."""
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in ctx.cues.verbs:
        return None
    prev = _topic_sentence(ctx, head)
    if prev is None or ctx.in_quote[prev.root.i]:
        return None
    subject = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass") and not ctx.in_quote[c.i]), None)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN" or _entity_of_subject(ctx, subject) is not None \
            or ctx.lexicon.gender.get(subject.lower_) not in (None, gender):
        return None
    if not any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in subject.children):
        return None  # "the trust's chief executive, X, said": a description of someone named, not an unnamed source
    found = by_unnamed(ctx, subject, None)
    return found[0] if len(found) == 1 and not found[0].plural else None


def _plural_topic(ctx: Context, head: Token) -> list[Entity]:
    """A "they" that reports right after a sentence whose main subject is two or more people is those people, first
    named first: the people named together ("X and Y, who run Z, said ...", "the authors, X of A and Y of B, wrote")
    or a plural description of them ("The senators acknowledged ...", "The siblings said ..."), not an organisation
    or place named in passing inside that sentence. The sentence before may close the previous paragraph when the
    quotation opens this one (English keeps the topic across the break)."""
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in ctx.cues.verbs:
        return []
    prev = _topic_sentence(ctx, head)
    if prev is None or ctx.in_quote[prev.root.i]:
        return []
    tokens = ctx.model.tokens
    subject = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass") and not ctx.in_quote[c.i]), None)
    people = _people_named_in(ctx, subject) if subject is not None else []
    if len(people) >= 2:
        return people
    if subject is None:  # the parse lost the subject ("Patient advocates X and Y, who ..., said"): people named
        # together before the verb, outside a clause of their own
        groups = [g for g in ctx.model.groups if prev.start <= g.at < prev.root.i and not _subordinate(tokens[g.at], prev.root)
                  and all(e.kind == "person" for e in g.members)]
        return groups[0].members if len(groups) == 1 else []
    if subject.tag_ in ("NNS", "NNPS") and ctx.model.entity_at(subject.i) is None:
        members = ctx.model.plural_referents(subject)
        if len(members) >= 2 and all(e.kind == "person" for e in members):
            return members
    return []


def _subordinate(tok: Token, root: Token) -> bool:
    """Whether a token lies inside a relative, adverbial or other subordinate clause under ``root``."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in SUBORDINATE:
            return True
        tok = tok.head
    return False


def _people_named_in(ctx: Context, subject: Token) -> list[Entity]:
    """The people a subject names, in order: its name, its appositions and their conjuncts, and what a person's
    "of"-phrase adds ("X of A and Y of B"); not the people of a relative clause or of a phrase that modifies a
    description ("lawyers for X and Y" are not X and Y)."""
    found: dict[int, tuple[int, Entity]] = {}
    stack = [subject]
    while stack:
        tok = stack.pop()
        entity = ctx.model.entity_at(tok.i)
        if entity is not None and entity.kind == "person" and entity.index not in found:
            found[entity.index] = (tok.i, entity)
        for child in tok.children:
            if child.dep_ in ("appos", "conj", "compound", "flat", "nmod") or (
                    child.dep_ == "prep" and entity is not None and entity.kind == "person") or (
                    child.dep_ == "pobj" and tok.dep_ == "prep"):
                stack.append(child)
    return [e for _, e in sorted(found.values(), key=lambda pair: pair[0])]


def _previous_subject(ctx: Context, head: Token, gender: str) -> Entity | None:
    """A he/she that reports right after a sentence of its paragraph whose main subject is a person of a fitting
    gender is that person ("His barrister, X, told Judge Y that her client had repaid every cent. '...,' she said"):
    the subject of the sentence before, not someone named earlier whom a pronoun made 'known'."""
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in ctx.cues.verbs:
        return None
    _, prev = _sentence_before(ctx, head)
    if prev is None:
        return None
    subject = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass") and not ctx.in_quote[c.i]), None)
    if subject is None:
        return None
    entity = _entity_of_subject(ctx, subject) or _described(ctx, subject) or _reported_speaker(ctx, prev)
    if entity is None:  # "Privacy advocate X, of Y, said" with "advocate" misread as a verb: the one name in the subject
        named = {ctx.model.entity_at(t.i).index for t in subject.subtree if ctx.model.entity_at(t.i) is not None
                 and ctx.model.entity_at(t.i).kind == "person"}
        entity = ctx.model.entities[named.pop()] if len(named) == 1 else None
    others = {e.index for e in ctx.model.entities if e.kind == "person" and e is not entity
              and any(prev.start <= m < prev.end for m in e.main_mentions)}
    if entity is None or others or entity.kind != "person" or entity.gender not in (None, gender):
        return None  # another main subject in the sentence ("Asked about Y, X grinned"): the model decides
    return entity


def _described(ctx: Context, subject: Token) -> Entity | None:
    """The person a definite description as a subject stands for ("Outside court, the grandmother of six was
    cheered"), through the description sieve."""
    if subject.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    found = by_description(ctx, subject, subject.doc[subject.i:subject.i + 1])
    return found[0] if len(found) == 1 and found[0].kind == "person" else None


def _reported_speaker(ctx: Context, sentence: Span) -> Entity | None:
    """The one person a sentence reports speaking in a clause of its own ("The lone no vote came from board member X,
    who said the change would upend bus schedules"): the subject of a reporting verb, through its relative pronoun."""
    found = set()
    for tok in sentence:
        if tok.dep_ != "nsubj" or ctx.in_quote[tok.i] or tok.head.lemma_.lower() not in ctx.cues.verbs or tok.head == sentence.root:
            continue
        who = tok.head.head if tok.lower_ in ("who", "that") and tok.head.dep_ == "relcl" else tok
        entity = ctx.model.entity_at(who.i)
        if entity is not None and entity.kind == "person":
            found.add(entity.index)
    return ctx.model.entities[found.pop()] if len(found) == 1 else None


def _the_one_asked(ctx: Context, head: Token, gender: str) -> Entity | None:
    """The person the previous sentence asked a question ("Under cross-examination, X asked Y why she had not
    gone to the police. '...,' she said"): a he/she that reports, right after, answers, so it is Y, not X
    (the document model decides who was asked: :meth:`DocumentModel.answerer`)."""
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in ctx.cues.verbs or head.head.lemma_.lower() in QUESTION_VERBS:
        return None  # "'Why did you wait?' she asked": the asker asks again
    asked = ctx.model.answerer(head.i)
    return asked if asked is not None and asked.gender in (None, gender) else None


def _entity_of_subject(ctx: Context, subject: Token) -> Entity | None:
    """The entity a clause's subject names: its name, its apposition, or the person its pronoun is."""
    entity = ctx.model.entity_at(subject.i) or ctx.model.pronoun_refs.get(subject.i)
    if entity is None:
        entity = next((ctx.model.entity_at(c.i) for c in subject.children if c.dep_ == "appos" and ctx.model.entity_at(c.i)), None)
    return entity


def by_relay(ctx: Context, head: Token, mention: Span) -> list[Entity]:
    """"His office said", "the minister's spokesman said": the possessor is the speaker."""
    if head.lemma_.lower() not in ctx.lexicon.relays and head.lower_ not in ctx.lexicon.relays:
        return []
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None:
        return []
    if owner.lower_ in PERSON_PRONOUNS or owner.lower_ in ("his", "her", "their", "its"):
        pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(owner.lower_, owner.lower_)
        return _resolve_word(ctx, owner, pronoun)
    entity, _, _, _ = resolve_mention(ctx, owner)
    return [entity] if entity else []


def _resolve_word(ctx: Context, tok: Token, pronoun: str) -> list[Entity]:
    if pronoun in PERSON_PRONOUNS:
        found = ctx.model.person_for_pronoun(tok.i, PERSON_PRONOUNS[pronoun])
        return [found] if found else []
    kinds = ("organisation",) if pronoun == "it" else ("organisation", "unnamed", "person")
    found = ctx.model.recent(tok.i, kinds)
    return [found] if found else []


def by_description(ctx: Context, head: Token, mention: Span) -> list[Entity]:
    age = age_of(head)
    if age is not None:  # "the 58-year-old": the person the text gave that age, else the person spoken of
        found = ctx.model.ages.get(age) or ctx.model.recent(head.i, subjects=True) or ctx.model.recent(head.i)
        return [found] if found else []
    det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
    span = ctx.lexicon.ages.get(head.lemma_.lower()) or ctx.lexicon.ages.get(head.lower_)
    if span is not None and det is not None and det.lower_ == "the" and head.tag_ == "NN":
        found = ctx.model.aged_between(*span, head.i)  # "the teenager" after "X, now 17,"
        if found is not None:
            return [found]
    if head.pos_ == "PROPN" and head.i not in ctx.model.by_token and det is not None and det.lower_ == "the" and (
            head.lower_ in ctx.lexicon.demonyms or head.ent_type_ == "NORP"):
        holders = [e for e in ctx.model.entities if e.kind == "person" and head.lower_ in e.text_roles
                   and e.last_before(head.i) >= 0]  # "Kelburn Rovers' Brazilian striker X ... the Brazilian said"
        found = (max(holders, key=lambda e: e.last_before(head.i)) if holders else None) or ctx.model.recent(
            head.i, subjects=True) or ctx.model.recent(head.i)  # "the Pole said": else the person spoken of
        return [found] if found else []
    if head.pos_ not in ("NOUN", "PROPN") or (head.pos_ == "PROPN" and head.i in ctx.model.by_token):
        return []
    if det is not None and det.lower_ in INDEFINITE:
        return []
    lemma, low = head.lemma_.lower(), head.lower_
    if lemma in ctx.cues.nouns:  # "the statement said": whose statement the text quoted last
        for earlier in reversed(ctx.quotes):
            sentence = earlier.span.sent
            if earlier.entities and any(t.lemma_.lower() == lemma and not ctx.in_quote[t.i] for t in sentence):
                return list(earlier.entities)
        return _statement_owner(ctx, head, lemma)
    if lemma in ctx.lexicon.group_nouns or (head.tag_ == "NNS" and lemma in ctx.lexicon.gender):
        members = ctx.model.plural_referents(head)  # "the pair", "the two women"
        if len(members) >= 2:
            return members
    mods = [c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    plural = head.tag_ in ("NNS", "NNPS") or any(c.lower_ in ("both", "two", "three") for c in head.children) or (
        det is not None and det.lower_ == "both")
    if lemma in ctx.lexicon.organisations or low in ctx.lexicon.organisations:
        word = lemma if lemma in ctx.lexicon.organisations else low
        if plural:
            members = ctx.model.plural_referents(head)
            if members:
                return members
        found = ctx.model.organisation_for(word, head.i, mods)
        if found is not None:
            return [found]
    roles = [w for w in (lemma, low, *mods) if w in ctx.lexicon.roles or w in ctx.model.title_words]
    if lemma in ctx.lexicon.roles or low in ctx.lexicon.roles or lemma in ctx.model.title_words:
        required = [m for m in mods if m in ctx.lexicon.modifiers]
        if plural:
            members = ctx.model.plural_referents(head)
            if len(members) >= 2:
                return members
        org = _organisation_named(ctx, head)
        if org is not None and not plural:  # "the Eagles mentor", "the Rovers coach": the one tied to that club
            found = ctx.model.holder_for(roles, org, head.i)
            if found is not None:
                return [found]
        found = ctx.model.with_role(roles, head.i, required) or _registry_holder(ctx, roles, head.i)
        if found is not None:
            return [found]
        org_mods = [m for m in mods if m in ctx.lexicon.organisations]
        if org_mods:  # "the union leader": a person speaking for an organisation of that kind
            org = ctx.model.organisation_for(org_mods[0], head.i)
            people = [e for e in ctx.model.entities if e.kind == "person" and org is not None and e.org == org.index]
            if people:
                return [max(people, key=lambda e: e.last_before(head.i))]
    if det is not None and det.lower_ in POSSESSIVE_GENDER and lemma in ctx.lexicon.kin and not plural:
        found = _inverse_kin(ctx, head, det, lemma)  # "His daughter, X, ..." then "her father said": his (when no one
        # was given that role: "her mother, Y" is Y)
        if found is not None:
            return [found]
    if det is not None and det.lower_ == "the" and not plural and lemma not in ctx.lexicon.roles:
        holders = [e for e in ctx.model.entities if e.kind == "person" and lemma in e.text_roles
                   and e.last_before(head.i) >= 0]  # "the toxicologist" after "the toxicologist Kwame X"
        if holders:
            return [max(holders, key=lambda e: e.last_before(head.i))]
    if (lemma in ctx.lexicon.unnamed or lemma in ctx.lexicon.roles) and det is not None and det.lower_ in ("the", "this", "that"):
        found = ctx.model.unnamed_like(lemma, head.i, unnamed_description)  # "the manager" after "a plant manager"
        if found is not None:
            return [found]
    if det is not None and det.lower_ == "the" and head.pos_ == "NOUN":
        found = ctx.model.named_by_head(lemma, head.i)  # "the choir" after "the Lakeside Choir"
        if found is not None:
            return [found]
    return _salient_person(ctx, head, det, plural)


def _inverse_kin(ctx: Context, head: Token, det: Token, lemma: str) -> Entity | None:
    """"Her father", "his mother": the person whose son or daughter the text made the pronoun's referent ("His
    daughter, X, read a statement ... 'I owe ...,' her father said"): kinship is read both ways, so the one the
    earlier possessive pointed to."""
    model, toks = ctx.model, ctx.model.tokens
    child = model.person_for_pronoun(det.i, POSSESSIVE_GENDER[det.lower_])
    if child is None:
        return None
    for i in reversed([m for m in child.mentions if m < head.i]):
        tok = toks[i]
        noun = tok.head if tok.dep_ == "appos" else next((c for c in tok.children if c.dep_ == "appos"), None)
        if noun is None or noun.lemma_.lower() not in ctx.lexicon.kin[lemma]:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        if owner.lower_ in POSSESSIVE_GENDER:
            parent = model.person_for_pronoun(owner.i, POSSESSIVE_GENDER[owner.lower_], exclude=child)
        else:
            parent = model.entity_at(owner.i)
        if parent is not None and parent is not child and parent.kind == "person":
            return parent
    return None


def _salient_person(ctx: Context, head: Token, det: Token | None, plural: bool) -> list[Entity]:
    """A singular definite description of a person that matched no role the text gave anyone ("the engineer",
    "the PhD student", "the widow", "the former auditor-general") refers to someone already introduced: the
    person a he/she there would refer to (the subject of the recent sentences, of the description's gender).
    Only nouns for people (a role, a gendered noun, an unnamed-source noun, a noun with an agent ending in
    ``speaker_lexicon.csv``, or one made from another English noun: "surveyor") qualify: "the hearing", "the letter" are not people."""
    if det is None or det.lower_ != "the" or plural or head.pos_ != "NOUN" or head.dep_ == "poss":
        return []  # "the prosecutor's office": the possessor of an office names an organisation, not a person
    lemma, low, lex = head.lemma_.lower(), head.lower_, ctx.lexicon
    words = {lemma, low}
    if words & (set(lex.organisations) | lex.things | ctx.cues.nouns):
        return []
    person_noun = bool(words & (lex.roles | lex.unnamed | set(lex.gender) | set(lex.ages))) or any(
        low.endswith(s) and len(low) > len(s) + 2 for s in lex.agent_suffixes) or ctx.model.derived_agent(low)
    if not person_noun:
        return []
    gender = lex.gender.get(low) or lex.gender.get(lemma)
    found = ctx.model.person_for_pronoun(head.i, gender)
    return [found] if found is not None and found.kind == "person" else []


def _statement_owner(ctx: Context, head: Token, lemma: str) -> list[Entity]:
    """Whose statement "the statement said" is when no quotation came with it: the owner the text gave the
    last statement it spoke of ("A statement attributed to him and released by the family office ...")."""
    from .mention_sieves import _owner  # stage 1 knows whose a statement is; imported here to avoid a cycle

    for tok in reversed(head.doc[:head.i]):
        if tok.lemma_.lower() != lemma or ctx.in_quote[tok.i] or tok.pos_ != "NOUN":
            continue
        owner = _owner(ctx, tok)
        if owner is None:
            return []  # the statement last spoken of has no owner in the text
        if owner.lemma_.lower() == lemma:
            return []
        if owner.lower_ in PERSON_PRONOUNS and owner.dep_ != "poss":  # "attributed to him": the "him" a quotation
            same = next((o.entity for o in reversed(ctx.quotes) if o.found is not None and o.found.mention is not None
                         and o.found.mention.lower_ == owner.lower_ and o.entity is not None), None)
            if same is not None:  # was last attributed to ("quoted him as saying"), not whoever was last a subject
                return [same]
        entities, _, _, _ = resolve_all(ctx, owner)
        return [e for e in entities if e.kind != "unnamed"]
    return []


def _organisation_named(ctx: Context, head: Token) -> Entity | None:
    """The organisation a capitalised modifier of a description names ("the Eagles mentor"), else None."""
    for child in head.children:
        if child.dep_ in ("compound", "amod", "poss") and child.i < head.i and child.text[:1].isupper():
            found = ctx.model.named(child.text)
            if found is not None and found.kind == "organisation":
                return found
    return None


def _registry_holder(ctx: Context, roles: list[str], before: int) -> Entity | None:
    """The person "the president" refers to when the text gives no one that role but the actors registry
    does: a person the text names outside quotations before it, linked to ``actors.csv``, whose title or
    role there has one of the words ("Trump posted ... 'the president wrote'"; Trump's title is President).
    Someone named only inside quotations is not a candidate (the president a quotation mentions)."""
    wanted = set(roles) - ctx.lexicon.modifiers
    holders = []
    for e in ctx.model.entities:
        actor = ctx.registry.link(e.name) if e.kind == "person" and e.last_before(before) >= 0 else None
        if actor is not None and wanted & set(f"{actor.title} {actor.role}".lower().split()):
            holders.append(e)
    return max(holders, key=lambda e: e.last_before(before)) if holders else None


def by_unnamed(ctx: Context, head: Token, mention: Span | None) -> list[Entity]:
    part = one_of(head)
    if part is not None and {part.lemma_.lower(), part.lower_} & (ctx.lexicon.unnamed | ctx.lexicon.roles):
        words = head.doc[head.left_edge.i:part.i + 1]  # "one of the aides", "two of the people familiar with ..."
        return [ctx.model.add_unnamed(clean(words.text), head, head.lower_ != "one")]
    lemma = head.lemma_.lower()
    det = next((c for c in head.children if c.dep_ == "det"), None)
    if not ({lemma, head.lower_} & (ctx.lexicon.unnamed | ctx.lexicon.roles)) and not (
            head.tag_ == "NN" and any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another")
                                      for c in head.children) and ctx.model.derived_agent(head.lower_)):  # "a planter in X province": a noun for what someone does
        return []
    plural = head.tag_ in ("NNS", "NNPS")
    if det is not None and det.lower_ not in INDEFINITE and not (det.lower_ == "the" and plural):
        return []
    if det is None and not plural and not any(c.dep_ in ("amod", "nummod") for c in head.children):
        return []
    return [ctx.model.add_unnamed(unnamed_description(head), head, plural)]


def by_later(ctx: Context, head: Token, mention: Span) -> list[Entity]:
    """"A headteacher in Hull has banned ... Simone X, head of Marfleet Academy, said": an indefinite
    description that opens a paragraph, named in the next paragraphs by someone of that role."""
    det = next((c for c in head.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("a", "an") or head.tag_ in ("NNS", "NNPS"):
        return []
    named = ctx.model.named_later(head) or _named_next(ctx, head)
    return [named] if named is not None else []


def _named_next(ctx: Context, head: Token) -> Entity | None:
    """"A man who crashed a van ... told a sheriff ..." opening a story, then "Kieran X, 27, addressed ...": a
    gendered noun with no role, subject of its paragraph's first sentence, is the person the next paragraph
    introduces as its first subject (first named there, gender fitting). In the lede, a role noun the sentence
    goes on to call he/she ("A retired headteacher ... says he feels ...") is the next paragraph's first subject
    known to be of that gender (news names the person it described first)."""
    gender = ctx.lexicon.gender.get(head.lower_) or ctx.lexicon.gender.get(head.lemma_.lower())
    here, known = ctx.model.paragraph_of(head.i), False
    if gender is None and here == ctx.model.lede_paragraph():  # "A retired headteacher who ... says he feels ...":
        gender = next((ctx.lexicon.gender[t.lower_] for t in head.sent  # the he/she the lede's own sentence uses
                       if t.i > head.i and not ctx.in_quote[t.i] and t.pos_ == "PRON" and t.lower_ in ctx.lexicon.gender), None)
        known = True  # a role noun says nothing of gender: the person named next must be known to have the pronoun's
    if gender is None or head.pos_ != "NOUN" or head.dep_ not in ("nsubj", "nsubjpass") or ctx.in_quote[head.i]:
        return None
    start = next((a for a, b in ctx.paragraph_bounds if a <= head.idx < b), None)
    if start is None or any(t.is_sent_start and t.idx >= start for t in ctx.doc[ctx.token_at(start) + 1:head.sent.start + 1]):
        return None  # only the subject of its paragraph's first sentence
    fits = (gender,) if known else (None, gender)
    fresh = [e for e in ctx.model.entities if e.kind == "person" and e.mentions and e.gender in fits
             and ctx.model.paragraph_of(e.mentions[0]) == here + 1 and e.mentions[0] in e.subject_mentions]
    return min(fresh, key=lambda e: e.mentions[0]) if fresh else None


def one_of(tok: Token) -> Token | None:
    """The noun of "one of the aides", "two of the officials": a part of a group speaks, unnamed."""
    if tok.pos_ != "NUM" and tok.lower_ not in ("some", "several", "many", "most", "none", "each"):
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PRON")), None)


def unnamed_description(head: Token) -> str:
    """An unnamed source as written: its determiner and modifiers, and the phrases that say where it
    stands ("a source at the club", "a person familiar with the plans"), not a relative clause."""
    doc = head.doc
    lo = min([head.i] + [c.left_edge.i for c in head.children if c.i < head.i])
    while lo < head.i and CLOCK_TIME.match(doc[lo].text):
        lo += 1  # "14:20 A police spokesperson said": the entry's time stamp, which the parser may hang on the noun
    hi = head.i
    for child in head.rights:
        if (child.dep_ in ("prep", "amod") or (child.dep_ == "acl" and child.tag_ == "VBN")) and child.i == hi + 1:
            hi = child.right_edge.i  # "a source at the club", "a diplomat based in Sarnopol"
        else:
            break
    words = doc[lo:hi + 1]
    comma = next((t.left_edge.i if t.dep_ == "relcl" else t.i for t in words if t.text in (",", ";", "(") or t.dep_ == "relcl"),
                 None)  # a relative clause is cut with its pronoun ("a legislator from the region who is ...")
    return clean(doc[lo:comma].text if comma is not None and comma > head.i else words.text)


def _titled_name(ctx: Context, head: Token) -> tuple[int, int] | None:
    """The run of a person's name that ends a role noun's phrase written as a title, without an article:
    a lower-case noun right before the name ("Mayoral committee member for mobility Nadia X", "Regional
    director for trade Ana Y"). Not "Counsel for Mr X" (a preposition before the name: X is the client)."""
    if head.i in ctx.model.by_token or head.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("det", "poss") for c in head.children):
        return None
    if not {head.lemma_.lower(), head.lower_} & (ctx.lexicon.unnamed | ctx.lexicon.roles):
        return None
    edge = head.right_edge.i
    run = ctx.model.runs.get(edge)
    entity = ctx.model.by_token.get(edge)
    if run is None or entity is None or entity.kind not in ("person", "organisation") or run[0] <= head.i:
        return None
    if any(name_key(t.text) in ctx.model.org_words for t in head.doc[run[0]:run[1]]):
        return None  # an organisation named after the role ("... for Tarn Valley Council") is no titled person
    before = head.doc[run[0] - 1]
    return run if before.pos_ == "NOUN" and before.is_lower and before.i > head.i else None


EntitySieve = Callable[[Context, Token, Span], list]
#: The stage-2 sieves in the order they are tried: (name, function).
ENTITY_SIEVES: tuple[tuple[str, EntitySieve], ...] = (
    ("name", by_name), ("pronoun", by_pronoun), ("relay", by_relay), ("description", by_description),
    ("later", by_later), ("unnamed", by_unnamed),
)


def resolve_mention(ctx: Context, head: Token) -> tuple[Entity | None, str | None, Span, str | None]:
    """(entity, sieve that found it, the mention span as written, appositive role)."""
    entities, name, mention, role = resolve_all(ctx, head)
    return (entities[0] if entities else None), name, mention, role


def resolve_all(ctx: Context, head: Token) -> tuple[list[Entity], str | None, Span, str | None]:
    """(entities, sieve that found them, the mention span as written, appositive role)."""
    run = ctx.model.runs.get(head.i)
    if run is not None and run[1] in ctx.model.sources:  # "a Department for Culture ... spokesperson": the spokesperson
        noun = head.doc[run[1]]
        source = ctx.model.add_unnamed(clean(head.doc[ctx.model.sources[noun.i]:noun.i + 1].text), noun, noun.tag_ == "NNS")
        return [source], "unnamed", head.doc[ctx.model.sources[noun.i]:noun.i + 1], None
    mention, role = mention_span(head, lambda t: t.i in ctx.model.by_token)
    quoted = [t.i for t in mention if t.i < head.i and (ctx.in_quote[t.i] or t.is_quote)]
    if quoted:  # the parse hung the speaker on words of the quotation: the mention starts after them
        mention = head.doc[quoted[-1] + 1:mention.end]
    head = mention[-1] if mention[-1].i in ctx.model.by_token and head.i not in ctx.model.by_token else head
    titled = _titled_name(ctx, head)
    if titled is not None:  # "Mayoral committee member for mobility Nadia X": a long role written before a name
        head, mention = head.doc[titled[1] - 1], head.doc[mention.start:titled[1]]
    for name, sieve in ENTITY_SIEVES:
        entities = sieve(ctx, head, mention)
        if entities:
            part = one_of(head) if name == "unnamed" else None
            if part is not None:  # "one of the aides"
                mention = head.doc[min(mention.start, head.left_edge.i):part.i + 1]
            if name == "name" and head.i in ctx.model.runs:  # the whole name: "the Ministry of Transport"
                start, end = ctx.model.runs[head.i]
                if end > mention.end and start <= head.i:
                    mention = head.doc[mention.start:end]
            return entities, name, mention, role
    return [], None, mention, role


# --------------------------------------------------------------------------- applying a finding
COPIED = ("entity", "entities", "speaker", "speaker_entity", "speakers", "speaker_mention", "speaker_role", "actor_id",
          "cue", "channel", "unnamed")


def attribute(ctx: Context, q: Quote, found: Found | None, channel: Callable[[Token], str | None]) -> None:
    """Set the speaker fields of ``q`` from a stage-1 finding, resolving its mention (stage 2)."""
    q.found = found
    if found is None:
        return
    if found.source is not None:
        for name in COPIED:
            setattr(q, name, getattr(found.source, name))
        q.speakers = list(found.source.speakers)
        q.attribution = found.sieve
        if found.sieve == "continuation":
            q.continues, q.inherited = found.source.quote_id, True
        return
    q.cue = found.cue
    q.channel = channel(found.cue_token) if found.cue_token is not None else None
    if found.entity is not None:
        _set_entities(ctx, q, [found.entity], None)
        q.attribution = found.sieve
        return
    if found.mention is None:
        q.attribution = "none"
        return
    entities, how, mention, role = resolve_all(ctx, found.mention)
    entity = entities[0] if entities else None
    q.speaker_mention, q.speaker_role = clean(mention.text), role
    others = [resolve_mention(ctx, tok) for tok in found.others]
    if entity is None:
        if found.mention.pos_ == "PRON":
            q.attribution = "none"
            return
        q.speaker_entity = clean(mention.text)
        actor = ctx.registry.link(q.speaker_mention)
        q.speaker = actor.name if actor else q.speaker_entity
        q.actor_id = actor.actor_id if actor else None
        q.speakers = [q.speaker] + [e.name if e else clean(m.text) for e, _, m, _ in others]
        q.attribution = f"{found.sieve}+unresolved"
        return
    extra = [e for e, _, _, _ in others if e is not None]
    _set_entities(ctx, q, list(dict.fromkeys(entities + extra)), q.speaker_mention)
    q.attribution = found.sieve if how == "name" else f"{found.sieve}+{how}"


def echo(ctx: Context, quotes: list[Quote]) -> None:
    """A headline quotes words the body quotes again with the speaker's name or pronoun. One that names its
    speaker by a description ("Farmers' leader: 'We can't plant what we can't sell'", "Mother of lost
    bushwalker: 'It's a miracle'") has the speaker of the body quotation that repeats its words
    (``colon+echo``), else the person the body quotes who fits the description (``colon+headline``); a
    headline quotation without attribution ("Firm fined after 'casual disregard' of alarms") has the speaker
    of the body quotation that repeats it (``echo``). Run once every quotation has been attributed."""
    for q in quotes:
        headline = q.seg.paragraph == 1 and q.entity is None and q.kind in ("full", "partial", "scare") and _is_headline(ctx)
        if not headline and (q.found is None or q.found.sieve != "colon"
                             or (q.entity is not None and q.attribution != "colon+description")):
            continue
        words = normalise_quote(q.span.text)
        if len(words.split()) < 2:
            continue
        body = [o for o in quotes if o.seg.paragraph > q.seg.paragraph and o.entity is not None and o.entity.kind != "unnamed"
                and not o.seg.nested]
        later = [o for o in body if f" {words} " in f" {normalise_quote(o.span.text)} "]
        entities = list(later[0].entities) if later else _headline_speaker(ctx, q, body)
        if entities and q.found is not None and q.found.sieve == "colon":
            _set_entities(ctx, q, entities, q.speaker_mention)
            q.attribution = "colon+echo" if later else "colon+headline"
        elif later:  # "Water firm fined after 'casual disregard' of alarms": the judge's words in the body
            _set_entities(ctx, q, entities, None)
            q.attribution = "echo"
            q.kind = "partial" if q.kind == "scare" else q.kind  # somebody's words, not the writer's distance
            for sub in quotes:  # its nested quotations keep the outer speaker
                if sub.found is not None and sub.found.source is q:
                    for name in COPIED:
                        setattr(sub, name, getattr(q, name))


def _is_headline(ctx: Context) -> bool:
    """The text opens with a headline: a short first paragraph that does not end a sentence."""
    if len(ctx.paragraph_bounds) < 2:
        return False
    start, end = ctx.paragraph_bounds[0]
    first = ctx.text[start:end].strip()
    return 0 < len(first) <= 150 and first[-1] not in ".:;,"


def _headline_speaker(ctx: Context, q: Quote, body: list[Quote]) -> list[Entity]:
    """The person a headline's description ("Union boss", "Ex-minister") stands for when the body does
    not repeat its words: in the first paragraph only, among the people the body quotes, those whose
    gender and role fit the description's words; the one quoted most (the first on a tie)."""
    if q.seg.paragraph != 1 or q.found is None or q.found.mention is None or q.found.mention.pos_ == "PRON":
        return []
    words = {t.lemma_.lower() for t in q.found.mention.subtree if t.is_alpha} | {q.found.mention.lemma_.lower()}
    gender = next((ctx.lexicon.gender[w] for w in words if w in ctx.lexicon.gender), None)
    roles = ctx.model.role_classes(w for w in words if w in ctx.lexicon.roles)
    people = [o.entity for o in body if o.entity.kind == "person" and (gender is None or o.entity.gender in (None, gender))]
    fitting = [e for e in people if roles & ctx.model.role_classes(e.roles)] or people
    if not fitting:
        return []
    counts = {e: fitting.count(e) for e in fitting}
    return [max(counts, key=lambda e: (counts[e], -fitting.index(e)))]


def _set_entities(ctx: Context, q: Quote, entities: list[Entity], mention: str | None) -> None:
    primary = entities[0]
    actor = ctx.registry.link(primary.name) or (ctx.registry.link(mention) if mention and primary.kind != "unnamed" else None)
    q.entity, q.entities = primary, entities
    q.speaker_entity = primary.name
    q.speaker = actor.name if actor else primary.name
    q.actor_id = actor.actor_id if actor else None
    q.speakers = [q.speaker] + [e.name for e in entities[1:]]
    q.unnamed = primary.kind == "unnamed"
    if q.speaker_role is None and primary.role_text and mention is None:
        q.speaker_role = None


__all__ = ["ENTITY_SIEVES", "mention_span", "resolve_mention", "attribute", "echo", "by_name", "by_pronoun", "by_description",
           "by_later", "by_unnamed"]
