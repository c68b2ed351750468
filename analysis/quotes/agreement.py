"""A second, independent annotation of a split's speakers, scored with the same measures as the component.

How often two careful readers name the same speaker is the ceiling for any attribution system: if
they often disagree, part of the system's "errors" are label noise. The second annotator sees each
text and its quotation spans (not the first annotation) and labels every quotation's ``kind``,
``speaker``, ``speakers`` and ``unnamed``, with a ``confidence`` ("sure" / "unsure") and a ``why``.

File format (JSON lines, one text per line)::

    {"id": "relay-f03", "labels": [{"n": 1, "kind": "full", "speaker": "Lakshmi Bai",
     "speakers": ["Lakshmi Bai"], "unnamed": false, "confidence": "sure", "why": ""}, ...]}

:func:`load_second_annotation` turns it into statements tables that :func:`.evaluate.compare_cases`
scores against the first annotation, exactly as it scores the component; :func:`as_gold` makes the
second annotation the reference, so the component can be scored against either reader.
"""
from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ReferenceDataError

LABEL_FIELDS: dict[str, type | tuple[type, ...]] = {
    "n": int, "kind": str, "speaker": (str, type(None)), "speakers": list, "unnamed": bool, "confidence": str,
}
KINDS = ("full", "partial", "scare", "title")


def _check(condition: bool, message: str, path: Path, line: int, field: str) -> None:
    if not condition:
        raise ReferenceDataError(message, path=path, line=line, field=field)


def read_labels(path: str | Path) -> dict[str, tuple[int, list[dict[str, Any]]]]:
    """Case id -> (line number, labels), checked field by field; errors name the file, line and field."""
    path = Path(path)
    found: dict[str, tuple[int, list[dict[str, Any]]]] = {}
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as err:
            raise ReferenceDataError(f"not JSON: {err.msg}", path=path, line=line, field="record") from err
        _check(isinstance(record, dict) and isinstance(record.get("id"), str), "needs a string id", path, line, "id")
        _check(record["id"] not in found, f"{record['id']} labelled twice", path, line, "id")
        labels = record.get("labels")
        _check(isinstance(labels, list), "labels must be a list", path, line, "labels")
        for n, label in enumerate(labels, start=1):
            _check(isinstance(label, dict), f"label {n} is not an object", path, line, "labels")
            for name, kind in LABEL_FIELDS.items():
                _check(isinstance(label.get(name), kind), f"label {n}: missing or wrong type", path, line, name)
            _check(label["n"] == n, f"label {n} is numbered {label['n']}", path, line, "n")
            _check(label["kind"] in KINDS, f"label {n}: kind must be one of {KINDS}", path, line, "kind")
            _check(label["speakers"][:1] == ([label["speaker"]] if label["speaker"] else []),
                   f"label {n}: speakers must start with speaker ([] when speaker is null)", path, line, "speakers")
        found[record["id"]] = (line, labels)
    return found


def load_second_annotation(path: str | Path, cases: Sequence[dict[str, Any]]) -> list[pd.DataFrame]:
    """The second annotation as one statements table per case (``start``, ``end``, ``kind``,
    ``speaker_entity``, ``speakers``, ``unnamed``, ``confidence``, ``why``), in the order of ``cases``.

    Every case must be labelled, with one label per quotation of the first annotation (the spans are
    shared); a label file that covers other texts or a different number of quotations is an error.
    """
    path = Path(path)
    labels = read_labels(path)
    missing = [case["id"] for case in cases if case["id"] not in labels]
    if missing:
        raise ReferenceDataError(f"{len(missing)} case(s) not labelled, first {missing[0]}", path=path, field="id")
    frames = []
    for case in cases:
        line, case_labels = labels[case["id"]]
        _check(len(case_labels) == len(case["quotes"]),
               f"{len(case_labels)} labels for {len(case['quotes'])} quotations of {case['id']}", path, line, "labels")
        frames.append(pd.DataFrame([{
            "start": quote["start"], "end": quote["end"], "kind": label["kind"], "speaker": label["speaker"],
            "speaker_entity": label["speaker"], "speakers": list(label["speakers"]), "unnamed": label["unnamed"],
            "confidence": label["confidence"], "why": label.get("why") or "",
        } for quote, label in zip(case["quotes"], case_labels)],
            columns=["start", "end", "kind", "speaker", "speaker_entity", "speakers", "unnamed", "confidence", "why"]))
    return frames


def as_gold(cases: Sequence[dict[str, Any]], second: Sequence[pd.DataFrame]) -> list[dict[str, Any]]:
    """Copies of ``cases`` whose quotations carry the second annotator's speakers, kinds and flags."""
    relabelled = []
    for case, frame in zip(cases, second):
        case = copy.deepcopy(case)
        for quote, label in zip(case["quotes"], frame.itertuples()):
            quote.update(kind=label.kind, speaker=label.speaker, speakers=list(label.speakers), unnamed=label.unnamed)
        relabelled.append(case)
    return relabelled


__all__ = ["LABEL_FIELDS", "read_labels", "load_second_annotation", "as_gold"]
