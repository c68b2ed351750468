"""What the sieves share: one record per quotation, the document's context, and token helpers."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..actors import ActorRegistry
from .lexicon import CueLexicon, SpeakerLexicon
from .marks import Segment
from .model import EDGE_PUNCTUATION, DocumentModel, Entity

SENTENCE_END = frozenset({".", "!", "?", ";"})


@dataclass
class Found:
    """What a quotation -> mention sieve found: the words pointing at the speaker and the cue."""

    sieve: str
    mention: Token | None = None  # head token of the speaker mention (a name, pronoun or description)
    others: list[Token] = field(default_factory=list)  # heads of coordinated speakers ("Pires and Costa")
    cue_token: Token | None = None
    cue: str | None = None
    entity: Entity | None = None  # set directly by sieves that find an entity, not a mention (context)
    source: "Quote | None" = None  # the quotation whose attribution is copied (continuation, nested)


@dataclass
class Quote:
    """One quotation segment while it is being attributed, and the result."""

    seg: Segment
    span: Span
    kind: str
    quote_id: str
    found: Found | None = None
    entity: Entity | None = None
    entities: list[Entity] = field(default_factory=list)
    speaker: str | None = None
    speaker_entity: str | None = None
    speakers: list[str] = field(default_factory=list)
    speaker_mention: str | None = None
    speaker_role: str | None = None
    actor_id: str | None = None
    cue: str | None = None
    channel: str | None = None
    attribution: str = "none"
    unnamed: bool = False
    continues: str | None = None
    inherited: bool = False
    duplicate_of: str | None = None

    @property
    def attributed(self) -> bool:
        return self.speaker is not None


@dataclass
class Context:
    """The document being attributed: its Doc, lexicons, model and the quotations so far."""

    doc: Doc
    cues: CueLexicon
    lexicon: SpeakerLexicon
    registry: ActorRegistry
    model: DocumentModel
    in_quote: list[bool]
    segments: list[Segment] = field(default_factory=list)
    paragraph_bounds: tuple[tuple[int, int], ...] = ()
    quotes: list[Quote] = field(default_factory=list)  # attributed so far, in text order
    quotes_so_far: list[Quote] = field(default_factory=list)  # kinds decided so far
    text: str = ""  # doc.text, computed once (spaCy rebuilds it on every access)

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text
        self._starts = [t.idx for t in self.model.tokens]

    def token_at(self, char: int) -> int:
        """Index of the token holding character ``char``."""
        i = bisect_right(self._starts, char) - 1
        if i >= 0 and char < self._starts[i] + len(self.model.tokens[i].text):
            return i  # inside a token's own characters (most calls: quotation marks)
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")  # whitespace: spaCy decides, as before
        return span.start if span is not None and len(span) else 0

    def frame(self, q: Quote, side: str) -> list[Token]:
        """The words around a quotation, outside any quotation, within its paragraph and sentence."""
        doc, seg = self.model.tokens, q.seg  # the model's token list: spaCy builds a Token on every doc[i]
        tokens: list[Token] = []
        if side == "before":
            i = self.token_at(seg.open_mark) - 1
            while i >= 0 and doc[i].idx >= seg.para_start and not self.in_quote[i] and doc[i].text not in SENTENCE_END:
                if not doc[i].is_space:
                    tokens.append(doc[i])
                i -= 1
            return tokens[::-1]
        if seg.close_mark is None and not seg.cut:
            return []
        i = self.token_at(seg.close_mark) + 1 if seg.close_mark is not None else self.token_at(seg.end)
        while i < len(doc) and doc[i].idx < seg.end:
            i += 1
        while i < len(doc) and doc[i].idx < seg.para_end and not self.in_quote[i]:
            if not doc[i].is_space:
                tokens.append(doc[i])
            if doc[i].text in SENTENCE_END and not self._title_stop(i):
                break
            i += 1
        return tokens

    def _title_stop(self, i: int) -> bool:
        """The stop of an abbreviated title the tokenizer split off before a name ("said Capt. Samuel X"):
        it ends no sentence."""
        doc = self.model.tokens
        if doc[i].text != "." or i == 0 or doc[i - 1].whitespace_ or doc[i - 1].lower_ not in self.model.title_words:
            return False
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        return j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha

    def lead_in(self, q: Quote) -> list[Token]:
        """The last sentence of the previous paragraph when it ends with ":" and this quotation opens
        its paragraph ("Pires wrote:" / new paragraph / the quotation)."""
        seg = q.seg
        if seg.paragraph < 2 or seg.open_mark != seg.para_start:
            return []
        start, end = self.paragraph_bounds[seg.paragraph - 2]
        if not self.text[start:end].rstrip().endswith(":"):
            return []
        last = self.token_at(end - 1)
        tokens: list[Token] = []
        i = last - 1
        doc = self.model.tokens
        while i >= 0 and doc[i].idx >= start and not self.in_quote[i] and doc[i].text not in SENTENCE_END:
            if not doc[i].is_space:
                tokens.append(doc[i])
            i -= 1
        return tokens[::-1]

    def sentence_frame(self, q: Quote) -> list[Token]:
        """Both sides of an embedded quotation, skipping over the quotation itself; not the side after it
        when the quotation ends its sentence ("... "as soon as it is safe." He added: ...")."""
        seg = q.seg
        rest = self.text[seg.close_mark + 1:seg.para_end].lstrip() if seg.close_mark is not None else ""
        if seg.raw_last in ".!?" and rest[:1].isupper():
            return self.frame(q, "before")
        return self.frame(q, "before") + self.frame(q, "after")

    def paragraph_quotes(self, paragraph: int) -> list[Quote]:
        return [o for o in self.quotes if o.seg.paragraph == paragraph]


def span_text(tokens: list[Token]) -> str:
    """The text from the first to the last of ``tokens`` (as written, spaces included)."""
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text if tokens else ""


def age_of(head: Token) -> str | None:
    """The number of an age description ("the 58-year-old", "the 47-year-old former engineer"), else None."""
    if head.lower_ not in ("old", "year-old"):
        return None
    digits = [t.text for t in head.doc[max(0, head.i - 5):head.i] if t.text.isdigit()]
    return digits[-1] if digits and any(t.lower_ in ("year", "years") for t in head.doc[max(0, head.i - 3):head.i]) else None


def clean(text: str) -> str:
    """Words as written, spaces collapsed, without punctuation at either end ('" a senior diplomat', '- A former
    governor'); a closing ’ or ' stays (a plural possessive, "the Dockers'")."""
    return " ".join(text.split()).strip(EDGE_PUNCTUATION)


__all__ = ["Found", "Quote", "Context", "span_text", "clean", "age_of", "SENTENCE_END"]
