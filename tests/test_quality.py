"""Quality flags: each rule finds its problem on the article and on new text, and stays quiet on clean text."""
from __future__ import annotations

import pytest

from analysis.quality import (
    Flag,
    capitalisation_flags,
    flags_frame,
    fragment_flags,
    lost_symbol_flags,
    quality_flags,
    quote_ranges,
    repeated_quote_flags,
    spelling_flags,
    unclosed_quote_flags,
)


@pytest.fixture(scope="module")
def article_flags(doc):
    return quality_flags(doc)


def _kinds(flags, kind):
    return [f for f in flags if f.kind == kind]


def test_article_flags_each_known_problem(article, article_flags):
    numbers = article.paragraph_numbers()
    found = {(f.kind, numbers[f.paragraph], f.text) for f in article_flags}
    assert ("spelling", 11, "Easterm") in found
    assert ("lost_symbol", 17, "C5 1") in found and ("lost_symbol", 19, "C5 1") in found
    assert ("capitalisation", 16, "Soviet union") in found
    assert not [t for k, _, t in found if k == "capitalisation" and "Central Asian" in t]  # "five ... nations" describes
    assert any(k == "fragment" and p == 15 for k, p, _ in found)
    assert any(k == "unclosed_quote" and p == 18 for k, p, _ in found)
    repeats = [(numbers[f.paragraph], numbers[f.related_paragraph]) for f in _kinds(article_flags, "repeated_quote")]
    assert sorted(repeats) == [(13, 9), (13, 12)]


def test_article_flags_have_no_false_alarms_on_names(article_flags):
    texts = {f.text for f in article_flags if f.kind == "spelling"}
    assert not texts & {"Tokayev", "Netanyahu", "Risch", "Daines", "Kassym", "Jomart", "Vanik", "Rubio"}


def test_flag_offsets_point_at_their_text(doc, article_flags):
    for flag in article_flags:
        assert doc.text[flag.start:flag.end] == flag.text


def test_spelling_on_new_text(nlp):
    flags = spelling_flags(nlp("The minister visited the Westerm provinces and praised the organisation."))
    assert [(f.kind, f.text, f.suggestion) for f in flags] == [
        ("spelling", "Westerm", "Western"),
        ("spelling_variant", "organisation", "organization"),
    ]
    assert spelling_flags(nlp("The minister visited the western provinces.")) == []


def test_lost_symbol_on_new_text(nlp):
    flags = lost_symbol_flags(nlp("Officials discussed the Jackson Vanik rules and the C5+1 summit."))
    assert [(f.text, f.suggestion) for f in flags] == [("Jackson Vanik", "Jackson-Vanik")]


def test_lost_symbol_knows_the_terms_of_the_entity_patterns(nlp, monkeypatch):
    import analysis.quality as quality

    text = nlp("The G7 2 format met, and so did the C5 1.")
    monkeypatch.setattr(quality, "_pattern_terms", lambda: ("G7+2",))
    assert [(f.text, f.suggestion) for f in lost_symbol_flags(text)] == [("G7 2", "G7+2")]
    monkeypatch.setattr(quality, "_pattern_terms", lambda: ("C5+1",))
    assert [(f.text, f.suggestion) for f in lost_symbol_flags(text)] == [("C5 1", "C5+1")]


def test_fragment_on_new_text(nlp):
    flags = fragment_flags(nlp("The talks resumed on Monday. The decision, which surprised many observers in the capital."))
    assert [f.text for f in flags] == ["The decision, which surprised many observers in the capital."]
    assert fragment_flags(nlp('She said: "A fine day, which we enjoyed."')) == []  # quotations are exempt


def test_unclosed_quote_on_new_text(nlp):
    doc = nlp('"We will go on," she said.\n\n"And then we will stop.\n\n"Really stop."')
    flags = unclosed_quote_flags(doc)
    assert len(flags) == 1 and flags[0].paragraph == 2 and "continues" in flags[0].message
    assert unclosed_quote_flags(nlp('"Closed," she said.')) == []


def test_repeated_quote_on_new_text(nlp):
    doc = nlp('"Trade will grow across the region," he said.\n\nLater he added: "Trade will grow across the region."')
    flags = repeated_quote_flags(doc)
    assert len(flags) == 1 and flags[0].paragraph == 2 and flags[0].related_paragraph == 1
    assert flags[0].text == "Trade will grow across the region."


def test_capitalisation_on_new_text(nlp):
    flags = capitalisation_flags(nlp("Delegates from the European union met in Brussels."))
    assert [(f.text, f.suggestion) for f in flags] == [("European union", "European Union")]
    flags = capitalisation_flags(nlp("They visited the United Arab emirates and Arab nations."))
    assert [(f.text, f.suggestion) for f in flags] == [("United Arab emirates", "United Arab Emirates")]


@pytest.mark.parametrize("text", [
    "Trump met with leaders of five Central Asian nations.",  # counted: a description
    "The United States offers Central Asian nations a real opportunity.",  # plural after a nationality
    "Ministers of the Arab states met in Cairo.",
    "In 1940 it became a Soviet republic.",  # indefinite
])
def test_capitalisation_leaves_descriptions_alone(nlp, text):
    assert capitalisation_flags(nlp(text)) == []


def test_clean_text_has_no_flags(nlp):
    assert quality_flags(nlp("The ministers met in Astana on Tuesday.\n\nThey signed two agreements.")) == []


def test_quote_ranges_pair_marks_within_paragraphs():
    text = 'A "b" c “d”.\n\n"open'
    assert [text[a:b] for a, b in quote_ranges(text)] == ['"b"', "“d”", '"open']


def test_flags_frame_maps_p_numbers():
    flags = [Flag("spelling", 2, 10, 17, "Easterm", "not a word", "Eastern"),
             Flag("repeated_quote", 3, 30, 40, "We will go", "repeats", None, related_paragraph=1)]
    frame = flags_frame(flags, {1: 5, 2: 7, 3: 9})
    assert list(frame.columns[:3]) == ["kind", "paragraph", "p_number"]
    assert list(frame["p_number"]) == [7, 9]
    assert frame["related_p_number"].isna().tolist() == [True, False] and frame.at[1, "related_p_number"] == 5
    assert "p_number" not in flags_frame(flags).columns


def test_flags_frame_of_no_flags_has_the_columns():
    frame = flags_frame([], {1: 5})
    assert frame.empty and {"kind", "p_number", "related_p_number"} <= set(frame.columns)
