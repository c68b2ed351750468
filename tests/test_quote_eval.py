"""The development-set scorer: a validating loader and per-family scores that notice errors."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.errors import ReferenceDataError
from analysis.quote_eval import (ERROR_CLASSES, FRESH_SPLITS, SCORE_COLUMNS, SPLITS, compare_cases, error_class,
                                 error_table, load_cases, reliability_table, resolution_kind, scores_from_comparison,
                                 speaker_accuracy_change, speaker_accuracy_interval, speaker_key)

TEXT = '"We are ready," said Minister Ana Pires.\n\n"It is done," the minister said.'


def quote(text, words, **fields):
    start = text.index(words)
    record = {"start": start, "end": start + len(words), "quote": words, "kind": "full", "speaker": None, "speakers": [],
              "speaker_mention": None, "cue": None, "unnamed": False, "nested": False, "open_at_end": False}
    record.update(fields)
    if record["speaker"] and not record["speakers"]:
        record["speakers"] = [record["speaker"]]
    return record


def case(**fields):
    record = {"id": "description-01", "family": "description", "split": "dev", "marks": "straight",
              "convention": "blank_line", "text": TEXT,
              "quotes": [quote(TEXT, "We are ready", speaker="Ana Pires", cue="said"),
                         quote(TEXT, "It is done", speaker="Ana Pires", cue="said")]}
    record.update(fields)
    return record


def write(tmp_path, *cases, name="description.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return path


def prediction(rows):
    return pd.DataFrame(rows, columns=["start", "end", "quote", "speaker", "speaker_entity", "speakers", "cue", "attribution"])


def test_loader_reads_splits(tmp_path):
    path = write(tmp_path, case(), case(id="description-02", split="test"))
    assert [c["id"] for c in load_cases(tmp_path)] == ["description-01", "description-02"]
    assert [c["id"] for c in load_cases(path, split="test")] == ["description-02"]


@pytest.mark.parametrize("change, field", [
    ({"split": "train"}, "split"),
    ({"family": "dash"}, "family"),
    ({"quotes": [quote(TEXT, "We are ready", speaker="Ana Pires") | {"end": 5}]}, "quotes[0].quote"),
    ({"quotes": [quote(TEXT, "We are ready", speaker="Ana Pires") | {"speakers": []}]}, "quotes[0].speakers"),
    ({"quotes": [quote(TEXT, "We are ready") | {"nested": "no"}]}, "quotes[0].nested"),
])
def test_loader_errors_name_file_line_and_field(tmp_path, change, field):
    write(tmp_path, case(id="description-00"), case(**change))
    with pytest.raises(ReferenceDataError) as err:
        load_cases(tmp_path)
    assert (err.value.path.name, err.value.line, err.value.field) == ("description.jsonl", 2, field)


@pytest.mark.parametrize("text, words, loads", [
    ('She called it "slow but steady."', "slow but steady", False),   # the period before the mark is quoted
    ('She called it \u201cslow but steady!\u201d', "slow but steady", False),
    ("She called it \u2018slow but steady?\u2019", "slow but steady", False),
    ('She called it "slow but steady.', "slow but steady", False),    # open at the end of the text
    ('She called it "slow but steady."', "slow but steady.", True),
    ('She called it "slow but steady".', "slow but steady", True),   # British: the period is the writer's
    ('"Slow. But steady," she said.', "Slow", True),                 # a period inside the quotation
])
def test_a_final_stop_inside_the_marks_belongs_to_the_span(tmp_path, text, words, loads):
    write(tmp_path, case(text=text, quotes=[quote(text, words, kind="partial", speaker="Ana Pires", cue="called")]))
    if loads:
        assert load_cases(tmp_path)[0]["quotes"][0]["quote"] == words
    else:
        with pytest.raises(ReferenceDataError, match="inside the marks belongs to the quotation") as err:
            load_cases(tmp_path)
        assert (err.value.line, err.value.field) == (1, "quotes[0].end")


def test_duplicate_ids_are_refused(tmp_path):
    write(tmp_path, case(), case())
    with pytest.raises(ReferenceDataError, match="duplicate id"):
        load_cases(tmp_path)


def test_speaker_keys_ignore_case_apostrophes_and_a_leading_the():
    assert speaker_key("The Dockers\u2019 Guild") == speaker_key("dockers' guild")
    assert speaker_key(None) is None and speaker_key("") is None


def test_scores_count_spans_speakers_and_cues(tmp_path):
    (c,) = [case()]
    a, b = c["quotes"]
    predicted = prediction([
        {"start": a["start"], "end": a["end"], "quote": a["quote"], "speaker_entity": "Ana Pires", "cue": "said"},
        {"start": b["start"], "end": b["end"], "quote": b["quote"], "speaker_entity": "the minister", "cue": "said"},
        {"start": 0, "end": 3, "quote": "We ", "speaker_entity": None, "cue": None},
    ])
    scores = scores_from_comparison(compare_cases([c], [predicted]))
    assert list(scores.columns) == SCORE_COLUMNS and list(scores["family"]) == ["description", "all"]
    row = scores.iloc[0]
    assert (row["quotes"], row["found"], row["predicted"]) == (2, 2, 3)
    assert (row["span_precision"], row["span_recall"], row["speaker_accuracy"], row["cue_accuracy"]) == (0.667, 1.0, 0.5, 1.0)


def test_splits_are_listed_in_the_order_they_were_written():
    cases = [case(id=f"description-{n:02d}", split=split) for n, split in enumerate(["test", "test2", "dev", "test1"])]
    empty = [prediction([])] * len(cases)
    scores = scores_from_comparison(compare_cases(cases, empty))
    assert list(scores["split"]) == ["dev", "test1", "test2", "test"] * 2
    assert list(scores["family"]) == ["description"] * 4 + ["all"] * 4


def test_coordinated_quotations_need_every_speaker(tmp_path):
    text = '"No," say Ana Pires and Rui Costa.'
    c = case(text=text, quotes=[quote(text, "No", speaker="Ana Pires", speakers=["Ana Pires", "Rui Costa"], cue="say")])
    one_only = prediction([{"start": 1, "end": 3, "quote": "No", "speaker_entity": "Ana Pires", "speakers": "Ana Pires", "cue": "say"}])
    both = prediction([{"start": 1, "end": 3, "quote": "No", "speaker_entity": "Ana Pires",
                        "speakers": "Ana Pires; Rui Costa", "cue": "say"}])
    assert scores_from_comparison(compare_cases([c], [one_only])).iloc[0]["speaker_accuracy"] == 0.0
    assert scores_from_comparison(compare_cases([c], [both])).iloc[0]["speaker_accuracy"] == 1.0


def test_family_scores_run_the_pipeline(tmp_path, nlp):
    from analysis.quote_eval import family_scores

    write(tmp_path, case())
    scores = family_scores(split="dev", source=tmp_path, nlp=nlp)
    assert scores.set_index("family").loc["description", "span_f1"] == 1.0


def comparison_of(outcomes: dict[str, list[bool]], split: str = "test") -> pd.DataFrame:
    """A scorer's comparison table: one found quotation per outcome, grouped into cases by id."""
    rows = [{"id": case_id, "family": "description", "split": split, "start": 10 * n, "end": 10 * n + 5, "found": True,
             "spurious": False, "speaker_correct": ok} for case_id, oks in outcomes.items() for n, ok in enumerate(oks)]
    return pd.DataFrame(rows)


