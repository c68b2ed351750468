"""Evaluate extracted quotations: the seed article's gold standard and our attribution development set.

**Seed article.** The gold file (``tests/data/quotes_gold.jsonl``, rules in ``tests/data/ANNOTATION_GUIDELINES.md``)
stores each segment's offsets within its paragraph; ``gold_frame`` places them in the body text.
``score_statements`` gives precision and recall at three levels: spans; (span, speaker, cue)
triples; and whole records (also kind, speakers, the document entity, mention, channel, continuation
and duplicate links, and the unnamed / nested / open-at-end flags).

**Development set** (``tests/data/attribution/<family>.jsonl``, format in its README): short texts
of our own writing, one family of attribution patterns per file, each case in the ``dev`` or the
``test`` split. :func:`load_cases` reads and validates it (errors name file, line and field);
:func:`family_scores` runs the pipeline on every case text and reports per family and overall:
span precision, recall and F1 (exact offsets), speaker accuracy (over gold quotations whose span was
found: the predicted ``speaker_entity`` equals the gold ``speaker`` after casefolding, with ’ and '
equal and a leading "the" dropped; a coordinated quotation also needs the same ``speakers`` set)
and cue accuracy (over found gold quotations that have a cue: the predicted ``cue``, casefolded).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..article import Article, article_checksum
from ..errors import ReferenceDataError
from ..paths import ROOT
from ..tables import json_lines

GOLD_FILE = ROOT / "tests" / "data" / "quotes_gold.jsonl"
GOLD_FIELDS = ("id", "paragraph", "para_start", "para_end", "quote", "kind", "speaker", "speakers", "speaker_entity",
               "speaker_mention", "cue", "channel", "continues", "duplicate_of", "inherited", "unnamed", "nested",
               "open_at_end")
LEVELS: dict[str, tuple[str, ...]] = {
    "spans": ("start", "end"),
    "span+speaker+cue": ("start", "end", "speaker", "cue"),
    "full record": ("start", "end", "kind", "speaker", "speakers", "speaker_entity", "speaker_mention", "cue", "channel",
                    "inherited", "continues", "duplicate_of", "unnamed", "nested", "open_at_end"),
}


def gold_frame(paragraph_starts: Sequence[int], text: str, path: str | Path = GOLD_FILE, *,
               article_sha256: str | None = None) -> pd.DataFrame:
    """The gold segments with offsets into ``text`` (``paragraph_starts[i]`` = start of paragraph i+1).

    With ``article_sha256``, only the records about that article file are read (each record names
    its article by the SHA-256 of the file as received). Continuation and duplicate links are
    rewritten from gold ids to the start offsets of the segments they point to, so they can be
    compared with predictions whatever the ids are.
    """
    path = Path(path)
    rows = []
    for line_no, record in json_lines(path):
        missing = [f for f in ("article_sha256", *GOLD_FIELDS) if f not in record]
        if missing:
            raise ReferenceDataError(f"missing field(s) {missing}", path=path, line=line_no, field=missing[0])
        if article_sha256 is not None and record["article_sha256"] != article_sha256:
            continue
        if not 1 <= record["paragraph"] <= len(paragraph_starts):
            raise ReferenceDataError("no such paragraph in the text", path=path, line=line_no, field="paragraph")
        start = paragraph_starts[record["paragraph"] - 1] + record["para_start"]
        end = paragraph_starts[record["paragraph"] - 1] + record["para_end"]
        if text[start:end] != record["quote"]:
            raise ReferenceDataError("quote is not at its offsets in the text", path=path, line=line_no, field="quote")
        row = {**{k: record[k] for k in GOLD_FIELDS}, "start": start, "end": end}
        row["speakers"] = "; ".join(record["speakers"]) or None  # as in the statements table
        rows.append(row)
    gold = pd.DataFrame(rows, columns=[*GOLD_FIELDS, "start", "end"])
    return _links_to_offsets(gold, "id")


def gold_for(article: Article, path: str | Path = GOLD_FILE) -> pd.DataFrame | None:
    """The gold segments about ``article`` (records naming the SHA-256 of its file), or None when the
    gold standard holds none: another article has no gold, and says so, rather than being scored
    against ours."""
    gold = gold_frame([p.start for p in article.paragraphs], article.body_text, path,
                      article_sha256=article_checksum(article))
    return gold if len(gold) else None


def gold_case(gold: pd.DataFrame, text: str, *, family: str = "seed article", split: str = "seed") -> dict[str, Any]:
    """The gold segments of one article as a development-set case, so the article is scored with the
    same measures as the development set (:func:`compare_cases`, :func:`scores_from_comparison`)."""
    quotes = [
        {"start": int(r.start), "end": int(r.end), "quote": r.quote, "kind": r.kind, "speaker": r.speaker_entity,
         "speakers": [s for s in (r.speakers or "").split("; ") if s], "speaker_mention": r.speaker_mention,
         "cue": r.cue, "unnamed": bool(r.unnamed), "nested": bool(r.nested), "open_at_end": bool(r.open_at_end)}
        for r in gold.sort_values("start").itertuples()
    ]
    return {"id": family, "family": family, "split": split, "marks": "mixed", "convention": "blank_line",
            "text": text, "quotes": quotes}


def _links_to_offsets(frame: pd.DataFrame, id_column: str) -> pd.DataFrame:
    where = dict(zip(frame[id_column], frame["start"]))
    out = frame.copy()
    for col in ("continues", "duplicate_of"):
        out[col] = [where.get(v) if isinstance(v, str) else None for v in out[col]]
    return out


def _keys(frame: pd.DataFrame, fields: tuple[str, ...]) -> set[tuple]:
    def norm(v):
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return None
        return int(v) if isinstance(v, float) and v.is_integer() else v

    return {tuple(norm(v) for v in row) for row in frame[list(fields)].itertuples(index=False)}


def score_statements(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision / recall / F1 of ``predicted`` (statements_frame) against ``gold`` (gold_frame)."""
    pred = _links_to_offsets(predicted, "quote_id")
    rows = []
    for level, fields in LEVELS.items():
        p, g = _keys(pred, fields), _keys(gold, fields)
        tp = len(p & g)
        precision = tp / len(p) if p else 1.0
        recall = tp / len(g) if g else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"level": level, "gold": len(g), "predicted": len(p), "correct": tp,
                     "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)})
    return pd.DataFrame(rows)


