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
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wooflow.case.text import WORD_RE, fold, stem, term, tokens
from wooflow.exceptions import CaseError

if TYPE_CHECKING:
    from wooflow.case.case import Case

_OPS = {"AND": "AND", "EN": "AND", "OR": "OR", "OF": "OR", "NOT": "NOT", "NIET": "NOT"}
_LEX = re.compile(r'"([^"]*)"?|(\()|(\))|(-?[^\s()"]+)')
SNIPPET_SCAN_CHARS = 300_000


@dataclass(slots=True)
class Query:
    """A parsed user query: the FTS5 MATCH expression and the positive terms to highlight."""

    match: str
    stems: set[str] = field(default_factory=set)
    prefixes: list[str] = field(default_factory=list)


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
    depth = 0
    negate_next = False

    def operand_expected() -> bool:
        return not out or out[-1] in ("AND", "OR", "NOT", "(")

    for m in _LEX.finditer(text):
        phrase, lpar, rpar, word = m.groups()
        if lpar:
            if not operand_expected():
                out.append("AND")
            out.append("(")
            depth += 1
            continue
        if rpar:
            if depth == 0 or operand_expected():
                raise CaseError(f"zoekvraag: haakjes kloppen niet in {text!r}")
            out.append(")")
            depth -= 1
            continue
        if word and word in _OPS:
            op = _OPS[word]
            if operand_expected():
                raise CaseError(f"zoekvraag: {word} moet tussen twee zoektermen staan")
            out.append(op)
            negate_next = op == "NOT"
            continue
        if phrase is not None:
            expr = _word_expr(phrase, q, positive=not negate_next)
        else:
            assert word is not None
            if word.startswith("-") and len(word) > 1:
                if operand_expected():
                    raise CaseError("zoekvraag: een uitsluiting (-woord) moet na een zoekterm staan")
                out.append("NOT")
                word = word[1:]
                negate_next = True
            expr = _word_expr(word, q, positive=not negate_next)
        negate_next = False
        if expr is None:
            continue
        if not operand_expected():
            out.append("AND")
        out.append(expr)
    if depth:
        raise CaseError(f"zoekvraag: haakjes kloppen niet in {text!r}")
    if out and out[-1] in ("AND", "OR", "NOT"):
        raise CaseError("zoekvraag: eindigt met een operator")
    q.match = " ".join(out)
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
        clauses: list[str] = []
        args: list[Any] = []
        if self.date_from:
            clauses.append("d.date >= ?")
            args.append(self.date_from)
        if self.date_to:
            clauses.append("d.date <= ?")
            args.append(self.date_to)
        if self.type:
            clauses.append("d.type = ?")
            args.append(self.type)
        if self.sender:
            clauses.append("d.sender_fold LIKE ?")
            args.append(f"%{fold(self.sender)}%")
        if self.addressee:
            clauses.append("d.addressees_fold LIKE ?")
            args.append(f"%{fold(self.addressee)}%")
        if self.has_attachments is not None:
            clauses.append("d.has_attachments = ?")
            args.append(1 if self.has_attachments else 0)
        if self.judgement:
            clauses.append("d.judgement = ?")
            args.append(self.judgement.replace("-", " "))
        if self.in_scope is not None:
            clauses.append("d.in_scope = ?")
            args.append(1 if self.in_scope else 0)
        return (" AND ".join(clauses), args)


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


def _select(
    query: str,
    filters: SearchFilters | None,
    limit: int | None = None,
    offset: int = 0,
    ranked: bool = True,
) -> tuple[str, list[Any], Query | None]:
    where, args = (filters or SearchFilters()).sql()
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    paging = [limit, offset] if limit is not None else []
    cols = "d.doc_id, d.name, d.type, d.date"
    if not ranked:
        # FTS5 walks its doclists in rowid order and stops at the page: no score per match
        q = parse(query)
        sql = (
            f"SELECT {cols}, 0.0 AS score FROM case_fts JOIN case_doc d"
            " ON d.doc_id = case_fts.rowid WHERE case_fts MATCH ?"
        )
        if where:
            sql += " AND " + where
        return sql + " ORDER BY case_fts.rowid DESC" + page, [q.match, *args, *paging], q
    if not query.strip():
        sql = f"SELECT {cols}, 0.0 AS score FROM case_doc d"
        if where:
            sql += " WHERE " + where
        return sql + " ORDER BY d.date, d.doc_id" + page, args + paging, None
    q = parse(query)
    if not q.match:
        raise CaseError(f"zoekvraag {query!r} bevat geen zoekwoorden")
    if not where:
        # No filters: rank inside FTS5 and join metadata for the returned page only, instead
        # of looking up every matching document before sorting.
        inner = "SELECT rowid, rank AS score FROM case_fts WHERE case_fts MATCH ? ORDER BY rank"
        sql = (
            f"SELECT {cols}, f.score FROM ({inner}{page}) f"
            " JOIN case_doc d ON d.doc_id = f.rowid ORDER BY f.score"
        )
        return sql, [q.match, *paging], q
    sql = (
        f"SELECT {cols}, case_fts.rank AS score FROM case_fts"
        " JOIN case_doc d ON d.doc_id = case_fts.rowid WHERE case_fts MATCH ? AND " + where
    )
    return sql + " ORDER BY score" + page, [q.match, *args, *paging], q


