"""pymupdf's layout model (pymupdf_layout, an ONNX session built on ``import pymupdf``) is left
out of every process that imports wooflow first; what MuPDF reads is the same without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
PDFS = [RESOURCES / "redact" / "pitfalls.pdf", RESOURCES / "publish" / "mixed" / "advies-meeroudergezinnen-2024.pdf"]

_READ = """
import json, sys
import wooflow.redact.pdf  # noqa: F401 - imports pymupdf the way a run does
import pymupdf
out = {"layout": sys.modules.get("pymupdf.layout") is not None, "hook": pymupdf._get_layout is not None,
       "onnx": "onnxruntime" in sys.modules, "texts": []}
for path in sys.argv[1:]:
    doc = pymupdf.open(path)
    for page in doc:
        out["texts"].append([page.get_text(), page.get_text("words"), page.get_text("rawdict"),
                             page.get_text("dict", flags=pymupdf.TEXT_PRESERVE_WHITESPACE)])
    doc.close()
print(json.dumps(out, default=repr))
"""


def _read(layout: bool) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "WOOFLOW_PYMUPDF_LAYOUT"}
    if layout:
        env["WOOFLOW_PYMUPDF_LAYOUT"] = "1"
    res = subprocess.run([sys.executable, "-c", _READ, *map(str, PDFS)], capture_output=True, text=True,
                         env=env, check=True)  # fmt: skip
    return dict(json.loads(res.stdout.splitlines()[-1]))


def test_the_layout_model_is_not_loaded_and_mupdf_reads_the_same() -> None:
    without = _read(layout=False)
    assert without["layout"] is False and without["hook"] is False
    with_layout = _read(layout=True)
    assert with_layout["layout"] is True and with_layout["hook"] is True  # the switch restores it
    assert without["texts"] == with_layout["texts"]
