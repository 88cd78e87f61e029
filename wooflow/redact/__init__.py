"""Redaction: text redaction, rendering non-PDF documents to PDF, PDF redaction, leak verifier.

Public API: ``redact_text``, ``render_pdf`` / ``render_document``, ``redact_pdf``, ``verify_pdf``.
"""

from __future__ import annotations

from wooflow.redact.pdf import Box, RedactionReport, redact_pdf
from wooflow.redact.render import RenderedPdf, render_document, render_pdf
from wooflow.redact.text import Span, redact_spans, redact_text
from wooflow.redact.verify import VerificationFailed, VerifyReport, verify_pdf

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
