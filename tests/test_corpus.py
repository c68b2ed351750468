"""Corpus mode: every file gets a row, bad files are named in errors.csv, and one process, spaCy
multiprocessing and a two-worker Dask LocalCluster give the same tables."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import extract_corpus
from analysis.article import load_article
from analysis.corpus import FRONT, OUTPUTS, corpus_files, main, write_corpus
from analysis.errors import AnalysisError

ARTICLES = Path(__file__).parent / "data" / "articles"
GOOD = ["header_lines.txt", "no_header.txt", "page.html", "records.jsonl", "wire_hard_wrapped.txt"]


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    """A handful of short articles in every format, plus an empty file, a binary file and a README."""
    folder = tmp_path_factory.mktemp("corpus")
    for name in GOOD:
        shutil.copy(ARTICLES / name, folder / name)
    (folder / "nested").mkdir()
    shutil.copy(ARTICLES / "headline_one_per_line.txt", folder / "nested" / "wire.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(bytes(range(256)) * 4)
    (folder / "README.md").write_text("# These are test articles\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def single(corpus_dir):
    return extract_corpus([corpus_dir], progress=False)


@pytest.fixture(scope="session")
def dask_cluster():
    """One LocalCluster of two worker processes for the whole test session."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=logging.ERROR)
    yield cluster
    cluster.close()


def test_every_file_gets_a_row_and_both_bad_files_are_named_in_errors(single, corpus_dir):
    articles = single.articles
    files = {p.relative_to(corpus_dir).as_posix() for p in corpus_dir.rglob("*") if p.is_file()}
    assert set(articles["file"]) == files
    status = articles.groupby("status")["file"].apply(set).to_dict()
    assert status["error"] == {"empty.txt", "photo.jpg"}
    assert status["skipped"] == {"README.md"}
    assert set(single.errors["file"]) == {"empty.txt", "photo.jpg"}
    reasons = single.errors.set_index("file")["reason"]
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["photo.jpg"]
    assert set(single.errors["stage"]) == {"load"}
    # one row per JSON Lines record, keyed file:line
    assert {"records.jsonl:1", "records.jsonl:3", "records.jsonl:4"} <= set(articles["article_id"])
    assert "nested/wire.txt" in set(articles["article_id"])


def test_statements_carry_article_source_and_date_in_front_and_point_into_the_body(single, corpus_dir):
    table = single.statements
    assert list(table.columns[:3]) == FRONT
    assert {"quote_id", "paragraph", "start", "end", "quote", "kind", "speaker", "cue", "channel"} <= set(table.columns)
    counts = table.groupby("article_id").size()
    ok = single.articles[single.articles["status"] == "ok"].set_index("article_id")
    assert (ok["statements"] == counts.reindex(ok.index, fill_value=0)).all()
    assert ok.loc["page.html", "source"] == "Test Fixture Herald"
    assert ok.loc["no_header.txt", "source"] == "no_header.txt"  # no outlet stated: the article is its own source
    for row in table.itertuples():
        file, _, line = row.article_id.partition(":")
        article = load_article(corpus_dir / file, line=int(line) if line else None)
        assert article.body_text[row.start:row.end] == row.quote
        assert row.published == (article.published.isoformat() if article.published else None)


