"""Benchmark: statement extraction vs the bare trained pipeline, on >= 1,000 article bodies.

Run by hand (never by the tests)::

    .venv/bin/python benchmarks/bench_statements.py [--docs 1000] [--batch-size 64] [--seed 7]

The corpus is built deterministically from the seed article's body and short news paragraphs in the
style of the test cases (quote-then-speaker, speaker-then-quote, pronouns, continuations, partial
and scare quotes, curly quotes, no quotes, an unpaired mark), varied by speaker names, quotation
mark style and paragraph order. Both runs see the same texts, in the same process:

- bare: the trained pipeline as installed (``spacy.load``), ``nlp.pipe`` over the texts;
- ours: ``extract_statements_many`` (project pipeline with the EntityRuler, paragraph sentence
  starts and the ``quotes`` component, then the statements table), same batch size.

Runs are interleaved (bare, ours, bare, ours, ...) and the fastest of each is reported, so both
see the same machine load. Prints documents per second for both, their ratio (target >= 0.8) and
the peak resident memory of the process after each kind of run (``resource.getrusage``). Last, the
``quotes`` component alone: its cost per document, timed on documents parsed without it (the first
``--component-docs`` texts), and the same for the seed article's body.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.article import load_article  # noqa: E402
from analysis.nlp import load_pipeline, load_trained  # noqa: E402
from analysis.quotes import SPANS_KEY, extract_statements_many  # noqa: E402

NAMES = ["Ana Duarte", "Omar Haddad", "Ines Moreau", "Paul Reyes", "Mei Tanaka", "Rosa Lind", "Ken Ito", "Leila Haddad",
         "Tom Reed", "Dana Bright", "Sara Kim", "Ada Moss", "Jim Risch", "Christopher Landau"]
TEMPLATES = [
    '"We expect the new rail link to open in spring," {name} said on Tuesday.',
    'Mayor {name} told reporters: "The bridge will stay closed until the inspection is done."',
    '"Prices will fall," said {name}, an economist at the central bank.',
    '"There is more to do," she added in an interview.',
    'The committee\'s chairwoman, {name}, said: "We will publish the report in May."',
    '"The first part of my answer is simple," {name} said at a town hall meeting.',
    '"The second part takes longer.',
    '"And the third part is for next week."',
    'Analyst {name} said the outcome was "far from certain" for both sides.',
    'The so-called "peace dividend" never arrived in the region.',
    '\u201cWe are ready,\u201d {name} wrote on X.',
    'Nothing here is quoted. The meeting ended at noon and the delegates left for the airport.',
    'The sign on the door read "closed.',
    'According to {name}, "exports doubled last year."',
    '"We have a deal," {name} said as she signed the papers.',
    '"Yes," {name} said, "we will go."',
    'Officials met for two days to discuss trade, transport and water rights along the border.',
]


def build_corpus(n_docs: int, seed: int) -> list[str]:
    """``n_docs`` article bodies: every third a variant of the seed article, the rest composed."""
    rng = random.Random(seed)
    body = load_article().body_text
    paragraphs = body.split("\n\n")
    texts = []
    for k in range(n_docs):
        if k % 3 == 0:
            variant = body.replace("Trump", rng.choice(NAMES).split()[-1]) if k % 2 else body
            if k % 9 == 0:
                variant = _curly(variant)
            texts.append(variant)
        else:
            picks = [rng.choice(TEMPLATES).format(name=rng.choice(NAMES)) for _ in range(rng.randint(4, 10))]
            picks += rng.sample(paragraphs, rng.randint(1, 3))
            texts.append("\n\n".join(picks))
    return texts


def _curly(text: str) -> str:
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        elif ch == "\n":
            out.append(ch)
            opening = True if out[-2:] == ["\n", "\n"] else opening
        else:
            out.append(ch)
    return "".join(out)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=2, help="interleaved rounds; the fastest of each is reported")
    parser.add_argument("--component-docs", type=int, default=200, help="documents for timing the quotes component alone")
    args = parser.parse_args(argv)

    texts = build_corpus(args.docs, args.seed)
    n_chars = sum(map(len, texts))
    bare = load_trained()
    ours = load_pipeline()
    for nlp in (bare, ours):  # warm up
        list(nlp.pipe(texts[:8]))
    print(f"corpus: {len(texts)} docs, {n_chars:,} characters, batch size {args.batch_size}")
    print(f"bare pipeline: {bare.meta['name']} {bare.meta['version']} {bare.pipe_names}")
    print(f"our pipeline:  {ours.pipe_names}")

    t_bare = t_ours = float("inf")
    for round_ in range(1, args.repeat + 1):  # interleaved, so both runs see the same machine load
        print(f"round {round_}/{args.repeat}: bare pipeline ...", end=" ", flush=True)
        start = time.perf_counter()
        n_tokens = sum(len(doc) for doc in bare.pipe(texts, batch_size=args.batch_size))
        t_bare = min(t_bare, time.perf_counter() - start)
        mem_bare = peak_mb()
        print(f"{time.perf_counter() - start:.1f} s; statements ...", end=" ", flush=True)
        start = time.perf_counter()
        table = extract_statements_many(texts, ours, batch_size=args.batch_size)
        t_ours = min(t_ours, time.perf_counter() - start)
        mem_ours = peak_mb()
        print(f"{time.perf_counter() - start:.1f} s", flush=True)

    bare_rate, our_rate = len(texts) / t_bare, len(texts) / t_ours
    print(f"tokens: {n_tokens:,}; statements found: {len(table):,} "
          f"({table['speaker'].notna().sum():,} attributed)")
    print(f"bare nlp.pipe:             {t_bare:7.1f} s  {bare_rate:7.1f} docs/s")
    print(f"extract_statements_many:   {t_ours:7.1f} s  {our_rate:7.1f} docs/s")
    print(f"ratio (ours / bare):       {our_rate / bare_rate:.3f}  (target >= 0.8)")
    print(f"peak RSS after bare run:   {mem_bare:7.0f} MB")
    print(f"peak RSS after our run:    {mem_ours:7.0f} MB")
    per_doc = component_cost(ours, texts[:args.component_docs], args.batch_size)
    article_cost = component_cost(ours, [load_article().body_text], 1, repeat=20)
    print(f"quotes component alone:    {per_doc:7.2f} ms per document (first {min(len(texts), args.component_docs)} docs); "
          f"{article_cost:.2f} ms on the seed article")
    return 0


def component_cost(nlp, texts: list[str], batch_size: int, repeat: int = 3) -> float:
    """Milliseconds per document spent in the ``quotes`` component (docs parsed without it first)."""
    component = nlp.get_pipe(SPANS_KEY)
    with nlp.select_pipes(disable=[SPANS_KEY]):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / max(1, len(docs))


if __name__ == "__main__":
    raise SystemExit(main())
