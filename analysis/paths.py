"""Project folders, derived from this file's location (never from the working directory)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent
DATA: Path = ROOT / "data"
RAW: Path = DATA / "raw"
REFERENCE: Path = DATA / "reference"
PROCESSED: Path = DATA / "processed"
EXAMPLES: Path = DATA / "examples"
FIGURES: Path = ROOT / "figures"
REPORTS: Path = ROOT / "reports"
NOTEBOOKS: Path = ROOT / "notebooks"

#: The article this project studies, exactly as received.
ARTICLE: Path = RAW / "kazakhstan_abraham_accords_2025-11-07.txt"


@dataclass(frozen=True)
class Outputs:
    """Where one notebook run writes: its processed tables and its figures.

    ``committed`` is True only for our article with no output folder asked for: then the tables go
    to ``data/processed/`` and the figures to ``figures/``, which git tracks. Any other article
    writes under ``reports/<article-stem>/`` (``data/`` and ``figures/`` inside it), so a run on
    it never changes a tracked file.
    """

    root: Path
    processed: Path
    figures: Path
    committed: bool


def resolve_input(path: str | Path) -> Path:
    """An input path as given in a notebook parameter: absolute, or relative to the project root.

    A bare file name that is not found at the root is looked up in ``data/raw/`` (the parameters
    of earlier notebook versions named the article that way).
    """
    path = Path(path).expanduser()
    if path.is_absolute():
        return path
    if (ROOT / path).exists() or len(path.parts) > 1:
        return (ROOT / path).resolve()
    return (RAW / path).resolve()


def is_committed_article(path: str | Path) -> bool:
    """True when ``path`` is the article this project studies (the committed raw file)."""
    return resolve_input(path) == ARTICLE.resolve()


def outputs_for(article: str | Path, output_dir: str | Path | None = None) -> Outputs:
    """The output folders of a run on ``article`` (see :class:`Outputs`).

    ``output_dir`` (absolute, or relative to the project root) overrides the default; an empty
    string counts as not given, so a notebook parameter can default to ``""``.
    """
    if output_dir:
        root = Path(output_dir).expanduser()
        root = root if root.is_absolute() else (ROOT / root)
        return Outputs(root.resolve(), root.resolve() / "data", root.resolve() / "figures", committed=False)
    if is_committed_article(article):
        return Outputs(ROOT, PROCESSED, FIGURES, committed=True)
    root = REPORTS / resolve_input(article).stem
    return Outputs(root, root / "data", root / "figures", committed=False)
