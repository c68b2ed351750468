"""Annotate quotations: themes, countries and people mentioned, rhetorical markers, speaker facts.

- Themes come from an editable lexicon, ``data/reference/themes.csv`` (theme, term, note): a term
  is a lower-case word or phrase matched on word boundaries; a trailing ``*`` matches any ending.
- Countries: names and aliases (pycountry plus ``data/reference/country_aliases.csv``) found in
  the quotation, as ISO3 codes; a match inside a PERSON entity is ignored.
- People: PERSON entities and registry names/aliases in the quotation, linked to canonical names.
- Rhetoric: first-person words, superlatives (tags JJS/RBS), all-capitals words (runs of two or
  more, or single words of five letters or more outside entities), exclamation marks.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc, Span

from .actors import ActorRegistry, load_registry
from .countries import COUNTRY_ALIASES_FILE, country_names
from .errors import ReferenceDataError
from .paths import REFERENCE
from .tables import read_rows
from .quotes import SPANS_KEY, statements_frame

THEMES_FILE = REFERENCE / "themes.csv"
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class ThemeLexicon:
    """Theme -> compiled patterns, in file order."""

    themes: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.themes]


def _term_pattern(term: str) -> re.Pattern[str]:
    stem = term[:-1] if term.endswith("*") else term
    body = r"\s+".join(re.escape(w) for w in stem.split())
    tail = r"[\w-]*" if term.endswith("*") else ""
    return re.compile(rf"(?<![\w-]){body}{tail}(?![\w+])", re.IGNORECASE)


def load_themes(path: str | Path = THEMES_FILE) -> ThemeLexicon:
    """Load and validate the theme lexicon (lower-case terms, no duplicate theme/term pairs)."""
    rows = read_rows(path, ("theme", "term", "note"), required=("theme", "term"))
    themes: dict[str, list[re.Pattern[str]]] = {}
    seen: set[tuple[str, str]] = set()
    for row in rows:
        line, theme, term = row.line, row["theme"], row["term"]
        if term != term.lower() or "*" in term[:-1]:
            raise ReferenceDataError("a term is lower case, with '*' only at its end", path=path, line=line, field="term")
        if (theme, term) in seen:
            raise ReferenceDataError(f"duplicate term {term!r} for theme {theme!r}", path=path, line=line, field="term")
        seen.add((theme, term))
        themes.setdefault(theme, []).append(_term_pattern(term))
    return ThemeLexicon(tuple((k, tuple(v)) for k, v in themes.items()))


def theme_hits(text: str, lexicon: ThemeLexicon) -> dict[str, int]:
    """Number of term matches per theme (themes without a match are left out)."""
    hits = {name: sum(len(p.findall(text)) for p in patterns) for name, patterns in lexicon.themes}
    return {k: v for k, v in hits.items() if v}


@lru_cache(maxsize=2)
def _country_regex(aliases_path: str | Path = COUNTRY_ALIASES_FILE) -> re.Pattern[str]:
    names = sorted(country_names(aliases_path), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)


def countries_in(span: Span | Doc) -> list[str]:
    """ISO3 codes of the countries named in ``span`` (capitalised, not inside a PERSON name)."""
    doc = span.doc if isinstance(span, Span) else span
    offset = span.start_char if isinstance(span, Span) else 0
    person = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start_char, ent.end_char)}
    codes = []
    for m in _country_regex().finditer(span.text):
        if m.group(0)[0].isupper() and offset + m.start() not in person:
            codes.append(country_names()[m.group(0).casefold()])
    return sorted(set(codes))


def people_in(span: Span | Doc, registry: ActorRegistry) -> list[str]:
    """Canonical names of the people named in ``span`` (registry links; else the entity text)."""
    text = span.text
    found = set()
    for ent in span.ents:
        if ent.label_ == "PERSON":
            actor = registry.link(ent.text)
            found.add(actor.name if actor else ent.text)
    for actor in registry.actors:
        if actor.actor_type != "person":
            continue
        for name in (actor.name, *actor.aliases):
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                found.add(actor.name)
                break
    return sorted(found)


def rhetoric(span: Span | Doc) -> dict[str, int]:
    """Counts of rhetorical markers in ``span``."""
    tokens = list(span)
    caps = [t.is_alpha and len(t) >= 2 and t.text.isupper() for t in tokens]
    in_ent = {t.i for ent in span.ents for t in ent}
    all_caps = 0
    for k, tok in enumerate(tokens):
        if not caps[k]:
            continue
        in_run = (k > 0 and caps[k - 1]) or (k + 1 < len(tokens) and caps[k + 1])
        if in_run or (len(tok) >= 5 and tok.i not in in_ent):
            all_caps += 1
    return {
        "first_person": sum(t.lower_ in FIRST_PERSON for t in tokens),
        "superlatives": sum(t.tag_ in ("JJS", "RBS") for t in tokens),
        "all_caps": all_caps,
        "exclamations": span.text.count("!"),
    }


ANNOTATION_COLUMNS = [
    "actor_role", "actor_organisation", "actor_country", "actor_type", "themes", "countries", "people",
    "first_person", "superlatives", "all_caps", "exclamations",
]


def annotate_statements(doc: Doc, registry: ActorRegistry | None = None, lexicon: ThemeLexicon | None = None) -> pd.DataFrame:
    """``statements_frame(doc)`` plus speaker facts from the registry, themes, mentions and rhetoric."""
    registry = registry or load_registry()
    lexicon = lexicon or load_themes()
    frame = statements_frame(doc)
    spans = {s._.quote_id: s for s in doc.spans.get(SPANS_KEY, [])}
    rows = []
    for quote_id, actor_id in zip(frame["quote_id"], frame["actor_id"]):
        span = spans[quote_id]
        actor = registry.by_id.get(actor_id) if actor_id else None
        rows.append({
            "actor_role": actor.role if actor else None,
            "actor_organisation": actor.organisation if actor else None,
            "actor_country": actor.country if actor else None,
            "actor_type": actor.actor_type if actor else None,
            "themes": LIST_SEPARATOR.join(theme_hits(span.text, lexicon)) or None,
            "countries": LIST_SEPARATOR.join(countries_in(span)) or None,
            "people": LIST_SEPARATOR.join(people_in(span, registry)) or None,
            **rhetoric(span),
        })
    extra = pd.DataFrame(rows, columns=ANNOTATION_COLUMNS, index=frame.index)
    for col in ANNOTATION_COLUMNS[:7]:
        extra[col] = extra[col].astype(object).where(extra[col].notna(), None)
    return pd.concat([frame, extra], axis=1)


def speaker_theme_matrix(statements: pd.DataFrame, themes: Iterable[str], *, skip_duplicates: bool = True) -> pd.DataFrame:
    """Statements per speaker (rows) and theme (columns); duplicates left out by default."""
    data = statements[statements["speaker"].notna()]
    if skip_duplicates:
        data = data[data["duplicate_of"].isna()]
    themes = list(themes)
    rows = {}
    for speaker, group in data.groupby("speaker", sort=True):
        listed = [set((t or "").split(LIST_SEPARATOR)) for t in group["themes"]]
        rows[speaker] = [sum(theme in s for s in listed) for theme in themes]
    return pd.DataFrame.from_dict(rows, orient="index", columns=themes).rename_axis("speaker")


def words_per_speaker(statements: pd.DataFrame) -> pd.DataFrame:
    """Words quoted per speaker: in first quotations and in repeats (duplicate_of set)."""
    data = statements[statements["speaker"].notna()].copy()
    data["part"] = data["duplicate_of"].notna().map({True: "repeated", False: "first quoted"})
    table = data.pivot_table(index="speaker", columns="part", values="words", aggfunc="sum", fill_value=0)
    for col in ("first quoted", "repeated"):
        if col not in table:
            table[col] = 0
    table = table[["first quoted", "repeated"]].astype(int)
    table["total"] = table.sum(axis=1)
    return table.sort_values(["total", "first quoted"], ascending=False).reset_index()


__all__ = [
    "ThemeLexicon", "load_themes", "theme_hits", "countries_in", "people_in", "rhetoric",
    "annotate_statements", "speaker_theme_matrix", "words_per_speaker", "ANNOTATION_COLUMNS",
]
