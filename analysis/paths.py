"""Project folders, derived from this file's location (never from the working directory)."""
from __future__ import annotations

from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent
DATA: Path = ROOT / "data"
RAW: Path = DATA / "raw"
REFERENCE: Path = DATA / "reference"
PROCESSED: Path = DATA / "processed"
FIGURES: Path = ROOT / "figures"
REPORTS: Path = ROOT / "reports"
NOTEBOOKS: Path = ROOT / "notebooks"

#: The article this project studies, exactly as received.
ARTICLE: Path = RAW / "kazakhstan_abraham_accords_2025-11-07.txt"
