"""The report runner: notebook summaries, figures, the offline pages, the index, and both runs.

The runs execute small notebooks written into tmp_path (a few seconds each): they prove the
plumbing (parameters reach the notebook, outputs land in the report folder, the index lists what
ran) independently of the project's own notebooks.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from analysis.errors import ReportError
from analysis.paths import NOTEBOOKS
from analysis.report import (
    Rendered, article_notebooks, copy_figures, figures_of, main, notebook_summary, numbered_notebooks,
    render_article_reports, render_reports, to_html, write_index,
)


def _notebook(path, title="# 07 · Count things", purpose="Counts things so that we know.", code=("1 + 1",),
              parameters=None):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"{title}\n\n{purpose}\n\n**Inputs**: none.")]
    if parameters is not None:
        cell = nbformat.v4.new_code_cell(parameters)
        cell.metadata["tags"] = ["parameters"]
        nb.cells.append(cell)
    nb.cells += [nbformat.v4.new_code_cell(source) for source in code]
    nbformat.write(nb, path)
    return path


#: A one-article notebook following the contract: writes a table and a figure where outputs_for says.
_ARTICLE_CODE = (
    "from pathlib import Path\n"
    "import pandas as pd\n"
    "import matplotlib\n"
    "matplotlib.use('Agg')\n"
    "import matplotlib.pyplot as plt\n"
    "from analysis import io, paths\n"
    "assert Path(article_file).is_absolute() and Path(output_dir).is_absolute()\n"
    "out = paths.outputs_for(article_file, output_dir)\n"
    "text = Path(article_file).read_text(encoding='utf-8')\n"
    "io.save_table(pd.DataFrame({'chars': [len(text)]}), out.processed / 'size.csv')\n"
    "fig, ax = plt.subplots()\n"
    "ax.bar(['chars'], [len(text)])\n"
    "io.save_figure(fig, 'fig01-size', pd.DataFrame({'chars': [len(text)]}), folder=out.figures)\n"
    "print('ran on', Path(article_file).name, 'into', Path(output_dir).name)"
)


@pytest.fixture
def article_notebooks_dir(tmp_path) -> Path:
    """01 and 02 take one article (article_file, output_dir); 05 takes a folder; 'scratch' is not numbered."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder / "01-measure.ipynb", "# 01 · Measure", "Measures the article.", (_ARTICLE_CODE,),
              parameters='article_file = "data/raw/x.txt"\noutput_dir = ""')
    _notebook(folder / "02-echo.ipynb", "# 02 · Echo", "Echoes its parameters.",
              ("print(article_file.endswith('.txt'), output_dir != '')",),
              parameters='article_file = "data/raw/x.txt"\noutput_dir = ""')
    _notebook(folder / "05-compare.ipynb", "# 05 · Compare coverage", "Compares a folder.",
              ("print(articles_dir)",), parameters='articles_dir = "data/examples"\noutput_dir = ""')
    _notebook(folder / "scratch.ipynb")
    return folder


def test_summary_reads_title_and_purpose(tmp_path):
    info = notebook_summary(_notebook(tmp_path / "07-count-things.ipynb"))
    assert info == {"title": "07 · Count things", "purpose": "Counts things so that we know."}


def test_every_committed_notebook_follows_the_template():
    notebooks = numbered_notebooks()
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


def test_numbered_notebooks_are_every_nn_notebook_in_order(article_notebooks_dir):
    names = [p.name for p in numbered_notebooks(article_notebooks_dir)]
    assert names == ["01-measure.ipynb", "02-echo.ipynb", "05-compare.ipynb"]
    assert numbered_notebooks() == sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def test_figures_of_matches_the_notebook_number(tmp_path):
    for name in ("fig07-a.png", "fig07-b.png", "fig08-c.png", "fig07-a.svg"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in figures_of(tmp_path / "07-count-things.ipynb", tmp_path)] == ["fig07-a.png", "fig07-b.png"]


