"""The development-set cache: reused only for the same texts, code, data and pipeline."""
from __future__ import annotations

import pandas as pd
import pytest
import spacy

from analysis.quotes.cache import cached_frames, fingerprint


def counting(frames: list[pd.DataFrame]):
    calls = []

    def compute() -> list[pd.DataFrame]:
        calls.append(1)
        return [f.copy() for f in frames]

    return compute, calls


@pytest.fixture
def frames() -> list[pd.DataFrame]:
    return [pd.DataFrame({"quote": ["We will win"], "speakers": [["Ana Pires", "Rui Costa"]]}),
            pd.DataFrame({"quote": pd.Series([], dtype=object)})]


def test_a_second_call_with_the_same_key_reads_the_entry_instead_of_computing(tmp_path, frames):
    compute, calls = counting(frames)
    first = cached_frames("devset", "k1", compute, tmp_path)
    second = cached_frames("devset", "k1", compute, tmp_path)
    assert len(calls) == 1
    for a, b in zip(second, frames, strict=True):
        pd.testing.assert_frame_equal(a, b)
    assert [list(f.columns) for f in first] == [list(f.columns) for f in second]


def test_a_new_key_computes_again_and_replaces_the_old_entry_of_its_kind_only(tmp_path, frames):
    compute, calls = counting(frames)
    cached_frames("devset", "k1", compute, tmp_path)
    cached_frames("other", "k1", compute, tmp_path)
    cached_frames("devset", "k2", compute, tmp_path)
    assert len(calls) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["devset-k2.pkl", "other-k1.pkl"]


def test_a_damaged_entry_is_computed_again_and_rewritten(tmp_path, frames):
    (tmp_path / "devset-k1.pkl").write_bytes(b"not a pickle")
    compute, calls = counting(frames)
    cached_frames("devset", "k1", compute, tmp_path)
    cached_frames("devset", "k1", compute, tmp_path)
    assert len(calls) == 1


def test_a_failing_computation_leaves_no_entry(tmp_path):
    def fails() -> list[pd.DataFrame]:
        raise RuntimeError("parser crashed")

    with pytest.raises(RuntimeError):
        cached_frames("devset", "k1", fails, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_key_changes_with_the_texts_and_with_the_pipeline():
    blank = spacy.blank("en")
    other = spacy.blank("en")
    other.add_pipe("sentencizer")
    key = fingerprint(["He said \u201cyes.\u201d"], blank)
    assert key == fingerprint(["He said \u201cyes.\u201d"], spacy.blank("en"))
    assert key != fingerprint(["He said \u201cno.\u201d"], blank)
    assert key != fingerprint(["He said \u201cyes.\u201d", ""], blank)
    assert key != fingerprint(["He said \u201cyes.\u201d"], other)


def test_the_key_changes_with_any_reference_file(tmp_path, monkeypatch):
    import analysis.quotes.cache as cache

    monkeypatch.setattr(cache, "REFERENCE", tmp_path)
    (tmp_path / "titles.csv").write_text("title\nMinister\n", encoding="utf-8")
    blank = spacy.blank("en")
    before = fingerprint(["text"], blank)
    (tmp_path / "titles.csv").write_text("title\nMinister\nCr\n", encoding="utf-8")
    assert fingerprint(["text"], blank) != before


def test_predict_cases_gives_the_same_tables_from_the_cache_as_from_the_pipeline(tmp_path, monkeypatch, nlp):
    import analysis.quotes.cache as cache
    from analysis.quotes.evaluate import predict_cases

    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path)
    cases = [{"text": "\u201cWe will not sign,\u201d the minister said.\n\nShe left."},
             {"text": "No quotation here."}]
    fresh = predict_cases(cases, nlp)
    stored = predict_cases(cases, nlp, cache=True)
    reread = predict_cases(cases, nlp, cache=True)
    assert len(list(tmp_path.glob("devset-*.pkl"))) == 1
    for a, b, c in zip(fresh, stored, reread, strict=True):
        pd.testing.assert_frame_equal(a, b)
        pd.testing.assert_frame_equal(a, c)
    assert len(fresh[0]) == 1 and fresh[1].empty
