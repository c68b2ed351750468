"""Run the numbered notebooks and render the reports: ``python -m analysis.report [options] [NB...]``.

``make report`` (our article): each numbered notebook is executed with papermill as a copy, in
order; it writes ``data/processed/`` and ``figures/`` itself, through :mod:`analysis.io`. The
executed copy is rendered to ``reports/<notebook>.html``, its figures (PNG, SVG and the CSV of the
plotted numbers) are copied to ``reports/figures/``, and ``reports/index.html`` shows each
notebook's purpose, its figures and their CSVs. The committed notebooks are not touched.

``make report ARTICLE=path`` (any other article): every numbered notebook that takes the parameter
``article_file`` runs on that article with ``output_dir`` = ``reports/<article-stem>/``, so its
tables land in ``reports/<stem>/data/`` and its figures in ``reports/<stem>/figures/``; the pages
and an ``index.html`` go beside them. Notebooks that take a folder (``articles_dir``) do not run.

``reports/`` stands on its own: every link and image resolves inside it, and the pages load nothing
from the network (nbconvert's default template pulls require.js and MathJax from a CDN; ours leaves
them out and forbids scripts outright, so article text can never run as code in a report).

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import nbformat

from .errors import AnalysisError, ReportError
from .io import atomic_write
from .paths import FIGURES, NOTEBOOKS, REPORTS, ROOT, resolve_input

KERNEL = "python3"
TIMEOUT = 1200  # seconds per cell
#: The parameters of the notebook contract (see README): one article, or a folder of articles.
ARTICLE_PARAMETER, OUTPUT_PARAMETER, FOLDER_PARAMETER = "article_file", "output_dir", "articles_dir"
#: Files saved beside each figure PNG by analysis.io.save_figure.
FIGURE_FORMATS = ("png", "svg", "csv")

#: Static pages: no script at all, from anywhere. Styles stay inline (tables, displaCy).
CONTENT_SECURITY_POLICY = "default-src 'self' data:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
_CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'

#: nbconvert's JupyterLab template without its network scripts: require.js, MathJax, Mermaid and the
#: widget renderer all load from a CDN; our reports use none of them (Markdown "$" stays a dollar).
#: Code cells scroll sideways instead of clipping long lines.
OFFLINE_TEMPLATE = (
    "{%- extends 'index.html.j2' -%}\n"
    "{%- block html_head_js -%}" + _CSP_META + "{%- endblock html_head_js -%}\n"
    "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"
    "{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}\n"
    "{% block jupyter_widgets %}{% endblock jupyter_widgets %}\n"
    # the lab template clips long code lines (overflow: hidden); let readers scroll them instead
    "{%- block html_head_css -%}<style>.jp-InputArea-editor{overflow-x:auto}</style>{%- endblock html_head_css -%}\n"
)

Progress = Callable[[str], None]


@dataclass
class Rendered:
    """One notebook's report: where it went, what it made, and the error it stopped on, if any."""

    notebook: Path
    page: Path
    figures: list[Path] = field(default_factory=list)
    error: str | None = None


# ---- notebooks ----------------------------------------------------------------------------------

def numbered_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks a run renders, in order: ``NN-*.ipynb`` in ``folder``."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


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


def notebook_parameters(path: Path) -> set[str]:
    """Names the notebook's papermill ``parameters`` cell defines (empty when it has none)."""
    import papermill

    return set(papermill.inspect_notebook(str(path)))


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


def execute_copy(path: Path, parameters: Mapping[str, object] | None = None) -> tuple[nbformat.NotebookNode, str | None]:
    """Execute a copy of the notebook with papermill (in the notebook's folder, with ``parameters``).

    Returns the executed notebook and, when a cell failed, the error: the partial notebook still
    renders, so the report shows where it stopped.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / path.name
        error = None
        try:
            papermill.execute_notebook(
                str(path), str(executed), parameters=dict(parameters or {}), cwd=str(path.parent),
                kernel_name=KERNEL, progress_bar=False, request_save_on_cell_execute=False,
                execution_timeout=TIMEOUT,
            )
        except PapermillExecutionError as exc:
            error = f"{exc.ename}: {exc.evalue}"
        return nbformat.read(executed, as_version=4), error


def to_html(nb: nbformat.NotebookNode) -> str:
    """The notebook as one static HTML page that loads nothing from the network and runs no script."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.raw_template = OFFLINE_TEMPLATE
    body, _ = exporter.from_notebook_node(nb)
    return body


def render_notebook(path: Path, out_dir: Path, parameters: Mapping[str, object] | None = None) -> Rendered:
    """Execute a copy of one notebook and write ``out_dir/<notebook>.html``."""
    nb, error = execute_copy(path, parameters)
    page = out_dir / f"{path.stem}.html"
    with atomic_write(page) as handle:
        handle.write(to_html(nb))
    return Rendered(path, page, error=error)


