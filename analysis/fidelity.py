"""Quote fidelity: each quotation in the article against what its speaker actually said or wrote.

The primary texts are in ``data/reference/primary_statements.csv`` (one row per text or variant
wording; ``extent`` says whether it is a full passage or a fragment quoted by one source). For a
quotation and each primary text of its speaker:

1. Both are split into sentences and word tokens (case and punctuation kept for display, compared
   case-folded without punctuation).
2. Each quoted sentence is aligned with its best-matching window of the primary text
   (``difflib.SequenceMatcher`` on word tokens; the window is the densest cluster of matching
   blocks, so stray common words elsewhere do not stretch it).
3. The differences are classified (a quotation can carry several classes; ``main_class`` is the
   most serious, in the order of ``CLASSES``):

   - ``no_primary``: no primary text of the speaker matches the quotation;
   - ``reordered_or_stitched``: quoted sentences come from the primary in another order, or
     non-adjacent sentences are joined (the skipped sentences are reported); across quotations, a
     later quotation that comes earlier in the primary text is also reordered;
   - ``words_omitted``: primary words dropped inside the quotation without an ellipsis;
   - ``words_changed``: words replaced or added;
   - ``channel_misstated``: the article's cue says the words were spoken ("said") when the primary
     is written (a social media post), or the other way round (``data/reference/fidelity_rules.json``);
   - ``case_or_punctuation``: the same words, with different capitals or punctuation;
   - ``exact``: none of the above.

Quoted words before or after the primary excerpt (the excerpt starts or ends there) cannot be
checked and are reported as ``beyond_excerpt`` words, not as changes. Similarity is
2 x matched words / (quoted words + primary words in the windows), on the comparable part.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import AnalysisError
from .paths import REFERENCE
from .tables import read_rows, source_urls, table_error

PRIMARY_PATH: Path = REFERENCE / "primary_statements.csv"
RULES_PATH: Path = REFERENCE / "fidelity_rules.json"
PRIMARY_COLUMNS: tuple[str, ...] = (
    "statement_id", "speaker", "date", "channel", "venue", "passage", "variant", "extent", "text", "source", "note",
)
EXTENTS: tuple[str, ...] = ("full", "fragment")
#: Difference classes, most serious first (``main_class`` is the first that applies).
CLASSES: tuple[str, ...] = (
    "no_primary", "reordered_or_stitched", "words_omitted", "words_changed", "channel_misstated",
    "case_or_punctuation", "exact",
)

_TOKEN = re.compile(r"\w+(?:['\u2019\-\u2010]\w+)*|\.\.\.|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019]?\s+(?=[\"\u201c]?[A-Z0-9])")


# --------------------------------------------------------------------------------------------
# reference data


@lru_cache(maxsize=4)
def load_rules(path: str | Path = RULES_PATH) -> dict[str, Any]:
    """The channel vocabularies, cue words, ellipsis marks and relevance threshold."""
    rules = json.loads(Path(path).read_text(encoding="utf-8"))
    for key in ("written_channels", "spoken_channels", "speech_cues", "writing_cues", "ellipses"):
        rules[key] = frozenset(rules[key])
    return rules


def load_primary_statements(path: str | Path = PRIMARY_PATH, *, speakers: set[str] | None = None) -> pd.DataFrame:
    """Load and validate the primary statements; raise ReferenceDataError naming file, line, column.

    Rules: every column present; ``statement_id`` unique (lower-case words joined by hyphens);
    ``speaker``, ``channel``, ``venue``, ``variant``, ``text`` not empty; ``speaker`` one of
    ``speakers`` when given (e.g. the names in actors.csv); ``date`` a real YYYY-MM-DD day;
    ``passage`` a positive integer; ``extent`` full or fragment; ``source`` one or more URLs
    separated by " ; ". Returns the columns plus ``line`` (CSV line, header = 1).
    """
    path = Path(path)
    rows, seen = [], {}
    for record in read_rows(path, PRIMARY_COLUMNS, required=("speaker", "channel", "venue", "variant", "text")):
        row, line = record.values, record.line
        sid = row["statement_id"]
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", sid):
            raise table_error(f"bad statement_id {sid!r} (lower-case words joined by '-')", path, line, "statement_id")
        if sid in seen:
            raise table_error(f"duplicate statement_id {sid!r} (first at line {seen[sid]})", path, line, "statement_id")
        seen[sid] = line
        if speakers is not None and row["speaker"] not in speakers:
            raise table_error(f"unknown speaker {row['speaker']!r} (not in the actors registry)", path, line, "speaker")
        try:
            date.fromisoformat(row["date"])
        except ValueError:
            raise table_error(f"bad date {row['date']!r} (expected YYYY-MM-DD)", path, line, "date") from None
        if not row["passage"].isdigit() or int(row["passage"]) < 1:
            raise table_error(f"passage must be a positive integer, got {row['passage']!r}", path, line, "passage")
        if row["extent"] not in EXTENTS:
            raise table_error(f"unknown extent {row['extent']!r} (expected full or fragment)", path, line, "extent")
        source_urls(row["source"], path=path, line=line)
        rows.append({**row, "passage": int(row["passage"]), "line": line})
    return pd.DataFrame(rows)


#: The statements columns the fidelity check reads (notebook 03's table has more).
STATEMENT_KEYS: tuple[str, ...] = ("quote_id", "paragraph", "quote", "kind", "speaker", "cue", "channel", "duplicate_of")


def statements_for(doc: Any, path: str | Path) -> tuple[pd.DataFrame, str]:
    """The quotations of the article parsed as ``doc``, and where they came from, in words.

    Notebook 03's table at ``path`` when it exists and is about this article (every quotation's
    words are in ``doc.text``; an output folder reused for another article fails this), else the
    quotations the pipeline's ``quotes`` component found in ``doc``. A table at ``path`` without
    the columns of :data:`STATEMENT_KEYS` is an :class:`AnalysisError` naming file and column.
    """
    from .quotes import statements_frame

    path = Path(path)
    if path.exists():
        table = pd.read_csv(path)
        missing = [c for c in STATEMENT_KEYS if c not in table.columns]
        if missing:
            raise AnalysisError(f"the statements table lacks {', '.join(missing)}", path=path, line=1, field=missing[0])
        if table["quote"].astype(str).map(lambda q: q in doc.text).all():
            return table, f"from {path.name} (notebook 03)"
        reason = f"{path.name} is about another text; "
    else:
        reason = f"no {path.name} from notebook 03; "
    return statements_frame(doc), reason + "extracted here with the quotes component"


# --------------------------------------------------------------------------------------------
# tokens and sentences


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    word: bool
    sentence: int

    @property
    def norm(self) -> str:
        return self.text.casefold().replace("\u2019", "'").replace("\u2010", "-")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: a break after . ! ? followed by a capital or digit."""
    bounds, pos = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((pos, match.start()))
        pos = match.end()
    bounds.append((pos, len(text.rstrip())))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def tokenize(text: str) -> list[Token]:
    """Word and punctuation tokens with offsets and sentence numbers (0-based)."""
    tokens = []
    for number, (s, e) in enumerate(split_sentences(text)):
        for match in _TOKEN.finditer(text, s, e):
            tokens.append(Token(match.group(), match.start(), match.end(), match.group()[0].isalnum() or match.group()[0] == "_", number))
    return tokens


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.word]


