"""The cue lexicon (``data/reference/quote_cues.csv``): reporting verbs, phrases, channels, triggers."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReferenceDataError
from ..paths import REFERENCE
from ..tables import read_rows

CUES_FILE = REFERENCE / "quote_cues.csv"
CUE_TYPES = frozenset({"verb", "phrase", "channel", "scare", "title"})


@dataclass(frozen=True)
class CueLexicon:
    """The reporting verbs, multi-word cues, channel hints and scare/title triggers."""

    verbs: Mapping[str, str | None]
    phrases: tuple[tuple[str, ...], ...]
    channels: tuple[tuple[re.Pattern[str], str], ...]
    scare: tuple[tuple[str, ...], ...]
    titles: tuple[tuple[str, ...], ...]


def load_cues(path: str | Path = CUES_FILE) -> CueLexicon:
    """Load and validate ``quote_cues.csv`` (type, pattern, channel, note)."""
    rows = read_rows(path, ("type", "pattern", "channel", "note"), required=("type", "pattern"))
    verbs: dict[str, str | None] = {}
    phrases, channels, scare, titles = [], [], [], []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        line, kind, pattern = row.line, row["type"], row["pattern"]
        if kind not in CUE_TYPES:
            raise ReferenceDataError(f"unknown cue type {kind!r} (expected one of {sorted(CUE_TYPES)})", path=path, line=line, field="type")
        if (kind, pattern) in seen:
            raise ReferenceDataError(f"duplicate {kind} entry {pattern!r}", path=path, line=line, field="pattern")
        seen.add((kind, pattern))
        if kind == "verb":
            if " " in pattern or pattern != pattern.lower():
                raise ReferenceDataError("a verb cue is one lower-case lemma", path=path, line=line, field="pattern")
            verbs[pattern] = row["channel"] or None
        elif kind == "channel":
            if not row["channel"]:
                raise ReferenceDataError("a channel hint needs a channel", path=path, line=line, field="channel")
            try:
                channels.append((re.compile(pattern, re.IGNORECASE), row["channel"]))
            except re.error as exc:
                raise ReferenceDataError(f"bad regular expression: {exc}", path=path, line=line, field="pattern") from None
        else:
            words = tuple(pattern.lower().split())
            {"phrase": phrases, "scare": scare, "title": titles}[kind].append(words)
    return CueLexicon(verbs, tuple(phrases), tuple(channels), tuple(scare), tuple(titles))


__all__ = ["CUES_FILE", "CUE_TYPES", "CueLexicon", "load_cues"]
