"""The document model: the people and organisations a text mentions, and who each mention is.

Built once per Doc from the parse, before any quotation is attributed:

- **Names** are runs of capitalised proper-noun tokens outside quotations ("Transport Minister Ana
  Pires", "the Dockers' Guild", "O’Neill"). Leading titles (``titles.csv``) and role nouns
  (``speaker_lexicon.csv``) become the entity's roles; dates, places and other non-agents (by their
  entity type) are never entities.
- **One entity per referent**: a name joins an earlier entity when it is the same name, or its
  surname or first name ("O'Neill" after "Jo O’Neill": ’ and ' are equal); otherwise it starts a new
  one. An organisation's name makes an ``organisation``; a name with an organisation word
  ("Guild", "Ministry"), or one the model tags ORG and no person has, is an organisation too.
- **What the text says about them**: roles from titles, compounds and appositions ("Ana Pires, the
  transport minister"), gender from honorifics, gendered role nouns and the pronouns of sentences
  about one person ("Pires said her ministry ...").

The entity sieves (:mod:`.entity_sieves`) ask it: which entity is this name, which person holds
this role, which organisation is "the union", who is the most recent person before this point.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..countries import resolve_country
from .lexicon import SpeakerLexicon

#: Entity types that are never speakers: dates, times and numbers.
NON_AGENT_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
#: Places: never a speaker found by the proper-noun fallback, and never a person of the model.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
NAME_TYPES = frozenset({"PERSON", "ORG", "NORP"})
#: Prepositions after which a place-tagged name is a place ("in Lisbon").
LOCATIVE = frozenset({"in", "at", "from", "to", "near", "into", "across", "outside", "inside", "around", "through", "via"})
PARTICLES = frozenset({"de", "da", "do", "dos", "das", "van", "von", "der", "den", "bin", "bint", "al", "el", "la", "le",
                       "di", "del", "della", "ibn", "abu", "mac", "st", "st."})


def name_key(text: str) -> str:
    """A name as compared: casefolded, ’ as ', possessive and surrounding punctuation dropped."""
    key = " ".join(text.replace("\u2019", "'").casefold().split())
    for suffix in ("'s", "'"):
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            key = key[: -len(suffix)]
            break
    return key.strip(" ,.;:")


@dataclass
class Entity:
    """A person, organisation or unnamed source of the document."""

    index: int
    kind: str  # "person" | "organisation" | "place" | "unnamed"
    name: str  # fullest name in the text, without titles (an unnamed source: its description)
    keys: set[str] = field(default_factory=set)  # full-name and single-word keys it answers to
    roles: set[str] = field(default_factory=set)  # lower-case role nouns ("minister")
    role_text: str | None = None  # the first apposition or title phrase, as written
    gender: str | None = None
    plural: bool = False
    mentions: list[int] = field(default_factory=list)  # token indices of mentions outside quotations
    subject_mentions: list[int] = field(default_factory=list)  # ... of those that are sentence subjects
    org: int | None = None  # index of the organisation a person speaks for
    votes: Counter = field(default_factory=Counter)

    @property
    def first(self) -> int:
        return self.mentions[0] if self.mentions else 10**9

    def last_before(self, i: int) -> int:
        """Token index of the entity's last mention before token ``i`` (-1 when none)."""
        before = [m for m in self.mentions if m < i]
        return before[-1] if before else -1


