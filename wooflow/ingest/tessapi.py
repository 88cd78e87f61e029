"""Tesseract in this process: the CLI's reading without starting the CLI for every image.

``pytesseract`` writes each image to a PNG file and runs the ``tesseract`` program on it. Every
run loads the Dutch model again: ~0.2 CPU-s before the first pixel is read, more than the
reading itself for the small crops the verifier OCRs (the regions around boxes on a scan, sample
lines, residual ink). Here the same steps run through libtesseract's C API with engines that
stay loaded (one per thread at a time, kept in a pool):

1. the image is prepared as pytesseract prepares it (alpha composited on white) and encoded as
   the same PNG;
2. leptonica reads that PNG (``pixReadMem``, the CLI's decoder, so the pixels, depth and the
   absent resolution are the CLI's). Since issue 15p the same Pix is made from the pixels
   without the PNG (``_pix_direct``; encoding and decoding a 300-dpi page took ~190 ms of its
   ~1 s reading): the first image of each process is made both ways and compared byte for
   byte (header fields and pixel memory); should they ever differ, every image goes through
   the PNG from then on;
3. the engine gets the page segmentation mode the config names and recognises the image;
4. the output is what the CLI's renderer writes for one image: the text (``image_to_string``),
   or the TSV with its header line, parsed by pytesseract's own parser (``image_to_data``).
   Tesseract's messages ("Estimating resolution as ...") go to /dev/null, as the CLI's stderr
   is swallowed by pytesseract.

``tests/ingest/test_ingest_tessapi.py`` checks that the answers equal pytesseract's, also for
several images read one after the other by one engine. Where the library cannot be loaded, the
image is not a PNG-able L/RGB(A) image, the locale is not C, or ``WOOFLOW_OCR_CLI=1`` is set, the
call goes to pytesseract as before.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import io
import locale
import os
import re
import sys
import threading
from typing import Any

_TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
_PSM = re.compile(r"^\s*--psm\s+(\d+)\s*$")
_lock = threading.Lock()
_free: dict[str, list[int]] = {}  # lang -> idle engine handles
_libs: tuple[Any, Any] | None = None
_failed = False


def _load() -> tuple[Any, Any] | None:
    """libtesseract and liblept, with the signatures used; None when not available."""
    global _libs, _failed
    if _libs is not None or _failed:
        return _libs
    # one OpenMP thread per engine, as for the CLI runs (read when the library loads)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        tess = ctypes.CDLL(ctypes.util.find_library("tesseract") or "libtesseract.so.5")
        lept = ctypes.CDLL(ctypes.util.find_library("lept") or "liblept.so.5")
    except OSError:
        _failed = True
        return None
    vp, cp, ci = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    tess.TessBaseAPICreate.restype = vp
    tess.TessBaseAPIInit3.argtypes = [vp, cp, cp]
    tess.TessBaseAPIInit3.restype = ci
    tess.TessBaseAPISetPageSegMode.argtypes = [vp, ci]
    tess.TessBaseAPISetImage2.argtypes = [vp, vp]
    tess.TessBaseAPIGetUTF8Text.argtypes = [vp]
    tess.TessBaseAPIGetUTF8Text.restype = vp
    tess.TessBaseAPIGetTsvText.argtypes = [vp, ci]
    tess.TessBaseAPIGetTsvText.restype = vp
    tess.TessBaseAPISetVariable.argtypes = [vp, cp, cp]
    tess.TessBaseAPISetVariable.restype = ci
    tess.TessDeleteText.argtypes = [vp]
    tess.TessBaseAPIClear.argtypes = [vp]
    tess.TessBaseAPIDelete.argtypes = [vp]
    lept.pixReadMem.argtypes = [cp, ctypes.c_size_t]
    lept.pixReadMem.restype = vp
    lept.pixDestroy.argtypes = [ctypes.POINTER(vp)]
    lept.pixCreate.argtypes = [ci, ci, ci]
    lept.pixCreate.restype = vp
    for name in ("pixGetWpl", "pixGetDepth", "pixGetWidth", "pixGetHeight", "pixGetSpp", "pixGetXRes",
                 "pixGetYRes", "pixGetInputFormat"):  # fmt: skip
        getattr(lept, name).argtypes = [vp]
        getattr(lept, name).restype = ci
    lept.pixGetData.argtypes = [vp]
    lept.pixGetData.restype = vp
    lept.pixGetColormap.argtypes = [vp]
    lept.pixGetColormap.restype = vp
    lept.pixGetText.argtypes = [vp]
    lept.pixGetText.restype = vp
    lept.pixSetSpp.argtypes = [vp, ci]
    lept.pixSetInputFormat.argtypes = [vp, ci]
    _libs = (tess, lept)
    return _libs


def _c_locale() -> bool:
    """libtesseract refuses (aborts) in another locale; the CLI sets its own."""
    for category in (locale.LC_CTYPE, locale.LC_NUMERIC):
        current = locale.setlocale(category, None)
        if current not in ("C", "POSIX", "C.UTF-8", "C.utf8"):
            return False
    return True


def _engine(lang: str) -> int | None:
    libs = _load()
    if libs is None:
        return None
    with _lock:
        idle = _free.setdefault(lang, [])
        if idle:
            return idle.pop()
    tess = libs[0]
    handle = tess.TessBaseAPICreate()
    if not handle:
        return None
    if tess.TessBaseAPIInit3(handle, None, lang.encode()) != 0:
        tess.TessBaseAPIDelete(handle)
        return None
    tess.TessBaseAPISetVariable(handle, b"debug_file", os.devnull.encode())
    return int(handle)


def _forget() -> None:
    """A forked child does not share its parent's engines (their memory is a copy)."""
    global _lock
    _lock = threading.Lock()
    _free.clear()


