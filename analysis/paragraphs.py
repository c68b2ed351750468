"""Paragraphs of a plain text, under the convention the text itself uses.

Texts arrive in three layouts, and the one a text uses is detected, never assumed:

- ``blank_line``: paragraphs are separated by blank lines; single newlines inside a block are line
  wraps (the layout of our article's body text, of most saved copy and of ``Article.body_text``);
- ``line``: no blank lines, one paragraph per line (each line ends a sentence);
- ``hard_wrapped``: no blank lines, lines broken mid-sentence at a fixed width (wire copy). A
  paragraph ends at an indented next line, or at a short line that ends a sentence.

A text of one line is one paragraph (``single``). This module is the one paragraph splitter of the
package: the article loader, the quotation component, the quality flags and the entity table all
ask it, so they agree on where a paragraph starts.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

CONVENTIONS: tuple[str, ...] = ("blank_line", "line", "hard_wrapped", "single")

#: A blank line: a newline, optional horizontal white space, a newline.
BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
#: Characters that can end a sentence at the end of a line (closing quotes and brackets included).
SENTENCE_END = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*$|[\"\u201d]$")
#: Share of lines (the last one excluded) that must end a sentence for the ``line`` convention.
LINE_SHARE = 0.6
#: Share of unfinished lines followed by a lower-case line for the ``hard_wrapped`` convention.
WRAP_SHARE = 0.5
#: In hard-wrapped text, a line shorter than this share of the wrap width can end a paragraph.
SHORT_LINE = 0.75


@dataclass(frozen=True)
class Layout:
    """The paragraphs of a text: their (start, end) character offsets and the convention found."""

    convention: str
    bounds: tuple[tuple[int, int], ...]

    def index(self, offset: int) -> int:
        """1-based number of the paragraph holding ``offset`` (the gap after a paragraph belongs to it)."""
        starts = [start for start, _ in self.bounds]
        return max(1, bisect.bisect_right(starts, offset)) if starts else 1


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, without its line break and surrounding spaces."""
    out, pos = [], 0
    for chunk in text.splitlines(keepends=True):
        body = chunk.rstrip("\r\n")
        if body.strip():
            lead = len(body) - len(body.lstrip())
            out.append((pos + lead, pos + len(body.rstrip())))
        pos += len(chunk)
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every blank-line-separated block, trimmed of white space."""
    bounds, pos = [], 0
    for match in [*BLANK_LINE.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            bounds.append((pos + lead, pos + len(chunk.rstrip())))
        if match:
            pos = match.end()
    return bounds


def detect_convention(text: str) -> str:
    """Which of :data:`CONVENTIONS` the text uses (see the module docstring).

    Lines that mostly end a sentence are one paragraph each. Lines that often do not are hard-wrapped
    only if the line after such a break mostly goes on in lower case (a sentence cut by the wrap);
    a live blog or a list whose unfinished lines are followed by a capital, a digit or a mark keeps
    one paragraph per line.
    """
    if len(_blocks(text)) > 1:
        return "blank_line"
    lines = _lines(text)
    if len(lines) <= 1:
        return "single"
    if _indented_paragraphs(text, lines):
        return "hard_wrapped"
    ends = sum(1 for start, end in lines[:-1] if SENTENCE_END.search(text[start:end]))
    if ends / (len(lines) - 1) >= LINE_SHARE:
        return "line"
    cut = [k for k, (start, end) in enumerate(lines[:-1]) if not SENTENCE_END.search(text[start:end])]
    lower = sum(1 for k in cut if text[lines[k + 1][0]].islower())
    return "hard_wrapped" if lower / len(cut) >= WRAP_SHARE else "line"


def _indented_paragraphs(text: str, lines: list[tuple[int, int]]) -> bool:
    """Some lines are indented and most are not, with an unfinished line before a flush one: wire copy
    whose paragraphs start with an indent (one paragraph per line is indented all alike or not at all)."""
    indent = [start - (text.rfind("\n", 0, start) + 1) for start, _ in lines]
    margin = min(indent)
    indented = [k for k, width in enumerate(indent) if width > margin]
    wrapped = any(indent[k + 1] == margin and not SENTENCE_END.search(text[lines[k][0]:lines[k][1]])
                  for k in range(len(lines) - 1))
    return bool(indented) and len(indented) * 2 <= len(lines) and wrapped


def _unwrap(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group hard-wrapped lines into paragraphs: a break at an indented line or a short final line."""
    width = max(end - start for start, end in lines)
    indent = {start: start - (text.rfind("\n", 0, start) + 1) for start, _ in lines}
    margin = min(indent.values())
    bounds: list[tuple[int, int]] = []
    first = lines[0][0]
    for k, (start, end) in enumerate(lines):
        last = k == len(lines) - 1
        nxt = lines[k + 1][0] if not last else None
        indented_next = nxt is not None and indent[nxt] > margin
        short_end = end - start < SHORT_LINE * width and SENTENCE_END.search(text[start:end])
        if last or indented_next or short_end:
            bounds.append((first, end))
            if nxt is not None:
                first = nxt
    return bounds


def layout(text: str, convention: str | None = None) -> Layout:
    """The paragraphs of ``text``: detected convention (or the one given) and their offsets."""
    convention = convention or detect_convention(text)
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown paragraph convention {convention!r} (expected one of {CONVENTIONS})")
    if convention == "blank_line":
        bounds = _blocks(text)
    else:
        lines = _lines(text)
        if convention == "line":
            bounds = lines
        elif convention == "hard_wrapped" and lines:
            bounds = _unwrap(text, lines)
        else:
            bounds = [(lines[0][0], lines[-1][1])] if lines else []
    return Layout(convention, tuple(bounds))


def paragraph_bounds(text: str, convention: str | None = None) -> list[tuple[int, int]]:
    """(start, end) character offsets of each paragraph of ``text``, in order."""
    return list(layout(text, convention).bounds)


def paragraph_index(text: str, offset: int, convention: str | None = None) -> int:
    """1-based number of the paragraph of ``text`` that holds ``offset``."""
    return layout(text, convention).index(offset)


__all__ = ["CONVENTIONS", "Layout", "detect_convention", "layout", "paragraph_bounds", "paragraph_index"]
