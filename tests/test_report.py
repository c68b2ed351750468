"""The report runner's pure parts: notebook summaries, figure lookup and the index page."""
from __future__ import annotations

import nbformat

from analysis.paths import NOTEBOOKS
from analysis.report import figures_of, notebook_summary, write_index


def _notebook(path, title="# 07 · Count things", purpose="Counts things so that we know."):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"{title}\n\n{purpose}\n\n**Inputs**: none."),
                nbformat.v4.new_code_cell("1 + 1")]
    nbformat.write(nb, path)
    return path


def test_summary_reads_title_and_purpose(tmp_path):
    info = notebook_summary(_notebook(tmp_path / "07-count-things.ipynb"))
    assert info == {"title": "07 · Count things", "purpose": "Counts things so that we know."}


def test_every_committed_notebook_follows_the_template():
    notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    assert notebooks
    for path in notebooks:
        info = notebook_summary(path)
        assert info["title"].startswith(path.name[:2] + " · "), path.name
        assert info["purpose"], path.name
        nb = nbformat.read(path, as_version=4)
        text = "\n".join(c.source for c in nb.cells)
        for part in ("**Inputs**", "**Outputs**", "**Findings**", "## Load", "## Check", "## Analysis", "## Save outputs"):
            assert part in text, f"{path.name} lacks {part}"
        assert any("parameters" in c.metadata.get("tags", []) for c in nb.cells), path.name
        assert not any(c.cell_type == "code" and "\ndef " in "\n" + c.source for c in nb.cells), f"{path.name} defines a function"


def test_figures_of_matches_the_notebook_number(tmp_path):
    for name in ("fig07-a.png", "fig07-b.png", "fig08-c.png", "fig07-a.svg"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in figures_of(tmp_path / "07-count-things.ipynb", tmp_path)] == ["fig07-a.png", "fig07-b.png"]


def test_index_links_reports_and_figures(tmp_path):
    nb = _notebook(tmp_path / "07-count-things.ipynb", purpose="Counts `things` & <more>.")
    index = write_index([nb], out_dir=tmp_path / "reports")
    page = index.read_text(encoding="utf-8")
    assert 'href="07-count-things.html"' in page
    assert "Counts <code>things</code> &amp; &lt;more&gt;." in page
