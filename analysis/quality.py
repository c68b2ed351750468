"""Text-quality flags: general rules that point a reader at likely errors in an article.

Each rule works on any article parsed with :func:`analysis.nlp.parse_article`; none of them lists
this article's errors. Most are general (a word list, the parse, quotation-mark pairing); the
``lost_symbol`` rule is not: it knows only the terms of ``data/reference/entity_patterns.jsonl``.
A flag says what was found, where (paragraph and offsets in the body text) and, when the rule
knows one, a suggested fix.

Rules:

- ``spelling``: a word the English word list does not know, one edit away from words it does
  (PERSON entities and the words of the entity patterns are skipped);
- ``spelling_variant``: a British spelling (-isation, -ise, -our) whose American form is known,
  flagged so a researcher can see the article mixes conventions;
- ``lost_symbol``: a term listed in ``entity_patterns.jsonl`` that contains a symbol ("C5+1",
  "Jackson-Vanik") written with the symbol missing ("C5 1"); a lost symbol in any term not listed
  there goes unnoticed;
- ``fragment``: a sentence outside quotations whose root is not a verb ("The announcement, which
  came as ..." has no main verb);
- ``unclosed_quote``: a quotation not closed in its paragraph (continued, open at the end, or a
  missing closing mark);
- ``repeated_quote``: a quoted sentence that repeats one quoted earlier in the article;
- ``capitalisation``: a proper name with a lower-case content word ("the Soviet union"); a
  lower-case head after a nationality adjective or a number ("five Central Asian nations") is a
  description, not a name.

Word lists behind the rules live in ``data/reference/quality_lexicon.json``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span, Token
from spellchecker import SpellChecker

from .nlp import ENTITY_PATTERNS, paragraph_index
from .paths import REFERENCE
from .paragraphs import layout
from .quotes import marks

QUOTE_MARKS = "".join(sorted(marks.ALL_MARKS))
LEXICON_FILE = REFERENCE / "quality_lexicon.json"


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return json.loads(LEXICON_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Flag:
    kind: str
    paragraph: int  # 1-based index of the paragraph in the text (the Doc knows no P-numbers)
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    related_paragraph: int | None = None  # 1-based index of the paragraph the flag refers back to


@lru_cache(maxsize=1)
def _speller() -> SpellChecker:
    return SpellChecker(language="en")


@lru_cache(maxsize=1)
def _pattern_terms() -> tuple[str, ...]:
    lines = ENTITY_PATTERNS.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line)["pattern"] for line in lines if line.strip())


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted text, marks included (the one marks layer, :mod:`analysis.quotes.marks`)."""
    return marks.quote_ranges(text)


def _flag(
    doc: Doc, kind: str, start: int, end: int, message: str, suggestion: str | None = None, related: int | None = None
) -> Flag:
    return Flag(kind, paragraph_index(doc.text, start), start, end, doc.text[start:end], message, suggestion, related)


def spelling_flags(doc: Doc) -> list[Flag]:
    speller = _speller()
    known_names = {w.lower() for term in _pattern_terms() for w in re.findall(r"[A-Za-z]+", term)}
    flags = []
    for token in doc:
        word = token.lower_
        if not token.is_alpha or len(word) < 3 or word in speller or word in known_names:
            continue
        if token.ent_type_ in _lexicon()["spelling_skip_labels"]:
            continue
        for pattern, american in _lexicon()["spelling_variants"]:
            variant = re.sub(pattern, american, word)
            if variant != word and variant in speller:
                flags.append(_flag(doc, "spelling_variant", token.idx, token.idx + len(token),
                                   f"British spelling {token.text!r}; American form {variant!r}", variant))
                break
        else:
            candidates = speller.known(speller.edit_distance_1(word))
            if candidates:
                best = speller.correction(word) or sorted(candidates)[0]
                suggestion = best.capitalize() if token.text[0].isupper() else best
                flags.append(_flag(doc, "spelling", token.idx, token.idx + len(token),
                                   f"{token.text!r} is not in the word list; did you mean {suggestion!r}?", suggestion))
    return flags


def lost_symbol_flags(doc: Doc) -> list[Flag]:
    """Terms of ``entity_patterns.jsonl`` that contain a symbol, written with the symbol lost.

    Only the listed terms are known: "C5 1" is flagged because "C5+1" is a pattern there, while
    the same loss in any other term ("G7 2", "Austria Hungary") is not found. To cover a new term,
    add it to the entity patterns (where it also fixes its entity label).
    """
    flags = []
    for term in _pattern_terms():
        if re.fullmatch(r"[\w ]+", term):
            continue
        parts = re.split(r"[^\w ]+", term)
        loose = r"[ ]?".join(re.escape(p) for p in parts)
        for match in re.finditer(rf"(?<![\w+-]){loose}(?![\w+-])", doc.text):
            if match.group() != term:
                flags.append(_flag(doc, "lost_symbol", match.start(), match.end(),
                                   f"{match.group()!r} looks like {term!r} with its symbol lost", term))
    return flags


def fragment_flags(doc: Doc) -> list[Flag]:
    quoted = quote_ranges(doc.text)
    flags = []
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        if len(words) < 4 or any(a < sent.end_char and sent.start_char < b for a, b in quoted):
            continue
        if sent.root.pos_ not in {"VERB", "AUX"}:
            span = sent.text.rstrip()
            flags.append(_flag(doc, "fragment", sent.start_char, sent.start_char + len(span),
                               f"sentence without a main verb (its root {sent.root.text!r} is a {sent.root.pos_})"))
    return flags


