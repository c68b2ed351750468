"""Read a saved web page (``.html``/``.htm``): its main text and metadata, with trafilatura.

trafilatura (the maintained main-text extractor) drops navigation, scripts, styles, comments and
other page furniture and returns the article as plain text, one block element (paragraph, heading,
list item) per line, with the page's title, author, site name, canonical URL and dates from its
markup. It works on the bytes given: nothing is fetched, so it runs offline.

Everything returned is text: character references are decoded (``&lt;b&gt;`` becomes the five
characters ``<b>``), and no markup survives as markup. Dates come from htmldate (through
trafilatura): ``published`` is the page's original publication date, ``updated`` its latest
modification date as the markup states it (no search in the visible text, which names other days).
A date whose markup gives no time zone is kept as the day only.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ArticleFormatError
from .paths import REFERENCE

LAYOUT_FILE = REFERENCE / "article_layout.json"

#: strftime format asked of htmldate: the time and zone when the page states them.
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_ZONED = re.compile(r"[+-]\d{4}$")


@dataclass(frozen=True)
class Page:
    """What a saved page holds: its main text (the article) and metadata, all as plain text."""

    text: str
    title: str | None
    author: str | None
    sitename: str | None
    url: str | None
    published: str | None  # ISO 8601: a day, or a day and time with its UTC offset
    updated: str | None


def _date(value: str | None) -> str | None:
    """htmldate's answer, with a zone-less time cut back to the day it names."""
    if not value:
        return None
    return value if _ZONED.search(value) else value[:10]


@lru_cache(maxsize=1)
def _config() -> Any:
    """trafilatura's default settings, with the shortest main text that counts from the layout file."""
    from trafilatura.settings import use_config

    rules = json.loads(LAYOUT_FILE.read_text(encoding="utf-8"))["web_page"]
    config = use_config()
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", str(rules["min_text_chars"]))
    return config


def extract_page(data: bytes, path: str | Path) -> Page:
    """Extract the main text and metadata of a saved page; :class:`ArticleFormatError` when it has none."""
    import htmldate
    import trafilatura

    path = Path(path)
    for name in ("trafilatura", "htmldate", "courlan"):  # their "no main text" chatter is our error below
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:  # lxml, trafilatura and htmldate raise several types on broken input
        doc = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,  # reader comments are not the article
            config=_config(),
            date_extraction_params={"outputformat": DATE_FORMAT, "original_date": True, "extensive_search": True},
        )
        text = (doc.text or "") if doc is not None else ""
        updated = htmldate.find_date(data, original_date=False, extensive_search=False, outputformat=DATE_FORMAT)
    except Exception as err:  # noqa: BLE001
        raise ArticleFormatError(f"not a readable HTML page ({type(err).__name__}: {err})", path=path) from None
    if not text.strip():
        raise ArticleFormatError(
            "HTML with no main text: the extractor found no article body in the page "
            "(navigation, scripts and site text are not an article)", path=path, field="text"
        )
    published = _date(doc.date)
    updated = _date(updated)
    return Page(
        text=text,
        title=(doc.title or "").strip() or None,
        author=(doc.author or "").strip() or None,
        sitename=(doc.sitename or doc.hostname or "").strip() or None,
        url=(doc.url or "").strip() or None,
        published=published,
        updated=updated if updated and updated != published else None,
    )


__all__ = ["DATE_FORMAT", "Page", "extract_page"]
