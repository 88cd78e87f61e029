from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from wooflow.case import Case, dedupe, find_duplicates, judge, judgement

BODY = (
    "De begroting voor 2024 laat een tekort zien bij de uitvoering van de regeling. "
    "Wij stellen voor om de middelen te herverdelen over de regio's en het overleg met de "
    "gemeenten in februari voort te zetten. Graag uw reactie voor vrijdag."
)


def quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines())


def test_exact_duplicates_keep_earliest(case: Case, add_text) -> None:
    a = add_text("a.txt", "Nota over de  begroting.\nTweede regel.")
    b = add_text("b.txt", "nota over de begroting. tweede   regel.")
    c = add_text("c.txt", "Iets heel anders.")
    groups = dedupe(case)
    assert [(g.kept, g.duplicates) for g in groups] == [(a, [(b, "exact")])]
    j = judgement(case, b)
    assert j.judgement == "dubbel" and j.duplicate_of == a
    assert judgement(case, c).judgement == "openbaar"


def test_near_duplicates_threshold(case: Case, add_text) -> None:
    a = add_text("a.txt", BODY)
    edited = BODY.replace("vrijdag", "donderdag").replace("februari", "maart")
    b = add_text("b.txt", edited + " Met vriendelijke groet.")
    assert find_duplicates(case, threshold=0.99) == []
    groups = find_duplicates(case, threshold=0.6)
    assert len(groups) == 1
    assert groups[0].kept == b  # the more complete one
    assert groups[0].duplicates == [(a, "bijna")]


def test_thread_containment_with_real_eml(case: Case, tmp_path: Path, write_eml) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first = "Beste Piet,\n\n" + BODY + "\n\nGroet,\nSanne"
    write_eml(inbox / "1.eml", sender="Sanne Kuipers <s.kuipers@minvws.nl>",
              to="Piet Jansen <p.jansen@minvws.nl>", subject="Begroting 2024",
              when=datetime(2024, 1, 5, 9), msg_id="<m1@minvws.nl>", body=first,
              attachment=("cijfers.txt", b"Cijfers begroting 2024: 1.200.000 euro tekort."))
    second = "Dag Sanne,\n\nAkkoord, ik plan het overleg.\n\nPiet\n\nOp 5 januari schreef Sanne:\n" + quote(first)
    write_eml(inbox / "2.eml", sender="Piet Jansen <p.jansen@minvws.nl>",
              to="Sanne Kuipers <s.kuipers@minvws.nl>", subject="RE: Begroting 2024",
              when=datetime(2024, 1, 6, 9), msg_id="<m2@minvws.nl>", body=second,
              in_reply_to="<m1@minvws.nl>", references=["<m1@minvws.nl>"],
              attachment=("cijfers.txt", b"Cijfers begroting 2024: 1.200.000 euro tekort."))
    third = "Prima.\n\n" + quote(second)
    write_eml(inbox / "3.eml", sender="Sanne Kuipers <s.kuipers@minvws.nl>",
              to="Piet Jansen <p.jansen@minvws.nl>", subject="RE: RE: Begroting 2024",
              when=datetime(2024, 1, 7, 9), msg_id="<m3@minvws.nl>", body=third,
              in_reply_to="<m2@minvws.nl>", references=["<m1@minvws.nl>", "<m2@minvws.nl>"])
    write_eml(inbox / "4.eml", sender="Ander <a@b.nl>", to="Piet Jansen <p.jansen@minvws.nl>",
              subject="Iets anders", when=datetime(2024, 1, 8, 9), msg_id="<m4@minvws.nl>",
              body="Een los bericht over de kantine en het weer vandaag.")
    summary = case.add_paths([inbox])
    assert summary.stored == 4
    recs = {r.name: r for r in case.records()}
    mails = [recs[f"{i}.eml"] for i in (1, 2, 3)]
    assert len({m.thread_id for m in mails}) == 1 and mails[0].thread_id
    assert recs["4.eml"].thread_id != mails[0].thread_id
    groups = {g.kept: g for g in dedupe(case)}
    m1, m2, m3 = (m.doc_id for m in mails)
    assert {(d, r) for d, r in groups[m3].duplicates} >= {(m1, "citaat"), (m2, "citaat")}
    assert judgement(case, m1).duplicate_of == m3
    # the attachment shared by mails 1 and 2: the copy of the earliest mail is kept
    atts = sorted((r for r in case.records() if r.name == "cijfers.txt"), key=lambda r: r.doc_id)
    assert len(atts) == 2
    assert atts[0].thread_id == mails[0].thread_id  # an attachment is in its mail's thread
    assert judgement(case, atts[1].doc_id).duplicate_of == atts[0].doc_id
    assert judgement(case, recs["4.eml"].doc_id).judgement == "openbaar"


