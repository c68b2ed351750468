"""data/raw is immutable: every file is listed in SOURCES.md and matches its sha256."""
from __future__ import annotations

import hashlib
import re

from analysis.paths import RAW


def _listed() -> dict[str, str]:
    text = (RAW / "SOURCES.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$", text, flags=re.M)
    return dict(rows)


def test_every_raw_file_is_listed_with_its_checksum():
    files = sorted(p.name for p in RAW.iterdir() if p.is_file() and p.name != "SOURCES.md")
    assert files, "data/raw holds the article"
    assert sorted(_listed()) == files


def test_raw_files_match_their_checksums():
    for name, digest in _listed().items():
        assert hashlib.sha256((RAW / name).read_bytes()).hexdigest() == digest, f"{name} was edited"
