"""Notebooks 01, 02 and 04 run on articles other than ours, write only under the output folder, and say
"none found" (or "no claims register") instead of stopping.

Two short articles we write here: one in our header layout about something else, which quotes a
speaker we hold primary texts for and names countries; one with no date, no quotation and no
entity at all. Each notebook is executed with papermill through its two parameters, as
``make report ARTICLE=...`` will.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
import papermill
import pytest

from analysis import paths

NOTEBOOKS = ("01-parse-article.ipynb", "02-membership-history.ipynb", "04-claims-and-quote-fidelity.ipynb")

FESTIVAL = """Harbour Festival Draws Record Crowds

Organisers said the three-day event brought more visitors than ever.

By Ana Pires
Published: 2024-06-10 18:00 GMT

The harbour festival in Lisbon closed on Sunday after three days of concerts and food stalls.

"We sold every ticket by Friday, and the boats were full until midnight," said Maria Costa, the festival director.

Portugal's tourism board said visitors came from Spain and France.

Donald Trump wrote on Truth Social: "BLESSED ARE THE PEACEMAKERS!"
"""

QUIET = """A quiet day by the river

the weather was mild and people walked slowly along the river.

nothing else happened, and everyone went home early for dinner.
"""

TABLES = ("article.json", "paragraphs.csv", "normalisation_edits.csv", "quality_flags.csv", "entities.csv",
          "membership_status.csv", "claims.csv", "quote_fidelity.csv")
FIGURES = ("fig01-entity-mentions", "fig02-membership-timeline", "fig02-members-over-time",
           "fig02-relations-since-1979", "fig04-verdicts-by-category", "fig04-quote-similarity")


def _git_status() -> str:
    result = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=paths.ROOT,
                            capture_output=True, text=True, check=True)
    return result.stdout


def _outputs_text(notebook: Path) -> str:
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    return "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Run the three notebooks on both articles; (output folder, executed notebooks) per article."""
    if subprocess.run(["git", "rev-parse"], cwd=paths.ROOT, capture_output=True).returncode:
        pytest.skip("needs a git checkout to tell that tracked files stay unchanged")
    before = _git_status()
    base = tmp_path_factory.mktemp("any_article")
    results = {}
    for stem, text in (("festival", FESTIVAL), ("quiet", QUIET)):
        article = base / f"{stem}.txt"
        article.write_text(text, encoding="utf-8")
        out = base / f"out-{stem}"
        executed = {}
        for name in NOTEBOOKS:
            executed[name] = base / f"{stem}-{name}"
            papermill.execute_notebook(
                str(paths.NOTEBOOKS / name), str(executed[name]), cwd=str(paths.NOTEBOOKS), kernel_name="python3",
                parameters={"article_file": str(article), "output_dir": str(out)},
                progress_bar=False, request_save_on_cell_execute=False,
            )
        results[stem] = (out, executed)
    results["git_status"] = (before, _git_status())
    return results


def test_tracked_files_stay_unchanged_and_nothing_goes_to_reports(runs):
    before, after = runs["git_status"]
    assert after == before
    assert not (paths.REPORTS / "festival").exists() and not (paths.REPORTS / "quiet").exists()


@pytest.mark.parametrize("stem", ["festival", "quiet"])
def test_every_output_is_written_under_the_output_folder(runs, stem):
    out, _ = runs[stem]
    assert sorted(p.name for p in (out / "data").iterdir()) == sorted(TABLES)
    expected = sorted(f"{name}.{ext}" for name in FIGURES for ext in ("png", "svg", "csv"))
    assert sorted(p.name for p in (out / "figures").iterdir()) == expected


def test_an_article_without_claims_still_gets_quote_fidelity(runs):
    out, executed = runs["festival"]
    assert pd.read_csv(out / "data" / "claims.csv").empty
    assert pd.read_csv(out / "figures" / "fig04-verdicts-by-category.csv").iloc[0, 0] == "none found"
    assert "No claims register for this article" in _outputs_text(executed["04-claims-and-quote-fidelity.ipynb"])
    fidelity = pd.read_csv(out / "data" / "quote_fidelity.csv").set_index("speaker")
    assert fidelity.loc["Donald Trump", "statement_id"] == "trump-post"  # a speaker we hold primary texts for
    assert fidelity.loc["Maria Costa", "main_class"] == "no_primary"


def test_the_cross_check_uses_the_countries_the_article_names(runs):
    _, executed = runs["festival"]
    text = _outputs_text(executed["02-membership-history.ipynb"])
    assert "dated 2024-06-10" in text
    assert "named, not a member: Portugal, Spain, France" in text
    assert "member, not named: Israel" in text  # the history does not depend on the article


def test_an_article_naming_nothing_says_none_found(runs):
    out, executed = runs["quiet"]
    assert pd.read_csv(out / "data" / "entities.csv").empty
    assert pd.read_csv(out / "figures" / "fig01-entity-mentions.csv").iloc[0, 0] == "none found"
    assert pd.read_csv(out / "data" / "quote_fidelity.csv").empty
    assert pd.read_csv(out / "figures" / "fig04-quote-similarity.csv").iloc[0, 0] == "none found"
    text = _outputs_text(executed["02-membership-history.ipynb"])
    assert "no date in the article" in text
    assert "member, not named: Israel, United Arab Emirates, United States, Bahrain, Sudan, Morocco, Kazakhstan" in text
    assert "named, not a member" not in text
    status = pd.read_csv(out / "data" / "membership_status.csv")
    assert status.equals(pd.read_csv(runs["festival"][0] / "data" / "membership_status.csv"))
