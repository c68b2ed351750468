"""Issue 8 experiment: does a learned mention -> entity ranker transfer to an unseen writer better than the rules?

Runs the project pipeline once over the attribution development set (every split except the blind
``test``), keeps for each gold quotation named by a pronoun or a definite/possessive description the
document model's candidate entities and their features (:mod:`analysis.quotes.resolver_learning`),
caches them in /tmp (keyed by the code and data they came from), then holds out one writer at a time
(``-kNN`` -> writer k; ids without a letter: one group per split), trains the ranker on the others and
scores the held-out writer's quotations:

(a) the rules as they are; (b) the ranker's pick (the rules' answer is one of its features); (b') the
ranker without that feature (the features alone); (c) the rules, with the ranker only where the rules
left the mention unresolved; (d) the oracle (right when the gold speaker is a candidate or the rules
were right). Speaker accuracy per writer and pooled, with paired case-bootstrap intervals for
(b)-(a) and (c)-(a) (:func:`analysis.quotes.evaluate.speaker_accuracy_change`).

    .venv/bin/python benchmarks/resolver_cv.py [--quick] [--no-cache]
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.nlp import load_pipeline
from analysis.paths import ROOT
from analysis.quotes.evaluate import DEVSET_DIR, load_cases, speaker_accuracy_change
from analysis.quotes.resolver_learning import (FEATURES, MentionRecord, attributed_docs, case_records, train_ranker,
                                               writer_of)

SPLITS_USED = ("dev", "test1", "test2", "test3", "test4", "test5", "test6")  # never the blind "test"


def _fingerprint(quick: bool) -> str:
    digest = hashlib.sha256(b"quick" if quick else b"full")
    for path in sorted((ROOT / "analysis").rglob("*.py")) + sorted((ROOT / "data" / "reference").glob("*")) + sorted(
            DEVSET_DIR.glob("*.jsonl")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def collect(quick: bool, use_cache: bool) -> list[MentionRecord]:
    """Every mention record of the development set (cached in /tmp: the pipeline runs once)."""
    cache = Path("/tmp") / f"resolver_cv_{_fingerprint(quick)}.pkl"
    if use_cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    cases = [c for c in load_cases(DEVSET_DIR) if c["split"] in SPLITS_USED]
    if quick:
        per_family: dict[str, int] = {}
        kept = []
        for case in cases:
            if case["family"] in ("pronoun", "description", "relay") and per_family.get(case["family"], 0) < 12:
                per_family[case["family"]] = per_family.get(case["family"], 0) + 1
                kept.append(case)
        cases = kept
    nlp = load_pipeline()
    records: list[MentionRecord] = []
    started = time.time()
    for k in range(0, len(cases), 50):
        batch = cases[k:k + 50]
        for case, (_, ctx, quotes) in zip(batch, attributed_docs([c["text"] for c in batch], nlp)):
            records.extend(case_records(case, ctx, quotes))
        print(f"  parsed {min(k + 50, len(cases))}/{len(cases)} texts ({time.time() - started:.0f}s)", file=sys.stderr)
    tmp = cache.with_suffix(".part")
    tmp.write_bytes(pickle.dumps(records))
    tmp.replace(cache)
    return records


def frame(records: list[MentionRecord]) -> pd.DataFrame:
    return pd.DataFrame({
        "id": [r.case_id for r in records], "split": [r.split for r in records],
        "writer": [writer_of(r.case_id, r.split) for r in records], "family": [r.family for r in records],
        "start": [r.start for r in records], "end": [r.end for r in records],
        "kind": [r.mention_kind for r in records], "head_source": [r.head_source for r in records],
        "candidates": [len(r.names) for r in records], "covered": [r.covered for r in records],
        "rules": [r.rules_correct for r in records], "unresolved": [r.rules_unresolved for r in records],
    })


RULES_COLUMN = FEATURES.index("rules_answer")


def _without_rules(x: np.ndarray) -> np.ndarray:
    """The features with the rules'-answer flag blanked: a ranker that learns from the features alone."""
    out = x.copy()
    out[:, RULES_COLUMN] = 0.0
    return out


def leave_one_writer_out(records: list[MentionRecord], table: pd.DataFrame) -> pd.DataFrame:
    """Adds ``ranker`` (every feature, the rules' answer among them), ``alone`` (the ranker without the
    rules'-answer flag) and ``fallback`` (rules, ranker where unresolved) columns, each from a model
    trained without the row's writer."""
    ranker_ok = np.zeros(len(records), dtype=bool)
    alone_ok = np.zeros(len(records), dtype=bool)
    for writer in sorted(table["writer"].unique()):
        held = np.flatnonzero(table["writer"].to_numpy() == writer)
        train = [(r.features, r.gold_index) for r, w in zip(records, table["writer"]) if w != writer]
        model = train_ranker(train)
        alone = train_ranker([(_without_rules(x), g) for x, g in train])
        for i in held:
            pick = model.pick(records[i].features)
            ranker_ok[i] = pick >= 0 and pick == records[i].gold_index
            pick = alone.pick(_without_rules(records[i].features))
            alone_ok[i] = pick >= 0 and pick == records[i].gold_index
    out = table.assign(ranker=ranker_ok, alone=alone_ok)
    out["fallback"] = np.where(out["unresolved"], out["ranker"], out["rules"])
    out["oracle"] = out["covered"] | out["rules"]
    return out


