"""Issue 8, round 12 experiment: does the learned speaker ranker transfer when it is trained on the rules'
OUT-OF-SAMPLE mistakes?

Round 9 (``speaker_ranker_cv.py``, ``SPEAKER_RANKER.md``) trained the stacked ranker where the rules are
in-sample, so it learned "keep the rules' answer". Here each blind split ``testK`` is run through the code
that was blind to it (round K's rules, from git history), and the ranker learns from those answers.

- Each old codebase runs in its own subprocess (``--worker``), with a detached worktree of its commit first on
  ``sys.path``, so that ``analysis`` is the old package and reads the old ``data/reference/``. Only the texts
  go to the old code. The features are THIS branch's :mod:`analysis.quotes.speaker_ranker` (and the
  mention-fit features of :mod:`analysis.quotes.resolver_learning`), loaded into the old package by file
  path, so they mean the same thing for every version; they read what the OLD rules built.
- The labels are this branch's case files, loaded and matched (exact span) here, as ``compare_cases`` does.
- Per version, the worker's records are cached in /tmp (key: commit, the texts, the feature code).

Protocol (pre-registered in ``tests/data/attribution/SPEAKER_RANKER_OOS.md``): development by leave one split
out over the out-of-sample splits test6..test10 only; ``--final`` trains the chosen configuration on those five
and scores test11 (round 11's answers) once.

    .venv/bin/python benchmarks/speaker_ranker_oos.py [--quick] [--final] [--no-cache]
    .venv/bin/python benchmarks/speaker_ranker_oos.py --worker OLD_WORKTREE IN.pkl OUT.pkl   (internal)
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: The blind split and the commit whose rules were frozen before it was written (round K's code on testK).
VERSIONS: dict[str, str] = {"test6": "4fbfe13", "test7": "ef4e1f2", "test8": "4571557", "test9": "730c707",
                            "test10": "99f1b99", "test11": "a66e469"}
DEVELOPMENT = ("test6", "test7", "test8", "test9", "test10")
FINAL = "test11"
#: In-sample material: the current rules on the splits they were tuned on (never test11 or test).
IN_SAMPLE = ("dev", "test1", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10")
FEATURE_CODE = (ROOT / "analysis" / "quotes" / "speaker_ranker.py", ROOT / "analysis" / "quotes" / "resolver_learning.py")


# =========================================================================== the worker (old code)
def _load_new_module(name: str, path: Path):
    """Load this branch's ``analysis/quotes/<name>.py`` as ``analysis.quotes.<name>`` of the (old) package on
    sys.path: its relative imports then resolve to the old ``model``, ``state``, ``component``."""
    import importlib.util

    import analysis.quotes as package

    spec = importlib.util.spec_from_file_location(f"analysis.quotes.{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    setattr(package, name, module)
    spec.loader.exec_module(module)
    return module


def worker(old_root: str, inp: str, out: str) -> None:
    """Run the old code at ``old_root`` on the texts of ``inp``; write per-quotation records to ``out``."""
    sys.path.insert(0, old_root)
    import analysis

    if not analysis.__file__.startswith(old_root):
        raise SystemExit(f"analysis came from {analysis.__file__}, not {old_root}")
    learning = _load_new_module("resolver_learning", FEATURE_CODE[1])
    ranker = _load_new_module("speaker_ranker", FEATURE_CODE[0])
    from analysis.nlp import load_pipeline

    items = pickle.loads(Path(inp).read_bytes())  # [(case id, text)]
    nlp = load_pipeline()
    started = time.time()
    result: dict[str, list[dict]] = {}
    failures = 0
    for k, (case_id, text) in enumerate(items):
        (_, ctx, quotes), = learning.attributed_docs([text], nlp)
        index_of = {id(q): n for n, q in enumerate(quotes)}
        records = []
        for n, q in enumerate(quotes):
            rec = {"start": q.span.start_char, "end": q.span.end_char, "speaker_entity": q.speaker_entity,
                   "speakers": list(q.speakers), "has_entity": q.entity is not None,
                   "n_entities": len({id(e) for e in q.entities} | ({id(q.entity)} if q.entity is not None else set())),
                   "attribution": q.attribution, "kind": q.kind, "eligible": False, "source_index": -1,
                   "names": [], "features": None, "rules_row": -1, "error": None}
            if q.entity is not None and rec["n_entities"] == 1:
                if ranker.eligible(q):
                    try:
                        found = ranker.quotation_candidates(ctx, quotes, n)
                        rec.update(eligible=True, names=[e.name for e in found.entities], features=found.features,
                                   rules_row=found.rules_row)
                    except Exception as error:  # an old record the features cannot read: counted, reported
                        failures += 1
                        rec["error"] = f"{type(error).__name__}: {error}"
                else:
                    source = q
                    while source.found is not None and source.found.source is not None:
                        source = source.found.source
                    rec["source_index"] = index_of.get(id(source), -1)
            records.append(rec)
        result[case_id] = records
        if (k + 1) % 50 == 0:
            print(f"  [{old_root}] {k + 1}/{len(items)} texts ({time.time() - started:.0f}s)", file=sys.stderr)
    tmp = Path(out).with_suffix(".part")
    tmp.write_bytes(pickle.dumps({"records": result, "failures": failures}))
    tmp.replace(out)


# =========================================================================== the experiment (this branch)
def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()[:16]


def version_records(label: str, commit: str, root: Path, cases: list[dict], use_cache: bool, extra_key: bytes = b"") -> dict:
    """The worker's records for ``cases`` under the code at ``root`` (cached in /tmp; ``extra_key``: the code
    itself when it is not a fixed commit)."""
    items = [(c["id"], c["text"]) for c in cases]
    key = _digest(commit.encode(), extra_key, pickle.dumps(items), *(p.read_bytes() for p in FEATURE_CODE),
                  Path(__file__).read_bytes().split(b"the experiment (this branch)")[0])
    cache = Path("/tmp") / f"speaker_ranker_oos_{label}_{commit}_{key}.pkl"
    if not (use_cache and cache.exists()):
        inp = cache.with_suffix(".in")
        inp.write_bytes(pickle.dumps(items))
        started = time.time()
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(root), str(inp), str(cache)],
                       check=True, cwd=root)
        print(f"  {label} ({commit}): {len(items)} texts in {time.time() - started:.0f}s", file=sys.stderr)
    return pickle.loads(cache.read_bytes())


def units_of(case: dict, records: list[dict], source: str):
    """The found gold quotations of ``case`` as round 9's :class:`Unit` records (status, gold, rules)."""
    from analysis.quotes.evaluate import speaker_key
    from speaker_ranker_cv import gold_index, gold_unit

    by_span = {(r["start"], r["end"]): (n, r) for n, r in enumerate(records)}
    out = []
    for gold in case["quotes"]:
        hit = by_span.get((gold["start"], gold["end"]))
        if hit is None:
            continue
        n, r = hit
        unit = gold_unit(case, gold, n, r["speaker_entity"], r["speakers"], r["attribution"])
        if speaker_key(gold["speaker"]) is None:
            unit.status = "gold_null"
        elif not r["has_entity"]:
            unit.status = "unattributed"
        elif r["n_entities"] > 1:
            unit.status = "coordinated"
        elif r["eligible"]:
            unit.status, unit.features, unit.rules_row, unit.names = "unit", r["features"], r["rules_row"], r["names"]
            unit.gold_index = gold_index(unit.names, gold)
        elif r["error"] is not None:
            unit.status = "feature_error"  # left as the rules have it
        else:
            unit.status, unit.source_index = "copy", r["source_index"]
        unit.source = source  # type: ignore[attr-defined]
        out.append(unit)
    return out


