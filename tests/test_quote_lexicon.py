"""The cue lexicon and the speaker lexicon: validation, and channels only where the text states one."""
from __future__ import annotations

import pytest

from analysis.errors import ReferenceDataError
from analysis.quotes import load_cues
from analysis.quotes.lexicon import load_speaker_lexicon
from statement_cases import one


def test_speaker_lexicon_loads_and_validates(tmp_path):
    lexicon = load_speaker_lexicon()
    assert "minister" in lexicon.roles and lexicon.gender["spokeswoman"] == "f"
    assert "guild" in lexicon.organisations["union"] and "official" in lexicon.unnamed
    bad = tmp_path / "speakers.csv"
    bad.write_text("type,word,value,note\ngender,mr,m,\ngender,ms,x,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        load_speaker_lexicon(bad)
    assert (err.value.line, err.value.field) == (3, "value")
    bad.write_text("type,word,value,note\norganisation,union,,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="name words"):
        load_speaker_lexicon(bad)


def test_the_word_lists_of_round_two(tmp_path):
    good = tmp_path / "speakers.csv"
    good.write_text("type,word,value,note\nplace,mount,first,\nplace,street,,\ndemonym,pole,,\ngroup,pair,,\n"
                    "calendar,march,,\nrole,sen,senator,\n", encoding="utf-8")
    lexicon = load_speaker_lexicon(good)
    assert (lexicon.places, lexicon.place_first) == ({"mount", "street"}, {"mount"})
    assert (lexicon.demonyms, lexicon.group_nouns, lexicon.calendar) == ({"pole"}, {"pair"}, {"march"})
    assert lexicon.role_class["sen"] == "senator"
    good.write_text("type,word,value,note\nplace,mount,last,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        load_speaker_lexicon(good)
    assert (err.value.line, err.value.field) == (2, "value")


def test_cue_lexicon_validation(tmp_path):
    good = load_cues()
    assert "say" in good.verbs and ("according", "to") in good.phrases
    bad = tmp_path / "cues.csv"
    bad.write_text("type,pattern,channel,note\nverb,say,,\nadverb,said,,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        load_cues(bad)
    assert err.value.line == 3 and err.value.field == "type"
    bad.write_text("type,pattern,channel,note\nchannel,(unclosed,phone call,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="regular expression"):
        load_cues(bad)


@pytest.mark.parametrize("text, channel", [
    ('"We are not there yet," a senior official said, speaking on condition of anonymity.', None),
    ('In a post on X, Netanyahu wrote: "Welcome, Kazakhstan!"', "social media post"),
    ('"It is a historic day," Foreign Minister Gideon Sa\'ar said in a statement on Friday.', "written statement"),
    ('"A good talk," Ann Lee said after a phone call with her counterpart.', "phone call"),
])
def test_channel_only_when_the_text_states_it(nlp, text, channel):
    assert one(text, nlp)["channel"] == channel


def test_vessel_nouns_and_agent_endings_load_as_their_own_lists(tmp_path):
    path = tmp_path / "speakers.csv"
    path.write_text("type,word,value,note\nvessel,trawler,,\nagent_suffix,ator,,\nrole,minister,,\n", encoding="utf-8")
    lexicon = load_speaker_lexicon(path)
    assert lexicon.vessels == frozenset({"trawler"}) and lexicon.agent_suffixes == ("ator",)
    assert "trawler" not in lexicon.roles and "ator" not in lexicon.roles


def test_appended_rows_extend_an_organisation_or_give_a_role_its_class(tmp_path):
    path = tmp_path / "speakers.csv"
    path.write_text("type,word,value,note\norganisation,union,union|guild,\nrole,skipper,,\nrole,captain,player,\n"
                    "organisation,union,alliance,\nrole,skipper,captain,\n", encoding="utf-8")
    lexicon = load_speaker_lexicon(path)
    assert lexicon.organisations["union"] == frozenset({"union", "guild", "alliance"})
    assert lexicon.role_class["skipper"] == "captain"
    path.write_text("type,word,value,note\nrole,captain,player,\nrole,captain,leader,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="duplicate") as err:  # a class is given once, never changed
        load_speaker_lexicon(path)
    assert err.value.line == 3


def test_an_inner_particle_loads_apart_and_needs_its_value(tmp_path):
    path = tmp_path / "speakers.csv"
    path.write_text("type,word,value,note\nparticle,mac,,\nparticle,an,inner,\n", encoding="utf-8")
    lexicon = load_speaker_lexicon(path)
    assert lexicon.particles == frozenset({"mac"}) and lexicon.inner_particles == frozenset({"an"})
    path.write_text("type,word,value,note\nparticle,an,first,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="inner"):
        load_speaker_lexicon(path)


@pytest.mark.parametrize("value", ["", "13", "19-13", "teen"])
def test_an_age_noun_needs_a_range_of_years(tmp_path, value):
    path = tmp_path / "speakers.csv"
    path.write_text("type,word,value,note\nage,teenager,13-19,\nage,octogenarian,80-89,\n", encoding="utf-8")
    assert load_speaker_lexicon(path).ages == {"teenager": (13, 19), "octogenarian": (80, 89)}
    path.write_text(f"type,word,value,note\nrole,chair,,\nage,teenager,{value},\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        load_speaker_lexicon(path)
    assert (err.value.line, err.value.field) == (3, "value")


def test_kinship_rows_give_the_inverse_nouns(tmp_path):
    good = tmp_path / "speakers.csv"
    good.write_text("type,word,value,note\nkin,aunt,niece|nephew,\n", encoding="utf-8")
    assert load_speaker_lexicon(good).kin["aunt"] == frozenset({"niece", "nephew"})
    good.write_text("type,word,value,note\nrole,aunt,,\nkin,aunt,,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        load_speaker_lexicon(good)
    assert (err.value.line, err.value.field) == (3, "value")
