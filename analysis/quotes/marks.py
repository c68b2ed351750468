"""Quotation marks: where each quotation starts and ends, on top of :mod:`analysis.paragraphs`.

One implementation serves the ``quotes`` component, the quality flags and anything else that asks
"what is quoted here?". It works on characters only (no parse), paragraph by paragraph, with the
paragraphs of :func:`analysis.paragraphs.layout` (blank lines, one paragraph per line, or
hard-wrapped lines, detected per text):

- **Double marks**, straight ``"`` and curly ``“ ”`` (also ``„ ‟ « »``). A straight mark opens or
  closes by its context (space before and a word after opens; a word or punctuation before closes).
- **Single marks**: curly ``‘ ’`` pair; straight ``'`` pair only where they clearly do (an opening
  ``'`` after a space and before a letter, a closing one after a word and before a space or
  punctuation). An apostrophe is never a delimiter: ``O'Brien``, ``don't``, ``the teams' plans``,
  ``O’Neill``, ``’90s``.
- **Nesting**: a quotation opened inside another is ``nested`` (``depth`` 1) and points at its
  ``parent``.
- **Paragraph ends**: a quotation still open at the end of its paragraph *continues* when the next
  paragraph opens with a mark of its style (the news convention for multi-paragraph quotations); is
  ``open_at_end`` when the text ends there; otherwise its closing mark is missing: it ends at the
  end of its paragraph (the component may end it earlier, at an attribution) and a warning says so.
  A straight mark that opens a new quotation while one is open ends the open one at its last
  sentence end, with a warning: a missing mark never swallows the following sentences. So does a
  curly “ after a sentence of the open quotation has ended (a “ before that nests).

Every problem is a warning record (``paragraph``, ``offset``, ``mark``, ``message``), never an
exception.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..paragraphs import Layout, layout

DOUBLE_OPEN = "\u201c\u201e\u201f\u00ab"  # “ „ ‟ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’ (also the typographic apostrophe)
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
#: Words that follow a closing mark, never a possessive ``s'`` (prepositions, conjunctions, verbs of saying).
NOT_OWNED = frozenset({"at", "in", "on", "to", "for", "from", "with", "by", "of", "and", "or", "but", "is", "was", "were",
                       "are", "has", "had", "as", "than", "that", "which", "who", "said", "says", "will", "would",
                       "before", "after", "until", "since", "during", "because", "while", "when", "into", "over",
                       "about", "against", "without", "could", "should", "can", "may", "might"})  # words no one owns
ALL_MARKS = frozenset(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE)
OPENING = DOUBLE_OPEN + SINGLE_OPEN + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
#: What may stand right before an opening mark (besides white space and the start of a paragraph).
BEFORE_OPEN = "([{\u2014\u2013-/:" + DOUBLE_OPEN + SINGLE_OPEN + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
SENTENCE_END = ".!?\u2026"
ENDINGS = ("closed", "continued", "open_at_end", "unclosed")


@dataclass
class Segment:
    """One quotation found from the marks alone (character offsets into the text).

    ``start``/``end`` delimit the quoted words (marks, surrounding space and a trailing comma
    outside); ``open_mark``/``close_mark`` are the offsets of the marks (``close_mark`` is None when
    the quotation is not closed in its paragraph). ``ending`` is one of :data:`ENDINGS`.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    paragraph: int
    para_start: int
    para_end: int
    style: str = "double"  # "double" | "single"
    depth: int = 0
    parent: int | None = None  # index of the enclosing segment in the list returned
    ending: str = "closed"
    after_open: bool = False  # opens a paragraph that continues an unclosed quotation
    raw_last: str = ""  # last non-space character inside the marks (before trimming a comma)
    cut: bool = False  # an unclosed quotation ended before the attribution that follows it

    @property
    def nested(self) -> bool:
        return self.depth > 0

    @property
    def open_at_end(self) -> bool:
        return self.ending == "open_at_end"


def _warning(paragraph: int, offset: int, mark: str, message: str) -> dict[str, Any]:
    return {"paragraph": paragraph, "offset": offset, "mark": mark, "message": message}


def _style(ch: str) -> str:
    return "single" if ch in SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE else "double"


def _is_word(ch: str) -> bool:
    return ch.isalnum()