def copy_figures(notebook: Path, source: Path, target: Path) -> list[Path]:
    """Copy a notebook's figures (PNG, SVG and CSV of each) from ``source`` into ``target``."""
    copied = []
    for png in figures_of(notebook, source):
        for kind in FIGURE_FORMATS:
            src = png.with_suffix(f".{kind}")
            if src.exists():
                with atomic_write(target / src.name, "wb") as handle:
                    handle.write(src.read_bytes())
        copied.append(target / png.name)
    return copied


# ---- the index page -----------------------------------------------------------------------------

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#222;"
    "line-height:1.45}section{border-top:1px solid #ddd;padding:.5rem 0 1rem}"
    ".figs{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0;max-width:19rem}"
    "figure img{max-width:100%;max-height:13rem;border:1px solid #ccc;display:block}"
    "figcaption{font-size:.85rem;color:#444}.failed{color:#a40000;font-weight:600}"
    ".note{background:#f4f4f4;padding:.5rem .75rem;border-left:3px solid #888}"
)


def _inline_code(markdown: str) -> str:
    """Escape text for HTML and turn Markdown `code` spans into <code> elements."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(markdown))


def _href(path: Path, base: Path) -> str:
    """A relative, URL-quoted and HTML-escaped link from ``base`` to ``path`` (both inside reports)."""
    return html.escape(quote(path.relative_to(base).as_posix()), quote=True)


def _figure(png: Path, out_dir: Path) -> str:
    name = html.escape(png.stem)
    links = " · ".join(
        f'<a href="{_href(png.with_suffix("." + kind), out_dir)}">{kind.upper()}</a>'
        for kind in FIGURE_FORMATS if png.with_suffix(f".{kind}").exists()
    )
    return (
        f'<figure><a href="{_href(png, out_dir)}"><img src="{_href(png, out_dir)}" alt="{name}" '
        f'title="{name}"></a><figcaption><code>{name}</code><br>{links}</figcaption></figure>'
    )


def write_index(
    rendered: list[Rendered], out_dir: Path = REPORTS, *, title: str = "Accords research notebooks",
    intro: str = "", notes: Sequence[str] = (),
) -> Path:
    """``out_dir/index.html``: per notebook its title (linking its report), purpose and figures.

    ``intro`` and ``notes`` are HTML (the caller escapes what it puts in them); every link is
    relative to ``out_dir`` so the folder can be copied anywhere.
    """
    items = []
    for item in rendered:
        info = notebook_summary(item.notebook)
        failed = (f'<p class="failed">This notebook stopped with an error ({html.escape(item.error)}); '
                  "its report shows where.</p>") if item.error else ""
        figures = "".join(_figure(png, out_dir) for png in item.figures)
        items.append(
            f'<section><h2><a href="{_href(item.page, out_dir)}">{html.escape(info["title"])}</a></h2>'
            f"<p>{_inline_code(info['purpose'])}</p>{failed}<div class=\"figs\">{figures}</div></section>"
        )
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">' + _CSP_META
        + f"<title>{html.escape(title)}: reports</title><style>{_STYLE}</style></head><body>"
        + f"<h1>{html.escape(title)}</h1>{intro}"
        + "".join(f'<p class="note">{note}</p>' for note in notes)
        + "".join(items) + "</body></html>\n"
    )
    target = out_dir / "index.html"
    with atomic_write(target) as handle:
        handle.write(page)
    return target


# ---- the two runs -------------------------------------------------------------------------------

def _run(notebooks: list[Path], step: Callable[[Path], Rendered], progress: Progress) -> list[Rendered]:
    done = []
    for i, nb in enumerate(notebooks, start=1):
        started = time.monotonic()
        progress(f"[{i}/{len(notebooks)}] {nb.name} ...")
        item = step(nb)
        status = f"FAILED ({item.error})" if item.error else "done"
        progress(f"[{i}/{len(notebooks)}] {nb.name} {status} in {time.monotonic() - started:.1f} s")
        done.append(item)
    return done


def render_reports(
    notebooks: list[Path], out_dir: Path = REPORTS, *, figures: Path = FIGURES, progress: Progress = print,
) -> list[Rendered]:
    """``make report``: run the notebooks with their defaults, render them, copy their figures.

    The notebooks write our article's committed outputs (``data/processed/``, ``figures/``) as
    always; ``out_dir`` receives the pages, ``figures/`` with copies of theirs, and the index.
    """
    def step(nb: Path) -> Rendered:
        item = render_notebook(nb, out_dir)
        item.figures = copy_figures(nb, figures, out_dir / "figures")
        return item

    rendered = _run(notebooks, step, progress)
    write_index(
        rendered, out_dir,
        intro="<p>Kazakhstan and the Abraham Accords (November 2025): one report per notebook, in order. "
              "Each figure links to its PNG, its SVG and the CSV of the numbers it plots, all in "
              "<code>figures/</code> beside this page.</p>",
    )
    return rendered


def article_notebooks(notebooks: list[Path]) -> tuple[list[Path], list[Path]]:
    """(notebooks that run on one article, notebooks that take a folder and so do not).

    A notebook runs on one article when its parameters include ``article_file``; it must then take
    ``output_dir`` too, or it would write our committed outputs (a :class:`ReportError` says so).
    """
    single, folder = [], []
    for nb in notebooks:
        parameters = notebook_parameters(nb)
        if ARTICLE_PARAMETER in parameters:
            if OUTPUT_PARAMETER not in parameters:
                raise ReportError(
                    f"takes {ARTICLE_PARAMETER} but not {OUTPUT_PARAMETER}: run on another article it "
                    "would overwrite our committed outputs", path=nb, field=OUTPUT_PARAMETER,
                )
            single.append(nb)
        elif FOLDER_PARAMETER in parameters:
            folder.append(nb)
    if not single:
        raise ReportError(f"no notebook takes the parameter {ARTICLE_PARAMETER}", path=notebooks[0].parent if notebooks else NOTEBOOKS)
    return single, folder


def article_out_dir(article: Path, reports: Path = REPORTS) -> Path:
    """``reports/<article-stem>/``, refusing names that would land on the main reports' own files."""
    out = reports / article.stem
    if article.stem in ("figures", "data", "index") or not article.stem.strip():
        raise ReportError(f"an article called {article.name!r} would collide with reports/{article.stem}; "
                          "rename the file", path=article)
    return out