def test_interval_of_a_perfect_split_is_a_point():
    interval = speaker_accuracy_interval(comparison_of({f"c{n}": [True, True] for n in range(8)}))
    assert interval.loc[0, ["speaker_accuracy", "low", "high"]].tolist() == [1.0, 1.0, 1.0]


def test_interval_resamples_cases_not_quotations():
    # Ten errors among 100 quotations. Spread one per text, every resampled set of texts is 90% right;
    # all in one text, the interval depends on whether that text is drawn, so it is wide.
    spread = {f"c{n}": [False] + [True] * 9 for n in range(10)}
    clustered = {"c0": [False] * 10, **{f"c{n}": [True] * 10 for n in range(1, 10)}}
    narrow = speaker_accuracy_interval(comparison_of(spread)).iloc[0]
    wide = speaker_accuracy_interval(comparison_of(clustered)).iloc[0]
    assert narrow["speaker_accuracy"] == wide["speaker_accuracy"] == 0.9
    assert (narrow["low"], narrow["high"]) == (0.9, 0.9)
    assert wide["low"] < 0.8 and wide["high"] == 1.0


def test_interval_matches_the_normal_approximation_for_independent_quotations():
    # 200 one-quotation cases, 150 right: 0.75 +- 1.96 * sqrt(0.75 * 0.25 / 200) = 0.69 .. 0.81.
    outcomes = {f"c{n:03d}": [n % 4 != 0] for n in range(200)}
    row = speaker_accuracy_interval(comparison_of(outcomes), draws=4000).iloc[0]
    assert row["speaker_accuracy"] == 0.75
    assert row["low"] == pytest.approx(0.69, abs=0.015) and row["high"] == pytest.approx(0.81, abs=0.015)


