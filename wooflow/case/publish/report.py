"""The case report: one self-contained HTML page with charts a coordinator can send upward.

Charts are inline SVG drawn here: the page must open offline and be safe to mail, so no
JavaScript, no CDN and no chart library (none is installed; bars and labels are a few lines).
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wooflow.case.publish.decision import datum, decide
from wooflow.case.publish.records import (
    DUBBEL,
    GROUND_ORDER,
    JUDGEMENTS,
    CaseMeta,
    PublishRecord,
    ReviewCounts,
)  # fmt: skip

COLOURS = {
    "openbaar": "#39870c",
    "deels openbaar": "#f9e11e",
    "niet openbaar": "#d52b1e",
    "reeds openbaar": "#01689b",
    "dubbel": "#8fcae7",
}
BAR = "#154273"
DOC_TYPES_NL = {"email": "e-mail", "other": "overig"}


@dataclass(slots=True)
class ReportData:
    """Everything the report shows besides the records themselves."""

    case: CaseMeta
    records: list[PublishRecord]
    review: ReviewCounts = field(default_factory=ReviewCounts)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    pages: int = 0
    generated: datetime | None = None
    # wooflow.case.workflow.Progress of the case: documents beoordeeld, as on every screen
    progress: Any = None


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def bar_chart(items: list[tuple[str, int]], title: str, colours: dict[str, str] | None = None) -> str:
    """Horizontal bars with the label left and the value right of each bar."""
    if not items or not any(v for _, v in items):
        return f'<figure><figcaption>{_esc(title)}</figcaption><p class="leeg">Geen gegevens.</p></figure>'
    row, label_w, bar_w = 22, 170, 360
    top = max(v for _, v in items)
    height = row * len(items) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 60}" height="{height}" '
        f'role="img" aria-label="{_esc(title)}">'
    ]
    for i, (name, value) in enumerate(items):
        y = 4 + i * row
        w = 0 if top == 0 else max(1, round(bar_w * value / top)) if value else 0
        colour = (colours or {}).get(name, BAR)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12">{_esc(name)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{row - 6}" fill="{colour}">'
            f"<title>{_esc(name)}: {value}</title></rect>"
            f'<text x="{label_w + w + 5}" y="{y + 14}" font-size="12">{value}</text>'
        )
    parts.append("</svg>")
    return f"<figure><figcaption>{_esc(title)}</figcaption>{''.join(parts)}</figure>"


def column_chart(items: list[tuple[str, int]], title: str) -> str:
    """Vertical bars over time (one per month), every label printed when it fits."""
    if not items:
        return f'<figure><figcaption>{_esc(title)}</figcaption><p class="leeg">Geen gedateerde documenten.</p></figure>'
    col = max(8, min(40, 640 // len(items)))
    chart_h, base = 160, 190
    top = max(v for _, v in items) or 1
    every = max(1, (len(items) * 46) // 640 + 1)  # skip labels so they do not overlap
    width = 40 + col * len(items)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{base + 40}" role="img" '
        f'aria-label="{_esc(title)}">'
    ]
    parts.append(f'<line x1="30" y1="{base}" x2="{width}" y2="{base}" stroke="#999"/>')
    parts.append(f'<text x="26" y="{base - chart_h + 4}" text-anchor="end" font-size="10">{top}</text>')
    for i, (name, value) in enumerate(items):
        h = round(chart_h * value / top)
        x = 32 + i * col
        parts.append(
            f'<rect x="{x}" y="{base - h}" width="{col - 2}" height="{h}" fill="{BAR}">'
            f"<title>{_esc(name)}: {value}</title></rect>"
        )
        if i % every == 0:
            parts.append(
                f'<text x="{x + col / 2}" y="{base + 12}" font-size="9" text-anchor="end" '
                f'transform="rotate(-45 {x + col / 2} {base + 12})">{_esc(name)}</text>'
            )
    parts.append("</svg>")
    return f"<figure><figcaption>{_esc(title)}</figcaption>{''.join(parts)}</figure>"


def _months(records: list[PublishRecord]) -> list[tuple[str, int]]:
    """Counts per month from the first to the last dated document, empty months included."""
    per = Counter((r.date.year, r.date.month) for r in records if r.date)
    if not per:
        return []
    (y, m), last = min(per), max(per)
    out = []
    while (y, m) <= last:
        out.append((f"{y}-{m:02d}", per.get((y, m), 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 62em; color: #1a1a1a; }
h1 { color: #154273; } h2 { border-bottom: 2px solid #154273; padding-bottom: .2em; }
table { border-collapse: collapse; margin: .5em 0 1em; } td, th { padding: .25em .8em;
border-bottom: 1px solid #ddd; text-align: left; } td.n { text-align: right; }
figure { margin: 1em 0; } figcaption { font-weight: bold; margin-bottom: .3em; }
.kpi { display: inline-block; margin: 0 1.5em 1em 0; } .kpi b { display: block; font-size: 1.8em;
color: #154273; } .leeg { color: #777; } footer { color: #777; font-size: .85em; margin-top: 3em; }
"""