def test_rerun_keeps_reviewer_judgement(case: Case, add_text) -> None:
    a = add_text("a.txt", "Zelfde tekst hier.")
    b = add_text("b.txt", "Zelfde tekst hier.")
    dedupe(case)
    judge(case, b, "openbaar", explanation="bewust apart gepubliceerd")
    dedupe(case)
    assert judgement(case, b).judgement == "openbaar"
    assert judgement(case, a).judgement == "openbaar"


def test_near_index_finds_the_pairs_datasketch_finds() -> None:
    """The compact index proposes exactly the candidates of datasketch's MinHashLSH with the
    same bands, and its Jaccard equals LeanMinHash.jaccard."""
    import random

    from datasketch import MinHashLSH

    from wooflow.case.dedupe import NUM_PERM, NearIndex, signature

    rnd = random.Random(4)
    vocab = [f"woord{i}" for i in range(400)]
    texts = []
    for _ in range(60):
        base = [rnd.choice(vocab) for _ in range(120)]
        texts.append(base)
        for changes in (1, 3, 12, 40):  # near and not so near copies
            copy = list(base)
            for _ in range(changes):
                copy[rnd.randrange(len(copy))] = rnd.choice(vocab)
            texts.append(copy)
    sigs = {i: signature(" ".join(t)) for i, t in enumerate(texts)}
    lsh = MinHashLSH(threshold=0.9, num_perm=NUM_PERM)
    index = NearIndex(0.9, NUM_PERM)
    for i, m in sigs.items():
        assert m is not None
        lsh.insert(str(i), m)
        index.add(i, m)
    for threshold in (0.9, 0.8):
        want = {}
        for i, m in sigs.items():
            cands = [int(c) for c in lsh.query(m) if int(c) != i]
            cands = [c for c in cands if m.jaccard(sigs[c]) >= threshold]  # type: ignore[union-attr]
            if cands:
                want[i] = sorted(cands)
        got = {d: sorted(c) for d, c in index.near(threshold)}
        assert got == want and len(got) > 30
    assert index.jaccard(0, 1) == sigs[0].jaccard(sigs[1])  # type: ignore[union-attr]


def _exact_as_before(case: Case) -> list[tuple[int, list[tuple[int, str]]]]:
    """The exact rule as it was before issue 15m (every ``DocRecord`` held, a list per key, the
    keys marked in the order they were met), for comparison."""
    from collections import defaultdict

    from wooflow.case.text import text_hash

    recs = {r.doc_id: r for r in case.records(in_scope=True)}
    dates = {d: (r.date or (recs[r.parent_id].date if r.parent_id in recs else None) or "")
             for d, r in recs.items()}  # fmt: skip
    dup_of: dict[int, tuple[int, str]] = {}

    def kept_of(doc_id: int) -> int:
        seen = set()
        while doc_id in dup_of and doc_id not in seen:
            seen.add(doc_id)
            doc_id = dup_of[doc_id][0]
        return doc_id

    groups: dict[str, list[int]] = defaultdict(list)
    for d, r in recs.items():
        if r.text_hash != text_hash(""):
            groups["t:" + r.text_hash].append(d)
        groups["b:" + r.sha256].append(d)
    for members in groups.values():
        members.sort(key=lambda d: (dates.get(d) or "9999-99-99", d))
        for d in members[1:]:
            keep = kept_of(members[0])
            if d != keep and d not in dup_of:
                dup_of[d] = (keep, "exact")
    out: dict[int, list[tuple[int, str]]] = {}
    for dup in sorted(dup_of):
        out.setdefault(kept_of(dup), []).append((dup, dup_of[dup][1]))
    return sorted(out.items())


def test_exact_groups_marked_in_the_same_order_without_every_record(case: Case, add_text, monkeypatch) -> None:
    """``find_duplicates`` reads the documents one at a time and keeps a list only for a text or
    byte key met twice; chains of shared keys, undated documents that take their parent's
    date and out-of-scope parents come out as when every record and key was held."""
    import random

    from wooflow.case.text import text_hash

    ids = [add_text(f"d{i}.txt", f"kort stuk {i}") for i in range(24)]  # too short for the near rule
    rng = random.Random(15)
    hashes = [text_hash(f"tekst {i}") for i in range(4)] + [text_hash("")]
    for _ in range(12):
        with case.transaction() as conn:
            for i, d in enumerate(ids):
                parent = rng.choice([None, None, *ids[:i]]) if i else None
                conn.execute(
                    "UPDATE case_doc SET text_hash = ?, sha256 = ?, date = ?, parent_id = ?, in_scope = ?"
                    " WHERE doc_id = ?",
                    (rng.choice(hashes), f"{rng.randrange(5):064x}", rng.choice([None, "", "2024-01-02", "2023-05-06"]),
                     parent, int(rng.random() > 0.1), d),
                )  # fmt: skip
        expected = _exact_as_before(case)
        with monkeypatch.context() as m:
            m.setattr(Case, "records", lambda *a, **k: pytest.fail("every DocRecord read at once"))
            groups = find_duplicates(case)
        assert [(g.kept, g.duplicates) for g in groups] == expected
        assert expected  # (the draws make groups)