def mismatches(predicted: pd.DataFrame, gold: pd.DataFrame, level: str = "full record") -> pd.DataFrame:
    """Rows in one table but not the other at ``level`` (side = missed / spurious), for debugging."""
    fields = LEVELS[level]
    pred = _links_to_offsets(predicted, "quote_id")
    p, g = _keys(pred, fields), _keys(gold, fields)
    rows = [dict(zip(fields, k), side="missed") for k in sorted(g - p, key=str)]
    rows += [dict(zip(fields, k), side="spurious") for k in sorted(p - g, key=str)]
    return pd.DataFrame(rows, columns=["side", *fields])


# --------------------------------------------------------------------------- the development set
DEVSET_DIR = ROOT / "tests" / "data" / "attribution"
SPLITS = ("dev", "test1", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11", "test12", "test")
#: The splits the current rules were never tuned on (blind when written, scored, not tuned on since): what
#: a new article will meet. A round that tunes on one of them removes it from here.
FRESH_SPLITS = ("test",)
CASE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str, "family": str, "split": str, "marks": str, "convention": str, "text": str, "quotes": list,
}
QUOTE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "start": int, "end": int, "quote": str, "kind": str, "speaker": (str, type(None)), "speakers": list,
    "speaker_mention": (str, type(None)), "cue": (str, type(None)), "unnamed": bool, "nested": bool,
    "open_at_end": bool,
}
MARK_STYLES = ("straight", "curly", "single", "mixed")
CONVENTIONS = ("blank_line", "line", "hard_wrapped")
QUOTE_KINDS = ("full", "partial", "scare", "title")
CLOSING_MARKS = ('"', "\u201d", "\u2019", "'")  # a final . ! ? before one of these is inside the marks
SCORE_COLUMNS = ["family", "split", "cases", "quotes", "predicted", "found", "span_precision", "span_recall", "span_f1",
                 "speaker_correct", "speaker_accuracy", "with_cue", "cue_correct", "cue_accuracy"]


