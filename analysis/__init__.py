"""Loaders and extraction helpers for the accords research notebooks.

The most-used functions are available from the package itself (``analysis.load_article``,
``analysis.extract_statements``, ...); they are imported on first use so that ``import analysis``
stays cheap and does not load spaCy until it is needed.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

#: public name -> submodule that defines it
_EXPORTS: dict[str, str] = {
    "load_article": "article",
    "load_articles": "article",
    "load_pipeline": "nlp",
    "parse_article": "nlp",
    "quality_flags": "quality",
    "extract_statements": "quotes",
    "extract_statements_many": "quotes",
    "statements_frame": "quotes",
    "load_registry": "actors",
    "annotate_statements": "annotate",
    "load_events": "membership",
    "members_as_of": "membership",
    "cumulative_members": "membership",
    "status_table": "membership",
    "countries_named": "membership",
    "compare_with_members": "membership",
    "load_claims": "claims",
    "claims_table": "claims",
    "load_primary_statements": "fidelity",
    "fidelity_table": "fidelity",
    "extract_corpus": "corpus",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
