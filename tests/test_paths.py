"""Where a run reads its inputs and writes its outputs: never a tracked file for another article."""
from __future__ import annotations

from analysis import paths


def test_committed_article_writes_the_committed_folders():
    out = paths.outputs_for("data/raw/kazakhstan_abraham_accords_2025-11-07.txt")
    assert out.committed and out.processed == paths.PROCESSED and out.figures == paths.FIGURES
    assert paths.outputs_for("kazakhstan_abraham_accords_2025-11-07.txt", "") == out  # old-style bare name


def test_another_article_writes_under_reports_by_default(tmp_path):
    other = tmp_path / "next-story.html"
    out = paths.outputs_for(other)
    assert not out.committed
    assert out.root == paths.REPORTS / "next-story"
    assert out.processed == out.root / "data" and out.figures == out.root / "figures"


def test_an_output_folder_overrides_even_for_our_article(tmp_path):
    out = paths.outputs_for(paths.ARTICLE, tmp_path / "run")
    assert not out.committed and out.processed == (tmp_path / "run" / "data").resolve()
    relative = paths.outputs_for(paths.ARTICLE, "reports/x")
    assert relative.root == (paths.ROOT / "reports" / "x").resolve()


def test_inputs_resolve_against_the_project_root_not_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert paths.resolve_input("data/raw/kazakhstan_abraham_accords_2025-11-07.txt") == paths.ARTICLE.resolve()
    assert paths.resolve_input(tmp_path / "a.txt") == tmp_path / "a.txt"
