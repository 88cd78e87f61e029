"""`wooflow case ...`, `search`, `scope`, `dedupe`, `review`, `persons`, `judge`: thin over wooflow.case."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Optional

import typer

case_app = typer.Typer(
    help="Een Woo-verzoek als zaak: gegevens, termijnen, documenten en auditlog.",
    no_args_is_help=True,
)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is geen datum (JJJJ-MM-DD)", param_hint=option) from None


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False)


def _json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _open(case_dir: str) -> Any:
    from wooflow.case import Case

    return Case.open(case_dir)


# -- case ------------------------------------------------------------------------------------


@case_app.command("init")
def case_init(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL (mag al ingelezen documenten bevatten)."),
    request: str = typer.Option(..., "--request", help="De tekst van het verzoek."),
    received: str = typer.Option(..., "--received", help="Datum van ontvangst (JJJJ-MM-DD)."),
    period_from: Optional[str] = typer.Option(None, "--period-from", help="Periode vanaf."),
    period_to: Optional[str] = typer.Option(None, "--period-to", help="Periode tot en met."),
    requester_kind: str = typer.Option("burger", "--requester-kind", help="Soort verzoeker (geen naam)."),
    organisation: str = typer.Option("", "--organisation", help="Bestuursorgaan."),
    case_number: str = typer.Option("", "--case-number", help="Zaaknummer."),
    title: str = typer.Option("", "--title", help="Korte omschrijving van het onderwerp."),
) -> None:
    """Maak een nieuwe zaak voor een Woo-verzoek."""
    from wooflow.case import Case, CaseInfo

    info = CaseInfo(
        request=request,
        received=_date(received, "--received") or date.today(),
        requester_kind=requester_kind,
        period_from=_date(period_from, "--period-from"),
        period_to=_date(period_to, "--period-to"),
        organisation=organisation,
        case_number=case_number,
        title=title,
    )
    with Case.init(case_dir, info) as case:
        d = case.deadlines()
        _console().print(f"Zaak aangemaakt in {case_dir}; beslissen uiterlijk {d.due.isoformat()}.")


@case_app.command("show")
def case_show(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    fmt: str = typer.Option("text", "--format", help="text of json."),
) -> None:
    """Toon zaakgegevens, termijnen en voortgang."""
    from rich.table import Table

    from wooflow.case import judgements

    with _open(case_dir) as case:
        info, d = case.info, case.deadlines()
        recs = case.records()
        counts: dict[str, int] = {}
        for j in judgements(case):
            counts[j.judgement] = counts.get(j.judgement, 0) + 1
        from wooflow.store.repos import findings as finding_rows

        status = finding_rows.status_counts(case.conn)
        summary = {
            "info": info.to_json(),
            "deadlines": d.to_json(),
            "extended_on": case.extended_on().isoformat() if case.extended_on() else None,
            "documents": len(recs),
            "in_scope": sum(r.in_scope for r in recs),
            "judgements": counts,
            "findings": status,
        }
    if fmt == "json":
        _json(summary)
        return
    t = Table(title=f"Zaak {info.case_number or case_dir}", show_header=False)
    t.add_column("", style="bold")
    t.add_column("")
    t.add_row("Verzoek", info.request)
    t.add_row("Soort verzoeker", info.requester_kind)
    t.add_row("Bestuursorgaan", info.organisation or "-")
    period = f"{info.period_from or '…'} t/m {info.period_to or '…'}"
    t.add_row("Periode", period)
    t.add_row("Ontvangen", info.received.isoformat())
    t.add_row("Termijn (4 weken)", d.base_due.isoformat())
    t.add_row("Verdaagd (+2 weken)", "ja" if d.extended else "nee")
    t.add_row("Opgeschort", f"{d.suspended_days} dagen" + (" (loopt nog)" if d.suspension_running else ""))
    due = d.due.isoformat() + (f" (verschoven van {d.moved_from}, Atw)" if d.moved_from else "")
    t.add_row("Beslissen uiterlijk", due)
    left = f"{d.days_left} dagen" if not d.overdue else f"[red]{-d.days_left} dagen te laat[/]"
    t.add_row("Resterend", left)
    t.add_row("Documenten", f"{summary['documents']} ({summary['in_scope']} binnen het verzoek)")
    t.add_row("Oordelen", ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "-")
    t.add_row("Bevindingen", ", ".join(f"{k}: {v}" for k, v in sorted(status.items())) or "-")
    _console().print(t)


@case_app.command("add")
def case_add(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    paths: list[Path] = typer.Argument(..., help="Bestanden of mappen."),
) -> None:
    """Lees documenten in de zaak in en indexeer ze (herstartbaar)."""
    with _open(case_dir) as case:
        s = case.add_paths(paths)
        for failure in s.failures:
            print(f"wooflow: {failure.line()}")
        _console().print(f"opgeslagen: {s.stored}, overgeslagen: {s.skipped}, mislukt: {s.failed}")
    if s.failed:
        raise typer.Exit(1)


@case_app.command("extend")
def case_extend(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    on: Optional[str] = typer.Option(None, "--on", help="Datum van het verdagingsbesluit."),
    note: str = typer.Option("", "--note", help="Toelichting."),
) -> None:
    """Verdaag de beslistermijn met twee weken (art. 4.4 lid 2 Woo)."""
    with _open(case_dir) as case:
        case.extend(_date(on, "--on"), note)
        _console().print(f"Verdaagd; beslissen uiterlijk {case.deadlines().due.isoformat()}.")


@case_app.command("suspend")
def case_suspend(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    start: str = typer.Option(..., "--from", help="Begin van de opschorting (zienswijze gevraagd)."),
    end: Optional[str] = typer.Option(None, "--to", help="Einde (leeg: loopt nog)."),
    note: str = typer.Option("", "--note", help="Bijvoorbeeld welke derde-belanghebbende."),
    docs: Optional[list[int]] = typer.Option(
        None, "--doc", help="Document waarover de zienswijze gaat (herhaalbaar); "
        "in de inventarislijst 'Opgeschort: ja'."),
) -> None:
    """Schort de termijn op terwijl derden hun zienswijze geven."""
    with _open(case_dir) as case:
        case.suspend(_date(start, "--from") or date.today(), _date(end, "--to"), note, docs or ())
        _console().print(f"Opgeschort; beslissen uiterlijk {case.deadlines().due.isoformat()}.")


@case_app.command("resume")
def case_resume(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    on: str = typer.Option(..., "--on", help="Einde van de opschorting."),
) -> None:
    """Beëindig een lopende opschorting."""
    with _open(case_dir) as case:
        case.end_suspension(_date(on, "--on") or date.today())
        _console().print(f"Opschorting beëindigd; beslissen uiterlijk {case.deadlines().due.isoformat()}.")


@case_app.command("detect")
def case_detect(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    policy: bool = typer.Option(True, "--policy/--no-policy", help="Acceptatiebeleid toepassen."),
    min_score: float = typer.Option(0.9, "--min-score", help="Accepteer vanaf deze score."),
    categories: str = typer.Option(
        "bsn,iban,email,phone", "--accept-categories",
        help="Categorieën die altijd worden geaccepteerd (kommagescheiden; leeg: geen).",
    ),
) -> None:
    """Zoek persoonsgegevens in alle documenten; beoordeelde bevindingen blijven staan."""
    from wooflow.case import AcceptancePolicy, apply_policy, run_detection

    cats = frozenset(c.strip() for c in categories.split(",") if c.strip())
    with _open(case_dir) as case:
        new = run_detection(case)
        accepted = apply_policy(case, AcceptancePolicy(cats, min_score)) if policy else 0
        _console().print(f"nieuwe bevindingen: {new}; automatisch geaccepteerd: {accepted}")


@case_app.command("audit")
def case_audit(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    doc_id: Optional[int] = typer.Option(None, "--doc", help="Alleen dit document."),
    fmt: str = typer.Option("text", "--format", help="text of json."),
) -> None:
    """Toon het auditlog (wie deed wat, wanneer)."""
    from wooflow.case import audit_log

    with _open(case_dir) as case:
        rows = audit_log(case.conn, doc_id)
    if fmt == "json":
        _json([r.to_json() for r in rows])
        return
    for r in rows:
        doc = f" doc {r.doc_id}" if r.doc_id is not None else ""
        tgt = f" {r.target}" if r.target else ""
        print(f"{r.at} {r.actor} {r.action}{doc}{tgt} {json.dumps(r.detail, ensure_ascii=False)}")


# -- top-level commands ---------------------------------------------------------------------


def search_cmd(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    query: str = typer.Argument("", help='Zoekvraag: woorden, "zinsdeel", AND/OR/NOT, prefix*.'),
    doc_type: Optional[str] = typer.Option(None, "--type", help="Documentsoort (nota, email, ...)."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Datum vanaf (JJJJ-MM-DD)."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Datum tot en met."),
    sender: Optional[str] = typer.Option(None, "--sender", help="Afzender bevat."),
    addressee: Optional[str] = typer.Option(None, "--addressee", help="Geadresseerde bevat."),
    attachments: Optional[bool] = typer.Option(None, "--attachments/--no-attachments", help="Met of zonder bijlagen."),
    judgement: Optional[str] = typer.Option(None, "--judgement", help="Oordeel (openbaar, deels-openbaar, ...)."),
    scope: Optional[str] = typer.Option(None, "--scope", help="in of out."),
    limit: int = typer.Option(20, "--limit", help="Aantal resultaten."),
    fmt: str = typer.Option("text", "--format", help="text of json."),
) -> None:
    """Zoek in de documenten van een zaak (diakrieten en vervoegingen maken niet uit)."""
    from rich.markup import escape

    from wooflow.case import SearchFilters, count, search

    filters = SearchFilters(
        date_from=date_from, date_to=date_to, type=doc_type, sender=sender, addressee=addressee,
        has_attachments=attachments, judgement=judgement,
        in_scope=None if scope is None else scope == "in",
    )
    with _open(case_dir) as case:
        hits = search(case, query, filters, limit=limit)
        total = count(case, query, filters)
    if fmt == "json":
        _json({"query": query, "total": total, "hits": [h.to_json() for h in hits]})
        return
    con = _console()
    con.print(f"{total} document(en) gevonden" + (f", de beste {len(hits)}:" if total > len(hits) else ":"))
    for h in hits:
        snip = escape(h.snippet).replace("«", "[bold yellow]").replace("»", "[/]")
        con.print(f"[bold]{h.doc_id}[/] {escape(h.name)} ({h.type or '?'}, {h.date or 'zonder datum'})")
        con.print(f"    {snip}")


def scope_cmd(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    doc_ids: Optional[list[int]] = typer.Argument(None, help="Documentnummers."),
    query: Optional[str] = typer.Option(None, "--query", help="Alle documenten die aan deze zoekvraag voldoen."),
    inside: bool = typer.Option(True, "--in/--out", help="Binnen of buiten het verzoek."),
    reason: str = typer.Option("", "--reason", help="Reden (komt in het auditlog)."),
) -> None:
    """Markeer documenten als binnen of buiten de reikwijdte van het verzoek."""
    from wooflow.case import matching_ids, set_scope

    if not doc_ids and not query:
        raise typer.BadParameter("geef documentnummers of --query")
    with _open(case_dir) as case:
        ids = set(doc_ids or [])
        if query:
            ids |= set(matching_ids(case, query))
        changed = set_scope(case, ids, inside, reason)
    where = "binnen" if inside else "buiten"
    _console().print(f"{len(ids)} document(en) {where} het verzoek ({changed} gewijzigd).")


def dedupe_cmd(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    threshold: float = typer.Option(0.9, "--threshold", min=0.1, max=1.0, help="Drempel bijna-gelijk (Jaccard)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Alleen tonen, geen oordelen zetten."),
    fmt: str = typer.Option("text", "--format", help="text of json."),
) -> None:
    """Vind dubbele documenten (exact, bijna gelijk, geciteerd in een latere e-mail)."""
    from wooflow.case import dedupe

    with _open(case_dir) as case:
        groups = dedupe(case, threshold, apply=not dry_run)
        names = {r.doc_id: r.name for r in case.records()}
    if fmt == "json":
        _json([g.to_json() for g in groups])
        return
    con = _console()
    rules = {"exact": "exact gelijk", "bijna": "bijna gelijk", "citaat": "geciteerd in"}
    for g in groups:
        con.print(f"[bold]behouden {g.kept}[/] {names.get(g.kept, '')}")
        for d, rule in g.duplicates:
            con.print(f"    dubbel {d} {names.get(d, '')} ({rules[rule]})")
    con.print(f"{len(groups)} groep(en), {sum(len(g.duplicates) for g in groups)} dubbele document(en).")


def review_cmd(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    doc_id: int = typer.Argument(..., help="Documentnummer."),
    accept_ids: Optional[list[int]] = typer.Option(None, "--accept", help="Accepteer bevinding (herhaalbaar)."),
    reject_ids: Optional[list[int]] = typer.Option(None, "--reject", help="Verwerp bevinding (herhaalbaar)."),
    add_span: Optional[tuple[int, int]] = typer.Option(None, "--add", help="Voeg lakking toe: BEGIN EINDE."),
    category: str = typer.Option("person", "--category", help="Categorie van de toegevoegde lakking."),
    ground: str = typer.Option("5.1.2e", "--ground", help="Weigeringsgrond van de toegevoegde lakking."),
    fmt: str = typer.Option("text", "--format", help="text of json."),
) -> None:
    """Beoordeel de bevindingen van één document (zonder opties: toon ze)."""
    from rich.markup import escape
    from rich.table import Table

    from wooflow.case import accept, add, findings, reject

    with _open(case_dir) as case:
        for fid in accept_ids or []:
            accept(case, fid, doc_id)
        for fid in reject_ids or []:
            reject(case, fid, doc_id)
        if add_span is not None:
            add(case, doc_id, add_span[0], add_span[1], category, ground)
        rows = findings(case, doc_id)
        name = case.record(doc_id).name
    if fmt == "json":
        _json([r.to_json() for r in rows])
        return
    t = Table(title=f"Bevindingen in {doc_id} {name}")
    for col in ("id", "tekst", "categorie", "actie", "grond", "score", "status", "waarom"):
        t.add_column(col)
    for r in rows:
        f = r.finding
        t.add_row(str(r.id), escape(f.text), f.category, f.action, f.ground or "", f"{f.score:.2f}",
                  r.status, escape(f.reason))
    _console().print(t)


def persons_cmd(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    redact: Optional[list[str]] = typer.Option(None, "--redact", help="Lak deze persoon overal (naam of sleutel)."),
    keep: Optional[list[str]] = typer.Option(None, "--keep", help="Laat deze persoon overal openbaar."),
    fmt: str = typer.Option("text", "--format", help="text of json."),
) -> None:
    """Toon personen in de zaak en beslis per persoon (geldt in elk document, in elke vorm)."""
    from rich.markup import escape
    from rich.table import Table

    from wooflow.case import persons, set_decision

    with _open(case_dir) as case:
        for name in redact or []:
            set_decision(case, name, "redact")
        for name in keep or []:
            set_decision(case, name, "keep")
        people = persons(case)
    if fmt == "json":
        _json([p.to_json() for p in people])
        return
    labels = {"redact": "lakken", "keep": "openbaar", "undecided": "nog beslissen"}
    t = Table(title="Personen")
    for col in ("sleutel", "naam", "beslissing", "vormen", "bevindingen", "documenten"):
        t.add_column(col)
    for p in people:
        t.add_row(p.key, escape(p.display), labels[p.decision], escape(", ".join(p.forms)),
                  str(p.findings), str(p.documents))
    _console().print(t)


def judge_cmd(
    case_dir: str = typer.Argument(..., help="Zaakmap of PostgreSQL-URL."),
    doc_id: int = typer.Argument(..., help="Documentnummer."),
    value: str = typer.Argument(..., help="openbaar, deels-openbaar, niet-openbaar, reeds-openbaar, dubbel of auto."),
    explanation: str = typer.Option("", "--explanation", help="Toelichting."),
    link: Optional[str] = typer.Option(None, "--link", help="Vindplaats (reeds openbaar)."),
    duplicate_of: Optional[int] = typer.Option(None, "--duplicate-of", help="Behouden document (dubbel)."),
    grounds: Optional[list[str]] = typer.Option(None, "--ground", help="Weigeringsgrond (herhaalbaar)."),
) -> None:
    """Leg het oordeel over een document vast ('auto': weer afleiden uit de lakkingen)."""
    from wooflow.case import judge, reset_judgement

    with _open(case_dir) as case:
        if value == "auto":
            j = reset_judgement(case, doc_id)
        else:
            j = judge(case, doc_id, value, explanation, link, duplicate_of, grounds)
    extra = f" ({j.grounds_text})" if j.grounds else ""
    _console().print(f"document {doc_id}: {j.judgement}{extra}")


def register(app: typer.Typer) -> None:
    app.add_typer(case_app, name="case")
    app.command("search")(search_cmd)
    app.command("scope")(scope_cmd)
    app.command("dedupe")(dedupe_cmd)
    app.command("review")(review_cmd)
    app.command("persons")(persons_cmd)
    app.command("judge")(judge_cmd)
