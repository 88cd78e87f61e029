"""Throughput of the whole ``wooflow process`` pipeline: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_process.py [--docs 200] [--seed 7] [--ocr] [--keep DIR]

Generates a folder of ``--docs`` documents (notes as .txt, e-mails with a PDF attachment and
quoted replies, multi-page PDF memos, exact copies), runs ``process`` on it into a fresh case
and prints documents/second and pages/second overall, seconds per stage, the time of a
resumed re-run (nothing new), and the peak RSS of the process. Persons are fictitious.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psutil
import pymupdf

from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.process import process

FIRST = ["Sanne", "Pieter", "Fatima", "Jeroen", "Anouk", "Mohamed", "Lotte", "Bram", "Esther", "Daan"]
LAST = ["Kuipers", "de Wit", "El Amrani", "Visser", "van Dijk", "Bakker", "Jansen", "Smit", "Mulder", "de Boer"]
TOPICS = ["de verkiezingsuitslag", "het jeugdbeleid", "de subsidieregeling", "het debat", "de begroting"]


def person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    local = f"{first[0].lower()}.{last.replace(' ', '').lower()}"
    return f"{first} {last}", f"{local}@minvws.nl"


def paragraph(rng: random.Random, topic: str) -> str:
    name, mail = person(rng)
    phone = f"06-{rng.randint(10000000, 99999999)}"
    return (
        f"Over {topic} is gisteren overleg gevoerd met de directie. {name} neemt contact op met "
        f"de betrokken partijen en stuurt een voorstel rond. De minister wordt via de nota "
        f"geïnformeerd. Vragen kunnen naar {mail} of telefonisch via {phone}. Het voorstel gaat "
        f"daarna naar het lid Eerdmans (JA21) in antwoord op de Kamervragen.\n"
    )


def pdf_bytes(text: str, pages: int) -> bytes:
    doc = pymupdf.open()
    chunk = max(1, len(text) // pages)
    for i in range(pages):
        page = doc.new_page()
        page.insert_textbox(pymupdf.Rect(60, 60, 540, 780), text[i * chunk : (i + 1) * chunk] or ".", fontsize=10)
    data = doc.tobytes()
    doc.close()
    return bytes(data)


def generate(folder: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    start = datetime(2023, 1, 2, 9, tzinfo=timezone.utc)
    previous: tuple[str, str] | None = None  # (message id, body) for quoted replies
    for i in range(n):
        topic = rng.choice(TOPICS)
        when = start + timedelta(days=rng.randint(0, 360), minutes=rng.randint(0, 600))
        kind = rng.random()
        body = "".join(paragraph(rng, topic) for _ in range(rng.randint(2, 6)))
        if kind < 0.35:
            (folder / f"{i:04d}-notitie.txt").write_text(
                f"Notitie over {topic}\n\nDatum: {when:%d-%m-%Y}\n\n{body}", encoding="utf-8"
            )
        elif kind < 0.7:
            sender, sender_mail = person(rng)
            to, to_mail = person(rng)
            msg = EmailMessage()
            msg["From"] = f"{sender} <{sender_mail}>"
            msg["To"] = f"{to} <{to_mail}>"
            msg["Subject"] = f"Overleg over {topic}"
            msg["Date"] = format_datetime(when)
            msg["Message-ID"] = f"<bench-{i}@minvws.nl>"
            text = f"Beste {to.split()[0]},\n\n{body}\nGroet,\n{sender}\n"
            if previous is not None and rng.random() < 0.4:
                msg["In-Reply-To"] = previous[0]
                text += "\n" + "".join(f"> {line}\n" for line in previous[1].splitlines())
            msg.set_content(text)
            if rng.random() < 0.5:
                msg.add_attachment(pdf_bytes(body, 1), maintype="application", subtype="pdf",
                                   filename=f"bijlage-{i}.pdf")
            (folder / f"{i:04d}-mail.eml").write_bytes(bytes(msg))
            previous = (f"<bench-{i}@minvws.nl>", text)
        elif kind < 0.92:
            (folder / f"{i:04d}-memo.pdf").write_bytes(pdf_bytes(body * 3, rng.randint(2, 5)))
        else:
            copies = sorted(folder.glob("*-notitie.txt"))
            if copies:
                shutil.copyfile(rng.choice(copies), folder / f"{i:04d}-kopie.txt")
            else:
                (folder / f"{i:04d}-notitie.txt").write_text(body, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ocr", action="store_true", help="verifier also OCRs images (none in generated files)")
    ap.add_argument("--keep", type=Path, help="write into this folder and keep it")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="wooflow-bench-process-"))
    inputs, out = work / "in", work / "out"
    shutil.rmtree(inputs, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(work / "out.zaak", ignore_errors=True)  # the case lives beside the package
    inputs.mkdir(parents=True)
    generate(inputs, args.docs, args.seed)

    stamps: dict[str, list[float]] = {}

    def on_progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        stamps.setdefault(stage, [now, now])[1] = now

    cfg = ProcessConfig(case_number="BENCH-1", verify_ocr=args.ocr)
    t0 = time.perf_counter()
    summary = process([inputs], out, cfg, progress=on_progress)
    first = time.perf_counter() - t0
    t1 = time.perf_counter()
    process([inputs], out, cfg)
    rerun = time.perf_counter() - t1

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    print(f"wooflow process benchmark: {summary.inputs} input files, seed {args.seed}")
    print(f"  documents (incl. attachments): {summary.documents}, duplicates: {summary.duplicates}, "
          f"published: {summary.published}, pages published: {summary.pages}, withheld: {len(summary.withheld)}")
    print(f"  findings auto-accepted: {summary.auto_accepted}, proposed: {summary.proposed}")
    print(f"  total: {first:.1f} s  ->  {summary.documents / first:.2f} documents/s, "
          f"{summary.pages / first:.2f} published pages/s")
    for stage, (a, b) in stamps.items():
        print(f"    {stage:<12} {b - a:7.1f} s")
    print(f"  re-run (resume, nothing new): {rerun:.1f} s")
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak RSS: main process {peak:.0f} MiB, largest redaction worker {child:.0f} MiB "
          f"(psutil now: {psutil.Process().memory_info().rss / 2**20:.0f} MiB)")
    print(f"  cores: {psutil.cpu_count()}, redaction workers: {cfg.workers or psutil.cpu_count()}, "
          f"load average at end: {os.getloadavg()[0]:.1f}  python: {sys.version.split()[0]}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