class _Paragraph:
    """The mark scanner of one paragraph: a stack of open quotations, and the pairs found."""

    def __init__(self, text: str, number: int, ps: int, pe: int) -> None:
        self.text, self.number, self.ps, self.pe = text, number, ps, pe
        self.stack: list[tuple[int, str]] = []  # (offset of the opening mark, style)
        #: (opening mark, closing mark or None, end of the quoted text, style, depth, ending)
        self.found: list[tuple[int, int | None, int, str, int, str]] = []
        self.warnings: list[dict[str, Any]] = []

    def _prev(self, i: int) -> str:
        return self.text[i - 1] if i > self.ps else ""

    def _next(self, i: int) -> str:
        return self.text[i + 1] if i + 1 < self.pe else ""

    def opener_like(self, i: int) -> bool:
        prev, nxt = self._prev(i), self._next(i)
        return (prev == "" or prev.isspace() or prev in BEFORE_OPEN) and nxt != "" and not nxt.isspace()

    def closer_like(self, i: int) -> bool:
        prev, nxt = self._prev(i), self._next(i)
        return prev != "" and not prev.isspace() and not _is_word(nxt)

    def open_styles(self) -> list[str]:
        return [style for _, style in self.stack]

    def warn(self, offset: int, message: str) -> None:
        self.warnings.append(_warning(self.number, offset, self.text[offset], message))

    # -- the scan
    def scan(self) -> None:
        text = self.text
        for i in range(self.ps, self.pe):
            ch = text[i]
            if ch not in ALL_MARKS:
                continue
            if ch in DOUBLE_OPEN:
                self.curly_double_open(i)
            elif ch in DOUBLE_CLOSE:
                self.close(i, "double")
            elif ch == STRAIGHT_DOUBLE:
                self.straight_double(i)
            elif ch == SINGLE_OPEN:
                if not (re.match(r"\u2018\d\d", text[i:i + 3]) or _is_word(self._prev(i))):  # not ‘90s
                    self.stack.append((i, "single"))
            else:  # ’ or '
                self.single_close_or_apostrophe(i, ch)
        while len(self.stack) > 1:  # inner quotations still open at the paragraph end
            start, style = self.stack.pop()
            self.warn(start, "nested quotation not closed in its paragraph")
            self.found.append((start, None, self.pe, style, len(self.stack), "unclosed"))

    def straight_double(self, i: int) -> None:
        if "double" not in self.open_styles():
            if self.closer_like(i) and not self.opener_like(i):
                self.warn(i, "closing quotation mark without an opening one")
            else:
                self.stack.append((i, "double"))
        elif self.opener_like(i) and not self.closer_like(i) and self.stack[-1][1] == "double":
            # a new quotation opens while one is open: the open one lost its closing mark
            start, style = self.stack.pop()
            self.warn(start, "closing quotation mark missing: the quotation ends at its last sentence end")
            self.found.append((start, None, _last_sentence_end(self.text, start + 1, i), style, len(self.stack), "unclosed"))
            self.stack.append((i, "double"))
        else:
            self.close(i, "double")

    def curly_double_open(self, i: int) -> None:
        """An opening “ inside an open double quotation nests, unless a sentence of the open one has ended
        before it ('said it was “a miracle. She described it as “terrifying”'): then, as with a straight mark,
        the open one lost its closing mark and ends at its last sentence end (English nests the other style)."""
        if self.stack and self.stack[-1][1] == "double" and re.search(
                r"[.!?\u2026]\s+\S", self.text[self.stack[-1][0] + 1:i]):
            start, style = self.stack.pop()
            self.warn(start, "closing quotation mark missing: the quotation ends at its last sentence end")
            self.found.append((start, None, _last_sentence_end(self.text, start + 1, i), style, len(self.stack), "unclosed"))
        self.stack.append((i, "double"))

    def single_close_or_apostrophe(self, i: int, ch: str) -> None:
        styles = self.open_styles()
        if self._ends_elision(i):
            return  # "rock ’n’ roll", "fish 'n' chips": the apostrophe after a clipped word, not a closing mark
        if styles and styles[-1] == "single" and self.closer_like(i):
            if not (self._possessive(i) and self._later_single_close(i)):  # "the teams’ plans": an apostrophe
                self.close(i, "single")
        elif ch == STRAIGHT_SINGLE and self.opener_like(i) and self._next(i).isalpha() and self._later_single_close(i) \
                and not re.match(r"'[A-Za-z]{1,2}'(?![A-Za-z])", self.text[i:i + 5]):  # not the elision of "rock 'n' roll"
            self.stack.append((i, "single"))

    def _ends_elision(self, i: int) -> bool:
        """The second apostrophe of a clipped word of one or two letters set off by spaces (" ’n’ ", " 'n' ")."""
        m = re.search(r"(?:^|\s)[\u2019'][A-Za-z]{1,2}$", self.text[max(self.ps, i - 4):i])
        return m is not None and (self._next(i) == "" or self._next(i).isspace())

    def _possessive(self, i: int) -> bool:
        """``s'`` before a lower-case word it owns ("the teams' plans"), not before a word that goes on
        with the sentence ("'Night Bus' at the same venue")."""
        prev, rest = self._prev(i), self.text[i + 1:i + 3]
        if not (prev.lower() == "s" and len(rest) == 2 and rest[0] == " " and rest[1].islower()):
            return False
        following = re.match(r"\s*([a-z]+)", self.text[i + 1:self.pe])
        return not (following and following.group(1) in NOT_OWNED)

    def _later_single_close(self, i: int) -> bool:
        """A closing single mark follows in this paragraph (so an opening one clearly pairs); "s'" before a
        lower-case word closes a title in capitals ("'Harbour Lights' returns"), else it is a possessive."""
        return any(self.text[j] in (SINGLE_CLOSE, STRAIGHT_SINGLE) and self.closer_like(j)
                   and (not self._possessive(j) or _title_words(self.text[i + 1:j])) for j in range(i + 1, self.pe))

    def close(self, i: int, style: str) -> None:
        if style not in self.open_styles():
            self.warn(i, "closing quotation mark without an opening one")
            return
        while self.stack[-1][1] != style:  # an inner quotation left open: it ends here
            start, inner = self.stack.pop()
            self.warn(start, "nested quotation not closed before its outer quotation")
            self.found.append((start, None, i, inner, len(self.stack), "unclosed"))
        start, _ = self.stack.pop()
        self.found.append((start, i, i, style, len(self.stack), "closed"))


