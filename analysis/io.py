"""The only writers: figures and tables, deterministic and atomic.

Every output goes to a temporary file in the target folder first and is moved into place only when
complete, so a failure never leaves a half-written file. Figures are saved as PNG and SVG without
timestamps or software versions, beside a CSV of exactly the numbers they plot.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from .errors import OutputError
from .paths import FIGURES

# Fixed salt: SVG element ids are otherwise random per run.
matplotlib.rcParams["svg.hashsalt"] = "accords"
matplotlib.rcParams["svg.fonttype"] = "path"


@contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file next to ``path``; replace ``path`` with it only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        kwargs = {"encoding": "utf-8", "newline": "\n"} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_table(df: pd.DataFrame, path: str | Path, *, float_format: str = "%.6g") -> Path:
    """Write ``df`` as CSV (UTF-8, LF, no index) atomically; return the path."""
    path = Path(path)
    if not isinstance(df, pd.DataFrame):
        raise OutputError(f"expected a DataFrame, got {type(df).__name__}", path=path)
    with atomic_write(path) as handle:
        df.to_csv(handle, index=False, float_format=float_format, lineterminator="\n")
    return path


def save_json(obj: Any, path: str | Path) -> Path:
    """Write ``obj`` as pretty, key-sorted JSON atomically; return the path."""
    path = Path(path)
    with atomic_write(path) as handle:
        json.dump(obj, handle, ensure_ascii=False, indent=2, sort_keys=True, default=str)
        handle.write("\n")
    return path


def save_jsonl(records: Iterable[Mapping[str, Any]], path: str | Path) -> Path:
    """Write one JSON object per line (keys sorted) atomically; return the path."""
    path = Path(path)
    with atomic_write(path) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return path


def save_figure(
    fig: Figure,
    name: str,
    data: pd.DataFrame,
    *,
    folder: str | Path = FIGURES,
) -> dict[str, Path]:
    """Save ``fig`` as ``<name>.png`` and ``<name>.svg`` with ``data`` (the plotted numbers) as CSV.

    ``name`` follows ``figNN-slug``, NN being the notebook that makes the figure. Outputs are
    byte-identical across runs: no dates or software versions in the metadata, fixed SVG ids.
    """
    if not name.startswith("fig") or not name[3:5].isdigit() or name[5:6] != "-":
        raise OutputError(f"figure name {name!r} must look like 'figNN-slug'", field="name")
    if data is None or not isinstance(data, pd.DataFrame) or data.empty:
        raise OutputError(f"figure {name!r} needs the DataFrame of the numbers it plots", field="data")
    folder = Path(folder)
    out = {
        "png": folder / f"{name}.png",
        "svg": folder / f"{name}.svg",
        "csv": folder / f"{name}.csv",
    }
    writers: dict[str, Callable[[IO[Any]], None]] = {
        "png": lambda h: fig.savefig(h, format="png", dpi=150, metadata={"Software": None}),
        "svg": lambda h: fig.savefig(h, format="svg", metadata={"Date": None, "Creator": None}),
    }
    for kind, writer in writers.items():
        with atomic_write(out[kind], "wb") as handle:
            writer(handle)
    save_table(data, out["csv"])
    return out


__all__ = ["atomic_write", "save_table", "save_json", "save_jsonl", "save_figure"]
