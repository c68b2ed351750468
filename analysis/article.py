"""Load a news article saved as plain text into an auditable record.

The file is read as received and never edited. Its non-blank lines are sorted into headline,
standfirst, metadata (byline, published, updated), body paragraphs and trailing site boilerplate,
following the rules in ``data/reference/article_layout.json``. Typographic normalisation
(``data/reference/normalisation_rules.json``) gives the text the NLP sees; every change it makes is
recorded as an :class:`Edit`, so a researcher can audit it and map any offset back to the raw file.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import ArticleFormatError
from .paths import ARTICLE, REFERENCE

LAYOUT_FILE = REFERENCE / "article_layout.json"
NORMALISATION_FILE = REFERENCE / "normalisation_rules.json"
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Edit:
    """One normalisation change: where it is in the raw file and what it replaced."""

    field: str  # headline, standfirst, byline, published, updated or paragraph
    paragraph: int | None  # P-number of the paragraph (n-th non-blank line), None outside the body
    line: int  # 1-based line in the file
    column: int  # 0-based character offset of ``before`` in the raw line
    offset: int  # character offset of ``before`` in the decoded file
    before: str
    after: str
    rule: str


@dataclass(frozen=True)
class Line:
    """A non-blank line of the file that is not body text (headline, metadata, boilerplate)."""

    line: int
    role: str
    raw: str
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: its normalised text and where it sits in the body text and the raw file."""

    number: int  # P-number: the n-th non-blank line of the file (the numbering of accords_facts.md)
    index: int  # 1-based position among the body paragraphs
    line: int  # 1-based line in the file
    text: str  # normalised text
    raw: str  # the line exactly as in the file
    start: int  # offset of ``text`` in Article.body_text
    end: int
    raw_start: int  # character offset of ``raw`` in the decoded file
    raw_end: int
    edits: tuple[Edit, ...] = field(default=(), repr=False)

    @property
    def label(self) -> str:
        return f"P{self.number}"

    def raw_offset(self, offset: int) -> int:
        """Map a character offset in ``text`` to a character offset in the decoded file."""
        delta = 0  # (position in text) - (position in raw) before the current edit
        for edit in self.edits:
            start = edit.offset - self.raw_start + delta
            if offset < start:
                break
            if offset < start + len(edit.after):
                return edit.offset + min(offset - start, len(edit.before))
            delta += len(edit.after) - len(edit.before)
        return self.raw_start + offset - delta