def unclosed_quote_flags(doc: Doc) -> list[Flag]:
    """A quotation not closed in its paragraph: continued by the next paragraph (news convention),
    left open at the end of the text, or missing its closing mark (from the one marks layer)."""
    segments, _ = marks.find_segments(doc.text, layout(doc.text))
    notes = {
        "continued": " (news convention: the next paragraph opens with a quotation mark, so the quotation "
                     "probably continues there)",
        "open_at_end": " (the text ends inside the quotation)",
        "unclosed": " (its closing mark is missing)",
    }
    flags = []
    for seg in segments:
        if seg.close_mark is None and not seg.nested:
            flags.append(_flag(doc, "unclosed_quote", seg.open_mark, seg.para_end,
                               f"a quotation is not closed in its paragraph{notes[seg.ending]}"))
    return flags


def _sentences(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"[^.!?]+[.!?]*", text) if m.group().strip()]


def repeated_quote_flags(doc: Doc) -> list[Flag]:
    seen: dict[str, int] = {}
    flags = []
    for a, b in quote_ranges(doc.text):
        for offset, sentence in _sentences(doc.text[a:b]):
            key = marks.normalise_quote(sentence)
            if len(key.split()) < 4:
                continue
            core = sentence.strip(" ,\n" + QUOTE_MARKS)
            start = a + offset + sentence.index(core)
            end = start + len(core)
            if key in seen:
                flags.append(_flag(doc, "repeated_quote", start, end,
                                   "quoted sentence repeats an earlier quotation (see related paragraph)",
                                   related=paragraph_index(doc.text, seen[key])))
            else:
                seen[key] = start
    return flags


def capitalisation_flags(doc: Doc) -> list[Flag]:
    """Proper names with a lower-case content word: inside an entity ("Senate Foreign relations
    Committee"), or a name head such as "union" right after a capitalised name ("Soviet union").

    A head joins the name only when the phrase names one specific thing (:func:`_names_one_thing`):
    "five Central Asian nations" or "Arab states" describe a class of things and are not flagged.
    """
    lexicon = _lexicon()
    proper, heads = set(lexicon["proper_labels"]), set(lexicon["name_heads"])
    flags, seen = [], set()
    for ent in doc.ents:
        if ent.label_ not in proper:
            continue
        name = _content(ent)
        following = doc[ent.end] if ent.end < len(doc) else None
        if (following is not None and following.is_lower and following.lower_ in heads
                and _names_one_thing(following, ent)):
            name = doc[name.start:ent.end + 1]
        lower = [t for t in name if t.is_alpha and t.is_lower and not t.is_stop]
        if any(t.is_title or t.is_upper for t in name) and lower and name.start_char not in seen:
            seen.add(name.start_char)
            fixed = "".join((t.text.capitalize() if t in lower else t.text) + t.whitespace_ for t in name).strip()
            flags.append(_flag(doc, "capitalisation", name.start_char, name.end_char,
                               f"proper name with a lower-case word: {', '.join(repr(t.text) for t in lower)}", fixed))
    return flags


def _names_one_thing(head: Token, ent: Span) -> bool:
    """Whether a lower-case name head after ``ent`` makes a proper name with it, by the parse.

    A proper name refers to one specific thing, so the head does not join when the noun phrase is
    counted or indefinite (a number, or a determiner other than those in the lexicon's
    ``name_determiners``: "five ... nations", "a Soviet republic") or when a plural head follows
    an entity of a ``descriptive_labels`` label, a nationality or group adjective ("Central Asian
    nations", "Arab states"). "the Soviet union" and "the United Arab emirates" still join.
    """
    lexicon = _lexicon()
    for child in head.children:
        if child.dep_ == "nummod" or (child.dep_ in {"det", "predet"} and child.lower_ not in lexicon["name_determiners"]):
            return False
    plural = "Plur" in head.morph.get("Number")
    return not (plural and ent.label_ in lexicon["descriptive_labels"])


def _content(ent: Span) -> Span:
    """The entity without a leading determiner ("the Soviet union" -> "Soviet union")."""
    return ent[1:] if len(ent) > 1 and ent[0].is_stop else ent


RULES = (spelling_flags, lost_symbol_flags, fragment_flags, unclosed_quote_flags, repeated_quote_flags,
         capitalisation_flags)


def quality_flags(doc: Doc) -> list[Flag]:
    """All flags for a parsed text, in text order."""
    return sorted((f for rule in RULES for f in rule(doc)), key=lambda f: (f.start, f.kind))


def flags_frame(flags: list[Flag], paragraph_numbers: dict[int, int] | None = None) -> pd.DataFrame:
    """Flags as a DataFrame, one row per flag.

    With ``paragraph_numbers`` (paragraph index -> the article's P-number, see
    ``Article.paragraph_numbers()``) a ``p_number`` column is added after ``paragraph``.
    """
    frame = pd.DataFrame([f.__dict__ for f in flags], columns=list(Flag.__dataclass_fields__))
    frame["related_paragraph"] = frame["related_paragraph"].astype("Int64")
    if paragraph_numbers is not None:
        frame.insert(2, "p_number", frame["paragraph"].map(paragraph_numbers).astype("Int64"))
        frame["related_p_number"] = frame["related_paragraph"].map(paragraph_numbers).astype("Int64")
    return frame
