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
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from wooflow.case.publish.inventory import LABELS, PDF_COLUMNS, InventoryRow, html_to_pdf, human_cell
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


def to_pdf(md: str, rows: list[InventoryRow], case: CaseMeta, annex_pdf: bytes | None = None) -> bytes:
    """Letter (portrait) followed by the inventory annex (landscape) in one PDF.
    ``annex_pdf``: ``inventory.to_pdf(rows, case)`` when the caller made it already."""
    import pymupdf

    letter = pymupdf.open("pdf", html_to_pdf(letter_html(md), LETTER_CSS, footer=f"Besluit {case.case_number}"))
    annex = pymupdf.open("pdf", annex_pdf if annex_pdf is not None else inventory_pdf(rows, case))
    letter.insert_pdf(annex)
    letter.set_metadata({"title": f"Besluit op Woo-verzoek {case.case_number}", "producer": "wooflow"})
    data = bytes(letter.tobytes(garbage=3, deflate=True))
    letter.close()
    annex.close()
    return data


def _add_runs(par: object, text: str) -> None:
    pos = 0
    for m in _BOLD.finditer(text):
        par.add_run(text[pos : m.start()])  # type: ignore[attr-defined]
        par.add_run(m.group(1)).bold = True  # type: ignore[attr-defined]
        pos = m.end()
    par.add_run(text[pos:])  # type: ignore[attr-defined]


def _fill_rows(table: Any, rows: list[InventoryRow], size: Any) -> None:
    """One table row per inventory row, as ``table.add_row().cells`` and ``cell.text`` write it.

    python-docx's ``add_row`` and ``_Row.cells`` look the row up among all rows of the table
    (quadratic: ~1.3 s for 357 rows, ~6.4 s for 1,428), and ``cell.text`` builds each cell
    element by element. The rows ``add_row`` makes for one table are all alike (a ``w:tc`` per
    grid column with that column's width), so the first one is copied and appended where
    ``add_row`` appends (the last child of ``w:tbl``). A cell whose text is plain (not empty, no
    tab or line break, no space at either end: one ``w:t`` without ``xml:space``) is a copy of
    the column's first plain cell with the text replaced; any other cell is filled through the
    same ``_Cell`` setter as before. The same XML, in linear time (``test_publish_decision.py``
    compares it with the library's own rows)."""
    from copy import deepcopy

    from docx.oxml.ns import qn
    from docx.table import _Cell

    if not rows:
        return
    blank = deepcopy(table.add_row()._tr)  # what add_row appended, before any text
    tbl = table._tbl
    tbl.remove(tbl.tr_lst[-1])
    plain: dict[int, Any] = {}  # column -> a filled cell with one w:t
    w_t = f".//{qn('w:t')}"
    for row in rows:
        tr = deepcopy(blank)
        tbl.append(tr)
        for col, (tc, attr) in enumerate(zip(tr.tc_lst, PDF_COLUMNS, strict=False)):
            text = human_cell(row, attr)
            simple = bool(text) and text.strip() == text and not any(c in text for c in "\t\r\n")
            if simple and col in plain:
                filled = deepcopy(plain[col])
                filled.find(w_t).text = text
                tr.replace(tc, filled)
                continue
            cell = _Cell(tc, table)
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = size
            if simple:
                plain[col] = deepcopy(tc)


def to_docx(md: str, rows: list[InventoryRow], case: CaseMeta) -> bytes:
    """An editable Word document: the letter, the articles annex and the inventory table."""
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
    _fill_rows(table, rows, Pt(8))
    if not rows:
        doc.add_paragraph("Geen documenten aangetroffen.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


__all__ = ["blocks", "count", "datum", "decide", "render_markdown", "to_docx", "to_pdf"]
