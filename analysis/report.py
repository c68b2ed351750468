"""Run the numbered notebooks and render the reports: ``python -m analysis.report [--in-place] NB...``.

Default (``make report``): each notebook is executed with papermill as a copy, in order; the executed
copy is rendered to ``reports/<notebook>.html`` and ``reports/index.html`` links every report with
its one-line purpose and its figures. The committed notebooks are not touched. Notebooks write
``data/processed/`` and ``figures/`` themselves, through :mod:`analysis.io`.

``--in-place`` (``make notebooks``, for developers): Restart & Run All on each notebook and save it
with its outputs, ready to commit.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from .io import atomic_write
from .paths import FIGURES, NOTEBOOKS, REPORTS, ROOT

KERNEL = "python3"
TIMEOUT = 1200  # seconds per cell


def notebook_summary(path: Path) -> dict[str, str]:
    """Title (the first '# ' heading) and purpose (the paragraph after it) of a notebook."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.strip().splitlines()
        if lines and lines[0].startswith("# "):
            body = "\n".join(lines[1:]).strip().split("\n\n")[0]
            return {"title": lines[0][2:].strip(), "purpose": " ".join(body.split())}
    return {"title": path.stem, "purpose": ""}


def figures_of(path: Path, folder: Path = FIGURES) -> list[Path]:
    """The PNG figures a notebook makes: figNN-*.png where NN is the notebook's number."""
    number = path.name[:2]
    return sorted(folder.glob(f"fig{number}-*.png"))


def execute_in_place(path: Path) -> None:
    """Restart & Run All: execute the notebook in its folder and save it with outputs."""
    from nbclient import NotebookClient
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, kernel_name=KERNEL, timeout=TIMEOUT, record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    # a print can arrive as several stream chunks; merged, reruns leave the saved notebook unchanged
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    with atomic_write(path) as handle:
        nbformat.write(nb, handle)


def render_report(path: Path, out_dir: Path = REPORTS) -> Path:
    """Execute a copy of the notebook with papermill and render it as HTML in ``out_dir``."""
    import papermill
    from nbconvert import HTMLExporter

    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / path.name
        papermill.execute_notebook(
            str(path), str(executed), cwd=str(path.parent), kernel_name=KERNEL,
            progress_bar=False, request_save_on_cell_execute=False, execution_timeout=TIMEOUT,
        )
        body, _ = HTMLExporter().from_notebook_node(nbformat.read(executed, as_version=4))
    target = out_dir / f"{path.stem}.html"
    with atomic_write(target) as handle:
        handle.write(body)
    return target


def _inline_code(markdown: str) -> str:
    """Escape text for HTML and turn Markdown `code` spans into <code> elements."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(markdown))


def write_index(notebooks: list[Path], out_dir: Path = REPORTS) -> Path:
    """reports/index.html: one entry per notebook with its purpose, report link and figures."""
    items = []
    for nb in notebooks:
        info = notebook_summary(nb)
        figures = "".join(
            f'<a href="../figures/{f.name}"><img src="../figures/{f.name}" alt="{html.escape(f.stem)}" '
            f'title="{html.escape(f.stem)}"></a>'
            for f in figures_of(nb)
        )
        items.append(
            f'<section><h2><a href="{nb.stem}.html">{html.escape(info["title"])}</a></h2>'
            f"<p>{_inline_code(info['purpose'])}</p><div class=\"figs\">{figures}</div></section>"
        )
    page = (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Accords research notebooks: reports</title><style>"
        "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
        "section{border-top:1px solid #ddd;padding:.5rem 0}.figs img{height:11rem;margin:.25rem;"
        "border:1px solid #ccc}</style></head><body><h1>Accords research notebooks</h1>"
        "<p>Kazakhstan and the Abraham Accords (November 2025): one report per notebook, in order. "
        "Figures link to full-size PNGs; each has a CSV of its numbers beside it in <code>figures/</code>.</p>"
        + "".join(items)
        + "</body></html>\n"
    )
    target = out_dir / "index.html"
    with atomic_write(target) as handle:
        handle.write(page)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all, in order)")
    parser.add_argument("--in-place", action="store_true", help="execute and save the notebooks themselves")
    args = parser.parse_args(argv)
    notebooks = sorted(p.resolve() for p in args.notebooks) or sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    if not notebooks:
        print("no notebooks found", file=sys.stderr)
        return 1
    for i, nb in enumerate(notebooks, start=1):
        if not re.match(r"\d\d-", nb.name):
            print(f"skipping {nb.name}: not a numbered notebook", file=sys.stderr)
            continue
        started = time.monotonic()
        print(f"[{i}/{len(notebooks)}] {nb.relative_to(ROOT)} ...", flush=True)
        if args.in_place:
            execute_in_place(nb)
        else:
            render_report(nb)
        print(f"[{i}/{len(notebooks)}] {nb.name} done in {time.monotonic() - started:.1f} s", flush=True)
    if not args.in_place:
        index = write_index(notebooks)
        print(f"reports: {index.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
