"""Country resolution: curated spellings first, then names and aliases, then a cautious fuzzy match."""
from __future__ import annotations

import pytest

from analysis.countries import country_name, country_names, resolve_country
from analysis.errors import ReferenceDataError


def test_resolve_country():
    names = {"united arab emirates": ("United Arab Emirates", "ARE")}
    assert resolve_country("the United Arab Emirates", names) == ("United Arab Emirates", "ARE")
    assert resolve_country("Russia") == ("Russian Federation", "RUS")
    assert resolve_country("the US") == ("United States", "USA")
    assert resolve_country("Kyrgyz Republic")[1] == "KGZ"
    assert resolve_country("the Soviet union") == ("USSR", "SUN")
    assert resolve_country("Washington") is None  # a city, not a country prefix
    assert resolve_country("Atlantis") is None


def test_country_name_of_historic_and_unknown_codes():
    assert country_name("KAZ") == "Kazakhstan"
    assert country_name("SUN") == "USSR"
    assert country_name("XKX") == "XKX"


def test_aliases_file_is_validated(write_file):
    with pytest.raises(ReferenceDataError, match="unknown ISO3 code 'ZZZ'") as info:
        country_names(write_file("alias,iso3,note\nNarnia,ZZZ,\n", "aliases.csv"))
    assert (info.value.line, info.value.field) == (2, "iso3")
