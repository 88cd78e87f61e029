"""Compare two publication packages of the same case (e.g. main and a branch, made by
``bench_casewide.py --keep``) file by file, allowing only what differs between two runs anyway.

    .venv/bin/python benchmarks/cmp_package.py PACKAGE_A PACKAGE_B

Allowed: a PDF's trailer ``/ID`` (random per write), ``docProps/core.xml`` in a docx/xlsx (the
time), ``manifest.json``'s ``created`` and the hashes/sizes of files that differ only so,
``rapport.html``'s lines with a time, ``auditlog.csv`` (the audit rows of earlier runs on a
reused case), and inside ``publicatie.zip`` the same per member. Everything else must be
byte-identical. Prints a summary; exit 1 when anything else differs.
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

TIMED_MEMBERS = {"docProps/core.xml"}
# the trailer's /ID: two strings, each hex (<...>) or literal ((...), MuPDF's choice when the
# random bytes read as text), a literal's backslash escapes included
_PDF_STRING = rb"(?:<[0-9A-Fa-f]*>|\((?:\\.|[^\\()])*\))"
_PDF_ID = re.compile(rb"/ID\s*\[\s*" + _PDF_STRING + rb"\s*" + _PDF_STRING + rb"\s*\]", re.S)
_TIME = re.compile(r"\d{1,2}:\d{2}")


def _office(a: bytes, b: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
        if za.namelist() != zb.namelist():
            return "DIFFERS: member list"
        bad = [n for n in za.namelist() if n not in TIMED_MEMBERS and za.read(n) != zb.read(n)]
        return f"DIFFERS: members {bad[:5]}" if bad else "docProps/core.xml only (time)"


def _pdf(a: bytes, b: bytes) -> str:
    if _PDF_ID.sub(b"", a) == _PDF_ID.sub(b"", b):
        return "trailer /ID only"
    import pymupdf

    with pymupdf.open("pdf", a) as pa, pymupdf.open("pdf", b) as pb:
        ta = [p.get_text() for p in pa]
        tb = [p.get_text() for p in pb]
    return "page texts equal (bytes differ beyond /ID)" if ta == tb else "DIFFERS: page texts"


def compare(name: str, a: bytes, b: bytes) -> str:
    """'' when equal; else a note (starting with DIFFERS when not an allowed difference)."""
    if a == b:
        return ""
    if name.endswith((".docx", ".xlsx")):
        return _office(a, b)
    if name.endswith(".pdf"):
        return _pdf(a, b)
    if name == "rapport.html":
        la, lb = a.decode().splitlines(), b.decode().splitlines()
        odd = [(x, y) for x, y in zip(la, lb, strict=False) if x != y and not (_TIME.search(x) and _TIME.search(y))]
        return "time lines only" if len(la) == len(lb) and not odd else f"DIFFERS: {odd[:2]}"
    if name == "auditlog.csv":
        nl = b"\n"
        return f"audit rows of the reused case ({a.count(nl)} vs {b.count(nl)} lines)"
    return f"DIFFERS ({len(a)} vs {len(b)} bytes)"


def main() -> int:
    pa, pb = Path(sys.argv[1]), Path(sys.argv[2])
    fa = {p.name for p in pa.iterdir() if p.is_file()}
    fb = {p.name for p in pb.iterdir() if p.is_file()}
    bad = 0
    if fa != fb:
        print(f"file lists differ: only in A {sorted(fa - fb)[:5]}, only in B {sorted(fb - fa)[:5]}")
        bad += 1
    same, notes, allowed = 0, [], set()
    for name in sorted(fa & fb - {"manifest.json", "publicatie.zip"}):
        note = compare(name, (pa / name).read_bytes(), (pb / name).read_bytes())
        if not note:
            same += 1
            continue
        notes.append(f"{name}: {note}")
        bad += note.startswith("DIFFERS")
        allowed.add(name)
    if "manifest.json" in fa & fb:
        ma, mb = (json.loads((p / "manifest.json").read_text(encoding="utf-8")) for p in (pa, pb))
        for m in (ma, mb):
            m.pop("created", None)
            m["files"] = [f if f["path"] not in allowed else {**f, "sha256": "", "size": 0} for f in m["files"]]
        ok = ma == mb
        notes.append("manifest.json: " + ("equal but 'created' and the hashes of the files above" if ok else "DIFFERS"))
        bad += not ok
    if "publicatie.zip" in fa & fb:
        with zipfile.ZipFile(pa / "publicatie.zip") as za, zipfile.ZipFile(pb / "publicatie.zip") as zb:
            if za.namelist() != zb.namelist():
                notes.append("publicatie.zip: DIFFERS: member list")
                bad += 1
            else:
                odd = []
                for n in za.namelist():
                    x, y = za.read(n), zb.read(n)
                    if x != y and n != "manifest.json" and (n not in allowed or compare(n, x, y).startswith("DIFFERS")):
                        odd.append(n)
                notes.append(f"publicatie.zip: {len(za.namelist())} members, "
                             + (f"DIFFERS: {odd[:5]}" if odd else "equal but the files above and the manifest"))
                bad += bool(odd)
    print(f"{len(fa)} / {len(fb)} files; byte-identical {same}; other {len(notes)}")
    for n in notes:
        print("  " + n)
    print("RESULT: " + ("same package" if not bad else f"{bad} real difference(s)"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
