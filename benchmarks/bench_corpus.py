"""Benchmark: corpus mode on one process, spaCy multiprocessing (--jobs 2) and Dask with 2 workers.

Run by hand (never by the tests; the full size takes minutes, so run it on a quiet machine)::

    .venv/bin/python benchmarks/bench_corpus.py [--docs 1000] [--seed 7] [--workers 2]

The article bodies are those of ``bench_statements.build_corpus`` (variants of our article and
composed news paragraphs), written as plain-text files to a temporary folder, so each run reads,
parses and extracts exactly what ``python -m analysis.corpus`` would. Each mode runs in a fresh
Python process, one after the other:

- ``one``: ``extract_corpus(folder)``, one process;
- ``jobs``: ``extract_corpus(folder, jobs=N)``, spaCy's ``nlp.pipe(n_process=N)``;
- ``dask``: ``extract_corpus(folder, scheduler="dask", address=...)`` on a ``LocalCluster`` of N
  worker processes (one thread each).

Start-up (loading the pipeline; for Dask, starting the cluster and loading the pipeline in each
worker) is timed apart from the run, and articles per second count the run only. Peak memory is
the largest total resident memory of the process and all its descendants (spaCy's and Dask's
worker processes included), sampled every 0.1 s with psutil. The last table gives each mode's speed
and memory as ratios to one process; the target on a 2-core machine is >= 1.6x for both parallel
modes.
"""
from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

MODES: tuple[str, ...] = ("one", "jobs", "dask")


class PeakMemory:
    """Sample the resident memory of this process and its descendants until stopped; keep the peak."""

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self._root = psutil.Process()
        self._interval = interval
        self._stop = threading.Event()
        self.peak = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> int:
        import psutil

        total = 0
        for proc in [self._root, *self._root.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:  # a worker that just ended
                continue
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._total())
            self._stop.wait(self._interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._total())


def write_corpus_folder(folder: Path, n_docs: int, seed: int) -> int:
    """Write the benchmark's article bodies as plain-text files; return the number of characters."""
    from bench_statements import build_corpus

    texts = build_corpus(n_docs, seed)
    for k, text in enumerate(texts):
        (folder / f"article-{k:05d}.txt").write_text(text + "\n", encoding="utf-8")
    return sum(map(len, texts))


def run_mode(mode: str, folder: Path, workers: int) -> dict[str, float]:
    """One mode, in this process: start-up and run times, articles, quotations, peak memory."""
    from analysis.corpus import extract_corpus
    from analysis.nlp import load_pipeline

    with PeakMemory() as memory:
        start = time.perf_counter()
        cluster = None
        if mode == "dask":
            from distributed import Client, LocalCluster

            from analysis.corpus import _pipeline_plugin

            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            with Client(cluster) as client:  # load the pipeline in every worker now, so the run is timed alone
                client.register_plugin(_pipeline_plugin(), name="analysis-load-pipeline")
        else:
            load_pipeline()
        startup = time.perf_counter() - start
        start = time.perf_counter()
        if mode == "one":
            corpus = extract_corpus([folder], progress=False)
        elif mode == "jobs":
            corpus = extract_corpus([folder], jobs=workers, progress=False)
        else:
            corpus = extract_corpus([folder], scheduler="dask", address=cluster.scheduler_address, progress=False)
        run = time.perf_counter() - start
        if cluster is not None:
            cluster.close()
    ok = int((corpus.articles["status"] == "ok").sum())
    return {"startup_s": startup, "run_s": run, "articles": ok, "quotations": len(corpus.statements),
            "errors": len(corpus.errors), "peak_mb": memory.peak / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2, help="processes for --jobs and Dask workers")
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)  # internal: one mode in a child process
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.mode:
        print(json.dumps(run_mode(args.mode, args.folder, args.workers)))
        return 0

    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        folder = Path(tmp)
        chars = write_corpus_folder(folder, args.docs, args.seed)
        print(f"corpus: {args.docs} article files, {chars:,} characters; {args.workers} processes/workers", flush=True)
        for mode in MODES:
            print(f"{mode} ...", end=" ", flush=True)
            out = subprocess.run(
                [sys.executable, __file__, "--mode", mode, "--folder", str(folder), "--workers", str(args.workers)],
                check=True, capture_output=True, text=True, cwd=ROOT,
            )
            results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{results[mode]['run_s']:.1f} s", flush=True)

    same = {(r["articles"], r["quotations"], r["errors"]) for r in results.values()}
    base = results["one"]
    labels = {"one": "one process", "jobs": f"--jobs {args.workers}", "dask": f"Dask, {args.workers} workers"}
    print()
    print("| mode | start-up s | run s | articles/s | speed vs one | peak MB (all processes) | memory vs one |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for mode, r in results.items():
        rate = r["articles"] / r["run_s"]
        base_rate = base["articles"] / base["run_s"]
        print(f"| {labels[mode]} | {r['startup_s']:.1f} | {r['run_s']:.1f} | {rate:.1f} | {rate / base_rate:.2f}x "
              f"| {r['peak_mb']:.0f} | {r['peak_mb'] / base['peak_mb']:.2f}x |")
    print()
    print(f"every mode found the same articles, quotations and errors: {len(same) == 1} "
          f"({base['articles']} articles, {base['quotations']} quotations, {base['errors']} errors)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
