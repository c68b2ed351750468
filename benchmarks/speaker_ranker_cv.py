"""Issue 8, round 9 experiment: does a learned ranker over the whole quotation -> speaker-entity decision,
stacked on the rules, transfer to writers it never saw?

Parses the attribution development set (dev, test1..test8; never the blind ``test``) once and caches the
parsed Docs in /tmp (keyed by the code and data they depend on); runs the ``quotes`` component on them
(the rules), and keeps for every gold quotation the pipeline found what the rules did and, where the
rules gave one speaker entity by a decision of their own, its candidates and features
(:mod:`analysis.quotes.speaker_ranker`). A quotation whose answer the rules copied from another
(a continuation, a nested quotation) follows the ranker's answer for its source, as in the component.

Leave one writer out (``writer_of``): the ranker is trained on the other writers and scores the held-out
one. Reported pooled, per split and per writer: (a) the rules, (b) the ranker with the rules' answer as a
feature, (c) the oracle (right when the rules are or the gold speaker is a candidate), with paired
case-bootstrap intervals for (b)-(a); on ``test8`` also the whole split's speaker accuracy.

    .venv/bin/python benchmarks/speaker_ranker_cv.py [--quick] [--no-cache]
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from spacy.tokens import DocBin

from analysis.nlp import load_pipeline
from analysis.paths import ROOT
from analysis.quotes.evaluate import DEVSET_DIR, SPLITS, load_cases, speaker_accuracy_change, speaker_key
from analysis.quotes.resolver_learning import attributed_contexts, train_ranker, writer_of
from analysis.quotes.speaker_ranker import FEATURES as ALL_FEATURES
from analysis.quotes.speaker_ranker import ROUND12_FEATURES, eligible, quotation_candidates

SPLITS_USED = tuple(s for s in SPLITS if s != "test")  # never the blind split
#: Round 9's feature columns (the features round 12 added are left out, so that its numbers stand).
COLUMNS = [k for k, name in enumerate(ALL_FEATURES) if name not in ROUND12_FEATURES]
FEATURES = tuple(ALL_FEATURES[k] for k in COLUMNS)
FAIR = "test8"  # the split the rules were never tuned on


@dataclass
class Unit:
    """One gold quotation the pipeline found, what the rules did, and (for the ranker) its candidates."""

    case_id: str
    split: str
    family: str
    start: int
    end: int
    quote_index: int
    status: str  # unit | copy | coordinated | unattributed | gold_null
    gold: str | None
    gold_speakers: int  # how many speakers the gold attribution has (a coordinated set must match as a set)
    rules_name: str | None
    rules_correct: bool
    source_index: int = -1  # a copy: the quotation whose answer it follows
    names: list[str] = field(default_factory=list)
    features: np.ndarray | None = None
    rules_row: int = -1
    gold_index: int = -1
    attribution: str = ""


def _digest(paths) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.is_file():
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cases(quick: bool) -> list[dict]:
    cases = [c for c in load_cases(DEVSET_DIR) if c["split"] in SPLITS_USED]
    if quick:
        cases = [c for n, c in enumerate(cases) if n % 30 == 0]
    return cases


def parsed_docs(cases: list[dict], nlp, use_cache: bool) -> list:
    """The Docs of every case, parsed by every component before ``quotes`` (cached in /tmp)."""
    code = sorted(p for p in (ROOT / "analysis").rglob("*.py") if "quotes" not in p.parts)
    key = _digest([*code, *sorted((ROOT / "data" / "reference").glob("*")), *sorted(DEVSET_DIR.glob("*.jsonl"))])
    cache = Path("/tmp") / f"speaker_ranker_docs_{key}_{len(cases)}.spacy"
    if use_cache and cache.exists():
        return list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    started = time.time()
    with nlp.select_pipes(disable=["quotes"]):
        docs = []
        for k in range(0, len(cases), 100):
            docs.extend(nlp.pipe([c["text"] for c in cases[k:k + 100]]))
            print(f"  parsed {len(docs)}/{len(cases)} texts ({time.time() - started:.0f}s)", file=sys.stderr)
    tmp = cache.with_suffix(".part")
    tmp.write_bytes(DocBin(docs=docs, store_user_data=True).to_bytes())
    tmp.replace(cache)
    return docs


def gold_unit(case: dict, gold: dict, n: int, speaker_entity: str | None, speakers, attribution: str) -> Unit:
    """The :class:`Unit` of one found gold quotation, status still empty: its gold and whether the rules'
    answer (``speaker_entity``, every speaker in ``speakers``) is right as ``compare_cases`` scores it."""
    gold_key = speaker_key(gold["speaker"])
    gold_set = {speaker_key(s) for s in gold["speakers"] if speaker_key(s)}
    pred_set = {speaker_key(s) for s in speakers if speaker_key(s)} or ({speaker_key(speaker_entity)} - {None})
    rules_correct = speaker_key(speaker_entity) == gold_key and (
        (len(gold_set) <= 1 and len(pred_set) <= 1) or pred_set == gold_set)
    return Unit(case["id"], case["split"], case["family"], gold["start"], gold["end"], n, "", gold["speaker"],
                len(gold_set), speaker_entity, bool(rules_correct), attribution=attribution)


def gold_index(names: list[str], gold: dict) -> int:
    """Which candidate is the gold speaker (-1: none, or a coordinated gold set no single candidate can be)."""
    if len({speaker_key(s) for s in gold["speakers"]} - {None}) > 1:
        return -1
    gold_key = speaker_key(gold["speaker"])
    return next((k for k, name in enumerate(names) if speaker_key(name) == gold_key), -1)


def case_units(case: dict, ctx, quotes) -> list[Unit]:
    by_span = {(q.span.start_char, q.span.end_char): (n, q) for n, q in enumerate(quotes)}
    index_of = {id(q): n for n, q in enumerate(quotes)}
    out = []
    for gold in case["quotes"]:
        hit = by_span.get((gold["start"], gold["end"]))
        if hit is None:
            continue
        n, q = hit
        unit = gold_unit(case, gold, n, q.speaker_entity, q.speakers, q.attribution)
        if speaker_key(gold["speaker"]) is None:
            unit.status = "gold_null"
        elif q.entity is None:
            unit.status = "unattributed"
        elif len({id(e) for e in q.entities} | {id(q.entity)}) > 1:
            unit.status = "coordinated"
        elif eligible(q):
            found = quotation_candidates(ctx, quotes, n)
            unit.status, unit.features, unit.rules_row = "unit", found.features[:, COLUMNS], found.rules_row
            unit.names = [e.name for e in found.entities]
            unit.gold_index = gold_index(unit.names, gold)
        else:
            source = q
            while source.found is not None and source.found.source is not None:
                source = source.found.source
            unit.status, unit.source_index = "copy", index_of.get(id(source), -1)
        out.append(unit)
    return out


def collect(quick: bool, use_cache: bool) -> tuple[list[Unit], dict[str, int]]:
    """Every found gold quotation of the development set, with the ranker's inputs (cached in /tmp)."""
    cases = _cases(quick)
    key = _digest([Path(__file__).resolve(), *sorted((ROOT / "analysis").rglob("*.py")), *sorted((ROOT / "data" / "reference").glob("*")),
                   *sorted(DEVSET_DIR.glob("*.jsonl"))])
    cache = Path("/tmp") / f"speaker_ranker_units_{key}_{len(cases)}.pkl"
    if use_cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    nlp = load_pipeline()
    docs = parsed_docs(cases, nlp, use_cache)
    component = nlp.get_pipe("quotes")
    units: list[Unit] = []
    gold_total: dict[str, int] = {}
    started = time.time()
    for case, (ctx, quotes) in zip(cases, attributed_contexts(docs, component)):
        units.extend(case_units(case, ctx, quotes))
        gold_total[case["split"]] = gold_total.get(case["split"], 0) + len(case["quotes"])
    print(f"  rules and features on {len(cases)} texts ({time.time() - started:.0f}s)", file=sys.stderr)
    tmp = cache.with_suffix(".part")
    tmp.write_bytes(pickle.dumps((units, gold_total)))
    tmp.replace(cache)
    return units, gold_total


