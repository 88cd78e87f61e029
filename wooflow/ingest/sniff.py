"""Which reader a file needs: by content (magic bytes) first, by extension second.

Content wins so that a PDF saved as ``.txt`` is still read as a PDF; an extension that promises a
binary format the content does not have gives one clear error instead of garbage text.
"""

from __future__ import annotations

import io
import re
import zipfile

from wooflow.exceptions import CorruptDocument, EmptyDocument, EncryptedDocument, UnsupportedFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)
TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text", ".csv", ".tsv", ".log"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
_HTML_START = re.compile(rb"^(\xef\xbb\xbf)?\s*(<!doctype html|<html[\s>])", re.IGNORECASE)
IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp"}
# Extensions whose content must carry a signature; reaching the extension fallback with one of
# these means the bytes are not what the name says.
BINARY_EXTENSIONS = {
    ".pdf": "PDF",
    ".docx": "Word-document (.docx)",
    ".zip": "zip-archief",
    ".msg": "Outlook-bericht (.msg)",
    **{ext: "afbeelding" for ext in IMAGE_EXTENSIONS},
}
LEGACY_OFFICE = {".doc", ".xls", ".ppt"}
OOXML_OTHER = {"xl/": "Excel (.xlsx)", "ppt/": "PowerPoint (.pptx)"}

_MAIL_HEADER = re.compile(
    rb"^(from|to|cc|subject|date|message-id|received|return-path|mime-version|delivered-to"
    rb"|reply-to|sender|x-[a-z0-9-]+|content-type|thread-topic|in-reply-to|references"
    rb"|dkim-signature|authentication-results|arc-[a-z-]+):[ \t]",
    re.IGNORECASE,
)
_MBOX_FROM = re.compile(rb"^From \S+ ")


def looks_like_mail(data: bytes) -> bool:
    """At least two RFC 5322 header lines before the first blank line."""
    head = data[:8192].lstrip(b"\r\n")
    lines = head.split(b"\n")
    hits = 0
    for line in lines[:40]:
        line = line.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t"):
            continue  # folded continuation
        if _MAIL_HEADER.match(line):
            hits += 1
        elif b":" not in line.split(b" ", 1)[0]:
            return False
    return hits >= 2


def _zip_kind(data: bytes, ext: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        # A truncated archive loses its central directory; report it as the archive it claims.
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "[Content_Types].xml" in names:
        for prefix, label in OOXML_OTHER.items():
            if any(n.startswith(prefix) for n in names):
                raise UnsupportedFormat("", f"{label} wordt (nog) niet ondersteund")
    if "mimetype" in names and any(n == "content.xml" for n in names):
        raise UnsupportedFormat("", "OpenDocument-bestanden worden (nog) niet ondersteund")
    return "zip"


def _ole_kind(data: bytes, ext: str) -> str:
    import olefile  # dependency of extract-msg

    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError) as exc:
        raise CorruptDocument("", f"beschadigd OLE-bestand: {exc}") from None
    try:
        streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=True)}
    finally:
        ole.close()
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        raise EncryptedDocument("", "Office-bestand is met een wachtwoord versleuteld")
    if any(s.startswith("__substg1.0_") for s in streams):
        return "msg"
    if "WordDocument" in streams:
        raise UnsupportedFormat(
            "", "oud Word-formaat (.doc) wordt niet ondersteund; sla op als .docx"
        )
    raise UnsupportedFormat("", "oud Office-formaat (OLE) wordt niet ondersteund")


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    return b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff"))


def sniff(data: bytes, ext: str) -> str:
    """Reader kind for ``data``: pdf, zip, docx, msg, image, mbox, email, html or text.

    ``ext`` is the lower-case extension including the dot ("" if none). Raises the InputError
    subclass that explains why no reader fits (with an empty path; the caller fills it in).
    """
    if not data.strip():
        raise EmptyDocument("", "bestand is leeg")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data, ext)
    if data.startswith(OLE_MAGIC):
        return _ole_kind(data, ext)
    for magic, _fmt in IMAGE_MAGIC:
        if data.startswith(magic) and (magic != b"BM" or ext == ".bmp"):
            return "image"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image"
    if ext in TEXT_EXTENSIONS:
        # CONTRACT: a .txt/.md file is its own text, even when it holds a pasted e-mail.
        if _is_binary(data):
            raise UnsupportedFormat("", f"extensie {ext} maar de inhoud is binair, geen tekst")
        return "text"
    if _MBOX_FROM.match(data) and looks_like_mail(data.split(b"\n", 1)[-1]):
        return "mbox"
    if looks_like_mail(data):
        return "mbox" if ext == ".mbox" else "email"
    # No signature matched: the extension decides, and binary promises must be kept.
    if ext in BINARY_EXTENSIONS:
        raise CorruptDocument("", f"extensie {ext} maar de inhoud is geen {BINARY_EXTENSIONS[ext]}")
    if ext in LEGACY_OFFICE:
        raise UnsupportedFormat("", f"oud Office-formaat ({ext}) wordt niet ondersteund")
    if ext in HTML_EXTENSIONS or _HTML_START.match(data[:1024]):
        return "html"
    if ext in (".eml", ".mbox"):
        return "email" if ext == ".eml" else "mbox"
    if _is_binary(data):
        raise UnsupportedFormat("", "onbekend binair bestandsformaat")
    return "text"