def test_copy_figures_brings_png_svg_and_csv_of_the_notebooks_figures_only(tmp_path):
    source, target = tmp_path / "figures", tmp_path / "reports" / "figures"
    source.mkdir()
    for name in ("fig07-a.png", "fig07-a.svg", "fig07-a.csv", "fig08-b.png", "fig08-b.csv"):
        (source / name).write_bytes(name.encode())
    copied = copy_figures(tmp_path / "07-count-things.ipynb", source, target)
    assert copied == [target / "fig07-a.png"]
    assert sorted(p.name for p in target.iterdir()) == ["fig07-a.csv", "fig07-a.png", "fig07-a.svg"]
    assert (target / "fig07-a.csv").read_bytes() == b"fig07-a.csv"


def test_pages_load_nothing_from_the_network_and_forbid_scripts(tmp_path):
    nb = nbformat.read(_notebook(tmp_path / "07-x.ipynb", purpose="Costs $5 and $6; see `code`."), as_version=4)
    page = to_html(nb)
    assert "<script" not in page.lower()
    loaded = re.findall(r'<(?:link|img|iframe)[^>]+(?:src|href)="(https?:[^"]+)"', page)
    assert loaded == []
    assert "script-src 'none'" in page
    assert "Costs $5 and $6" in page


def test_index_links_reports_figures_and_their_csv_relatively(tmp_path):
    out = tmp_path / "reports"
    nb = _notebook(tmp_path / "07-count-things.ipynb", purpose="Counts `things` & <more>.")
    (out / "figures").mkdir(parents=True)
    for kind in ("png", "svg", "csv"):
        (out / "figures" / f"fig07-a b.{kind}").write_bytes(b"x")
    item = Rendered(nb, out / "07-count-things.html", figures=[out / "figures" / "fig07-a b.png"])
    page = write_index([item], out_dir=out).read_text(encoding="utf-8")
    assert 'href="07-count-things.html"' in page
    assert "Counts <code>things</code> &amp; &lt;more&gt;." in page
    assert 'src="figures/fig07-a%20b.png"' in page
    assert 'href="figures/fig07-a%20b.csv"' in page and 'href="figures/fig07-a%20b.svg"' in page
    assert "../" not in page and str(tmp_path) not in page


def test_index_says_when_a_notebook_stopped(tmp_path):
    nb = _notebook(tmp_path / "07-count-things.ipynb")
    item = Rendered(nb, tmp_path / "07-count-things.html", error="ValueError: <bad>")
    page = write_index([item], out_dir=tmp_path).read_text(encoding="utf-8")
    assert "stopped with an error (ValueError: &lt;bad&gt;)" in page