def _correct(unit: Unit, name: str | None) -> bool:
    """A single answer ``name`` as :func:`compare_cases` scores it: right speaker, and no coordinated gold set."""
    return speaker_key(name) == speaker_key(unit.gold) and unit.gold_speakers <= 1


def leave_one_writer_out(units: list[Unit]) -> pd.DataFrame:
    """One row per found gold quotation: rules / ranker / oracle correctness, the ranker's answer from a
    model trained without the quotation's writer."""
    writers = [writer_of(u.case_id, u.split) for u in units]
    picked: dict[int, str | None] = {}  # position in ``units`` -> the ranker's answer
    for writer in sorted(set(writers)):
        train = [(u.features, u.gold_index) for u, w in zip(units, writers) if u.status == "unit" and w != writer]
        model = train_ranker(train)
        for k, (u, w) in enumerate(zip(units, writers)):
            if w == writer and u.status == "unit":
                picked[k] = u.names[model.pick(u.features)] if len(u.names) > 1 else u.names[u.rules_row]
    return score(units, picked, writers)


def score(units: list[Unit], picked: dict[int, str | None], writers: list[str]) -> pd.DataFrame:
    answer_of = {(u.case_id, u.quote_index): picked[k] for k, u in enumerate(units) if k in picked}
    rows = []
    for k, u in enumerate(units):
        ranker_name = u.rules_name
        if u.status == "unit":
            ranker_name = picked[k]
        elif u.status == "copy" and (u.case_id, u.source_index) in answer_of:
            ranker_name = answer_of[u.case_id, u.source_index]
        changed = speaker_key(ranker_name) != speaker_key(u.rules_name)
        ranker_ok = _correct(u, ranker_name) if changed else u.rules_correct
        oracle = u.rules_correct or (u.status == "unit" and u.gold_index >= 0 and u.gold_speakers <= 1)
        rows.append({"id": u.case_id, "split": u.split, "writer": writers[k], "family": u.family, "start": u.start,
                     "end": u.end, "status": u.status, "in_units": u.status in ("unit", "copy"),
                     "covered": u.status == "unit" and u.gold_index >= 0, "candidates": len(u.names),
                     "gold": u.gold, "rules_name": u.rules_name, "ranker_name": ranker_name,
                     "attribution": u.attribution, "changed": changed, "rules": u.rules_correct, "ranker": bool(ranker_ok),
                     "oracle": bool(oracle)})
    return pd.DataFrame(rows)


