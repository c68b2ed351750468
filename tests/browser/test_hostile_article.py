"""Article text is data: a hostile article's reports show its markup as text and run none of it.

``make report ARTICLE=tests/data/hostile/hostile_article.txt``, rendered by the runner inside the
session, opened in Chromium. The article sets ``window.__pwned`` from every ``<script>`` and
``onerror`` it holds: the flag must stay unset on every page.
"""
from __future__ import annotations

import pytest
from browser_checks import HOSTILE, outside, render_article_elsewhere, runner_notebooks

from analysis.report import ARTICLE_PARAMETER, notebook_parameters

ONE_ARTICLE = [nb.stem for nb in runner_notebooks() if ARTICLE_PARAMETER in notebook_parameters(nb)]
PAGES = ["index"] + ONE_ARTICLE
MARKUP = ("<script>window.__pwned", "<img src=x onerror=", "AT&T", "a < b > c")


@pytest.fixture(scope="module")
def hostile_reports(hostile_run):
    return hostile_run.reports


@pytest.fixture(scope="module")
def page(hostile_reports, inspect):
    return lambda name: inspect(hostile_reports / f"{name}.html", "hostile")


def _safe(report) -> list[str]:
    """What on a page shows that article markup became HTML (or ran)."""
    problems = [f"window.__pwned = {report.pwned!r}"] if report.pwned is not None else []
    problems += [f"{report.scripts} <script> elements"] if report.scripts else []
    problems += [f"event handler {h}" for h in report.handlers]
    problems += [f"console: {e}" for e in report.console_errors]
    problems += [f"broken image {i['src']!r}" for i in report.images if not i["complete"] or i["width"] == 0]
    return problems


@pytest.mark.parametrize("name", PAGES)
def test_no_script_from_the_article_runs_or_becomes_markup(page, name):
    problems = _safe(page(name))
    assert not problems, f"{name}.html:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", PAGES)
def test_every_link_and_source_stays_inside_the_article_reports(page, hostile_reports, name):
    report = page(name)
    problems = [why for ref in report.refs if (why := outside(ref, report.path, hostile_reports))]
    problems += [u for u in report.requests if not u.startswith(("data:", hostile_reports.resolve().as_uri()))]
    assert not problems, f"{name}.html:\n" + "\n".join(problems)


def test_the_article_markup_shows_as_text(page):
    first = page(ONE_ARTICLE[0])
    assert "<script>window.__pwned = 'headline'</script>" in first.text, f"{first.path.name} hides the headline's markup"
    every_page = "\n".join(page(name).text for name in ONE_ARTICLE)
    assert [m for m in MARKUP if m not in every_page] == []


def test_index_links_every_report_and_names_the_article(page):
    index = page("index")
    linked = {ref["value"] for ref in index.refs if ref["tag"] == "a"}
    assert [n for n in ONE_ARTICLE if f"{n}.html" not in linked] == []
    assert HOSTILE.name in index.text


def test_an_article_run_changes_no_tracked_file(hostile_run):
    if hostile_run.tracked_before is None:
        pytest.skip("not a git checkout")
    assert hostile_run.tracked_after == hostile_run.tracked_before


# ---- the checks themselves catch markup pasted in unescaped --------------------------------------

_PROBE_PARAMETERS = 'article_file = ""\noutput_dir = ""'
_UNSAFE = "from pathlib import Path\nfrom IPython.display import HTML, display\ndisplay(HTML(Path(article_file).read_text(encoding='utf-8')))"
_SAFE = (
    "from pathlib import Path\nimport pandas as pd\nfrom analysis.display import table\n"
    "lines = [l for l in Path(article_file).read_text(encoding='utf-8').splitlines() if l.strip()]\n"
    "table(pd.DataFrame({'text': lines}), long_text=['text'], width=400)"
)


@pytest.fixture(scope="module")
def probe_reports(tmp_path_factory):
    """Two small notebooks run on the hostile article: one pastes its text in as HTML, one uses our table."""
    import nbformat

    folder = tmp_path_factory.mktemp("probe-notebooks")
    for name, code in (("01-unsafe", _UNSAFE), ("02-safe", _SAFE)):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        parameters = nbformat.v4.new_code_cell(_PROBE_PARAMETERS)
        parameters.metadata["tags"] = ["parameters"]
        nb.cells = [nbformat.v4.new_markdown_cell(f"# {name[:2]} · Probe\n\nShows the article."), parameters,
                    nbformat.v4.new_code_cell(code)]
        nbformat.write(nb, folder / f"{name}.ipynb")
    return render_article_elsewhere(tmp_path_factory, HOSTILE, sorted(folder.glob("*.ipynb")))


def test_the_checks_catch_article_text_pasted_in_as_html(probe_reports, inspect):
    unsafe = inspect(probe_reports / "01-unsafe.html", "hostile-probe")
    problems = _safe(unsafe)
    assert any(p.startswith("event handler <img onerror>") for p in problems), problems
    assert any("Content Security Policy" in p for p in problems), "the reports' policy refuses the scripts"
    assert "broken image 'x'" in problems
    assert unsafe.pwned is None, "the policy stops the article's scripts even when a notebook pastes them in"
    assert "<script>window.__pwned" not in unsafe.text


def test_a_notebook_showing_article_text_through_our_table_is_safe(probe_reports, inspect):
    safe = inspect(probe_reports / "02-safe.html", "hostile-probe")
    assert _safe(safe) == []
    assert [m for m in MARKUP if m not in safe.text] == []
