"""Plain records the publication writers consume.

The writers (inventory, decision, DiWoo, report, package) take these dataclasses, not the case
database, so each can be tested on its own and fed from any source; ``process`` builds them
from the case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

OPENBAAR = "openbaar"
DEELS = "deels openbaar"
NIET = "niet openbaar"
REEDS = "reeds openbaar"
DUBBEL = "dubbel"
JUDGEMENTS = (OPENBAAR, DEELS, NIET, REEDS, DUBBEL)
# Judgements whose document is part of the publication (a PDF and a DiWoo file).
PUBLISHED = (OPENBAAR, DEELS)

GROUND_ORDER = (
    "5.1.1a", "5.1.1b", "5.1.1c", "5.1.1d", "5.1.1e",
    "5.1.2a", "5.1.2b", "5.1.2c", "5.1.2d", "5.1.2e", "5.1.2f", "5.1.2g", "5.1.2h", "5.1.2i",
    "5.1.5", "5.2",
)  # fmt: skip


def sort_grounds(grounds: set[str] | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Grounds in the order of the law, unknown codes last (alphabetically)."""
    rank = {g: i for i, g in enumerate(GROUND_ORDER)}
    return tuple(sorted(set(grounds), key=lambda g: (rank.get(g, len(rank)), g)))


@dataclass(slots=True)
class CaseMeta:
    """What the decision letter and the metadata need to know about the request.

    The requester is described by kind only ("journalist", "burger"): a name or address never
    reaches an output.
    """

    case_number: str
    request_text: str = ""
    subject: str = ""
    requester_kind: str = ""
    organisation: str | None = None  # TOOI URI, code (mnre1025) or name
    period_from: date | None = None
    period_to: date | None = None
    received: date | None = None
    confirmed: date | None = None
    extended: date | None = None  # date the extension (art. 4.4 lid 2) was announced
    deadline: date | None = None
    extended_deadline: date | None = None
    suspended_days: int = 0
    decision_date: date | None = None
    third_parties: int = 0  # rounds of zienswijzen (suspensions of the term, art. 4.4 lid 4)
    contact: str = "[naam contactpersoon]"
    reference: str = ""  # "Onze referentie"; defaults to the case number


@dataclass(slots=True)
class PublishRecord:
    """One document of the case as the publication sees it.

    ``key`` identifies the document across runs (the path it was ingested under); the
    ``*_key`` fields point at other records by that key.
    """

    key: str
    name: str
    file_type: str
    judgement: str
    doc_type: str = "other"
    date: date | None = None
    title: str | None = None
    grounds: tuple[str, ...] = ()
    explanation: str = ""
    public_link: str = ""
    parent_key: str | None = None  # the e-mail an attachment belongs to
    thread_key: str | None = None  # first message of the e-mail thread
    related_key: str | None = None  # the original of a "dubbel"
    reply_to_key: str | None = None  # the e-mail this e-mail answers (In-Reply-To)
    suspended: bool = False
    in_scope: bool = True
    pages: int = 1
    redacted_pdf: Path | None = None
    redactions: int = 0
    withheld: bool = False  # publication stopped (e.g. the leak verifier rejected the PDF)
    unreadable: str = ""  # the reason when the input could not be read (listed, not judged)
    family_number: int | None = None  # kept from an imported productierapport
    thread_number: int | None = None
    # Finding categories redacted per ground ({"5.1.2e": ("email", "person")}), for the letter.
    ground_categories: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def published(self) -> bool:
        return self.in_scope and self.judgement in PUBLISHED and not self.withheld and not self.unreadable


@dataclass(slots=True)
class ReviewCounts:
    """Review progress of the findings, for the report and the summary."""

    accepted: int = 0
    proposed: int = 0
    rejected: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
