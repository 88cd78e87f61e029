"""Real files through ingest, the real detector, persons and judgements."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from wooflow.case import (
    Case,
    apply_policy,
    dedupe,
    find_person,
    judgements,
    redactions,
    run_detection,
    set_decision,
)
from wooflow.exceptions import CaseError

pytest.importorskip("wooflow.detect.detector")


def covered(case: Case, doc_id: int, start: int, end: int) -> bool:
    return any(f.start <= start and end <= f.end for f in redactions(case, doc_id))


def test_case_pipeline_on_real_mails(case: Case, tmp_path: Path, write_eml) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first = ("Beste Piet,\n\nHierbij de cijfers van de begroting. Minister Kuipers wil vrijdag "
             "een besluit.\n\nMet vriendelijke groet,\nSanne Kuipers\nBeleidsmedewerker")
    write_eml(inbox / "1.eml", sender="Sanne Kuipers <s.kuipers@minvws.nl>",
              to="Piet Jansen <p.jansen@minvws.nl>", subject="Begroting",
              when=datetime(2024, 1, 5, 9), msg_id="<t1@minvws.nl>", body=first)
    reply = "Dank Sanne, ik bel S. Kuipers morgen.\n\nPiet\n\n" + "\n".join("> " + ln for ln in first.splitlines())
    write_eml(inbox / "2.eml", sender="Piet Jansen <p.jansen@minvws.nl>",
              to="Sanne Kuipers <s.kuipers@minvws.nl>", subject="RE: Begroting",
              when=datetime(2024, 1, 6, 9), msg_id="<t2@minvws.nl>", body=reply,
              in_reply_to="<t1@minvws.nl>", references=["<t1@minvws.nl>"])
    (inbox / "nota.txt").write_text(
        "Nota\n\nKuipers heeft het overleg voorbereid. Contact: s.kuipers@minvws.nl\n", encoding="utf-8")
    case.add_paths([inbox])
    run_detection(case)
    apply_policy(case)
    try:
        person = find_person(case, "Sanne Kuipers")
    except CaseError:
        pytest.skip("detector found no person 'Sanne Kuipers'")
    set_decision(case, person.key, "redact")
    for rec in case.records():
        text = case.text(rec.doc_id)
        for m in re.finditer(r"Kuipers", text):
            if text[max(0, m.start() - 9) : m.start()].lower().strip() == "minister":
                continue  # another person (public role): never redacted by propagation
            assert covered(case, rec.doc_id, m.start(), m.end()), (rec.name, text[m.start() - 20 : m.end()])
        for m in re.finditer(r"s\.kuipers(?=@)", text):
            assert covered(case, rec.doc_id, m.start(), m.end()), rec.name
        for m in re.finditer(r"Minister Kuipers", text):
            assert not covered(case, rec.doc_id, m.start() + 9, m.end())
    groups = dedupe(case)
    names = {r.doc_id: r.name for r in case.records()}
    assert any(names[g.kept] == "2.eml" and names[d] == "1.eml" for g in groups for d, _ in g.duplicates)
    js = {names[j.doc_id]: j for j in judgements(case)}
    assert js["1.eml"].judgement == "dubbel"
    assert js["nota.txt"].judgement == "deels openbaar" and "5.1.2e" in js["nota.txt"].grounds