def collect(quick: bool, use_cache: bool, with_final: bool, in_sample: bool, extra: bool):
    """Units per split: ``oos[split]`` (the code blind to it), ``older[split]`` (older code, also blind to it;
    development splits only) and ``ins[split]`` (the current code, in-sample)."""
    from analysis.quotes.evaluate import DEVSET_DIR, load_cases

    cases = load_cases(DEVSET_DIR)
    if quick:
        cases = [c for n, c in enumerate(cases) if n % 10 == 0]
    gold_total: dict[str, int] = {}
    for c in cases:
        gold_total[c["split"]] = gold_total.get(c["split"], 0) + len(c["quotes"])
    oos, meta = {}, {}
    for split, commit in VERSIONS.items():
        if split == FINAL and not with_final:
            continue
        mine = [c for c in cases if c["split"] == split]
        root = Path(f"/work/wt-oos{split[4:]}")
        found = version_records(split, commit, root, mine, use_cache)
        oos[split] = [u for c in mine for u in units_of(c, found["records"][c["id"]], "oos")]
        meta[split] = {"commit": commit, "texts": len(mine), "gold": gold_total.get(split, 0),
                       "feature_errors": found["failures"]}
    older: dict[str, list] = {}  # split -> units of OLDER code that was also blind to it (round j < K on testK)
    if extra:
        for split in DEVELOPMENT:
            for earlier, commit in VERSIONS.items():
                if int(earlier[4:]) >= int(split[4:]):
                    continue
                mine = [c for c in cases if c["split"] == split]
                found = version_records(f"{split}-by-{earlier}", commit, Path(f"/work/wt-oos{earlier[4:]}"), mine, use_cache)
                older.setdefault(split, []).extend(u for c in mine for u in units_of(c, found["records"][c["id"]], "older"))
    ins = {}
    if in_sample:
        mine = [c for c in cases if c["split"] in IN_SAMPLE]
        code = sorted([*(ROOT / "analysis").rglob("*.py"), *(ROOT / "data" / "reference").glob("*")])
        found = version_records("insample", "current", ROOT, mine, use_cache,
                                extra_key=b"".join(p.read_bytes() for p in code if p.is_file()))
        for c in mine:
            ins.setdefault(c["split"], []).extend(units_of(c, found["records"][c["id"]], "in"))
    return oos, older, ins, meta, gold_total


