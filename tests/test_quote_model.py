"""The document model: one entity per referent, with the roles and gender the text gives it."""
from __future__ import annotations

import pytest

from analysis.quotes.model import DocumentModel, name_key


@pytest.fixture(scope="module")
def build(nlp):
    component = nlp.get_pipe("quotes")

    def build(text: str) -> DocumentModel:
        doc = nlp(text)
        return DocumentModel(doc, component.lexicon, component.titles, [False] * len(doc))

    return build


def by_name(model: DocumentModel) -> dict:
    return {e.name: e for e in model.entities}


def test_name_keys_treat_both_apostrophes_alike():
    assert name_key("O\u2019Neill") == name_key("O'Neill") == "o'neill"
    assert name_key("Pires's") == "pires"


def test_full_short_and_first_names_are_one_person(build):
    model = build("Transport Minister Ana Pires opened the bridge. Pires spoke. Later Ana waved.")
    people = [e for e in model.entities if e.kind == "person"]
    assert [p.name for p in people] == ["Ana Pires"]
    assert len(people[0].mentions) == 3 and "minister" in people[0].roles


def test_roles_from_appositions_and_titles(build):
    entities = by_name(build("Rui Costa, the union leader, spoke. The spokeswoman, Ines Valle, replied."))
    assert "leader" in entities["Rui Costa"].roles
    assert entities["Ines Valle"].gender == "f" and "spokeswoman" in entities["Ines Valle"].roles


def test_gender_from_honorifics_and_pronouns(build):
    entities = by_name(build("Mr Tom Vale arrived. Ana Lind said her plan was ready."))
    assert entities["Tom Vale"].gender == "m" and entities["Ana Lind"].gender == "f"


def test_organisations_places_and_dates(build):
    entities = by_name(build("The Dockers' Guild met in Lisbon on Monday. The Ministry of Transport agreed."))
    assert entities["Dockers' Guild"].kind == "organisation"
    assert entities["Ministry of Transport"].kind == "organisation"
    assert "Monday" not in entities
    assert entities.get("Lisbon") is None or entities["Lisbon"].kind == "place"


def test_descriptions_find_their_entity(build):
    model = build("The Federation of Bakers struck. Its chair, Rui Costa, spoke. Minister Ana Pires replied.")
    assert model.organisation_for("union", 10**6).name == "Federation of Bakers"
    assert model.with_role(["minister"], 10**6).name == "Ana Pires"
    assert model.with_role(["governor"], 10**6) is None