class DocumentModel:
    """The entities of one Doc and the token -> entity map of their mentions."""

    def __init__(self, doc: Doc, lexicon: SpeakerLexicon, titles: frozenset[str], in_quote: list[bool],
                 paragraph_starts: tuple[int, ...] = ()) -> None:
        self.doc = doc
        self.paragraph_starts = paragraph_starts  # character offsets where paragraphs start
        self.lexicon = lexicon
        self.titles = titles
        self.title_words = frozenset(w.rstrip(".") for t in titles for w in t.split() if w not in ("of", "the", "for", "and"))
        self.in_quote = in_quote
        self.entities: list[Entity] = []
        self.by_token: dict[int, Entity] = {}
        self.runs: dict[int, tuple[int, int]] = {}  # token index -> (start, end) of its name (titles included)
        self._build()

    # ------------------------------------------------------------------ building
    def _is_name_token(self, tok: Token) -> bool:
        if not tok.text[:1].isupper() or not any(c.isalpha() for c in tok.text):
            return False
        if tok.ent_type_ in NON_AGENT_TYPES:
            return False
        if tok.pos_ == "PROPN" or tok.ent_type_:
            return True
        return tok.pos_ in ("NOUN", "ADJ", "X") and not tok.is_sent_start and not tok.is_stop

    def name_runs(self) -> list[tuple[int, int]]:
        """(start, end) token ranges of capitalised name runs outside quotations."""
        doc, runs, i = self.doc, [], 0
        while i < len(doc):
            if self.in_quote[i] or not self._is_name_token(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < len(doc) and not self.in_quote[j]:
                tok = doc[j]
                if self._is_name_token(tok) and not doc[j - 1].is_punct:
                    j += 1
                elif tok.lower_ in PARTICLES and j + 1 < len(doc) and self._is_name_token(doc[j + 1]):
                    j += 2
                elif tok.lower_ in ("of", "for") and j + 1 < len(doc) and (self._is_name_token(doc[j + 1]) or (
                        doc[j + 1].lower_ == "the" and j + 2 < len(doc) and self._is_name_token(doc[j + 2]))):
                    j += 2 if self._is_name_token(doc[j + 1]) else 3  # "Secretary of State", "Ministry of the Interior"
                elif tok.text in ("'", "\u2019", "'s", "\u2019s") and j + 1 < len(doc) and self._is_name_token(doc[j + 1]) \
                        and doc[j - 1].text.lower().endswith("s") and tok.text in ("'", "\u2019"):
                    j += 2  # "Dockers' Guild"
                elif tok.text == "-" and j + 1 < len(doc) and self._is_name_token(doc[j + 1]) and not tok.whitespace_:
                    j += 2
                else:
                    break
            runs.append((i, j))
            i = j
        # a capitalised word the tagger missed (a sentence-initial "Pires") that repeats a word of a longer name
        covered = {k for a, b in runs for k in range(a, b)}
        words = {name_key(doc[k].text) for a, b in runs if b - a > 1 for k in range(a, b)} - self.title_words
        extra = [(k, k + 1) for k, tok in enumerate(doc) if k not in covered and not self.in_quote[k]
                 and tok.text[:1].isupper() and tok.is_alpha and name_key(tok.text) in words]
        return sorted(runs + extra)

    def _split_titles(self, start: int, end: int) -> tuple[int, list[str]]:
        """First token of the bare name after leading titles and role nouns, and those words."""
        doc, roles = self.doc, []
        k = start
        while k < end - 1:
            low = doc[k].lower_.rstrip(".")
            if low in self.title_words or low in self.lexicon.roles or low in self.lexicon.gender or _is_modifier(doc[k], self):
                roles.append(low)
                k += 1
            else:
                break
        return k, roles

    def _organisation_words(self) -> frozenset[str]:
        return frozenset(w for words in self.lexicon.organisations.values() for w in words)

    def _build(self) -> None:
        doc = self.doc
        org_words = self._organisation_words()
        for start, end in self.name_runs():
            if doc[start].lower_ == "the" or doc[start].is_stop:
                start += 1
            if start >= end:
                continue
            name_start, title_words = self._split_titles(start, end)
            name = doc[name_start:end]
            words = [name_key(t.text) for t in name if not t.is_punct and t.text not in ("'", "\u2019")]
            if not words or all(w in self.titles or w in self.lexicon.roles for w in words):
                continue
            labels = {t.ent_type_ for t in name}
            is_org = bool(set(words) & org_words) or (
                "ORG" in labels and "PERSON" not in labels and not title_words and (len(words) == 1 or name.text.isupper()))
            is_place = not is_org and not title_words and "PERSON" not in labels and bool(labels & PLACE_TYPES) and (
                resolve_country(name.text) is not None or (name.root.dep_ == "pobj" and name.root.head.lower_ in LOCATIVE))
            kind = "organisation" if is_org else "place" if is_place else "person"
            entity = self._match(words, kind)
            if entity is None:
                entity = Entity(len(self.entities), kind, _name_text(name))
                self.entities.append(entity)
            elif len(words) > len(entity.name.split()):
                entity.name = _name_text(name)
            self._add_keys(entity, words)
            head = name[-1].i
            for t in doc[start:end]:
                self.by_token[t.i] = entity
                self.runs[t.i] = (start, end)
            entity.mentions.append(head)
            if name.root.dep_ in ("nsubj", "nsubjpass") or any(t.dep_ in ("nsubj", "nsubjpass") for t in name):
                entity.subject_mentions.append(head)
            for word in title_words:
                self._add_role(entity, word)
            self._appositions(entity, name)
        self._pronoun_votes()
        for entity in self.entities:
            if entity.gender is None and entity.votes:
                (top, n), *rest = entity.votes.most_common()
                if not rest or rest[0][1] < n:
                    entity.gender = top

    def _match(self, words: list[str], kind: str) -> Entity | None:
        full = " ".join(words)
        best = None
        for entity in reversed(self.entities):
            if full in entity.keys:
                return entity
            if best is None and len(words) == 1 and words[0] in entity.keys:
                best = entity
            if best is None and len(words) > 1 and entity.name and name_key(entity.name) in (words[-1], words[0]) \
                    and entity.kind == kind:
                best = entity
        return best

    @staticmethod
    def _add_keys(entity: Entity, words: list[str]) -> None:
        entity.keys.add(" ".join(words))
        if entity.kind == "person":
            entity.keys.update(w for w in words if w not in PARTICLES)
            if len(words) > 2:
                entity.keys.add(" ".join(words[-2:]))
        else:
            acronym = "".join(w[0] for w in words if w not in PARTICLES and w not in ("of", "for", "and"))
            if len(acronym) > 1:
                entity.keys.add(acronym)

    def _add_role(self, entity: Entity, word: str) -> None:
        low = word.lower().rstrip(".")
        for part in low.split():
            if part in self.lexicon.roles or part in self.titles:
                entity.roles.add(part)
            if part in self.lexicon.gender and entity.gender is None and entity.kind == "person":
                entity.gender = self.lexicon.gender[part]

    def _appositions(self, entity: Entity, name: Span) -> None:
        """Roles from "X, the transport minister," and "the minister, X,"; the organisation of "head of Y"."""
        root = name.root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.i > name.end - 1]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        for noun in nouns:
            if noun.pos_ not in ("NOUN", "PROPN") or noun.i in self.by_token:
                continue
            words = [t for t in noun.subtree if not self.in_quote[t.i]]
            if entity.role_text is None and words:
                entity.role_text = " ".join(doc_text_span(words).split())
            if entity.kind == "place":
                entity.kind = "person"
            self._add_role(entity, noun.lemma_)
            self._add_role(entity, noun.lower_)
            for child in noun.children:
                if child.dep_ == "compound":
                    self._add_role(entity, child.lower_)
            org = next((self.by_token[t.i] for t in noun.subtree if t.i in self.by_token and self.by_token[t.i] is not entity), None)
            if org is not None and org.kind == "organisation" and entity.kind == "person":
                entity.org = org.index

    def _pronoun_votes(self) -> None:
        """Gender evidence: he/she/his/her in a sentence (outside quotations) about one person only."""
        persons_by_sent: dict[int, set[int]] = {}
        for i, entity in self.by_token.items():
            if entity.kind == "person":
                persons_by_sent.setdefault(self.doc[i].sent.start, set()).add(entity.index)
        for sent in self.doc.sents:
            people = persons_by_sent.get(sent.start, set())
            if len(people) != 1:
                continue
            entity = self.entities[next(iter(people))]
            first = min(entity.mentions, key=lambda m: abs(m - sent.start))
            for tok in sent:
                if self.in_quote[tok.i] or tok.pos_ != "PRON" or tok.i < first:
                    continue
                gender = self.lexicon.gender.get(tok.lower_)
                if gender:
                    entity.votes[gender] += 1

    # ------------------------------------------------------------------ queries
    def entity_at(self, i: int) -> Entity | None:
        return self.by_token.get(i)

    def entity_in(self, span: Span) -> Entity | None:
        """The entity named in ``span`` (its last name token wins: "Minister Ana Pires")."""
        for tok in reversed(span):
            if tok.i in self.by_token:
                return self.by_token[tok.i]
        return None

    def named(self, text: str) -> Entity | None:
        """The entity a free-text name refers to (full name, surname or first name)."""
        words = [name_key(w) for w in text.split()]
        return self._match(words, "person") if words else None

    def recent(self, before: int, kinds: tuple[str, ...] = ("person",), gender: str | None = None,
               plural: bool | None = None, subjects_first: bool = False) -> Entity | None:
        """The entity of ``kinds`` mentioned last before token ``before`` (optionally of a gender)."""
        best, best_at = None, -1
        for entity in self.entities:
            if entity.kind not in kinds:
                continue
            if gender is not None and entity.gender not in (None, gender):
                continue
            if plural is not None and entity.kind == "unnamed" and entity.plural != plural:
                continue
            at = entity.last_before(before)
            if at > best_at:
                best, best_at = entity, at
        return best

    def paragraph_of(self, i: int) -> int:
        """0-based paragraph of token ``i``."""
        return max(0, bisect.bisect_right(self.paragraph_starts, self.doc[i].idx) - 1) if self.paragraph_starts else 0

    def person_for_pronoun(self, before: int, gender: str | None) -> Entity | None:
        """The person a he/she before token ``before`` refers to: the last one mentioned whose gender
        fits; a person known to have that gender wins over a more recent one of unknown gender when it
        was mentioned in the same or the previous paragraph."""
        compatible = [(e.last_before(before), e) for e in self.entities
                      if e.kind == "person" and e.gender in (None, gender) and e.last_before(before) >= 0]
        if not compatible:
            return None
        at, best = max(compatible, key=lambda pair: pair[0])
        if gender is not None and best.gender is None:
            known = [(a, e) for a, e in compatible if e.gender == gender]
            if known:
                known_at, known_best = max(known, key=lambda pair: pair[0])
                if self.paragraph_of(known_at) >= self.paragraph_of(at) - 1:
                    return known_best
        return best

    def with_role(self, role: str, before: int) -> Entity | None:
        """The person last mentioned before ``before`` who has ``role``."""
        matches = [e for e in self.entities if e.kind == "person" and role in e.roles and e.last_before(before) >= 0]
        if not matches:
            matches = [e for e in self.entities if e.kind == "person" and role in e.roles]
        return max(matches, key=lambda e: e.last_before(before)) if matches else None

    def organisation_for(self, noun: str, before: int) -> Entity | None:
        """The organisation that "the <noun>" refers to: one whose name has the noun or a word it stands for."""
        words = self.lexicon.organisations.get(noun, frozenset()) | {noun}
        matches = [e for e in self.entities if e.kind == "organisation" and words & {w for k in e.keys for w in k.split()}]
        if not matches:
            return None
        placed = [e for e in matches if e.last_before(before) >= 0]
        return max(placed or matches, key=lambda e: e.last_before(before))

    def add_unnamed(self, description: str, head: Token, plural: bool) -> Entity:
        """A new unnamed source described as written ("a senior official", "officials")."""
        key = name_key(description)
        for entity in self.entities:
            if entity.kind == "unnamed" and key in entity.keys:
                entity.mentions.append(head.i)
                return entity
        entity = Entity(len(self.entities), "unnamed", description, keys={key}, plural=plural, mentions=[head.i])
        self.entities.append(entity)
        return entity


def _is_modifier(tok: Token, model: DocumentModel) -> bool:
    """A capitalised word before a title that belongs to it ("Transport" in "Transport Minister X")."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None:
        return False
    low = nxt.lower_.rstrip(".")
    return tok.ent_type_ != "PERSON" and (low in model.title_words or low in model.lexicon.roles) and tok.i + 2 < len(doc) \
        and model._is_name_token(doc[tok.i + 2])


def _name_text(span: Span) -> str:
    text = span.text
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return " ".join(text.split()).strip(" ,;:")


def doc_text_span(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text


__all__ = ["Entity", "DocumentModel", "NON_AGENT_TYPES", "PLACE_TYPES", "name_key"]
