"""The ``quotes`` pipeline component (``nlp.add_pipe("quotes")``): quotations and who said them.

For each Doc:

1. **Paragraphs and marks** (:mod:`.marks` on :mod:`analysis.paragraphs`): the paragraph convention
   is detected and recorded (``doc._.paragraph_convention``); quotation marks are paired, nested
   quotations kept, a quotation open at the end of the text kept and flagged. A quotation whose
   closing mark is missing ends at an attribution inside its paragraph (``, Pires said``) or at the
   paragraph's end; every problem is a warning record on ``doc._.quote_warnings``, never an error.
2. **Kinds**: ``full`` (its own clause), ``partial`` (worked into reported speech), ``scare``,
   ``title``; scare quotes and titles are not attributed (unless nested in a quotation).
3. **The document model** (:mod:`.model`) of the people and organisations mentioned.
4. **Stage 1, quotation -> mention** (:mod:`.mention_sieves`) and **stage 2, mention -> entity**
   (:mod:`.entity_sieves`): ordered, named sieves; ``attribution`` names the ones that decided
   (``trigram``, ``parse+pronoun``, ``continuation``, ``context``, ...).
5. **Channel** from the cue's clause ("wrote on X" -> social media post), and **repeats**: a
   quotation contained in an earlier one by the same speaker is ``duplicate_of`` it.

Results: ``doc.spans["quotes"]`` (label = speaker, else ``unattributed`` or the kind) with the Span
extensions of :data:`SPAN_ATTRS`.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors import ACTORS_FILE, TITLES_FILE, ActorRegistry, load_registry, load_titles
from ..paragraphs import layout
from .entity_sieves import attribute, echo
from .lexicon import CUES_FILE, SPEAKER_FILE, CueLexicon, SpeakerLexicon, load_cues, load_speaker_lexicon
from .marks import Segment, _warning, find_segments, normalise_quote
from .mention_sieves import _cue_candidates, find_mention
from .model import DocumentModel
from .state import SENTENCE_END, Context, Quote

SPANS_KEY = "quotes"
KINDS = ("full", "partial", "scare", "title")

#: Span extensions set by the component (name -> meaning); all default to None.
SPAN_ATTRS: dict[str, str] = {
    "quote_id": "q1, q2, ... in document order",
    "paragraph": "1-based position of the quotation's paragraph in the text",
    "kind": "full | partial | scare | title",
    "speaker": "primary speaker: actors.csv canonical name when linked, else the entity's name; None if unattributed",
    "speakers": "every speaker of a coordinated attribution, primary first (a list)",
    "speaker_entity": "name of the document entity the speaker resolved to (fullest name in the text)",
    "speaker_mention": "the words naming the speaker in the attribution (a pronoun stays as written)",
    "speaker_role": "role given by an apposition next to the speaker, if any",
    "actor_id": "id in data/reference/actors.csv, None when not linked",
    "cue": "the reporting verb or phrase as written (said, wrote, according to, ...)",
    "channel": "social media post | speech/remarks | press remarks | ... when the text states it",
    "continues": "quote_id of the quotation this segment continues",
    "duplicate_of": "quote_id of an earlier quotation by the same speaker that contains this one",
    "inherited": "True when speaker/cue/channel were taken from the continued quotation",
    "attribution": "the sieves that decided: stage 1 (+ stage 2 when the mention needed resolving), or none",
    "unnamed": "True when the speaker is an unnamed source (a senior official, officials)",
    "nested": "True for a quotation inside another quotation (it keeps the outer speaker)",
    "open_at_end": "True when the text ends inside the quotation",
}
BOOLEAN_ATTRS = ("inherited", "unnamed", "nested", "open_at_end")


class QuoteAttributor:
    """The ``quotes`` pipeline component (see the module docstring)."""

    def __init__(self, cues: CueLexicon, registry: ActorRegistry, lexicon: SpeakerLexicon, titles: tuple[str, ...],
                 common_nouns: frozenset[str] = frozenset()) -> None:
        self.cues = cues
        self.registry = registry
        self.lexicon = lexicon
        self.titles = frozenset(t.casefold() for t in titles)
        self.common_nouns = common_nouns  # English common nouns (the lemmatizer's WordNet index)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        paragraphs = layout(text)
        doc._.paragraph_convention = paragraphs.convention
        segments, warnings = find_segments(text, paragraphs)
        in_quote = [False] * len(doc)
        kept: list[tuple[Segment, Span]] = []
        for seg in segments:
            span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                warnings.append(_warning(seg.paragraph, seg.open_mark, text[seg.open_mark], "quotation does not align with tokens"))
                continue
            kept.append((seg, span))
        for seg, span in kept:
            lo = self._token_at(doc, seg.open_mark)
            hi = self._token_at(doc, seg.close_mark) if seg.close_mark is not None else span.end - 1
            for i in range(lo, hi + 1):
                in_quote[i] = True
        kept = [self._cut_unclosed(doc, seg, span, in_quote) for seg, span in kept]
        model = DocumentModel(doc, self.lexicon, self.titles, in_quote, tuple(start for start, _ in paragraphs.bounds),
                              frozenset(self.cues.verbs) | self.cues.nouns, self.common_nouns)
        ctx = Context(doc, self.cues, self.lexicon, self.registry, model, in_quote, [s for s, _ in kept], paragraphs.bounds,
                      text=text)
        quotes = [Quote(seg, span, "full", f"q{n}") for n, (seg, span) in enumerate(kept, start=1)]
        for q in quotes:
            q.kind = self._kind(ctx, q)
            ctx.quotes_so_far.append(q)
        for q in quotes:
            attribute(ctx, q, find_mention(ctx, q), lambda tok: self._channel(tok, in_quote))
            ctx.quotes.append(q)
        echo(ctx, quotes)
        self._duplicates(quotes)
        doc.spans[SPANS_KEY] = [self._span(doc, q) for q in quotes]
        doc.user_data["quote_warnings"] = warnings
        return doc

    @staticmethod
    def _span(doc: Doc, q: Quote) -> Span:
        label = q.speaker or ("unattributed" if q.kind in ("full", "partial") else q.kind)
        span = Span(doc, q.span.start, q.span.end, label=label)
        values: dict[str, Any] = {
            "quote_id": q.quote_id, "paragraph": q.seg.paragraph, "kind": q.kind, "speaker": q.speaker,
            "speakers": list(q.speakers), "speaker_entity": q.speaker_entity, "speaker_mention": q.speaker_mention,
            "speaker_role": q.speaker_role, "actor_id": q.actor_id, "cue": q.cue, "channel": q.channel,
            "continues": q.continues, "duplicate_of": q.duplicate_of, "inherited": q.inherited,
            "attribution": q.attribution, "unnamed": q.unnamed, "nested": q.seg.nested, "open_at_end": q.seg.open_at_end,
        }
        for key, value in values.items():
            span._.set(key, value)
        return span

    @staticmethod
    def _token_at(doc: Doc, char: int) -> int:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None and len(span) else 0

    def _cut_unclosed(self, doc: Doc, seg: Segment, span: Span, in_quote: list[bool]) -> tuple[Segment, Span]:
        """A quotation missing its closing mark ends before an attribution in its paragraph
        (``"We are ready, Mayor Ana Pires said``, ``..., the prosecutor, Ana Pires, said on Monday``):
        at the first comma followed, before any other verb, by a reporting verb and its subject."""
        if seg.ending not in ("unclosed", "continued", "open_at_end") or seg.close_mark is not None:
            return seg, span
        tokens = list(span)
        words = [t for t in tokens if not t.is_space]
        for k, comma in enumerate(tokens):
            if comma.text != ",":
                continue
            j, limit = k + 1, k + 14
            while j < min(len(tokens), limit):
                tok, j = tokens[j], j + 1
                relative = _set_off_relative(doc, comma, tok)
                if relative is not None:  # "..., Ana Pires, who chairs the board, said": the relative clause
                    skipped = relative.right_edge.i + 2 - tok.i  # describes the speaker; the attribution goes on
                    j, limit = j + skipped - 1, limit + skipped
                    continue
                if tok.pos_ == "CCONJ" and tok.i == comma.i + 1 and self._goes_on_reporting(doc, seg, tok):
                    return self._cut(doc, seg, span, comma, in_quote)  # 'said the limit was "a recipe for panic, and
                    # told reporters that ...': the reporter's sentence goes on with a second reporting verb
                if tok.text in SENTENCE_END or (tok.pos_ == "CCONJ" and not _joins_roles(tok)):
                    break
                if tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound") and tok.head.i > tok.i:
                    continue  # "..., lead author X said", "..., acting chair X said": a verb form modifying a noun
                if tok.pos_ in ("VERB", "AUX"):
                    if seg.ending != "unclosed" and not _ends_paragraph(tok, words):
                        break  # a quotation continued in the next paragraph, or still open when the text ends, is cut
                        # only before an attribution that ends its paragraph ("“Most of them are outdoor workers, she
                        # said.", "“I've done the sums, said X, who has run the cafe since 2011.")
                    if any(c.dep_ == "dobj" and c.lower_ in ("it", "this", "that") for c in tok.children):
                        break  # "..., they announced it in 2023": the quotation's own clause, not an attribution
                    subj = [c for c in tok.children if c.dep_ == "nsubj" and c.left_edge.i == comma.i + 1]  # right after it
                    between = doc[comma.i + 1:tok.i]
                    noun_phrase = any(t.pos_ in ("NOUN", "PROPN") for t in between) and all(
                        t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "SPACE") or t.text in (",", "-", "of", "'s", "\u2019s")
                        or (t.pos_ == "CCONJ" and _joins_roles(t)) for t in between)  # not "not" ("..., not marketing, X said": the quotation's own words)  # "..., the council's transport chair, Ingrid Haugen, said" (parsed as an object),
                    # "..., Leader of the Opposition X told reporters"
                    if tok.pos_ == "VERB" and tok.lemma_.lower() in self.cues.verbs and (subj or noun_phrase or tok.i == comma.i + 1):
                        if doc[tok.i - 1].text == "," and doc[tok.i - 1].i > comma.i and tok.i + 1 < len(doc) \
                                and doc[tok.i + 1].pos_ in ("PROPN", "DET") and not any(
                                    t.pos_ == "PROPN" for t in doc[comma.i + 1:tok.i]):  # not "..., the chair, X, told the"
                            comma = doc[tok.i - 1]  # "..., two at a time, ten times a day, said X": the inverted cue
                            # opens the attribution, whatever the parser took for its subject
                        return self._cut(doc, seg, span, comma, in_quote)
                    break
        return seg, span

    def _goes_on_reporting(self, doc: Doc, seg: Segment, conj: Token) -> bool:
        """After ", and" a reporting verb joined to the reporter's clause that a reporting verb before the quotation governs."""
        verb = doc[conj.i + 1] if conj.i + 1 < len(doc) else None
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in self.cues.verbs or verb.dep_ != "conj":
            return False
        return any(a.idx < seg.open_mark and a.pos_ == "VERB" and a.lemma_.lower() in self.cues.verbs
                   for a in verb.ancestors)  # "X said the limit was '..., and told": joined to "was", under "said"

    @staticmethod
    def _cut(doc: Doc, seg: Segment, span: Span, comma: Token, in_quote: list[bool]) -> tuple[Segment, Span]:
        seg.end = comma.idx
        while seg.end > seg.start and doc.text[seg.end - 1].isspace():
            seg.end -= 1
        seg.raw_last, seg.cut = ",", True
        if seg.ending == "open_at_end":
            seg.ending = "unclosed"  # the attribution after it ends the text, not the quotation
        for i in range(comma.i, span.end):
            in_quote[i] = False
        new = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        return seg, new if new is not None and len(new) else span

    def _kind(self, ctx: Context, q: Quote) -> str:
        text, seg = ctx.text, q.seg
        before = text[seg.para_start:seg.open_mark].rstrip()
        if re.fullmatch(r"[\d:.\s]*(?:[ap]\.?m\.?)?", before, flags=re.IGNORECASE):
            before = ""  # a live-blog time stamp ("08:40") is not a sentence the quotation is part of
        prev_char = before[-1] if before else ""
        after = text[seg.close_mark + 1:seg.para_end].lstrip() if seg.close_mark is not None else ""
        next_char = after[:1]
        embedded = prev_char.isalnum() or (prev_char != "" and prev_char in ")]") or (
            next_char.isalpha() and next_char.islower() and seg.raw_last not in ".,!?;:\u2014\u2013-\u2026"
        ) or (prev_char == "," and after[:1] == "," and after[1:].lstrip()[:1].islower())  # "a series, 'X', will ..."
        if seg.nested:
            embedded = embedded or bool(before) and not before.endswith((":", ",")) and prev_char not in "\u201c\u2018\"'"
        if not embedded:
            if prev_char == "," and seg.raw_last == "," and next_char.islower() and _title_case(q.span) \
                    and not any(t.pos_ in ("VERB", "AUX") for t in q.span):
                return "title"  # 'the course, "Argument and American Literature," had been dropped': set off by commas
            return "full"
        words_before = _words_before(ctx, q)
        reported = q.span.text[:1].islower() and not seg.nested and bool(_cue_candidates(ctx, ctx.sentence_frame(q), q))
        if _ends_with(words_before, self.cues.titles, within=3) and not reported:
            return "title"  # not "X called the book 'a quiet, furious novel ...'": words in lower case a verb reports
        all_words = re.findall(r"[\w'-]+", before[-80:].casefold())
        if _title_case(q.span) and _ends_with(all_words, self.cues.titles, within=3):
            return "title"  # "his favourite book is "One Hundred Years of Solitude"": title-cased, so a title
        if _title_case(q.span) and not any(t.pos_ in ("VERB", "AUX") for t in q.span):
            return "title"  # "who wrote hits including 'Tide Road' and 'Saints of Small Towns'": capitalised words set
            # in a sentence without a clause of their own name a work, whatever cue stands nearby
        if _ends_with(words_before, self.cues.scare, within=2):
            return "scare"
        if not seg.nested and _cue_candidates(ctx, ctx.sentence_frame(q), q):
            return "partial"
        if not seg.nested and self._follows_partial(ctx, q) and not _title_case(q.span):
            return "partial"  # said the deal was "a good start" and "long overdue"
        return "scare" if not seg.nested else "partial"

    @staticmethod
    def _follows_partial(ctx: Context, q: Quote) -> bool:
        """An earlier partial quotation of the same sentence, joined to this one by a conjunction or comma."""
        earlier = [o for o in ctx.quotes_so_far if o.kind == "partial" and o.span.sent.start == q.span.sent.start]
        if not earlier or earlier[-1].seg.close_mark is None:
            return False
        between = ctx.doc[earlier[-1].span.end:q.span.start]
        return not any(t.text in SENTENCE_END for t in between)  # "said it was 'disappointed' and that its offer was 'final'"

    def _channel(self, cue_tok: Token, in_quote: list[bool]) -> str | None:
        """Channel from the cue's clause (quoted words excluded), else the verb's default."""
        clause = " ".join(t.text for t in cue_tok.subtree if not t.is_space and not in_quote[t.i])
        for pattern, channel in self.cues.channels:
            if pattern.search(clause):
                return channel
        return self.cues.verbs.get(cue_tok.lemma_.lower())

    @staticmethod
    def _duplicates(quotes: list[Quote]) -> None:
        norm = [normalise_quote(q.span.text) for q in quotes]
        for i, q in enumerate(quotes):
            if not q.speaker or q.kind not in ("full", "partial") or q.seg.nested:
                continue
            for j in range(i):
                o = quotes[j]
                if o.speaker == q.speaker and o.kind in ("full", "partial") and not o.seg.nested \
                        and f" {norm[i]} " in f" {norm[j]} ":
                    q.duplicate_of = o.quote_id
                    break


def _set_off_relative(doc: Doc, comma: Token, tok: Token) -> Token | None:
    """The verb of a relative clause set off by commas that ``tok`` (its wh-word) opens, on a noun after ``comma``
    (", Ana Pires, who chairs the board, said", ", X, whose family has fished here, said"), else None."""
    if tok.tag_ not in ("WP", "WP$") or doc[tok.i - 1].text != ",":
        return None
    verb = next((a for a in (tok, *tok.ancestors) if a.dep_ == "relcl"), None)
    if verb is None or verb.left_edge.i != tok.i or not comma.i < verb.head.i < tok.i:
        return None
    right = verb.right_edge.i
    return verb if right + 1 < len(doc) and doc[right + 1].text == "," else None


def _ends_paragraph(verb: Token, words: list[Token]) -> bool:
    """The words from a reporting verb to the end of the paragraph are one sentence, the verb's own attribution: its
    other verbs only describe the speaker ("said X, who has run the cafe since 2011.")."""
    if not words or words[-1].text not in SENTENCE_END or words[-1].i <= verb.i:
        return False
    rest = [t for t in words if verb.i < t.i < words[-1].i]
    if any(t.text in SENTENCE_END for t in rest):
        return False
    ids = {t.i for t in rest}
    return all(t.pos_ not in ("VERB", "AUX") or any(a.dep_ in ("relcl", "acl", "appos") and a.i in ids
                                                      for a in (t, *t.ancestors)) for t in rest)


def _joins_roles(tok: Token) -> bool:
    """A conjunction between two nouns of one noun phrase ("co-founder and CEO X said"), not one that opens a clause."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].pos_ in ("NOUN", "PROPN") and doc[tok.i + 1].pos_ in ("NOUN", "PROPN", "ADJ")


def _title_case(span: Span) -> bool:
    """Every word capitalised ("Plugged In", "Byte Size"): the shape of a title."""
    words = [t for t in span if t.is_alpha and not (t.is_stop and t.is_lower and len(t) <= 4)]  # "Years of Solitude"
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words)


def _words_before(ctx: Context, q: Quote) -> list[str]:
    """The lower-case words before a quotation in its paragraph, back to the nearest verb in the present
    or infinitive or auxiliary: a title or scare trigger names the quotation it stands next to ("the
    film 'X'", "titled 'X'"), not the complement of a verb ("the choice to show the film was '...'")."""
    start = i = ctx.token_at(q.seg.open_mark) - 1
    while i >= 0 and ctx.doc[i].idx >= q.seg.para_start and start - i < 12:
        tok = ctx.doc[i]
        if tok.pos_ == "AUX" or (tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBP", "VBZ", "VBG")):
            break
        i -= 1
    begin = ctx.doc[i + 1].idx if i + 1 <= start else q.seg.open_mark
    return re.findall(r"[\w'-]+", ctx.text[max(begin, q.seg.para_start):q.seg.open_mark].casefold())


def _ends_with(words: list[str], triggers: tuple[tuple[str, ...], ...], within: int) -> bool:
    tail = words[-(within + 2):]
    for trig in triggers:
        n = len(trig)
        for k in range(len(tail) - n + 1):
            if tuple(tail[k:k + n]) == trig and len(tail) - (k + n) < within:
                return True
    return False


# --------------------------------------------------------------------------- registration
for _name in SPAN_ATTRS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("quote_warnings"):
    Doc.set_extension("quote_warnings", getter=lambda doc: list(doc.user_data.get("quote_warnings", [])))
if not Doc.has_extension("paragraph_convention"):
    Doc.set_extension("paragraph_convention", default=None)


@Language.factory(
    "quotes",
    default_config={"cues_path": "", "actors_path": "", "titles_path": "", "speakers_path": ""},
)
def make_quotes(nlp: Language, name: str, cues_path: str, actors_path: str, titles_path: str,
                speakers_path: str) -> QuoteAttributor:
    """Factory: empty paths mean the curated tables in data/reference/."""
    cues = load_cues(cues_path or CUES_FILE)
    registry = load_registry(str(actors_path or ACTORS_FILE), str(titles_path or TITLES_FILE))
    lexicon = load_speaker_lexicon(speakers_path or SPEAKER_FILE)
    return QuoteAttributor(cues, registry, lexicon, load_titles(titles_path or TITLES_FILE), _common_nouns(nlp))


def _common_nouns(nlp: Language) -> frozenset[str]:
    """The English common nouns the trained pipeline's rule lemmatizer knows (its WordNet index), or none."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


__all__ = ["KINDS", "BOOLEAN_ATTRS", "QuoteAttributor", "SPAN_ATTRS", "SPANS_KEY", "make_quotes"]
