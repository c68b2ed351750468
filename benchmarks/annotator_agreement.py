"""Issue 8: how often does a second, independent annotator name the same speaker as the first?

The second annotator saw each text of a split and its quotation spans, never the first annotation,
and labelled every quotation (:mod:`analysis.quotes.agreement`). Both annotations and the component
are scored with the development set's own measure (:func:`analysis.quotes.evaluate.compare_cases`:
the speaking entity, casefolded, ’ as ', no leading "the"; a coordinated quotation needs the same
set). Prints: agreement between the annotators (with a case-bootstrap interval), the component
against each annotator, where the annotators disagree and what the component said there, and the
labels the second annotator marked unsure.

    .venv/bin/python benchmarks/annotator_agreement.py [--split test8]
        [--labels tests/data/attribution/agreement/test8_second_annotation.jsonl]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.nlp import load_pipeline  # noqa: E402
from analysis.quotes.agreement import as_gold, load_second_annotation  # noqa: E402
from analysis.quotes.evaluate import (DEVSET_DIR, compare_cases, load_cases, predict_cases,  # noqa: E402
                                      speaker_accuracy_interval)


def found(comparison: pd.DataFrame) -> pd.DataFrame:
    """The gold quotations whose span was found, as the speaker accuracy counts them."""
    rows = comparison[~comparison["spurious"].fillna(False).astype(bool) & comparison["found"].astype(bool)]
    return rows.assign(speaker_correct=rows["speaker_correct"].astype(bool))


def interval(comparison: pd.DataFrame) -> str:
    row = speaker_accuracy_interval(comparison).iloc[0]
    return f"{row['speaker_accuracy']:.3f} ({row['low']:.3f}-{row['high']:.3f}; n={int(row['found'])})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test8")
    parser.add_argument("--labels", default=str(DEVSET_DIR / "agreement" / "test8_second_annotation.jsonl"))
    args = parser.parse_args()

    cases = load_cases(DEVSET_DIR, args.split)
    second = load_second_annotation(args.labels, cases)
    system = predict_cases(cases, load_pipeline(), progress=True)
    annotators = compare_cases(cases, second)
    vs_first = compare_cases(cases, system)
    vs_second = compare_cases(as_gold(cases, second), system)

    print(f"split {args.split}: {len(cases)} texts, {sum(len(c['quotes']) for c in cases)} quotations")
    print("second annotator vs first (speaker):", interval(annotators))
    kinds = sum(q["kind"] == k for c, f in zip(cases, second) for q, k in zip(c["quotes"], f["kind"]))
    print(f"second annotator vs first (kind): {kinds / sum(len(c['quotes']) for c in cases):.3f}")
    print("component vs first annotator:    ", interval(vs_first))
    print("component vs second annotator:   ", interval(vs_second))
    unsure = sum(int((f["confidence"] == "unsure").sum()) for f in second)
    print(f"labels the second annotator marked unsure: {unsure}")

    key = ["id", "start"]
    a = found(annotators).set_index(key)
    s1, s2 = found(vs_first).set_index(key), found(vs_second).set_index(key)
    disagree = a[~a["speaker_correct"]]
    print(f"\nannotators disagree on {len(disagree)} quotation(s):")
    for (case_id, start), row in disagree.iterrows():
        component = s1.loc[(case_id, start), "speaker"] if (case_id, start) in s1.index else None
        print(f"  {case_id} @{start}: first {row['gold_speaker']!r}, second {row['speaker']!r}, component {component!r}")
    both = a[a["speaker_correct"]].index
    agreed = s1.loc[s1.index.intersection(both), "speaker_correct"]
    print(f"\ncomponent where the annotators agree: {agreed.mean():.3f} ({int(agreed.sum())}/{len(agreed)})")
    errors = s1[~s1["speaker_correct"]]
    also_second = s2.loc[s2.index.intersection(errors.index), "speaker_correct"]
    print(f"component errors against the first annotator: {len(errors)}; of them right by the second: {int(also_second.sum())}")


if __name__ == "__main__":
    main()
