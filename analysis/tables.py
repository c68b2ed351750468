"""Reading the curated CSV tables of ``data/reference/`` (and JSON Lines reference files): one reader,
errors that name file, line, column.

Every loader of a curated table (events, claims, primary statements, actors, cues, themes, ...)
reads its rows here and then checks its own rules; the shared rules (the file can be read as
UTF-8, every expected column is present, no row has more cells than the header, required cells are
not empty, source cells hold URLs) are enforced once, with the same messages everywhere.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ReferenceDataError

#: Several source URLs in one cell are separated by this.
URL_SEPARATOR = " ; "


@dataclass(frozen=True)
class Row:
    """A data row: ``line`` is the CSV line the record starts on (the header is line 1)."""

    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]


def table_error(message: str, path: str | Path, line: int | None = None, field: str | None = None) -> ReferenceDataError:
    """The error for a broken curated table, naming file, line and column (raise it)."""
    return ReferenceDataError(message, path=path, line=line, field=field)


def read_rows(
    path: str | Path,
    columns: tuple[str, ...],
    *,
    required: tuple[str, ...] = (),
    keep_spacing: tuple[str, ...] = (),
    allow_empty: bool = False,
) -> list[Row]:
    """Read ``path`` and return its rows with the cells of ``columns`` (stripped, '' when empty).

    ``keep_spacing`` columns keep their cell exactly as written (e.g. a claim's exact words).
    Extra columns in the file are allowed and ignored. Raises :class:`ReferenceDataError` for a
    file that cannot be read or decoded, a missing column, a row with more cells than the header,
    an empty ``required`` cell, or (unless ``allow_empty``) a table without rows.
    """
    path = Path(path)
    rows: list[Row] = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            for column in columns:
                if column not in header:
                    raise ReferenceDataError(f"missing column {column!r}", path=path, line=1, field=column)
            end = reader.line_num  # the header's last line
            for record in reader:
                # a quoted cell may span lines: report the line the record starts on
                start, end = end + 1, reader.line_num
                if None in record or None in record.values():
                    raise ReferenceDataError("the row has a different number of cells than the header", path=path, line=start)
                values = {
                    c: (record[c] or "") if c in keep_spacing else (record[c] or "").strip() for c in columns
                }
                for column in required:
                    if not values[column].strip():
                        raise ReferenceDataError(f"missing {column}", path=path, line=start, field=column)
                rows.append(Row(start, values))
    except FileNotFoundError:
        raise ReferenceDataError("file not found", path=path) from None
    except OSError as exc:
        raise ReferenceDataError(f"cannot read the file ({exc.strerror or exc})", path=path) from None
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(f"not UTF-8 ({exc.reason} at byte {exc.start})", path=path) from None
    if not rows and not allow_empty:
        raise ReferenceDataError("the table has no rows", path=path)
    return rows


def json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed value)`` for every non-blank line of a JSON Lines file, in file order.

    A line that is not JSON raises :class:`ReferenceDataError` naming the file and the line.
    """
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReferenceDataError(f"not JSON: {exc.msg}", path=path, line=line_no) from None
            yield line_no, value


def source_urls(cell: str, *, path: str | Path, line: int, field: str = "source") -> list[str]:
    """The URLs of a source cell (``" ; "``-separated); at least one, each http(s)."""
    urls = [u.strip() for u in cell.split(URL_SEPARATOR) if u.strip()]
    if not urls:
        raise ReferenceDataError("missing source: every row needs at least one URL", path=path, line=line, field=field)
    for url in urls:
        if not re.fullmatch(r"https?://\S+", url):
            raise ReferenceDataError(
                f"source {url!r} is not a URL (separate several with {URL_SEPARATOR!r})", path=path, line=line, field=field
            )
    return urls
