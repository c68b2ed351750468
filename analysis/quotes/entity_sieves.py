"""Stage 2: mention -> entity. Ordered sieves resolve the speaker's words to a document entity.

The mention found by stage 1 (its head token) is tried against, in order (:data:`ENTITY_SIEVES`):

1. ``name``: a name (full, short, first) of a person or organisation of the document model;
2. ``pronoun``: he/she (the last person before it whose gender fits), they (the last organisation
   or group), it (the last organisation); "him"/"her" in relays such as "quoted her as saying";
3. ``description``: "the minister" (the last person with that role), "the ministry" / "the union"
   (the organisation whose name has the word, or a word it stands for in ``speaker_lexicon.csv``);
4. ``unnamed``: an unnamed source ("a senior official", "officials", "sources"): kept as written and
   marked unnamed.

A mention no sieve resolves keeps its own words as the speaker (a pronoun without an antecedent
stays unattributed). Last, ``actors.csv`` links the entity's name to the registry's canonical name.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .model import Entity
from .state import Context, Found, Quote, clean

PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
INDEFINITE = frozenset({"a", "an", "one", "some", "several", "two", "three", "four", "many", "few", "other", "another",
                        "various", "numerous", "multiple", "both", "most"})
MENTION_DEPS = ("compound", "flat", "nmod", "amod", "poss", "case", "prep", "pobj", "punct", "det")


def mention_span(tok: Token) -> tuple[Span, str | None]:
    """The speaker's words as written (titles in front of a name kept) and an appositive role."""
    doc = tok.doc
    role = None
    appos = [c for c in tok.children if c.dep_ == "appos"]
    if tok.pos_ != "PROPN" and tok.ent_type_ != "PERSON":
        named = [a for a in appos if a.pos_ == "PROPN" or a.ent_type_ == "PERSON"]
        if named:
            # "The committee's chairwoman, Rosa Lind," -> role; "One of them, X, an expert ..." -> the other apposition
            others = [a for a in appos if a is not named[0]] + [a for a in named[0].children if a.dep_ == "appos"]
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
    while lo < tok.i and (doc[lo].dep_ == "punct" or (tok.text[:1].isupper() and doc[lo].dep_ == "det")):
        lo += 1
    return doc[lo:tok.i + 1], role


# --------------------------------------------------------------------------- sieves
def by_name(ctx: Context, head: Token, mention: Span) -> Entity | None:
    entity = ctx.model.entity_in(mention)
    if entity is None and head.text[:1].isupper() and head.pos_ == "PROPN":
        entity = ctx.model.named(head.text)
    return entity


def by_pronoun(ctx: Context, head: Token, mention: Span) -> Entity | None:
    low = head.lower_
    if low in PERSON_PRONOUNS:
        return ctx.model.person_for_pronoun(head.i, PERSON_PRONOUNS[low])
    if low in GROUP_PRONOUNS:
        return ctx.model.recent(head.i, ("organisation", "unnamed"))
    if low in THING_PRONOUNS:
        return ctx.model.recent(head.i, ("organisation",))
    return None


def by_description(ctx: Context, head: Token, mention: Span) -> Entity | None:
    if head.pos_ not in ("NOUN", "PROPN") or head.text[:1].isupper() and head.pos_ == "PROPN" and not head.is_title:
        return None
    det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
    if det is not None and det.lower_ in INDEFINITE:
        return None
    lemma, low = head.lemma_.lower(), head.lower_
    if det is not None and det.dep_ == "poss" and det.pos_ == "PRON" and lemma in ctx.lexicon.organisations:
        return None
    for word in (lemma, low):
        if word in ctx.lexicon.organisations:
            found = ctx.model.organisation_for(word, head.i)
            if found is not None:
                return found
    for word in (lemma, low):
        if word in ctx.lexicon.roles or word in ctx.model.title_words:
            found = ctx.model.with_role(word, head.i)
            if found is not None:
                return found
    return None


def by_unnamed(ctx: Context, head: Token, mention: Span) -> Entity | None:
    lemma = head.lemma_.lower()
    if lemma not in ctx.lexicon.unnamed and head.lower_ not in ctx.lexicon.unnamed:
        return None
    det = next((c for c in head.children if c.dep_ == "det"), None)
    plural = head.tag_ in ("NNS", "NNPS")
    if det is not None and det.lower_ not in INDEFINITE and not (det.lower_ == "the" and plural):
        return None
    if det is None and not plural and not any(c.dep_ in ("amod", "nummod") for c in head.children):
        return None
    lo = min([head.i] + [c.left_edge.i for c in head.children if c.i < head.i])
    description = clean(head.doc[lo:head.i + 1].text)
    return ctx.model.add_unnamed(description, head, plural)


EntitySieve = Callable[[Context, Token, Span], "Entity | None"]
#: The stage-2 sieves in the order they are tried: (name, function).
ENTITY_SIEVES: tuple[tuple[str, EntitySieve], ...] = (
    ("name", by_name), ("pronoun", by_pronoun), ("description", by_description), ("unnamed", by_unnamed),
)


def resolve_mention(ctx: Context, head: Token) -> tuple[Entity | None, str | None, Span, str | None]:
    """(entity, sieve that found it, the mention span as written, appositive role)."""
    mention, role = mention_span(head)
    for name, sieve in ENTITY_SIEVES:
        entity = sieve(ctx, head, mention)
        if entity is not None:
            if name == "name" and head.i in ctx.model.runs:  # the whole name: "the Ministry of Transport"
                start, end = ctx.model.runs[head.i]
                if end > mention.end and start <= head.i:
                    mention = head.doc[mention.start:end]
            return entity, name, mention, role
    return None, None, mention, role


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
    entity, how, mention, role = resolve_mention(ctx, found.mention)
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
    _set_entities(ctx, q, [entity] + [e for e, _, _, _ in others if e is not None], q.speaker_mention)
    q.attribution = found.sieve if how == "name" else f"{found.sieve}+{how}"


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


__all__ = ["ENTITY_SIEVES", "mention_span", "resolve_mention", "attribute", "by_name", "by_pronoun", "by_description",
           "by_unnamed"]
