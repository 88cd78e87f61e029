"""Redaction: text redaction, rendering non-PDF documents to PDF, PDF redaction, leak verifier.

Public API: ``redact_text``, ``render_pdf`` / ``render_document``, ``redact_pdf``, ``verify_pdf``.

The names are loaded on first use (PEP 562): text redaction (``wooflow.redact.text``, used by the
web UI's published-text view) must not pay for importing PyMuPDF and pdfium (~1 s).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wooflow.redact.pdf import Box, RedactionReport, redact_pdf
    from wooflow.redact.render import RenderedPdf, render_document, render_pdf
    from wooflow.redact.text import Span, redact_spans, redact_text
    from wooflow.redact.verify import VerificationFailed, VerifyReport, verify_pdf

_WHERE = {
    "Box": "pdf", "RedactionReport": "pdf", "redact_pdf": "pdf",
    "RenderedPdf": "render", "render_document": "render", "render_pdf": "render",
    "Span": "text", "redact_spans": "text", "redact_text": "text",
    "VerificationFailed": "verify", "VerifyReport": "verify", "verify_pdf": "verify",
}

__all__ = [
    "Box",
    "RedactionReport",
    "RenderedPdf",
    "Span",
    "VerificationFailed",
    "VerifyReport",
    "redact_pdf",
    "redact_spans",
    "redact_text",
    "render_document",
    "render_pdf",
    "verify_pdf",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"wooflow.redact.{module}"), name)
    globals()[name] = value
    return value
