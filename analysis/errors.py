"""The package's own exception types: every bad input is reported through these."""
from __future__ import annotations

from pathlib import Path


class AnalysisError(Exception):
    """Base class: an input the package cannot use, with where the problem is.

    ``path``, ``line`` (1-based line in a text file, or the data row of a CSV file counting the
    header as line 1) and ``field`` (a column or record field) are kept as attributes so tests and
    callers can inspect them; the message always names the ones that are known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.field = field
        self.reason = message
        where = []
        if self.path is not None:
            where.append(str(self.path))
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field {field!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class ArticleFormatError(AnalysisError):
    """An article cannot be read: empty, binary, not UTF-8, no body, a broken JSON line, a record
    without `text`, a web page with no main text, ..."""


class ReferenceDataError(AnalysisError):
    """A curated table in data/reference/ breaks its documented rules."""


class OutputError(AnalysisError):
    """An output could not be written (nothing partial is left behind)."""


class ReportError(AnalysisError):
    """The reports cannot be rendered as asked (no such article, a notebook without a parameter)."""


class RecordFormatError(ArticleFormatError):
    """One record of a file of several articles (a JSON Lines line) cannot be read; the file's
    other records can. ``line`` is the record's line."""
