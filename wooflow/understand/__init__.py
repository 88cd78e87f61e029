"""Document understanding: type, metadata, structure, printed redaction codes, bundle splitting.

Public API: ``analyze(doc) -> DocInfo`` (``DocInfo.to_json()`` is the CONTRACT.md ``info``
object), ``classify(doc)``, ``find_redaction_codes(text)``, ``count_codes(codes)``,
``WOB_TO_WOO``, ``split_bundle(doc) -> list[Segment]``, ``split_documents(doc) -> list[Document]``,
``segment_document(doc, segment)``, ``parse_date(text)``.
"""

from __future__ import annotations

from wooflow.understand.bundle import Segment, segment_document, split_bundle, split_documents
from wooflow.understand.classify import TYPES, TypeResult, classify
from wooflow.understand.codes import (
    GROUND_LABELS,
    WOB_TO_WOO,
    RedactionCode,
    count_codes,
    find_redaction_codes,
)
from wooflow.understand.dates import find_dates, parse_date
from wooflow.understand.info import DocInfo, analyze

__all__ = [
    "GROUND_LABELS",
    "TYPES",
    "WOB_TO_WOO",
    "DocInfo",
    "RedactionCode",
    "Segment",
    "TypeResult",
    "analyze",
    "classify",
    "count_codes",
    "find_dates",
    "find_redaction_codes",
    "parse_date",
    "segment_document",
    "split_bundle",
    "split_documents",
]
