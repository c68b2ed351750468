"""Count the kinds of wrong speakers in saved comparison tables (issue 8, round 12).

    .venv/bin/python benchmarks/error_classes.py COMPARISON.csv[=LABEL] ...

Each CSV is a :func:`analysis.quotes.evaluate.compare_cases` table written with ``DataFrame.to_csv`` (for
example the one a round scored its blind split with). ``=LABEL`` renames the table's splits, so that several
tables whose blind split was called ``test`` at the time can stand side by side. Prints one Markdown table:
per class (:data:`~analysis.quotes.evaluate.ERROR_CLASSES`) and split, the count and, in brackets, the points
of the split's found quotations it costs.
"""
from __future__ import annotations

import argparse
import pandas as pd

from analysis.errors import AnalysisError
from analysis.quotes.evaluate import error_table

REQUIRED = ("split", "found", "spurious", "speaker_correct", "gold_speakers", "speakers", "attribution")


def read_comparison(spec: str) -> pd.DataFrame:
    """One ``PATH[=LABEL]`` argument as a comparison table, its splits renamed to LABEL when given."""
    path, _, label = spec.partition("=")
    try:
        table = pd.read_csv(path)
    except (OSError, pd.errors.ParserError) as error:
        raise AnalysisError(f"{path}: cannot read a comparison table ({error})") from error
    missing = [column for column in REQUIRED if column not in table.columns]
    if missing:
        raise AnalysisError(f"{path}: not a compare_cases table, missing column(s) {', '.join(missing)}")
    for column in ("found", "spurious"):
        table[column] = table[column].astype(bool)
    if label:
        table["split"] = label
    return table


def markdown(table: pd.DataFrame) -> str:
    """The error table as Markdown: count (points of the split) per class, then the found quotations."""
    found = table.loc["quotations found"]
    lines = ["| error class: count (points of the split) | " + " | ".join(f"`{s}`" for s in table.columns) + " |",
             "|---|" + "---|" * len(table.columns)]
    for name, row in table.drop(index="quotations found").iterrows():
        cells = (f"{n} ({100 * n / found[s]:.1f})" for s, n in row.items())
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| quotations found | " + " | ".join(str(n) for n in found) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tables", nargs="+", metavar="COMPARISON.csv[=LABEL]")
    args = parser.parse_args(argv)
    frames = [read_comparison(spec) for spec in args.tables]
    print(markdown(error_table(pd.concat(frames, ignore_index=True))))


if __name__ == "__main__":
    main()