def test_default_run_renders_every_notebook_copies_figures_and_goes_on_after_a_failure(tmp_path):
    folder, figures, out = tmp_path / "nb", tmp_path / "figures", tmp_path / "reports"
    folder.mkdir()
    figures.mkdir()
    first = _notebook(folder / "01-first.ipynb", "# 01 · First", "Prints.", ("print('first ran')",))
    broken = _notebook(folder / "02-broken.ipynb", "# 02 · Broken", "Fails.", ("raise ValueError('on purpose')",))
    third = _notebook(folder / "03-third.ipynb", "# 03 · Third", "Prints.", ("print('third ran')",))
    for kind in ("png", "svg", "csv"):
        (figures / f"fig03-t.{kind}").write_bytes(b"x")
    messages = []
    rendered = render_reports([first, broken, third], out, figures=figures, progress=messages.append)
    assert [r.error for r in rendered] == [None, "ValueError: on purpose", None]
    assert "first ran" in (out / "01-first.html").read_text(encoding="utf-8")
    assert "on purpose" in (out / "02-broken.html").read_text(encoding="utf-8")
    assert "third ran" in (out / "03-third.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (out / "figures").iterdir()) == ["fig03-t.csv", "fig03-t.png", "fig03-t.svg"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}.html"' in index for name in ("01-first", "02-broken", "03-third"))
    assert [m.split()[0] for m in messages] == ["[1/3]", "[1/3]", "[2/3]", "[2/3]", "[3/3]", "[3/3]"]
    assert "02-broken.ipynb FAILED (ValueError: on purpose)" in messages[3]


def test_article_run_passes_absolute_parameters_and_writes_only_its_folder(article_notebooks_dir, tmp_path):
    article = tmp_path / "my article.txt"
    article.write_text("Some text about the accords.\n", encoding="utf-8")
    out = tmp_path / "reports" / "my article"
    before = {p for p in tmp_path.rglob("*") if "reports" not in p.parts}
    messages = []
    rendered = render_article_reports(article, numbered_notebooks(article_notebooks_dir), out, progress=messages.append)
    assert [r.notebook.name for r in rendered] == ["01-measure.ipynb", "02-echo.ipynb"]
    assert [r.error for r in rendered] == [None, None]
    assert "ran on my article.txt into my article" in (out / "01-measure.html").read_text(encoding="utf-8")
    assert "True True" in (out / "02-echo.html").read_text(encoding="utf-8")
    assert (out / "data" / "size.csv").read_text(encoding="utf-8") == f"chars\n{len(article.read_text())}\n"
    assert sorted(p.name for p in (out / "figures").iterdir()) == ["fig01-size.csv", "fig01-size.png", "fig01-size.svg"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01-measure.html"' in index and 'href="02-echo.html"' in index
    assert "05-compare" not in index and "05 · Compare coverage" in index and "articles_dir" in index
    assert 'src="figures/fig01-size.png"' in index and 'href="data/size.csv"' in index
    assert "Notebooks 01, 02 ran on <code>my article.txt</code>" in index
    assert {p for p in tmp_path.rglob("*") if "reports" not in p.parts} == before, "wrote outside its folder"
    assert len(messages) == 4 and messages[0].startswith("[1/2] 01-measure.ipynb")


def test_article_run_refuses_a_notebook_that_would_write_committed_outputs(tmp_path):
    nb = _notebook(tmp_path / "01-old.ipynb", parameters='article_file = "x.txt"')
    with pytest.raises(ReportError) as caught:
        article_notebooks([nb])
    assert caught.value.path == nb and caught.value.field == "output_dir"


def test_article_run_names_a_missing_article_and_a_folder(article_notebooks_dir, tmp_path):
    notebooks = numbered_notebooks(article_notebooks_dir)
    with pytest.raises(ReportError, match="no such article file") as caught:
        render_article_reports(tmp_path / "nope.txt", notebooks, tmp_path / "out")
    assert caught.value.path == tmp_path / "nope.txt"
    with pytest.raises(ReportError, match="is a folder"):
        render_article_reports(tmp_path, notebooks, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_article_named_like_a_reports_folder_is_refused(article_notebooks_dir, tmp_path):
    article = tmp_path / "figures.txt"
    article.write_text("text\n", encoding="utf-8")
    with pytest.raises(ReportError, match="collide with reports/figures"):
        render_article_reports(article, numbered_notebooks(article_notebooks_dir))


def test_command_line_reports_a_bad_article_without_a_traceback(capsys, tmp_path):
    assert main(["--article", str(tmp_path / "nope.txt")]) == 2
    assert f"error: {tmp_path / 'nope.txt'}: no such article file" in capsys.readouterr().err


def test_in_place_run_saves_the_notebook_with_its_outputs(tmp_path, capsys):
    nb = _notebook(tmp_path / "07-count-things.ipynb", code=("print(6 * 7)",))
    assert main(["--in-place", str(nb)]) == 0
    cell = nbformat.read(nb, as_version=4).cells[-1]
    assert [o.get("text") for o in cell.outputs] == ["42\n"]
    assert "[1/1] 07-count-things.ipynb done" in capsys.readouterr().out
    assert not (tmp_path / "reports").exists()
