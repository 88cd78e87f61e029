"""Document understanding: type, metadata, structure, printed redaction codes, bundle splitting.

Public API: ``analyze(doc) -> DocInfo`` (``DocInfo.to_json()`` is the CONTRACT.md ``info``
object), ``classify(doc)``, ``find_redaction_codes(text)``, ``count_codes(codes)``,
``WOB_TO_WOO``, ``split_bundle(doc) -> list[Segment]``, ``split_documents(doc) -> list[Document]``,
``segment_document(doc, segment)``, ``parse_date(text)``; in a case: ``analyze_case(store)``,
``save_info``, ``load_info`` (table ``understand_info``).
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
from wooflow.understand.persist import analyze_case, load_info, save_info

__all__ = [
    "GROUND_LABELS",
    "TYPES",
    "WOB_TO_WOO",
    "DocInfo",
    "RedactionCode",
    "Segment",
    "TypeResult",
    "analyze",
    "analyze_case",
    "classify",
    "count_codes",
    "find_dates",
    "find_redaction_codes",
    "load_info",
    "parse_date",
    "save_info",
    "segment_document",
    "split_bundle",
    "split_documents",
]