os.register_at_fork(after_in_child=_forget)


@atexit.register
def _close() -> None:
    """Idle engines are deleted before the library's own clean-up (which warns of them)."""
    if _libs is None:
        return
    with _lock:
        handles = [h for idle in _free.values() for h in idle]
        _free.clear()
    for handle in handles:
        _libs[0].TessBaseAPIDelete(handle)


def _release(lang: str, handle: int) -> None:
    libs = _load()
    assert libs is not None
    libs[0].TessBaseAPIClear(handle)  # results go, the model stays
    with _lock:
        _free.setdefault(lang, []).append(handle)


def _prepared(image: Any) -> Any:
    """``image`` as pytesseract prepares it (alpha composited on white), an L or RGB PIL image;
    None where this module does not go."""
    from PIL import Image

    if not isinstance(image, Image.Image):
        try:
            import numpy as np
        except ImportError:  # pragma: no cover - numpy is a dependency
            return None
        if not isinstance(image, np.ndarray):
            return None
        image = Image.fromarray(image)
    if image.format not in (None, "PNG"):
        return None  # pytesseract re-encodes in the image's own format (JPEG: lossy)
    if "A" in image.getbands():
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, (0, 0), image.getchannel("A"))
        image = background
    if image.mode not in ("L", "RGB"):
        return None
    return image


def _png(image: Any) -> bytes | None:
    """The PNG pytesseract would write for ``image``; None where this module does not go."""
    image = _prepared(image)
    if image is None:
        return None
    return _encode_png(image)


def _encode_png(image: Any) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


IFF_PNG = 3  # leptonica's input format code for a PNG (pix->informat)
_direct: bool | None = None  # the Pix made directly equals the PNG's (checked once per process)


def _pix_from_png(lept: Any, image: Any) -> int | None:
    data = _encode_png(image)
    return lept.pixReadMem(data, len(data)) or None


def _pix_direct(lept: Any, image: Any) -> int | None:
    """The Pix leptonica makes of ``_encode_png(image)`` (L: 8 bpp; RGB: 32 bpp, 3 samples),
    made from the pixels without the PNG: a full-page scan took ~130 ms to encode and ~60 ms
    to decode, for the same Pix. Leptonica keeps a pixel's bytes most significant first in
    32-bit words; in a little-endian process's memory each word's bytes are reversed."""
    import numpy as np

    w, h = image.size
    rgb = image.mode == "RGB"
    pix = lept.pixCreate(w, h, 32 if rgb else 8)  # zeroed, as pixReadMem's rows and padding
    if not pix:
        return None
    wpl = lept.pixGetWpl(pix)
    if rgb:
        words = np.zeros((h, wpl, 4), np.uint8)  # in memory: alpha (none: 0), blue, green, red
        words[:, :w, 1:] = np.asarray(image)[:, :, ::-1]
        lept.pixSetSpp(pix, 3)
    else:
        rows = np.zeros((h, wpl * 4), np.uint8)
        rows[:, :w] = np.asarray(image)
        words = rows.reshape(h, wpl, 4)[:, :, ::-1]
    memory = np.ascontiguousarray(words)  # held while it is copied
    ctypes.memmove(lept.pixGetData(pix), memory.ctypes.data, h * wpl * 4)
    lept.pixSetInputFormat(pix, IFF_PNG)
    return int(pix)


