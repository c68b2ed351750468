"""Evaluate extracted quotations against a hand-annotated gold standard.

The gold file (``tests/data/quotes_gold.jsonl``, rules in ``tests/data/ANNOTATION_GUIDELINES.md``)
stores each segment's offsets within its paragraph; ``gold_frame`` places them in the body text.
``score_statements`` gives precision and recall at three levels: spans; (span, speaker, cue)
triples; and whole records (also kind, channel, continuation and duplicate links).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..errors import ReferenceDataError
from ..paths import ROOT

GOLD_FILE = ROOT / "tests" / "data" / "quotes_gold.jsonl"
GOLD_FIELDS = ("id", "paragraph", "para_start", "para_end", "quote", "kind", "speaker", "speaker_mention", "cue",
               "channel", "continues", "duplicate_of", "inherited")
LEVELS: dict[str, tuple[str, ...]] = {
    "spans": ("start", "end"),
    "span+speaker+cue": ("start", "end", "speaker", "cue"),
    "full record": ("start", "end", "kind", "speaker", "speaker_mention", "cue", "channel", "inherited", "continues", "duplicate_of"),
}


def gold_frame(paragraph_starts: Sequence[int], text: str, path: str | Path = GOLD_FILE) -> pd.DataFrame:
    """The gold segments with offsets into ``text`` (``paragraph_starts[i]`` = start of paragraph i+1).

    Continuation and duplicate links are rewritten from gold ids to the start offsets of the
    segments they point to, so they can be compared with predictions whatever the ids are.
    """
    path = Path(path)
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            record = json.loads(line)
            missing = [f for f in GOLD_FIELDS if f not in record]
            if missing:
                raise ReferenceDataError(f"missing field(s) {missing}", path=path, line=line_no, field=missing[0])
            start = paragraph_starts[record["paragraph"] - 1] + record["para_start"]
            end = paragraph_starts[record["paragraph"] - 1] + record["para_end"]
            if text[start:end] != record["quote"]:
                raise ReferenceDataError("quote is not at its offsets in the text", path=path, line=line_no, field="quote")
            rows.append({**{k: record[k] for k in GOLD_FIELDS}, "start": start, "end": end})
    gold = pd.DataFrame(rows)
    return _links_to_offsets(gold, "id")


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


__all__ = ["GOLD_FILE", "LEVELS", "gold_frame", "score_statements", "mismatches"]