class Columns:
    """The configuration's feature columns: the module's features minus the dropped ones, and with
    ``interact`` every kept feature crossed with "the rules' answer" (so that the rules' answer can be
    trusted more in some situations than in others)."""

    def __init__(self, config: dict):
        import numpy as np

        from analysis.quotes.speaker_ranker import ROUND12_FEATURES  # a variant uses them with ``round12``

        dropped = (*config.get("drop", ()), *(() if config.get("round12") else ROUND12_FEATURES))
        names = FEATURE_NAMES()
        self.keep = np.array([k for k, name in enumerate(names) if not any(name.startswith(p) for p in dropped)])
        self.names = [names[k] for k in self.keep]
        self.rules = names.index("rules_answer")
        self.cross = [k for k in self.keep if not names[k].startswith("rules_")] if config.get("interact") else []
        self.names += [f"rules_answer*{names[k]}" for k in self.cross]

    def __call__(self, features):
        import numpy as np

        out = features[:, self.keep]
        if self.cross:
            out = np.hstack([out, features[:, self.cross] * features[:, [self.rules]]])
        return out


def fit(train_units, config: dict):
    """A ranker trained on ``train_units`` (in-sample and older code's units weighted as ``config`` says)."""
    from analysis.quotes.resolver_learning import train_ranker

    columns = Columns(config)
    groups = [(columns(u.features), u.gold_index) for u in train_units]
    weight_of = {"in": config.get("in_weight", 0.0), "older": config.get("older_weight", 0.0), "oos": 1.0}
    weights = [weight_of[getattr(u, "source", "oos")] for u in train_units]
    model = train_ranker(groups, l2=config.get("l2", 1.0), steps=config.get("steps", 500), weights=weights)
    return model, columns


def FEATURE_NAMES():  # noqa: N802 (a late import: the worker must not import this branch's package)
    from analysis.quotes.speaker_ranker import FEATURES

    return FEATURES


def answers(model, keep, units, margin: float = 0.0) -> dict[int, str | None]:
    """The ranker's answer per unit; with ``margin`` > 0 it overrides the rules only when its best candidate
    scores at least ``margin`` above the rules' answer."""
    picked = {}
    for k, u in enumerate(units):
        if u.status == "unit":
            scores = model.scores(keep(u.features))
            best = int(scores.argmax())
            if scores[best] - scores[u.rules_row] < margin:
                best = u.rules_row
            picked[k] = u.names[best]
    return picked


def table_of(units, picked):
    from speaker_ranker_cv import score

    return score(units, picked, [u.split for u in units])


def training_units(oos: dict, older: dict, ins: dict, config: dict, held: str | None = None) -> list:
    """The ranked units to train on: the out-of-sample units of :data:`DEVELOPMENT` (never ``held``, never test11),
    plus older code's and in-sample units when the configuration weights them."""
    train = [u for s in DEVELOPMENT if s != held for u in oos[s] if u.status == "unit"]
    if config.get("older_weight", 0.0) > 0:
        train += [u for s, us in older.items() if s != held for u in us if u.status == "unit"]
    if config.get("in_weight", 0.0) > 0:
        train += [u for s, us in ins.items() if s != held and s in IN_SAMPLE for u in us if u.status == "unit"]
    return train


