"""Country names to ISO 3166 alpha-3 codes, one way for the whole package.

Names come from pycountry (official, common and short names of current countries) plus the curated
aliases in ``data/reference/country_aliases.csv`` (everyday names pycountry lacks, such as
"Russia", "UAE" or the historic "Soviet Union"). ``resolve_country`` turns a place mention into a
country; ``country_names`` is the lookup table that mention scanners use.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pycountry

from .errors import ReferenceDataError
from .paths import REFERENCE
from .tables import read_rows

COUNTRY_ALIASES_FILE = REFERENCE / "country_aliases.csv"


def _known(code: str):
    return pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)


@lru_cache(maxsize=2)
def country_names(aliases_path: str | Path = COUNTRY_ALIASES_FILE) -> dict[str, str]:
    """Case-folded country name or alias -> ISO3 (pycountry's names, then the curated aliases)."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.casefold()] = country.alpha_3
    for row in read_rows(aliases_path, ("alias", "iso3", "note"), required=("alias", "iso3")):
        if _known(row["iso3"]) is None:
            raise ReferenceDataError(f"unknown ISO3 code {row['iso3']!r}", path=aliases_path, line=row.line, field="iso3")
        names[row["alias"].casefold()] = row["iso3"]
    return names


def country_name(code: str) -> str:
    """pycountry's name for an alpha-3 code; for a historic country the short form before its comma
    ("USSR, Union of Soviet Socialist Republics" -> "USSR"); the code itself if unknown."""
    if (current := pycountry.countries.get(alpha_3=code)) is not None:
        return current.name
    historic = pycountry.historic_countries.get(alpha_3=code)
    return historic.name.split(",")[0] if historic is not None else code


def resolve_country(text: str, names: dict[str, tuple[str, str]] | None = None) -> tuple[str, str] | None:
    """Map a place mention to ``(country, iso3)``, or ``None`` when nothing fits.

    Tried in order, after dropping a leading "the": ``names`` (e.g. a curated table's own spellings,
    lower-cased), the package's names and aliases (case-insensitive), then pycountry's fuzzy search,
    accepted only when exactly one country's name starts with the text ("Kyrgyz Republic" ->
    Kyrgyzstan, but not "Washington" -> United States).
    """
    key = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    if names and key.lower() in names:
        return names[key.lower()]
    code = country_names().get(key.casefold())
    if code is not None:
        return country_name(code), code
    try:
        candidates = pycountry.countries.search_fuzzy(key)
    except LookupError:
        return None
    prefix = [
        c for c in candidates
        if any(getattr(c, a, "").lower().startswith(key.lower()) for a in ("name", "common_name", "official_name"))
    ]
    return (prefix[0].name, prefix[0].alpha_3) if len(prefix) == 1 else None