def _check(condition: bool, message: str, path: Path, line: int, field: str) -> None:
    if not condition:
        raise ReferenceDataError(message, path=path, line=line, field=field)


def _validate_case(case: Any, path: Path, line: int, ids: set[str]) -> dict[str, Any]:
    _check(isinstance(case, dict), "a case is a JSON object", path, line, "case")
    for name, kind in CASE_FIELDS.items():
        _check(name in case, "missing field", path, line, name)
        _check(isinstance(case[name], kind), f"must be {kind}", path, line, name)
    _check(case["id"] not in ids, f"duplicate id {case['id']!r}", path, line, "id")
    _check(case["family"] == path.stem, f"family {case['family']!r} differs from the file name", path, line, "family")
    _check(case["split"] in SPLITS, f"split must be one of {SPLITS}", path, line, "split")
    _check(case["marks"] in MARK_STYLES, f"marks must be one of {MARK_STYLES}", path, line, "marks")
    _check(case["convention"] in CONVENTIONS, f"convention must be one of {CONVENTIONS}", path, line, "convention")
    text, previous = case["text"], -1
    for k, quote in enumerate(case["quotes"]):
        where = f"quotes[{k}]"
        _check(isinstance(quote, dict), "a quotation is a JSON object", path, line, where)
        for name, kind in QUOTE_FIELDS.items():
            _check(name in quote, "missing field", path, line, f"{where}.{name}")
            ok = isinstance(quote[name], kind) and not (kind is int and isinstance(quote[name], bool))
            _check(ok, f"must be {kind}", path, line, f"{where}.{name}")
        _check(0 <= quote["start"] < quote["end"] <= len(text), "offsets outside the text", path, line, f"{where}.start")
        _check(text[quote["start"]:quote["end"]] == quote["quote"], "quote is not text[start:end]", path, line, f"{where}.quote")
        _check(quote["start"] >= previous, "quotations must be in text order", path, line, f"{where}.start")
        after = text[quote["end"]:quote["end"] + 2]
        _check(not (after[:1] in (".", "!", "?") and (len(after) == 1 or after[1] in CLOSING_MARKS)),
               f"the final {after[:1]!r} inside the marks belongs to the quotation", path, line, f"{where}.end")
        _check(quote["kind"] in QUOTE_KINDS, f"kind must be one of {QUOTE_KINDS}", path, line, f"{where}.kind")
        speakers = quote["speakers"]
        _check(all(isinstance(s, str) for s in speakers), "speakers are names", path, line, f"{where}.speakers")
        if quote["speaker"] is None:
            _check(speakers == [], "speakers must be [] when speaker is null", path, line, f"{where}.speakers")
        else:
            _check(bool(speakers) and speakers[0] == quote["speaker"], "speakers must start with speaker", path, line,
                   f"{where}.speakers")
        previous = quote["start"]
    return case


def load_cases(source: str | Path | Iterable[str | Path] = DEVSET_DIR, split: str | None = None) -> list[dict[str, Any]]:
    """The validated cases of a development-set folder or file(s), optionally of one split only."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (expected one of {SPLITS})")
    if isinstance(source, (str, Path)):
        source = Path(source)
        files = sorted(source.glob("*.jsonl")) if source.is_dir() else [source]
    else:
        files = [Path(f) for f in source]
    cases: list[dict[str, Any]] = []
    ids: set[str] = set()
    for path in files:
        for line_no, case in json_lines(path):
            case = _validate_case(case, path, line_no, ids)
            ids.add(case["id"])
            if split is None or case["split"] == split:
                cases.append(case)
    return cases


def speaker_key(name: Any) -> str | None:
    """A speaker name as compared: casefolded, ’ as ', spaces collapsed, without a leading "the"."""
    if name is None or (isinstance(name, float) and pd.isna(name)) or name == "":
        return None
    key = " ".join(str(name).replace("\u2019", "'").casefold().split())
    return re.sub(r"^the ", "", key)


