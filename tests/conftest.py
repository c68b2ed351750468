"""Shared fixtures: the committed article, the project pipeline, and a writer for bad inputs."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from analysis.article import Article, load_article
from analysis.nlp import load_pipeline, parse_article


@pytest.fixture(scope="session")
def article() -> Article:
    return load_article()


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def doc(article, nlp):
    return parse_article(article, nlp)


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str | bytes, str], Path]:
    """Write text (UTF-8) or bytes to a file in tmp_path and return its path."""

    def write(content: str | bytes, name: str = "article.txt") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


def pytest_configure(config):
    """Unit tests draw figures headless; notebooks keep Jupyter's inline backend for their reports."""
    import matplotlib

    matplotlib.use("Agg")
