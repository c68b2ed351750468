"""The document model: the people and organisations a text mentions, and who each mention is.

Built once per Doc from the parse, before any quotation is attributed:

- **Names** are runs of capitalised tokens ("Transport Minister Ana Pires", "the Dockers' Guild",
  "O’Neill", "Yasmin al-Haddad", "St Aldric’s Hospital", "Ministry of Transport"). Leading titles
  (``titles.csv``), role nouns and honorifics (``speaker_lexicon.csv``) become roles; post-nominal
  letters ("KC") are dropped. Names inside quotations count for who is who (their roles, their
  full names) but not as mentions a pronoun can point back to.
- **One entity per referent**: a name joins an earlier entity when it is the same name, one of its
  words, or a run of its last words ("O'Neill" after "Jo O’Neill", ’ and ' equal; "Van den Akker"
  after "Joost van den Akker"); two candidates are told apart by gender or title ("Ms Park").
- **Kind** from the evidence of all mentions: a person (tagged PERSON, titled, given a person's
  role or gender), an organisation (an organisation word such as "Guild", tagged ORG), a place
  (tagged GPE/LOC and a known country, or after "in"/"at"), which is never a speaker.
- **What the text says about them**: roles from titles, appositions ("X, the union leader",
  "the minister, X"), relative clauses ("X, who chairs the board"), gender from honorifics, gendered
  role nouns and the pronouns of sentences about one person; coordinated names form **groups**
  ("X and Y said", later "they" or "the two ministers").
- **Pronoun chains**: a he/she/they subject outside quotations is resolved as the text goes, so a
  later pronoun can point back through it ("She finished on Sunday ..." -> the walker).

The entity sieves (:mod:`.entity_sieves`) ask it: which entity is this name, which person holds
this role, which organisation is "the union", who is the most salient person before this point.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from functools import lru_cache

from ..countries import resolve_country
from .lexicon import SpeakerLexicon

#: Entity types that are never speakers: dates, times and numbers.
NON_AGENT_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
#: Places: never a speaker found by the proper-noun fallback, and never a person of the model.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Events, works, laws and products: named, but they never speak ("the Calvera Open", "the Maritime Act").
THING_TYPES = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
#: Kinds of entity that never speak.
SILENT_KINDS = frozenset({"place", "thing"})
#: Prepositions after which a place-tagged name is a place ("in Lisbon").
LOCATIVE = frozenset({"in", "at", "near", "into", "across", "outside", "inside", "around", "through", "via", "off", "of",
                      "towards", "toward"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Verbs of asking: "X asked Y why ..." makes the next quoted he/she Y's answer.
QUESTION_VERBS = frozenset({"ask", "question", "press"})
#: Verbs of a reply: the one who replies is not the one who spoke the turn before ("X asked Y: '...?' '...,' she replied").
REPLY_VERBS = frozenset({"reply", "respond", "answer", "retort"})
COUNTS = {"two": 2, "three": 3, "four": 4, "both": 2}
#: Clauses whose subject is not the sentence's topic ("Asked whether X would survive, Y was brief").
SUBORDINATE = frozenset({"advcl", "relcl", "acl", "csubj", "pcomp"})
PRONOUN_GENDER = {"he": "m", "she": "f"}
#: Punctuation that never begins or ends a name or a description: quotation marks, dashes, commas.
EDGE_PUNCTUATION = " ,;:\"\u201c\u201d\u2018\u2013\u2014-"
#: Words after which a capital letter says nothing about a name.
OPENERS = frozenset({":", ";", ".", "!", "?", "(", "[", "-", "\u2013", "\u2014", "\u2026"})


@lru_cache(maxsize=4096)
def _is_country(name: str) -> bool:
    return resolve_country(name) is not None


def name_key(text: str) -> str:
    """A name as compared: casefolded, ’ as ', possessive and surrounding punctuation dropped."""
    key = " ".join(text.replace("\u2019", "'").casefold().split())
    for suffix in ("'s", "'"):
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            key = key[: -len(suffix)]
            break
    return key.strip(" ,.;:")


@dataclass(eq=False)
class Entity:
    """A person, organisation, place or unnamed source of the document."""

    index: int
    kind: str  # "person" | "organisation" | "place" | "thing" (an event, work or law) | "unnamed"
    name: str  # fullest name in the text, without titles (an unnamed source: its description)
    keys: set[str] = field(default_factory=set)  # full-name and short-name keys it answers to
    roles: set[str] = field(default_factory=set)  # lower-case role nouns ("minister", "deputy")
    role_text: str | None = None  # the first apposition, as written
    gender: str | None = None
    plural: bool = False
    mentions: list[int] = field(default_factory=list)  # token indices of mentions outside quotations
    subject_mentions: list[int] = field(default_factory=list)  # ... of those that are clause subjects
    main_mentions: list[int] = field(default_factory=list)  # ... of those that are subjects of a main clause
    org: int | None = None  # index of the organisation a person speaks for
    votes: Counter = field(default_factory=Counter)  # gender votes from pronouns
    labels: Counter = field(default_factory=Counter)  # entity labels of its mentions
    label_votes: list = field(default_factory=list)  # (labels of one mention, how many words it has)
    scores: Counter = field(default_factory=Counter)  # the evidence the kind was decided on
    text_roles: set[str] = field(default_factory=set)  # nouns the text gives it beyond the lexicon ("toxicologist")
    evidence: Counter = field(default_factory=Counter)  # person / organisation / place evidence
    head: str = ""  # an unnamed source's head noun ("diplomat")
    honorifics: set[str] = field(default_factory=set)  # gendered honorifics the text uses for it ("mrs", "miss")

    def last_before(self, i: int, subjects: bool | str = False) -> int:
        """Token index of the entity's last (subject, or ``"main"`` clause subject) mention before ``i`` (-1: none)."""
        mentions = self.main_mentions if subjects == "main" else self.subject_mentions if subjects else self.mentions
        k = bisect.bisect_left(mentions, i)
        return mentions[k - 1] if k else -1


@dataclass
class Group:
    """Entities named together ("X and Y"), at token ``at``."""

    members: list[Entity]
    at: int
    mentions: list[int] = field(default_factory=list)  # later plural descriptions that refer to it
    end: int | None = None  # last token of the coordination itself ("X and Y"), when known

    def last_before(self, i: int) -> int:
        return max([m for m in [self.at, *self.mentions] if m < i], default=-1)