def _run(conn: sqlite3.Connection, sql: str, args: list[Any]) -> list[sqlite3.Row]:
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        raise CaseError(f"zoekvraag niet te verwerken: {exc}") from exc


def matching_ids(case: Case, query: str, filters: SearchFilters | None = None) -> list[int]:
    """Every document matching (for bulk actions such as scope); ranked order."""
    sql, args, _ = _select(query, filters)
    return [r["doc_id"] for r in _run(case.conn, sql, args)]


def snippet(
    text: str, q: Query, width: int = 30, marks: tuple[str, str] = ("«", "»")
) -> tuple[str, list[tuple[int, int]]]:
    """The window of ``width`` words in the original text holding most query terms, marked."""
    scan = text[:SNIPPET_SCAN_CHARS]
    toks = list(tokens(scan))
    if not toks:
        return "", []

    def hit(word: str) -> bool:
        f = fold(word)
        t = stem(f)
        return t in q.stems or any(f.startswith(p) or t.startswith(p) for p in q.prefixes)

    hits = [i for i, (_, _, w) in enumerate(toks) if hit(w)]
    if not hits:
        first = toks[: width]
        return scan[first[0][0] : first[-1][1]].replace("\n", " ") + (" …" if len(toks) > width else ""), []
    best_start, best_count, j = hits[0], 0, 0
    for i, h in enumerate(hits):  # sliding window over hit positions
        while hits[j] < h - width + 1:
            j += 1
        count = len({term(toks[k][2]) for k in hits[j : i + 1]})
        if count > best_count:
            best_count, best_start = count, hits[j]
    lo = max(0, best_start - width // 4)
    hi = min(len(toks), lo + width)
    spans = [(toks[k][0], toks[k][1]) for k in hits if lo <= k < hi]
    parts: list[str] = []
    pos = toks[lo][0]
    for s, e in spans:
        parts.append(scan[pos:s] + marks[0] + scan[s:e] + marks[1])
        pos = e
    parts.append(scan[pos : toks[hi - 1][1]])
    out = " ".join("".join(parts).split())
    return ("… " if lo > 0 else "") + out + (" …" if hi < len(toks) else ""), spans


def search(
    case: Case,
    query: str,
    filters: SearchFilters | None = None,
    limit: int = 20,
    offset: int = 0,
    marks: tuple[str, str] = ("«", "»"),
) -> list[SearchHit]:
    """Ranked results (best first) with a highlighted snippet from the original text.

    A query matching more than ``BROAD_SHARE`` of the case is listed in case order (last
    added first) instead: bm25's idf of such terms is ~0, so ranking would cost a score per
    match and tell nothing.
    """
    ranked = not (query.strip() and _broad(case, query))
    sql, args, q = _select(query, filters, limit, offset, ranked)
    rows = _run(case.conn, sql, args)
    hits: list[SearchHit] = []
    for r in rows:
        text = case.text(r["doc_id"])
        snip, spans = snippet(text, q, marks=marks) if q else (" ".join(text[:200].split()), [])
        hits.append(
            SearchHit(r["doc_id"], -float(r["score"]), r["name"], r["type"], r["date"], snip, spans,
                      ranked)
        )
    return hits


BROAD_SHARE = 0.5
BROAD_MIN = 1000


def _broad(case: Case, query: str) -> bool:
    """Does the query match more than BROAD_SHARE of the documents (and over BROAD_MIN)?

    Probes for the match just past that number instead of counting all matches, so the test
    costs in proportion to the threshold, not to the (large) result.
    """
    q = parse(query)
    if not q.match:
        return False
    total = int(case.conn.execute("SELECT COUNT(*) FROM case_doc").fetchone()[0])
    cutoff = max(BROAD_MIN, int(total * BROAD_SHARE))
    row = _run(case.conn, "SELECT rowid FROM case_fts WHERE case_fts MATCH ? LIMIT 1 OFFSET ?",
               [q.match, cutoff])
    return bool(row)


def count(case: Case, query: str, filters: SearchFilters | None = None) -> int:
    """How many documents match."""
    if query.strip() and not (filters or SearchFilters()).sql()[0]:
        q = parse(query)
        if not q.match:
            raise CaseError(f"zoekvraag {query!r} bevat geen zoekwoorden")
        sql, args = "SELECT COUNT(*) FROM case_fts WHERE case_fts MATCH ?", [q.match]
    else:
        sql, args, _ = _select(query, filters)
        sql = f"SELECT COUNT(*) FROM ({sql})"
    return int(_run(case.conn, sql, args)[0][0])
