"""Package-level checks of the DiWoo metadata beyond the XSD: what a receiving platform (the VWS
Woo platform, GPP-Woo, the Woo-index) relies on across files, which a schema cannot express.

- every published PDF has exactly one metadata file with the same stem, and the reverse;
- the first identifier is ``<aggregatiekenmerk>-<ID>`` with the ID that starts the file name
  (the platform matches files to inventory rows by that prefix), and no identifier repeats;
- the file name given as second identifier is a file in the package;
- each document ``isPartOf`` the decision, and the decision ``hasParts`` exactly the documents;
- a ``documentrelatie`` points at a document of the package;
- ``officieleTitel`` is not empty; ``creatiedatum`` is not after the decision nor in the future;
- every ``resource`` of a value list (organisation, category, type, language, format, action) is
  an http(s) URI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from lxml import etree

from wooflow.case.publish.diwoo import NS

_N = "{%s}" % NS
LOCAL_REFS = ("isPartOf", "hasPart", "relation")  # resources that name a package document
ID_PREFIX = re.compile(r"^([A-Za-z0-9\-]+) ")


def _text(root: etree._Element, tag: str) -> str:
    el = root.find(f".//{_N}{tag}")
    return (el.text or "").strip() if el is not None else ""


def check_package(
    out_dir: Path, files: Iterable[str] | None = None, besluit: str = "besluit.xml", today: date | None = None
) -> list[str]:
    """Problems (Dutch, one per line) across the package's DiWoo files; empty when none.
    ``files``: the package's file names (default: everything in the folder)."""
    out = Path(out_dir)
    names = set(files) if files is not None else {p.name for p in out.iterdir() if p.is_file()}
    today = today or date.today()
    problems: list[str] = []
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    bpath = out / besluit
    if not bpath.is_file():
        return [f"{besluit} ontbreekt"]
    broot = etree.parse(str(bpath), parser).getroot()
    b_id = _text(broot, "identifier")
    b_date = _text(broot, "creatiedatum")
    # one file's tree at a time (each document's XML parsed is ~20 KiB: all of them at once
    # were the package stage's largest growth with the case); kept per file: its identifiers
    # and the resources the last checks need
    paths = sorted(out / n for n in names if n.endswith(".xml") and n != besluit)
    pdfs = {Path(n).stem for n in names if n.endswith(".pdf") and ID_PREFIX.match(n)}
    stems = {p.stem for p in paths}
    problems += [f"{s}.pdf heeft geen metadata" for s in sorted(pdfs - stems)]
    problems += [f"{s}.xml hoort bij geen gepubliceerde PDF" for s in sorted(stems - pdfs)]
    seen: dict[str, str] = {b_id: besluit}
    firsts: set[str] = set()
    doc_ids: set[str] = set()
    resources: list[tuple[str, list[tuple[str, str]]]] = []  # per file: (local name, resource)
    for path in paths:
        name = path.name
        root = etree.parse(str(path), parser).getroot()
        ids = [(e.text or "").strip() for e in root.iter(f"{_N}identifier")]
        doc_ids.update(ids)
        kenmerk = _text(root, "aggregatiekenmerk")
        prefix = ID_PREFIX.match(name)
        if not ids or not prefix or ids[0] != f"{kenmerk}-{prefix.group(1)}":
            problems.append(f"{name}: eerste identifier is niet <zaaknummer>-<ID van de bestandsnaam>")
        for ident in ids:
            if ident in seen:
                problems.append(f"{name}: identifier {ident!r} ook in {seen[ident]}")
            seen[ident] = name
        if len(ids) > 1 and ids[1] not in names:
            problems.append(f"{name}: bestand {ids[1]!r} staat niet in het pakket")
        part = root.find(f".//{_N}isPartOf")
        if part is None or part.get("resource") != b_id:
            problems.append(f"{name}: isPartOf wijst niet naar het besluit ({b_id})")
        title = _text(root, "officieleTitel")
        if not title:
            problems.append(f"{name}: officieleTitel is leeg")
        created = _text(root, "creatiedatum")
        if created and (created > today.isoformat() or (b_date and created > b_date)):
            problems.append(f"{name}: creatiedatum {created} ligt na het besluit of in de toekomst")
        if ids:
            firsts.add(ids[0])
        resources.append((name, _resources(root)))
    parts = {str(e.get("resource")) for e in broot.iter(f"{_N}hasPart")}
    problems += [f"{besluit}: hasPart {p!r} is geen document van het pakket" for p in sorted(set(parts) - firsts)]
    problems += [f"{besluit}: document {d!r} ontbreekt in hasParts" for d in sorted(firsts - set(parts))]
    for name, found in [*resources, (besluit, _resources(broot))]:
        for local, res in found:
            if local in LOCAL_REFS:
                if local == "relation" and res not in doc_ids:
                    problems.append(f"{name}: documentrelatie naar onbekend document {res!r}")
            elif not res.startswith(("https://", "http://")):
                problems.append(f"{name}: {local} heeft geen URI als resource ({res!r})")
    return problems


def _resources(root: etree._Element) -> list[tuple[str, str]]:
    """(local name, resource) of every element with a ``resource`` the last checks look at: a
    relation, or a value that is not an http(s) URI (so a file's usual resources cost nothing)."""
    out = []
    for el in root.iter():
        res = el.get("resource")
        if res is None:
            continue
        local = etree.QName(el).localname
        if local == "relation" or (local not in LOCAL_REFS and not res.startswith(("https://", "http://"))):
            out.append((local, res))
    return out