DECISION_WORDS = {
    "niets": "niets aangetroffen", "geheel": "geheel openbaar",
    "gedeeltelijk": "gedeeltelijk openbaar", "niet": "niet openbaar",
}  # fmt: skip


def _table(rows: Sequence[tuple[str, object]]) -> str:
    body = "".join(f'<tr><td>{_esc(k)}</td><td class="n">{_esc(v)}</td></tr>' for k, v in rows)
    return f"<table>{body}</table>"


def render(data: ReportData) -> str:
    """The report as a complete HTML document (UTF-8, Dutch)."""
    recs = [r for r in data.records if r.in_scope]
    case = data.case
    by_type = Counter(DOC_TYPES_NL.get(r.doc_type, r.doc_type) for r in recs)
    by_judgement = Counter(r.judgement for r in recs)
    by_ground: Counter[str] = Counter()
    for r in recs:
        if r.judgement != DUBBEL:
            by_ground.update(set(r.grounds))
    rank = {g: i for i, g in enumerate(GROUND_ORDER)}
    grounds = sorted(by_ground.items(), key=lambda kv: (rank.get(kv[0], 99), kv[0]))
    dups = by_judgement.get(DUBBEL, 0)
    rev = data.review
    total_findings = rev.accepted + rev.proposed + rev.rejected
    done = 0 if total_findings == 0 else round(100 * (rev.accepted + rev.rejected) / total_findings)
    generated = (data.generated or datetime.now()).strftime("%Y-%m-%d %H:%M")
    kpis = [
        ("documenten", len(data.records)),
        ("binnen reikwijdte", len(recs)),
        ("dubbel", dups),
        ("te publiceren", sum(1 for r in recs if r.published)),
        ("pagina's", data.pages),
        ("beoordeling voltooid", f"{done}%") if data.progress is None
        else ("documenten beoordeeld", f"{data.progress.done} van {data.progress.total} ({data.progress.percent}%)"),
    ]
    deadline = case.extended_deadline or case.deadline
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>Zaakrapport Woo-verzoek {_esc(case.case_number)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>Zaakrapport Woo-verzoek {_esc(case.case_number)}</h1>",
        f"<p>{_esc(case.subject or case.request_text[:200])}</p>" if (case.subject or case.request_text) else "",
        _table(
            [
                ("Ontvangen", datum(case.received) if case.received else "onbekend"),
                ("Beslistermijn", datum(deadline) if deadline else "onbekend"),
                ("Voorlopig besluit", DECISION_WORDS[decide(data.records)]),
            ]
        ),  # fmt: skip
        "".join(f'<div class="kpi"><b>{_esc(v)}</b>{_esc(k)}</div>' for k, v in kpis),
        "<h2>Documenten</h2>",
        bar_chart(by_type.most_common(), "Documenten per soort"),
        bar_chart([(j, by_judgement.get(j, 0)) for j in JUDGEMENTS], "Documenten per beoordeling", COLOURS),
        bar_chart(grounds, "Documenten per uitzonderingsgrond"),
        column_chart(_months(recs), "Documenten per maand"),
        "<h2>Dubbele documenten</h2>",
        f"<p>{dups} van de {len(recs)} documenten binnen de reikwijdte zijn een dubbel van een ander document "
        "en worden niet opnieuw beoordeeld.</p>",
        "<h2>Voortgang van de beoordeling</h2>",
        bar_chart(
            [("geaccepteerd", rev.accepted), ("voorgesteld (te beoordelen)", rev.proposed),
             ("afgewezen", rev.rejected)],
            "Gevonden gegevens per status",
            {"geaccepteerd": "#39870c", "voorgesteld (te beoordelen)": "#f9e11e", "afgewezen": "#999999"},
        ),
        bar_chart(sorted(rev.by_category.items(), key=lambda kv: -kv[1]), "Gevonden gegevens per soort"),
    ]
    if data.failures:
        reasons = Counter(reason for _, reason in data.failures)
        parts += ["<h2>Niet verwerkte bestanden</h2>", _table(reasons.most_common())]
    parts.append(
        f"<footer>Gemaakt door wooflow op {_esc(generated)}. Dit rapport bevat geen persoonsgegevens "
        "en geen inhoud van documenten.</footer></body></html>"
    )
    return "\n".join(p for p in parts if p)