def test_the_cli_writes_all_four_outputs(single, corpus_dir, tmp_path, capsys):
    assert main([str(corpus_dir), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(OUTPUTS)
    assert "2 errors, 1 skipped" in capsys.readouterr().out
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert set(errors["file"]) == {"empty.txt", "photo.jpg"}
    parquet = pd.read_parquet(tmp_path / "out" / "statements.parquet")
    assert list(parquet["quote"]) == list(single.statements["quote"])
    written = pd.read_csv(tmp_path / "out" / "articles.csv")
    assert len(written) == len(single.articles)


def _written(corpus, folder: Path) -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in write_corpus(corpus, folder).items()}


def test_spacy_multiprocessing_gives_the_same_tables(single, corpus_dir, tmp_path):
    two = extract_corpus([corpus_dir], jobs=2, progress=False)
    assert _written(two, tmp_path / "two") == _written(single, tmp_path / "one")


def test_dask_with_two_workers_gives_the_same_tables(single, corpus_dir, dask_cluster, tmp_path):
    on_dask = extract_corpus([corpus_dir], scheduler="dask", address=dask_cluster.scheduler_address, progress=False)
    assert _written(on_dask, tmp_path / "dask") == _written(single, tmp_path / "one")
    # the command line reaches the same cluster
    assert main([str(corpus_dir), "--out", str(tmp_path / "cli"), "--scheduler", "dask",
                 "--address", dask_cluster.scheduler_address, "--no-progress"]) == 0
    assert (tmp_path / "cli" / "statements.csv").read_bytes() == (tmp_path / "one" / "statements.csv").read_bytes()


def test_an_article_the_pipeline_fails_on_is_an_error_row_and_the_run_goes_on(write_file, monkeypatch):
    import analysis.quotes

    real = analysis.quotes.statement_rows

    def failing(doc):
        if "EXPLODES" in doc.text:
            raise RuntimeError("component failed")
        return real(doc)

    monkeypatch.setattr(analysis.quotes, "statement_rows", failing)
    folder = write_file('"We agree," the minister said.\n', "a.txt").parent
    write_file("This one EXPLODES in the pipeline.\n", "b.txt")
    write_file('"We also agree," the envoy said.\n', "c.txt")
    corpus = extract_corpus([folder], progress=False)
    status = corpus.articles.set_index("article_id")["status"]
    assert status.to_dict() == {"a.txt": "ok", "b.txt": "error", "c.txt": "ok"}
    [error] = corpus.errors.to_dict("records")
    assert error["article_id"] == "b.txt" and error["stage"] == "statements" and "component failed" in error["reason"]
    assert set(corpus.statements["article_id"]) == {"a.txt", "c.txt"}


def test_a_folder_of_only_bad_files_still_writes_every_table(write_file, tmp_path):
    folder = write_file(b"", "empty.txt").parent
    corpus = extract_corpus([folder], progress=False)
    assert corpus.statements.empty and list(corpus.statements.columns[:3]) == FRONT
    assert "quote" in corpus.statements.columns
    paths = write_corpus(corpus, tmp_path / "out")
    assert all(p.exists() for p in paths.values())


def test_files_given_directly_are_named_by_their_name_and_a_clash_is_an_error(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Body.\n", encoding="utf-8")
    (tmp_path / "x.txt").write_text("Body.\n", encoding="utf-8")
    assert [fid for _, fid in corpus_files([tmp_path / "x.txt"])] == ["x.txt"]
    with pytest.raises(AnalysisError, match="both called 'x.txt'"):
        corpus_files([tmp_path / "a", tmp_path / "x.txt"])
    with pytest.raises(AnalysisError, match="no such file"):
        corpus_files([tmp_path / "missing"])


def test_bad_options_are_our_errors(corpus_dir):
    with pytest.raises(AnalysisError, match="unknown scheduler"):
        extract_corpus([corpus_dir], scheduler="spark", progress=False)
    with pytest.raises(AnalysisError, match="jobs must be at least 1"):
        extract_corpus([corpus_dir], jobs=0, progress=False)


def test_only_the_committed_inputs_write_to_tracked_folders(tmp_path):
    from analysis.corpus import COMMITTED_FOLDER, corpus_outputs
    from analysis.paths import ARTICLE, EXAMPLES, FIGURES, REPORTS

    committed = corpus_outputs(["data/examples", str(ARTICLE)])
    assert committed.committed and committed.processed == COMMITTED_FOLDER and committed.figures == FIGURES
    examples_only = corpus_outputs([EXAMPLES])
    assert not examples_only.committed and examples_only.root == REPORTS / "examples"
    assert corpus_outputs([tmp_path / "mine"]).processed == REPORTS / "mine" / "data"
    chosen = corpus_outputs([EXAMPLES, ARTICLE], output_dir=tmp_path / "out")
    assert not chosen.committed and chosen.figures == (tmp_path / "out" / "figures").resolve()


def test_an_unforeseen_loader_failure_costs_only_its_file(write_file, monkeypatch):
    import analysis.corpus

    real = analysis.corpus.load_articles

    def flaky(path):
        if path.name == "bad.txt":
            raise RuntimeError("a loader bug")
        return real(path)

    monkeypatch.setattr(analysis.corpus, "load_articles", flaky)
    folder = write_file("One body paragraph.\n", "good.txt").parent
    write_file("Another body paragraph.\n", "bad.txt")
    articles, rows, errors = analysis.corpus.load_corpus(corpus_files([folder]))
    assert [a.path.name for a in articles] == ["good.txt"]
    assert [e["file"] for e in errors] == ["bad.txt"] and "unexpected RuntimeError while reading: a loader bug" in errors[0]["reason"]
    assert [r["status"] for r in rows] == ["error", "ok"]


def test_notebook_05_on_another_folder_says_none_found_and_changes_no_tracked_file(tmp_path):
    import hashlib

    import papermill

    from analysis.corpus import COMMITTED_FOLDER
    from analysis.paths import FIGURES, NOTEBOOKS

    def tracked() -> dict[str, str]:
        files = [*COMMITTED_FOLDER.iterdir(), *FIGURES.glob("fig05-*")]
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "plain.txt").write_text("Nobody is quoted in this text.\n\nIt has two paragraphs.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    before = tracked()
    papermill.execute_notebook(
        str(NOTEBOOKS / "05-compare-coverage.ipynb"), str(tmp_path / "run.ipynb"), kernel_name="python3",
        parameters={"articles_dir": str(folder), "output_dir": str(tmp_path / "out"), "include_our_article": False},
        progress_bar=False, cwd=str(NOTEBOOKS),
    )
    assert tracked() == before
    out = tmp_path / "out"
    assert sorted(p.name for p in (out / "data").iterdir()) == sorted([*OUTPUTS, "quoted_by_source.csv",
                                                                     "quote_fidelity_by_source.csv",
                                                                     "fidelity_classes_by_source.csv"])
    assert list(pd.read_csv(out / "data" / "errors.csv")["file"]) == ["empty.txt"]
    for figure in ("fig05-speakers-by-source", "fig05-fidelity-by-source"):
        assert pd.read_csv(out / "figures" / f"{figure}.csv").to_dict("list") == {"result": ["none found"]}


def test_the_cli_refuses_an_output_folder_inside_the_input_folder(corpus_dir, capsys):
    with pytest.raises(SystemExit) as info:
        main([str(corpus_dir), "--out", str(corpus_dir / "out")])
    assert info.value.code == 2 and "must not be inside an input folder" in capsys.readouterr().err
    assert not (corpus_dir / "out").exists()
