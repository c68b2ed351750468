"""Load a news article into an auditable record, whatever format it was saved in.

``load_article(path)`` picks the format from the file (its extension, then its first bytes) and
returns the same :class:`Article` for each:

- **plain text** (``.txt`` or anything else that is text). Header lines are recognised by the rules
  in ``data/reference/article_layout.json``: a headline, a standfirst and metadata lines (byline,
  published, updated, source, URL) near the top, and a trailing run of site boilerplate. A file
  without them is all body: when no metadata line is near the top, the first line is a headline
  only if it reads as one (short, not ending with a full stop, a paragraph of its own and followed
  by more text); otherwise ``headline`` is None and every line is body text;
- **saved web pages** (``.html``/``.htm``, or text that opens with an HTML tag): the main text and
  title, author, site name, URL and dates as trafilatura extracts them (:mod:`analysis.article_html`);
- **JSON Lines** (``.jsonl``/``.ndjson``, or text that opens with ``{``): one article per line, with
  ``text`` and optional ``title``, ``source``, ``url`` and ``published``
  (:mod:`analysis.article_jsonl`). ``load_article`` reads a file of one record, or the record on
  the ``line`` it is given; :func:`load_articles` yields every record of the file.

The body is split into paragraphs by :mod:`analysis.paragraphs` (blank lines, one paragraph per
line, or hard-wrapped wire copy); a web page's text has one block element per line.

**Offsets.** ``Article.raw_text`` is the text the raw offsets point into: the decoded file for plain
text, trafilatura's extracted text for a web page (never the HTML source), and the decoded ``text``
field for a JSON Lines record. Every ``line``, ``raw_start``/``raw_end`` and ``Edit.offset`` refers
to it. Typographic normalisation (``data/reference/normalisation_rules.json``) gives the text the
NLP sees; every change it makes in ``raw_text`` is recorded as an :class:`Edit`, so a researcher can
audit it and map any offset back. Values that come from outside that text (a page's ``<title>``,
a record's ``title``) are kept as given, trimmed.

Article text is always data: the loader never evaluates markup, and what looks like a tag in a
page's text stays those characters.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from . import paragraphs as paragraph_layout
from .article_html import extract_page
from .article_jsonl import Record, read_records
from .errors import ArticleFormatError, RecordFormatError
from .paths import ARTICLE, REFERENCE

LAYOUT_FILE = REFERENCE / "article_layout.json"
NORMALISATION_FILE = REFERENCE / "normalisation_rules.json"
PARAGRAPH_BREAK = "\n\n"

#: Input formats load_article knows, and the file extensions that name them.
FORMATS: tuple[str, ...] = ("text", "html", "jsonl")
SUFFIXES: dict[str, str] = {".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|!--)", re.IGNORECASE)


@dataclass(frozen=True)
class Edit:
    """One normalisation change: where it is in ``Article.raw_text`` and what it replaced."""

    field: str  # headline, standfirst, byline, published, updated, source, url or paragraph
    paragraph: int | None  # P-number of the paragraph, None outside the body
    line: int  # 1-based line in the raw text
    column: int  # 0-based character offset of ``before`` in that line
    offset: int  # character offset of ``before`` in the raw text
    before: str
    after: str
    rule: str


@dataclass(frozen=True)
class Line:
    """A non-blank line of the raw text that is not body text (headline, metadata, boilerplate)."""

    line: int
    role: str
    raw: str
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: its normalised text and where it sits in the body text and the raw text."""

    number: int  # P-number: the n-th part of the raw text (header lines first, then paragraphs);
    #              for a file with one paragraph per line, the n-th non-blank line
    index: int  # 1-based position among the body paragraphs
    line: int  # 1-based line of its first character in the raw text
    text: str  # normalised text (a line break inside the paragraph becomes a space)
    raw: str  # the paragraph exactly as in the raw text, trimmed
    start: int  # offset of ``text`` in Article.body_text
    end: int
    raw_start: int  # character offset of ``raw`` in the raw text
    raw_end: int
    edits: tuple[Edit, ...] = field(default=(), repr=False)

    @property
    def label(self) -> str:
        return f"P{self.number}"

    def raw_offset(self, offset: int) -> int:
        """Map a character offset in ``text`` to a character offset in the raw text."""
        delta = 0  # (position in text) - (position in raw) before the current edit
        for edit in self.edits:
            start = edit.offset - self.raw_start + delta
            if offset < start:
                break
            if offset < start + len(edit.after):
                return edit.offset + min(offset - start, len(edit.before))
            delta += len(edit.after) - len(edit.before)
        return self.raw_start + offset - delta


