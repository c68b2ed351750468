"""A disk cache for the statements tables of many texts, keyed by everything that can change them.

Scoring the development set parses more than a thousand texts. Notebook 03 does it on every run, and
CI runs that notebook three times (nbval, and the report renders for our article and for another
one) with the same code and data. The key is a SHA-256 over the texts, the source of the
``analysis`` package, every file of ``data/reference/``, spaCy's version and the pipeline's own
config and meta. Change any of them and the tables are computed afresh; nothing stale is reused.
The cache lives in the project's git-ignored ``.cache/`` folder (``make clean`` removes it) and holds
one entry per kind of work: a new key replaces the old entry.
"""
from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from ..io import atomic_write
from ..paths import REFERENCE, ROOT

CACHE_DIR = ROOT / ".cache"


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def fingerprint(texts: Sequence[str], nlp) -> str:
    """SHA-256 of the texts, the package source, the reference data, spaCy and the pipeline."""
    import spacy

    digest = hashlib.sha256()
    for folder, pattern in ((ROOT / "analysis", "*.py"), (REFERENCE, "*")):
        for path in _files(folder, pattern):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(spacy.__version__.encode() + b"\0")
    digest.update(nlp.config.to_str().encode() + b"\0")
    digest.update(json.dumps(nlp.meta, sort_keys=True, default=str).encode() + b"\0")
    for text in texts:
        digest.update(text.encode() + b"\0")
    return digest.hexdigest()


def cached_frames(kind: str, key: str, compute: Callable[[], list[pd.DataFrame]],
                  cache_dir: Path | None = None) -> list[pd.DataFrame]:
    """``compute()``'s tables, read from ``cache_dir/<kind>-<key>.pkl`` when that entry exists.

    A new entry is written atomically and replaces the older entries of the same ``kind``. An entry
    that cannot be read (cut short, written by another pandas) is computed again and rewritten.
    """
    cache_dir = Path(CACHE_DIR if cache_dir is None else cache_dir)
    path = cache_dir / f"{kind}-{key}.pkl"
    if path.exists():
        try:
            with path.open("rb") as handle:
                frames = pickle.load(handle)
            if isinstance(frames, list) and all(isinstance(f, pd.DataFrame) for f in frames):
                return frames
        except Exception:  # a damaged or foreign entry is only a missed cache
            pass
    frames = compute()
    with atomic_write(path, "wb") as handle:
        pickle.dump(frames, handle, protocol=pickle.HIGHEST_PROTOCOL)
    for old in cache_dir.glob(f"{kind}-*.pkl"):
        if old != path:
            old.unlink(missing_ok=True)
    return frames


__all__ = ["CACHE_DIR", "fingerprint", "cached_frames"]