def _speaker_set(value: Any, primary: Any) -> frozenset[str]:
    if isinstance(value, str):
        names = [v for v in value.split("; ") if v]
    elif isinstance(value, (list, tuple)):
        names = list(value)
    else:
        names = [primary] if speaker_key(primary) else []
    return frozenset(k for k in (speaker_key(n) for n in names) if k)


def compare_cases(cases: Sequence[dict[str, Any]], predicted: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """One row per gold quotation and per spurious prediction: what was expected and what was found.

    ``predicted[i]`` is the statements table of ``cases[i]["text"]``. A table without
    ``speaker_entity`` / ``speakers`` columns (an older component) is compared through ``speaker``.
    """
    rows = []
    for case, frame in zip(cases, predicted):
        records = frame.to_dict("records") if len(frame) else []
        by_span = {(int(r["start"]), int(r["end"])): r for r in records}
        gold_spans = set()
        for quote in case["quotes"]:
            key = (quote["start"], quote["end"])
            gold_spans.add(key)
            found = by_span.get(key)
            row = {"id": case["id"], "family": case["family"], "split": case["split"], "start": key[0], "end": key[1],
                   "quote": quote["quote"], "gold_speaker": quote["speaker"], "gold_speakers": "; ".join(quote["speakers"]),
                   "gold_cue": quote["cue"], "found": found is not None, "speaker": None, "speakers": None, "cue": None,
                   "attribution": None}
            if found is not None:
                entity = found.get("speaker_entity", found.get("speaker"))
                pred_set = _speaker_set(found.get("speakers"), entity)
                gold_set = _speaker_set(quote["speakers"], quote["speaker"])
                same = speaker_key(entity) == speaker_key(quote["speaker"])
                if len(gold_set) > 1 or len(pred_set) > 1:
                    same = same and pred_set == gold_set
                row.update(speaker=entity, speakers="; ".join(sorted(pred_set)), cue=found.get("cue"),
                           attribution=found.get("attribution"), speaker_correct=same)
                if quote["cue"] is not None:
                    row["cue_correct"] = speaker_key(found.get("cue")) == speaker_key(quote["cue"])
            rows.append(row)
        for key, found in by_span.items():
            if key not in gold_spans:
                rows.append({"id": case["id"], "family": case["family"], "split": case["split"], "start": key[0],
                             "end": key[1], "quote": found.get("quote"), "found": False, "spurious": True,
                             "speaker": found.get("speaker_entity", found.get("speaker")), "cue": found.get("cue"),
                             "attribution": found.get("attribution")})
    columns = ["id", "family", "split", "start", "end", "quote", "gold_speaker", "gold_speakers", "gold_cue", "found",
               "spurious", "speaker", "speakers", "cue", "attribution", "speaker_correct", "cue_correct"]
    out = pd.DataFrame(rows, columns=columns)
    out["spurious"] = out["spurious"].astype("boolean").fillna(False).astype(bool)
    return out


def _split_rank(split: str) -> tuple[int, str]:
    """Sort key of a split: the seed article, then :data:`SPLITS` in the order they were written, then A-Z."""
    order = ("seed", *SPLITS)
    return (order.index(split) if split in order else len(order), split)


def _found_quotations(comparison: pd.DataFrame) -> pd.DataFrame:
    """The gold quotations of a :func:`compare_cases` table whose span was found, with ``ok``: speaker right."""
    found = comparison[comparison["found"] & ~comparison["spurious"]]
    return found.assign(ok=found["speaker_correct"].astype("boolean").fillna(False).astype(bool))


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else float("nan")


def scores_from_comparison(comparison: pd.DataFrame) -> pd.DataFrame:
    """Per family and split, then per split overall (``family`` = "all"): the tidy score table.

    Splits come in the order they were written (the seed article, then :data:`SPLITS`), not A-Z.
    """
    rows = []
    groups = sorted(comparison.groupby(["family", "split"], sort=False),
                    key=lambda item: (item[0][0], *_split_rank(item[0][1])))
    groups += sorted(((("all", split), g) for split, g in comparison.groupby("split", sort=False)),
                     key=lambda item: _split_rank(item[0][1]))
    for (family, split), g in groups:
        gold = g[~g["spurious"]]
        found = gold[gold["found"]]
        predicted = int(found.shape[0] + g["spurious"].sum())
        with_cue = found[found["gold_cue"].notna()]
        precision = _ratio(len(found), predicted)
        recall = _ratio(len(found), len(gold))
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else 0.0
        speaker_ok = int(found["speaker_correct"].astype(bool).sum())
        cue_ok = int(with_cue["cue_correct"].astype(bool).sum())
        rows.append({"family": family, "split": split, "cases": g["id"].nunique(), "quotes": len(gold),
                     "predicted": predicted, "found": len(found), "span_precision": precision, "span_recall": recall,
                     "span_f1": f1, "speaker_correct": speaker_ok, "speaker_accuracy": _ratio(speaker_ok, len(found)),
                     "with_cue": len(with_cue), "cue_correct": cue_ok, "cue_accuracy": _ratio(cue_ok, len(with_cue))})
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def speaker_accuracy_interval(comparison: pd.DataFrame, *, level: float = 0.95, draws: int = 2000,
                              seed: int = 0) -> pd.DataFrame:
    """Per split: speaker accuracy with a percentile bootstrap interval that resamples whole cases.

    The quotations of one text share its speakers and its house style, so they are not independent:
    resampling cases (a cluster bootstrap) rather than quotations keeps the interval honest when one
    text holds several errors. A fixed ``seed`` makes the interval reproducible.
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    rows = []
    found = _found_quotations(comparison)
    for split in sorted(found["split"].unique(), key=_split_rank):
        per_case = found[found["split"] == split].groupby("id")["ok"].agg(["sum", "count"])
        correct, total = per_case["sum"].to_numpy(), per_case["count"].to_numpy()
        picks = np.random.default_rng(seed).integers(0, len(per_case), size=(draws, len(per_case)))  # per split: a
        # split's interval does not depend on which other splits are in the table
        resampled = correct[picks].sum(axis=1) / total[picks].sum(axis=1)
        low, high = np.quantile(resampled, [(1 - level) / 2, (1 + level) / 2])
        rows.append({"split": split, "cases": len(per_case), "found": int(total.sum()),
                     "speaker_accuracy": _ratio(int(correct.sum()), int(total.sum())),
                     "low": round(float(low), 3), "high": round(float(high), 3)})
    return pd.DataFrame(rows, columns=["split", "cases", "found", "speaker_accuracy", "low", "high"])


def speaker_accuracy_change(before: pd.DataFrame, after: pd.DataFrame, *, level: float = 0.95,
                            draws: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Per split: how speaker accuracy moved between two runs over the same cases (``after - before``),
    with a paired cluster-bootstrap interval.

    Only quotations whose span both runs found are compared, so the change is the attribution's, not
    the span finder's. Pairing the runs case by case makes the interval much narrower than comparing
    two separate intervals: a new split's own difficulty cancels out.
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    key = ["split", "id", "start", "end"]

    both = _found_quotations(before)[[*key, "ok"]].merge(_found_quotations(after)[[*key, "ok"]], on=key,
                                                         suffixes=("_before", "_after"))
    rows = []
    for split in sorted(both["split"].unique(), key=_split_rank):
        per_case = both[both["split"] == split].groupby("id")[["ok_before", "ok_after"]].agg(["sum", "count"])
        was, now = per_case[("ok_before", "sum")].to_numpy(), per_case[("ok_after", "sum")].to_numpy()
        total = per_case[("ok_before", "count")].to_numpy()
        picks = np.random.default_rng(seed).integers(0, len(per_case), size=(draws, len(per_case)))  # per split: a
        # split's interval does not depend on which other splits are in the table
        moved = (now[picks].sum(axis=1) - was[picks].sum(axis=1)) / total[picks].sum(axis=1)
        low, high = np.quantile(moved, [(1 - level) / 2, (1 + level) / 2])
        rows.append({"split": split, "cases": len(per_case), "found": int(total.sum()),
                     "before": _ratio(int(was.sum()), int(total.sum())), "after": _ratio(int(now.sum()), int(total.sum())),
                     "change": round((int(now.sum()) - int(was.sum())) / int(total.sum()), 3),
                     "low": round(float(low), 3), "high": round(float(high), 3)})
    return pd.DataFrame(rows, columns=["split", "cases", "found", "before", "after", "change", "low", "high"])


#: Coarse kinds of a wrong speaker (:func:`error_class`), in the order the error tables list them.
ERROR_CLASSES = ("name cut or extended", "namesake", "resolved to another entity", "another entity",
                 "left unresolved", "no answer", "coordinated set", "speaker where none")


def _name_words(key: str) -> frozenset[str]:
    """The words of a speaker key that can identify someone: hyphenated parts apart, three letters or more."""
    return frozenset(w for w in re.split(r"[\s;,\-]+", key) if len(w) >= 3)


def error_class(gold_speakers: Any, speakers: Any, attribution: Any) -> str:
    """What kind of mistake one wrong speaker of a :func:`compare_cases` row is (one of :data:`ERROR_CLASSES`).

    ``gold_speakers`` and ``speakers`` are the row's "; "-joined names (or lists); ``attribution`` names the
    sieves that decided. A shared name word is read as the right entity under a cut or extended name when one
    name's words contain the other's ("Mallick" for "Anirban Sen-Mallick", "New Democrat X" for "X"), else as a
    namesake ("Josée Tremblay" for "Marc-André Tremblay"). Pure, so error tables can be rebuilt from saved
    comparison tables of any version of the code.
    """
    gold, found = _speaker_set(gold_speakers, None), _speaker_set(speakers, None)
    sieves = str(attribution) if isinstance(attribution, str) else ""
    if not found:
        return "no answer"
    if not gold:
        return "speaker where none"
    if len(gold) > 1 or len(found) > 1:
        return "coordinated set"
    if "unresolved" in sieves:
        return "left unresolved"
    gold_words, found_words = _name_words(next(iter(gold))), _name_words(next(iter(found)))
    if gold_words and found_words and (gold_words <= found_words or found_words <= gold_words):
        return "name cut or extended"
    if gold_words & found_words:
        return "namesake"
    if "+pronoun" in sieves or "+description" in sieves:
        return "resolved to another entity"
    return "another entity"


def error_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """Wrong speakers of a :func:`compare_cases` table counted by :func:`error_class` (rows) and split (columns,
    in writing order), with the found quotations of each split as the last row."""
    found = _found_quotations(comparison)
    wrong = found[~found["ok"]]
    classes = pd.Series([error_class(g, s, a) for g, s, a in
                         zip(wrong["gold_speakers"], wrong["speakers"], wrong["attribution"])],
                        index=wrong.index, dtype=object)
    splits = sorted(found["split"].unique(), key=_split_rank)
    table = pd.crosstab(classes, wrong["split"]).reindex(index=list(ERROR_CLASSES), columns=splits, fill_value=0)
    table.loc["all errors"] = table.sum()
    table.loc["quotations found"] = found.groupby("split").size().reindex(splits)
    table.index.name, table.columns.name = "error class", None
    return table.astype(int)


#: How an attribution reached its speaker (:func:`resolution_kind`), in the order :func:`reliability_table` lists them.
RESOLUTION_KINDS = ("name in the attribution", "pronoun", "description", "relay", "later mention", "unnamed source",
                    "left unresolved", "paragraph context", "copied from another quotation", "no speaker found")
_RESOLUTION = {"pronoun": "pronoun", "description": "description", "relay": "relay", "later": "later mention",
               "unnamed": "unnamed source", "unresolved": "left unresolved", "echo": "copied from another quotation",
               "headline": "name in the attribution", "context": "paragraph context", "paragraph": "paragraph context",
               "continuation": "copied from another quotation", "nested": "copied from another quotation",
               "none": "no speaker found"}


def resolution_kind(attribution: Any) -> str:
    """How a statements row's ``attribution`` reached its speaker (one of :data:`RESOLUTION_KINDS`): the stage-2
    sieve when the mention needed resolving ("parse+pronoun" -> pronoun), else what the stage-1 sieve did (a name
    at the cue, the paragraph's context, or a copy of the continued, outer or headline quotation)."""
    value = attribution if isinstance(attribution, str) and attribution else "none"
    stage1, _, stage2 = value.partition("+")
    return _RESOLUTION.get(stage2 or stage1, "name in the attribution")


def reliability_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """Speaker accuracy of a :func:`compare_cases` table by :func:`resolution_kind`: which attributions a reader
    should check first. One row per kind that occurs (``quotations`` found, ``right``, ``speaker_accuracy``), in
    the order of :data:`RESOLUTION_KINDS`."""
    found = _found_quotations(comparison)
    frame = pd.DataFrame({"resolution": [resolution_kind(a) for a in found["attribution"]], "right": found["ok"].to_numpy()})
    table = frame.groupby("resolution")["right"].agg(quotations="size", right="sum")
    table = table.reindex([k for k in RESOLUTION_KINDS if k in table.index]).reset_index()
    table["speaker_accuracy"] = [_ratio(int(r), int(n)) for r, n in zip(table["right"], table["quotations"])]
    return table.astype({"quotations": int, "right": int})


def family_table(scores: pd.DataFrame, metrics: Sequence[str] = ("speaker_accuracy", "span_f1", "cue_accuracy")) -> pd.DataFrame:
    """:func:`scores_from_comparison` as one row per family (families A-Z, then the seed article, then
    "all") and one column per metric and split ("speaker_accuracy test1"), splits in their order."""
    splits = [s for s in ("seed", *SPLITS) if s in set(scores["split"])]
    wide = scores.pivot_table(index="family", columns="split", values=list(metrics), aggfunc="first")
    columns = [(m, s) for m in metrics for s in splits if (m, s) in wide.columns]
    wide = wide[columns]
    wide.columns = [f"{m} {s}" for m, s in columns]
    named = sorted(set(wide.index) - {"seed article", "all"})
    order = named + [f for f in ("seed article", "all") if f in wide.index]
    return wide.loc[order].reset_index()


def predict_cases(cases: Sequence[dict[str, Any]], nlp=None,
                  extract: Callable[[list[str]], list[pd.DataFrame]] | None = None, *,
                  cache: bool = False, progress: bool = False) -> list[pd.DataFrame]:
    """The statements table of every case text (``extract`` replaces the project pipeline if given).

    ``cache``: reuse the tables of an earlier run with the same texts, code, reference data and
    pipeline (:mod:`.cache`; notebook 03 sets it, since CI runs it three times). ``progress``: a
    tqdm bar on stderr (off in notebooks, whose committed outputs must not change between runs).
    """
    texts = [case["text"] for case in cases]
    if extract is not None:
        return extract(texts)
    import sys

    from tqdm import tqdm

    from ..nlp import load_pipeline
    from .cache import cached_frames, fingerprint
    from .table import statements_frame

    nlp = nlp or load_pipeline()

    def compute() -> list[pd.DataFrame]:
        docs = tqdm(nlp.pipe(texts), total=len(texts), unit="text", desc="development set", disable=not progress,
                    file=sys.stderr)
        return [statements_frame(doc) for doc in docs]

    return cached_frames("devset", fingerprint(texts, nlp), compute) if cache else compute()


def family_scores(split: str | None = "dev", source: str | Path = DEVSET_DIR, nlp=None) -> pd.DataFrame:
    """Run the pipeline on the development set (one split, or both with ``None``) and score it by family."""
    cases = load_cases(source, split)
    return scores_from_comparison(compare_cases(cases, predict_cases(cases, nlp)))


__all__ = [
    "GOLD_FILE", "LEVELS", "gold_frame", "gold_for", "gold_case", "score_statements", "mismatches", "DEVSET_DIR", "SPLITS", "FRESH_SPLITS", "SCORE_COLUMNS",
    "load_cases", "speaker_key", "compare_cases", "scores_from_comparison", "speaker_accuracy_interval", "speaker_accuracy_change", "ERROR_CLASSES", "error_class", "error_table", "RESOLUTION_KINDS", "resolution_kind", "reliability_table", "family_table", "predict_cases", "family_scores",
]
