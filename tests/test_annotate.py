"""Annotation of quotations: themes lexicon, countries, people, rhetorical markers, summaries."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.annotate import (
    ANNOTATION_COLUMNS,
    annotate_statements,
    countries_in,
    load_themes,
    people_in,
    rhetoric,
    speaker_theme_matrix,
    theme_hits,
    words_per_speaker,
)
from analysis.actors import load_registry
from analysis.errors import ReferenceDataError


@pytest.fixture(scope="module")
def lexicon():
    return load_themes()


def test_theme_terms_match_on_word_boundaries_with_prefix_stars(lexicon):
    hits = theme_hits("Normalization brings prosperity; the economies grow.", lexicon)
    assert hits == {"peace & normalisation": 1, "economy & trade": 2}
    assert theme_hits("Chinatown is busy.", lexicon) == {}  # "china" is not a prefix term


def test_theme_lexicon_validation(tmp_path):
    path = tmp_path / "themes.csv"
    path.write_text("theme,term,note\npeace,Peace,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        load_themes(path)
    assert (err.value.line, err.value.field) == (2, "term")
    path.write_text("theme,term,note\npeace,peace,\npeace,peace,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="duplicate"):
        load_themes(path)


def test_countries_people_and_rhetoric(nlp):
    doc = nlp('"Russia and the Kyrgyz Republic matter to us, and President Tokayev is our BEST FRIEND!" Ann Lee said.')
    span = doc.spans["quotes"][0]
    assert countries_in(span) == ["KGZ", "RUS"]
    assert people_in(span, load_registry()) == ["Kassym-Jomart Tokayev"]
    marks = rhetoric(span)
    assert marks["first_person"] == 2 and marks["exclamations"] == 1 and marks["all_caps"] == 2


def test_single_acronym_is_not_shouting(nlp):
    doc = nlp('"The US and NATO agree," Ann Lee said. "We are the greatest."')
    first, second = (rhetoric(s) for s in doc.spans["quotes"])
    assert first["all_caps"] == 0
    assert second["superlatives"] == 1


def test_annotate_statements_adds_speaker_facts(nlp):
    doc = nlp('"Peace is near," Trump wrote on Truth Social.\n\n"Trade with Kazakhstan will grow," Ann Lee said.')
    frame = annotate_statements(doc)
    assert set(ANNOTATION_COLUMNS) <= set(frame.columns)
    trump, lee = frame.iloc[0], frame.iloc[1]
    assert (trump["actor_country"], trump["themes"]) == ("USA", "peace & normalisation")
    assert lee["actor_role"] is None and lee["countries"] == "KAZ"
    assert "economy & trade" in lee["themes"]


def test_summaries_count_repeats_separately():
    statements = pd.DataFrame({
        "speaker": ["A", "A", "B", None],
        "words": [10, 3, 5, 2],
        "duplicate_of": [None, "q1", None, None],
        "themes": ["t1; t2", "t1", "t2", "t1"],
    })
    words = words_per_speaker(statements).set_index("speaker")
    assert words.loc["A"].tolist() == [10, 3, 13] and words.loc["B"].tolist() == [5, 0, 5]
    matrix = speaker_theme_matrix(statements, ["t1", "t2"])
    assert matrix.loc["A"].tolist() == [1, 1] and matrix.loc["B"].tolist() == [0, 1]
    assert speaker_theme_matrix(statements, ["t1"], skip_duplicates=False).loc["A", "t1"] == 2