#: Provenance fields of an Article and their values for a plain-text file with blank-line
#: paragraphs; ``to_record`` leaves a field out at that value, so such a record keeps its keys.
PLAIN_DEFAULTS: dict[str, Any] = {"format": "text", "source": None, "url": None, "record": None, "convention": "blank_line"}


@dataclass(frozen=True)
class Article:
    """A parsed article. ``body_text`` is the normalised paragraphs joined by blank lines.

    ``headline`` is None for a text that has none (plain text without header lines, a record
    without ``title``). ``raw_text`` is what every raw offset points into (see the module doc).
    """

    path: Path
    headline: str | None
    standfirst: str | None
    byline: str | None
    published: datetime | None
    updated: datetime | None
    paragraphs: tuple[Paragraph, ...]
    boilerplate: tuple[Line, ...]
    metadata_lines: tuple[Line, ...]
    body_text: str
    edits: tuple[Edit, ...]
    format: str = "text"  # text | html | jsonl
    source: str | None = None  # the outlet, as the input states it
    url: str | None = None
    record: int | None = None  # JSON Lines: the 1-based line of this record in the file
    convention: str = "blank_line"  # how the body marks paragraphs (analysis.paragraphs.CONVENTIONS)
    raw_text: str = field(default="", repr=False, compare=False)

    @property
    def article_id(self) -> str:
        """The file name, with ``:<line>`` for a record of a JSON Lines file."""
        return self.path.name if self.record is None else f"{self.path.name}:{self.record}"

    def paragraph_at(self, offset: int) -> Paragraph:
        """The paragraph whose span in ``body_text`` contains ``offset`` (a break belongs to the next)."""
        if not 0 <= offset <= len(self.body_text):
            raise IndexError(f"offset {offset} outside the body text (0..{len(self.body_text)})")
        starts = [p.start for p in self.paragraphs]
        return self.paragraphs[max(0, bisect.bisect_right(starts, offset) - 1)]

    def raw_offset(self, offset: int) -> int:
        """Map an offset in ``body_text`` to a character offset in ``raw_text``."""
        paragraph = self.paragraph_at(offset)
        return paragraph.raw_offset(min(offset - paragraph.start, len(paragraph.text)))

    def paragraph_numbers(self) -> dict[int, int]:
        """Paragraph index (1-based position in the body) -> P-number."""
        return {p.index: p.number for p in self.paragraphs}

    def line_roles(self) -> dict[int, str]:
        """Every non-blank line of the raw text mapped to the one role it was given."""
        roles = {ln.line: ln.role for ln in self.metadata_lines + self.boilerplate}
        for p in self.paragraphs:
            roles.update({p.line + k: "paragraph" for k, part in enumerate(p.raw.splitlines()) if part.strip()})
        return dict(sorted(roles.items()))

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict of the record (datetimes as ISO 8601), without ``raw_text``.

        Provenance fields at their plain-text value (:data:`PLAIN_DEFAULTS`) are left out.
        """
        record = asdict(self)
        del record["raw_text"]
        record["path"] = self.path.name
        for key in ("published", "updated"):
            record[key] = getattr(self, key).isoformat() if getattr(self, key) else None
        for paragraph in record["paragraphs"]:
            paragraph.pop("edits")
        for key, default in PLAIN_DEFAULTS.items():
            if record[key] == default:
                del record[key]
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
    layout["headline"]["not_ending"] = re.compile(layout["headline"]["not_ending"])
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


def parse_timestamp(value: str, *, path: Path | None = None, line: int | None = None,
                    field: str = "timestamp") -> datetime:
    """Parse a dateline value such as '2025-11-07 09:32 GMT' into a timezone-aware datetime (UTC).

    The zone must be stated: a name from the layout's ``timezones`` table or a numeric offset.
    """
    layout = _layout()
    text = " ".join(value.split())
    match = re.match(r"^(?P<stamp>.+?)\s*(?P<zone>[A-Z]{1,5}|[+-]\d{2}:?\d{2})$", text)
    if not match:
        raise ArticleFormatError(
            f"timestamp {value!r} has no time zone (expected e.g. 'GMT' or '+00:00')",
            path=path, line=line, field=field,
        )
    stamp, zone = match["stamp"], match["zone"]
    if zone in layout["timezones"]:
        zone = layout["timezones"][zone]
    offset = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", zone)
    if not offset:
        raise ArticleFormatError(
            f"timestamp {value!r}: unknown time zone {match['zone']!r}", path=path, line=line, field=field
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
        path=path, line=line, field=field,
    )


def parse_published(value: str, *, path: Path | None = None, line: int | None = None,
                    field: str = "published") -> datetime:
    """A timestamp from metadata (a JSON Lines field, a page's markup) as a UTC datetime.

    ISO 8601 with a zone ('2025-11-07T10:15:00+03:00', '...Z'), or a dateline that
    :func:`parse_timestamp` reads. A day alone ('2025-11-07') is read as 00:00 UTC of that day; a
    time without a zone is an error, since the hour it names is unknown.
    """
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return parse_timestamp(text, path=path, line=line, field=field)
    if parsed.tzinfo is None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return parsed.replace(tzinfo=timezone.utc)
        raise ArticleFormatError(
            f"timestamp {value!r} has no time zone (expected e.g. '2025-11-07T10:15:00+00:00' or a day alone)",
            path=path, line=line, field=field,
        )
    return parsed.astimezone(timezone.utc)


# --------------------------------------------------------------------------------------------
# reading files


def _check_bytes(data: bytes, path: Path) -> None:
    if not data.strip():
        raise ArticleFormatError("the file is empty", path=path, line=1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ArticleFormatError("binary data (a NUL byte): not a text file", path=path, line=line)


def _decode(data: bytes, path: Path) -> str:
    _check_bytes(data, path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ArticleFormatError(
            f"not UTF-8: byte 0x{data[err.start]:02x} at byte offset {err.start} cannot be decoded",
            path=path, line=line,
        ) from None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise ArticleFormatError(f"cannot read the file ({err.strerror})", path=path) from None


def sniff_format(path: str | Path, data: bytes | None = None) -> str:
    """The format of an article file: by extension (.html/.htm, .jsonl/.ndjson), else by content.

    Any other file is ``text`` unless its first non-blank bytes open an HTML document
    (``<!DOCTYPE html``, ``<html``, ``<head``, ``<body``, ``<!--``) or a JSON object (``{``).
    """
    path = Path(path)
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    head = (data if data is not None else _read(path)[:4096]).lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_START.match(head):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _non_blank_lines(text: str) -> list[tuple[int, str, int]]:
    """(1-based line number, line text without its end-of-line, offset of the line in ``text``)."""
    lines, offset = [], 0
    for number, chunk in enumerate(text.splitlines(keepends=True), start=1):
        content = chunk.rstrip("\r\n")
        if content.strip():
            lines.append((number, content, offset))
        offset += len(chunk)
    return lines


# --------------------------------------------------------------------------------------------
# building the record


@dataclass
class _Found:
    """What a format reader found in its raw text, before normalisation and paragraph splitting."""

    raw: str
    header: list[Line]  # headline, standfirst and metadata lines inside ``raw``
    body: tuple[int, int]  # (start, end) of the body region in ``raw``
    boilerplate: list[Line]
    convention: str | None = None  # None: detect from the body
    values: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # field -> (value, line)


def _line_record(entry: tuple[int, str, int], role: str) -> Line:
    number, text, start = entry
    return Line(number, role, text, start, start + len(text))


def _trailing_boilerplate(lines: list[tuple[int, str, int]], first: int) -> tuple[int, list[Line]]:
    """Index of the first trailing boilerplate line (``len(lines)`` if none) and those lines."""
    end = len(lines)
    while end > first and _is_boilerplate(lines[end - 1][1].strip()):
        end -= 1
    return end, [_line_record(lines[i], "boilerplate") for i in range(end, len(lines))]


def _build(path: Path, found: _Found, *, fmt: str, headline: str | None = None, byline: str | None = None,
           source: str | None = None, url: str | None = None, record: int | None = None) -> Article:
    """Normalise the header and the body paragraphs of ``found`` into an :class:`Article`.

    ``headline``, ``byline``, ``source`` and ``url`` are values from outside the raw text (page
    markup, record fields); a header line found in the text takes precedence.
    """
    raw = found.raw
    line_starts = [0]  # where each line starts, by the same line breaks as str.splitlines
    for chunk in raw.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(chunk))
    edits: list[Edit] = []

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset)

    def normalised(role: str, start: int, end: int, p_number: int | None = None) -> tuple[str, list[Edit]]:
        """Normalised text of ``raw[start:end]`` (already trimmed) and the edits it took."""
        text, changes = normalise(raw[start:end])
        found_edits = []
        for col, before, after, rule in changes:
            offset = start + col
            line = line_of(offset)
            found_edits.append(Edit(role, p_number, line, offset - line_starts[line - 1], offset, before, after, rule))
        edits.extend(found_edits)
        return text, found_edits

    header_text = {ln.role: [] for ln in found.header}
    for ln in found.header:
        lead = len(ln.raw) - len(ln.raw.lstrip())
        stripped = ln.raw.strip()
        header_text[ln.role].append(normalised(ln.role, ln.raw_start + lead, ln.raw_start + lead + len(stripped))[0])

    body_start, body_end = found.body
    layout = paragraph_layout.layout(raw[body_start:body_end], found.convention)
    paragraphs: list[Paragraph] = []
    offset = 0
    for index, (start, end) in enumerate(layout.bounds, start=1):
        start, end = body_start + start, body_start + end
        number = len(found.header) + index
        text, para_edits = normalised("paragraph", start, end, number)
        paragraphs.append(
            Paragraph(
                number=number, index=index, line=line_of(start), text=text, raw=raw[start:end],
                start=offset, end=offset + len(text), raw_start=start, raw_end=end, edits=tuple(para_edits),
            )
        )
        offset += len(text) + len(PARAGRAPH_BREAK)
    if not paragraphs:
        raise ArticleFormatError("no body: no paragraphs after the headline and metadata", path=path,
                                 line=record or (found.header[-1].line if found.header else 1))

    values = dict(found.values)

    def stamp(kind: str) -> datetime | None:
        if kind not in values:
            return None
        value, number = values[kind]
        if fmt == "text":
            return parse_timestamp(value, path=path, line=number)
        return parse_published(value, path=path, line=number, field=kind)

    def value(kind: str, given: str | None) -> str | None:
        return values[kind][0] if kind in values else given

    return Article(
        path=path,
        headline=header_text["headline"][0] if "headline" in header_text else headline,
        standfirst=PARAGRAPH_BREAK.join(header_text.get("standfirst", [])) or None,
        byline=value("byline", byline),
        published=stamp("published"),
        updated=stamp("updated"),
        paragraphs=tuple(paragraphs),
        boilerplate=tuple(found.boilerplate),
        metadata_lines=tuple(found.header),
        body_text=PARAGRAPH_BREAK.join(p.text for p in paragraphs),
        edits=tuple(edits),
        format=fmt,
        source=value("source", source),
        url=value("url", url),
        record=record,
        convention=layout.convention,
        raw_text=raw,
    )


# --------------------------------------------------------------------------------------------
# the three formats


def _reads_as_headline(text: str, lines: list[tuple[int, str, int]]) -> bool:
    """Whether the first non-blank line of a text without metadata lines is a headline.

    It must be short, not end with a full stop, be followed by more text, and be a paragraph of its
    own: a blank line follows it, or the text has no blank lines and the rest has one paragraph
    per line (in hard-wrapped copy the first line is the start of a paragraph).
    """
    rule = _layout()["headline"]
    if len(lines) < 2:
        return False
    first = lines[0][1].strip()
    if len(first.split()) > rule["max_words"] or rule["not_ending"].search(first) or _is_boilerplate(first):
        return False
    between = text[lines[0][2] + len(lines[0][1]):lines[1][2]]
    if between.count("\n") >= 2:
        return True
    rest = text[lines[1][2]:]
    return paragraph_layout.detect_convention(text) != "blank_line" and paragraph_layout.detect_convention(rest) in ("line", "single")


def _parse_text(path: Path, text: str) -> Article:
    """A plain-text article: header lines (when there are any), body, trailing boilerplate."""
    lines = _non_blank_lines(text)
    layout = _layout()
    header: list[Line] = []
    values: dict[str, tuple[str, int | None]] = {}

    window = range(0, min(len(lines), 1 + layout["header_max_lines"]))
    meta_at = [i for i in window if _metadata_kind(lines[i][1].strip())]
    body_from = 0
    if meta_at:
        first_meta, last_meta = meta_at[0], meta_at[-1]
        for i in range(first_meta):
            header.append(_line_record(lines[i], "headline" if i == 0 else "standfirst"))
        for i in range(first_meta, last_meta + 1):
            number, raw, _ = lines[i]
            kind_value = _metadata_kind(raw.strip())
            if kind_value is None:
                raise ArticleFormatError(
                    f"unexpected text between metadata lines: {raw.strip()[:60]!r}", path=path, line=number
                )
            kind, value = kind_value
            if kind in values:
                raise ArticleFormatError(
                    f"a second {kind} line (first on line {values[kind][1]})", path=path, line=number, field=kind
                )
            values[kind] = (value, number)
            header.append(_line_record(lines[i], kind))
        body_from = last_meta + 1
    elif _reads_as_headline(text, lines):
        header.append(_line_record(lines[0], "headline"))
        body_from = 1

    body_to, boilerplate = _trailing_boilerplate(lines, body_from)
    if body_to <= body_from:
        last = lines[body_from - 1][0] if body_from else lines[-1][0]
        raise ArticleFormatError("no body: no paragraphs after the headline and metadata", path=path, line=last)
    start = lines[body_from][2]
    end = lines[body_to - 1][2] + len(lines[body_to - 1][1])
    return _build(path, _Found(text, header, (start, end), boilerplate, values=values), fmt="text")


def _parse_html(path: Path, data: bytes) -> Article:
    """A saved web page: trafilatura's main text, one block element per line."""
    _check_bytes(data, path)
    page = extract_page(data, path)
    text = page.text
    lines = _non_blank_lines(text)
    header: list[Line] = []
    if page.title and len(lines) > 1 and " ".join(lines[0][1].split()) == " ".join(page.title.split()):
        header.append(_line_record(lines[0], "headline"))  # the page repeats its title as a heading
    body_to, boilerplate = _trailing_boilerplate(lines, len(header))
    if body_to <= len(header):
        raise ArticleFormatError("HTML with no main text: only a title or site text", path=path, field="text")
    start = lines[len(header)][2]
    end = lines[body_to - 1][2] + len(lines[body_to - 1][1])
    values = {k: (v, None) for k, v in (("published", page.published), ("updated", page.updated)) if v}
    found = _Found(text, header, (start, end), boilerplate, convention="line", values=values)
    return _build(path, found, fmt="html", headline=page.title, byline=page.author, source=page.sitename, url=page.url)


def _record_article(path: Path, rec: Record) -> Article:
    """One JSON Lines record (its ``text`` is all body) as an Article."""
    values = {"published": (rec.published, rec.line)} if rec.published else {}
    found = _Found(rec.text, [], (0, len(rec.text)), [], values=values)
    try:
        return _build(path, found, fmt="jsonl", headline=rec.title, source=rec.source, url=rec.url, record=rec.line)
    except RecordFormatError:
        raise
    except ArticleFormatError as err:  # a bad field value spoils this record only
        raise RecordFormatError(err.reason, path=path, line=rec.line, field=err.field) from None


def _jsonl_articles(path: Path, data: bytes) -> Iterator[Article | RecordFormatError]:
    """The records of a JSON Lines file; raises for a file that is empty or binary as a whole."""
    _check_bytes(data, path)
    for rec in read_records(data, path):
        if isinstance(rec, RecordFormatError):
            yield rec
            continue
        try:
            yield _record_article(path, rec)
        except RecordFormatError as err:
            yield err


def load_article(path: str | Path = ARTICLE, *, line: int | None = None) -> Article:
    """Read and parse one article file of any known format (see the module doc).

    A JSON Lines file of several records needs ``line``, the line of the record to read (or use
    :func:`load_articles`). Raises :class:`ArticleFormatError` naming the file, and where known the
    line and field.
    """
    path = Path(path)
    data = _read(path)
    fmt = sniff_format(path, data)
    if fmt != "jsonl" and line is not None:
        raise ArticleFormatError(f"line={line} is only for JSON Lines files; this one is {fmt}", path=path)
    if fmt == "html":
        return _parse_html(path, data)
    if fmt == "text":
        return _parse_text(path, _decode(data, path))
    results = list(_jsonl_articles(path, data))
    if line is not None:
        chosen = [r for r in results if (r.record if isinstance(r, Article) else r.line) == line]
        if not chosen:
            raise ArticleFormatError("no record on this line", path=path, line=line)
    elif len(results) != 1:
        where = ", ".join(str(r.record if isinstance(r, Article) else r.line) for r in results)
        raise ArticleFormatError(
            f"{len(results)} records (lines {where}): pass line= to read one, or use load_articles()", path=path
        )
    else:
        chosen = results
    if isinstance(chosen[0], ArticleFormatError):
        raise chosen[0]
    return chosen[0]


def load_articles(path: str | Path) -> Iterator[Article | ArticleFormatError]:
    """Every article of a file: one for plain text or a web page, one per record for JSON Lines.

    A file or record that cannot be read is *yielded* as its error rather than raised, so one bad
    record never hides the others; a record's error is a :class:`RecordFormatError` (its ``line``
    is the record's), a whole file's an :class:`ArticleFormatError`.
    """
    path = Path(path)
    try:
        data = _read(path)
        fmt = sniff_format(path, data)
        if fmt == "jsonl":
            yield from _jsonl_articles(path, data)
            return
        yield _parse_html(path, data) if fmt == "html" else _parse_text(path, _decode(data, path))
    except ArticleFormatError as err:
        yield err


# --------------------------------------------------------------------------------------------
# tables for notebooks and data/processed


def article_checksum(article: Article) -> str:
    """SHA-256 (hex) of the article's file as received: how curated tables (the claims register, the
    quotation gold standard) name the article they are about, whatever its file is called."""
    return hashlib.sha256(Path(article.path).read_bytes()).hexdigest()


def metadata_frame(article: Article) -> pd.DataFrame:
    """The article's metadata as a two-column table (field, value).

    Format, source, URL and record line are listed when they say something a plain-text file
    with blank-line paragraphs would not (see :data:`PLAIN_DEFAULTS`).
    """
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
    rows += [(key, getattr(article, key)) for key, default in PLAIN_DEFAULTS.items() if getattr(article, key) != default]
    return pd.DataFrame(rows, columns=["field", "value"])


def paragraphs_frame(article: Article) -> pd.DataFrame:
    """One row per body paragraph: numbering, offsets (in ``raw_text``), sizes and the normalised text."""
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
