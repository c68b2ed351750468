"""Our article's reports, as ``make report`` renders them, opened in Chromium.

Each report is loaded once; each check names the report (and the table or link) that fails.
"""
from __future__ import annotations

import pytest
from browser_checks import is_text_table, outside, runner_notebooks

NOTEBOOKS = runner_notebooks()
PAGES = ["index"] + [nb.stem for nb in NOTEBOOKS]
#: Notebooks whose reports must carry displaCy markup (they call displacy.render).
DISPLACY = sorted(nb.stem for nb in NOTEBOOKS if "displacy.render(" in nb.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(our_reports, inspect):
    def load(name: str):
        return inspect(our_reports / f"{name}.html", "ours")

    return load


def test_every_numbered_notebook_has_a_report(our_reports):
    assert sorted(p.stem for p in our_reports.glob("*.html")) == sorted(PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_console_errors(page, name):
    errors = page(name).console_errors
    assert not errors, f"{name}.html logs console errors:\n" + "\n".join(errors)


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_nothing_from_the_network(page, our_reports, name):
    report = page(name)
    loaded = [u for u in report.requests if not u.startswith(("data:", our_reports.resolve().as_uri()))]
    assert not loaded, f"{name}.html requests resources outside reports/:\n" + "\n".join(loaded)


@pytest.mark.parametrize("name", PAGES)
def test_no_image_is_broken(page, name):
    broken = [img["src"] for img in page(name).images if not img["complete"] or img["width"] == 0]
    assert not broken, f"{name}.html has broken images:\n" + "\n".join(broken)


@pytest.mark.parametrize("name", PAGES)
def test_every_link_and_source_resolves_inside_reports(page, our_reports, name):
    report = page(name)
    problems = [why for ref in report.refs if (why := outside(ref, report.path, our_reports))]
    assert not problems, f"{name}.html:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", PAGES[1:])
def test_long_code_lines_scroll_instead_of_being_cut_off(page, name):
    clipped = page(name).clipped
    assert not clipped, f"{name}.html clips code cells starting:\n" + "\n".join(clipped)


def test_index_links_every_report(page):
    linked = {ref["value"] for ref in page("index").refs if ref["tag"] == "a"}
    missing = [f"{name}.html" for name in PAGES[1:] if f"{name}.html" not in linked]
    assert not missing, "index.html does not link these reports: " + ", ".join(missing)


def test_index_shows_each_figure_with_its_csv(page, our_reports):
    refs = page("index").refs
    images = {r["value"] for r in refs if r["tag"] == "img"}
    links = {r["value"] for r in refs if r["tag"] == "a"}
    assert images, "index.html shows no figures"
    without_csv = [src for src in images if src.rsplit(".", 1)[0] + ".csv" not in links]
    assert not without_csv, "index.html: figures without a link to their CSV:\n" + "\n".join(sorted(without_csv))


def test_displacy_markup_in_the_notebooks_that_render_it(page):
    assert {"01-parse-article", "03-stakeholder-statements"} <= set(DISPLACY)
    missing = [name for name in DISPLACY if page(name).displacy == 0]
    assert not missing, "reports without displaCy markup: " + ", ".join(missing)


@pytest.mark.parametrize("name", PAGES[1:])
def test_headline_tables_are_html_tables(page, name):
    """A table a reader needs is a <table>: a question answered by a printed text table fails,
    unless the same section also shows it as an HTML table (the printed one is then nbval's check)."""
    report = page(name)
    sections: dict[str, dict] = {}
    for cell in report.cells:
        section = sections.setdefault(cell["heading"], {"text_tables": [], "tables": 0})
        section["tables"] += cell["tables"]
        checked = cell["input"].lstrip().startswith("# NBVAL_CHECK_OUTPUT")
        for pre in cell["pres"]:
            if is_text_table(pre["text"]):
                section["text_tables"].append((checked, pre["text"].splitlines()[0].strip()[:60]))
    failures = []
    for heading, section in sections.items():
        for checked, first_line in section["text_tables"]:
            if not checked or not section["tables"]:
                failures.append(f"{name}.html, section {heading!r}: text table starting {first_line!r}")
    assert not failures, "text tables where readers need an HTML table:\n" + "\n".join(failures)


@pytest.mark.parametrize("name", PAGES[1:])
def test_printed_tables_do_not_wrap(page, name):
    """A fixed-width table that wraps mid-column is unreadable: printed tables fit their box."""
    wrapped = [
        f"{cell['heading']!r}: {pre['text'].splitlines()[0].strip()[:60]!r} "
        f"({pre['lines']} lines shown as {pre['rendered']})"
        for cell in page(name).cells for pre in cell["pres"]
        if is_text_table(pre["text"]) and pre["rendered"] > pre["lines"] + 1
    ]
    assert not wrapped, f"{name}.html: printed tables wrap:\n" + "\n".join(wrapped)
