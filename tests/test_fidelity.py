"""Quote fidelity: loading primary texts, classifying differences, and the findings on the article."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from analysis import fidelity as F
from analysis.errors import AnalysisError, ReferenceDataError

PRIMARY = "The river rose quickly. Farmers moved their herds to the hills. Nobody was hurt."
ROW = {
    "statement_id": "mayor-post", "speaker": "Ana Mayor", "date": "2024-03-02", "channel": "social media post",
    "venue": "a town account", "passage": "1", "variant": "post", "extent": "full", "text": PRIMARY,
    "source": "https://example.org/post", "note": "",
}


@pytest.fixture
def write_primary(tmp_path: Path):
    def write(*rows: dict) -> Path:
        path = tmp_path / "primary.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(F.PRIMARY_COLUMNS), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return path
    return write


@pytest.fixture
def primaries(write_primary) -> pd.DataFrame:
    return F.load_primary_statements(write_primary(ROW))


def statements(*quotes: tuple[str, str | None], speaker: str = "Ana Mayor") -> pd.DataFrame:
    rows = [{"quote_id": f"q{i}", "paragraph": i, "quote": text, "kind": "full", "speaker": speaker, "cue": cue,
             "channel": None, "duplicate_of": None} for i, (text, cue) in enumerate(quotes, start=1)]
    return pd.DataFrame(rows, columns=list(F.STATEMENT_KEYS))


def classes_of(primaries: pd.DataFrame, quote: str, cue: str | None = "wrote") -> set[str]:
    table = F.fidelity_table(statements((quote, cue)), primaries)
    return set(table.iloc[0]["classes"].split("; "))


# -------------------------------------------------------------------------- loading
def test_loads_and_validates(primaries, write_primary):
    assert primaries.iloc[0]["passage"] == 1 and primaries.iloc[0]["line"] == 2
    cases = [
        ({"statement_id": "mayor-post"}, "statement_id", "duplicate"),
        ({"extent": "most"}, "extent", "unknown extent"),
        ({"source": ""}, "source", "missing source"),
        ({"date": "2 March 2024"}, "date", "bad date"),
        ({"passage": "0"}, "passage", "positive integer"),
        ({"text": ""}, "text", "missing text"),
    ]
    for change, field, words in cases:
        path = write_primary(ROW, {**ROW, "statement_id": "other", **change})
        with pytest.raises(ReferenceDataError) as info:
            F.load_primary_statements(path)
        assert (info.value.line, info.value.field) == (3, field) and words in str(info.value)
    with pytest.raises(ReferenceDataError, match="unknown speaker"):
        F.load_primary_statements(write_primary(ROW), speakers={"Someone Else"})


def test_committed_primary_statements_name_known_actors():
    actors = set(pd.read_csv(F.REFERENCE / "actors.csv")["name"])
    table = F.load_primary_statements(speakers=actors)
    assert {"Donald Trump", "Christopher Landau", "Jim Risch"} <= set(table["speaker"])
    assert (table["speaker"] == "Jim Risch").sum() > 3  # his variant wordings are separate rows


# -------------------------------------------------------------------------- classification
def test_exact_and_case_or_punctuation(primaries):
    assert classes_of(primaries, "Farmers moved their herds to the hills.") == {"exact"}
    assert classes_of(primaries, "farmers moved their herds to the hills") == {"case_or_punctuation"}


def test_changed_and_omitted_words(primaries):
    assert classes_of(primaries, "Farmers moved their cattle to the hills.") == {"words_changed"}
    assert classes_of(primaries, "Farmers moved herds to the hills.") == {"words_omitted"}
    assert classes_of(primaries, "Farmers moved ... to the hills.") == {"exact"}  # an ellipsis marks the cut


def test_reordered_and_stitched(primaries):
    assert "reordered_or_stitched" in classes_of(primaries, "Nobody was hurt. The river rose quickly.")
    table = F.fidelity_table(statements(("The river rose quickly. Nobody was hurt.", "wrote")), primaries)
    assert table.iloc[0]["main_class"] == "reordered_or_stitched"
    assert table.iloc[0]["dropped"] == "Farmers moved their herds to the hills."


def test_an_ellipsis_makes_a_cut_between_sentences_open(primaries):
    assert classes_of(primaries, "The river rose quickly. … Nobody was hurt.") == {"exact"}


def test_words_beyond_the_excerpt_are_not_counted_as_changes(primaries):
    table = F.fidelity_table(statements(("Then, the river rose quickly.", "wrote")), primaries)
    row = table.iloc[0]
    assert row["beyond_excerpt"] == "Then" and "words_changed" not in row["classes"]
    inside = F.fidelity_table(statements(("Farmers moved their herds to the hills. Sadly nobody was hurt.", "wrote")), primaries)
    assert "words_changed" in inside.iloc[0]["classes"]  # "Sadly" is inside the excerpt, so it is an addition


def test_channel_misstated_for_a_written_post(primaries):
    assert classes_of(primaries, "Nobody was hurt.", cue="said") == {"channel_misstated"}
    assert classes_of(primaries, "Nobody was hurt.", cue="wrote") == {"exact"}
    assert F.channel_misstated("wrote", None, "speech") is not None
    assert F.channel_misstated("said", "speech/remarks", "speech") is None


def test_no_primary_and_order_across_quotations(primaries):
    table = F.fidelity_table(statements(("Nobody was hurt.", "said"), speaker="A Stranger"), primaries)
    assert table.iloc[0]["main_class"] == "no_primary" and table.iloc[0]["similarity"] == 0
    table = F.fidelity_table(statements(("Nobody was hurt.", "wrote"), ("The river rose quickly.", "wrote")), primaries)
    order = F.order_table(table)
    assert list(order["in_order"]) == [True, False] and order.iloc[1]["before"] == "q1"
    assert (table["main_class"] == "reordered_or_stitched").all()


def test_similarity_falls_with_changes(primaries):
    same = F.align("Farmers moved their herds to the hills.", PRIMARY).similarity
    changed = F.align("Farmers took all their cattle up to the hills.", PRIMARY).similarity
    assert same == 1.0 and 0 < changed < same


def test_side_by_side_marks_differences():
    html = F.side_by_side_html("Farmers moved their cattle to the hills.", PRIMARY)
    assert "<del>herds</del>" in html and "<ins>cattle</ins>" in html
    text = F.side_by_side_text("Farmers moved their cattle to the hills.", PRIMARY)
    assert "[-herds-]" in text and "{+cattle+}" in text


# -------------------------------------------------------------------------- the article
@pytest.fixture(scope="module")
def article_fidelity(article):
    from analysis.quotes import extract_statements

    found = extract_statements(article.body_text)
    return F.fidelity_table(found, F.load_primary_statements(), paragraph_numbers=article.paragraph_numbers())


def _best(table: pd.DataFrame, paragraph: str) -> list[dict]:
    return table[(table["paragraph"] == paragraph) & table["best"]].to_dict("records")


def test_p12_drops_the_signing_ceremony_sentence(article_fidelity):
    (p12,) = _best(article_fidelity, "P12")
    assert "reordered_or_stitched" in p12["classes"]
    assert p12["dropped"].startswith("We will soon announce a Signing Ceremony")


def test_post_is_reordered_across_p9_p10_p12(article_fidelity):
    order = F.order_table(article_fidelity)
    trump = order[order["speaker"] == "Donald Trump"]
    assert list(trump["paragraph"]) == ["P9", "P10", "P12"]
    assert not trump["position"].is_monotonic_increasing
    assert trump.set_index("paragraph").at["P12", "before"] == trump.set_index("paragraph").at["P10", "quote_id"]


def test_written_post_presented_as_speech(article_fidelity):
    said = _best(article_fidelity, "P9") + _best(article_fidelity, "P13")  # "Trump said"
    assert [r["paragraph"] for r in said] == ["P9", "P13", "P13"]
    assert [r["statement_id"] for r in said] == ["trump-post"] * 3
    assert ["channel_misstated" in r["classes"].split("; ") for r in said] == [True, True, True]
    (p10,) = _best(article_fidelity, "P10")  # "wrote on Truth Social"
    assert "channel_misstated" not in p10["classes"]


def test_risch_is_compared_with_every_variant(article_fidelity):
    p17 = article_fidelity[article_fidelity["paragraph"] == "P17"]
    assert p17["statement_id"].nunique() >= 2 and p17["best"].sum() == 1


# -------------------------------------------------------------------------- any article
def test_no_quotations_give_empty_tables(primaries):
    table = F.fidelity_table(statements(), primaries)
    assert table.empty and list(table.columns) == F.FIDELITY_COLUMNS
    assert F.fidelity_counts(table)["quotations"].tolist() == [0] * len(F.CLASSES)
    assert F.similarity_points(table).empty and F.order_table(table).empty
    assert F.side_by_side(table, primaries) == ""


def test_quotations_are_ordered_as_in_the_article_whatever_their_ids(primaries):
    found = statements(("Nobody was hurt.", "wrote"), ("The river rose quickly.", "wrote"))
    found["quote_id"] = ["b-2", "a-1"]  # ids that do not sort in article order
    table = F.fidelity_table(found, primaries)
    assert list(F.similarity_points(table)["quote_id"]) == ["b-2", "a-1"]
    order = F.order_table(table)
    assert list(order["quote_id"]) == ["b-2", "a-1"] and list(order["in_order"]) == [True, False]


def test_statements_come_from_notebook_03_when_they_are_about_the_article(nlp, tmp_path):
    doc = nlp('"The river rose quickly," the mayor said.\n\nFarmers moved their herds.')
    path = tmp_path / "statements.csv"
    table, origin = F.statements_for(doc, path)
    assert "no statements.csv" in origin and len(table) == 1 and "river rose quickly" in table.at[0, "quote"]
    table.assign(speaker="Ana Mayor").to_csv(path, index=False)
    table, origin = F.statements_for(doc, path)
    assert origin.startswith("from statements.csv") and list(table["speaker"]) == ["Ana Mayor"]
    other = nlp('"Nobody was hurt," she said.')
    table, origin = F.statements_for(other, path)
    assert "about another text" in origin and len(table) == 1 and "Nobody was hurt" in table.at[0, "quote"]
    pd.DataFrame({"quote_id": ["q1"], "quote": ["x"]}).to_csv(path, index=False)
    with pytest.raises(AnalysisError) as info:
        F.statements_for(doc, path)
    assert info.value.path == path and info.value.field == "paragraph"
