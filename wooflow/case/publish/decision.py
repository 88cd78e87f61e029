"""The decision letter draft (besluit op Woo-verzoek) as DOCX and PDF.

The text comes from Jinja2 templates (``templates/besluit.md.j2`` and one per ground in
``templates/grounds/``) so a legal department edits wording without touching code; a folder
given with ``--templates`` overrides any of them file by file. Templates write a tiny Markdown
subset (headings, bullets, quotes, paragraphs, **bold**) that we turn into DOCX and PDF
ourselves: no Markdown library is installed, and four constructs do not justify one.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from wooflow.case.publish.inventory import LABELS, PDF_COLUMNS, InventoryRow, html_to_pdf, human_cell, save_pdf
from wooflow.case.publish.inventory import to_pdf as inventory_pdf
from wooflow.case.publish.records import (
    DEELS,
    DUBBEL,
    NIET,
    OPENBAAR,
    REEDS,
    CaseMeta,
    PublishRecord,
    sort_grounds,
)  # fmt: skip
from wooflow.case.publish.woo_articles import ARTICLES, CATEGORY_WORDS, GROUNDS
from wooflow.exceptions import ConfigError

TEMPLATE_DIR = Path(__file__).parent / "templates"
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip


def datum(value: date | None) -> str:
    """A date as Dutch letters write it: 7 februari 2024."""
    if value is None:
        return "[datum]"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@dataclass(slots=True)
class Counts:
    """What the letter reports about the documents found."""

    found: int = 0
    out_of_scope: int = 0
    duplicates: int = 0
    judged: int = 0
    by_judgement: Counter[str] | None = None
    unreadable: int = 0  # listed as "niet ingelezen", not judged yet
    listed: int = 0  # rows of the inventory: found - out_of_scope


def count(records: list[PublishRecord]) -> Counts:
    """Counts that add up to the inventory: listed = duplicates + unreadable + judged."""
    in_scope = [r for r in records if r.in_scope]
    judged = [r for r in in_scope if r.judgement != DUBBEL and not r.unreadable]
    return Counts(
        found=len(records),
        out_of_scope=len(records) - len(in_scope),
        duplicates=sum(1 for r in in_scope if r.judgement == DUBBEL and not r.unreadable),
        judged=len(judged),
        by_judgement=Counter(r.judgement for r in judged),
        unreadable=sum(1 for r in in_scope if r.unreadable),
        listed=len(in_scope),
    )


def decide(records: list[PublishRecord]) -> str:
    """The decision as a whole: ``niets`` (nothing found), ``geheel``, ``gedeeltelijk``, ``niet``."""
    judged = [r.judgement for r in records if r.in_scope and r.judgement != DUBBEL and not r.unreadable]
    if not judged:
        return "niets"
    if all(j in (OPENBAAR, REEDS) for j in judged):
        return "geheel"
    if all(j == NIET for j in judged):
        return "niet"
    return "gedeeltelijk"


def _judgement_lines(c: Counts) -> list[str]:
    by = c.by_judgement or Counter()
    phrases = [
        (OPENBAAR, "wordt geheel openbaar gemaakt", "worden geheel openbaar gemaakt"),
        (DEELS, "wordt gedeeltelijk openbaar gemaakt", "worden gedeeltelijk openbaar gemaakt"),
        (NIET, "wordt niet openbaar gemaakt", "worden niet openbaar gemaakt"),
        (REEDS, "is al openbaar; de vindplaats staat in de inventarislijst",
         "zijn al openbaar; de vindplaats staat in de inventarislijst"),
    ]  # fmt: skip
    out = []
    for key, one, many in phrases:
        n = by.get(key, 0)
        if n:
            out.append(f"{n} document {one}" if n == 1 else f"{n} documenten {many}")
    return out


def environment(override_dir: Path | None = None) -> SandboxedEnvironment:
    """Templates from ``override_dir`` first, then the packaged ones. Sandboxed: templates are
    user-editable files, not code."""
    loaders: list[jinja2.BaseLoader] = []
    if override_dir is not None:
        if not Path(override_dir).is_dir():
            raise ConfigError(f"sjablonenmap {override_dir} bestaat niet")
        loaders.append(jinja2.FileSystemLoader(str(override_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATE_DIR)))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals["datum"] = datum
    return env


def _ground_sections(env: SandboxedEnvironment, records: list[PublishRecord], case: CaseMeta) -> list[dict[str, str]]:
    """One motivation section per ground actually used in a judged document."""
    used: Counter[str] = Counter()
    cats: dict[str, set[str]] = {}
    for rec in records:
        if not rec.in_scope or rec.judgement in (DUBBEL, OPENBAAR, REEDS):
            continue
        for g in set(rec.grounds):
            used[g] += 1
        for g, cs in rec.ground_categories.items():
            cats.setdefault(g, set()).update(cs)
    sections = []
    for code in sort_grounds(list(used)):
        name, article = GROUNDS.get(code, (f"Uitzonderingsgrond {code}", f"artikel {code}"))
        words = sorted({CATEGORY_WORDS.get(c, c) for c in cats.get(code, set())})
        soorten = ", ".join(words[:-1]) + " en " + words[-1] if len(words) > 1 else "".join(words)
        ctx = dict(code=code, naam=name, artikel=article, aantal=used[code], soorten=soorten, case=case)
        try:
            tpl = env.get_template(f"grounds/{code}.md.j2")
        except jinja2.TemplateNotFound:
            tpl = env.get_template("grounds/_algemeen.md.j2")
        sections.append({"code": code, "title": f"{name} ({article}, Woo)", "text": _render(tpl, ctx).strip()})
    return sections


def _render(tpl: jinja2.Template, ctx: dict[str, object]) -> str:
    try:
        return tpl.render(**ctx)
    except jinja2.TemplateError as exc:
        raise ConfigError(f"sjabloon {tpl.name}: {exc}") from exc


def render_markdown(
    case: CaseMeta,
    records: list[PublishRecord],
    templates: Path | None = None,
    signer: str = "[naam en functie ondertekenaar]",
    objection_to: str = "[naam en adres van het bestuursorgaan]",
    pending: int = 0,
) -> str:
    """The letter text with the annex of articles, in the Markdown subset. ``pending`` is the
    number of findings not yet reviewed; the letter then says it is a concept."""
    env = environment(templates)
    c = count(records)
    grounds = _ground_sections(env, records, case)
    try:
        main = env.get_template("besluit.md.j2")
    except jinja2.TemplateNotFound as exc:  # only when an override folder shadows it badly
        raise ConfigError(f"sjabloon besluit.md.j2 ontbreekt: {exc}") from exc
    text = _render(
        main,
        dict(
            case=case,
            counts=c,
            besluit=decide(records),
            judgement_lines=_judgement_lines(c),
            grounds=grounds,
            bijlagen=["1. Wettelijk kader", "2. Inventarislijst"],
            ondertekening=signer,
            bezwaar_bij=objection_to,
            te_beoordelen=pending,
        ),
    )
    articles = ["1.1", "4.4", *[g["code"] for g in grounds]]
    annex = ["# Bijlage 1 — Wettelijk kader", "",
             "Hieronder staat een zakelijke weergave van de toegepaste artikelen van de Wet open "
             "overheid. De officiële tekst staat op wetten.overheid.nl (BWBR0045754).", ""]  # fmt: skip
    for code in articles:
        annex += [ARTICLES.get(code, f"Artikel {code} Woo."), ""]
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n\n" + "\n".join(annex)


_META = re.compile(r"^(Datum|Betreft|Onze referentie|Uw referentie|Bijlagen|Contactpersoon): ")
Block = tuple[str, str]  # (kind, text): h1, h2, h3, p, li, quote


def blocks(md: str) -> list[Block]:
    """Parse the Markdown subset into blocks; consecutive plain lines form one paragraph."""
    out: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(("p", " ".join(para)))
            para.clear()

    for raw in md.splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        m = re.match(r"^(#{1,3}) +(.*)$", line)
        if m:
            flush()
            out.append((f"h{len(m.group(1))}", m.group(2).strip()))
        elif line.startswith("- "):
            flush()
            out.append(("li", line[2:].strip()))
        elif line.startswith("> "):
            flush()
            out.append(("quote", line[2:].strip()))
        elif _META.match(line) and not para:
            # letterhead lines ("Datum: ...") each stay on a line of their own
            out.append(("meta", line))
        else:
            para.append(line.strip())
    flush()
    return out


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline_html(text: str) -> str:
    return _BOLD.sub(r"<b>\1</b>", html.escape(text))


LETTER_CSS = """
body { font-family: sans-serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 15pt; color: #154273; } h2 { font-size: 12pt; margin-top: 12pt; }
h3 { font-size: 10.5pt; margin-top: 8pt; } p { margin: 0 0 6pt 0; text-align: left; }
p.meta { margin: 0; } p.meta + p { margin-top: 12pt; } blockquote { font-style: italic; margin: 4pt 18pt; }
li { margin-bottom: 2pt; }
"""


def letter_html(md: str) -> str:
    parts = []
    in_list = False
    for kind, text in blocks(md):
        if kind == "li" and not in_list:
            parts.append("<ul>")
            in_list = True
        elif kind != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        if kind in ("h1", "h2", "h3"):
            parts.append(f"<{kind}>{_inline_html(text)}</{kind}>")
        elif kind == "li":
            parts.append(f"<li>{_inline_html(text)}</li>")
        elif kind == "quote":
            parts.append(f"<blockquote>{_inline_html(text)}</blockquote>")
        elif kind == "meta":
            parts.append(f'<p class="meta">{_inline_html(text)}</p>')
        else:
            parts.append(f"<p>{_inline_html(text)}</p>")
    if in_list:
        parts.append("</ul>")
    return "".join(parts)


def to_pdf(
    md: str, rows: Sequence[InventoryRow], case: CaseMeta, annex_pdf: bytes | Path | None = None
) -> bytes:
    """``write_pdf`` into memory; without ``annex_pdf`` the annex is made from ``rows``."""
    out = io.BytesIO()
    write_pdf(md, case, annex_pdf if annex_pdf is not None else inventory_pdf(rows, case), out)
    return out.getvalue()


def write_pdf(md: str, case: CaseMeta, annex_pdf: bytes | Path, target: IO[bytes] | Path) -> None:
    """Letter (portrait) followed by the inventory annex (landscape) in one PDF, written to
    ``target`` (a path or a binary file without a name). ``annex_pdf``: the inventory PDF
    (``inventory.write_pdf``), its bytes or its file (read by MuPDF as needed; only its
    compressed objects are copied)."""
    import pymupdf

    letter = pymupdf.open("pdf", html_to_pdf(letter_html(md), LETTER_CSS, footer=f"Besluit {case.case_number}"))
    annex = pymupdf.open(annex_pdf) if isinstance(annex_pdf, Path) else pymupdf.open("pdf", annex_pdf)
    letter.insert_pdf(annex)
    letter.set_metadata({"title": f"Besluit op Woo-verzoek {case.case_number}", "producer": "wooflow"})
    save_pdf(letter, target)
    letter.close()
    annex.close()


def _add_runs(par: object, text: str) -> None:
    pos = 0
    for m in _BOLD.finditer(text):
        par.add_run(text[pos : m.start()])  # type: ignore[attr-defined]
        par.add_run(m.group(1)).bold = True  # type: ignore[attr-defined]
        pos = m.end()
    par.add_run(text[pos:])  # type: ignore[attr-defined]


class _RowXml:
    """The XML of one table row per inventory row, as ``table.add_row().cells`` and ``cell.text``
    write it.

    python-docx's ``add_row`` and ``_Row.cells`` look the row up among all rows of the table
    (quadratic: ~1.3 s for 357 rows, ~6.4 s for 1,428), and ``cell.text`` builds each cell
    element by element. The rows ``add_row`` makes for one table are all alike (a ``w:tc`` per
    grid column with that column's width), so the first one is copied for every row. A cell
    whose text is plain (not empty, no tab or line break, no space at either end: one ``w:t``
    without ``xml:space``) is a copy of the column's first plain cell with the text replaced;
    any other cell is filled through the same ``_Cell`` setter. Each row is attached to the
    table only while it is serialised, so the document never holds more than one row
    (``test_publish_decision.py`` compares the XML with the library's own rows)."""

    def __init__(self, table: Any, size: Any) -> None:
        from docx.oxml.ns import qn

        self.table, self.size = table, size
        self.tbl = table._tbl
        self.blank = deepcopy(table.add_row()._tr)  # what add_row appended, before any text
        self.tbl.remove(self.tbl.tr_lst[-1])
        self.plain: dict[int, Any] = {}  # column -> a filled cell with one w:t
        self.w_t = f".//{qn('w:t')}"

    def xml(self, row: InventoryRow) -> bytes:
        from docx.table import _Cell
        from lxml import etree

        tr = deepcopy(self.blank)
        self.tbl.append(tr)  # in the document: namespaces as the whole document declares them
        for col, (tc, attr) in enumerate(zip(tr.tc_lst, PDF_COLUMNS, strict=False)):
            text = human_cell(row, attr)
            simple = bool(text) and text.strip() == text and not any(c in text for c in "\t\r\n")
            if simple and col in self.plain:
                filled = deepcopy(self.plain[col])
                filled.find(self.w_t).text = text
                tr.replace(tc, filled)
                continue
            cell = _Cell(tc, self.table)
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = self.size
            if simple:
                self.plain[col] = deepcopy(tc)
        data = etree.tostring(tr, encoding="UTF-8")
        self.tbl.remove(tr)
        # serialised alone, the row's first tag repeats every namespace declaration in scope;
        # inside the document they are declared once, on its root
        end = data.index(b">")
        return _XMLNS.sub(b"", data[:end]) + data[end:]


_XMLNS = re.compile(rb' xmlns(?::[A-Za-z0-9_.-]+)?="[^"]*"')
_ROWS_MARK = "wooflow: inventarisrijen"


def to_docx(md: str, rows: Iterable[InventoryRow], case: CaseMeta) -> bytes:
    """``write_docx`` into memory."""
    out = io.BytesIO()
    write_docx(md, rows, case, out)
    return out.getvalue()


def letter_docx(md: str, case: CaseMeta) -> tuple[Any, Any]:
    """The python-docx document of the letter and the articles annex, ending in the inventory
    table with its header row only; returns the document and the table."""
    from docx import Document as DocxDocument
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    doc = DocxDocument()
    doc.core_properties.title = f"Besluit op Woo-verzoek {case.case_number}"
    doc.styles["Normal"].font.size = Pt(10)
    for kind, text in blocks(md):
        if kind in ("h1", "h2", "h3"):
            if kind == "h1" and text.startswith("Bijlage"):
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            doc.add_heading(text, level=int(kind[1]))
        elif kind == "li":
            _add_runs(doc.add_paragraph(style="List Bullet"), text)
        elif kind == "quote":
            _add_runs(doc.add_paragraph(style="Quote"), text)
        elif kind == "meta":
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            _add_runs(p, text)
        else:
            _add_runs(doc.add_paragraph(), text)
    section = doc.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_heading("Bijlage 2 — Inventarislijst", level=1)
    table = doc.add_table(rows=1, cols=len(PDF_COLUMNS))
    table.style = "Table Grid"
    for cell, attr in zip(table.rows[0].cells, PDF_COLUMNS, strict=False):
        cell.text = LABELS[attr]
        for run in cell.paragraphs[0].runs:
            run.bold = True
            run.font.size = Pt(8)
    return doc, table


def write_docx(md: str, rows: Iterable[InventoryRow], case: CaseMeta, target: IO[bytes] | Path) -> None:
    """An editable Word document: the letter, the articles annex and the inventory table,
    written to ``target`` (a path or a binary, seekable file).

    The inventory table is streamed: python-docx makes the document with the table's header
    row and a marker where the rows go, and ``word/document.xml`` is then written into the
    zip in three parts (before the marker, one row at a time, after it); the other parts
    are copied as python-docx wrote them. A large case's table (an lxml tree of every cell:
    ~20 KiB per row) is never in memory."""
    from lxml import etree

    doc, table = letter_docx(md, case)
    it = iter(rows)
    first = next(it, None)
    if first is None:
        doc.add_paragraph("Geen documenten aangetroffen.")
        doc.save(target)
        return
    from docx.shared import Pt

    row_xml = _RowXml(table, Pt(8))
    table._tbl.append(etree.Comment(_ROWS_MARK))
    skeleton = io.BytesIO()
    doc.save(skeleton)
    mark = f"<!--{_ROWS_MARK}-->".encode()
    with zipfile.ZipFile(skeleton) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info, src.read(info))
                continue
            before, after = src.read(info).split(mark)
            part = zipfile.ZipInfo(info.filename, info.date_time)
            part.compress_type = info.compress_type
            with dst.open(part, "w") as out:
                out.write(before)
                out.write(row_xml.xml(first))
                for row in it:
                    out.write(row_xml.xml(row))
                out.write(after)


__all__ = ["blocks", "count", "datum", "decide", "render_markdown", "to_docx", "to_pdf", "write_docx", "write_pdf"]