def test_interval_per_split_in_writing_order_and_reproducible():
    frame = pd.concat([comparison_of({"a": [True, False], "b": [True]}, split="test"),
                       comparison_of({"c": [True], "d": [False]}, split="dev")])
    first = speaker_accuracy_interval(frame, seed=3)
    assert first["split"].tolist() == ["dev", "test"]
    assert first[["cases", "found"]].values.tolist() == [[2, 2], [2, 3]]
    pd.testing.assert_frame_equal(first, speaker_accuracy_interval(frame, seed=3))


def test_interval_ignores_missed_and_spurious_spans():
    frame = comparison_of({"a": [True, True]})
    frame = pd.concat([frame, pd.DataFrame([
        {"id": "a", "family": "description", "split": "test", "found": False, "spurious": False, "speaker_correct": None},
        {"id": "a", "family": "description", "split": "test", "found": False, "spurious": True, "speaker_correct": None},
    ])], ignore_index=True)
    assert speaker_accuracy_interval(frame).loc[0, ["found", "speaker_accuracy"]].tolist() == [2, 1.0]


def test_interval_refuses_a_level_outside_zero_and_one():
    with pytest.raises(ValueError, match="level"):
        speaker_accuracy_interval(comparison_of({"a": [True]}), level=95)


def test_change_pairs_the_same_quotations_case_by_case():
    # Every text gains one right speaker out of ten: a +10-point change in every resampled set.
    before = comparison_of({f"c{n}": [False, False] + [True] * 8 for n in range(12)})
    after = comparison_of({f"c{n}": [False] + [True] * 9 for n in range(12)})
    row = speaker_accuracy_change(before, after).iloc[0]
    assert row[["before", "after", "change", "low", "high"]].tolist() == [0.8, 0.9, 0.1, 0.1, 0.1]


def test_change_interval_spans_zero_when_gains_and_losses_balance():
    before = comparison_of({f"c{n}": [n % 2 == 0] for n in range(40)})
    after = comparison_of({f"c{n}": [n % 2 == 1] for n in range(40)})
    row = speaker_accuracy_change(before, after).iloc[0]
    assert row["change"] == 0.0 and row["low"] < 0 < row["high"]


def test_change_compares_only_quotations_both_runs_found():
    before = comparison_of({"a": [True, True], "b": [False]})
    after = comparison_of({"a": [True], "b": [True]})   # a's second quotation was missed by the second run
    row = speaker_accuracy_change(before, after).iloc[0]
    assert (row["found"], row["before"], row["after"]) == (2, 0.5, 1.0)


def test_a_splits_interval_does_not_depend_on_the_other_splits_in_the_table():
    test = comparison_of({f"c{n}": [n % 3 != 0, True] for n in range(30)}, split="test")
    dev = comparison_of({f"d{n}": [n % 2 == 0] for n in range(25)}, split="dev")
    alone = speaker_accuracy_interval(test).iloc[0]
    together = speaker_accuracy_interval(pd.concat([dev, test])).set_index("split").loc["test"]
    assert (alone["low"], alone["high"]) == (together["low"], together["high"])


