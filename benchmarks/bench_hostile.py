"""A zoo of hostile inputs: for each, the one line `wooflow text` prints, its exit status and the
peak memory of that run; then `wooflow process` over the whole zoo (exit status, peak memory,
what it printed).

    .venv/bin/python benchmarks/bench_hostile.py            # writes the zoo to a temporary folder
    .venv/bin/python benchmarks/bench_hostile.py --keep DIR # ... or into DIR, to look at it

Every bad input should give one clear Dutch line (no traceback) and stay far below 1 GB.

    .venv/bin/python benchmarks/bench_hostile.py --text            # detection on hostile text shapes
    .venv/bin/python benchmarks/bench_hostile.py --text --n 2000 --only chat,spaces

``--text`` times ``detect_text`` (in this process, after a warm-up) on odd and hostile texts (long
runs of blanks after a role word, a date or a house number; runs of one character; lists
without end) at N, 2N and 4N characters and prints the ratios: linear cost gives ~2.0 per
doubling, quadratic ~4. A regex that backtracks on such a run makes a batch stall (the
requirement: the batch always finishes, in linear time).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

HEAD = ("From: Jan Jansen <jan@example.nl>\nTo: Piet <piet@example.nl>\nSubject: {s}\n"
        "Date: Mon, 4 Mar 2024 10:15:00 +0100\nMessage-ID: <{s}@example.nl>\nMIME-Version: 1.0\n")


def _zeros(zf: zipfile.ZipFile, name: str, size: int) -> None:
    """A member of ``size`` zero bytes, streamed so the generator itself stays small."""
    chunk = b"\0" * (1 << 20)
    with zf.open(name, "w", force_zip64=True) as fh:
        for _ in range(size >> 20):
            fh.write(chunk)


def _docx(extra: dict[str, int]) -> bytes:
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("Nota van Piet de Vries over de begroting.")
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in src.infolist():
            zf.writestr(info, src.read(info))
        for name, size in extra.items():
            _zeros(zf, name, size)
    return out.getvalue()


def _pdf(pages: int) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    for n in range(pages):
        doc.new_page().insert_text((72, 72), f"Pagina {n + 1}: Piet de Vries over de begroting.")
    return bytes(doc.tobytes(garbage=0, deflate=False, use_objstms=0))


def _nested_mail(levels: int) -> bytes:
    body = "Content-Type: text/plain\n\nbinnenste tekst\n"
    for i in range(levels):
        body = f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n{body}\n--b{i}--\n'
    return (HEAD.format(s="diep") + body).encode()


def make_zoo(folder: Path) -> None:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    w = lambda name, data: (folder / name).write_bytes(data)  # noqa: E731
    w("docx-bom-1GB.docx", _docx({"word/media/image1.png": 1 << 30}))
    w("docx-bom-3GB.docx", _docx({f"word/media/image{i}.png": 1 << 30 for i in range(3)}))
    w("zip-bom.zip", _zip_zeros("a.txt", 1 << 30))
    w("zip-in-zip.zip", _nested_zip(8))
    Image.new("1", (13000, 13000)).save(folder / "png-13000x13000.png")
    Image.new("1", (30000, 30000)).save(folder / "png-30000x30000.png")
    frames = [Image.new("1", (50, 50)) for _ in range(600)]
    frames[0].save(folder / "tiff-600-pagina.tif", save_all=True, append_images=frames[1:])
    w("mime-diep-2000.eml", _nested_mail(2000))
    w("mime-diep-60.eml", _nested_mail(60))
    w("mime-grens-kapot.eml", (HEAD.format(s="grens") + 'Content-Type: multipart/mixed; boundary="G"\n\n'
                               "--ANDERS\nContent-Type: text/plain\n\nTekst over de begroting.\n--ANDERS--\n").encode())
    w("base64-rommel.eml", (HEAD.format(s="b64") + 'Content-Type: multipart/mixed; boundary="G"\n\n--G\n'
                            "Content-Type: text/plain\n\nHier is de tekst.\n--G\nContent-Type: application/pdf\n"
                            'Content-Disposition: attachment; filename="a.pdf"\nContent-Transfer-Encoding: base64\n\n'
                            "!!!!@@@@ geen base64\n--G--\n").encode())
    data = _pdf(30)
    w("pdf-midden-weg.pdf", data[: len(data) // 3] + data[2 * len(data) // 3 :])
    w("pdf-afgekapt.pdf", data[: len(data) // 2])
    w("getal-5000-cijfers.txt", ("Kenmerk " + "9" * 5000 + "\n").encode())
    w("leeg.txt", b"")
    w("nep.pdf", b"dit is geen pdf")
    with open(os.fsencode(folder) + b"/naam-\xff\xfe.txt", "wb") as fh:
        fh.write(b"Nota met een naam die geen UTF-8 is.\n")
    w(".verborgen", b"x")
    w("~$concept.docx", b"x")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _zip_zeros(name: str, size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        _zeros(zf, name, size)
    return out.getvalue()


def _nested_zip(levels: int) -> bytes:
    data = _zip({"binnen.txt": b"tekst"})
    for i in range(levels):
        data = _zip({f"laag{i}.zip": data})
    return data


# Hostile text shapes: name -> text of about n characters. The first ones are the examples of the
# ReDoS scan (docs/DETECTION.md, 'Regex run time'); the rest are runs of one kind of character.
TEXT_SHAPES: dict[str, Callable[[int], str]] = {
    "sign_columns": lambda n: "Hoogachtend,\n\nde secretaris," + " " * n + "x\n\nJan Jansen\n",
    "sign_columns_row": lambda n: "Hoogachtend,\n\nde secretaris" + " " * n + "\nJan Jansen\n",
    "chair": lambda n: "De voorzitter van de" + " " * n + "0 Jan Jansen zei iets.\n",
    "pre": lambda n: "Het lid" + " " * n + "0 Jan Jansen zei iets.\n",
    "after_person": lambda n: "Jan Jansen woont op Dorpsstraat 12" + " " * n + "a\n",
    "postbus": lambda n: "Postbus 12" + " " * n + "a\n",
    "chat": lambda n: "12-01-2026 0.00" + " " * n + "a: Jan Jansen\n",
    "chat_named": lambda n: "[12-01-2026 0.00]" + " " * n + "0: Jan Jansen\n",
    "closing": lambda n: "namens" + " " * n + ":\nJan Jansen\n",
    "name_end": lambda n: "Volgens Aa" + "\u2019" * n + "0 Jan\nvan Dijk is het zo.\n",
    "name_hyphens": lambda n: "Volgens " + "Aa-" * (n // 3) + "0\nJansen is het zo.\n",
    "id_label": lambda n: "studentnummer" + " " * n + "x\n",
    "id_label_lines": lambda n: ("studentnummer" + " " * 60 + "x\n") * (n // 75),
    "plate": lambda n: "kenteken" + "\u00a0" * n + "x\n",
    "bracket_end": lambda n: "Actie: offerte opvragen (RvdL)" + " " * n + "x\n",
    "item_owner": lambda n: "Actiepunten\n- Offerte opvragen (RvdL) " + " " * n + "x\n",
    "age_bracket": lambda n: "Jan Jansen.(12" + " " * n + "x\n",
    "lives": lambda n: "Jan Jansen, woont" + " " * n + "x\n",
    "kin_place": lambda n: "Mijn zoon woont in" + " " * n + "x\n",
    "trigger": lambda n: "Aanwezig" + " " * n + "Jan Jansen,\n",
    "action": lambda n: "Actie" + " " * n + ": AB\n",
    "phone_beside": lambda n: "T 030-1234567 |" + " " * n + "M" + " " * n + "x\n",
    "spaces": lambda n: "Jan Jansen" + " " * n + "x\n",
    "tabs": lambda n: "Jan Jansen" + "\t" * n + "x\n",
    "nbsp": lambda n: "Dorpsstraat 1" + "\u00a0" * n + "x\n",
    "blank_lines": lambda n: "Jan Jansen\n" + " \n" * (n // 2) + "x",
    "newlines": lambda n: "\n" * n + "Jan Jansen\n",
    "letters": lambda n: "a" * n,
    "capitals": lambda n: "A" * n,
    "digits": lambda n: "1" * n,
    "digits_spaced": lambda n: "1 " * (n // 2),
    "initials": lambda n: "A." * (n // 2) + " Jansen",
    "dots": lambda n: "." * n,
    "hyphens": lambda n: "Jan" + "-" * n + "x",
    "brackets": lambda n: "(" * n + "Jan Jansen",
    "bars": lambda n: "| " * (n // 2) + "Jan Jansen",
    "words": lambda n: "Jansen " * (n // 7),
    "list_en": lambda n: "De wethouders " + "Aaaa en " * (n // 8) + "(",
    "mail_dots": lambda n: "a." * (n // 2) + "@",
    "word_hyphens": lambda n: "aa-" * (n // 3),
    "apostrophes": lambda n: "Aa’" * (n // 3),
    "mixed_case": lambda n: "Ab" * (n // 2),
    "commas": lambda n: "Jansen, " * (n // 8),
    "digit_dots": lambda n: "1." * (n // 2),
    "slashes": lambda n: "a/" * (n // 2),
    "colons": lambda n: "Aa: " * (n // 4),
    "url": lambda n: "www." + "a" * n,
    "underscores": lambda n: "_" * n,
    "dot_space": lambda n: "Jansen" + ". " * (n // 2),
    "chat_lines": lambda n: "12-01-2026 10.00 - jan: hoi\n" * (n // 28),
}


def bench_text(n: int, only: list[str] | None) -> None:
    """detect_text on each hostile shape at n, 2n and 4n characters, with the ratios."""
    from wooflow.detect import detect_text

    detect_text("Jan Jansen woont op Dorpsstraat 12 in Utrecht.")  # warm-up: models and lists
    print(f"{'shape':<18} {'s @' + str(n):>9} {'s @' + str(2 * n):>9} {'s @' + str(4 * n):>9} {'x2':>5} {'x4':>5}")
    for name, make in TEXT_SHAPES.items():
        if only and name not in only:
            continue
        secs = []
        for size in (n, 2 * n, 4 * n):
            text = make(size)
            t0 = time.perf_counter()
            detect_text(text)
            secs.append(time.perf_counter() - t0)
        r2, r4 = (secs[1] / secs[0], secs[2] / secs[1]) if secs[0] > 0 and secs[1] > 0 else (0.0, 0.0)
        flag = "  <-- superlinear" if min(r2, r4) > 2.8 and secs[2] > 0.2 else ""
        print(f"{name:<18} {secs[0]:>9.3f} {secs[1]:>9.3f} {secs[2]:>9.3f} {r2:>5.1f} {r4:>5.1f}{flag}", flush=True)


def run(cmd: list[str]) -> tuple[int, str, float, float]:
    """Exit status, stderr, seconds and peak RSS (MiB) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, err, time.perf_counter() - t0, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="write the zoo here and keep it")
    ap.add_argument("--make", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--text", action="store_true", help="time detection on hostile text shapes instead")
    ap.add_argument("--n", type=int, default=3000, help="--text: the smallest size in characters (then 2N, 4N)")
    ap.add_argument("--only", help="--text: comma-separated shape names")
    args = ap.parse_args()
    if args.text:
        bench_text(args.n, args.only.split(",") if args.only else None)
        return
    if args.make:
        make_zoo(args.make)
        return
    tmp = Path(tempfile.mkdtemp())
    zoo = args.keep or tmp / "zoo"
    # made in a child process, so this process (whose peak a child inherits) stays small
    subprocess.run([sys.executable, __file__, "--make", str(zoo)], check=True)
    wooflow = [sys.executable, "-c", "from wooflow.cli import main; main()"]
    print(f"{'input':<28} {'bytes':>10} {'exit':>4} {'peak MiB':>9} {'s':>6}  first line on stderr")
    for path in sorted(zoo.iterdir(), key=lambda p: os.fsencode(p.name)):
        rc, err, secs, peak = run([*wooflow, "text", str(path)])
        first = (err.strip().splitlines() or [""])[0]
        first = first if len(first) < 160 else first[:157] + "..."
        tb = " TRACEBACK" if "Traceback" in err else ""
        name = os.fsdecode(path.name)
        print(f"{name!s:<28.28} {path.stat().st_size:>10} {rc:>4} {peak:>9.1f} {secs:>6.1f}  {first}{tb}",
              flush=True)
    out = tmp / "pakket"
    rc, err, secs, peak = run([*wooflow, "process", str(zoo), "--out", str(out), "-q"])
    print(f"\nprocess over the whole zoo: exit {rc}, peak {peak:.1f} MiB, {secs:.1f} s;"
          f" traceback: {'yes' if 'Traceback' in err else 'no'}; stderr:")
    for line in err.strip().splitlines():
        print("   ", line if len(line) < 200 else line[:197] + "...")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
