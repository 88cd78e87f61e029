"""wooflow: from a pile of Dutch government documents to a lawful Woo publication."""

import os as _os
import sys as _sys

# No network and no telemetry: onnxruntime (the neural name model's runtime, also pulled in by
# a dependency) otherwise writes a device id and event database under ~/.cache/Microsoft on
# import. The switch has to be set before onnxruntime is first imported, hence here.
_os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

# pymupdf 2.0 depends on pymupdf_layout and imports it on its own import, which builds an ONNX
# session of a layout graph model: ~0.4 CPU-s and ~55 MB in every process that imports pymupdf
# (the `process` parent, whose pool workers inherit it; every CLI command), for
# ``Page.get_layout()`` and pymupdf4llm only, neither used by wooflow (no text MuPDF gives
# depends on it: tests/redact/test_redact_pymupdf_layout.py). Left out here, before pymupdf can be imported;
# a process that imported pymupdf before wooflow keeps what it has.
# WOOFLOW_PYMUPDF_LAYOUT=1 keeps pymupdf's default.
if "pymupdf" not in _sys.modules and _os.environ.get("WOOFLOW_PYMUPDF_LAYOUT") != "1":
    _sys.modules.setdefault("pymupdf.layout", None)  # type: ignore[arg-type]

__version__ = "0.1.0"
