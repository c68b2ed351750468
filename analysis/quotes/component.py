"""Quotation spans and their attribution: a spaCy component (``nlp.add_pipe("quotes")``).

The component works on any text whose paragraphs are separated by blank lines:

1. **Spans.** Double quotation marks (straight or curly) are paired within each paragraph. A
   paragraph that leaves a quotation open continues into the next paragraph when that one opens
   with a quotation mark (the news convention for multi-paragraph quotes). Any other unpaired mark
   becomes a warning record on ``doc._.quote_warnings``; it never raises.
2. **Kinds.** A quotation standing as its own clause (at the start of a sentence, or after
   "said," / ":") is ``full``; a word or phrase worked into a sentence is ``partial`` when a speech
   cue governs the sentence, a ``title`` after a title word ("titled", "book", ...), otherwise a
   ``scare`` quote. Scare quotes and titles are not attributed.
3. **Attribution** from the dependency parse, within the sentence around the quotation first: the
   reporting verb from the cue lexicon (``data/reference/quote_cues.csv``) nearest the root,
   its ``nsubj`` as the speaker (an apposition gives the role, or the name when the subject is a
   common noun), or "according to X". "he"/"she" resolve to the last attributed person. A quotation
   without a cue of its own inherits speaker, cue and channel from the quotation it continues (an
   earlier one in the same paragraph, or across a paragraph break only by continuation) and says so
   (``inherited``, ``continues``).
4. **Channel** from the cue's clause ("wrote on Truth Social" -> social media post, ...).
5. **Repeats.** A quotation whose words are contained in an earlier one by the same speaker is
   ``duplicate_of`` that one.

Results: ``doc.spans["quotes"]`` (label = speaker, or the kind when there is none) with the Span
extensions listed in ``SPAN_ATTRS``. ``statements_frame(doc)`` and ``extract_statements(text)``
give the tidy table.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors import ACTORS_FILE, TITLES_FILE, ActorRegistry, load_registry
from .lexicon import CUES_FILE, CueLexicon, load_cues
from .marks import Segment, _warning, find_segments, normalise_quote

SPANS_KEY = "quotes"
KINDS = ("full", "partial", "scare", "title")
SENTENCE_END = frozenset({".", "!", "?", ";"})
PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_OTHER = frozenset({"i", "we", "they", "you", "it", "him", "her", "them"})
SUBJECT_DEPS = ("nsubj",)

#: Span extensions set by the component (name -> meaning); all default to None.
SPAN_ATTRS: dict[str, str] = {
    "quote_id": "q1, q2, ... in document order",
    "paragraph": "1-based position of the quotation's paragraph in the text",
    "kind": "full | partial | scare | title",
    "speaker": "canonical actor name when linked, else the surface mention; None if unattributed",
    "speaker_mention": "the words naming the speaker in the text (a pronoun stays as written)",
    "speaker_role": "role given by an apposition next to the speaker, if any",
    "actor_id": "id in data/reference/actors.csv, None when not linked",
    "cue": "the reporting verb or phrase as written (said, wrote, according to, ...)",
    "channel": "social media post | speech/remarks | press remarks | ... when the text states it",
    "continues": "quote_id of the quotation this segment continues",
    "duplicate_of": "quote_id of an earlier quotation by the same speaker that contains this one",
    "inherited": "True when speaker/cue/channel were taken from the continued quotation",
    "attribution": "how the speaker was found: cue | pronoun | continuation | none",
}


# --------------------------------------------------------------------------- attribution
@dataclass
class Attribution:
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_role: str | None = None
    actor_id: str | None = None
    cue: str | None = None
    channel: str | None = None
    attribution: str = "none"
    pronoun: bool = False


@dataclass
class _Found:
    seg: Segment
    span: Span
    kind: str
    attr: Attribution = field(default_factory=Attribution)
    quote_id: str = ""
    continues: str | None = None
    inherited: bool = False
    duplicate_of: str | None = None


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


class QuoteAttributor:
    """The ``quotes`` pipeline component (see the module docstring)."""

    def __init__(self, cues: CueLexicon, registry: ActorRegistry) -> None:
        self.cues = cues
        self.registry = registry

    # -- the component
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        segments, warnings = find_segments(text)
        in_quote = [False] * len(doc)
        found: list[_Found] = []
        for seg in segments:
            span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                warnings.append(_warning(seg.paragraph, seg.open_mark, text[seg.open_mark], "quotation does not align with tokens"))
                continue
            lo = self._token_at(doc, seg.open_mark)
            hi = self._token_at(doc, seg.close_mark) if seg.close_mark is not None else span.end - 1
            for i in range(lo, hi + 1):
                in_quote[i] = True
            found.append(_Found(seg, span, "full", quote_id=f"q{len(found) + 1}"))
        for q in found:
            q.kind = self._kind(doc, text, q, in_quote)
        self._attribute(doc, text, found, in_quote)
        self._duplicates(found)
        spans = []
        for q in found:
            label = q.attr.speaker or ("unattributed" if q.kind in ("full", "partial") else q.kind)
            span = Span(doc, q.span.start, q.span.end, label=label)
            values = {
                "quote_id": q.quote_id, "paragraph": q.seg.paragraph, "kind": q.kind, "continues": q.continues,
                "duplicate_of": q.duplicate_of, "inherited": q.inherited,
                **{k: getattr(q.attr, k) for k in ("speaker", "speaker_mention", "speaker_role", "actor_id", "cue", "channel", "attribution")},
            }
            for key, value in values.items():
                span._.set(key, value)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        doc.user_data["quote_warnings"] = warnings
        return doc

    @staticmethod
    def _token_at(doc: Doc, char: int) -> int:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None and len(span) else 0

    # -- frames: the words around a quotation, outside any quotation, within its sentence
    def _frame(self, doc: Doc, q: _Found, in_quote: list[bool], side: str) -> list[Token]:
        ps, pe = q.seg.para_start, q.seg.para_end
        tokens: list[Token] = []
        if side == "before":
            i = self._token_at(doc, q.seg.open_mark) - 1
            while i >= 0 and doc[i].idx >= ps and not in_quote[i] and doc[i].text not in SENTENCE_END:
                if not doc[i].is_space:
                    tokens.append(doc[i])
                i -= 1
            return tokens[::-1]
        if q.seg.close_mark is None:
            return []
        i = self._token_at(doc, q.seg.close_mark) + 1
        while i < len(doc) and doc[i].idx < pe and not in_quote[i]:
            if not doc[i].is_space:
                tokens.append(doc[i])
            if doc[i].text in SENTENCE_END:
                break
            i += 1
        return tokens

    def _kind(self, doc: Doc, text: str, q: _Found, in_quote: list[bool]) -> str:
        seg = q.seg
        before = text[seg.para_start:seg.open_mark].rstrip()
        prev_char = before[-1] if before else ""
        after = text[seg.close_mark + 1:seg.para_end].lstrip() if seg.close_mark is not None else ""
        next_char = after[:1]
        embedded = prev_char.isalnum() or (prev_char != "" and prev_char in ")]") or (
            next_char.isalpha() and next_char.islower() and seg.raw_last not in ".,!?;:\u2014\u2013-\u2026"
        )
        if not embedded:
            return "full"
        words_before = re.findall(r"[\w'-]+", before[-80:].casefold())
        if self._ends_with(words_before, self.cues.titles, within=3):
            return "title"
        if self._ends_with(words_before, self.cues.scare, within=2):
            return "scare"
        if self._cue_candidates(self._sentence_frame(doc, q, in_quote), q):
            return "partial"
        return "scare"

    @staticmethod
    def _ends_with(words: list[str], triggers: tuple[tuple[str, ...], ...], within: int) -> bool:
        tail = words[-(within + 2):]
        for trig in triggers:
            n = len(trig)
            for k in range(len(tail) - n + 1):
                if tuple(tail[k:k + n]) == trig and len(tail) - (k + n) < within:
                    return True
        return False

    def _sentence_frame(self, doc: Doc, q: _Found, in_quote: list[bool]) -> list[Token]:
        """Both sides of an embedded quotation, skipping over the quotation itself."""
        return self._frame(doc, q, in_quote, "before") + self._frame(doc, q, in_quote, "after")

    def _cue_candidates(self, frame: list[Token], q: _Found) -> list[tuple[Token, Token | None, str]]:
        """(cue head token, speaker token or None, cue text) for each cue in the frame."""
        out = []
        inside = set(range(q.span.start, q.span.end))
        lows = [t.lower_ for t in frame]
        for k, tok in enumerate(frame):
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.cues.verbs:
                out.append((tok, self._subject(tok, frame, inside), tok.text))
            for phrase in self.cues.phrases:
                if tuple(lows[k:k + len(phrase)]) == phrase:
                    last = frame[k + len(phrase) - 1]
                    obj = next((c for c in last.children if c.dep_ == "pobj"), None)
                    if obj is None and k + len(phrase) < len(frame):
                        obj = frame[k + len(phrase)]
                    cue_text = doc_text(frame[k:k + len(phrase)])
                    out.append((tok, obj, cue_text))
        return out

    @staticmethod
    def _subject(verb: Token, frame: list[Token], inside: set[int]) -> Token | None:
        in_frame = {t.i for t in frame}
        head: Token | None = verb
        for _ in range(3):  # "X smiled and said": the subject of the first conjunct
            if head is None:
                break
            subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i not in inside), None)
            if subj is not None:
                return subj
            head = head.head if head.dep_ in ("conj", "xcomp") and head.head is not head else None
        # fallback (no subject in the parse): a proper noun right next to the verb ("said Trump")
        near = sorted((t for t in frame if t.pos_ == "PROPN" and abs(t.i - verb.i) <= 3 and t.i in in_frame), key=lambda t: abs(t.i - verb.i))
        return near[0].head if near and near[0].dep_ == "compound" else (near[0] if near else None)

    def _choose(self, candidates: list[tuple[Token, Token | None, str]], q: _Found):
        if not candidates:
            return None
        first = q.span[0]
        ancestors = {a.i for a in first.ancestors}
        return min(candidates, key=lambda c: (c[0].i not in ancestors, _depth(c[0]), abs(c[0].i - q.span.start)))

    def _mention(self, tok: Token) -> tuple[Span, str | None]:
        """The speaker's name phrase (with titles) and an appositive role, if any."""
        doc = tok.doc
        role = None
        appos = [c for c in tok.children if c.dep_ == "appos"]
        if tok.pos_ != "PROPN" and tok.ent_type_ != "PERSON":
            named = [a for a in appos if a.pos_ == "PROPN" or a.ent_type_ == "PERSON"]
            if named:
                # "The committee's chairwoman, Rosa Lind," -> role; "One of them, X, an expert ..." -> the other apposition
                others = [a for a in appos if a is not named[0]] + [a for a in named[0].children if a.dep_ == "appos"]
                if others:
                    role = _clean(doc[others[0].left_edge.i:others[0].right_edge.i + 1].text)
                elif tok.pos_ not in ("NUM", "PRON"):
                    role = _clean(doc[tok.left_edge.i:tok.i + 1].text)
                tok = named[0]
                appos = []
        elif appos:
            a = appos[0]
            role = _clean(doc[a.left_edge.i:a.right_edge.i + 1].text)
        keep = {tok.i}
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.lefts:
                if c.dep_ in ("compound", "flat", "nmod", "amod", "poss", "case", "prep", "pobj", "punct", "det") and c.i < tok.i:
                    if c.dep_ == "punct" and c.text not in "-\u2010":
                        continue
                    keep.add(c.i)
                    keep.update(x.i for x in c.subtree if x.i < tok.i)
                    stack.append(c)
        lo = min(keep)
        while lo < tok.i and (doc[lo].dep_ == "punct" or (tok.text[:1].isupper() and doc[lo].dep_ == "det")):
            lo += 1
        return doc[lo:tok.i + 1], role

    def _attribute(self, doc: Doc, text: str, found: list[_Found], in_quote: list[bool]) -> None:
        last_person: Attribution | None = None
        by_para: dict[int, list[_Found]] = {}
        for q in found:
            if q.kind in ("scare", "title"):
                q.attr = Attribution()
                by_para.setdefault(q.seg.paragraph, []).append(q)
                continue
            pick = None
            if q.kind == "partial":
                pick = self._choose(self._cue_candidates(self._sentence_frame(doc, q, in_quote), q), q)
            else:
                before = self._frame(doc, q, in_quote, "before")
                after = self._frame(doc, q, in_quote, "after")
                after_ok = q.seg.raw_last == "," or (q.seg.raw_last != "." and not self._frame_leads_next(text, q, found))
                order = [after, before] if q.seg.raw_last in (",", "!", "?", "\u2014") else [before, after]
                for frame in order:
                    if frame is after and not after_ok:
                        continue
                    pick = self._choose(self._cue_candidates(frame, q), q)
                    if pick:
                        break
            if pick:
                q.attr = self._resolve(pick, last_person, in_quote, [o.attr.speaker for o in found if o.attr.speaker])
            else:
                source = self._continued(q, found, by_para)
                if source is not None:
                    q.attr = Attribution(**{**source.attr.__dict__, "attribution": "continuation"})
                    q.continues, q.inherited = source.quote_id, True
            by_para.setdefault(q.seg.paragraph, []).append(q)
            if q.attr.speaker and not q.attr.pronoun:
                last_person = q.attr

    def _frame_leads_next(self, text: str, q: _Found, found: list[_Found]) -> bool:
        """The words after a quotation end with "," or ":" right before the next quotation."""
        nxt = next((o for o in found if o.seg.open_mark > q.seg.open_mark and o.seg.paragraph == q.seg.paragraph), None)
        if nxt is None or q.seg.close_mark is None:
            return False
        between = text[q.seg.close_mark + 1:nxt.seg.open_mark].rstrip()
        return bool(between) and between[-1] in ",:" and not any(ch in ".!?" for ch in between)

    def _continued(self, q: _Found, found: list[_Found], by_para: dict[int, list[_Found]]) -> _Found | None:
        """The attributed quotation this one continues, or None (never across a paragraph otherwise)."""
        earlier = [o for o in by_para.get(q.seg.paragraph, []) if o.kind == "full"]
        if earlier:
            return earlier[-1] if earlier[-1].attr.speaker else None
        if q.seg.open_mark != q.seg.para_start:
            return None
        prev = [o for o in by_para.get(q.seg.paragraph - 1, []) if o.kind == "full"]
        if not prev or not prev[-1].attr.speaker:
            return None
        if q.seg.after_open or prev[-1].seg.close_mark is not None:
            return prev[-1]
        return None

    def _known_surname(self, mention: str, speakers: list[str]) -> str | None:
        """An unlisted speaker named again by surname only ("Ken Ito" ... "Ito") in the same text."""
        rest = self.registry.strip_titles(mention)
        if len(rest.split()) != 1:
            return None
        matches = {s for s in speakers if len(s.split()) > 1 and s.split()[-1] == rest}
        return matches.pop() if len(matches) == 1 else None

    def _resolve(self, pick: tuple[Token, Token | None, str], last_person: Attribution | None, in_quote: list[bool], speakers: list[str]) -> Attribution:
        cue_tok, subj, cue_text = pick
        channel = self._channel(cue_tok, in_quote)
        if subj is None:
            return Attribution(cue=cue_text, channel=channel, attribution="cue")
        if subj.lower_ in PRONOUNS_PERSON:
            if last_person is None:
                return Attribution(speaker_mention=subj.text, cue=cue_text, channel=channel, attribution="none", pronoun=True)
            return Attribution(
                speaker=last_person.speaker, speaker_mention=subj.text, speaker_role=last_person.speaker_role,
                actor_id=last_person.actor_id, cue=cue_text, channel=channel, attribution="pronoun", pronoun=True,
            )
        if subj.lower_ in PRONOUNS_OTHER:
            return Attribution(speaker_mention=subj.text, cue=cue_text, channel=channel, attribution="none", pronoun=True)
        mention, role = self._mention(subj)
        actor = self.registry.link(mention.text)
        speaker = actor.name if actor else self._known_surname(mention.text, speakers) or _clean(mention.text)
        return Attribution(
            speaker=speaker, speaker_mention=_clean(mention.text),
            speaker_role=role, actor_id=actor.actor_id if actor else None, cue=cue_text, channel=channel, attribution="cue",
        )

    def _channel(self, cue_tok: Token, in_quote: list[bool]) -> str | None:
        """Channel from the cue's clause (quoted words excluded), else the verb's default."""
        clause = " ".join(t.text for t in cue_tok.subtree if not t.is_space and not in_quote[t.i])
        for pattern, channel in self.cues.channels:
            if pattern.search(clause):
                return channel
        return self.cues.verbs.get(cue_tok.lemma_.lower())

    @staticmethod
    def _duplicates(found: list[_Found]) -> None:
        norm = [normalise_quote(q.span.text) for q in found]
        for i, q in enumerate(found):
            if not q.attr.speaker or q.kind not in ("full", "partial"):
                continue
            for j in range(i):
                o = found[j]
                if o.attr.speaker == q.attr.speaker and o.kind in ("full", "partial") and f" {norm[i]} " in f" {norm[j]} ":
                    q.duplicate_of = o.quote_id
                    break


def doc_text(tokens: Iterable[Token]) -> str:
    tokens = list(tokens)
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text if tokens else ""


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")


# --------------------------------------------------------------------------- registration
for _name in SPAN_ATTRS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("quote_warnings"):
    Doc.set_extension("quote_warnings", getter=lambda doc: list(doc.user_data.get("quote_warnings", [])))


@Language.factory(
    "quotes",
    default_config={"cues_path": "", "actors_path": "", "titles_path": ""},
)
def make_quotes(nlp: Language, name: str, cues_path: str, actors_path: str, titles_path: str) -> QuoteAttributor:
    """Factory: empty paths mean the curated tables in data/reference/."""
    cues = load_cues(cues_path or CUES_FILE)
    registry = load_registry(str(actors_path or ACTORS_FILE), str(titles_path or TITLES_FILE))
    return QuoteAttributor(cues, registry)


__all__ = ["KINDS", "QuoteAttributor", "SPAN_ATTRS", "SPANS_KEY", "make_quotes"]
