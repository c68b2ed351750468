"""Corpus mode: the statements of every article in a folder, on one process, several, or a Dask cluster.

``extract_corpus(paths)`` reads every file under the given folders (and any files given directly)
with :func:`analysis.article.load_articles`, so plain text, saved web pages and JSON Lines mix
freely, and runs the project pipeline over each article body:

- ``jobs=1``: one process, batched ``nlp.pipe``;
- ``jobs=N``: spaCy's own multiprocessing (``nlp.pipe(n_process=N)``) on this machine;
- ``scheduler="dask"``: the same per-chunk function (:func:`extract_chunk`) on Dask distributed,
  on the cluster at ``address`` or else on a ``LocalCluster`` of ``jobs`` worker processes; a
  worker plugin loads the pipeline once per worker, before its first task.

Every file gets a row in the articles table (``ok``, ``error`` or ``skipped``) and every failure a
row in the errors table: one bad file, record or article never stops the run. A tqdm bar shows
articles done, the rate and the time left. :func:`write_corpus` writes the four outputs atomically;
``python -m analysis.corpus DIR --out OUT`` does both (``--help`` lists the options).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .article import Article, load_articles
from .errors import AnalysisError, ArticleFormatError, RecordFormatError
from .io import atomic_write, save_table
from .paths import ARTICLE, EXAMPLES, FIGURES, PROCESSED, REPORTS, ROOT, Outputs, resolve_input

SCHEDULERS: tuple[str, ...] = ("local", "dask")
#: Columns put in front of the statements columns of every quotation row.
FRONT: list[str] = ["article_id", "source", "published"]
ARTICLE_COLUMNS: list[str] = [
    "article_id", "file", "record", "format", "status", "headline", "source", "byline", "published", "updated",
    "url", "paragraphs", "characters", "statements", "reason",
]
ERROR_COLUMNS: list[str] = ["article_id", "file", "line", "field", "stage", "reason"]
OUTPUTS: tuple[str, ...] = ("statements.parquet", "statements.csv", "articles.csv", "errors.csv")
#: The inputs of notebook 05's committed run: our example articles and our one real article.
COMMITTED_INPUTS: tuple[Path, ...] = (EXAMPLES, ARTICLE)
#: Where the committed run's tables go (its figures go to figures/).
COMMITTED_FOLDER: Path = PROCESSED / "corpus"
#: Articles per nlp.pipe batch, and per Dask task (small tasks keep both workers busy to the end).
BATCH_SIZE = 16


@dataclass(frozen=True)
class Corpus:
    """The three tables of a corpus run (see README, section corpus, for every column)."""

    statements: pd.DataFrame
    articles: pd.DataFrame
    errors: pd.DataFrame


# --------------------------------------------------------------------------------------------
# which files, and their articles


def skip_reason(path: Path) -> str | None:
    """Why a file in a corpus folder is not read as an article (it still gets a row), or None."""
    if path.name.startswith("."):
        return "hidden file"
    if path.stem.upper() == "README":
        return "the folder's README, not an article"
    return None


def corpus_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(file, file id) for every file of the folders in ``paths`` (recursively) and every file given.

    A file under a folder is named by its path relative to that folder; a file given directly by
    its name. Two inputs with one id are an error, since the id keys every output table.
    """
    found: list[tuple[Path, str]] = []
    for given in map(Path, paths):
        if given.is_dir():
            files = sorted((p for p in given.rglob("*") if p.is_file()), key=lambda p: p.relative_to(given).as_posix())
            found.extend((p, p.relative_to(given).as_posix()) for p in files)
        elif given.is_file():
            found.append((given, given.name))
        else:
            raise AnalysisError("no such file or folder", path=given)
    seen: dict[str, Path] = {}
    for path, file_id in found:
        if file_id in seen:
            raise AnalysisError(f"two inputs are both called {file_id!r} (the other is {seen[file_id]})", path=path)
        seen[file_id] = path
    return found


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _article_row(article: Article, file_id: str) -> dict[str, Any]:
    article_id = file_id if article.record is None else f"{file_id}:{article.record}"
    return {
        "article_id": article_id, "file": file_id, "record": article.record, "format": article.format,
        "status": "ok", "headline": article.headline, "source": article.source or article_id,
        "byline": article.byline, "published": _iso(article.published), "updated": _iso(article.updated),
        "url": article.url, "paragraphs": len(article.paragraphs), "characters": len(article.body_text),
        "statements": 0, "reason": None,
    }