# --------------------------------------------------------------------------- error classes of wrong speakers
@pytest.mark.parametrize("gold, found, attribution, expected", [
    ("Anirban Sen-Mallick", "mallick", "trigram", "name cut or extended"),
    ("Priya Ramaswamy-Clarke", "new democrat priya ramaswamy-clarke", "trigram+pronoun", "name cut or extended"),
    ("Josée Tremblay", "marc-andré tremblay", "trigram", "namesake"),
    ("Ana Pires", "rui costa", "trigram+pronoun", "resolved to another entity"),
    ("Ana Pires", "rui costa", "parse+description", "resolved to another entity"),
    ("Ana Pires", "rui costa", "parse", "another entity"),
    ("Ana Li", "bo li", "parse", "another entity"),  # two-letter words identify no one
    ("Ministry of Health", "ministry", "parse+unresolved", "left unresolved"),
    ("Ana Pires", None, "none", "no answer"),
    ("Ana Pires", float("nan"), None, "no answer"),
    ("Ana Pires; Rui Costa", "ana pires", "trigram", "coordinated set"),
    ("Ana Pires", "ana pires; rui costa", "trigram", "coordinated set"),
    ("", "ana pires", "parse", "speaker where none"),
])
def test_error_class_names_the_kind_of_mistake(gold, found, attribution, expected):
    assert error_class(gold, found, attribution) == expected


def test_error_table_counts_only_wrong_speakers_of_found_quotations_by_split_in_writing_order():
    rows = [  # split, found, spurious, right, gold, predicted, attribution
        ("test10", True, False, False, "Ana Pires", "pires", "trigram"),
        ("test10", True, False, True, "Ana Pires", "ana pires", "trigram"),
        ("test9", True, False, False, "Ana Pires", None, "none"),
        ("test9", True, False, False, "Ana Pires", "rui costa", "parse"),
        ("test9", False, False, None, "Ana Pires", None, None),  # span missed: not a speaker error
        ("test9", False, True, None, None, "rui costa", "parse"),  # spurious span: not a speaker error
    ]
    comparison = pd.DataFrame(rows, columns=["split", "found", "spurious", "speaker_correct", "gold_speakers", "speakers",
                                             "attribution"])
    table = error_table(comparison)
    assert list(table.columns) == ["test9", "test10"]
    assert list(table.index) == [*ERROR_CLASSES, "all errors", "quotations found"]
    assert table.loc["name cut or extended"].tolist() == [0, 1]
    assert table.loc["no answer"].tolist() == [1, 0]
    assert table.loc["another entity"].tolist() == [1, 0]
    assert table.loc["all errors"].tolist() == [2, 1]
    assert table.loc["quotations found"].tolist() == [2, 2]


# --------------------------------------------------------------------------- which attributions to check first
@pytest.mark.parametrize("attribution, kind", [
    ("trigram", "name in the attribution"), ("parse", "name in the attribution"), ("dash", "name in the attribution"),
    ("colon+headline", "name in the attribution"),
    ("trigram+pronoun", "pronoun"), ("parse+description", "description"), ("parse+relay", "relay"),
    ("parse+later", "later mention"), ("trigram+unnamed", "unnamed source"), ("parse+unresolved", "left unresolved"),
    ("context", "paragraph context"), ("paragraph", "paragraph context"),
    ("continuation", "copied from another quotation"), ("nested", "copied from another quotation"),
    ("echo", "copied from another quotation"), ("colon+echo", "copied from another quotation"),
    ("none", "no speaker found"), (None, "no speaker found"), (float("nan"), "no speaker found"),
])
def test_resolution_kind_says_how_the_speaker_was_reached(attribution, kind):
    assert resolution_kind(attribution) == kind


def test_reliability_table_scores_found_quotations_by_kind_in_a_fixed_order():
    comparison = pd.DataFrame({
        "found": [True, True, True, True, False, False],
        "spurious": [False, False, False, False, False, True],
        "speaker_correct": [True, False, True, None, None, None],
        "attribution": ["parse+description", "trigram+description", "trigram", "none", None, "parse"],
    })
    table = reliability_table(comparison)
    assert list(table["resolution"]) == ["name in the attribution", "description", "no speaker found"]
    assert table.set_index("resolution").loc["description"].tolist() == [2, 1, 0.5]
    assert table.set_index("resolution").loc["no speaker found", "speaker_accuracy"] == 0.0  # a None counts as wrong
    assert table["quotations"].sum() == 4  # the missed and the spurious span are not attributions to check


def test_fresh_splits_are_the_newest_held_out_splits():
    assert FRESH_SPLITS and FRESH_SPLITS[-1] == "test" and "dev" not in FRESH_SPLITS
    assert tuple(SPLITS[-len(FRESH_SPLITS):]) == FRESH_SPLITS  # a split tuned on stops being fresh, and so do older ones
