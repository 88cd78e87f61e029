"""``analyze(doc) -> DocInfo``: type, metadata, structure and printed redaction codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wooflow.model import Document
from wooflow.understand.classify import classify
from wooflow.understand.codes import RedactionCode, count_codes, find_redaction_codes
from wooflow.understand.dates import iso
from wooflow.understand.lines import MAX_LINES, extract_fields, split_lines
from wooflow.understand.meta import extract_meta
from wooflow.understand.structure import (
    email_parts,
    field_value_lines,
    minutes,
    qa_pairs,
    sections,
)

MAX_SECTIONS = 500  # a 600-page report keeps its first 500 headings


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What a document is. ``to_json()`` is the CONTRACT.md ``info`` object plus extra fields."""

    path: str
    type: str
    date: str | None
    title: str | None
    kenmerk: str | None
    zaaknummer: str | None
    sender: str | None
    addressees: tuple[str, ...]
    redaction_codes: dict[str, int]
    type_score: float = 0.0
    type_evidence: tuple[str, ...] = ()
    date_source: str | None = None
    organisation: str | None = None
    unit: str | None = None
    references: tuple[dict[str, str], ...] = ()
    deadline: str | None = None
    attachments: tuple[str, ...] = ()
    publication_flag: bool | None = None
    cc: tuple[str, ...] = ()
    structure: dict[str, Any] = field(default_factory=dict)
    redaction_marks: tuple[RedactionCode, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "type": self.type,
            "date": self.date,
            "title": self.title,
            "kenmerk": self.kenmerk,
            "zaaknummer": self.zaaknummer,
            "sender": self.sender,
            "addressees": list(self.addressees),
            "redaction_codes": dict(self.redaction_codes),
            "type_score": self.type_score,
            "type_evidence": list(self.type_evidence),
            "date_source": self.date_source,
            "organisation": self.organisation,
            "unit": self.unit,
            "references": [dict(r) for r in self.references],
            "deadline": self.deadline,
            "attachments": list(self.attachments),
            "publication_flag": self.publication_flag,
            "cc": list(self.cc),
            "structure": self.structure,
            "redaction_marks": [
                {
                    "start": c.start,
                    "end": c.end,
                    "text": c.raw,
                    "code": c.code,
                    "law": c.law,
                    "woo": c.woo,
                    "in_sup": c.in_sup,
                }
                for c in self.redaction_marks
            ],
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> DocInfo:
        """Back from ``to_json()`` (how the case store keeps it); unknown keys are ignored."""
        marks = tuple(
            RedactionCode(
                m["start"],
                m["end"],
                m["text"],
                m["code"],
                m["law"],
                m.get("woo"),
                bool(m.get("in_sup")),
            )
            for m in obj.get("redaction_marks", ())
        )
        return cls(
            path=obj["path"],
            type=obj["type"],
            date=obj.get("date"),
            title=obj.get("title"),
            kenmerk=obj.get("kenmerk"),
            zaaknummer=obj.get("zaaknummer"),
            sender=obj.get("sender"),
            addressees=tuple(obj.get("addressees", ())),
            redaction_codes=dict(obj.get("redaction_codes", {})),
            type_score=float(obj.get("type_score", 0.0)),
            type_evidence=tuple(obj.get("type_evidence", ())),
            date_source=obj.get("date_source"),
            organisation=obj.get("organisation"),
            unit=obj.get("unit"),
            references=tuple(dict(r) for r in obj.get("references", ())),
            deadline=obj.get("deadline"),
            attachments=tuple(obj.get("attachments", ())),
            publication_flag=obj.get("publication_flag"),
            cc=tuple(obj.get("cc", ())),
            structure=dict(obj.get("structure", {})),
            redaction_marks=marks,
        )


def analyze(doc: Document) -> DocInfo:
    """Understand one document (children are analysed separately by the caller)."""
    text = doc.text or ""
    lines = split_lines(text, limit=None)  # sections: the whole document, one linear pass
    head = lines[:MAX_LINES]  # header fields and metadata live at the top
    fields = extract_fields(head)
    typ = classify(doc, text)
    meta = extract_meta(doc, fields, head, typ.type)
    codes = find_redaction_codes(text)
    secs = sections(lines, len(text), field_value_lines(lines, fields))[:MAX_SECTIONS]
    structure: dict[str, Any] = {"sections": secs}
    if typ.type == "kamervragen" or any(s["heading"].startswith("Vraag") for s in secs[:3]):
        structure["qa_pairs"] = qa_pairs(text)
    elif typ.type in ("verslag", "agenda", "besluitenlijst"):
        structure.update(minutes(fields, text, secs))
    if typ.type == "email" or doc.kind == "email":
        structure["email"] = email_parts(text)
    return DocInfo(
        path=doc.path,
        type=typ.type,
        date=iso(meta.date),
        title=meta.title,
        kenmerk=meta.kenmerk,
        zaaknummer=meta.zaaknummer,
        sender=meta.sender,
        addressees=tuple(meta.addressees),
        redaction_codes=count_codes(codes),
        type_score=typ.score,
        type_evidence=typ.evidence,
        date_source=meta.date_source,
        organisation=meta.organisation,
        unit=meta.unit,
        references=tuple(meta.references),
        deadline=iso(meta.deadline),
        attachments=tuple(meta.attachments),
        publication_flag=meta.publication_flag,
        cc=tuple(meta.cc),
        structure=structure,
        redaction_marks=tuple(codes),
    )
