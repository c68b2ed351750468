"""Read JSON Lines files of articles: one JSON object per line, validated field by field.

Each non-blank line is one article: ``text`` (required, a non-empty string: the body) and the
optional strings ``title``, ``source`` (the outlet), ``url`` and ``published`` (a timestamp; see
:func:`analysis.article.parse_published`). A missing optional field may also be ``null``. Other keys
are allowed and ignored (an ``id`` or ``lang`` a scraper adds does not make a record unreadable).
Blank lines separate nothing and are not records.

This module only checks the JSON; :mod:`analysis.article` turns a :class:`Record` into an
``Article``. A bad line becomes a :class:`RecordFormatError` naming the file, the line and the
field, *yielded* in place of its record, so one broken line never hides the others. Each line is
decoded on its own: a line that is not UTF-8 spoils only its record.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import RecordFormatError

#: Fields read from each record; ``text`` is required.
FIELDS: tuple[str, ...] = ("text", "title", "source", "url", "published")
OPTIONAL: tuple[str, ...] = FIELDS[1:]


@dataclass(frozen=True)
class Record:
    """One valid line of a JSON Lines file, its values as written (strings, not yet interpreted)."""

    line: int  # 1-based line of the record in the file
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


def _check(obj: Any, path: Path, line: int) -> Record:
    if not isinstance(obj, dict):
        raise RecordFormatError(
            f"a record must be a JSON object with a 'text' field, not a JSON {type(obj).__name__}", path=path, line=line
        )
    if "text" not in obj:
        raise RecordFormatError("missing: every record needs the article body in 'text'", path=path, line=line, field="text")
    values: dict[str, str | None] = {}
    for key in FIELDS:
        value = obj.get(key)
        if value is None and key != "text":
            values[key] = None
            continue
        if not isinstance(value, str):
            raise RecordFormatError(
                f"must be a string, not {type(value).__name__ if value is not None else 'null'}",
                path=path, line=line, field=key,
            )
        if not value.strip():
            if key == "text":
                raise RecordFormatError("empty: the record has no article text", path=path, line=line, field=key)
            values[key] = None  # an empty optional field says as much as a missing one
            continue
        values[key] = value if key == "text" else value.strip()
    return Record(line=line, **values)  # type: ignore[arg-type]


def read_records(data: bytes, path: str | Path) -> Iterator[Record | RecordFormatError]:
    """Every record of a JSON Lines file, in file order; a bad line yields its error.

    ``data`` is the file's bytes (the caller has checked the file is neither empty nor binary).
    """
    path = Path(path)
    for number, chunk in enumerate(data.removeprefix(b"\xef\xbb\xbf").splitlines(), start=1):
        if not chunk.strip():
            continue
        try:
            raw = chunk.decode("utf-8")
        except UnicodeDecodeError as err:
            yield RecordFormatError(
                f"not UTF-8: byte 0x{chunk[err.start]:02x} at byte {err.start} of the line cannot be decoded",
                path=path, line=number,
            )
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as err:
            yield RecordFormatError(f"broken JSON line: {err.msg} (column {err.colno})", path=path, line=number)
            continue
        try:
            yield _check(obj, path, number)
        except RecordFormatError as err:
            yield err


__all__ = ["FIELDS", "OPTIONAL", "Record", "read_records"]
