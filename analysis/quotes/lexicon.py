"""The word lists of attribution, read from ``data/reference/`` (documented in its README).

- ``quote_cues.csv``: reporting verbs, multi-word cues, relay verbs and cue nouns, channel hints,
  scare-quote and title triggers (:class:`CueLexicon`);
- ``speaker_lexicon.csv``: role nouns, gender cues, organisation descriptions and the heads of
  unnamed sources (:class:`SpeakerLexicon`), used by the document model.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReferenceDataError
from ..paths import REFERENCE
from ..tables import read_rows

CUES_FILE = REFERENCE / "quote_cues.csv"
CUE_TYPES = frozenset({"verb", "phrase", "relay", "noun", "channel", "scare", "title", "phrasal", "document_verb"})
SPEAKER_FILE = REFERENCE / "speaker_lexicon.csv"
SPEAKER_TYPES = frozenset({"kin", "role", "modifier", "role_verb", "gender", "organisation", "unnamed", "relay", "postnominal",
                           "place", "calendar", "demonym", "group", "particle", "thing", "platform", "vessel", "agent_suffix",
                           "age"})
GENDERS = frozenset({"f", "m"})


@dataclass(frozen=True)
class CueLexicon:
    """The reporting verbs, multi-word cues, channel hints and scare/title triggers."""

    verbs: Mapping[str, str | None]
    phrases: tuple[tuple[str, ...], ...]
    channels: tuple[tuple[re.Pattern[str], str], ...]
    scare: tuple[tuple[str, ...], ...]
    titles: tuple[tuple[str, ...], ...]
    relays: frozenset[str] = frozenset()  # verbs whose object is the speaker ("quoted her as saying")
    nouns: frozenset[str] = frozenset()  # nouns that carry an attribution ("X's statement")
    phrasal: frozenset[tuple[str, str]] = frozenset()  # (verb lemma, particle) that report only together ("shot back")
    document_verbs: frozenset[str] = frozenset()  # verbs that report only with a statement as subject ("the letter read")


def load_cues(path: str | Path = CUES_FILE) -> CueLexicon:
    """Load and validate ``quote_cues.csv`` (type, pattern, channel, note)."""
    rows = read_rows(path, ("type", "pattern", "channel", "note"), required=("type", "pattern"))
    verbs: dict[str, str | None] = {}
    phrases, channels, scare, titles = [], [], [], []
    relays: set[str] = set()
    nouns: set[str] = set()
    phrasal: set[tuple[str, str]] = set()
    document_verbs: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for row in rows:
        line, kind, pattern = row.line, row["type"], row["pattern"]
        if kind not in CUE_TYPES:
            raise ReferenceDataError(f"unknown cue type {kind!r} (expected one of {sorted(CUE_TYPES)})", path=path, line=line, field="type")
        if (kind, pattern) in seen:
            raise ReferenceDataError(f"duplicate {kind} entry {pattern!r}", path=path, line=line, field="pattern")
        seen.add((kind, pattern))
        if kind == "phrasal":
            parts = pattern.split()
            if len(parts) != 2 or pattern != pattern.lower():
                raise ReferenceDataError("a phrasal cue is a lower-case verb lemma and its particle", path=path, line=line,
                                         field="pattern")
            phrasal.add((parts[0], parts[1]))
        elif kind in ("verb", "relay", "noun", "document_verb"):
            if " " in pattern or pattern != pattern.lower():
                raise ReferenceDataError(f"a {kind} cue is one lower-case lemma", path=path, line=line, field="pattern")
            if kind == "verb":
                verbs[pattern] = row["channel"] or None
            elif kind == "document_verb":
                document_verbs.add(pattern)
            else:
                (relays if kind == "relay" else nouns).add(pattern)
        elif kind == "channel":
            if not row["channel"]:
                raise ReferenceDataError("a channel hint needs a channel", path=path, line=line, field="channel")
            try:
                channels.append((re.compile(pattern, re.IGNORECASE), row["channel"]))
            except re.error as exc:
                raise ReferenceDataError(f"bad regular expression: {exc}", path=path, line=line, field="pattern") from None
        else:
            words = tuple(pattern.lower().split())
            {"phrase": phrases, "scare": scare, "title": titles}[kind].append(words)
    return CueLexicon(verbs, tuple(phrases), tuple(channels), tuple(scare), tuple(titles), frozenset(relays), frozenset(nouns),
                      frozenset(phrasal), frozenset(document_verbs))


@dataclass(frozen=True)
class SpeakerLexicon:
    """Words the document model uses to describe people and organisations."""

    roles: frozenset[str]  # role nouns: "the minister" refers back to a person with that role
    gender: Mapping[str, str]  # honorifics, gendered role nouns and pronouns -> "f" / "m"
    organisations: Mapping[str, frozenset[str]]  # "the union" -> words an organisation's name may have
    unnamed: frozenset[str]  # heads of unnamed sources ("a source", "officials")
    role_class: Mapping[str, str] = field(default_factory=dict)  # role -> class ("leader" ~ "secretary": head)
    modifiers: frozenset[str] = frozenset()  # role modifiers a description must match ("deputy", "vice")
    role_verbs: Mapping[str, str] = field(default_factory=dict)  # "who chairs the board" -> chair
    relays: frozenset[str] = frozenset()  # "his office said": the possessor speaks
    postnominal: frozenset[str] = frozenset()  # letters after a name ("KC", "MP")
    places: frozenset[str] = frozenset()  # words of place names and place nouns ("Mount", "Street", "village")
    calendar: frozenset[str] = frozenset()  # month and day names: capitalised, never a name ("March", "Friday")
    demonyms: frozenset[str] = frozenset()  # nationality nouns: "the Pole said" describes a person
    group_nouns: frozenset[str] = frozenset()  # nouns for people named together: "the pair", "the duo"
    place_first: frozenset[str] = frozenset()  # place words that head a name from its front ("Mount Aravel")
    particles: frozenset[str] = frozenset()  # small words inside names ("van", "al", "ap", "Ó"): never a short name alone
    things: frozenset[str] = frozenset()  # last words of names of laws and agreements ("Act", "Treaty"): never a speaker
    platforms: frozenset[str] = frozenset()  # social and messaging platforms ("Instagram"): companies, never a he or she
    agent_suffixes: tuple[str, ...] = ()  # endings of nouns for what people do ("-ator": "Irrigator X Y" is a role)
    vessels: frozenset[str] = frozenset()  # nouns for ships and boats: "the trawler Northern X" names a thing, not a speaker
    derived_agent_suffixes: tuple[str, ...] = ()  # "-or", "-ist": a person noun when what precedes is an English noun ("surveyor")
    inner_particles: frozenset[str] = frozenset()  # a particle only right after another ("an" of "Mac an Bhaird"), never alone
    ages: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # "teenager" -> (13, 19): a person by age
    kin: Mapping[str, frozenset[str]] = field(default_factory=dict)  # "father" -> {"son", "daughter", "child"}: the inverse


def load_speaker_lexicon(path: str | Path = SPEAKER_FILE) -> SpeakerLexicon:
    """Load and validate ``speaker_lexicon.csv`` (type, word, value, note)."""
    rows = read_rows(path, ("type", "word", "value", "note"), required=("type", "word"))
    roles: set[str] = set()
    unnamed: set[str] = set()
    modifiers: set[str] = set()
    relays: set[str] = set()
    postnominal: set[str] = set()
    places: set[str] = set()
    calendar: set[str] = set()
    place_first: set[str] = set()
    demonyms: set[str] = set()
    group_nouns: set[str] = set()
    particles: set[str] = set()
    things: set[str] = set()
    platforms: set[str] = set()
    vessels: set[str] = set()
    agent_suffixes: set[str] = set()
    derived_agent_suffixes: set[str] = set()
    inner_particles: set[str] = set()
    role_class: dict[str, str] = {}
    role_verbs: dict[str, str] = {}
    gender: dict[str, str] = {}
    ages: dict[str, tuple[int, int]] = {}
    kin: dict[str, frozenset[str]] = {}
    organisations: dict[str, frozenset[str]] = {}
    seen: set[tuple[str, str]] = set()
    for row in rows:
        line, kind, word, value = row.line, row["type"], row["word"], row["value"]
        if kind not in SPEAKER_TYPES:
            raise ReferenceDataError(f"unknown type {kind!r} (expected one of {sorted(SPEAKER_TYPES)})", path=path, line=line, field="type")
        if word != word.lower() or " " in word:
            raise ReferenceDataError("a word is one lower-case word", path=path, line=line, field="word")
        extends = (kind == "organisation" and word in organisations) or (
            kind == "role" and word in roles and value and word not in role_class)
        if (kind, word) in seen and not extends:  # a later row may only add name words, or a class to a role without one
            raise ReferenceDataError(f"duplicate {kind} entry {word!r}", path=path, line=line, field="word")
        seen.add((kind, word))
        if kind == "gender":
            if value not in GENDERS:
                raise ReferenceDataError(f"gender must be one of {sorted(GENDERS)}", path=path, line=line, field="value")
            gender[word] = value
        elif kind == "organisation":
            words = frozenset(w.strip() for w in value.split("|") if w.strip())
            if not words:
                raise ReferenceDataError("an organisation description needs the name words it matches", path=path, line=line, field="value")
            organisations[word] = organisations.get(word, frozenset()) | words  # appended rows add name words
        elif kind == "role_verb":
            if not value:
                raise ReferenceDataError("a role verb needs the role it gives", path=path, line=line, field="value")
            role_verbs[word] = value
        elif kind == "place" and value:
            if value != "first":
                raise ReferenceDataError("a place word's value is empty or 'first'", path=path, line=line, field="value")
            places.add(word)
            place_first.add(word)
        elif kind == "agent_suffix" and value:
            if value != "derived":
                raise ReferenceDataError("an agent suffix's value is empty or 'derived'", path=path, line=line, field="value")
            derived_agent_suffixes.add(word)
        elif kind == "particle" and value:
            if value != "inner":
                raise ReferenceDataError("a particle's value is empty or 'inner'", path=path, line=line, field="value")
            inner_particles.add(word)
        elif kind == "age":
            low, _, high = (value or "").partition("-")
            if not (low.isdigit() and high.isdigit() and int(low) <= int(high)):
                raise ReferenceDataError("an age noun's value is a range of years such as 13-19", path=path, line=line,
                                         field="value")
            ages[word] = (int(low), int(high))
        elif kind == "kin":
            inverse = frozenset(w.strip() for w in (value or "").split("|") if w.strip())
            if not inverse:
                raise ReferenceDataError("a kinship noun needs its inverse nouns", path=path, line=line, field="value")
            kin[word] = inverse
        elif kind == "role":
            roles.add(word)
            if value:
                role_class[word] = value
        else:
            {"unnamed": unnamed, "modifier": modifiers, "relay": relays, "postnominal": postnominal,
             "place": places, "calendar": calendar, "demonym": demonyms, "group": group_nouns,
             "particle": particles, "thing": things, "platform": platforms, "vessel": vessels,
             "agent_suffix": agent_suffixes}[kind].add(word)
    return SpeakerLexicon(frozenset(roles), gender, organisations, frozenset(unnamed), role_class, frozenset(modifiers),
                          role_verbs, frozenset(relays), frozenset(postnominal), frozenset(places), frozenset(calendar),
                          frozenset(demonyms), frozenset(group_nouns), frozenset(place_first), frozenset(particles),
                          frozenset(things), frozenset(platforms), tuple(sorted(agent_suffixes)), frozenset(vessels),
                          tuple(sorted(derived_agent_suffixes)), frozenset(inner_particles), ages, kin)


__all__ = ["CUES_FILE", "CUE_TYPES", "CueLexicon", "load_cues", "SPEAKER_FILE", "SpeakerLexicon", "load_speaker_lexicon"]
