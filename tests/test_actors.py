"""The stakeholder registry: validation and mention -> actor linking."""
from __future__ import annotations

import pytest

from analysis.actors import ACTORS_FILE, ActorRegistry, actors_frame, load_actors, load_registry, load_titles
from analysis.errors import ReferenceDataError

HEADER = "actor_id,name,aliases,title,role,organisation,country,actor_type,source,note\n"
ROW = "ann-lee,Ann Lee,Lee,Minister,Minister of Ports,Government of Chile,CHL,person,https://example.org/a,\n"


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return load_registry()


def test_registry_loads_with_sources(registry):
    assert len(registry.actors) >= 8
    assert all(a.source.startswith("https://") for a in registry.actors)
    frame = actors_frame(registry)
    assert list(frame.columns)[:3] == ["actor_id", "name", "aliases"] and frame["actor_id"].is_unique


@pytest.mark.parametrize("mention, actor_id", [
    ("Trump", "donald-trump"),
    ("US President Donald Trump", "donald-trump"),
    ("President Trump", "donald-trump"),
    ("Deputy Secretary Landau", "christopher-landau"),
    ("Senator Jim Risch", "jim-risch"),
    ("Secretary of State Marco Rubio", "marco-rubio"),
    ("Israel's Prime Minister Benjamin Netanyahu", "benjamin-netanyahu"),
    ("Senator Daines", "steve-daines"),
])
def test_link_strips_titles_and_matches_surnames(registry, mention, actor_id):
    assert registry.link(mention).actor_id == actor_id


@pytest.mark.parametrize("mention", ["Melania Trump", "He", "the spokesman", "", None, "Senator Smith"])
def test_link_never_guesses(registry, mention):
    assert registry.link(mention) is None


def test_ambiguous_surname_does_not_link(tmp_path):
    path = tmp_path / "actors.csv"
    ann = ROW.replace("ann-lee,Ann Lee,Lee", "ann-lee,Ann Lee,")
    path.write_text(HEADER + ann + ann.replace("ann-lee,Ann Lee", "bo-lee,Bo Lee"), encoding="utf-8")
    registry = ActorRegistry(load_actors(path), load_titles())
    assert registry.link("Minister Lee") is None and registry.link("Bo Lee").actor_id == "bo-lee"


@pytest.mark.parametrize("row, line, field", [
    (ROW.replace("CHL", "XXX"), 2, "country"),
    (ROW.replace(",person,", ",robot,"), 2, "actor_type"),
    (ROW.replace("https://example.org/a", "example.org"), 2, "source"),
    (ROW.replace("ann-lee", "Ann Lee!"), 2, "actor_id"),
    (ROW.replace("Government of Chile", ""), 2, "organisation"),
    (ROW + ROW.replace("ann-lee,Ann Lee", "ann-li,Ann Li"), 3, "aliases"),
])
def test_bad_rows_name_file_row_and_column(tmp_path, row, line, field):
    path = tmp_path / "actors.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        load_actors(path)
    assert (err.value.path, err.value.line, err.value.field) == (path, line, field)
    assert str(path) in str(err.value)


def test_missing_column_and_missing_file(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(HEADER.replace(",source", ""), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="missing column"):
        load_actors(path)
    with pytest.raises(ReferenceDataError, match="not found"):
        load_actors(tmp_path / "nope.csv")


def test_committed_table_is_valid():
    assert {a.actor_id for a in load_actors(ACTORS_FILE)} >= {"donald-trump", "christopher-landau", "jim-risch"}