def leave_one_split_out(oos: dict, older: dict, ins: dict, config: dict):
    """Development: for each split of :data:`DEVELOPMENT`, train on the other splits' out-of-sample units (plus
    in-sample units of every split but the held-out one, when weighted) and score the held-out split."""
    import pandas as pd

    tables = []
    for held in DEVELOPMENT:
        model, keep = fit(training_units(oos, older, ins, config, held), config)
        tables.append(table_of(oos[held], answers(model, keep, oos[held], config.get("margin", 0.0))))
    return pd.concat(tables, ignore_index=True)


def data_table(oos: dict, meta: dict) -> "pd.DataFrame":
    import pandas as pd

    rows = []
    for split, units in oos.items():
        own = [u for u in units if u.status == "unit"]
        rows.append({"split": split, "commit": meta[split]["commit"], "texts": meta[split]["texts"],
                     "gold": meta[split]["gold"], "found": len(units),
                     "rules_whole": round(sum(u.rules_correct for u in units) / max(len(units), 1), 3),
                     "units": len(own), "copies": sum(u.status == "copy" for u in units),
                     "coverage": round(sum(u.gold_index >= 0 for u in own) / max(len(own), 1), 3),
                     "wrong_covered": sum((not u.rules_correct) and u.gold_index >= 0 for u in own),
                     "wrong_uncovered": sum((not u.rules_correct) and u.gold_index < 0 for u in own),
                     "feature_errors": meta[split]["feature_errors"]})
    return pd.DataFrame(rows).set_index("split")


def whole_summary(table, group: str = "split"):
    from speaker_ranker_cv import summary

    return summary(table, group)


def changed_lines(table) -> list[str]:
    lines = []
    changed = table[table["changed"]]
    for _, r in changed.sort_values(["ranker", "rules", "id"], ascending=[False, True, True]).iterrows():
        what = "FIX  " if r["ranker"] else "BREAK" if r["rules"] else "WRONG"
        lines.append(f"  {what} {r['id']} @{r['start']} [{r['attribution']}] rules {r['rules_name']!r} -> ranker "
                     f"{r['ranker_name']!r}; gold {r['gold']!r}")
    return lines


