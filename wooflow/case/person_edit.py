"""Correcting the persons of a case: merge two persons, split a form off, "geen persoon".

Person keys are derived from the text (:func:`wooflow.case.persons.assign_keys`), so a
correction must outlive the next detection run: each is kept as a *form link* in
``case_person_links`` (folded form text -> person key, or ``""`` for "not a person"), which
``assign_keys`` applies after its own derivation.

- **merge**: every form of the other person links to the kept person; their findings move
  over, the other person disappears. When the kept person has a decision, it is applied to
  the findings that came along (and propagated), so one person has one decision.
- **split**: one form (a first name shared by two people, an e-mail local part) becomes a
  person of its own, undecided; its findings keep what was decided per spot.
- **geen persoon** (a product, a place, an organisation taken for a name): the findings stop
  being person findings. As a Woo coordinator expects, they become decided keep-public items
  ("blijft openbaar", accepted, with the reason), except a redaction a reviewer added by hand
  (that stays); redactions that propagation added for this "person" are removed. The choice,
  who made it and why are written down (``case_person_links`` and the audit log).

Each action is one transaction, logged, and undoable (:mod:`wooflow.case.undo` with an
``extra`` entry restored by :func:`undo_extra`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wooflow.case import audit
from wooflow.case.text import fold
from wooflow.exceptions import CaseError
from wooflow.store.repos import person_edit as link_rows

if TYPE_CHECKING:
    import sqlite3

    from wooflow.case.case import Case
    from wooflow.store import CaseStore

NOT_A_PERSON = ""  # link target of a form that is no person

SCHEMA = """
CREATE TABLE IF NOT EXISTS case_person_links (
    form TEXT PRIMARY KEY,           -- folded text of a person finding
    person_key TEXT NOT NULL,        -- the person it belongs to; '' = not a person
    kind TEXT NOT NULL,              -- merge | split | notperson
    note TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL,
    at TEXT NOT NULL
);
"""
P_ALL = link_rows.P_ALL


def ensure_schema(store: CaseStore) -> None:
    store.ensure_schema("case_person_links", SCHEMA)


def links(conn: sqlite3.Connection) -> dict[str, str]:
    """Folded form -> person key ('' = not a person)."""
    return link_rows.links(conn)


def apply_links(conn: sqlite3.Connection, texts: dict[int, str], keys: dict[int, str | None]) -> None:
    """Override derived person keys (finding id -> key) by the stored form links, in place."""
    found = links(conn)
    if not found:
        return
    for fid, text in texts.items():
        target = found.get(fold(text))
        if target is not None:
            keys[fid] = target or None


@dataclass(frozen=True, slots=True)
class Impact:
    """What a case-wide person action touches (shown before it is confirmed)."""

    findings: int
    documents: int
    forms: list[str]
    redactions: int  # standing redactions among the findings
    propagated: int  # redactions propagation added for this person


def impact(case: Case, key: str, form: str | None = None) -> Impact:
    """Counts for the confirmation of an action on a person (or on one of its forms)."""
    rows = _rows(case, key, form)
    person = _person(case, key)
    forms = [form] if form else json.loads(person["forms"])
    return Impact(
        len(rows),
        len({r["doc_id"] for r in rows}),
        forms,
        sum(1 for r in rows if r["action"] == "redact" and r["status"] != "rejected"),
        sum(1 for r in rows if r["source"] == "propagation"),
    )


def _person(case: Case, key: str) -> Any:
    row = link_rows.person(case.conn, key)
    if row is None:
        raise CaseError(f"persoon {key!r} bestaat niet (meer) in deze zaak")
    return row


def _rows(case: Case, key: str, form: str | None = None) -> list[Any]:
    rows = link_rows.findings_of(case.conn, key)
    if form is not None:
        want = fold(form)
        rows = [r for r in rows if fold(r["text"]) == want]
    return list(rows)


def _snapshot(case: Case, keys: list[str], forms: list[str]) -> dict[str, Any]:
    persons = {k: link_rows.person_snapshot(case.conn, k) for k in keys}
    form_links = {f: link_rows.link_snapshot(case.conn, f) for f in forms}
    return {"persons": persons, "links": form_links}


def _attach(case: Case, top: int, before: dict[str, Any], keys: list[str], forms: list[str]) -> None:
    """Add the persons and links as they were to the undo entry the action just recorded."""
    row = link_rows.last_undo_since(case.conn, case.actor, top)
    if row is None:
        return
    payload = json.loads(row["payload"])
    payload["extra"] = {"before": before, "after": _snapshot(case, keys, forms)}
    link_rows.set_undo_payload(case.conn, row["id"], json.dumps(payload))


LINK_COLS = link_rows.LINK_COLS


def _top_undo(case: Case) -> int:
    return link_rows.top_undo(case.conn)


def _link(case: Case, forms: list[str], target: str, kind: str, note: str = "") -> None:
    now = audit.now()
    for f in forms:
        link_rows.put_link(case.conn, (fold(f), target, kind, note, case.actor, now))


def merge(case: Case, keep_key: str, other_key: str) -> int:
    """Merge ``other_key`` into ``keep_key``; returns how many findings moved over."""
    from wooflow.case import undo
    from wooflow.case.judgement import refresh
    from wooflow.case.persons import decide_persons

    if keep_key == other_key:
        raise CaseError("kies twee verschillende personen om samen te voegen")
    keep, other = _person(case, keep_key), _person(case, other_key)
    forms = json.loads(other["forms"])
    all_forms = sorted(set(json.loads(keep["forms"])) | set(forms))
    moved = _rows(case, other_key)
    docs = sorted({r["doc_id"] for r in moved} | {r["doc_id"] for r in _rows(case, keep_key)})
    folded = sorted({fold(f) for f in forms})
    with case.transaction() as conn:
        top = _top_undo(case)
        before = _snapshot(case, [keep_key, other_key], folded)
        label = f"samenvoegen van {other['display']} met {keep['display']}"
        with undo.recording(case, label, docs, [keep_key, other_key]):
            _link(case, forms, keep_key, "merge")
            link_rows.move_findings(conn, other_key, keep_key)
            display = max([keep["display"], other["display"]], key=len)
            link_rows.set_forms(conn, keep_key, all_forms, display)
            link_rows.drop_person(conn, other_key)
            audit.log(conn, case.actor, "person.merge", target=keep_key, into=keep["display"],
                      forms=forms, findings=len(moved), previous=other_key)  # fmt: skip
            if keep["decision"] in ("redact", "keep"):
                decide_persons(case, [keep_key], keep["decision"])
            refresh(case, docs)
        _attach(case, top, before, [keep_key, other_key], folded)
    return len(moved)


def split(case: Case, key: str, form: str) -> str:
    """Make ``form`` of person ``key`` a person of its own (undecided); returns the new key."""
    from wooflow.case import undo
    from wooflow.case.persons import parse_name

    person = _person(case, key)
    forms = json.loads(person["forms"])
    if fold(form) not in {fold(f) for f in forms}:
        raise CaseError(f"“{form}” is geen vorm van {person['display']}")
    if len(forms) < 2:
        raise CaseError("deze persoon heeft maar één vorm: er valt niets af te splitsen")
    parts = parse_name(form, "email" if "@" in form else "person")
    new_key = parts.key if parts and parts.first and parts.key != key else f"{key}~{fold(form)}"
    if link_rows.person_exists(case.conn, new_key):
        new_key = f"{key}~{fold(form)}"
    rows = _rows(case, key, form)
    docs = sorted({r["doc_id"] for r in rows})
    with case.transaction() as conn:
        top = _top_undo(case)
        before = _snapshot(case, [key, new_key], [fold(form)])
        with undo.recording(case, f"afsplitsen van “{form}” van {person['display']}", docs, [key, new_key]):
            _link(case, [form], new_key, "split")
            link_rows.move_finding_ids(conn, [int(r["id"]) for r in rows], new_key)
            link_rows.set_forms(conn, key, [f for f in forms if fold(f) != fold(form)])
            link_rows.new_person(conn, new_key, form, [form])
            audit.log(conn, case.actor, "person.split", target=key, form=form, into=new_key,
                      findings=len(rows))  # fmt: skip
        _attach(case, top, before, [key, new_key], [fold(form)])
    return new_key


def not_a_person(case: Case, key: str, note: str = "") -> Impact:
    """Mark person ``key`` as no person (see the module doc); returns what it touched."""
    from wooflow.case import undo
    from wooflow.case.judgement import refresh

    person = _person(case, key)
    counts = impact(case, key)
    forms = json.loads(person["forms"])
    folded = sorted({fold(f) for f in forms})
    rows = _rows(case, key)
    docs = sorted({r["doc_id"] for r in rows})
    reason = "geen persoon" + (f": {note.strip()}" if note.strip() else "")
    now = audit.now()
    with case.transaction() as conn:
        top = _top_undo(case)
        before = _snapshot(case, [key], folded)
        with undo.recording(case, f"“{person['display']}” is geen persoon", docs, [key]):
            _link(case, forms, NOT_A_PERSON, "notperson", note.strip())
            link_rows.make_not_a_person(conn, key, reason, case.actor, now)
            audit.log(conn, case.actor, "person.notperson", target=key, text=person["display"],
                      forms=forms, findings=counts.findings, note=note.strip(),
                      keuze="blijft openbaar (geaccepteerd); met de hand gelakte plekken blijven gelakt")  # fmt: skip
            refresh(case, docs)
        _attach(case, top, before, [key], folded)
    return counts


def not_persons(case: Case) -> list[Any]:
    """The forms marked "geen persoon", with who, when and why (newest first)."""
    return link_rows.not_persons(case.conn)


def undo_extra(case: Case, extra: dict[str, Any]) -> None:
    """Restore the person rows and form links of a person action (inside the undo)."""
    before, after = extra["before"], extra["after"]
    now = _snapshot(case, list(before["persons"]), list(before["links"]))
    if now != after:
        raise CaseError("ongedaan maken kan niet meer: iemand heeft deze personen intussen gewijzigd")
    for key, row in before["persons"].items():
        if row is None:
            link_rows.drop_person(case.conn, key)
        else:
            link_rows.put_person(case.conn, row)
    for form, row in before["links"].items():
        if row is None:
            link_rows.drop_link(case.conn, form)
        else:
            link_rows.put_link(case.conn, row)
    audit.log(case.conn, case.actor, "person.restore", target=",".join(before["persons"]))


__all__ = [
    "NOT_A_PERSON",
    "Impact",
    "apply_links",
    "ensure_schema",
    "impact",
    "links",
    "merge",
    "not_a_person",
    "not_persons",
    "split",
    "undo_extra",
]