# --------------------------------------------------------------------------------------------
# alignment of one quotation with one primary text


@dataclass
class Alignment:
    """A quotation aligned with one primary text."""

    windows: list[tuple[int, int] | None]  # per quoted sentence: primary word range [lo, hi)
    matched: int
    quote_words: int  # comparable quoted words (beyond-excerpt words excluded)
    primary_words: int  # primary words inside the windows
    beyond_excerpt: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    dropped: list[str] = field(default_factory=list)  # primary sentences skipped inside the quotation
    sentences: list[int] = field(default_factory=list)  # primary sentence numbers used, in quote order (1-based)

    @property
    def similarity(self) -> float:
        total = self.quote_words + self.primary_words
        return round(2 * self.matched / total, 4) if total else 0.0

    @property
    def span(self) -> tuple[int, int] | None:
        found = [w for w in self.windows if w]
        return (min(lo for lo, _ in found), max(hi for _, hi in found)) if found else None


def _window(qn: list[str], pn: list[str]) -> tuple[int, int] | None:
    """The primary word range best matching the quoted words (densest cluster of matching blocks)."""
    blocks = [b for b in SequenceMatcher(None, qn, pn, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None
    limit = max(4, len(qn))
    clusters, current = [], [blocks[0]]
    for block in blocks[1:]:
        prev = current[-1]
        if block.b - (prev.b + prev.size) <= limit and block.a - (prev.a + prev.size) <= limit:
            current.append(block)
        else:
            clusters.append(current)
            current = [block]
    clusters.append(current)
    best = max(clusters, key=lambda c: (sum(b.size for b in c), -c[0].b))
    # a lone word at either edge, far from the rest, is a stray match ("the", "of")
    while len(best) > 1 and best[0].size == 1 and best[1].b - (best[0].b + 1) > 3:
        best = best[1:]
    while len(best) > 1 and best[-1].size == 1 and best[-1].b - (best[-2].b + best[-2].size) > 3:
        best = best[:-1]
    return best[0].b, best[-1].b + best[-1].size


def _punct_between(tokens: list[Token], a: Token | None, b: Token | None) -> str:
    """The punctuation tokens between two word tokens (or after ``a`` to the sentence end)."""
    if a is None:
        return ""
    i = tokens.index(a) + 1
    out = []
    while i < len(tokens) and not tokens[i].word and (b is not None or tokens[i].sentence == a.sentence):
        out.append(tokens[i].text)
        i += 1
    return "".join(out)


def align(quote: str, primary: str, *, extent: str = "full", rules: dict[str, Any] | None = None) -> Alignment:
    """Align a quotation with a primary text and classify the differences (channel not included)."""
    rules = rules or load_rules()
    q_tokens, p_tokens = tokenize(quote), tokenize(primary)
    p_words = _words(p_tokens)
    pn = [t.norm for t in p_words]
    sentence_words = {}
    for i, t in enumerate(p_words):
        sentence_words.setdefault(t.sentence, []).append(i)
    result = Alignment(windows=[], matched=0, quote_words=0, primary_words=0)
    n_sentences = max(t.sentence for t in q_tokens) + 1 if q_tokens else 0
    for s in range(n_sentences):
        sent = [t for t in q_tokens if t.sentence == s]
        qw = _words(sent)
        if not qw:
            result.windows.append(None)
            continue
        qn = [t.norm for t in qw]
        window = _window(qn, pn)
        if window is None:
            result.windows.append(None)
            result.quote_words += len(qw)
            result.differences.append(f"not in the primary: {' '.join(t.text for t in qw)!r}")
            result.classes.add("words_changed")
            continue
        lo, hi = window
        ops = SequenceMatcher(None, qn, pn[lo:hi], autojunk=False).get_opcodes()
        # quoted words outside the window, at the sentence's edges ("delete" = only in the quotation)
        lead = ops[0][2] if ops and ops[0][0] == "delete" and ops[0][1] == 0 else 0
        trail = len(qn) - ops[-1][1] if ops and ops[-1][0] == "delete" and ops[-1][2] == len(qn) else 0
        result.windows.append((lo, hi))
        result.primary_words += hi - lo
        comparable = len(qw)
        for count, at_edge, where in ((lead, lo == 0, "before"), (trail, hi == len(pn), "after")):
            if not count:
                continue
            words = qw[:count] if where == "before" else qw[len(qw) - count:]
            text = " ".join(t.text for t in words)
            if extent == "fragment" or at_edge:
                result.beyond_excerpt.append(text)
                comparable -= count
            else:
                result.differences.append(f"added {where} the primary words: {text!r}")
                result.classes.add("words_changed")
        result.quote_words += comparable
        for tag, i1, i2, j1, j2 in ops:
            primary_words = " ".join(t.text for t in p_words[lo + j1:lo + j2])
            quoted_words = " ".join(t.text for t in qw[i1:i2])
            if tag == "equal":
                result.matched += i2 - i1
                for k in range(i2 - i1):
                    qt, pt = qw[i1 + k], p_words[lo + j1 + k]
                    if qt.text != pt.text:
                        result.differences.append(f"case: {pt.text!r} -> {qt.text!r}")
                        result.classes.add("case_or_punctuation")
                    q_next = qw[i1 + k + 1] if i1 + k + 1 < len(qw) else None
                    p_next = p_words[lo + j1 + k + 1] if lo + j1 + k + 1 < len(p_words) else None
                    if k == i2 - i1 - 1 and q_next is not None:
                        continue  # the next quoted word is not aligned with the next primary word
                    if q_next is None and p_next is None and extent == "fragment":
                        continue  # a fragment's end says nothing about the sentence's punctuation
                    q_p = _punct_between(q_tokens, qt, q_next)
                    p_p = _punct_between(p_tokens, pt, p_next if q_next is not None else None)
                    if q_p != p_p:
                        result.differences.append(f"punctuation after {qt.text!r}: {p_p or 'none'!r} -> {q_p or 'none'!r}")
                        result.classes.add("case_or_punctuation")
            elif tag == "delete":  # words only in the quotation
                if i1 == 0 or i2 == len(qn):
                    continue  # edge words, handled above
                result.differences.append(f"added: {quoted_words!r}")
                result.classes.add("words_changed")
            elif tag == "insert":  # primary words missing from the quotation
                gap = [t for t in sent if qw[i1 - 1].end <= t.start < qw[i1].start] if 0 < i1 < len(qw) else []
                if any(t.text in rules["ellipses"] for t in gap):
                    result.differences.append(f"omitted with an ellipsis: {primary_words!r}")
                else:
                    result.differences.append(f"omitted: {primary_words!r}")
                    result.classes.add("words_omitted")
            else:
                result.differences.append(f"changed: {primary_words!r} -> {quoted_words!r}")
                result.classes.add("words_changed")
    # between quoted sentences: order, skipped sentences, dropped words (an ellipsis makes a cut open)
    placed = [(s, w) for s, w in enumerate(result.windows) if w]
    found = [w for _, w in placed]
    for (s1, (lo1, hi1)), (s2, (lo2, hi2)) in zip(placed, placed[1:]):
        last = max(t.start for t in q_tokens if t.sentence == s1 and t.word)
        first = min(t.start for t in q_tokens if t.sentence == s2 and t.word)
        marked = any(last < t.start < first and t.text in rules["ellipses"] for t in q_tokens)
        if lo2 < hi1:
            result.classes.add("reordered_or_stitched")
            result.differences.append(f"sentence order differs: primary words {lo2}-{hi2} come before {lo1}-{hi1}")
        elif lo2 > hi1:
            skipped = [s for s, idx in sentence_words.items() if idx[0] >= hi1 and idx[-1] < lo2]
            cut = " ".join(_sentence_text(primary, p_tokens, s) for s in skipped) if skipped else \
                " ".join(t.text for t in p_words[hi1:lo2])
            if marked:
                result.differences.append(f"cut with an ellipsis: {cut!r}")
            elif skipped:
                result.dropped.append(cut)
                result.classes.add("reordered_or_stitched")
                result.differences.append(f"non-adjacent sentences joined; skipped: {cut!r}")
            else:
                result.classes.add("words_omitted")
                result.differences.append(f"omitted between sentences: {cut!r}")
    result.sentences = list(dict.fromkeys(p_words[lo].sentence + 1 for lo, _ in found))
    for lo, hi in found:
        for s in sorted({p_words[i].sentence + 1 for i in range(lo, hi)}):
            if s not in result.sentences:
                result.sentences.append(s)
    return result


def _sentence_text(text: str, tokens: list[Token], sentence: int) -> str:
    inside = [t for t in tokens if t.sentence == sentence]
    return text[inside[0].start:inside[-1].end]


# --------------------------------------------------------------------------------------------
# channel


def channel_misstated(cue: str | None, article_channel: str | None, primary_channel: str,
                      rules: dict[str, Any] | None = None) -> str | None:
    """Why the article's cue or channel contradicts the primary's channel, or None if it does not.

    Written primary (e.g. a social media post) + a speech cue ("said") or a spoken channel, or
    spoken primary + a writing cue ("wrote") or a written channel.
    """
    rules = rules or load_rules()
    written = primary_channel in rules["written_channels"]
    spoken = primary_channel in rules["spoken_channels"]
    words = set(re.findall(r"[a-z]+", (cue or "").lower()))
    if written and (article_channel in rules["spoken_channels"] or (not article_channel and words & rules["speech_cues"])):
        return f"the article says {cue!r} but the primary is a {primary_channel}"
    if spoken and (article_channel in rules["written_channels"] or (not article_channel and words & rules["writing_cues"])):
        return f"the article says {cue!r} but the primary is a {primary_channel}"
    return None


# --------------------------------------------------------------------------------------------
# every quotation of the article


FIDELITY_COLUMNS: list[str] = [
    "quote_id", "paragraph", "speaker", "cue", "channel", "kind", "duplicate_of", "statement_id", "variant", "extent",
    "primary_channel", "best", "main_class", "classes", "similarity", "matched_words", "quote_words", "primary_words",
    "passage", "primary_start", "primary_sentences", "dropped", "beyond_excerpt", "differences", "quote",
]


def _main(classes: set[str]) -> str:
    return next((c for c in CLASSES if c in classes), "exact")


def _relevant(a: Alignment, quote_words: int, primary_words: int, rules: dict[str, Any]) -> bool:
    return a.matched > 0 and a.matched >= rules["min_relevance"] * min(quote_words, primary_words)


def fidelity_table(
    statements: pd.DataFrame,
    primaries: pd.DataFrame,
    *,
    paragraph_numbers: dict[int, int] | None = None,
    rules: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """One row per (quotation, primary text of its speaker that it matches), plus ``no_primary`` rows.

    ``statements`` is the statements table of notebook 03 (``analysis.quotes.statements_frame``);
    scare quotes and titles are left out. The P-number of each quotation is its ``p_number`` column
    when present, else ``paragraph_numbers`` (``Article.paragraph_numbers()``) applied to its
    paragraph index. Every matching variant of a speaker's
    words gets its own row (no winner is picked); ``best`` marks the highest similarity per
    quotation. Across quotations, a later quotation taken from earlier in a speaker's full primary
    text is marked ``reordered_or_stitched`` (see :func:`order_table`). No quotations: no rows (the
    columns stay).
    """
    rules = rules or load_rules()
    rows = []
    quotes = statements[statements["kind"].isin(["full", "partial"])]
    for q in quotes.to_dict("records"):
        q = {k: (None if (v is None or (isinstance(v, float) and pd.isna(v)) or v == "") else v) for k, v in q.items()}
        paragraph = q.get("p_number") or (paragraph_numbers or {}).get(q["paragraph"], q["paragraph"])
        base = {
            "quote_id": q["quote_id"], "paragraph": f"P{paragraph}", "speaker": q["speaker"], "cue": q["cue"],
            "channel": q["channel"], "kind": q["kind"], "duplicate_of": q["duplicate_of"], "quote": q["quote"],
        }
        mine = primaries[primaries["speaker"] == q["speaker"]] if q["speaker"] else primaries.iloc[0:0]
        n_quote = len(_words(tokenize(q["quote"])))
        found = []
        for p in mine.to_dict("records"):
            a = align(q["quote"], p["text"], extent=p["extent"], rules=rules)
            if not _relevant(a, n_quote, len(_words(tokenize(p["text"]))), rules):
                continue
            classes = set(a.classes)
            differences = list(a.differences)
            if p["extent"] == "full":
                why = channel_misstated(q["cue"], q["channel"], p["channel"], rules)
                if why:
                    classes.add("channel_misstated")
                    differences.append(f"channel: {why}")
            found.append({
                **base, "statement_id": p["statement_id"], "variant": p["variant"], "extent": p["extent"],
                "primary_channel": p["channel"], "classes": classes, "similarity": a.similarity,
                "matched_words": a.matched, "quote_words": a.quote_words, "primary_words": a.primary_words,
                "primary_sentences": ",".join(map(str, a.sentences)), "dropped": " | ".join(a.dropped),
                "beyond_excerpt": " | ".join(a.beyond_excerpt), "differences": differences,
                "passage": p["passage"], "primary_start": a.span[0] if a.span else 0,
            })
        if not found:
            found.append({**base, "statement_id": None, "variant": None, "extent": None, "primary_channel": None,
                          "classes": {"no_primary"}, "similarity": 0.0, "matched_words": 0, "quote_words": n_quote,
                          "primary_words": 0, "primary_sentences": "", "dropped": "", "beyond_excerpt": "",
                          "differences": ["no primary text of this speaker matches"], "passage": None, "primary_start": None})
        top = max(r["similarity"] for r in found)
        for r in found:
            r["best"] = r["similarity"] == top and r is next(x for x in found if x["similarity"] == top)
        rows.extend(found)
    if not rows:
        return pd.DataFrame(columns=FIDELITY_COLUMNS)
    frame = pd.DataFrame(rows)
    order = order_table(frame)
    for r in order[~order["in_order"]].to_dict("records"):
        mask = frame["quote_id"].isin([r["quote_id"], r["before"]]) & (frame["extent"] == "full") & frame["speaker"].eq(r["speaker"])
        for i in frame.index[mask]:
            frame.at[i, "classes"] = frame.at[i, "classes"] | {"reordered_or_stitched"}
            frame.at[i, "differences"] = frame.at[i, "differences"] + [r["note"]]
    frame["main_class"] = frame["classes"].map(_main)
    frame["classes"] = frame["classes"].map(lambda c: "; ".join(x for x in CLASSES if x in c) or "exact")
    frame["differences"] = frame["differences"].map(lambda d: " ; ".join(d))
    return frame[FIDELITY_COLUMNS].reset_index(drop=True)


def order_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Where each quotation sits in its speaker's full primary text, in article order.

    Uses the best full-text match of each quotation that is not a repeat (``duplicate_of`` empty).
    Columns: speaker, quote_id, paragraph, statement_id, passage, primary_sentences, position (rank
    in the primary), in_order (False when an earlier quotation in the article comes later in the
    primary), before (that earlier quotation), note.
    """
    full = frame[(frame["extent"] == "full") & frame["duplicate_of"].isna()]
    if full.empty:
        return pd.DataFrame(columns=["speaker", "quote_id", "paragraph", "statement_id", "passage",
                                     "primary_sentences", "position", "in_order", "before", "note"])
    full = full.assign(_order=full["quote_id"].map(_article_order(frame)))
    full = full.sort_values(["_order", "similarity"], ascending=[True, False], kind="stable").drop_duplicates("quote_id")
    rows = []
    for speaker, group in full.groupby("speaker", sort=False):
        seen: list[dict[str, Any]] = []
        for r in group.to_dict("records"):
            key = (r["passage"], r["primary_start"])
            later = [s for s in seen if (s["passage"], s["primary_start"]) > key]
            note = ""
            if later:
                other = later[0]
                note = (f"{r['quote_id']} ({r['paragraph']}) comes after {other['quote_id']} ({other['paragraph']}) "
                        f"in the article but before it in the primary text")
            rows.append({"speaker": speaker, "quote_id": r["quote_id"], "paragraph": r["paragraph"],
                         "statement_id": r["statement_id"], "passage": r["passage"],
                         "primary_sentences": r["primary_sentences"], "position": key,
                         "in_order": not later, "before": later[0]["quote_id"] if later else None, "note": note})
            seen.append(r)
    out = pd.DataFrame(rows)
    out["position"] = [rank for _, g in out.groupby("speaker", sort=False) for rank in _ranks(g["position"])]
    return out


def _article_order(frame: pd.DataFrame) -> dict[str, int]:
    """quote_id -> rank of its first row: the fidelity table keeps the statements' (article) order."""
    return {quote_id: rank for rank, quote_id in enumerate(dict.fromkeys(frame["quote_id"]))}


def _ranks(keys: pd.Series) -> list[int]:
    ordered = sorted(set(keys))
    return [ordered.index(k) + 1 for k in keys]


# --------------------------------------------------------------------------------------------
# side by side


def _excerpt(primary: str, span: tuple[int, int] | None) -> str:
    """The primary text covered by the alignment (whole sentences' closing punctuation included)."""
    if span is None:
        return ""
    tokens = tokenize(primary)
    words = _words(tokens)
    first, last = words[span[0]], words[span[1] - 1]
    i = tokens.index(last) + 1
    while i < len(tokens) and not tokens[i].word and tokens[i].sentence == last.sentence:
        i += 1
    return primary[first.start:tokens[i - 1].end]


def _spaced(text: str, tokens: list[Token]) -> list[str]:
    """Each token with the whitespace before it, so joining them restores the text."""
    out, pos = [], 0
    for t in tokens:
        out.append(text[pos:t.start] + t.text)
        pos = t.end
    return out


def diff_tokens(quote: str, excerpt: str) -> list[tuple[str, str, str]]:
    """(op, quoted text, primary text) chunks; op is equal, replace, insert (primary only) or delete."""
    qt, pt = tokenize(quote), tokenize(excerpt)
    qs, ps = _spaced(quote, qt), _spaced(excerpt, pt)
    ops = SequenceMatcher(None, [t.text for t in qt], [t.text for t in pt], autojunk=False).get_opcodes()
    return [(tag, "".join(qs[i1:i2]), "".join(ps[j1:j2])) for tag, i1, i2, j1, j2 in ops]


def side_by_side_text(quote: str, primary: str, span: tuple[int, int] | None = None) -> str:
    """One line, wdiff style: [-primary only-] {+article only+}; span defaults to the best alignment."""
    span = span if span is not None else align(quote, primary).span
    chunks = diff_tokens(quote, _excerpt(primary, span))
    out = []
    for tag, q, p in chunks:
        if tag == "equal":
            out.append(q)
        else:
            if p.strip():
                out.append(f"{p[:len(p) - len(p.lstrip())]}[-{p.strip()}-]")
            if q.strip():
                out.append(f"{q[:len(q) - len(q.lstrip())] if not p.strip() else ' '}{{+{q.strip()}+}}")
    return "".join(out).strip()


def side_by_side_html(quote: str, primary: str, span: tuple[int, int] | None = None, *,
                      left: str = "article", right: str = "primary") -> str:
    """A two-column HTML table: the quotation with <ins> marks, the primary excerpt with <del> marks."""
    span = span if span is not None else align(quote, primary).span
    chunks = diff_tokens(quote, _excerpt(primary, span))
    q_html, p_html = [], []
    for tag, q, p in chunks:
        if tag == "equal":
            q_html.append(html.escape(q))
            p_html.append(html.escape(p))
            continue
        if q.strip():
            q_html.append(html.escape(q[:len(q) - len(q.lstrip())]) + f"<ins>{html.escape(q.strip())}</ins>")
        if p.strip():
            p_html.append(html.escape(p[:len(p) - len(p.lstrip())]) + f"<del>{html.escape(p.strip())}</del>")
    style = "text-align:left;vertical-align:top;width:50%"
    return (f'<table><tr><th style="{style}">{html.escape(left)}</th><th style="{style}">{html.escape(right)}</th></tr>'
            f'<tr><td style="{style}">{"".join(q_html)}</td><td style="{style}">{"".join(p_html)}</td></tr></table>')


def side_by_side(fidelity: pd.DataFrame, primaries: pd.DataFrame, *, html_output: bool = True) -> str:
    """Side-by-side views of every (quotation, primary) row of a fidelity table, in one string.

    HTML (one table per row, headed by quotation, paragraph, classes and similarity) or plain text.
    """
    texts = primaries.set_index("statement_id")["text"]
    parts = []
    for r in fidelity[fidelity["statement_id"].notna()].to_dict("records"):
        primary = texts[r["statement_id"]]
        head = (f"{r['quote_id']} ({r['paragraph']}, {r['speaker']}) vs {r['statement_id']} [{r['variant']}]: "
                f"{r['classes']}; similarity {r['similarity']:.2f}")
        if html_output:
            parts.append(f"<h4>{html.escape(head)}</h4>" + side_by_side_html(
                r["quote"], primary, left=f"article, {r['paragraph']}", right=f"{r['statement_id']} ({r['variant']})"))
        else:
            parts.append(f"{head}\n    {side_by_side_text(r['quote'], primary)}")
    return "\n".join(parts)


__all__ = [
    "CLASSES", "EXTENTS", "STATEMENT_KEYS", "Alignment", "Token", "load_rules", "load_primary_statements",
    "statements_for", "split_sentences", "tokenize",
    "align", "channel_misstated", "fidelity_table", "order_table", "diff_tokens", "side_by_side_text",
    "side_by_side_html", "side_by_side", "fidelity_counts", "similarity_points",
]


def fidelity_counts(fidelity: pd.DataFrame) -> pd.DataFrame:
    """Quotations per difference class (a quotation counts once per class, on any variant)."""
    exploded = fidelity.assign(cls=fidelity["classes"].astype(str).str.split("; ")).explode("cls")
    counts = exploded.drop_duplicates(["quote_id", "cls"]).groupby("cls")["quote_id"].nunique()
    return pd.DataFrame({"class": list(CLASSES), "quotations": [int(counts.get(c, 0)) for c in CLASSES]})


def similarity_points(fidelity: pd.DataFrame) -> pd.DataFrame:
    """The best match of each quotation, in article order, labelled for a chart.

    Columns: label ("q3 · P12 · Donald Trump"), quote_id, paragraph, speaker, statement_id,
    similarity, main_class, classes.
    """
    best = fidelity[fidelity["best"].astype(bool)].copy()
    best["_order"] = best["quote_id"].map(_article_order(fidelity))
    best = best.sort_values("_order", kind="stable")
    best["label"] = best["quote_id"] + " · " + best["paragraph"] + " · " + best["speaker"].fillna("unattributed")
    columns = ["label", "quote_id", "paragraph", "speaker", "statement_id", "similarity", "main_class", "classes"]
    return best[columns].reset_index(drop=True)
