"""The seed gold standard names its article by checksum; another article has none and says so."""
from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from analysis.article import load_article
from analysis.errors import ReferenceDataError
from analysis.paths import ARTICLE
from analysis.quotes.evaluate import GOLD_FILE, compare_cases, gold_case, gold_for, scores_from_comparison


def test_our_article_finds_its_gold_under_any_file_name(tmp_path):
    copy = tmp_path / "renamed.txt"
    shutil.copy(ARTICLE, copy)
    gold = gold_for(load_article(copy))
    assert gold is not None and len(gold) == sum(1 for line in GOLD_FILE.open() if line.strip())
    article = load_article(copy)
    assert all(article.body_text[r.start:r.end] == r.quote for r in gold.itertuples())


def test_another_article_has_no_gold(write_file):
    other = load_article(write_file('Harbour festival opens\n\n"We are ready," the organiser said on Friday.\n'))
    assert gold_for(other) is None


def test_an_edited_copy_of_our_article_is_not_scored_against_our_gold(tmp_path):
    edited = tmp_path / "edited.txt"
    edited.write_text(ARTICLE.read_text(encoding="utf-8").replace("Kazakhstan", "Kazakstan", 1), encoding="utf-8")
    assert gold_for(load_article(edited)) is None


def test_a_record_without_its_article_is_refused_with_file_line_and_field(tmp_path):
    lines = GOLD_FILE.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    del record["article_sha256"]
    broken = tmp_path / "gold.jsonl"
    broken.write_text("\n".join([*lines[:2], json.dumps(record), *lines[3:]]) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        gold_for(load_article(), broken)
    assert err.value.line == 3 and err.value.field == "article_sha256"


def test_the_seed_scores_with_the_development_set_measures():
    article = load_article()
    gold = gold_for(article)
    case = gold_case(gold, article.body_text)
    perfect = gold[["start", "end", "speaker_entity", "speakers", "cue"]]
    wrong = perfect.copy()
    wrong.loc[wrong.index[:3], "speaker_entity"] = "Someone Else"
    wrong.loc[wrong.index[:3], "speakers"] = "Someone Else"
    missing = perfect.iloc[1:]
    scores = {name: scores_from_comparison(compare_cases([case], [frame])).set_index("family").loc["seed article"]
              for name, frame in {"perfect": perfect, "wrong": wrong, "missing": missing}.items()}
    assert scores["perfect"]["speaker_accuracy"] == 1.0 and scores["perfect"]["span_f1"] == 1.0
    assert scores["wrong"]["speaker_accuracy"] == round(7 / 10, 3)
    assert scores["missing"]["span_recall"] == 0.9 and scores["missing"]["span_precision"] == 1.0


def test_family_table_orders_families_then_seed_then_all_and_splits_in_their_order():
    from analysis.quote_eval import family_table

    scores = pd.DataFrame({
        "family": ["vocative", "dash", "all", "vocative", "all", "seed article", "all"],
        "split": ["test", "test", "test", "dev", "dev", "seed", "seed"],
        "speaker_accuracy": [0.8, 0.9, 0.85, 1.0, 1.0, 1.0, 1.0],
        "span_f1": [1.0] * 7,
    })
    wide = family_table(scores, metrics=("speaker_accuracy", "span_f1"))
    assert list(wide["family"]) == ["dash", "vocative", "seed article", "all"]
    assert list(wide.columns)[:4] == ["family", "speaker_accuracy seed", "speaker_accuracy dev", "speaker_accuracy test"]
    assert wide.set_index("family").loc["vocative", "speaker_accuracy test"] == 0.8
    assert pd.isna(wide.set_index("family").loc["dash", "speaker_accuracy dev"])