#: The development variants (the log in SPEAKER_RANKER_OOS.md); CHOSEN is the one scored on test11.
VARIANTS: dict[str, dict] = {
    "base (l2=1)": {"l2": 1.0},
    "l2=0.1": {"l2": 0.1},
    "l2=10": {"l2": 10.0},
    "l2=30": {"l2": 30.0},
    "l2=0.1, 2000 steps": {"l2": 0.1, "steps": 2000},
    "in-sample x0.1": {"l2": 1.0, "in_weight": 0.1},
    "in-sample x0.3": {"l2": 1.0, "in_weight": 0.3},
    "in-sample x1": {"l2": 1.0, "in_weight": 1.0},
    "no rules_x crosses": {"l2": 1.0, "drop": ("rules_x_",)},
    "no mention fit": {"l2": 1.0, "drop": ("mention_",)},
    "margin 0.5": {"l2": 1.0, "margin": 0.5},
    "margin 1": {"l2": 1.0, "margin": 1.0},
    "margin 2": {"l2": 1.0, "margin": 2.0},
    "in-sample x1, margin 0.5": {"l2": 1.0, "in_weight": 1.0, "margin": 0.5},
    "in-sample x1, margin 1": {"l2": 1.0, "in_weight": 1.0, "margin": 1.0},
    "r12 features": {"l2": 1.0, "round12": True},
    "r12 features, l2=10": {"l2": 10.0, "round12": True},
    "r12 features, margin 1": {"l2": 1.0, "round12": True, "margin": 1.0},
    "r12 features, margin 2": {"l2": 1.0, "round12": True, "margin": 2.0},
    "r12 features, in-sample x0.3": {"l2": 1.0, "round12": True, "in_weight": 0.3},
    "r12 features, in-sample x1": {"l2": 1.0, "round12": True, "in_weight": 1.0},
    "older code x1": {"l2": 1.0, "older_weight": 1.0},
    "older code x0.3": {"l2": 1.0, "older_weight": 0.3},
    "r12 features, older code x1": {"l2": 1.0, "round12": True, "older_weight": 1.0},
    "r12 features, older code x1, margin 1": {"l2": 1.0, "round12": True, "older_weight": 1.0, "margin": 1.0},
    "older code x1, in-sample x1": {"l2": 1.0, "older_weight": 1.0, "in_weight": 1.0},
    "x rules": {"l2": 1.0, "interact": True},
    "x rules, l2=10": {"l2": 10.0, "interact": True},
    "x rules, older code x1": {"l2": 1.0, "interact": True, "older_weight": 1.0},
    "x rules, older code x1, l2=10": {"l2": 10.0, "interact": True, "older_weight": 1.0},
    "r12 features, x rules, older code x1": {"l2": 1.0, "round12": True, "interact": True, "older_weight": 1.0},
}
CHOSEN = "r12 features, margin 1"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run: every 10th text")
    parser.add_argument("--final", action="store_true", help="train the chosen configuration on test6..test10, "
                        "score test11 ONCE")
    parser.add_argument("--variants", nargs="*", default=None, help="development variants to run (default: all)")
    parser.add_argument("--no-in-sample", action="store_true", help="skip the in-sample units (current code)")
    parser.add_argument("--no-older", action="store_true", help="skip older code on later development splits")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--show", action="store_true", help="development: list every changed answer")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import pandas as pd

    pd.set_option("display.width", 200)
    oos, older, ins, meta, gold_total = collect(args.quick, not args.no_cache, args.final, not args.no_in_sample,
                                                not args.no_older)
    print("Data per version (found = gold quotations found; rules_whole = the rules' speaker accuracy on them):")
    print(data_table(oos, meta).to_string(), "\n")
    if ins:
        own = [u for us in ins.values() for u in us if u.status == "unit"]
        print(f"In-sample units (current code, {', '.join(ins)}): {len(own)}; wrong-but-covered "
              f"{sum((not u.rules_correct) and u.gold_index >= 0 for u in own)}\n")
    if older:
        own = [u for us in older.values() for u in us if u.status == "unit"]
        print(f"Older code on later development splits: {len(own)} units; wrong-but-covered "
              f"{sum((not u.rules_correct) and u.gold_index >= 0 for u in own)}\n")
    if not args.final:
        log = []
        for name, config in VARIANTS.items():
            if args.variants and name not in args.variants:
                continue
            table = leave_one_split_out(oos, older, ins, config)
            pooled = whole_summary(table.assign(pool="pooled"), "pool")
            print(f"== variant {name!r} {config}")
            print(whole_summary(table).to_string())
            print(pooled.to_string())
            if args.show:
                print("\n".join(changed_lines(table)))
            print()
            row = pooled.iloc[0]
            per_split = " ".join(f"{int(f) - int(b):+d}" for f, b in whole_summary(table)[["fixed", "broken"]].values)
            log.append(f"| {name} | {table['ranker'].mean():.4f} | {row['b-a [95%]']} | {row['fixed']} | {row['broken']} | "
                       f"{per_split} |")
        print(f"Development log (rules pooled {table['rules'].mean():.4f}; net = fixed - broken per split "
              f"{', '.join(DEVELOPMENT)}):")
        print("| variant | ranker pooled | (b)-(a) [95%] | fixed | broken | net per split |\n|---|---|---|---|---|---|")
        print("\n".join(log))
        return 0
    config = VARIANTS[CHOSEN]
    model, keep = fit(training_units(oos, older, ins, config), config)
    table = table_of(oos[FINAL], answers(model, keep, oos[FINAL], config.get("margin", 0.0)))
    print(f"== FINAL: {CHOSEN!r} {config}, trained on {', '.join(DEVELOPMENT)}; scored once on {FINAL} "
          f"({gold_total.get(FINAL, 0)} gold quotations, {len(table)} found), the whole split:")
    print(whole_summary(table).to_string())
    print("\nBy the rules' sieve family (ranked quotations):")
    own = table[table["status"] == "unit"].assign(sieve=lambda t: t["attribution"].str.split("+").str[0])
    print(own.groupby("sieve")[["rules", "ranker", "oracle"]].mean().round(3).assign(n=own.groupby("sieve").size()).to_string())
    print(f"\n{FINAL}: changed answers")
    print("\n".join(changed_lines(table)))
    names = keep.names
    print("\nCoefficients (per standard deviation), largest first:")
    for name, weight in model.coefficients(names)[:24]:
        print(f"  {name:34s} {weight:+.3f}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(*sys.argv[2:5])
        sys.exit(0)
    sys.exit(main())