@dataclass(frozen=True)
class Article:
    """A parsed article. ``body_text`` is the normalised paragraphs joined by blank lines."""

    path: Path
    headline: str
    standfirst: str | None
    byline: str | None
    published: datetime | None
    updated: datetime | None
    paragraphs: tuple[Paragraph, ...]
    boilerplate: tuple[Line, ...]
    metadata_lines: tuple[Line, ...]
    body_text: str
    edits: tuple[Edit, ...]

    def paragraph_at(self, offset: int) -> Paragraph:
        """The paragraph whose span in ``body_text`` contains ``offset`` (a break belongs to the next)."""
        if not 0 <= offset <= len(self.body_text):
            raise IndexError(f"offset {offset} outside the body text (0..{len(self.body_text)})")
        starts = [p.start for p in self.paragraphs]
        return self.paragraphs[max(0, bisect.bisect_right(starts, offset) - 1)]

    def raw_offset(self, offset: int) -> int:
        """Map an offset in ``body_text`` to a character offset in the decoded raw file."""
        paragraph = self.paragraph_at(offset)
        return paragraph.raw_offset(min(offset - paragraph.start, len(paragraph.text)))

    def paragraph_numbers(self) -> dict[int, int]:
        """Paragraph index (1-based position in the body) -> P-number (n-th non-blank line)."""
        return {p.index: p.number for p in self.paragraphs}

    def line_roles(self) -> dict[int, str]:
        """Every non-blank line of the file mapped to the one role it was given."""
        roles = {ln.line: ln.role for ln in self.metadata_lines + self.boilerplate}
        roles.update({p.line: "paragraph" for p in self.paragraphs})
        return dict(sorted(roles.items()))

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict of the whole record (datetimes as ISO 8601)."""
        record = asdict(self)
        record["path"] = self.path.name
        for key in ("published", "updated"):
            record[key] = getattr(self, key).isoformat() if getattr(self, key) else None
        for paragraph in record["paragraphs"]:
            paragraph.pop("edits")
        return record


# --------------------------------------------------------------------------------------------
# rules from data/reference


@lru_cache(maxsize=None)
def _layout(path: Path = LAYOUT_FILE) -> dict[str, Any]:
    layout = json.loads(Path(path).read_text(encoding="utf-8"))
    layout["metadata"] = {
        key: [re.compile(p) for p in patterns] for key, patterns in layout["metadata"].items()
    }
    layout["boilerplate"] = [re.compile(p) for p in layout["boilerplate"]]
    return layout


@lru_cache(maxsize=None)
def normalisation_rules(path: Path = NORMALISATION_FILE) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """The normalisation rules as (name, compiled pattern, replacement), in file order."""
    rules = json.loads(Path(path).read_text(encoding="utf-8"))
    return tuple((r["rule"], re.compile(r["pattern"]), r["replacement"]) for r in rules)


@lru_cache(maxsize=None)
def _combined_rules() -> re.Pattern[str]:
    """All normalisation rules as one alternation; group ``r<i>`` is rule i."""
    return re.compile("|".join(f"(?P<r{i}>{rx.pattern})" for i, (_, rx, _) in enumerate(normalisation_rules())))


def normalise(text: str) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Apply every normalisation rule in one left-to-right pass.

    Returns the normalised text and the changes as (offset in ``text``, before, after, rule).
    One pass keeps each change's offset relative to the input, so the audit points at the raw text.
    """
    rules = normalisation_rules()
    combined = _combined_rules()
    changes: list[tuple[int, str, str, str]] = []

    def replace(match: re.Match[str]) -> str:
        i = int(match.lastgroup[1:])
        name, _, replacement = rules[i]
        changes.append((match.start(), match.group(), replacement, name))
        return replacement

    return combined.sub(replace, text), changes


def _metadata_kind(text: str) -> tuple[str, str] | None:
    for kind, patterns in _layout()["metadata"].items():
        for pattern in patterns:
            match = pattern.match(text)
            if match:
                return kind, match.group("value").strip()
    return None


def _is_boilerplate(text: str) -> bool:
    return any(p.match(text) for p in _layout()["boilerplate"])


def parse_timestamp(value: str, *, path: Path | None = None, line: int | None = None) -> datetime:
    """Parse a dateline value such as '2025-11-07 09:32 GMT' into a timezone-aware datetime.

    The zone must be stated: a name from the layout's ``timezones`` table or a numeric offset.
    """
    layout = _layout()
    text = " ".join(value.split())
    match = re.match(r"^(?P<stamp>.+?)\s*(?P<zone>[A-Z]{1,5}|[+-]\d{2}:?\d{2})$", text)
    if not match:
        raise ArticleFormatError(
            f"timestamp {value!r} has no time zone (expected e.g. 'GMT' or '+00:00')",
            path=path, line=line, field="timestamp",
        )
    stamp, zone = match["stamp"], match["zone"]
    if zone in layout["timezones"]:
        zone = layout["timezones"][zone]
    offset = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", zone)
    if not offset:
        raise ArticleFormatError(
            f"timestamp {value!r}: unknown time zone {match['zone']!r}", path=path, line=line, field="timestamp"
        )
    sign = 1 if offset[1] == "+" else -1
    tz = timezone(sign * timedelta(hours=int(offset[2]), minutes=int(offset[3])))
    for fmt in layout["timestamp_formats"]:
        try:
            parsed = datetime.strptime(stamp, fmt)
        except ValueError:
            continue
        return parsed.replace(tzinfo=tz).astimezone(timezone.utc)
    raise ArticleFormatError(
        f"timestamp {value!r} does not parse (known formats: {', '.join(layout['timestamp_formats'])})",
        path=path, line=line, field="timestamp",
    )