def _comparison(table: pd.DataFrame, column: str, group: str) -> pd.DataFrame:
    return pd.DataFrame({"split": table[group].astype(str), "id": table["id"], "start": table["start"], "end": table["end"],
                         "found": True, "spurious": False, "speaker_correct": table[column]})


def _change(table: pd.DataFrame, group: str) -> pd.DataFrame:
    return speaker_accuracy_change(_comparison(table, "rules", group), _comparison(table, "ranker", group)).set_index("split")


def summary(table: pd.DataFrame, group: str) -> pd.DataFrame:
    out = table.groupby(group, sort=False).agg(n=("rules", "size"), texts=("id", "nunique"), rules=("rules", "mean"),
                                               ranker=("ranker", "mean"), oracle=("oracle", "mean")).round(3)
    change = _change(table, group)
    out["b-a [95%]"] = [f"{change.loc[g, 'change']:+.3f} [{change.loc[g, 'low']:+.3f}, {change.loc[g, 'high']:+.3f}]"
                        for g in out.index]
    out["fixed"] = table.groupby(group, sort=False).apply(lambda g: int((g["ranker"] & ~g["rules"]).sum()))
    out["broken"] = table.groupby(group, sort=False).apply(lambda g: int((~g["ranker"] & g["rules"]).sum()))
    return out


def report(table: pd.DataFrame, gold_total: dict[str, int]) -> str:
    units = table[table["in_units"]]
    own = table[table["status"] == "unit"]
    lines = [f"Found gold quotations: {len(table)} (of {sum(gold_total.values())} gold); by status: "
             f"{table['status'].value_counts().to_dict()}",
             f"Units (one speaker entity from the rules): {len(units)} in {units['id'].nunique()} texts, of which the "
             f"ranker decides {len(own)} and {len(units) - len(own)} follow their source quotation",
             f"Coverage (gold speaker among the candidates of a ranked quotation): {own['covered'].mean():.3f}; "
             f"candidates median {own['candidates'].median():.0f}, mean {own['candidates'].mean():.2f}", ""]
    lines += ["Pooled over every held-out writer (units):",
              summary(units.assign(pool="pooled"), "pool").to_string(), "",
              "Per split (units):", summary(units, "split").to_string(), "",
              "Per writer (units):", summary(units, "writer").to_string(), ""]
    fair = table[table["split"] == FAIR]
    if len(fair):
        whole = summary(fair.assign(whole=f"{FAIR} whole split (every found quotation)"), "whole")
        lines += [f"{FAIR}: the whole split's speaker accuracy, untouched quotations as the rules have them "
                  f"({gold_total.get(FAIR, 0)} gold quotations, {len(fair)} found):", whole.to_string(), ""]
        moved = fair[fair["ranker"] != fair["rules"]]
        changed = fair[fair["changed"]]
        lines.append(f"{FAIR}: changed answers ({len(changed)} changed; {int((moved['ranker']).sum())} fixed, "
                     f"{int((~moved['ranker']).sum())} broken, {len(changed) - len(moved)} wrong either way):")
        for _, r in changed.sort_values(["ranker", "rules", "id"], ascending=[False, True, True]).iterrows():
            what = "FIX  " if r["ranker"] else "BREAK" if r["rules"] else "WRONG"
            lines.append(f"  {what} {r['id']} @{r['start']} [{r['attribution']}] rules "
                         f"{r['rules_name']!r} -> ranker {r['ranker_name']!r}; gold {r['gold']!r}")
        lines.append("")
    lines.append("By family (pooled, units):")
    lines.append(units.groupby("family")[["rules", "ranker", "oracle"]].mean().round(3)
                 .assign(n=units.groupby("family").size()).to_string())
    lines.append("")
    lines.append("By the rules' sieve family (pooled, ranked quotations):")
    fam = own.assign(sieve=own["attribution"].str.split("+").str[0])
    lines.append(fam.groupby("sieve")[["rules", "ranker", "oracle"]].mean().round(3)
                 .assign(n=fam.groupby("sieve").size()).to_string())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run: every 30th text")
    parser.add_argument("--no-cache", action="store_true", help="re-run the pipeline even if /tmp has the results")
    args = parser.parse_args(argv)
    units, gold_total = collect(args.quick, not args.no_cache)
    table = leave_one_writer_out(units)
    print(report(table, gold_total))
    model = train_ranker([(u.features, u.gold_index) for u in units if u.status == "unit"])
    print("\nCoefficients trained on every writer (per standard deviation of the feature):")
    for name, weight in model.coefficients(FEATURES):
        print(f"  {name:34s} {weight:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