class DocumentModel:
    """The entities of one Doc and the token -> entity map of their mentions."""

    def __init__(self, doc: Doc, lexicon: SpeakerLexicon, titles: frozenset[str], in_quote: list[bool],
                 paragraph_starts: tuple[int, ...] = (), cue_verbs: frozenset[str] = frozenset(),
                 common_nouns: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.common_nouns = common_nouns  # English common nouns: "Sheriff", "Passenger" before a name are roles
        self.cue_verbs = cue_verbs  # reporting verbs and nouns: their subject or owner speaks, so it is no place
        self.tokens: list[Token] = list(doc)  # spaCy builds a Token object on every access: build them once
        self.paragraph_starts = paragraph_starts  # character offsets where paragraphs start
        self.lexicon = lexicon
        self.particles = lexicon.particles  # "van", "al", "ap", "Ó": inside names, never a short name alone
        self.inner_particles = lexicon.inner_particles  # "an" of "Mac an Bhaird": a particle only after another one
        self.titles = titles
        self.title_words = frozenset(w.rstrip(".") for t in titles for w in t.split() if w not in ("of", "the", "for", "and"))
        self.org_words = frozenset(w for words in lexicon.organisations.values() for w in words) | frozenset(
            lexicon.organisations)
        self.in_quote = in_quote
        self.entities: list[Entity] = []
        self.by_token: dict[int, Entity] = {}
        self.runs: dict[int, tuple[int, int]] = {}  # token index -> (start, end) of its name (titles included)
        self.groups: list[Group] = []
        self._affiliations: dict[int, tuple[int, int]] = {}  # first token of a name -> the organisation words of its title
        self.described: dict[int, Entity] = {}  # head noun of a description set off before a name -> that entity
        self.apposed: dict[int, int] = {}  # token of such a name -> the head noun of the description before it
        self.sources: dict[int, int] = {}  # role noun of "a <name> spokesperson" -> where that unnamed source starts
        self.pronoun_refs: dict[int, Entity] = {}  # pronoun (and "the <role>") subjects outside quotations -> the entity
        self._first: dict[int, bool] | None = None
        self._ambiguous: set[int] = set()  # tokens of short names two entities answer to, until they are settled
        self._deferred_votes: dict[int, list[str]] = {}  # such a token -> the genders of pronouns its clause uses
        self._build()

    # ------------------------------------------------------------------ name runs
    def _is_name_token(self, tok: Token) -> bool:
        """A capitalised word that can belong to a name. The tagger's labels are evidence, not the rule:
        a proper noun tagged DATE ("14:40 Islands First") is a name unless it is a calendar word, and a
        capitalised word inside a sentence is a name whatever its part of speech ("O’Kelly" as ADV)."""
        if not (tok.text[:1].isupper() or _prefixed_capital(tok.text)) or not any(c.isalpha() for c in tok.text) \
                or tok.lower_ == "i":
            return False
        if tok.ent_type_ in NON_AGENT_TYPES and not (tok.pos_ == "PROPN" and tok.is_alpha
                                                      and tok.lower_.rstrip(".") not in self.lexicon.calendar):
            return False
        if tok.pos_ == "PROPN" or (tok.ent_type_ and tok.pos_ != "VERB"):
            return True
        if tok.is_sent_start or tok.is_stop or tok.lower_.rstrip(".") in self.lexicon.calendar:
            return False
        if tok.ent_type_:
            return True  # "Mr Liam O’Rourke" with the surname tagged as a verb
        if self._opens_clause(tok):
            return False  # "- Counsel for the families, X": capitalised where a sentence or attribution starts
        return tok.pos_ in ("NOUN", "ADJ", "X", "ADV", "INTJ")

    def _opens_clause(self, tok: Token) -> bool:
        """The word follows a quotation mark, a colon, a dash or a sentence end: capitalised for that reason."""
        i = tok.i - 1
        while i >= 0 and self.tokens[i].is_space:
            i -= 1
        if i < 0 or self.tokens[i].text in OPENERS:
            return True
        return self.tokens[i].is_quote and self.in_quote[tok.i]  # an opening mark, not a closing one ('..." Pires said')

    def _joins(self, j: int, start: int) -> int:
        """How many tokens at ``j`` continue the name run that started at ``start`` (0: it ends)."""
        doc = self.tokens
        tok, prev = doc[j], doc[j - 1]
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        nxt_name = nxt is not None and self._is_name_token(nxt)
        if self._is_name_token(tok) and not (prev.is_punct and prev.text not in "-\u2010"):
            return 1
        if tok.text == "." and nxt_name and self._initial_stop(j, start):
            return 2  # "Ch. Satyanarayana Varma": an initial's full stop is inside the name
        if tok.text == "." and nxt is not None and nxt.is_space and "\n\n" not in nxt.text and not tok.whitespace_ \
                and j + 2 < len(doc) and self._is_name_token(doc[j + 2]) and self._initial_stop(j, start, wrapped=True) \
                and self.paragraph_of(j + 2) == self.paragraph_of(j - 1):
            return 3  # "said Capt.\nSamuel X": a hard line wrap right after an abbreviated title's stop
        if tok.text in ("-", "\u2010") and not prev.whitespace_ and not tok.whitespace_ and nxt is not None and (
                nxt.is_alpha or (nxt_name and nxt.text.replace("\u2019", "").replace("'", "").isalpha())):  # "Rhys-O’Connell"
            if nxt.is_lower and nxt.tag_ == "VBN" and j + 2 < len(doc) and self._is_name_token(doc[j + 2]):
                return 0  # "Singapore-based Pacific Rim Logistics", "state-owned X": a modifier before the name
            return 2  # "Seo-yun", "al-Haddad", "Mensah-Bonsu"
        if tok.lower_ in self.particles and nxt is not None and (nxt_name or nxt.lower_ in self.particles or (
                nxt.text == "-" and not tok.whitespace_)):
            return 1
        if tok.lower_ in self.particles and prev.whitespace_ and nxt is not None and nxt.is_space and "\n\n" not in nxt.text \
                and j + 2 < len(doc) and self._is_name_token(doc[j + 2]) and not self.in_quote[j + 2] \
                and self.paragraph_of(j + 2) == self.paragraph_of(j - 1):
            return 1  # "Thaddeus van der\nMerwe": a hard line wrap after a particle (the wrap then joins as a space)
        if tok.lower_ in self.inner_particles and prev.lower_ in self.particles and nxt_name:
            return 1  # "Mac an Bhaird", "Nic an tSaoir": the Irish article between a particle and the surname
        if tok.is_space and "\n\n" not in tok.text and nxt_name and not self.in_quote[j + 1] \
                and self.paragraph_of(j + 1) == self.paragraph_of(j - 1):
            return 2  # a name broken by a hard line wrap ("said Huw\nEllis")
        if tok.is_space and "\n\n" not in tok.text and nxt is not None and not nxt.is_space and not self.in_quote[j + 1] \
                and self.paragraph_of(j + 1) == self.paragraph_of(j - 1) and not prev.is_punct:
            step = self._joins(j + 1, start)  # a hard line wrap is a space: "Minister of State\nfor Digital Development X"
            if step:
                return step + 1
        if tok.text.isdigit() and len(tok.text) <= 4 and not (len(tok.text) == 4 and 1800 <= int(tok.text) <= 2100) \
                and prev.text[:1].isupper() and prev.is_alpha and self._common(prev.lower_) and prev.whitespace_ \
                and any(name_key(t.text) in self.org_words for t in doc[start:j]):
            return 1  # "Drivers and Warehouse Workers Union Local 17", "Legion Post 12": the number of a branch is part of
            # an organisation's name (not a year: "the Health Ministry 2024 report")
        if tok.text in ("&", "+") and nxt_name and tok.whitespace_:
            return 2  # "Halloway & Sons"
        if tok.lower_ == "and" and nxt_name and tok.ent_type_ == "ORG" and tok.ent_iob_ == "I" and nxt.ent_iob_ == "I" \
                and self._org_entity_end(tok) in self.org_words:
            return 2  # "the Rail and Transport Workers' Union": the tagger's one organisation runs across "and"
            # (not "X and Y" the tagger took for one organisation: its last word is no organisation word)
        conj = tok  # "and", or "and" after the apostrophe of a plural possessive ("Drivers’ and")
        if tok.text in ("'", "\u2019") and prev.lower_.endswith("s") and nxt is not None and nxt.lower_ == "and":
            conj = nxt
        if conj.lower_ == "and" and conj.i + 1 < len(doc) and self._is_name_token(doc[conj.i + 1]) and (
                (start > 0 and self._word_before(start).lower_ == "the") or doc[start].lower_ == "the"  # "The X and Y Union" opening a sentence
                or (conj != tok and (doc[start].is_sent_start or self._opens_clause(doc[start])))) \
                and self._org_entity_end(conj) in self.org_words and not any(
                    name_key(t.text) in self.org_words | self.title_words for t in doc[start:j]):
            return conj.i - j + 2  # "the Culloden and Balloch Community Council", "the Drivers’ and Operatives’ Union":
            # one "the" before both words and one organisation word after them: one organisation
        if tok.text in (",", "and") and any(t.lower_ in ("of", "for") for t in doc[start:j]) and self._common(prev.lower_):
            listed = self._listed_portfolio(j)
            if listed:
                return listed  # "Department for Culture, Media and Sport"
            words = {name_key(t.text) for t in doc[start:j]}
            last = self._org_entity_end(tok)
            if tok.lower_ == "and" and nxt_name and words & self.org_words and self._plural_common(last):
                return 2  # "Brotherhood of Foundry and Allied Workers", "Union of Shop, Distributive and Allied Workers":
                # an organisation's "of" phrase that ends in the plural of the people it organises
        if tok.text in ("'", "\u2019") and nxt_name and prev.lower_.endswith("s") and nxt.ent_type_ != "NORP" \
                and nxt.lower_ not in self.lexicon.demonyms:
            return 2  # "Dockers' Guild"; not "Kelburn Rovers' Brazilian striker X"
        if tok.text in ("'", "\u2019") and prev.lower_.endswith("s") and nxt is not None and nxt.is_space \
                and "\n\n" not in nxt.text and j + 2 < len(doc) and not self.in_quote[j + 2] \
                and self._is_name_token(doc[j + 2]) and self._org_entity_end(nxt) in self.org_words \
                and self.paragraph_of(j + 2) == self.paragraph_of(j - 1):
            return 3  # "Boat Operators’\nFederation": a hard line wrap after a plural possessive inside the name
        if tok.text in ("'s", "\u2019s") and nxt_name and name_key(nxt.text) in self.org_words:
            return 2  # "St Aldric’s Hospital"
        if tok.text in ("'s", "\u2019s") and nxt_name and self._org_entity_end(tok) in self.org_words and (
                (j - start == 1 and self._word_before(start).lower_ == "the") or (j - start == 2 and doc[start].lower_ == "the")):
            return 2  # "the Women's Football Medical Panel", "the Children's Rights Alliance": one organisation's name
        if tok.text in ("'s", "\u2019s") and nxt_name and tok.ent_iob_ == "I" and nxt.ent_iob_ == "I" \
                and prev.ent_type_ not in PLACE_TYPES and prev.ent_type_ != "NORP" and not _is_country(prev.text) \
                and self._org_entity_end(tok) in self.org_words:
            return 2  # "Anna’s Law Campaign": a name and its possessive inside the tagger's one entity, before an
            # organisation word, open the organisation's name (not a place's: "Britain’s Labour Party")
        if tok.lower_ in ("of", "for") and nxt is not None and prev.ent_type_ != "PERSON":
            target = doc[j + 2] if nxt.lower_ == "the" and j + 2 < len(doc) else nxt
            words = {name_key(t.text) for t in doc[start:j] if not t.is_space}
            bare = j - start - (doc[start].lower_ == "the")  # "The Port of X Authority" opening a sentence: one word
            org_like = bool(words & self.org_words) or words - {"of", "for", "the", "and"} <= self.title_words or bare == 1 \
                or (j - start >= 2 and self._plural_common(prev.lower_))  # "Rural Bus Operators of Missouri"
            trade = self.lexicon.organisations.get("company", frozenset()) - {"company", "corporation", "corp", "group"}
            if tok.lower_ == "of" and j - start >= 2 and name_key(prev.text) in trade:
                return 0  # "X Shipping of Piraeus", "Y Bulk Carriers of Limassol": a firm's name ends with its trade or
                # legal word; "of" a place gives its seat (not "Union of Victoria", "Department of Health", nor the
                # public bodies "Municipal Corporation of Delhi", "Company of Watermen", "Group of Seven")
            if self._is_name_token(target) and org_like:
                return 2 if target is nxt else 3  # "Ministry of Transport", "Office of the Data Commissioner"
        return 0

    def _hyphen_joined(self, i: int) -> bool:
        """Token ``i`` follows a hyphen written against both words ("Pattnaik-Das", "Sen-Mallick"): the two are one
        word of a name, as :meth:`_words` compares them."""
        toks = self.tokens
        return i >= 2 and toks[i - 1].text in ("-", "\u2010") and not toks[i - 1].whitespace_ \
            and not toks[i - 2].whitespace_ and toks[i - 2].is_alpha and toks[i].text[:1].isupper()

    def _word_before(self, i: int) -> Token:
        """The token before ``i``, over a line break inside a paragraph ("the\\nTransport and Allied Workers' Union")."""
        k = i - 1
        while k > 0 and self.tokens[k].is_space and "\n\n" not in self.tokens[k].text:
            k -= 1
        return self.tokens[max(k, 0)]

    def _initial_stop(self, j: int, start: int, wrapped: bool = False) -> bool:
        """The full stop at ``j`` ends an initial of the run (one or two letters, capitalised, the stop written
        against it, one space after): "Ch. Satyanarayana Varma" when the tokenizer splits "Ch" from its stop."""
        if j - 1 < start:
            return False
        stop, initial = self.tokens[j], self.tokens[j - 1]
        low = initial.lower_
        return not initial.whitespace_ and (stop.whitespace_ == " " or wrapped) and initial.is_alpha and initial.text[:1].isupper() \
            and (len(initial.text) <= 2 or low in self.lexicon.roles or low in self.title_words)  # "Coun. X", "Supt. Y"

    def _org_entity_end(self, tok: Token) -> str:
        """The last word of the capitalised words after ``tok`` (apostrophes of a plural possessive on the way,
        "Drink Workers' Guild"), as compared."""
        k, last = tok.i + 1, ""
        while k < len(self.tokens) and (self._is_name_token(self.tokens[k]) or (
                self.tokens[k].text in ("'", "\u2019") and self.tokens[k - 1].lower_.endswith("s"))):
            if self._is_name_token(self.tokens[k]):
                last = name_key(self.tokens[k].text)
            k += 1
        return last

    def _listed_portfolio(self, j: int) -> int:
        """Tokens from ``j`` that continue a list of capitalised common nouns after "of"/"for" up to its "and"
        ("..., Media and Sport"): the portfolio of one organisation's name, 0 when there is no such list."""
        doc, k, closed = self.tokens, j, False
        while k + 1 < len(doc) and doc[k].text in (",", "and") and not closed:
            word = doc[k + 1]
            if not (word.text[:1].isupper() and word.is_alpha and self._common(word.lower_)):
                return 0
            closed = doc[k].text == "and"
            k += 2
        return k - j if closed else 0

    def _party_tags(self) -> set[int]:
        """Tokens of party-and-state tags set off after a name ("Sen. X, D-N.M., said", "Rep. Y, R-Ariz."):
        a party letter, a hyphen and an abbreviation between commas. They name no one."""
        doc, tags = self.tokens, set()
        for i in range(1, len(doc) - 3):
            letter, dash, abbrev, close = doc[i], doc[i + 1], doc[i + 2], doc[i + 3]
            if doc[i - 1].text == "," and len(letter.text) == 1 and letter.is_upper and dash.text in ("-", "\u2010") \
                    and not letter.whitespace_ and abbrev.text[:1].isupper() and (abbrev.text.endswith(".") or abbrev.is_upper) \
                    and close.text in (",", ")", ".", ";"):
                tags.update((i, i + 1, i + 2))
        return tags

    def name_runs(self) -> list[tuple[int, int]]:
        """(start, end) token ranges of capitalised name runs (inside quotations too)."""
        doc, runs, i = self.tokens, [], 0
        while i < len(doc):
            tok = doc[i]
            starts = self._is_name_token(tok) or (tok.lower_ in self.particles and i + 1 < len(doc)
                                                  and self._is_name_token(doc[i + 1]) and doc[i + 1].ent_type_ == "PERSON") or (
                tok.is_sent_start and tok.text[:1].isupper() and tok.pos_ in ("NOUN", "PROPN") and i + 2 < len(doc)
                and doc[i + 1].lower_ == "of" and self._is_name_token(doc[i + 2] if doc[i + 2].lower_ != "the" else doc[i + 3])) or (
                tok.is_sent_start and tok.text[:1].isupper() and tok.pos_ in ("NOUN", "ADJ") and not tok.is_stop
                and tok.dep_ == "compound" and tok.head.i == i + 1 and self._is_name_token(doc[i + 1])) or (  # "Northshire Police"
                self._opens_clause(tok) and tok.is_alpha and tok.text[:1].isupper() and tok.pos_ == "ADJ" and not tok.is_stop
                and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "PROPN" and i < tok.head.i <= i + 4
                and tok.lower_ not in self.title_words and tok.lower_ not in self.lexicon.roles
                and tok.lower_ not in self.lexicon.modifiers
                and all(self._is_name_token(t) for t in doc[i + 1:tok.head.i + 1])) or (  # "– Western Cape X Forum"
                self._given_opening(i)) or (  # "Piers X KC, for the operator, said"
                tok.is_sent_start and tok.text[:1].isupper() and tok.lower_.endswith("s") and i + 3 < len(doc)
                and doc[i + 1].text in ("'", "\u2019") and doc[i + 2].lower_ == "and" and self._is_name_token(doc[i + 3])
                and self._org_entity_end(doc[i + 2]) in self.org_words) or (  # "Dockers’ and Riggers’ Union X ..." opening a sentence
                tok.is_sent_start and tok.is_alpha and tok.text[:1].isupper() and i + 1 < len(doc)
                and tok.lower_ in self.title_words and self._is_name_token(doc[i + 1]))  # "Ms Carys X, 44, wept": a title opening it
            if not starts or i in self.party_tags:
                i += 1
                continue
            j = i + 1
            while j < len(doc) and self.in_quote[j] == self.in_quote[i]:
                step = self._joins(j, i)
                if not step:
                    break
                j += step
            while j - 1 > i and ((doc[j - 1].lower_ in self.particles and not self._hyphen_joined(j - 1))
                                 or doc[j - 1].is_punct):
                j -= 1  # "X du" of "X du\n..." ends at X; not "Pattnaik-Das": a hyphen makes one word of the surname
            runs.append((i, j))
            i = j
        runs = self._particle_openings(runs)
        # a capitalised word the tagger missed (a sentence-initial "Pires") that repeats a word of a longer name
        covered = {k for a, b in runs for k in range(a, b)}
        words = {name_key(doc[k].text) for a, b in runs if b - a > 1 for k in range(a, b)} - self.title_words
        extra = [(k, k + 1) for k, tok in enumerate(self.tokens) if k not in covered and tok.text[:1].isupper()
                 and _word_shaped(tok.text) and name_key(tok.text) in words]
        return sorted(runs + extra)

    def _particle_openings(self, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Runs that a lower-case particle before them belongs to: "al-Khatib said" (a particle joined by a hyphen
        always opens the name) and "du Toit said" after "X du Toit" (the particle and the words after it end a
        longer name of the text). A particle alone is never the name, so the surname keeps it. Likewise the first
        part of a double surname the run missed ("X-Y" opening a sentence) when the text gave it whole."""
        doc = self.tokens
        full = {tuple(name_key(t.text) for t in doc[a:b] if not t.is_space) for a, b in runs if b - a > 1}
        ends = {words[k:] for words in full for k in range(1, len(words))}
        out = []
        for a, b in runs:
            k = a
            if k >= 2 and doc[k - 1].text in ("-", "‐") and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_ \
                    and doc[k - 2].lower_ in self.particles and doc[k - 2].text[:1].islower():
                k -= 2  # "al-Khatib", "el-Sayed"
            while k >= 1 and doc[k - 1].lower_ in self.particles and doc[k - 1].text[:1].islower() and doc[k - 1].whitespace_ \
                    and tuple(name_key(t.text) for t in doc[k - 1:b] if not t.is_space) in ends \
                    and self.in_quote[k - 1] == self.in_quote[a]:
                k -= 1  # "du Toit", "van der Berg" after the full name
            if k == a and k >= 2 and doc[k - 1].text in ("-", "\u2010") and not doc[k - 1].whitespace_ \
                    and not doc[k - 2].whitespace_ and doc[k - 2].text[:1].isupper() and doc[k - 2].is_alpha \
                    and tuple(name_key(t.text) for t in doc[k - 2:b] if not t.is_space) in full | ends:
                k -= 2  # "X-Y told reporters" opening a sentence, after "Anne X-Y"
            out.append((k, b))
        return out

    def _organisation_name(self, run: Span) -> bool:
        """An organisation word ends the name, or comes before its "of" ("Foreign Ministry", "Ministry of X").
        A hyphenated word is one word ("Growers’ Co-operative", "Kestrel Co-op"), as the lexicon writes it."""
        words = [w for w in self._words(run) if any(c.isalnum() for c in w)]
        if not words:
            return False
        if len(words) == 2 and words[0] in self.lexicon.gender and words[0] in self.title_words:
            return False  # "Mr Lines", "Dr Mills", "Ms Banks": an honorific before one word names a person
        if len(words) > 2 and words[1] in ("of", "for") and words[0] in self.title_words and words[0] not in self.org_words:
            return False  # "Minister for Water", "Secretary of State for Energy": an office and its portfolio
        heads = {words[-1]} | {words[k - 1] for k, w in enumerate(words) if w in ("of", "for") and k}
        return bool(heads & self.org_words)

    def _split_titles(self, start: int, end: int) -> tuple[int, int, list[str]]:
        """The bare name inside a run: (first, end) after leading titles and trailing post-nominals.

        Titles are the words of ``titles.csv``, role nouns and honorifics, and what belongs to them: the
        words before a title ("Parliamentary Affairs Minister"), "-elect", a portfolio after "for"/"of"
        ("Minister for Housing Siobhán O’Rourke-Dempsey": the name is the last two words, or where the
        tagger's PERSON starts), and a common noun before a name of two words or more ("Sheriff
        Katrina Balfour-Oduya", "Passenger Everett Langston-Price") that the tagger does not call a name."""
        doc, roles = self.doc, []
        toks = self.tokens  # doc[i] builds a new Token; the model's list does not
        k = start
        if self._given_after_role(start, end):
            return start, end, roles  # "manager Dean X": a role noun already introduces the name
        while k < end - 1:
            low = toks[k].lower_.rstrip(".")
            if roles and k > start and self._given_after_role(k, end):
                break  # "Coach Dean X": a title already introduces the name
            if k + 2 < end and self._hyphen_joined(k + 2) and name_key(toks[k + 2].text) not in self.title_words \
                    and toks[k + 2].lower_ not in self.lexicon.roles and toks[k + 2].lower_ not in ("elect", "designate"):
                break  # "Sen-Mallick", "Sheikh-Tait": a word hyphenated to a name word is one word of a double surname,
                # not a title (but "Vice-President X", "President-elect X")
            if low in self.title_words or low in self.lexicon.roles or low in self.lexicon.gender or self._is_modifier(k, end):
                roles.append(low)
                k += 1
                if k < end - 1 and toks[k].text == "." and not toks[k - 1].whitespace_:
                    k += 1  # the stop of an abbreviated title the tokenizer split off ("Coun. X")
                while k < end - 1 and toks[k].is_space:
                    k += 1  # a hard line wrap after the title ("Capt.\nSamuel X")
            elif roles and toks[k].text in ("-", "\u2010") and k + 1 < end and toks[k + 1].lower_ in ("elect", "designate"):
                roles.append(toks[k + 1].lower_)  # "President-elect"
                k += 2
            elif roles and low in ("of", "for") and k + 1 < end:
                words = self._word_starts(k + 1, end)
                if len(words) < 3:
                    break  # "Minister of Labour": a title without a name
                person = next((w for w in words[1:] if toks[w].ent_type_ == "PERSON" and toks[w].ent_iob_ == "B"), None)
                if person is None:  # "Minister of State for Housing Siobhán Ní Bhriain": the portfolio is titles and common nouns
                    person = next((w for n, w in enumerate(words[1:-1], start=1) if self._is_name_token(toks[w])
                                   and name_key(toks[w].text) not in self.title_words and not self._common(toks[w].lower_)
                                   and toks[w].lower_ not in self.particles), None)
                at = words.index(person) if person is not None else 0
                while at > 1 and toks[words[at - 1]].lower_ in self.particles:
                    at -= 1  # "Ciarán Mac Giolla Phádraig" tagged from "Giolla": the particle opens the surname
                if person is not None and at > 1 and toks[words[at]].lower_ not in self.particles:
                    while at > 1 and self._given_before(toks[words[at - 1]]):
                        at -= 1  # "Leader of the Opposition Ravi Pal Singh" tagged from "Pal": a name word
                    person = words[at]  # before the span that is no common noun, title or place is the name's
                if at > 1 and toks[words[at]].lower_ in self.particles:
                    given = toks[words[at - 1]]  # "... for Health Deirdre Ní Fhlatharta": the tagger's
                    if self._is_name_token(given) and name_key(given.text) not in self.title_words \
                            and not self._common(given.lower_) and given.lower_ not in self.particles:
                        person = given.i  # person starts at the particle; the given name before it is the name's
                k = person if person is not None else words[-2]
                roles.extend(t.lower_ for t in doc[start:k])
                break
            else:
                break
        words = self._word_starts(k, end)
        trail = 0  # post-nominal letters after the name ("Jane X SC"): the surname is the word before them
        while len(words) - trail > 1 and toks[words[-1 - trail]].lower_.rstrip(".") in self.lexicon.postnominal:
            trail += 1
        last_end = words[len(words) - trail] if trail else end
        last = doc[words[-1 - trail]:last_end].text.lower().strip() if words else ""  # "Langston-Price" is no common noun
        surname_like = len(last) == 2 and last.isalpha() and toks[words[-1 - trail]].text.istitle() and last not in self.org_words
        # "Ng", "Wu": the word list's "ng" (nanogram) is an abbreviation, no noun a name ends with
        # a noun for a person opening the run ("Rancher Tom Kettering", "Neighbour Jo Alder") says a name follows, even
        # when the surname is also a word-list noun ("Kettering", "Baker"), unless the run ends like an organisation
        person_noun = len(words) - trail >= 3 and last not in self.org_words and (
            toks[words[0]].lower_ in self.lexicon.unnamed or self._agent_before(toks[words[0]], toks[words[1]]))
        personal = (last not in self.common_nouns or surname_like or person_noun) and not self._plural_common(last) and not any(toks[w].lower_ in ("of", "for", "&", "and") for w in words)
        while personal and len(words) - trail >= 3 and self._role_before_name(toks[words[0]]):
            roles.append(toks[words[0]].lower_)
            k = words[1]
            words = words[1:]
        later = self._later_role(words)
        if later is not None:  # "Sonoran Power & Light CEO Beatriz X", "Yarrabee Shire Mayor X": what comes before the role is its organisation
            roles.extend(toks[w].lower_ for w in words[:later + 1])
            singular = self._singular_role(toks[words[later]])
            roles.extend([singular] if singular else [])
            self._affiliations[words[later + 1]] = (words[0], words[later])
            k = words[later + 1]
        while end - 1 > k and toks[end - 1].lower_.rstrip(".") in self.lexicon.postnominal:
            end -= 1
        return k, end, roles

    def _given_after_role(self, start: int, end: int) -> bool:
        """The first of two name words is a given name that is also a role noun ("manager Dean X", "Coach Dean Y"):
        a role noun or title right before the name already says what the person is, and English stacks a title
        after a role ("party leader Senator X") but not a second role noun. A word of ``titles.csv`` keeps its
        title reading, and so does a role after a modifier or a head's word ("Deputy Director X", "Chief
        Executive Y")."""
        toks = self.tokens
        first, before = toks[start], self._word_before(start)
        low, prev = first.lower_, before.lower_.rstrip(".")
        if not (start > 0 and len(self._word_starts(start, end)) == 2 and first.is_alpha and first.text[:1].isupper()
                and low in self.lexicon.roles and low not in self.title_words and low not in self.lexicon.gender
                and not self.in_quote[before.i]):
            return False
        if before.is_lower:
            return before.is_alpha and prev in self.lexicon.roles
        return prev in self.title_words | self.lexicon.roles and prev not in self.lexicon.modifiers \
            and self.lexicon.role_class.get(prev) != "head"  # "Coach Dean X", not "Chief Executive X"

    def _given_opening(self, i: int) -> bool:
        """A capitalised word opening a sentence right before the tagger's person span of one word (and any
        post-nominal letters) is that person's given name, whatever the tagger calls it ("Piers X KC said",
        "Rose Y said"), unless it is a word for what people are (a role, an unnamed source, a title, an
        organisation, a group): "Pensioners X and Y", "Officer X"."""
        doc, tok = self.tokens, self.tokens[i]
        if not (tok.is_sent_start and tok.is_alpha and tok.text[:1].isupper() and not tok.is_stop and not tok.ent_type_
                and tok.pos_ in ("NOUN", "PROPN") and i + 1 < len(doc) and doc[i + 1].lower_ not in self.particles
                and doc[i + 1].ent_type_ == "PERSON" and doc[i + 1].ent_iob_ == "B"):
            return False
        k = i + 2
        while k < len(doc) and doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "I":
            if doc[k].lower_.rstrip(".") not in self.lexicon.postnominal and doc[k].text not in ("-", "\u2010"):
                return False  # the tagger's person has a given name of its own
            k += 1
        lex = self.lexicon
        words = {tok.lower_, tok.lemma_.lower()}
        return not words & (lex.roles | lex.unnamed | self.title_words | set(lex.gender) | set(lex.organisations)
                            | lex.group_nouns | lex.demonyms | lex.places | lex.calendar | set(lex.ages)) \
            and not any(w.endswith(s) for w in words for s in lex.agent_suffixes) and not self.derived_agent(tok.lower_)

    def _given_before(self, tok: Token) -> bool:
        """A capitalised word before a surname after a portfolio that belongs to the name: no common noun,
        title, role, organisation or place word, or particle ("Opposition", "Health" stay in the portfolio)."""
        low = name_key(tok.text)
        return self._is_name_token(tok) and tok.is_alpha and not self._common(tok.lower_) and low not in self.title_words \
            and low not in self.lexicon.roles and low not in self.org_words and low not in self.lexicon.places \
            and low not in self.particles and tok.ent_type_ not in PLACE_TYPES and tok.ent_type_ != "NORP"

    def _portfolio_title(self, name: Span, words: list[str]) -> bool:
        """A title with its portfolio and no name ("Manitoba's Health Minister, X, said", "the Public Works
        Minister"): the last word is a title or role, the words before it are English common nouns, and none
        is a given name or in the tagger's person span ("Carol King" is a person). The person is named apart."""
        if len(words) < 2 or (words[-1] not in self.title_words and words[-1] not in self.lexicon.roles):
            return False
        if any(t.ent_type_ == "PERSON" for t in name):
            return False
        return all(w in self.common_nouns and w not in self.lexicon.gender and w not in self.particles
                   for w in words[:-1])

    def _classifier_before(self, start: int, end: int) -> int:
        """How many words at the start of a run only say what the organisation named after them is: a noun
        for an organisation opening the sentence ("Brokerage Dalal & Co raised ..."), or a plural noun and
        "of" ("Shares of Lumora Inc. fell"), before a name that is an organisation's by itself (it ends
        with an organisation word). "Friends of the Downs" keeps its first word: "the Downs" is no
        organisation's name."""
        tok = self.tokens[start]
        if not (tok.is_sent_start or self._opens_clause(tok)):
            return 0
        skip = 1 if tok.lower_ in self.lexicon.organisations else 0
        if not skip and tok.tag_ in ("NNS", "NNPS") and start + 1 < end and self.tokens[start + 1].lower_ == "of":
            skip = 2
        rest = self._words(self.doc[start + skip:end]) if skip else []
        return skip if len(rest) >= 2 and rest[-1] in self.org_words and rest[0] not in self.org_words else 0

    def _role_word(self, tok: Token) -> bool:
        """A capitalised title or role word, singular or plural ("Mayor", "CEO", "Councillors", "Sen.")."""
        low = tok.lower_.rstrip(".")
        return tok.text[:1].isupper() and (low in self.title_words or low in self.lexicon.roles
                                           or self._singular_role(tok) is not None)

    def _singular_role(self, tok: Token) -> str | None:
        """The role a plural title names ("Councillors X and Y", "Senators X and Y"), else None."""
        low = tok.lower_
        for stem in (low[:-1], low[:-2]) if low.endswith("s") else ():
            if stem in self.lexicon.roles:
                return stem
        return None

    def _later_role(self, words: list[int]) -> int | None:
        """Position (in ``words``) of the last title or role word inside a name run that a personal name
        follows: "Sonoran Power & Light CEO Beatriz X", "Opposition House Leader X", "Councillors X". The
        words after it are a person's name: no organisation word, "of", "&" or further role among them."""
        toks = self.tokens  # doc[i] builds a new Token; the model's list does not
        for n in range(len(words) - 2, -1, -1):
            tok, nxt = toks[words[n]], toks[words[n + 1]]
            if not self._role_word(tok) or self._role_word(nxt) or not (nxt.is_alpha or self._is_name_token(nxt)):
                continue
            if n > 0 and toks[words[n - 1]].lower_ in self.particles:
                continue  # "X Mac Con Iomaire": a word after a particle is the surname's, no title
            rest = {name_key(toks[w].text) for w in words[n + 1:]}
            if rest & (self.org_words | {"of", "for", "&", "and"}) or any(self._role_word(toks[w]) for w in words[n + 1:]):
                return None
            return n if n > 0 or self._singular_role(tok) is not None else None
        return None

    def _word_starts(self, start: int, end: int) -> list[int]:
        """Token indices where the words of a name start (a hyphenated part goes with its word)."""
        doc, starts = self.doc, []
        for i in range(start, end):
            tok = doc[i]
            joined = i > start and (tok.text in ("-", "\u2010") or doc[i - 1].text in ("-", "\u2010")) and not doc[i - 1].whitespace_
            if not joined and not tok.is_space and not tok.is_punct:
                starts.append(i)
        return starts

    def _role_before_name(self, tok: Token) -> bool:
        """A capitalised common noun that opens a longer name and that the tagger does not read as part of
        a person's name: a role ("Sheriff", "Passenger", "Pensioners")."""
        if tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 5:
            return True  # an acronym before a person's name: "MEC Johan Steenkamp-Mokoena", "CEO Ana Pires"
        if not self.common_nouns or tok.lower_ in self.particles or tok.text.endswith(".") or (
                tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "." and not tok.whitespace_):
            return False  # an initial ("Th. Ibomcha Singh"), not the common noun "th"
        word = tok.lemma_.lower() if tok.tag_ in ("NNS", "NNPS") else tok.lower_
        if tok.tag_ in ("NNS", "NNPS") and word == tok.lower_ and word.endswith("s"):  # proper nouns keep their plural
            word = next((w for w in (word[:-1], word[:-2]) if w in self.common_nouns), word)  # as lemma; not "Seán" -> "se"
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if word not in self.common_nouns and tok.lower_ not in self.common_nouns:
            # a noun for what someone does that the word list lacks ("Irrigator", "Cheesemaker"): an agent ending
            # no given name has, before two more words of a name (the tagger may take it into the person's name)
            return nxt is not None and tok.is_alpha and (any(tok.lower_.endswith(s) and len(tok.lower_) > len(s) + 2
                                                             for s in self.lexicon.agent_suffixes) or self._agent_before(tok, nxt))
        if tok.tag_ in ("NNS", "NNPS") or word in self.lower_lemmas:
            return True  # "Pensioners X Y"; "Passenger X Y" in a text about "passengers": no given name
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if word in self.lexicon.unnamed or tok.lower_ in self.lexicon.unnamed:
            return True  # "Parent Amara X": a noun for a person, whatever the tagger's person span
        if nxt is not None and self._agent_before(tok, nxt):
            return True
        if len(word) <= 3 and tok.text.istitle() and any(c in "aeiouy" for c in word) and not (
                nxt is not None and nxt.text in ("-", "\u2010") and not tok.whitespace_):
            return False  # "Te Rina X", "Ana Luísa X": a short word of the word list ("te", "ana") that opens a name
            # the tagger did not mark is a given name (a role noun this short and unknown to the lexicon is rare);
            # not an abbreviated title ("Fr Tom X") nor the first part of a compound noun ("Leg-spinner X")
        return tok.ent_type_ != "PERSON" or (nxt is not None and nxt.ent_iob_ == "B")

    def _agent_before(self, tok: Token, nxt: Token) -> bool:
        """"Rancher X Y", "Finisher X Y", "Councilor X Y": a noun for what someone does, made from another noun,
        before a capitalised word (not before a particle: "Christian de la Cruz" is a given name and a surname)."""
        return self.derived_agent(tok.lower_) and nxt.text[:1].isupper() and nxt.lower_ not in self.particles

    def _is_modifier(self, k: int, end: int) -> bool:
        """A capitalised word before a title that belongs to it ("Transport" in "Transport Minister X",
        "Parliamentary Affairs Minister X"), with a name after the title."""
        toks = self.tokens  # doc[i] builds a new Token; the model's list does not
        if toks[k].ent_type_ == "PERSON":
            return False
        for j in range(k + 1, end - 1):
            low = toks[j].lower_.rstrip(".")
            if toks[j - 1].lower_ in self.particles:
                return False  # "X Mac Con Iomaire": a word after a particle is a surname's, no title
            if low in self.title_words or low in self.lexicon.roles:
                return True
            if toks[j].ent_type_ == "PERSON" or not toks[j].text[:1].isupper():
                return False
        return False

    def _dateline_end(self) -> int:
        """Token index just after a dateline opening the text ("HALVORSUND, 4 March -", "LISBON (Reuters) -"),
        0 when there is none: a word in capitals, then a dash before any lower-case word, or a colon right after
        words in capitals ("NEW DELHI:")."""
        toks = [t for t in self.tokens[:16] if not t.is_space]
        if not toks or not (toks[0].is_alpha and toks[0].is_upper and len(toks[0].text) > 2):
            return 0
        for tok in toks[1:]:
            if tok.text in ("-", "--", "\u2013", "\u2014") and (tok.whitespace_ or self.tokens[tok.i - 1].whitespace_):
                return tok.i + 1  # a spaced dash, not the hyphen of "Okoro-Vance"
            if tok.text == ":" and all(t.is_upper or not t.is_alpha for t in toks[:toks.index(tok)]):
                return tok.i + 1  # "NEW DELHI:", "CHENNAI:" (a colon after capitals only)
            if tok.is_alpha and tok.is_lower:
                return 0
        return 0

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        doc = self.doc
        toks = self.tokens  # doc[i] builds a new Token; the model's list does not
        self.dateline_end = self._dateline_end()
        self.party_tags = self._party_tags()
        self.lower_lemmas = {t.lemma_.lower() for t in self.tokens if t.is_lower and t.is_alpha}
        self.the_nouns = {t.lemma_.lower() for t in self.tokens if t.pos_ == "NOUN" and t.is_lower and not self.in_quote[t.i]
                          and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)}
        self._links: list[tuple[Entity, Entity]] = []  # (person, organisation it speaks for), kept if the kinds agree
        pending: list[tuple[int, int, list[str], list[Entity]]] = []  # short names two entities answer to
        for start, end in self.name_runs():
            the_before = toks[start].lower_ == "the" or (start > 0 and self._word_before(start).lower_ == "the")
            if toks[start].lower_ == "the" or (toks[start].is_stop and toks[start].lower_ not in self.particles and not (
                    toks[start].ent_type_ == "PERSON" and not toks[start].is_sent_start)):
                start += 1  # "The Guild", "In Pell"; not the given names "Per", "Will", "May" inside a sentence
            elif toks[start].lower_ in LOCATIVE and end - start > 1 and toks[start].ent_type_ != "PERSON" and (
                    toks[start].is_sent_start or self._opens_clause(toks[start])):
                start += 1  # "Outside Osgoode Hall, ...": a preposition that opens the sentence is no part of the name
            if start >= end:
                continue
            start += self._classifier_before(start, end)  # "Brokerage Dalal & Co", "Shares of Lumora Inc."
            if self._organisation_name(doc[start:end]):
                first, last, title_words = start, end, []  # "The Kastovian Foreign Ministry": no titles to strip
            else:
                first, last, title_words = self._split_titles(start, end)
            name = doc[first:last]
            if not len(name):
                continue
            words = self._words(name)
            described = the_before and not title_words and len(words) > 1 and words[-1] in self.title_words | self.lexicon.roles \
                and not self._organisation_name(doc[start:end])  # "the Opposition House Leader said": a title as a description
            titles_only = all(w in self.title_words or w in self.lexicon.roles for w in words) and not (
                len(words) == 1 and not title_words and self._candidates(words, []))  # "Bowler said" after "Ann Bowler"
            titles_only = titles_only or self._portfolio_title(name, words)
            if not words or described or titles_only or words[0] in ("of", "for"):
                for t in doc[start:end]:  # "The Minister of Labour": a title, its roles go to the apposition
                    self.runs[t.i] = (start, end)
                continue
            root = name.root
            if name[-1].pos_ == "VERB" and name[-1].ent_type_ != "PERSON":
                continue  # "Cross-examined"
            a_before = start > 0 and self._word_before(start).lower_ in ("a", "an")
            if len(name) == 1 and (the_before or a_before) and (name[0].lower_ in self.lexicon.demonyms or name[0].ent_type_ == "NORP"):
                continue  # "the Pole said", "X, a Democrat from Modesto,": a description of a person, not a name
            if len(name) == 1 and (name[0].is_sent_start or self._opens_clause(name[0])) and not title_words and (
                    (not name[0].ent_type_ and name[0].lower_ in self.common_nouns) or self._plural_common(name[0].lower_)) \
                    and not self._candidates(words, []):
                continue  # "Staff, she said, ...", "Strikes, he warned, ...": a common noun that starts a sentence
                # (not "Obi" after "Chidi Obi"); a plural one is no name even when the tagger calls it a person
            if root.head.i not in range(start, end) and root.dep_ in ("amod", "compound", "nmod") \
                    and root.head.pos_ == "NOUN" and root.head.is_lower \
                    and not any(t.is_punct or t.pos_ in ("CCONJ", "VERB") for t in doc[min(end, root.head.i):max(end, root.head.i)]) \
                    and not (root.head.i + 1 < len(doc) and self._is_name_token(toks[root.head.i + 1])
                             and self._words(name)[-1] in self.org_words):
                continue  # "a senior Velmoran diplomat", "a Kestrel Pharma spokesman": a modifier, not a referent (no verb
                # between: "MP X asked board chair Y" is a subject the parser hung on "chair"); but
                # "Barrowfield Rovers manager Stellan X" names the club too ("Rovers", "the club" refer back to it)
            candidates = self._candidates(words, title_words)
            before_run = self.runs.get(start - 2) if start >= 2 and toks[start - 1].text == "(" else None
            if before_run is not None and end < len(doc) and toks[end].text == ")" and len(words) == 1 and toks[start].is_upper \
                    and self.by_token.get(before_run[1] - 1) is not None:
                candidates = [self.by_token[before_run[1] - 1]]  # "the Rail and Transport Workers' Union (RTWU)": its acronym
            entity = candidates[0] if candidates else None
            if entity is None:
                entity = Entity(len(self.entities), "person", _name_text(name))
                self.entities.append(entity)
            elif len(words) > len(self._words_of(entity.name)):
                entity.name = _name_text(name)
            self._add_keys(entity, words)
            self._evidence(entity, name, words, title_words, the_before)
            for t in doc[start:end]:
                self.by_token[t.i] = entity
                self.runs[t.i] = (start, end)
            if not self.in_quote[root.i]:
                head = name[-1].i
                entity.mentions.append(head)
                if self._is_subject(name):
                    entity.subject_mentions.append(head)
                    if self._is_main(self._closes_subject_apposition(name) or self._run_root(name)):
                        entity.main_mentions.append(head)
            if len(candidates) > 1:  # "Ms Varga" with two Vargas: decided once the text has said who is who
                pending.append((start, end, title_words, candidates))
                self._ambiguous.update(range(start, end))
                continue
            for word in title_words:
                self._add_role(entity, word)
            entity.honorifics |= self._honorifics(title_words)
            if first in self._affiliations:  # "Sonoran Power & Light CEO X": X speaks for the company named before
                a, b = self._affiliations[first]
                org = self._match(self._words(doc[a:b]), []) if b > a else None
                if org is not None and org is not entity:
                    self._links.append((entity, org))
        for entity in self.entities:
            self._decide_kind(entity)  # provisional: the appositions and pronouns below add evidence
        seen: set[int] = set()
        for i in sorted(self.by_token):
            entity = self.by_token[i]
            start, end = self.runs[i]
            if start in seen:
                continue
            seen.add(start)
            name = doc[start:end]
            self._appositions(entity, name)
            self._relative_roles(entity, name)
            self._described_before(entity, start)
            self._modifier_of_source(start, end)
        self._pronoun_votes()
        for entity in self.entities:
            self._decide_kind(entity)
            if entity.gender is None and entity.votes and entity.kind == "person":
                (top, n), *rest = entity.votes.most_common()
                if not rest or rest[0][1] < n:
                    entity.gender = top
        self._groups()
        for person, org in self._links:
            if person.kind == "person" and org.kind == "organisation":
                person.org = org.index
                person.roles.update(w for w in org.keys if " " not in w and w in self.lexicon.organisations)
        self._settle(pending)
        self._ages()
        self._lede_descriptions()
        self._description_mentions()
        self._plural_descriptions()
        self._pronoun_chain()
        for entity in self.entities:
            for mentions in (entity.mentions, entity.subject_mentions, entity.main_mentions):
                mentions.sort()

    @staticmethod
    def _words(name: Span) -> list[str]:
        """The words of a name as compared (hyphenated parts stay one word)."""
        return [w for w in (name_key(w) for w in name.text.replace("\u2010", "-").split()) if w and w not in ("-",)]

    @staticmethod
    def _words_of(text: str) -> list[str]:
        return [name_key(w) for w in text.split()]

    def _run_root(self, name: Span) -> Token:
        """The name's syntactic head, over a post-nominal the parser made the head ("X SC, told": "SC" is the appos)."""
        root, run = name.root, self.runs.get(name.root.i)
        while run is not None and root.dep_ == "compound" and root.head.i != root.i and run[0] <= root.head.i < run[1]:
            root = root.head
        return root

    def _is_subject(self, name: Span) -> bool:
        root = self._run_root(name)
        if root.dep_ in SUBJECT_DEPS:
            return True
        before = self.tokens[name.start - 1] if name.start else None
        if before is not None and before.dep_ in SUBJECT_DEPS and before.is_lower and (
                before.pos_ == "NOUN" or before.lower_ in self.lexicon.roles or self._common(before.lower_)):
            # ("Privacy advocate X said", with "advocate" read as a verb whose subject is "Privacy")
            return True  # "The veteran climber Nima Wangdi ... is recovering" (the role noun is the parsed subject)
        if root.dep_ == "appos" and root.head.i in self._first_subjects():
            return True  # "Duggan's widow, Maureen Duggan, watched" parsed as a fragment: its head noun
        if any(c.dep_ == "relcl" and c.lemma_.lower() in self.cue_verbs and any(
                g.dep_ in SUBJECT_DEPS and g.lower_ == "who" for g in c.children) for c in root.children):
            return True  # "The lone no vote came from X, who said ...": the subject of a reporting relative clause
        if root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS:
            return True  # "The chair, Ana Pires, said"
        return self._closes_subject_apposition(name) is not None

    def _closes_subject_apposition(self, name: Span) -> Token | None:
        """The name ends a phrase set off by commas after a subject noun, whatever the parse made of the words
        between ("His challenger, retired teacher and grandmother of five Linda X, called it ...": the parser
        hangs the name on "of"): both commas belong to the subject, which comes before the name, and the words
        between are a noun phrase (no verb or relative pronoun: "Parent X, whose children attend Garfield, said")."""
        toks = self.tokens
        if name.end >= len(toks) or toks[name.end].text != ",":
            return None
        subject = toks[name.end].head
        if subject.dep_ not in SUBJECT_DEPS or subject.i >= name.start or self.in_quote[subject.i]:
            return None
        opening = subject.i + 1
        if opening < name.start and toks[opening].text == "," and toks[opening].head.i == subject.i and not any(
                t.text in (",", ";", ".") or t.i in self.by_token or t.pos_ in ("VERB", "AUX") or t.tag_ in ("WP", "WP$", "WDT")
                for t in toks[opening + 1:name.start]):  # a noun phrase: "X, whose children attend Garfield," is a clause
            return subject
        return None

    def _is_main(self, tok: Token) -> bool:
        """The sentence's main subject outside quotations (or its apposition, or the role noun before it):
        in news copy the first subject is the sentence's topic, and it survives a parser that hangs the
        main clause under a subordinate one."""
        while tok.i not in self._first_subjects() and tok.head != tok and tok.dep_ in ("appos", "compound", "dobj"):
            tok = tok.head
        return self._first_subjects().get(tok.i, False)

    def _first_subjects(self) -> dict[int, bool]:
        """Token index -> True for the main subject of each sentence (computed once per Doc): its first
        subject outside quotations and subordinate clauses, or, when its verb has two subjects ("Under
        cross-examination by X, Finch agreed"), the one next to the verb; a sentence the parser read as a
        fragment without subject ("Duggan's widow, Maureen Duggan, watched from the box") has its root noun."""
        if self._first is None:
            self._first = {}
            for sent in self.doc.sents:
                subject = next((t for t in self.tokens[sent.start:sent.end] if t.dep_ in SUBJECT_DEPS and not self.in_quote[t.i]
                                and not any(a.dep_ in SUBORDINATE for a in t.ancestors)), None)
                while subject is not None and subject.head.dep_ in SUBJECT_DEPS and subject.head.i != subject.i:
                    subject = subject.head  # "Privacy advocate X said" read as "Privacy" the subject of "advocate X"
                if subject is not None:
                    closer = [c for c in subject.head.children if c.dep_ in SUBJECT_DEPS and subject.i < c.i < subject.head.i]
                    self._first[(closer[-1] if closer else subject).i] = True
                elif sent.root.pos_ in ("NOUN", "PROPN") and not self.in_quote[sent.root.i] and not any(
                        t.dep_ in SUBJECT_DEPS and not self.in_quote[t.i] for t in sent):
                    self._first[sent.root.i] = True
        return self._first

    def _match(self, words: list[str], title_words: list[str]) -> Entity | None:
        candidates = self._candidates(words, title_words)
        return candidates[0] if candidates else None

    def _candidates(self, words: list[str], title_words: list[str]) -> list[Entity]:
        """The entities a name can be, most recent first; more than one only when the name and its title
        cannot tell them apart yet ("Ms Park" and "Coach Park": gender or title decide)."""
        full = " ".join(words)
        candidates = [e for e in reversed(self.entities) if e.kind != "unnamed" and full in e.keys]
        if not candidates and len(words) > 1 and not {"of", "for"} & set(words):  # not "Central Bank of Oslavia"
            heads = (words[-1], " ".join(words[1:])) if words[-1] in self.org_words else (words[-1], words[0], " ".join(words[1:]))
            candidates = [e for e in reversed(self.entities) if e.kind != "unnamed" and " ".join(self._words_of(e.name)) in heads]
            # (an organisation's name is not a longer form of the place or person its first word names: "Iowa Library
            # Association" after the dateline's "Iowa")
        if title_words and set(title_words) <= set(self.lexicon.gender) | self.lexicon.roles | self.title_words:
            candidates = [e for e in candidates if not self._organisational(e) or e.evidence["person"] > 0
                          or (e.labels["PERSON"] and not e.labels["ORG"] and "&" not in e.name and " of " not in e.name)]
            # "Mr Halloway" is not "Halloway & Sons", but is "the solicitor, Rupert Lines": an organisation word in a
            # name the text has already given a person's role or title is a surname
        if len(candidates) > 1:
            gender = next((self.lexicon.gender[w] for w in title_words if w in self.lexicon.gender), None)
            fitting = [e for e in candidates if (gender is None or e.gender in (None, gender))
                       and (not set(title_words) - set(self.lexicon.gender) or set(title_words) & e.roles)]
            fitting = [e for e in fitting if not self._honorific_conflict(e, title_words)] or fitting
            fitting = [e for e in fitting if gender is None or e.gender == gender] or fitting
            candidates = fitting or candidates
        return candidates

    def _honorifics(self, title_words: list[str]) -> set[str]:
        """The gendered honorifics among a name's titles ("mrs", "miss", "sir"), not gendered roles."""
        words = {w.rstrip(".") for w in title_words}
        return {w for w in words if w in self.lexicon.gender and w not in self.lexicon.roles}

    def _honorific_conflict(self, entity: Entity, title_words: list[str]) -> bool:
        """The text has called this person by another honorific ("Miss Holloway-Price" is not the one it
        calls "Mrs Holloway-Price"); "Ms" goes with any."""
        mine, theirs = self._honorifics(title_words) - {"ms"}, entity.honorifics - {"ms"}
        return bool(mine and theirs and not mine & theirs)

    def _organisational(self, entity: Entity) -> bool:
        """The entity's name has an organisation word, "&" or "of" ("Halloway & Sons", "Bank of Vell")."""
        words = set(self._words_of(entity.name))
        return bool(words & self.org_words) or "&" in words or "of" in words

    def _settle(self, pending: list[tuple[int, int, list[str], list[Entity]]]) -> None:
        """Short names two entities answered to, in text order, now that gender and roles are known: the
        one whose gender and titles fit ("Ms Varga" after "her brother Miklos Varga" is not him), else the
        one mentioned last."""
        doc = self.doc
        for start, end, title_words, candidates in pending:
            gender = next((self.lexicon.gender[w] for w in title_words if w in self.lexicon.gender), None)
            roles = set(title_words) - set(self.lexicon.gender)
            fitting = [e for e in candidates if gender is None or e.gender in (None, gender)] or candidates
            fitting = [e for e in fitting if not self._honorific_conflict(e, title_words)] or fitting
            fitting = [e for e in fitting if gender is None or e.gender == gender] or fitting
            fitting = [e for e in fitting if not roles or roles & e.roles] or fitting
            head = end - 1
            placed = [e for e in fitting if e.last_before(start) >= 0]
            chosen = max(placed, key=lambda e: e.last_before(start)) if placed else fitting[0]
            current = self.by_token.get(head)
            if current is not None and current is not chosen:
                for mentions_of in ("mentions", "subject_mentions", "main_mentions"):
                    old = getattr(current, mentions_of)
                    if head in old:
                        old.remove(head)
                        getattr(chosen, mentions_of).append(head)
                        getattr(chosen, mentions_of).sort()
                for t in doc[start:end]:
                    self.by_token[t.i] = chosen
            for word in title_words:
                self._add_role(chosen, word)
            chosen.honorifics |= self._honorifics(title_words)
            for vote in (g for t in range(start, end) for g in self._deferred_votes.get(t, ())):
                chosen.votes[vote] += 1
                if chosen.gender is None and len(chosen.votes) == 1:
                    chosen.gender = vote  # the next "Mr O'Neill" is then not the one called "she"

    def _add_keys(self, entity: Entity, words: list[str]) -> None:
        entity.keys.add(" ".join(words))
        entity.keys.update(w for w in words if w not in self.particles and w not in self.inner_particles
                           and w not in ("of", "for", "and", "the", "&"))
        for k in range(1, len(words)):  # "van den akker", "den akker", "altamirano ruiz"
            entity.keys.add(" ".join(words[k:]))
            if k > 1:
                entity.keys.add(" ".join(words[:k]))  # "Nur Halimah" for "Nur Halimah Zainal Abidin"
            if words[k] in self.particles and words[k - 1] not in self.particles:
                for m in range(k + 1, len(words) - 1):  # a surname a particle opens, before a second surname:
                    if words[m] not in self.particles:  # "de la Cruz" of "Juan Pablo de la Cruz Villalobos"
                        entity.keys.add(" ".join(words[k:m + 1]))
                        break
        if len(words) > 1:
            acronym = "".join(w[0] for w in words if w not in self.particles and w not in ("of", "for", "and", "the"))
            if len(acronym) > 1:
                entity.keys.add(acronym)

    def _evidence(self, entity: Entity, name: Span, words: list[str], title_words: list[str], the_before: bool = False) -> None:
        """What one mention says about the kind of its entity (person, organisation, place). The tagger's
        PERSON / ORG labels are one vote per mention (see :meth:`_decide_kind`); the words count more."""
        tokens = self.tokens[name.start:name.end]
        labels = [t.ent_type_ for t in tokens if t.ent_type_]
        entity.labels.update(set(labels))
        whole = frozenset(lab for lab in labels if all(t.ent_type_ == lab for t in tokens if not t.is_punct))
        entity.label_votes.append((frozenset(labels), len(words), whole))
        if "of" in words and not title_words and "of_name" not in entity.evidence:
            entity.evidence["of_name"] = 1  # "Ministry of Transport" (counted once, in _decide_kind)
        if title_words:
            entity.evidence["person"] += 2
        elif the_before:  # "the Harwick Courier", "The Lakeside Orchestra": people's names take no article
            entity.evidence["organisation"] += 1
        if name.start < self.dateline_end:  # "HALVORSUND, 4 March -": a dateline names a place
            entity.evidence["dateline"] = 1
        root = name.root
        after_locative = root.dep_ == "pobj" and root.head.lower_ in LOCATIVE and root.head.lower_ != "of"
        opener = self.tokens[name.start - 1] if name.start else None
        owner = root.dep_ == "poss" or (name.end < len(self.doc) and self.tokens[name.end].text in ("'s", "\u2019s", "'", "\u2019"))
        if opener is not None and opener.lower_ in LOCATIVE and opener.lower_ != "of" and opener.text[:1].isupper() and (
                opener.is_sent_start or self._opens_clause(opener)) and not owner:  # not "In Tove X's statement: ..." 
            after_locative = True  # "Outside Osgoode Hall, ...": the parser hung the preposition on the name
            entity.evidence["place"] += 2  # and may take the name for the subject: it is inside a phrase of place
        if set(labels) & PLACE_TYPES and "PERSON" not in labels:
            if _is_country(name.text) or after_locative or (root.dep_ == "pobj" and root.head.lower_ == "of"):
                entity.evidence["place"] += 2
            else:
                entity.evidence["place"] += 0.5
        elif after_locative and not title_words:
            entity.evidence["place"] += 1.5  # "recovering in hospital in Pell"
        if name.text.isupper() and len(name.text) > 1:
            entity.evidence["organisation"] += 1
        after = self.tokens[name.end] if name.end < len(self.doc) else None
        tail = [t for t in self.tokens[name.end:name.end + 3] if not t.is_space]
        if len(tail) >= 2 and tail[0].text == "," and not self.in_quote[name.end] and (
                tail[1].lower_ == "who" or (tail[1].like_num and len(tail) > 2 and tail[2].text in (",", ")"))):
            entity.evidence["person"] += 2  # "X, who chairs ...", "X, 23, has kicked ...": only people
        possessive = root.dep_ == "poss" or (root.dep_ in ("nmod", "compound") and after is not None
                                             and after.text in ("'", "\u2019", "'s", "\u2019s"))
        owned = root.head if possessive else None  # "Halvard Rail's chief executive": an organisation
        if owned is not None and owned.pos_ == "NOUN" and any(
                self.lexicon.role_class.get(w) in ("head", "executive", "spokesperson")
                for w in (owned.lemma_.lower(), *[c.lower_ for c in owned.children if c.dep_ in ("amod", "compound")])):
            entity.evidence["organisation"] += 1  # "the Sharks' head coach", "Kestrel's spokeswoman": an organisation
        elif owned is not None and owned.pos_ == "NOUN" and owned.lemma_.lower() in self.lexicon.gender:
            entity.evidence["person"] += 1  # "Duggan's widow", "her brother": family is a person's
        subject = root
        while subject.dep_ == "conj" and subject.head is not subject:  # "X and Y wrote"
            subject = subject.head
        if subject.dep_ in ("nsubj", "poss") and subject.head.lemma_.lower() in self.cue_verbs and not self.in_quote[root.i] \
                and not _is_country(name.text):  # "X said", "X's statement"
            entity.evidence["speaks"] += 1  # "Harbour Watch says": a place does not speak
        anchor = root
        while anchor.dep_ == "conj" and anchor.head is not anchor:  # "towns such as Ardlow and Pennick"
            anchor = anchor.head
        described = anchor.head if anchor.dep_ in ("appos", "pobj") else None
        if described is not None and described.dep_ == "prep" and described.lower_ in ("of", "as"):
            described = described.head  # "the village of Vell", "towns such as Ardlow"
        if described is not None and described.lemma_.lower() in self.lexicon.places:
            entity.evidence["place"] += 2
        vessel = described if described is not None and described.pos_ == "NOUN" else None
        k = name.start - 1
        while vessel is None and k >= max(0, name.start - 3) and self.tokens[k].lower_ in ("the", ",", "\u2019s", "'s"):
            k -= 1  # "the tanker Atlantic Dawn", "their trawler, the Silver X" (set off, whatever the parser hung it on)
        if vessel is None and k >= 0 and self.tokens[k].is_lower and self.tokens[k].pos_ == "NOUN":
            vessel = self.tokens[k]
        if vessel is not None and vessel.lemma_.lower() in self.lexicon.vessels:
            entity.evidence["vessel"] += 1  # "their boat, the Northern Grace": a ship is named, and never speaks
        for k in range(max(0, name.start - 3), name.start):  # "Kelburn Rovers' Brazilian striker X": "the Brazilian"
            tok = self.tokens[k]
            if (tok.ent_type_ == "NORP" or tok.lower_ in self.lexicon.demonyms) and not self.in_quote[k] and not any(
                    t.is_punct and t.text not in ("'", "\u2019") for t in self.tokens[k + 1:name.start]):
                entity.text_roles.add(tok.lower_)
        before = self.tokens[name.start - 1] if name.start else None
        if before is not None and before.is_lower and before.pos_ == "NOUN" and (
                before.lemma_.lower() in self.lexicon.roles or before.lemma_.lower() in self.lexicon.gender):
            self._add_role(entity, before.lemma_.lower())  # "the veteran climber Nima Wangdi", "her brother Miklos"
            entity.evidence["person"] += 1
            for mod in before.children:  # "Former Kerala minister X": the modifier of the role before the name
                if mod.dep_ == "amod" and mod.i < before.i and mod.lower_ in self.lexicon.modifiers:  # is X's, so
                    self._add_role(entity, mod.lower_)  # "the former minister" finds X
        elif before is not None and before.is_lower and before.pos_ in ("NOUN", "ADJ") and not self.in_quote[before.i]:
            lemma = before.lemma_.lower()
            if before.pos_ == "NOUN" and (lemma in self.lexicon.organisations or lemma in self.lexicon.group_nouns):
                entity.evidence["organisation"] += 3  # "the mining company X", "the folk trio X": it says what X is
            elif before.dep_ in ("compound", "amod") and self._common(lemma):
                entity.text_roles.add(lemma)  # "marine biologist Ingrid X": "the biologist" can find her

    def _decide_kind(self, entity: Entity) -> None:
        """Person, organisation or place, from the evidence of every mention. A tag on the fullest
        mention counts one, a tag on a shorter one half: the small model often tags a lone surname ORG."""
        ev = Counter(entity.evidence)
        words = set(self._words_of(entity.name))
        of_name = ev.pop("of_name", 0)
        name_words = self._words_of(entity.name) or [""]
        law = name_words[-1] in self.lexicon.things  # a name is what its last word says: "Canada Shipping Act" is a law
        if (words & self.org_words and not law) or of_name or "&" in words:  # counted once, not per mention; no person is "X & Sons"
            ev["organisation"] += 3
        if name_words[-1] in self.lexicon.places or (len(name_words) > 1 and name_words[0] in self.lexicon.place_first):
            ev["place"] += 2  # "Canal Street", "Mount Aravel": a place word heads the name
        elif words & self.lexicon.places:
            ev["place"] += 0.5  # "Harbour Hawks", "Harbour Watch": a place word in the name says less
        last_common = len(name_words) > 1 and self._common(name_words[-1])  # "Westfield Comets", "Upland Creameries"
        last = self._words_of(entity.name)[-1]
        if len(name_words) > 1 and self._plural_common(last) and not _is_country(entity.name) and not (
                {last, last[:-1], last[:-2]} & self.lexicon.places):
            ev["organisation"] += 1.5  # "Cedar Ridge Bobcats", "Atlantic Rovers": a team or company, not a person's name
        if last in self.lexicon.things or (len(name_words) == 1 and last in self.lexicon.platforms):
            ev["thing"] += 3 if last in self.lexicon.things else 0
            ev["organisation"] += 3 if last in self.lexicon.platforms else 0  # a platform is a company, never a he/she
        if len(words) > 1 and last in self.the_nouns and last not in self.lexicon.places:
            ev["organisation"] += 2  # "the Lakeside Choir" ... "the choir": its last word is a noun for what it is
        speaks = ev.pop("speaks", 0)
        vessel = ev.pop("vessel", 0)
        ev["place"] -= 2 * speaks
        ev["thing"] -= 2 * speaks
        fullest = max((n for _, n, _ in entity.label_votes), default=0)
        for labels, n, whole in entity.label_votes:
            weight = 1.0 if n == fullest else 0.5
            ev["person"] += weight * ("PERSON" in labels)  # a label on part of the name ("Emeka [Uzor]") counts half
            ev["organisation"] += weight * ("ORG" in labels) * (1.0 if "ORG" in whole else 0.5)
            ev["thing"] += weight * bool(labels & THING_TYPES)
        if entity.gender is not None or entity.votes:
            ev["person"] += 1
        entity.scores = ev
        if ev.pop("dateline", 0):
            ev["place"] += 10
            entity.kind = "place"
        elif vessel and vessel >= speaks and "person" not in entity.evidence:
            entity.kind = "thing"  # a ship or boat the text names as one ("the trawler X", "their boat, the X")
        elif ev["organisation"] >= 2 and ev["organisation"] >= ev["person"] and ev["organisation"] >= ev["place"] \
                and ev["organisation"] >= ev["thing"]:
            entity.kind = "organisation"
        elif ev["place"] > ev["person"] and ev["place"] >= 1 and ev["place"] > ev["organisation"]:
            entity.kind = "place"
        elif ev["person"] <= 0 and ev["place"] > 0 and ev["place"] > ev["organisation"] and entity.labels \
                and set(entity.labels) <= PLACE_TYPES and not speaks:
            entity.kind = "place"  # "against Portland": every tag says place and nothing in the text says person
        elif ev["thing"] >= 1 and ev["thing"] > ev["person"] and ev["thing"] >= ev["organisation"]:
            entity.kind = "thing"
        elif ev["person"] >= 1:
            entity.kind = "person"
        elif ev["organisation"] >= 1 and ev["organisation"] > ev["place"] and (len(name_words) == 1 or last_common):
            entity.kind = "organisation"  # tagged ORG, nothing says person, and the name ends with a common noun
        else:
            entity.kind = "person"

    def _add_role(self, entity: Entity, word: str, evidence: bool = True) -> None:
        low = word.lower().rstrip(".")
        for part in low.split():
            if part in self.lexicon.roles or part in self.title_words or part in self.lexicon.modifiers:
                entity.roles.add(part)
                if part in self.lexicon.roles and evidence:
                    entity.evidence["person"] += 1
            if part in self.lexicon.gender and entity.gender is None:
                entity.gender = self.lexicon.gender[part]

    def _respective(self, root: Token, end: int) -> bool:
        """"X and Y, sister and brother,": singular nouns set off by commas right after a coordination of as many
        names describe them in order (X is the sister, Y the brother), whatever the parser hung them on. True
        when it did."""
        toks = self.tokens
        if root.dep_ != "conj" or end + 4 >= len(toks) or toks[end].text != "," or self.in_quote[end]:
            return False
        described = toks[end + 1:end + 4]
        if not (described[1].lower_ == "and" and all(t.tag_ == "NN" and t.is_lower for t in described[::2])
                and toks[end + 4].text in (",", ")")):
            return False
        names = [root.head, *[c for c in root.head.children if c.dep_ == "conj" and c.i in self.by_token]]
        people = [self.by_token.get(t.i) for t in names]
        if len(people) != 2 or None in people or people[0] is people[1] or names[1].i != root.i:
            return False
        for person, noun in zip(people, described[::2]):
            self._add_role(person, noun.lemma_.lower())
        return True

    def _appositions(self, entity: Entity, name: Span) -> None:
        """Roles from "X, the transport minister," and "the minister, X,"; the organisation of "head of Y"."""
        root = name.root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= name.end]
        if self._respective(root, name.end):
            return
        if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < name.start:
            nouns.append(root.head)
        if root.dep_ in ("nsubj",) and root.head.lemma_ == "be":  # "Pires is the minister"
            nouns += [c for c in root.head.children if c.dep_ == "attr"]
        if not nouns:
            nouns += self._set_off_role(name)
        for noun in nouns:
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            if self.by_token.get(noun.i) not in (None, entity):  # another named entity is no description of this one
                self._role_of(entity, noun)  # ("Minister X and Commissioner Y"), but "the envoy of the Islands, X"
                continue
            if entity.role_text is None:
                entity.role_text = " ".join(self.doc[noun.left_edge.i:noun.right_edge.i + 1].text.split())
            low = noun.lower_
            if (low in self.org_words or noun.lemma_.lower() in self.lexicon.organisations) and noun.pos_ == "NOUN" \
                    and any(c.dep_ in ("det", "poss") for c in noun.children):
                entity.evidence["organisation"] += 2  # "the port operator, Meridian Terminals", "Grayling, the messaging app"
                # (not "Outside court, Irene X, whose father ...": no determiner, no noun phrase of its own)
            words = (noun.lemma_.lower(), low, *[c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")])
            for word in words:
                self._add_role(entity, word)
            if noun.tag_ == "NNS" and noun.head.i == root.i:  # "X and Y, the general secretaries of A and B": a plural
                for other in {self.by_token.get(c.i) for c in root.conjuncts} - {None, entity}:  # apposition describes
                    for word in words:  # every name of the coordination, not only the one the parser hung it on
                        self._add_role(other, word)
            if noun.pos_ == "NOUN" and noun.is_lower and self._common(noun.lemma_.lower()):
                entity.text_roles.add(noun.lemma_.lower())  # "X, a toxicologist," / "the toxicologist X"
            self._role_of(entity, noun)
            if noun.i in self.runs:  # "The Minister of Labour, Rosa Tavares Lima"
                start, end = self.runs[noun.i]
                for t in self.doc[start:end]:
                    self._add_role(entity, t.lower_)
            org = next((self.by_token[t.i] for t in noun.subtree if t.i in self.by_token
                        and self.by_token[t.i] is not entity), None)
            if org is not None:
                self._links.append((entity, org))

    def _set_off_role(self, name: Span) -> list[Token]:
        """The role noun of a bare role phrase set off after a name that the parser did not hang on it
        ("after meeting X, chief executive of the Y Association."): a comma, up to three lower-case words
        ending in a role noun, then "of", "at", "for", a comma or the end of the sentence."""
        doc, k = self.tokens, name.end
        if k >= len(doc) or doc[k].text != "," or self.in_quote[k]:
            return []
        for n in range(k + 1, min(k + 4, len(doc) - 1)):
            tok, nxt = doc[n], doc[n + 1]
            if not (tok.is_alpha and tok.is_lower and tok.pos_ in ("NOUN", "ADJ", "PROPN")):
                return []
            if tok.lemma_.lower() in self.lexicon.roles and tok.pos_ == "NOUN" and (
                    nxt.lower_ in ("of", "at", "for") or nxt.text in (",", ".", ";")):
                return [tok]
        return []

    def _role_of(self, entity: Entity, noun: Token) -> None:
        """"The leader of the Social Alliance, Margit Halvorsen": the role before "of", and the organisation."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            role = noun.head.head
            for word in (role.lemma_.lower(), role.lower_):
                self._add_role(entity, word)
            owner = self.by_token.get(noun.i)
            if owner is not None and owner is not entity:
                self._links.append((entity, owner))

    def _modifier_of_source(self, start: int, end: int) -> None:
        """A name between an indefinite article and a role noun is a modifier of an unnamed source, whatever
        the parse: "a Department for Culture, Media and Sport spokesperson", "an Acme Holdings executive"
        (:attr:`sources`: the noun -> where the description starts)."""
        first = start - 1 if start and self.tokens[start - 1].lower_ in ("a", "an") else None
        if first is None and start >= 2 and self.tokens[start - 1].lower_ == "the" and self.tokens[start - 2].lower_ == "of":
            return
        noun = self.tokens[end] if end < len(self.tokens) else None
        if first is None or noun is None or not noun.is_lower or noun.pos_ not in ("NOUN", "PROPN") or self.in_quote[noun.i] \
                or noun.lemma_.lower() not in self.lexicon.unnamed | self.lexicon.roles:
            return
        self.sources[noun.i] = first

    def _described_before(self, entity: Entity, start: int) -> None:
        """A description set off before a name by a comma is a mention of it, whatever the parse: "The
        daughter of one victim, Mair X, said", "Her counsel, advocate R. Y, called", "A former deputy
        governor of Enugu State, Emeka Z, has denied". The description's head noun (the first common noun
        not followed by another) maps to the entity (:attr:`described`) and gives it its role words."""
        if self.in_quote[start]:
            return
        k = start - 1
        while k >= 0 and start - k <= 4 and (self.tokens[k].is_space or self.tokens[k].text in ("-", "\u2010") or (
                self.tokens[k].is_lower and self.tokens[k].pos_ in ("NOUN", "ADJ", "VERB"))
                or (self.tokens[k].lower_ in ("the", "a", "an") and k + 1 < start)  # "His daughter, the singer X"
                or (self.tokens[k + 1].text in ("-", "\u2010") and self.tokens[k].text[:1].isupper())):
            k -= 1  # "advocate R. Y", "Hamburg-based Z": words that introduce the name
        if k < 1 or self.tokens[k].text != ",":
            return
        end = self.runs.get(start, (start, start + 1))[1]
        after = self.tokens[end] if end < len(self.tokens) else None
        if after is None or not (after.text == "," or after.pos_ in ("VERB", "AUX")):
            return  # an apposition closes: "X, Y, said", "X, Y has denied"
        np: list[Token] = []
        i = k - 1
        while i >= 0 and len(np) < 10 and not self.in_quote[i]:
            tok = self.tokens[i]
            if tok.text in (",", ";", ":", "(") or tok.pos_ in ("VERB", "AUX") or tok.is_quote:
                break
            np.insert(0, tok)
            if tok.is_sent_start or (i and self.tokens[i - 1].pos_ == "ADP" and self.tokens[i - 1].lower_ not in ("of",)):
                break
            i -= 1
        cut = max((n for n, t in enumerate(np) if n and t.lower_ in ("and", "or") and self.by_token.get(np[n - 1].i) is not None
                   and self.by_token[np[n - 1].i].kind == "person"), default=-1)
        np = np[cut + 1:]  # "by Halvorsen chief executive Marcus X and Piñon's founder, Rosalind Y": the description is
        # what follows the other name and the conjunction ("Piñon's founder"), not the title of the name before it
        nouns = [t for t in np if t.pos_ == "NOUN" and t.is_lower and not t.is_space]
        head = next((t for t in nouns if not (t.i + 1 < len(self.tokens) and self.tokens[t.i + 1] in nouns)), None)
        if head is None or head.i in self.by_token or head.lemma_.lower() in self.cue_verbs:
            return
        self.described[head.i] = entity
        for t in range(start, end):
            self.apposed[t] = head.i
        for word in (head.lemma_.lower(), *[c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i]):
            self._add_role(entity, word, evidence=False)  # "The ship's owner, X": an owner may be a company
        if self._common(head.lemma_.lower()):
            entity.text_roles.add(head.lemma_.lower())

    def _relative_roles(self, entity: Entity, name: Span) -> None:
        """Roles from a relative clause: "X, who chairs the board" (chair), "who became chief executive"."""
        for rel in (c for c in name.root.children if c.dep_ == "relcl"):
            role = self.lexicon.role_verbs.get(rel.lemma_.lower())
            if role:
                self._add_role(entity, role)
            for obj in rel.children:
                if obj.dep_ in ("attr", "oprd", "dobj") and rel.lemma_.lower() in ("become", "be", "serve", "remain"):
                    self._add_role(entity, obj.lemma_.lower())
                    for c in obj.children:
                        if c.dep_ in ("compound", "amod"):
                            self._add_role(entity, c.lower_)
                if obj.dep_ == "dobj" and role:
                    target = self.by_token.get(obj.i)
                    if target is not None and target is not entity:
                        self._links.append((entity, target))

    def _pronoun_votes(self) -> None:
        """Gender evidence: a he/she subject or his/her possessive (outside quotations, not in a relative
        clause) in a clause governed by a verb whose subject is a person ("Pires said her ministry ...")."""
        for tok in self.tokens:
            gender = self.lexicon.gender.get(tok.lower_)
            if not gender or self.in_quote[tok.i] or tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
                continue
            if tok.dep_ == "poss" and tok.head.dep_ == "appos":
                continue  # "Dr. X, her co-author, ran ...": no one is their own co-author, so "her" is someone else
            for verb in tok.ancestors:
                if verb.dep_ == "relcl":
                    self._relative_vote(tok, verb, gender)
                    break
                subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i and c is not tok), None)
                if subj is None:
                    continue
                if any(c.dep_ in ("dobj", "dative", "iobj") and c.i < tok.i and (
                        c.i in self.by_token or (c.pos_ == "PRON" and c.lower_ in self.lexicon.gender)) for c in verb.children):
                    break  # "X asked Y why he ...", "X told him his tenants ...": the pronoun can be the object's
                if subj.i in self._ambiguous:  # "Deputy O'Neill said she ..." with two O'Neills: the vote waits
                    self._deferred_votes.setdefault(subj.i, []).append(gender)  # until the text says which one
                    break
                entity = self.by_token.get(subj.i) or next(
                    (self.by_token[a.i] for a in subj.children if a.dep_ == "appos" and a.i in self.by_token), None)
                if entity is not None and entity.kind in ("person", "organisation") and not self._organisational(entity):
                    entity.votes[gender] += 1  # also for a name only the tagger called an organisation ("Okoro-Doyle ... his")
                break

    def _groups(self) -> None:
        """Names coordinated with each other ("X and Y") form a group."""
        seen: set[int] = set()
        for i in sorted(self.by_token):
            tok = self.tokens[i]
            if tok.dep_ == "conj" or self.in_quote[i] or i in seen:
                continue
            conj = [c for c in tok.subtree if c.dep_ == "conj" and not self.in_quote[c.i]]
            if not any(c.dep_ == "cc" for t in (tok, *conj) for c in t.children):
                continue  # "her daughter, Nadia, Rosemary X said": conjuncts without "and" are a misparse
            members = [self.by_token[i]]
            for c in conj:  # "X and her counterpart, Y"
                named = self.by_token.get(c.i) or next(
                    (self.by_token[a.i] for a in c.children if a.dep_ == "appos" and a.i in self.by_token), None)
                if named is not None:
                    members.append(named)
            unique = list(dict.fromkeys(members))
            if len(unique) > 1:
                self._share_kind(tok, unique)
            if len(unique) > 1 and len({e.kind for e in unique}) == 1 and unique[0].kind in ("person", "organisation"):
                self.groups.append(Group(unique, i, end=max(self.runs.get(c.i, (c.i, c.i + 1))[1] - 1 for c in conj)))
                seen.update(c.i for c in conj)
        self._listed_groups()

    def _listed_groups(self) -> None:
        """Names listed with "and" in the words themselves, whatever the parse made of them: "said state Sen.
        X and state Rep. Y", "Wanderers chairperson X and Rovers chairperson Y said", "X, Y and Z". Between
        two names stand only a comma and "and" and the words that introduce the next name (determiners,
        possessives, adjectives, role nouns, titles, an organisation's name); a verb or preposition ends the list."""
        runs = sorted({self.runs[i] for i in self.by_token if not self.in_quote[i]})
        for kind in ("person", "organisation"):  # "X and Rovers chairperson Y": the club's name introduces Y
            named = [(a, b, self.by_token[b - 1]) for a, b in runs if self.by_token.get(b - 1) is not None
                     and self.by_token[b - 1].kind == kind]
            chain: list[tuple[int, int, Entity]] = []
            closed = False
            for a, b, entity in named + [(len(self.tokens), len(self.tokens), None)]:
                link = self._list_link(chain[-1][1], a) if chain and entity is not None else None
                if link is not None and not (closed and link != "and"):
                    chain.append((a, b, entity))
                    closed = closed or link == "and"
                    continue
                members = list(dict.fromkeys(e for _, _, e in chain))
                if closed and len(members) > 1 and not any(g.members == members and chain[0][0] <= g.at < chain[-1][1]
                                                           for g in self.groups):  # the same pair listed again later is
                    # a new mention of the group ("say councillors X and Y" ... "Ms X and Mr Y said")
                    self.groups.append(Group(members, chain[0][1] - 1, end=chain[-1][1] - 1))
                chain, closed = ([(a, b, entity)] if entity is not None else []), False

    def _list_link(self, end: int, start: int) -> str | None:
        """How the words between two names link them in a list: "and", "," or None (no list)."""
        between = [t for t in self.tokens[end:start] if not t.is_space and t.i not in self.party_tags]
        if len(between) > 7 or any(self.in_quote[t.i] for t in between):
            return None
        k = 0
        while k < len(between) and between[k].text == ",":
            k += 1
        link = "," if k else None
        if k < len(between) and between[k].lower_ == "and":
            link, k = "and", k + 1
        if link is None:
            return None
        for tok in between[k:]:
            ok = tok.pos_ in ("DET", "ADJ", "NUM") or tok.tag_ == "PRP$" or tok.text in ("'s", "\u2019s", "-", "'", "\u2019") \
                or tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and (tok.is_lower or tok.i in self.runs)) \
                or tok.lower_.rstrip(".") in self.title_words
            if not ok:
                return None
        return link

    def _description_mentions(self) -> None:
        """"the singer", "the minister" outside quotations are mentions of the one person with that role, "the
        league" of the one organisation whose name has the word, so that a later pronoun finds the person or
        organisation the text was just speaking of."""
        for tok in self.tokens:
            if self.in_quote[tok.i] or tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.i in self.by_token:
                continue
            lemma = tok.lemma_.lower()
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            if lemma in self.lexicon.roles:
                holders = [e for e in self.entities if e.kind == "person" and lemma in e.roles and e.last_before(tok.i) >= 0]
                if not holders and tok.dep_ in SUBJECT_DEPS and tok.i not in self.described \
                        and not any(c.dep_ == "appos" for c in tok.children) and not any(
                        e.roles & self.lexicon.roles for e in self.entities if e.kind == "person" and e.last_before(tok.i) >= 0):
                    # "X could not lift her arm. The X pitcher had surgery ...": no one has a role yet, and
                    # the one person the story has named is who the role describes
                    holders = [e for e in self.entities if e.kind == "person" and e.last_before(tok.i) >= 0]
                    holders = holders if len(holders) == 1 and holders[0].last_before(tok.i, "main") >= 0 else []
                    if holders:  # (not "The former chief engineer of X, Dr Y, told MPs": the name comes with it)
                        holders[0].text_roles.add(lemma)
            elif lemma in self.lexicon.gender:  # "the grandmother" after a lede's "A 79-year-old grandmother who ..."
                holders = [e for e in self.entities if e.kind == "person" and lemma in e.text_roles and e.last_before(tok.i) >= 0]
            elif lemma in self.lexicon.organisations:  # "The league said it ...": the league named before
                words = self.lexicon.organisations[lemma] | {lemma}
                holders = [e for e in self.entities if e.kind == "organisation" and e.last_before(tok.i) >= 0
                           and words & {w for k in e.keys for w in k.split()}]
            else:
                continue
            if len(holders) != 1:
                continue
            entity = holders[0]
            entity.mentions.append(tok.i)
            if tok.dep_ in SUBJECT_DEPS:
                entity.subject_mentions.append(tok.i)
                self.pronoun_refs.setdefault(tok.i, entity)  # a subject that stands for the entity, like a pronoun
                if self._is_main(tok):
                    entity.main_mentions.append(tok.i)
            for mentions in (entity.mentions, entity.subject_mentions, entity.main_mentions):
                mentions.sort()

    def _ages(self) -> None:
        """People whose age the text gives between commas ("Dahlgren, 58, is seeking ..."), for "the 58-year-old"."""
        self.ages: dict[str, Entity] = {}
        self.aged: list[tuple[int, int, Entity]] = []  # (last token of the name, age, person), in text order
        starts = sorted({self.runs[i] for i in self.by_token})
        for start, end in starts:
            entity = self.by_token.get(end - 1)
            toks = self.tokens[end:end + 3]
            if entity is None or entity.kind != "person" or len(toks) < 3 or self.in_quote[end]:
                continue
            if toks[0].text == "," and toks[1].lower_ in ("now", "aged") and end + 3 < len(self.tokens):
                toks = [toks[0], *self.tokens[end + 2:end + 4]]  # "X, now 17, who ...", "Y, aged 84,"
            if toks[0].text == "," and toks[1].text.isdigit() and len(toks[1].text) <= 3 and toks[2].text in (",", ")", "."):
                self.ages[toks[1].text] = entity
                self.aged.append((end - 1, int(toks[1].text), entity))

    def aged_between(self, low: int, high: int, before: int) -> Entity | None:
        """The person last given an age in ``low``-``high`` before token ``before``: "the teenager" after "X, now 17,"."""
        return next((e for i, age, e in reversed(self.aged) if i < before and low <= age <= high), None)

    def _share_kind(self, tok: Token, members: list[Entity]) -> None:
        """Names coordinated together are of one kind: a plural role in apposition ("X, Y and Z, the
        mayors of ...") makes them all people with that role; a member the evidence left undecided takes
        the kind of the decided ones ("the Signal Workers and the Guild of Train Drivers")."""
        heads = [tok.head] if tok.dep_ == "appos" else []
        heads += [g for h in heads if h.pos_ == "NUM" for p in h.children if p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj"]  # "Two of Kenya's largest cooperatives, X and Y"
        appositions = [c for c in (*[c for c in tok.children if c.dep_ == "appos"], *heads)
                       if c.tag_ == "NNS" and not self.in_quote[c.i]]
        first = tok.i
        while first > 0 and self.by_token.get(first - 1) is members[0]:
            first -= 1
        before = self.tokens[first - 1] if first > 0 else None
        if before is not None and before.tag_ in ("NNS", "NNPS") and not self.in_quote[before.i]:
            role = before.lemma_.lower()  # "Co-authors X and Y", "patient advocates X and Y": a plural role before the
            if role in self.lexicon.roles:  # names is every one's
                for e in members:
                    if e.kind == "person":
                        self._add_role(e, role)
        for appos in appositions:
            if appos.lemma_.lower() in self.lexicon.organisations:  # "two cooperatives, X and Y"
                for e in members:
                    e.evidence["organisation"] += 2
                    self._decide_kind(e)
                continue
            roles = [w for w in (appos.lemma_.lower(), *[c.lower_ for c in appos.children if c.dep_ in ("compound", "amod")])
                     if w in self.lexicon.roles]
            for e in members if roles else ():
                for role in roles:
                    self._add_role(e, role)
                self._decide_kind(e)
        if any(e.evidence["speaks"] for e in members):  # "A B and C D wrote", tagged WORK_OF_ART: they speak
            for e in members:
                if e.kind == "thing":
                    e.kind = "person"
                    e.scores["person"] = max(e.scores["person"], 0)
        decided = {e.kind for e in members if e.scores[e.kind] >= 1 and e.kind in ("person", "organisation")}
        if len(decided) == 1:
            kind = decided.pop()
            for e in members:  # a "thing" only by one tag of the tagger ("X and the ASW's Aileen Y", WORK_OF_ART) is undecided too
                if e.kind != kind and (e.scores[e.kind] < 1 or (e.kind == "thing" and e.scores["thing"] <= 1 and not e.evidence["thing"])):
                    e.kind = kind

    def _tagged_organisation(self, before: int) -> Entity | None:
        """No person fits a he/she: the last subject that only the tagger called an organisation ("Burton
        explained ... he said", "Burton" tagged ORG) is a person after all."""
        here = self.paragraph_of(before)
        weak = [e for e in self.entities if e.kind == "organisation" and e.evidence["organisation"] == 0
                and not self._organisational(e) and e.last_before(before, True) >= 0
                and here - self.paragraph_of(e.last_before(before, True)) <= 1]
        if not weak:
            return None
        entity = max(weak, key=lambda e: e.last_before(before, True))
        entity.kind = "person"
        return entity

    def _plural_descriptions(self) -> None:
        """Plural descriptions outside quotations ("both unions", "the two chief executives") name a
        group: the last one of that kind, or the people of that role (and the nearest others) they count."""
        for tok in self.tokens:
            if self.in_quote[tok.i] or tok.pos_ != "NOUN" or (tok.tag_ != "NNS" and tok.lemma_.lower() not in self.lexicon.group_nouns):
                continue
            members = self.plural_referents(tok)
            if len(members) < 2:
                continue
            group = next((g for g in self.groups if g.members == members), None)
            if group is None:
                self.groups.append(Group(members, tok.i))
            elif tok.i > group.at:
                group.mentions.append(tok.i)

    def plural_referents(self, head: Token) -> list[Entity]:
        """Who a plural description refers to: a group of organisations ("both unions") or people
        ("the two ministers": a group of people, else those with that role, else the nearest people)."""
        lemma, low = head.lemma_.lower(), head.lower_
        det = next((c for c in head.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ in ("a", "an", "some", "several", "many", "few", "other"):
            return []
        count = next((COUNTS[c.lower_] for c in head.children if c.lower_ in COUNTS), 0)
        if det is not None and det.lower_ == "both":
            count = 2
        if lemma in self.lexicon.organisations or low in self.lexicon.organisations:
            group = self.recent_group(head.i, "organisation", bodies=True)
            if group is None and count:  # "the two lenders" paragraphs after "X Bank and Y Bank": a count names the
                # organisations named together in that number, however long ago (as "the two lawmakers" does people)
                group = self.recent_group(head.i, "organisation", window=10**6, bodies=True)
                group = group if group is not None and len(group.members) == count else None
            if group is None:  # "both clubs" after "Northbridge Sharks and Eastvale Kestrels": the description tells
                group = self.recent_group(head.i, "person")
                if group is None or not all(self._only_tagged_person(e) and e.scores["person"] < 1 for e in group.members):
                    return []
                for e in group.members:
                    e.kind = "organisation"
            return group.members
        mods = [c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
        roles = [w for w in (lemma, low, *mods) if w in self.lexicon.roles or w in self.title_words]
        if not roles and (count or (det is not None and det.lower_ == "the")) and (
                lemma in self.lexicon.gender or lemma in self.lexicon.group_nouns):
            group = self.recent_group(head.i, "person")  # "the two women", "both men", "the pair"
            return group.members if group is not None else []
        if not roles or (det is None and not count):
            return []
        wanted = self.role_classes(roles)
        alike = [g for g in self.groups if g.members[0].kind == "person" and g.last_before(head.i) >= 0
                 and (not count or len(g.members) == count) and all(wanted & self.role_classes(e.roles) for e in g.members)]
        if alike:  # "both chairpersons", "the two lawmakers": the people named together with that role, however long ago
            return max(alike, key=lambda g: g.last_before(head.i)).members
        group = self.recent_group(head.i, "person")
        people = self.people_with_role(roles, head.i)
        if group is not None and (len(people) < 2 or all(p in group.members for p in people)):
            return group.members
        if count and len(people) < count:  # "the two chief executives": those the text gave the role, then the nearest people
            people = (people + [e for e in self.people_near(head.i) if e not in people])[:count]
            people.sort(key=lambda e: e.mentions[0])
        return people if len(people) >= 2 else []

    def _relative_vote(self, tok: Token, rel: Token, gender: str) -> None:
        """A his/her in a "who" clause set off after a name is the name's when no one else is named between them
        ("X, who spent a decade tracking the crab with her students, ..."): the clause is about X."""
        who = next((c for c in rel.children if c.dep_ in SUBJECT_DEPS and c.lower_ == "who" and c.i < tok.i), None)
        entity = self.by_token.get(rel.head.i)
        if who is None or entity is None or entity.kind != "person" or self._organisational(entity):
            return
        between = range(rel.head.i + 1, tok.i)
        if any(self.by_token.get(k) not in (None, entity) or self.lexicon.gender.get(self.tokens[k].lower_)
               and self.tokens[k].pos_ == "PRON" for k in between):
            return  # "X, who met Y and her husband": the possessive may be Y's
        entity.votes[gender] += 1

    def _pronoun_chain(self) -> None:
        """Resolve he/she subjects outside quotations in text order, so later pronouns can follow them."""
        for tok in self.tokens:
            low = tok.lower_
            if self.in_quote[tok.i] or tok.dep_ not in SUBJECT_DEPS or low not in PRONOUN_GENDER:
                continue
            entity = self.person_for_pronoun(tok.i, PRONOUN_GENDER[low])
            if entity is not None:
                self.pronoun_refs[tok.i] = entity
                entity.gender = entity.gender or PRONOUN_GENDER[low]  # "she" said of them: later pronouns know
                entity.mentions.append(tok.i)
                entity.subject_mentions.append(tok.i)
                if self._is_main(tok):
                    entity.main_mentions.append(tok.i)
                for mentions in (entity.mentions, entity.subject_mentions, entity.main_mentions):
                    mentions.sort()

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
        words = self._words_of(text)
        return self._match(words, []) if words else None

    def is_main_subject(self, i: int) -> bool:
        """Is token ``i`` the main subject of its sentence (outside quotations)?"""
        return self._first_subjects().get(i, False)

    def is_subject_at(self, i: int) -> bool:
        """Is the name or word at token ``i`` the subject of its clause (outside quotations)?"""
        if i in self.runs:
            start, end = self.runs[i]
            return self._is_subject(self.doc[start:end])
        return self.tokens[i].dep_ in SUBJECT_DEPS

    def paragraph_of(self, i: int) -> int:
        """0-based paragraph of token ``i``."""
        return max(0, bisect.bisect_right(self.paragraph_starts, self.tokens[i].idx) - 1) if self.paragraph_starts else 0

    def person_for_pronoun(self, before: int, gender: str | None, exclude: Entity | None = None) -> Entity | None:
        """The person a he/she before token ``before`` refers to.

        Among the people whose gender fits: one known to have that gender who is the main subject of the
        pronoun's own sentence ("Pires said she would resign"); then, in the earlier sentences of its
        paragraph and then in the previous paragraph, the last main-clause subject, then the last
        subject, a person known to have the pronoun's gender before one of unknown gender; then anyone
        main subject of its own sentence; else the last one mentioned at all. A person of unknown gender
        who is the subject of the pronoun's own sentence is not preferred to a known one before it:
        "Ferraresi, who has coached her since she was 12" is not about Ferraresi. With ``gender`` None (a
        description with no gender, "the surveyor") everyone fits.
        """
        people = [e for e in self.entities if (e.kind == "person" or (e.kind == "unnamed" and not e.plural))
                  and (gender is None or e.gender in (None, gender)) and e.last_before(before) >= 0 and e is not exclude]
        if not people:
            return self._tagged_organisation(before)
        answer = self.answerer(before)
        if answer is not None and answer in people:
            return answer
        here = self.paragraph_of(before)
        sentence = self.tokens[before].sent.start

        def pick(pool: list[Entity], subjects: bool | str, where: str) -> Entity | None:
            placed = [(e.last_before(before, subjects), e) for e in pool]
            placed = [(at, e) for at, e in placed if at >= 0 and (
                where == "any" or (where == "sentence" and at >= sentence)
                or (where == "paragraph" and at < sentence and self.paragraph_of(at) == here)
                or (where == "previous" and self.paragraph_of(at) == here - 1))]
            return max(placed, key=lambda pair: pair[0])[1] if placed else None

        known = [e for e in people if gender is not None and e.gender == gender]
        order = [(known, "main", "sentence")]
        for where in ("paragraph", "previous"):
            order += [(known, "main", where), (people, "main", where), (known, True, where), (people, True, where)]
            if where == "paragraph":
                order.append((known, False, where))  # "she had spoken to the singer. X quoted her": the singer
        order += [(people, "main", "sentence"), (known, False, "any"), (people, False, "any")]
        for pool, subjects, where in order:
            found = pick(pool, subjects, where) if pool else None
            if found is not None:
                return found
        return self._tagged_organisation(before)

    def answerer(self, before: int) -> Entity | None:
        """The person asked a question in the sentence just before a quotation's he/she ("X asked Y why she had
        not gone to the police. '...,' she said" or "... police. She said: '...'"): the quotation is the answer,
        so Y speaks. Only a question (a wh-word, "whether" or "if" clause after ask/question/press) to a named
        person counts."""
        j = before - 1
        while j >= 0 and not self.in_quote[j]:
            j -= 1  # the end of the quotation the pronoun follows ('...," she said')
        if j >= 0 and before - j <= 3:
            while j >= 0 and (self.in_quote[j] or self.tokens[j].is_space):
                j -= 1  # its start
        else:
            j = self.tokens[before].sent.start - 1  # the pronoun opens the answer ("She said: '...'")
        if j < 0:
            return None
        previous = self.tokens[j].sent
        if self.paragraph_of(previous.start) != self.paragraph_of(before) and self.paragraph_of(before) - self.paragraph_of(
                previous.start) != 1:
            return None
        verb = previous.root
        if verb.lemma_.lower() not in QUESTION_VERBS:
            return None
        asked = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and (c.i in self.by_token or (
            c.pos_ == "PRON" and c.lower_ in ("him", "her")))), None)
        question = any(c.dep_ == "ccomp" and any(g.tag_ in ("WRB", "WP", "WDT") or (g.dep_ == "mark" and g.lower_ in (
            "whether", "if")) for g in c.children) for c in verb.children)
        if asked is not None and asked.i not in self.by_token:  # "X asked her to name the manager. '...,' she said":
            # asked to say something (a to-clause), she answers; "her" is not X (an object pronoun is never its own
            # clause's subject), so it is the last person before it of that gender but X
            if not any(c.dep_ == "xcomp" for c in verb.children):
                return None
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            asker = self.by_token.get(subject.i) if subject is not None else None
            return self.person_for_pronoun(asked.i, self.lexicon.gender[asked.lower_], exclude=asker)
        entity = self.by_token.get(asked.i) if asked is not None and question else None
        return entity if entity is not None and entity.kind == "person" else None

    def organisation_for_pronoun(self, before: int) -> Entity | None:
        """What "it" (or "we" outside quotations) said refers to: the last subject, in this or the previous
        paragraph, among the organisations and the names only the tagger called people ("Promoter
        Harbourlight Live said ... '...,' it said": a company), else the last organisation mentioned. A
        platform a post was on is never a subject, so it is not chosen."""
        here = self.paragraph_of(before) if before < len(self.doc) else 10**6
        pool = [e for e in self.entities if e.kind == "organisation" or (
            e.kind == "person" and self._only_tagged_person(e) and not e.honorifics)]
        placed = [(e.last_before(before, True), e) for e in pool]
        placed = [(at, e) for at, e in placed if at >= 0 and here - self.paragraph_of(at) <= 1]
        if placed:
            entity = max(placed, key=lambda pair: pair[0])[1]
            if entity.kind == "person":
                entity.kind = "organisation"  # "it" said of it: an organisation after all
            return entity
        return self.recent(before, ("organisation",))

    def recent(self, before: int, kinds: tuple[str, ...] = ("person",), plural: bool | None = None,
               subjects: bool = False) -> Entity | None:
        """The entity of ``kinds`` mentioned last (as a subject, with ``subjects``) before token ``before``
        (a subject only in this or the previous paragraph)."""
        best, best_at = None, -1
        here = self.paragraph_of(before) if before < len(self.doc) else 10**6
        for entity in self.entities:
            if entity.kind not in kinds or (plural is not None and entity.kind == "unnamed" and entity.plural != plural):
                continue
            at = entity.last_before(before, subjects)
            if subjects and at >= 0 and here - self.paragraph_of(at) > 1:
                continue
            if at > best_at:
                best, best_at = entity, at
        return best

    def recent_group(self, before: int, kind: str | None = None, window: int = 2, bodies: bool = False) -> Group | None:
        """The last group named before token ``before`` (within ``window`` paragraphs); with ``bodies``, only
        groups with no country or tagged place among them ("both companies" are not "the EU and Singapore")."""
        here = self.paragraph_of(before) if before < len(self.doc) else 10**6
        groups = [g for g in self.groups if g.last_before(before) >= 0 and (kind is None or g.members[0].kind == kind)
                  and here - self.paragraph_of(g.last_before(before)) <= window
                  and not (bodies and any(self._place_like(e) for e in g.members))]
        return max(groups, key=lambda g: g.last_before(before)) if groups else None

    @staticmethod
    def _place_like(entity: Entity) -> bool:
        """A country, or a name the tagger mostly labels a place."""
        places = sum(n for label, n in entity.labels.items() if label in PLACE_TYPES)
        return _is_country(entity.name) or places > sum(entity.labels.values()) - places

    def role_classes(self, roles) -> set[str]:
        """The roles and every class above them in the lexicon ("sen" -> senator -> legislator): two roles
        are alike by how many of these they share."""
        out: set[str] = set()
        for role in roles:
            while role and role not in out:
                out.add(role)
                role = self.lexicon.role_class.get(role)
        return out

    def with_role(self, roles: list[str], before: int, required: list[str] = ()) -> Entity | None:
        """The person with the most of ``roles`` (all of ``required``; on a tie, the one holding its head noun,
        ``roles[0]``), last mentioned before ``before``;
        someone the text names only inside quotations ("a call with President X," Trump posted) is not
        who "the president wrote" refers to."""
        best, best_key = None, None
        back = before < len(self.tokens) and self.paragraph_of(before) > self.lede_paragraph()
        for e in self.entities:
            if e.kind != "person" or not set(required) <= e.roles or not e.mentions:
                continue
            exact = len(set(roles) & e.roles)
            similar = len(self.role_classes(roles) & self.role_classes(e.roles))
            if not exact and not similar:
                continue
            head = bool(roles) and roles[0] in e.roles  # "the chief executive": the executive, not a "chief technology officer"
            # after the lede, "the counsel" refers back: to a holder named before it rather than one the text names
            # only later (the lede may describe someone the next paragraph names: "was told by the chair of ...")
            key = (back and e.last_before(before) >= 0, exact, head, similar, e.last_before(before), -e.index)
            if best_key is None or key > best_key:
                best, best_key = e, key
        return best

    def affiliated(self, person: Entity, org: Entity) -> bool:
        """The text ties the person to the organisation: it speaks for it (``org``), or a mention of the
        person follows the organisation's name and a role ("Eagles coach Stuart X", "Rovers' captain Y")."""
        if person.org == org.index:
            return True
        for m in person.mentions:
            k = self.runs.get(m, (m, m + 1))[0] - 1
            roles = 0
            while k >= 0 and self.tokens[k].is_lower and self.tokens[k].lower_ in self.lexicon.roles and roles < 3:
                k, roles = k - 1, roles + 1
            while k >= 0 and roles and self.tokens[k].text in ("'", "\u2019", "'s", "\u2019s"):
                k -= 1
            if roles and k >= 0 and self.tokens[k].text[:1].isupper() and name_key(self.tokens[k].text) in org.keys:
                return True
        return False

    def holder_for(self, roles: list[str], org: Entity, before: int) -> Entity | None:
        """Who "the Eagles mentor" is: the holder of the role tied to that organisation; when every holder
        is tied to another one, the person last spoken of as a main subject who is tied to no other."""
        people = [e for e in self.entities if e.kind == "person" and e.mentions and e.last_before(before) >= 0]
        others = {e.index for e in people if any(self.affiliated(e, o) for o in self.entities
                                                   if o.kind == "organisation" and o is not org)}
        tied = [e for e in people if self.affiliated(e, org)]
        fits = [e for e in tied if set(roles) & e.roles or self.role_classes(roles) & self.role_classes(e.roles)]
        if fits:
            return max(fits, key=lambda e: e.last_before(before))
        holders = [e for e in self.entities if e.kind == "person" and e.mentions and (
            set(roles) & e.roles or self.role_classes(roles) & self.role_classes(e.roles))]
        if holders and all(any(self.affiliated(e, o) for o in self.entities if o.kind == "organisation" and o is not org)
                           for e in holders):
            free = [e for e in people if e.index not in others and e.last_before(before, "main") >= 0
                    and not (e.roles & self.lexicon.roles) - set(roles)]
            return max(free, key=lambda e: e.last_before(before, "main")) if free else None
        return None

    def people_with_role(self, roles: list[str], before: int, window: int = 1) -> list[Entity]:
        """Every person with one of ``roles`` (or a role of the same class) mentioned shortly before."""
        here = self.paragraph_of(before) if before < len(self.doc) else 10**6
        wanted = self.role_classes(roles)
        out = []
        for e in self.entities:
            at = e.last_before(before)
            if e.kind == "person" and at >= 0 and here - self.paragraph_of(at) <= window and wanted & self.role_classes(e.roles):
                out.append((e.mentions[0], e))
        return [e for _, e in sorted(out, key=lambda pair: pair[0])]

    def people_near(self, before: int, window: int = 1) -> list[Entity]:
        """People mentioned in this or the previous paragraph before token ``before``, most recent first."""
        here = self.paragraph_of(before) if before < len(self.doc) else 10**6
        placed = [(e.last_before(before), e) for e in self.entities if e.kind == "person"]
        placed = [(at, e) for at, e in placed if at >= 0 and here - self.paragraph_of(at) <= window]
        return [e for _, e in sorted(placed, key=lambda pair: -pair[0])]

    def organisation_for(self, noun: str, before: int, modifiers: list[str] = ()) -> Entity | None:
        """The organisation that "the <noun>" refers to: one whose name has the noun, a word it stands
        for, or a modifier ("the telecoms group" -> "Novaline Telecom"), also among names whose kind the
        text left open ("the freight company" makes "Kellan Freight" one); else the last organisation
        that is not plainly of another kind ("the company" is not "Allerby Crown Court")."""
        words = self.lexicon.organisations.get(noun, frozenset()) | {noun}
        orgs = [e for e in self.entities if e.kind == "organisation"]
        open_kind = orgs + [e for e in self.entities if e.kind == "person" and self._only_tagged_person(e)]

        def name_words(e: Entity) -> set[str]:
            return {w for k in e.keys for w in k.split()}

        matches = [e for e in open_kind if words & name_words(e)]
        if not matches and modifiers:
            stems = {m.rstrip("s") for m in modifiers}
            matches = [e for e in open_kind if any(w.rstrip("s") in stems for w in name_words(e))]
        if not matches:  # the organisation last spoken of, or a name only the tagger called a person ("The ship's
            # owner, Nordwall Reederei, said ... 'the company said'"), not one whose name says it is of another kind
            kinds = set(self.lexicon.organisations)
            here = self.paragraph_of(before) if before < len(self.doc) else 10**6
            pool = [e for e in open_kind if e.last_before(before) >= 0 and not (name_words(e) & kinds and not any(
                        ({k} | self.lexicon.organisations[k]) & words for k in name_words(e) & kinds))
                    and (e.kind == "organisation" or not e.honorifics)]  # "the operator" may be "X Water Corporation":
            # a corporation is a company, and an operator may be one
            speaking = [e for e in pool if e.last_before(before, True) >= 0 and here - self.paragraph_of(e.last_before(before, True)) <= 1]
            if speaking:
                found = max(speaking, key=lambda e: e.last_before(before, True))
                found.kind = "organisation"
                return found
            matches = [e for e in pool if e.kind == "organisation"]
            actors = [e for e in matches if e.last_before(before, True) >= 0]
            matches = actors or matches  # one the story had act ("X said Thursday ..."), not a paper it cites ("seen by The Y")
        if not matches:  # "The company" after "Konkan Infosystems reported ...": a subject nothing said was a person
            matches = [e for e in open_kind if e.kind == "person" and e.scores["person"] < 1 and e.last_before(before, True) >= 0]
            if matches:
                found = max(matches, key=lambda e: e.last_before(before, True))
                found.kind = "organisation"
                return found
        if not matches:
            return None
        placed = [e for e in matches if e.last_before(before) >= 0]
        return max(placed or matches, key=lambda e: e.last_before(before))

    def _common(self, word: str) -> bool:
        """An English common noun (the lemmatizer's WordNet index), singular or plural ("comets")."""
        if word.endswith(".") and len(word) <= 3:
            return False  # an initial ("B.", "Ch."), not the letter or word "b", "ch"
        forms = (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "",
                 word[:-3] + "y" if word.endswith("ies") else "", word[:-1] + "um" if word.endswith("a") else "")
        # a plural ending only ("media" of "medium"): "Orla" is no plural of "or"
        return bool(self.common_nouns) and any(w in self.common_nouns for w in forms if w)

    def derived_agent(self, word: str) -> bool:
        """A noun for a person made from another English noun of four letters or more with an agent ending
        (``agent_suffix`` rows with value ``derived``): "surveyor", "rancher", "councilor", "midfielder"; or
        such a noun written together with a noun for a person of four letters or more ("schoolteacher")."""
        low = word.lower()
        if any(low.endswith(s) and len(low) - len(s) >= 4 and (low[:-len(s)] in self.common_nouns or (
                s[0] == "e" and low[:-len(s)] + "e" in self.common_nouns))  # a silent e drops: "headliner" (headline)
               for s in self.lexicon.derived_agent_suffixes):
            return True
        lex = self.lexicon  # a compound of an English noun and a noun for a person: "schoolteacher", "firefighter"
        return any(low[:k] in self.common_nouns and (low[k:] in lex.roles or low[k:] in lex.unnamed or self.derived_agent(low[k:]))
                   for k in range(4, len(low) - 3))

    def _plural_common(self, word: str) -> bool:
        """The regular plural of an English common noun that is not itself one ("strikes", "bobcats",
        "rovers", "churches", "parties"; not "Reis", which no English noun makes)."""
        if not word.endswith("s") or word in self.common_nouns or not self.common_nouns:
            return False
        stems = [word[:-1]]
        if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
            stems.append(word[:-2])
        if word.endswith("ies"):
            stems.append(word[:-3] + "y")
        return any(len(stem) > 2 and stem in self.common_nouns for stem in stems)

    @staticmethod
    def _only_tagged_person(entity: Entity) -> bool:
        """Nothing but the tagger says this is a person: no title, role, gender or pronoun."""
        return entity.evidence["person"] == 0 and entity.gender is None and not entity.roles and not entity.votes

    def named_by_head(self, noun: str, before: int) -> Entity | None:
        """The organisation (or entity of no decided kind) whose name ends with ``noun``, last mentioned
        before token ``before`` ("the choir" after "the Lakeside Choir"): a description by what it is."""
        found = [e for e in self.entities if e.kind in ("organisation", "person") and len(e.name.split()) > 1
                 and self._words_of(e.name)[-1] == noun and (e.kind == "organisation" or self._only_tagged_person(e))]
        placed = [e for e in found if e.last_before(before) >= 0]
        return max(placed, key=lambda e: e.last_before(before)) if placed else None

    def named_later(self, head: Token) -> Entity | None:
        """The person an indefinite description that opens a story is named as later ("A headteacher in Hull
        has banned phones ... Simone X, head of Marfleet Academy, said"; "An Ontario Superior Court judge ...
        Justice X wrote"): the first person named after it, in the next two paragraphs, whose roles are of
        the same class. Only for the subject of its paragraph's first sentence, where news introduces
        someone it will name."""
        lemma = head.lemma_.lower()
        if not (lemma in self.lexicon.roles or self._common(lemma)) or self.in_quote[head.i] or head.dep_ not in SUBJECT_DEPS:
            return None
        here = self.paragraph_of(head.i)
        first_sentence = self.tokens[head.i].sent.start <= (self.paragraph_starts_tokens()[here] if here < len(
            self.paragraph_starts_tokens()) else 0)
        if not first_sentence:
            return None
        wanted = self.role_classes([lemma])
        gender = self.lexicon.gender.get(lemma) if lemma not in self.lexicon.roles and here == self._lede() else None
        # "A man who crashed a van ... told a sheriff ...": a lede's man or woman is the next one of that gender named
        # (only in the story's first paragraph: a woman quoted further down may be a witness who stays unnamed)
        later = [e for e in self.entities if e.kind == "person" and e.mentions and e.mentions[0] > head.i
                 and self.paragraph_of(e.mentions[0]) - here <= 2 and (wanted & self.role_classes(e.roles) or lemma in e.text_roles
                                                                       or (gender is not None and e.gender == gender))]
        return min(later, key=lambda e: e.mentions[0]) if later else None

    def lede_paragraph(self) -> int:
        """Index of the story's first paragraph (after a headline, if the text opens with one)."""
        return self._lede()

    def _lede(self) -> int:
        """Index of the story's first paragraph: the first, or the second after a headline (a first paragraph
        that does not end a sentence: "‘I’d do it again’: pensioner who blocked bulldozer cleared")."""
        starts = self.paragraph_starts_tokens()
        if len(starts) < 2:
            return 0
        last = next((t for t in reversed(self.tokens[:starts[1]]) if not t.is_space), None)
        return 1 if last is not None and last.text not in (".", "!", "?", "\"", "\u201d", "'", "\u2019") else 0

    def _lede_descriptions(self) -> None:
        """The noun of the lede's indefinite subject ("A 79-year-old grandmother who ... has been cleared") is a
        description of the person the story then names (:meth:`named_later`): "the grandmother" later is a
        mention of that person."""
        starts = self.paragraph_starts_tokens()
        lede = self._lede()
        if lede >= len(starts):
            return
        sent = self.tokens[starts[lede]].sent
        head = next((t for t in sent if t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN" and not self.in_quote[t.i]
                     and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)), None)
        named = self.named_later(head) if head is not None else None
        if named is not None:
            named.text_roles.add(head.lemma_.lower())

    def paragraph_starts_tokens(self) -> list[int]:
        """Token index of the first token of each paragraph."""
        if not hasattr(self, "_para_tokens"):
            starts, k = [], 0
            for char in self.paragraph_starts:
                while k < len(self.tokens) and self.tokens[k].idx < char:
                    k += 1
                starts.append(k)
            self._para_tokens = starts or [0]
        return self._para_tokens

    def unnamed_like(self, head: str, before: int, describe=None) -> Entity | None:
        """The last unnamed source with this head noun ("the diplomat" after "a senior diplomat"); with
        ``describe`` (token -> description), one introduced earlier without being quoted is found too."""
        found = [e for e in self.entities if e.kind == "unnamed" and e.head == head and e.last_before(before) >= 0]
        if found:
            return max(found, key=lambda e: e.last_before(before))
        if describe is None:
            return None
        for tok in reversed(self.tokens[:before]):
            det = next((c for c in tok.children if c.dep_ == "det"), None)
            if tok.lemma_.lower() == head and not self.in_quote[tok.i] and det is not None and det.lower_ in ("a", "an", "one"):
                named = [self.by_token.get(t.i) for t in (tok.head, *tok.children)
                         if (t.dep_ == "appos" and t.head.i == tok.i) or (tok.dep_ == "appos" and t.i == tok.head.i)]
                named = [e for e in named if e is not None and e.kind == "person"]
                if named:
                    return named[0]  # "X, a premiership player herself, ...": the description of a named person
                return self.add_unnamed(describe(tok), tok, False)
        return None

    def add_unnamed(self, description: str, head: Token, plural: bool) -> Entity:
        """A new unnamed source described as written ("a senior official", "officials")."""
        key = name_key(description)
        for entity in self.entities:
            if entity.kind == "unnamed" and key in entity.keys:
                self._unnamed_mention(entity, head)
                return entity
        entity = Entity(len(self.entities), "unnamed", description, keys={key}, plural=plural,
                        head=head.lemma_.lower(), gender=self.lexicon.gender.get(head.lower_))
        self._unnamed_mention(entity, head)
        self.entities.append(entity)
        return entity

    def _unnamed_mention(self, entity: Entity, head: Token) -> None:
        """Record a mention of an unnamed source; as a subject, a later he/she can refer to it ("one nurse said.
        ... 'I am angry,' she added")."""
        for mentions, on in ((entity.mentions, True), (entity.subject_mentions, head.dep_ in SUBJECT_DEPS),
                             (entity.main_mentions, head.dep_ in SUBJECT_DEPS and self._is_main(head))):
            if on and head.i not in mentions:
                mentions.append(head.i)
                mentions.sort()


def _prefixed_capital(word: str) -> bool:
    """A capital after one lower-case letter ("hUiginn", "tSaoi", "mBreatnach"): a name word whose first
    letter a grammatical prefix moved (Irish), not a lower-case common word; or a capital after a lower-case
    elided particle ("d’Entremont", "d'Alessandro"): a surname written with its particle attached."""
    if len(word) > 3 and word[0] in "dl" and word[1] in "'\u2019" and word[2].isupper() and word[3:].isalpha():
        return True
    return len(word) > 2 and word[0].islower() and word[1].isupper() and word[2:].isalpha()


def _word_shaped(text: str) -> bool:
    """Letters, with an apostrophe or hyphen inside ("O’Shaughnessy", "D'Arcy", "Okafor-Reid"): a word of a name."""
    return text[:1].isalpha() and text[-1:].isalpha() and text.replace("\u2019", "").replace("'", "").replace("-", "").isalpha()


def _name_text(span: Span) -> str:
    text = span.text
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    return " ".join(text.split()).strip(EDGE_PUNCTUATION)


__all__ = ["Entity", "Group", "DocumentModel", "NON_AGENT_TYPES", "PLACE_TYPES", "THING_TYPES", "SILENT_KINDS", "name_key"]
