"""Full-text search over a case with Dutch-aware matching, filters, ranking and snippets.

The FTS5 table ``case_fts`` holds a folded and stemmed copy of each document, so a user query is
translated word by word into the same stems ("financiele" and "financiële" both become
"financiel", "vergaderingen" becomes "vergader"). Ranking is FTS5's bm25. Snippets come from
the ORIGINAL text: its words are folded and stemmed on the fly and those matching a query term
are highlighted, so the reader sees "financiële" where the index holds "financiel".

Query syntax: words (all must occur), "a phrase", AND / OR / NOT (also EN / OF / NIET),
-word (= NOT word), prefix* and parentheses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wooflow.case.text import WORD_RE, fold, stem, term
from wooflow.exceptions import CaseError
from wooflow.store.repos import case_docs
from wooflow.store.search_index import filters_clause, search_index

if TYPE_CHECKING:
    from wooflow.case.case import Case

_OPS = {"AND": "AND", "EN": "AND", "OR": "OR", "OF": "OR", "NOT": "NOT", "NIET": "NOT"}
_LEX = re.compile(r'"([^"]*)"?|(\()|(\))|(-?[^\s()"]+)')
SNIPPET_SCAN_CHARS = 300_000


@dataclass(slots=True)
class Query:
    """A parsed user query: the FTS5 MATCH expression (stems), the PostgreSQL tsquery (folded
    words, stemmed by the 'dutch' configuration) and the positive terms to highlight."""

    match: str
    stems: set[str] = field(default_factory=set)
    prefixes: list[str] = field(default_factory=list)
    # the same expression for databases that stem themselves (PostgreSQL): operators "AND",
    # "OR", "NOT" (binary: a NOT b), "(", ")" and operands (folded words of a phrase, prefix?)
    terms: list[str | tuple[tuple[str, ...], bool]] = field(default_factory=list)


def _term(raw: str) -> tuple[tuple[str, ...], bool] | None:
    """One operand for the store: the folded words of a word or phrase, and whether the last is a prefix."""
    parts = WORD_RE.findall(fold(raw.rstrip("*")))
    return (tuple(parts), raw.endswith("*")) if parts else None


def _word_expr(raw: str, q: Query, positive: bool) -> str | None:
    prefix = raw.endswith("*")
    parts = WORD_RE.findall(fold(raw.rstrip("*")))
    if not parts:
        return None
    if prefix:
        *head, last = parts
        stemmed_last = stem(last)
        options = {last, stemmed_last} if stemmed_last != last else {last}
        head_stems = [stem(w) for w in head]
        exprs = [f'"{" ".join(head_stems + [o])}"*' for o in sorted(options)]
        if positive:
            q.stems.update(head_stems)
            q.prefixes.extend(sorted(options))
        return exprs[0] if len(exprs) == 1 else "(" + " OR ".join(exprs) + ")"
    stems = [stem(w) for w in parts]
    if positive:
        q.stems.update(stems)
    return '"' + " ".join(stems) + '"'


def parse(text: str) -> Query:
    """Translate a user query into an FTS5 MATCH expression on stemmed, folded tokens."""
    q = Query(match="")
    out: list[str] = []  # operands, operators and parentheses
    ts: list[str | tuple[tuple[str, ...], bool]] = []  # the same as neutral terms
    depth = 0
    negate_next = False

    def operand_expected() -> bool:
        return not out or out[-1] in ("AND", "OR", "NOT", "(")

    for m in _LEX.finditer(text):
        phrase, lpar, rpar, word = m.groups()
        if lpar:
            if not operand_expected():
                out.append("AND")
                ts.append("AND")
            out.append("(")
            ts.append("(")
            depth += 1
            continue
        if rpar:
            if depth == 0 or operand_expected():
                raise CaseError(f"zoekvraag: haakjes kloppen niet in {text!r}")
            out.append(")")
            ts.append(")")
            depth -= 1
            continue
        if word and word in _OPS:
            op = _OPS[word]
            if operand_expected():
                raise CaseError(f"zoekvraag: {word} moet tussen twee zoektermen staan")
            out.append(op)
            ts.append(op)
            negate_next = op == "NOT"
            continue
        if phrase is not None:
            expr = _word_expr(phrase, q, positive=not negate_next)
            ts_expr = _term(phrase)
        else:
            assert word is not None
            if word.startswith("-") and len(word) > 1:
                if operand_expected():
                    raise CaseError("zoekvraag: een uitsluiting (-woord) moet na een zoekterm staan")
                out.append("NOT")
                ts.append("NOT")
                word = word[1:]
                negate_next = True
            expr = _word_expr(word, q, positive=not negate_next)
            ts_expr = _term(word)
        negate_next = False
        if expr is None or ts_expr is None:
            continue
        if not operand_expected():
            out.append("AND")
            ts.append("AND")
        out.append(expr)
        ts.append(ts_expr)
    if depth:
        raise CaseError(f"zoekvraag: haakjes kloppen niet in {text!r}")
    if out and out[-1] in ("AND", "OR", "NOT"):
        raise CaseError("zoekvraag: eindigt met een operator")
    q.match = " ".join(out)
    q.terms = ts
    return q


@dataclass(slots=True)
class SearchFilters:
    """Filters combined with AND. Dates are ISO strings (YYYY-MM-DD), inclusive."""

    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    sender: str | None = None
    addressee: str | None = None
    has_attachments: bool | None = None
    judgement: str | None = None
    in_scope: bool | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """The WHERE clause over ``case_doc d`` (built by the store) and its arguments."""
        folded = SearchFilters(
            self.date_from, self.date_to, self.type,
            fold(self.sender) if self.sender else None, fold(self.addressee) if self.addressee else None,
            self.has_attachments, self.judgement, self.in_scope,
        )
        return filters_clause(folded)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: ``spans`` are (start, end) offsets of highlighted words in the original text."""

    doc_id: int
    score: float
    name: str
    type: str | None
    date: str | None
    snippet: str
    spans: list[tuple[int, int]]
    ranked: bool = True  # False: listed by date (see BROAD_SHARE)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "score": round(self.score, 4),
            "ranked": self.ranked,
            "name": self.name,
            "type": self.type,
            "date": self.date,
            "snippet": self.snippet,
            "spans": [list(s) for s in self.spans],
        }