def _title_words(text: str) -> bool:
    """Two to six words, each capitalised: the shape of a title ("Harbour Lights")."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() for w in words)


def _last_sentence_end(text: str, lo: int, hi: int) -> int:
    """Offset just after the last sentence-ending character in text[lo:hi], else hi."""
    for j in range(hi - 1, lo - 1, -1):
        if text[j] in SENTENCE_END:
            return j + 1
    return hi


def _trim(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Quoted words inside [start, end): no surrounding space, no trailing comma; and the raw last char."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    raw_last = text[end - 1] if end > start else ""
    while end > start and text[end - 1] == ",":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, raw_last


def _opens_with(text: str, offset: int, style: str) -> bool:
    ch = text[offset] if offset < len(text) else ""
    if style == "double":
        return ch in DOUBLE_OPEN + STRAIGHT_DOUBLE
    return ch in SINGLE_OPEN + STRAIGHT_SINGLE


def find_segments(text: str, paragraphs: Layout | None = None) -> tuple[list[Segment], list[dict[str, Any]]]:
    """Pair the quotation marks of ``text`` paragraph by paragraph; return segments and warnings.

    Segments come in text order of their opening marks; a nested segment's ``parent`` is the index
    of its enclosing segment in the returned list.
    """
    bounds = (paragraphs or layout(text)).bounds
    segments: list[Segment] = []
    warnings: list[dict[str, Any]] = []
    continuing = False
    for number, (ps, pe) in enumerate(bounds, start=1):
        scanner = _Paragraph(text, number, ps, pe)
        scanner.scan()
        warnings.extend(scanner.warnings)
        was_continuing, continuing = continuing, False
        if scanner.stack:  # the outer quotation is still open at the end of the paragraph
            start, style = scanner.stack[0]
            if number == len(bounds):
                ending = "open_at_end"
            elif _opens_with(text, bounds[number][0], style):
                ending, continuing = "continued", True
            else:
                ending = "unclosed"
                scanner.warn(start, "quotation not closed in its paragraph and not continued by the next")
                warnings.append(scanner.warnings[-1])
            scanner.found.append((start, None, pe, style, 0, ending))
        first = min((f[0] for f in scanner.found), default=None)
        for open_mark, close_mark, end_at, style, depth, ending in sorted(scanner.found):
            s, e, raw_last = _trim(text, open_mark + 1, end_at)
            if e <= s:
                warnings.append(_warning(number, open_mark, text[open_mark], "empty quotation"))
                continue
            parent = None
            if depth:
                parent = next((k for k in range(len(segments) - 1, -1, -1)
                               if segments[k].open_mark < open_mark and segments[k].depth < depth), None)
            after_open = was_continuing and open_mark == ps == first
            segments.append(Segment(s, e, open_mark, close_mark, number, ps, pe, style, depth, parent, ending,
                                    after_open, raw_last))
    warnings.sort(key=lambda w: w["offset"])
    return segments, warnings


def quote_ranges(text: str, paragraphs: Layout | None = None) -> list[tuple[int, int]]:
    """Character ranges of the outer quotations, marks included (an unclosed one runs to where it ends)."""
    segments, _ = find_segments(text, paragraphs)
    out = []
    for seg in segments:
        if seg.nested:
            continue
        end = seg.close_mark + 1 if seg.close_mark is not None else seg.end
        out.append((seg.open_mark, end))
    return out


def normalise_quote(text: str) -> str:
    """Lower-case words only (accents, dashes and punctuation dropped) for comparing quotations."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return " ".join(re.findall(r"[\w']+", text))


__all__ = ["Segment", "ENDINGS", "find_segments", "quote_ranges", "normalise_quote"]