def render_article_reports(
    article: str | Path, notebooks: list[Path], out_dir: Path | None = None, *, progress: Progress = print,
) -> list[Rendered]:
    """``make report ARTICLE=path``: run the one-article notebooks on ``article`` into ``out_dir``.

    ``article`` is absolute or relative to the project root; ``out_dir`` defaults to
    ``reports/<article-stem>/``. Both reach the notebooks as absolute paths (``article_file``,
    ``output_dir``), so nothing outside ``out_dir`` is written.
    """
    path = resolve_input(article)
    if path.is_dir():
        raise ReportError("is a folder; ARTICLE takes one article file (notebooks that take "
                          f"{FOLDER_PARAMETER} compare folders)", path=path)
    if not path.is_file():
        hint = "" if Path(article).is_absolute() else (
            " (a relative path is taken from the project root; a bare file name is also looked up in data/raw/)")
        raise ReportError("no such article file" + hint, path=path)
    out = (out_dir or article_out_dir(path)).resolve()
    single, folder = article_notebooks(notebooks)
    parameters = {ARTICLE_PARAMETER: str(path), OUTPUT_PARAMETER: str(out)}

    def step(nb: Path) -> Rendered:
        item = render_notebook(nb, out, parameters)
        item.figures = figures_of(nb, out / "figures")
        return item

    rendered = _run(single, step, progress)
    ran = ", ".join(nb.name[:2] for nb in single)
    notes = [
        f"{html.escape(notebook_summary(nb)['title'])} compares a folder of articles (its parameter is "
        f"<code>{FOLDER_PARAMETER}</code>), so it did not run here; see the README."
        for nb in folder
    ]
    tables = sorted((out / "data").glob("*")) if (out / "data").is_dir() else []
    listing = ", ".join(f'<a href="{_href(t, out)}"><code>{html.escape(t.name)}</code></a>' for t in tables)
    write_index(
        rendered, out, title=f"Reports for {path.name}",
        intro=f"<p>Notebooks {html.escape(ran)} ran on <code>{html.escape(path.name)}</code>. "
              "Each figure links to its PNG, its SVG and the CSV of the numbers it plots.</p>"
              + (f"<p>Tables (in <code>data/</code>): {listing}.</p>" if tables else ""),
        notes=notes,
    )
    return rendered


def _in_place(nb: Path) -> Rendered:
    execute_in_place(nb)
    return Rendered(nb, nb)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: every numbered one, in order)")
    parser.add_argument("--in-place", action="store_true", help="execute and save the notebooks themselves")
    parser.add_argument("--article", help="run on this article (absolute or relative to the project root)")
    parser.add_argument("--out", type=Path, help="reports folder (default: reports/, or reports/<article-stem>/)")
    args = parser.parse_args(argv)
    notebooks = sorted(p.resolve() for p in args.notebooks) or numbered_notebooks()
    unnumbered = [nb.name for nb in notebooks if not re.match(r"\d\d-", nb.name)]
    if unnumbered:
        print(f"not numbered notebooks: {', '.join(unnumbered)}", file=sys.stderr)
        return 2
    if not notebooks:
        print("no notebooks found", file=sys.stderr)
        return 1
    try:
        if args.in_place:
            _run(notebooks, _in_place, print)
            return 0
        if args.article:
            rendered = render_article_reports(args.article, notebooks, args.out)
        else:
            rendered = render_reports(notebooks, (args.out or REPORTS).resolve())
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    index = rendered[0].page.parent / "index.html"
    print(f"reports: {index.relative_to(ROOT) if ROOT in index.parents else index}")
    failed = [item.notebook.name for item in rendered if item.error]
    if failed:
        print(f"these notebooks stopped with an error (see their reports): {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