def _hits(
    case: Case,
    query: str,
    filters: SearchFilters | None,
    limit: int | None = None,
    offset: int = 0,
    ranked: bool = True,
) -> tuple[list[Any], Query | None]:
    """Rows (doc_id, name, type, date, score) from the store's search index, and the parsed query."""
    where, args = (filters or SearchFilters()).sql()
    index = search_index(case.conn)
    if not query.strip():
        return index.browse(where, args, limit, offset), None
    q = parse(query)
    if not q.match:
        raise CaseError(f"zoekvraag {query!r} bevat geen zoekwoorden")
    return index.page(q, where, args, limit, offset, ranked), q


def matching_ids(case: Case, query: str, filters: SearchFilters | None = None) -> list[int]:
    """Every document matching (for bulk actions such as scope); ranked order."""
    return [int(r["doc_id"]) for r in _hits(case, query, filters)[0]]


def snippet(
    text: str, q: Query, width: int = 30, marks: tuple[str, str] = ("«", "»"),
    seen: dict[str, bool] | None = None,
) -> tuple[str, list[tuple[int, int]]]:
    """The window of ``width`` words in the original text holding most query terms, marked.
    ``seen``: whether a surface word matches ``q``, shared by the snippets of one result page
    (words repeat: folding and stemming each token was 90 % of a search's time)."""
    scan = text[:SNIPPET_SCAN_CHARS]
    words = WORD_RE.findall(scan)
    if not words:
        return "", []
    memo: dict[str, bool] = {} if seen is None else seen
    for word in set(words).difference(memo):
        f = fold(word)
        t = stem(f)
        memo[word] = t in q.stems or any(f.startswith(p) or t.startswith(p) for p in q.prefixes)
    hits = [i for i, w in enumerate(words) if memo[w]]
    if not hits:  # the common case is cheap: offsets only where needed
        toks = [(m.start(), m.end(), m.group()) for _, m in zip(range(width + 1), WORD_RE.finditer(scan), strict=False)]
        first = toks[:width]
        return scan[first[0][0] : first[-1][1]].replace("\n", " ") + (" …" if len(words) > width else ""), []
    # the window is chosen on the word list; offsets are needed only up to its end
    hit_terms = {w: term(w) for w in {words[k] for k in hits}}
    best_start, best_count, j = hits[0], 0, 0
    for i, h in enumerate(hits):  # sliding window over hit positions
        while hits[j] < h - width + 1:
            j += 1
        count = len({hit_terms[words[k]] for k in hits[j : i + 1]})
        if count > best_count:
            best_count, best_start = count, hits[j]
    lo = max(0, best_start - width // 4)
    hi = min(len(words), lo + width)
    offsets = [(m.start(), m.end()) for _, m in zip(range(hi), WORD_RE.finditer(scan), strict=False)]
    spans = [offsets[k] for k in hits if lo <= k < hi]
    parts: list[str] = []
    pos = offsets[lo][0]
    for s, e in spans:
        parts.append(scan[pos:s] + marks[0] + scan[s:e] + marks[1])
        pos = e
    parts.append(scan[pos : offsets[hi - 1][1]])
    out = " ".join("".join(parts).split())
    return ("… " if lo > 0 else "") + out + (" …" if hi < len(words) else ""), spans


def search(
    case: Case,
    query: str,
    filters: SearchFilters | None = None,
    limit: int = 20,
    offset: int = 0,
    marks: tuple[str, str] = ("«", "»"),
) -> list[SearchHit]:
    """Ranked results (best first) with a highlighted snippet from the original text.

    A query matching more than ``BROAD_SHARE`` of the case, or more than ``RANK_MAX``
    documents, is listed in case order (last added first) instead: bm25's idf of such terms is
    ~0, and ranking costs a score per match (the p95 latency at 100,000 documents; a reviewer
    narrows such a query with more words or filters first).
    """
    ranked = not (query.strip() and _broad(case, query))
    rows, q = _hits(case, query, filters, limit, offset, ranked)
    texts = case_docs.texts(case.conn, [int(r["doc_id"]) for r in rows])  # one round trip, not one per hit
    hits: list[SearchHit] = []
    seen: dict[str, bool] = {}
    for r in rows:
        text = texts.get(int(r["doc_id"]))
        if text is None:
            text = case.text(r["doc_id"])
        snip, spans = snippet(text, q, marks=marks, seen=seen) if q else (" ".join(text[:200].split()), [])
        hits.append(
            SearchHit(r["doc_id"], -float(r["score"]), r["name"], r["type"], r["date"], snip, spans,
                      ranked)
        )
    return hits


BROAD_SHARE = 0.5
BROAD_MIN = 1000
RANK_MAX = 2000  # more matches than this are listed in case order: a score per match costs
# ~10-20 µs on PostgreSQL (ts_rank reads every matching tsvector; 450 ms for 39,000 matches)
# and FTS5's bm25 walks every match too; p95 at 100k documents was 154 ms (SQLite) / 347 ms (PG)


def _broad(case: Case, query: str) -> bool:
    """Does the query match more than BROAD_SHARE of the documents (and over BROAD_MIN), or
    more than RANK_MAX documents?

    Probes for the match just past that number instead of counting all matches, so the test
    costs in proportion to the threshold, not to the (large) result.
    """
    q = parse(query)
    if not q.match:
        return False
    index = search_index(case.conn)
    size = index.size(at_most=int(RANK_MAX / BROAD_SHARE) + 1)  # past that the cutoff is RANK_MAX
    cutoff = min(RANK_MAX, max(BROAD_MIN, int(size * BROAD_SHARE)))
    return index.has_match_past(q, cutoff)


def count(case: Case, query: str, filters: SearchFilters | None = None) -> int:
    """How many documents match."""
    where, args = (filters or SearchFilters()).sql()
    index = search_index(case.conn)
    if not query.strip():
        return index.count_where(None, where, args)
    q = parse(query)
    if not q.match:
        raise CaseError(f"zoekvraag {query!r} bevat geen zoekwoorden")
    return index.count(q) if not where else index.count_where(q, where, args)