def _comparison(table: pd.DataFrame, column: str, group: str) -> pd.DataFrame:
    """The scored rows in the shape :func:`speaker_accuracy_change` reads, one 'split' per ``group``."""
    return pd.DataFrame({"split": table[group].astype(str), "id": table["id"], "start": table["start"],
                         "end": table["end"], "found": True, "spurious": False, "speaker_correct": table[column]})


def report(table: pd.DataFrame) -> str:
    lines = []
    pooled = table.assign(pool="pooled")
    accuracy = pd.concat([table.assign(group=table["writer"]), pooled.assign(group="pooled")])
    summary = accuracy.groupby("group", sort=False).agg(
        n=("rules", "size"), texts=("id", "nunique"), rules=("rules", "mean"), ranker=("ranker", "mean"),
        alone=("alone", "mean"), fallback=("fallback", "mean"), oracle=("oracle", "mean"), coverage=("covered", "mean"),
        unresolved=("unresolved", "sum")).round(3)
    for column, label in (("ranker", "b-a"), ("alone", "b'-a"), ("fallback", "c-a")):
        per_writer = speaker_accuracy_change(_comparison(table, "rules", "writer"), _comparison(table, column, "writer"))
        whole = speaker_accuracy_change(_comparison(pooled, "rules", "pool"), _comparison(pooled, column, "pool"))
        both = pd.concat([per_writer, whole]).set_index("split")
        summary[f"{label} [95%]"] = [f"{both.loc[g, 'change']:+.3f} [{both.loc[g, 'low']:+.3f}, {both.loc[g, 'high']:+.3f}]"
                                     for g in summary.index]
    lines.append("Speaker accuracy on pronoun/description quotations, each writer held out in turn:")
    lines.append(summary.to_string())
    lines.append("")
    lines.append("By split (the rules on main were tuned on dev..test5; test6 is blind to them as to the ranker):")
    by_split = table.groupby("split", sort=False)[["rules", "ranker", "alone", "fallback", "oracle"]].mean().round(3)
    for column, label in (("ranker", "b-a"), ("alone", "b'-a"), ("fallback", "c-a")):
        change = speaker_accuracy_change(_comparison(table, "rules", "split"),
                                         _comparison(table, column, "split")).set_index("split")
        by_split[f"{label} [95%]"] = [f"{change.loc[g, 'change']:+.3f} [{change.loc[g, 'low']:+.3f}, "
                                      f"{change.loc[g, 'high']:+.3f}]" for g in by_split.index]
    lines.append(by_split.assign(n=table.groupby("split", sort=False).size()).to_string())
    lines.append("")
    for column in ("ranker", "alone", "fallback"):
        fixed = int((table[column] & ~table["rules"]).sum())
        broken = int((~table[column] & table["rules"]).sum())
        lines.append(f"{column}: right where the rules were wrong {fixed}, wrong where the rules were right {broken}")
    lines.append("")
    lines.append("By mention kind (pooled):")
    lines.append(table.groupby("kind")[["rules", "ranker", "alone", "fallback", "oracle", "covered"]].mean().round(3)
                 .assign(n=table.groupby("kind").size()).to_string())
    lines.append("")
    lines.append("By family (pooled):")
    lines.append(table.groupby("family")[["rules", "ranker", "alone", "fallback", "oracle", "covered"]].mean().round(3)
                 .assign(n=table.groupby("family").size()).to_string())
    lines.append("")
    lines.append("Where the mention head came from: " + table["head_source"].value_counts().to_dict().__repr__())
    lines.append(f"Candidates per mention: median {table['candidates'].median():.0f}, mean {table['candidates'].mean():.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run: a dozen texts of three families")
    parser.add_argument("--no-cache", action="store_true", help="re-run the pipeline even if /tmp has the records")
    args = parser.parse_args(argv)
    records = collect(args.quick, not args.no_cache)
    table = frame(records)
    print(f"{len(records)} pronoun/description quotations found by the pipeline, {table['id'].nunique()} texts, "
          f"{table['writer'].nunique()} writer groups; coverage (gold speaker among candidates) "
          f"{table['covered'].mean():.3f}; rules' answer among candidates always when resolved")
    scored = leave_one_writer_out(records, table)
    print(report(scored))
    model = train_ranker([(r.features, r.gold_index) for r in records])
    alone = train_ranker([(_without_rules(r.features), r.gold_index) for r in records])
    print("\nCoefficients of the ranker without the rules' answer, trained on every writer:")
    for name, weight in alone.coefficients():
        if name != "rules_answer":
            print(f"  {name:34s} {weight:+.3f}")
    print("\nCoefficients of the ranker trained on every writer (per standard deviation of the feature):")
    for name, weight in model.coefficients():
        print(f"  {name:34s} {weight:+.3f}")
    assert len(FEATURES) == len(model.weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