# --------------------------------------------------------------------------------------------
# loading


def _decode(data: bytes, path: Path) -> str:
    if not data.strip():
        raise ArticleFormatError("the file is empty", path=path, line=1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ArticleFormatError("binary data (a NUL byte): not a text file", path=path, line=line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ArticleFormatError(
            f"not UTF-8: byte 0x{data[err.start]:02x} at byte offset {err.start} cannot be decoded",
            path=path, line=line,
        ) from None


def _non_blank_lines(text: str) -> list[tuple[int, str, int]]:
    """(1-based line number, line text without its end-of-line, offset of the line in ``text``)."""
    lines, offset = [], 0
    for number, chunk in enumerate(text.splitlines(keepends=True), start=1):
        content = chunk.rstrip("\r\n")
        if content.strip():
            lines.append((number, content, offset))
        offset += len(chunk)
    return lines


def load_article(path: str | Path = ARTICLE) -> Article:
    """Read and parse an article file; raise :class:`ArticleFormatError` naming file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleFormatError(f"cannot read the file ({err.strerror})", path=path) from None
    lines = _non_blank_lines(_decode(data, path))
    layout = _layout()

    def line_record(i: int, role: str) -> Line:
        number, raw, start = lines[i]
        return Line(number, role, raw, start, start + len(raw))

    # headline: the first non-blank line, which must not look like metadata or boilerplate
    number, first, _ = lines[0]
    if _metadata_kind(first.strip()) or _is_boilerplate(first.strip()):
        raise ArticleFormatError(
            f"no headline: the first non-blank line looks like metadata or site text ({first.strip()[:60]!r})",
            path=path, line=number, field="headline",
        )
    header: list[Line] = [line_record(0, "headline")]

    # standfirst and metadata: lines before and including the last metadata line near the top
    window = range(1, min(len(lines), 1 + layout["header_max_lines"]))
    meta_at = [i for i in window if _metadata_kind(lines[i][1].strip())]
    metadata: dict[str, tuple[str, int]] = {}
    body_from = 1
    if meta_at:
        first_meta, last_meta = meta_at[0], meta_at[-1]
        for i in range(1, first_meta):
            header.append(line_record(i, "standfirst"))
        for i in range(first_meta, last_meta + 1):
            number, raw, _ = lines[i]
            kind_value = _metadata_kind(raw.strip())
            if kind_value is None:
                raise ArticleFormatError(
                    f"unexpected text between metadata lines: {raw.strip()[:60]!r}", path=path, line=number
                )
            kind, value = kind_value
            if kind in metadata:
                raise ArticleFormatError(
                    f"a second {kind} line (first on line {metadata[kind][1]})", path=path, line=number, field=kind
                )
            metadata[kind] = (value, number)
            header.append(line_record(i, kind))
        body_from = last_meta + 1

    # boilerplate: the trailing run of lines that match the site-text patterns
    body_to = len(lines)
    while body_to > body_from and _is_boilerplate(lines[body_to - 1][1].strip()):
        body_to -= 1
    boilerplate = tuple(line_record(i, "boilerplate") for i in range(body_to, len(lines)))
    if body_to <= body_from:
        last = lines[body_from - 1][0] if body_from - 1 < len(lines) else lines[-1][0]
        raise ArticleFormatError("no body: no paragraphs after the headline and metadata", path=path, line=last)

    edits: list[Edit] = []

    def normalised(ln: Line, p_number: int | None = None) -> tuple[str, str, int, list[Edit]]:
        """(normalised text, stripped raw, its file offset, edits) for one line."""
        stripped = ln.raw.strip()
        lead = len(ln.raw) - len(ln.raw.lstrip())
        text, changes = normalise(stripped)
        found = [
            Edit(ln.role, p_number, ln.line, lead + col, ln.raw_start + lead + col, before, after, rule)
            for col, before, after, rule in changes
        ]
        edits.extend(found)
        return text, stripped, ln.raw_start + lead, found

    headline = normalised(header[0])[0]
    standfirst_parts = [normalised(ln)[0] for ln in header if ln.role == "standfirst"]
    for ln in header:
        if ln.role in metadata:  # audit only: the values were read with whitespace-tolerant patterns
            normalised(ln)

    paragraphs: list[Paragraph] = []
    offset = 0
    for index, i in enumerate(range(body_from, body_to), start=1):
        ln = line_record(i, "paragraph")
        text, stripped, raw_start, found = normalised(ln, i + 1)
        paragraphs.append(
            Paragraph(
                number=i + 1, index=index, line=ln.line, text=text, raw=stripped,
                start=offset, end=offset + len(text),
                raw_start=raw_start, raw_end=raw_start + len(stripped), edits=tuple(found),
            )
        )
        offset += len(text) + len(PARAGRAPH_BREAK)

    def stamp(kind: str) -> datetime | None:
        if kind not in metadata:
            return None
        value, number = metadata[kind]
        return parse_timestamp(value, path=path, line=number)

    return Article(
        path=path,
        headline=headline,
        standfirst=PARAGRAPH_BREAK.join(standfirst_parts) or None,
        byline=metadata.get("byline", (None,))[0],
        published=stamp("published"),
        updated=stamp("updated"),
        paragraphs=tuple(paragraphs),
        boilerplate=boilerplate,
        metadata_lines=tuple(header),
        body_text=PARAGRAPH_BREAK.join(p.text for p in paragraphs),
        edits=tuple(edits),
    )


# --------------------------------------------------------------------------------------------
# tables for notebooks and data/processed


def metadata_frame(article: Article) -> pd.DataFrame:
    """The article's metadata as a two-column table (field, value)."""
    rows = [
        ("file", article.path.name),
        ("headline", article.headline),
        ("standfirst", article.standfirst),
        ("byline", article.byline),
        ("published", article.published.isoformat() if article.published else None),
        ("updated", article.updated.isoformat() if article.updated else None),
        ("body paragraphs", len(article.paragraphs)),
        ("body characters", len(article.body_text)),
        ("boilerplate lines", "; ".join(repr(b.raw.strip()) for b in article.boilerplate)),
        ("normalisation edits", len(article.edits)),
    ]
    return pd.DataFrame(rows, columns=["field", "value"])


def paragraphs_frame(article: Article) -> pd.DataFrame:
    """One row per body paragraph: numbering, offsets, sizes and the normalised text."""
    rows = [
        {
            "number": p.number,
            "index": p.index,
            "line": p.line,
            "start": p.start,
            "end": p.end,
            "raw_start": p.raw_start,
            "raw_end": p.raw_end,
            "chars": len(p.text),
            "words": len(p.text.split()),
            "quote_marks": sum(p.text.count(q) for q in "\"“”"),
            "edits": len(p.edits),
            "text": p.text,
        }
        for p in article.paragraphs
    ]
    return pd.DataFrame(rows)


def edits_frame(article: Article) -> pd.DataFrame:
    """The normalisation audit: one row per change, with code points so invisible characters show."""
    rows = [
        {**asdict(e), "before_codepoints": " ".join(f"U+{ord(c):04X}" for c in e.before),
         "after_codepoints": " ".join(f"U+{ord(c):04X}" for c in e.after)}
        for e in article.edits
    ]
    columns = [*Edit.__dataclass_fields__, "before_codepoints", "after_codepoints"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["paragraph"] = frame["paragraph"].astype("Int64")
    return frame