def pix_fields(lept: Any, pix: int) -> tuple[Any, ...]:
    """Everything of a Pix that Tesseract can see: its header fields and its pixel memory."""
    h, wpl = lept.pixGetHeight(pix), lept.pixGetWpl(pix)
    fields = tuple(getattr(lept, name)(pix) for name in ("pixGetWidth", "pixGetDepth", "pixGetSpp", "pixGetXRes",
                                                          "pixGetYRes", "pixGetInputFormat"))  # fmt: skip
    return (h, wpl, *fields, lept.pixGetColormap(pix), lept.pixGetText(pix),
            ctypes.string_at(lept.pixGetData(pix), h * wpl * 4))  # fmt: skip


def _make_pix(lept: Any, image: Any) -> int | None:
    """A Pix of the prepared ``image``: made directly once ``_pix_direct`` gave exactly the
    PNG's Pix for this process's first image (else, and on a big-endian machine, by the PNG)."""
    global _direct
    if _direct is False or sys.byteorder != "little":
        return _pix_from_png(lept, image)
    pix = _pix_direct(lept, image)
    if _direct is None and pix:
        ref = _pix_from_png(lept, image)
        same = bool(ref) and pix_fields(lept, pix) == pix_fields(lept, ref)  # type: ignore[arg-type]
        if ref:
            lept.pixDestroy(ctypes.byref(ctypes.c_void_p(ref)))
        _direct = same
        if not same:
            lept.pixDestroy(ctypes.byref(ctypes.c_void_p(pix)))
            return _pix_from_png(lept, image)
    return pix if pix else _pix_from_png(lept, image)


def _run(image: Any, lang: str, config: str, tsv: bool) -> str | None:
    """The CLI's output for ``image``, or None when the caller must run the CLI."""
    if os.environ.get("WOOFLOW_OCR_CLI") == "1":
        return None
    m = _PSM.match(config)
    if m is None or not _c_locale():
        return None
    image = _prepared(image)
    if image is None:
        return None
    handle = _engine(lang)
    if handle is None:
        return None
    libs = _libs
    assert libs is not None
    tess, lept = libs
    ok = False
    try:
        pix = ctypes.c_void_p(_make_pix(lept, image))
        if not pix.value:
            return None
        try:
            tess.TessBaseAPISetPageSegMode(handle, int(m.group(1)))
            tess.TessBaseAPISetImage2(handle, pix)
            if tsv:
                ptr = tess.TessBaseAPIGetTsvText(handle, 0)
            else:
                ptr = tess.TessBaseAPIGetUTF8Text(handle)
            if not ptr:
                return None
            try:
                text = ctypes.string_at(ptr).decode("utf-8", "replace")
            finally:
                tess.TessDeleteText(ptr)
        finally:
            lept.pixDestroy(ctypes.byref(pix))
        ok = True
    finally:
        if ok:
            _release(lang, handle)
        else:  # an engine in an unknown state is not reused
            tess.TessBaseAPIDelete(handle)
    if tsv:
        return _TSV_HEADER + text
    return text  # one image: the CLI writes no page separator


def image_to_string(image: Any, lang: str, config: str) -> str:
    """``pytesseract.image_to_string(image, lang=lang, config=config)``."""
    out = _run(image, lang, config, tsv=False)
    if out is not None:
        return out
    import pytesseract

    return str(pytesseract.image_to_string(image, lang=lang, config=config))


def image_to_data(image: Any, lang: str, config: str) -> dict[str, list[Any]]:
    """``pytesseract.image_to_data(image, lang=lang, config=config, output_type=DICT)``."""
    out = _run(image, lang, config, tsv=True)
    import pytesseract

    if out is not None:
        from pytesseract.pytesseract import file_to_dict

        return dict(file_to_dict(out, "\t", -1))
    return dict(pytesseract.image_to_data(image, lang=lang, config=config, output_type=pytesseract.Output.DICT))


__all__ = ["image_to_data", "image_to_string"]
