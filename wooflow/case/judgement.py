"""Judgement per document: openbaar, deels openbaar, niet openbaar, reeds openbaar, dubbel.

Derived from the accepted redactions unless someone set it: a reviewer (``judge``) or duplicate
detection ("dubbel"). A reviewer's judgement wins over dedupe's. Grounds are the codes of the
document's accepted redactions in the order of the Woo ("5.1.1e; 5.1.2e; 5.2").
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wooflow.case import audit
from wooflow.case.areas import grounds_by_doc as area_grounds
from wooflow.exceptions import CaseError
from wooflow.store.repos import judgements as judgement_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case

JUDGEMENTS = ("openbaar", "deels openbaar", "niet openbaar", "reeds openbaar", "dubbel")
REDACTING = judgement_rows.REDACTING  # finding statuses that end up as redactions


def normalise_judgement(value: str) -> str:
    """Accept "deels-openbaar", "Deels openbaar", "deels_openbaar"."""
    j = " ".join(value.replace("-", " ").replace("_", " ").lower().split())
    if j not in JUDGEMENTS:
        raise CaseError(f"onbekend oordeel {value!r}; kies uit {', '.join(JUDGEMENTS)}")
    return j


def normalise_ground(code: str) -> str:
    """"5.1.2.e" / "5.1.2 e" -> "5.1.2e" (the printed form)."""
    c = code.strip().lower().replace(" ", "")
    return re.sub(r"\.([a-z])$", r"\1", c)


def ground_order(code: str) -> tuple[Any, ...]:
    """Sort key in the order of the Woo: 5.1.1a < 5.1.1e < 5.1.2e < 5.1.5 < 5.2."""
    m = re.match(r"^(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?([a-z]?)(?!\d)", code)
    if not m:
        return (999, code)
    return (int(m[1]), int(m[2]), int(m[3] or 0), m[4], code)


def join_grounds(codes: Iterable[str]) -> str:
    return "; ".join(sorted({normalise_ground(c) for c in codes if c}, key=ground_order))


@dataclass(frozen=True, slots=True)
class Judgement:
    doc_id: int
    judgement: str
    grounds: list[str] = field(default_factory=list)
    explanation: str = ""
    link: str | None = None
    duplicate_of: int | None = None
    set_by: str = "auto"  # auto | reviewer | dedupe

    @property
    def grounds_text(self) -> str:
        return "; ".join(self.grounds)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "judgement": self.judgement,
            "grounds": self.grounds_text,
            "explanation": self.explanation,
            "link": self.link,
            "duplicate_of": self.duplicate_of,
            "set_by": self.set_by,
        }


def _derived_grounds(case: Case, doc_ids: list[int] | None) -> dict[int, list[str]]:
    grounds: dict[int, set[str]] = defaultdict(set)
    normal: dict[str, str] = {}  # a case has a few distinct ground texts and millions of findings
    for doc_id, ground in judgement_rows.redacting_grounds(case.conn, doc_ids):
        code = normal.get(ground)
        if code is None:
            code = normal[ground] = normalise_ground(ground)
        grounds[doc_id].add(code)
    for doc_id, codes in area_grounds(case.conn, doc_ids).items():  # drawn boxes
        grounds[doc_id] |= codes
    return {k: sorted(v, key=ground_order) for k, v in grounds.items()}


def _redacted_docs(case: Case, doc_ids: list[int] | None) -> set[int]:
    return judgement_rows.redacted_docs(case.conn, doc_ids) | set(area_grounds(case.conn, doc_ids))


def judgements(case: Case, doc_ids: list[int] | None = None) -> list[Judgement]:
    """The effective judgement of each document (all when ``doc_ids`` is None), id order."""
    ids = case.doc_ids() if doc_ids is None else sorted(set(doc_ids))
    subset = None if doc_ids is None else ids
    grounds = _derived_grounds(case, subset)
    redacted = _redacted_docs(case, subset)
    stored = judgement_rows.stored(case.conn, subset)
    out: list[Judgement] = []
    for doc_id in ids:
        row = stored.get(doc_id)
        derived = grounds.get(doc_id, [])
        if row is None:
            j = "deels openbaar" if doc_id in redacted else "openbaar"
            out.append(Judgement(doc_id, j, derived))
            continue
        given = json.loads(row["grounds"]) if row["grounds"] else None
        g = [] if row["judgement"] in ("dubbel", "reeds openbaar", "openbaar") else (given or derived)
        out.append(
            Judgement(
                doc_id,
                row["judgement"],
                sorted({normalise_ground(x) for x in g}, key=ground_order),
                row["explanation"],
                row["link"],
                row["duplicate_of"],
                row["set_by"],
            )
        )
    return out


def judgement(case: Case, doc_id: int) -> Judgement:
    case.record(doc_id)  # raises for an unknown id
    return judgements(case, [doc_id])[0]


def refresh(case: Case, doc_ids: Iterable[int] | None = None) -> None:
    """Update the stored judgement column used by search filters and the inventory."""
    ids = None if doc_ids is None else list(doc_ids)
    with case.transaction() as conn:
        judgement_rows.mirror(conn, ((j.judgement, j.doc_id) for j in judgements(case, ids)))


def judge(
    case: Case,
    doc_id: int,
    value: str,
    explanation: str = "",
    link: str | None = None,
    duplicate_of: int | None = None,
    grounds: list[str] | None = None,
    set_by: str = "reviewer",
) -> Judgement:
    """Set a document's judgement (logged). "reeds openbaar" needs a link, "dubbel" the kept id."""
    j = normalise_judgement(value)
    case.record(doc_id)
    if j == "reeds openbaar" and not link:
        raise CaseError("oordeel 'reeds openbaar' vraagt een vindplaats (--link)")
    if j == "dubbel":
        if duplicate_of is None or duplicate_of == doc_id:
            raise CaseError("oordeel 'dubbel' vraagt het nummer van het behouden document")
        case.record(duplicate_of)
    if j == "niet openbaar" and not grounds and not _derived_grounds(case, [doc_id]):
        raise CaseError("oordeel 'niet openbaar' vraagt een weigeringsgrond (--ground)")
    with case.transaction() as conn:
        judgement_rows.put(
            conn,
            (
                doc_id, j, link, duplicate_of if j == "dubbel" else None, explanation,
                json.dumps([normalise_ground(g) for g in grounds]) if grounds else None,
                set_by, case.actor, audit.now(),
            ),
        )
        audit.log(
            conn, case.actor, "judgement.set", doc_id, j, explanation=explanation, link=link,
            duplicate_of=duplicate_of, grounds=grounds, set_by=set_by,
        )
    refresh(case, [doc_id])
    return judgement(case, doc_id)


def reset(case: Case, doc_id: int) -> Judgement:
    """Drop a set judgement so it is derived from the redactions again (logged)."""
    with case.transaction() as conn:
        old = judgement_rows.get(conn, doc_id)
        judgement_rows.delete(conn, doc_id)
        audit.log(conn, case.actor, "judgement.reset", doc_id, detail_old=dict(old) if old else None)
    refresh(case, [doc_id])
    return judgement(case, doc_id)