def _error_rows(err: ArticleFormatError, file_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The articles row and the errors row of a file or record that could not be read."""
    record = err.line if isinstance(err, RecordFormatError) else None
    article_id = file_id if record is None else f"{file_id}:{record}"
    row = {c: None for c in ARTICLE_COLUMNS} | {
        "article_id": article_id, "file": file_id, "record": record, "status": "error", "reason": err.reason,
    }
    error = {"article_id": article_id, "file": file_id, "line": err.line, "field": err.field, "stage": "load",
             "reason": err.reason}
    return row, error


def load_corpus(files: Sequence[tuple[Path, str]]) -> tuple[list[Article], list[dict[str, Any]], list[dict[str, Any]]]:
    """Read every file: the articles, one articles-table row per article/failure/skip, the error rows."""
    articles, rows, errors = [], [], []
    for path, file_id in files:
        reason = skip_reason(path)
        if reason:
            rows.append({c: None for c in ARTICLE_COLUMNS} | {"article_id": file_id, "file": file_id,
                                                                "status": "skipped", "reason": reason})
            continue
        try:
            items = list(load_articles(path))
        except Exception as err:  # noqa: BLE001 - a loader failure we did not foresee still only costs this file
            items = [ArticleFormatError(f"unexpected {type(err).__name__} while reading: {err}", path=path)]
        for item in items:
            if isinstance(item, ArticleFormatError):
                row, error = _error_rows(item, file_id)
                rows.append(row)
                errors.append(error)
            else:
                articles.append(item)
                rows.append(_article_row(item, file_id))
    return articles, rows, errors


# --------------------------------------------------------------------------------------------
# statements: the one per-chunk function, and the three ways to run it


Records = list[dict[str, Any]]


def iter_statements(texts: Sequence[str], *, n_process: int = 1, batch_size: int = BATCH_SIZE) -> Iterator[Records | str]:
    """The statement records of each text (``statement_rows``, in text order); a text the pipeline
    fails on yields the reason instead.

    Runs ``nlp.pipe`` (with ``n_process`` processes). If it fails, the texts from the failing one
    on are redone one at a time in this process, so only the text that fails is lost. Records, not a
    DataFrame per text: the table is built once for the whole corpus (:func:`extract_corpus`).
    """
    from .nlp import load_pipeline

    nlp = load_pipeline()
    done = 0
    try:
        for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
            yield _records(doc)
            done += 1
    except Exception:  # noqa: BLE001 - any failure of the pipeline on one text is that text's error
        for text in texts[done:]:
            try:
                records = _records(nlp(text))
            except Exception as err:  # noqa: BLE001
                yield f"statement extraction failed: {type(err).__name__}: {err}"
            else:
                yield records


def _records(doc: Any) -> Records:
    from . import quotes

    return sorted(quotes.statement_rows(doc), key=lambda r: r["start"])


def extract_chunk(texts: list[str]) -> list[Records | str]:
    """The statement records of a chunk of article bodies in this process (the task a Dask worker runs)."""
    return list(iter_statements(texts))


def _pipeline_plugin() -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadPipeline(WorkerPlugin):
        """Load the project pipeline when a worker starts, once (it is cached in the worker process)."""

        def setup(self, worker: Any) -> None:
            from .nlp import load_pipeline

            load_pipeline()

    return LoadPipeline()


def _run_local(texts: list[str], jobs: int, bar: Any) -> list[Records | str]:
    results = []
    for result in iter_statements(texts, n_process=jobs):
        results.append(result)
        bar.update(1)
    return results


def _run_dask(texts: list[str], jobs: int, address: str | None, bar: Any) -> list[Records | str]:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        client.register_plugin(_pipeline_plugin(), name="analysis-load-pipeline")
        chunks = [texts[i:i + BATCH_SIZE] for i in range(0, len(texts), BATCH_SIZE)]
        futures = client.map(extract_chunk, chunks, pure=False)
        position = {future.key: i for i, future in enumerate(futures)}
        done: list[list[Records | str]] = [[] for _ in chunks]
        for future in as_completed(futures):
            i = position[future.key]
            done[i] = future.result()
            bar.update(len(chunks[i]))
        return [result for chunk in done for result in chunk]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_corpus(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    scheduler: str = "local",
    address: str | None = None,
    progress: bool = True,
) -> Corpus:
    """Statements of every article in ``paths`` (folders and files), with the articles and errors tables.

    ``jobs``: processes (spaCy multiprocessing) or, with ``scheduler="dask"``, workers of the local
    cluster; ``address``: an existing Dask scheduler (its workers need this package installed).
    ``progress``: show the tqdm bar (on stderr).
    """
    from tqdm import tqdm

    from .quotes import statements_table

    if scheduler not in SCHEDULERS:
        raise AnalysisError(f"unknown scheduler {scheduler!r} (expected one of {', '.join(SCHEDULERS)})",
                            field="scheduler")
    if jobs < 1:
        raise AnalysisError(f"jobs must be at least 1, got {jobs}", field="jobs")
    articles, rows, errors = load_corpus(corpus_files(paths))
    texts = [a.body_text for a in articles]
    with tqdm(total=len(texts), unit="article", desc="statements", disable=not progress, file=sys.stderr) as bar:
        if not texts:
            results = []
        elif scheduler == "dask":
            results = _run_dask(texts, jobs, address, bar)
        else:
            results = _run_local(texts, jobs, bar)

    statements: Records = []
    ok_rows = [row for row in rows if row["status"] == "ok"]  # one per article, in the same order
    for row, result in zip(ok_rows, results):
        if isinstance(result, str):
            row.update(status="error", reason=result)
            errors.append({"article_id": row["article_id"], "file": row["file"], "line": None, "field": None,
                           "stage": "statements", "reason": result})
            continue
        row["statements"] = len(result)
        front = {key: row[key] for key in FRONT}
        statements.extend({**front, **record} for record in result)
    return Corpus(
        statements=statements_table(statements, front=FRONT),
        articles=_typed(pd.DataFrame(rows, columns=ARTICLE_COLUMNS), ("record", "paragraphs", "characters", "statements")),
        errors=_typed(pd.DataFrame(errors, columns=ERROR_COLUMNS), ("line",)),
    )


def _typed(frame: pd.DataFrame, integers: Iterable[str]) -> pd.DataFrame:
    """Nullable integer columns (a missing record line stays empty, not NaN) and None for missing text."""
    for column in frame.columns:
        if column in integers:
            frame[column] = frame[column].astype("Int64")
        else:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


# --------------------------------------------------------------------------------------------
# outputs and command line


def corpus_outputs(inputs: Sequence[str | Path], output_dir: str | Path | None = None) -> Outputs:
    """Where a corpus run writes, by the rule of :func:`analysis.paths.outputs_for`.

    ``output_dir`` (absolute or relative to the project root) wins when given. Otherwise the
    committed run (:data:`COMMITTED_INPUTS`, in that order) writes to ``data/processed/corpus/`` and
    ``figures/``, and any other run under ``reports/<name of its first input>/``, so a run on
    another folder never changes a tracked file.
    """
    if output_dir:
        root = Path(output_dir).expanduser()
        root = (root if root.is_absolute() else ROOT / root).resolve()
        return Outputs(root, root / "data", root / "figures", committed=False)
    resolved = [resolve_input(p) for p in inputs]
    if resolved == [p.resolve() for p in COMMITTED_INPUTS]:
        return Outputs(ROOT, COMMITTED_FOLDER, FIGURES, committed=True)
    root = REPORTS / (resolved[0].stem if resolved else "corpus")
    return Outputs(root, root / "data", root / "figures", committed=False)


def write_corpus(corpus: Corpus, out: str | Path) -> dict[str, Path]:
    """Write statements.parquet, statements.csv, articles.csv and errors.csv to ``out``, each atomically."""
    out = Path(out)
    paths = {name: out / name for name in OUTPUTS}
    with atomic_write(paths["statements.parquet"], "wb") as handle:
        corpus.statements.to_parquet(handle, index=False, engine="pyarrow")
    save_table(corpus.statements, paths["statements.csv"])
    save_table(corpus.articles, paths["articles.csv"])
    save_table(corpus.errors, paths["errors.csv"])
    return paths


def summary(corpus: Corpus) -> str:
    """One line: articles read, quotations found, failures and skipped files."""
    status = corpus.articles["status"].value_counts()
    return (f"{int(status.get('ok', 0))} articles, {len(corpus.statements)} quotation segments, "
            f"{len(corpus.errors)} errors, {int(status.get('skipped', 0))} skipped")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.corpus",
        description="Extract the statements of every article in a folder (plain text, .html/.htm, .jsonl).",
    )
    parser.add_argument("inputs", nargs="+", metavar="DIR", help="folders (read recursively) or article files")
    parser.add_argument("--out", required=True, help="output folder for the four tables")
    parser.add_argument("--jobs", type=int, default=1,
                        help="processes (spaCy multiprocessing), or local Dask workers with --scheduler dask")
    parser.add_argument("--scheduler", choices=SCHEDULERS, default="local")
    parser.add_argument("--address", help="address of a running Dask scheduler (with --scheduler dask)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if args.address and args.scheduler != "dask":
        parser.error("--address needs --scheduler dask")
    out = Path(args.out).resolve()
    if any(Path(p).is_dir() and out.is_relative_to(Path(p).resolve()) for p in args.inputs):
        parser.error("--out must not be inside an input folder (the next run would read its tables as articles)")
    try:
        corpus = extract_corpus(args.inputs, jobs=args.jobs, scheduler=args.scheduler, address=args.address,
                                progress=not args.no_progress)
        written = write_corpus(corpus, args.out)
    except AnalysisError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{summary(corpus)} -> {os.path.commonpath([str(p) for p in written.values()])}")
    return 0


__all__ = [
    "ARTICLE_COLUMNS", "COMMITTED_FOLDER", "COMMITTED_INPUTS", "Corpus", "ERROR_COLUMNS", "corpus_outputs", "FRONT", "OUTPUTS", "SCHEDULERS", "corpus_files", "extract_chunk",
    "extract_corpus", "iter_statements", "load_corpus", "skip_reason", "summary", "write_corpus",
]


if __name__ == "__main__":
    raise SystemExit(main())
