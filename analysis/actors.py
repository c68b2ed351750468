"""The stakeholder registry (``data/reference/actors.csv``) and mention -> actor linking.

A mention such as "Deputy Secretary Landau" or "US President Donald Trump" is linked by stripping
leading titles, qualifiers and nationality words (``data/reference/titles.csv``) and matching what
is left against each actor's name and aliases; a lone surname links when exactly one actor has it.
A mention that does not link keeps its surface form: the registry never guesses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from .errors import ReferenceDataError
from .paths import REFERENCE
from .tables import read_rows, source_urls

ACTORS_FILE = REFERENCE / "actors.csv"
TITLES_FILE = REFERENCE / "titles.csv"
ACTOR_COLUMNS = (
    "actor_id", "name", "aliases", "title", "role", "organisation", "country", "actor_type", "source", "note",
)
ACTOR_TYPES = frozenset({"person", "organisation"})
TITLE_TYPES = frozenset({"office", "honorific", "qualifier", "nationality"})
ALIAS_SEPARATOR = " | "
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


@dataclass(frozen=True)
class Actor:
    """One stakeholder: a person or an organisation that can be quoted."""

    actor_id: str
    name: str
    aliases: tuple[str, ...]
    title: str
    role: str
    organisation: str
    country: str
    actor_type: str
    source: str
    note: str = ""

    @property
    def surname(self) -> str:
        """Last word of the canonical name (the usual short reference in news text)."""
        return self.name.split()[-1]


def _valid_country(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None or pycountry.historic_countries.get(alpha_3=code) is not None


def load_actors(path: str | Path = ACTORS_FILE) -> tuple[Actor, ...]:
    """Load and validate the actors table (ids, types, ISO3 countries, sources, unique aliases)."""
    rows = read_rows(path, ACTOR_COLUMNS, required=("actor_id", "name", "organisation", "country", "actor_type", "source"))
    actors: list[Actor] = []
    owner: dict[str, str] = {}
    for row in rows:
        line = row.line
        if not _ID.match(row["actor_id"]):
            raise ReferenceDataError(f"actor_id {row['actor_id']!r} must be lower-case-hyphenated", path=path, line=line, field="actor_id")
        if row["actor_type"] not in ACTOR_TYPES:
            raise ReferenceDataError(
                f"unknown actor_type {row['actor_type']!r} (expected one of {sorted(ACTOR_TYPES)})", path=path, line=line, field="actor_type"
            )
        if not _valid_country(row["country"]):
            raise ReferenceDataError(f"unknown ISO3 country code {row['country']!r}", path=path, line=line, field="country")
        source_urls(row["source"], path=path, line=line)
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        for key in (row["name"], *aliases):
            folded = key.casefold()
            if folded in owner and owner[folded] != row["actor_id"]:
                raise ReferenceDataError(f"name or alias {key!r} already belongs to {owner[folded]}", path=path, line=line, field="aliases")
            owner[folded] = row["actor_id"]
        if row["actor_id"] in {a.actor_id for a in actors}:
            raise ReferenceDataError(f"duplicate actor_id {row['actor_id']!r}", path=path, line=line, field="actor_id")
        actors.append(Actor(**{k: row[k] for k in ACTOR_COLUMNS if k != "aliases"}, aliases=aliases))
    return tuple(actors)


def load_titles(path: str | Path = TITLES_FILE) -> tuple[str, ...]:
    """Titles, honorifics, qualifiers and nationality words, longest first (for prefix stripping)."""
    rows = read_rows(path, ("title", "type", "note"), required=("title", "type"))
    for row in rows:
        if row["type"] not in TITLE_TYPES:
            raise ReferenceDataError(f"unknown title type {row['type']!r}", path=path, line=row.line, field="type")
    return tuple(sorted({r["title"] for r in rows}, key=lambda t: (-len(t.split()), t)))


def _words(text: str) -> list[str]:
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    return [_POSSESSIVE.sub("", w) if i < len(words) - 1 else w for i, w in enumerate(words)]


class ActorRegistry:
    """Look up actors by id and link free-text mentions to them."""

    def __init__(self, actors: tuple[Actor, ...], titles: tuple[str, ...] = ()) -> None:
        self.actors = actors
        self.by_id = {a.actor_id: a for a in actors}
        self._names: dict[str, Actor] = {}
        for actor in actors:
            for key in (actor.name, *actor.aliases):
                self._names[" ".join(key.casefold().split())] = actor
        self._titles = [t.casefold().split() for t in titles]
        surnames: dict[str, list[Actor]] = {}
        for actor in actors:
            if actor.actor_type == "person":
                surnames.setdefault(actor.surname.casefold(), []).append(actor)
        self._surnames = {k: v[0] for k, v in surnames.items() if len(v) == 1}

    def strip_titles(self, mention: str) -> str:
        """Remove leading titles/qualifiers/nationality words and a leading "the"."""
        words = _words(mention)
        changed = True
        while words and changed:
            changed = False
            low = [w.casefold() for w in words]
            if low[0] == "the":
                words, changed = words[1:], True
                continue
            for title in self._titles:
                if len(words) > len(title) and low[: len(title)] == title:
                    words, changed = words[len(title):], True
                    break
            else:
                if len(words) > 1 and _is_country_word(words[0]):
                    words, changed = words[1:], True
        return " ".join(words)

    def link(self, mention: str | None) -> Actor | None:
        """The actor a mention refers to, or None when it cannot be linked without guessing."""
        if not mention:
            return None
        key = " ".join(w.casefold() for w in _words(mention))
        if key in self._names:
            return self._names[key]
        rest = self.strip_titles(mention).casefold()
        if rest in self._names:
            return self._names[rest]
        if rest and len(rest.split()) == 1:
            return self._surnames.get(rest)
        return None


@lru_cache(maxsize=4096)
def _is_country_word(word: str) -> bool:
    """A leading "Israel's" / "Kazakhstan's" style qualifier (a country name, possessive stripped)."""
    try:
        pycountry.countries.lookup(word)
    except LookupError:
        return False
    return True


@lru_cache(maxsize=4)
def load_registry(actors_path: str | Path = ACTORS_FILE, titles_path: str | Path = TITLES_FILE) -> ActorRegistry:
    """The registry built from the curated tables (cached per pair of paths)."""
    return ActorRegistry(load_actors(actors_path), load_titles(titles_path))


def actors_frame(registry: ActorRegistry | None = None):
    """The registry as a DataFrame (one row per actor, aliases joined by " | ")."""
    import pandas as pd

    registry = registry or load_registry()
    rows = [{**a.__dict__, "aliases": ALIAS_SEPARATOR.join(a.aliases)} for a in registry.actors]
    return pd.DataFrame(rows, columns=list(ACTOR_COLUMNS))


__all__ = ["Actor", "ActorRegistry", "load_actors", "load_titles", "load_registry", "actors_frame"]
