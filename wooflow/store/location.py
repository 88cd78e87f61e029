"""Where a case lives: a folder (SQLite, the default) or a PostgreSQL URL plus a files folder.

A case is named wherever the CLI takes one either by its folder (``zaak/`` holding
``case.sqlite`` and ``blobs/``) or by a URL such as ``postgresql://user@host/woo_2024_0042``.
A PostgreSQL case keeps its original files (``blobs/``) and its small state files in a folder
too, the case's *files folder*, chosen in this order:

1. ``?files=/srv/woo/woo_2024_0042`` in the URL (removed before connecting);
2. the folder recorded in the database when the case was first opened (so a server and a CLI
   on the same machine, or workers on a shared mount, find the same blobs);
3. ``$WOOFLOW_FILES/<database name>`` when that environment variable is set;
4. ``./<database name>.zaak`` in the current folder.
The chosen folder is recorded (as an absolute path) at first open, and the folder holds
``database.url`` (the URL without its password), so naming the folder names the case too
(``wooflow serve OUT.zaak`` works for a PostgreSQL case; a password then comes from
``PGPASSWORD`` or ``~/.pgpass``, as with every libpq client).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from wooflow.exceptions import CaseError

_SCHEMES = ("postgresql://", "postgres://")
URL_FILE = "database.url"
_MANGLED = re.compile(r"^(postgres(?:ql)?):/(?!/)")  # pathlib folds "//" into "/"


def is_url(value: Any) -> bool:
    """Is this case name a database URL (also after a pathlib.Path swallowed one slash)?"""
    text = str(value)
    return text.startswith(_SCHEMES) or bool(_MANGLED.match(text))


@dataclass(frozen=True, slots=True)
class CaseLocation:
    """``url`` None: an SQLite case in ``folder``; else the PostgreSQL database at ``url``
    (without the ``files`` parameter) with ``folder`` as its files folder."""

    folder: Path
    url: str | None = None
    files_given: bool = False  # the folder came from ?files= (then it overrides the recorded one)

    @property
    def is_postgres(self) -> bool:
        return self.url is not None

    @property
    def dbname(self) -> str:
        return urlsplit(self.url or "").path.lstrip("/") or "postgres"

    def display(self) -> str:
        """For messages: the URL without a password, or the folder."""
        if self.url is None:
            return str(self.folder)
        return without_password(self.url, keep_query=False)

    def __str__(self) -> str:
        return self.display()


def parse_location(value: str | os.PathLike[str] | CaseLocation) -> CaseLocation:
    """A folder or URL as given on the command line -> CaseLocation (nothing is opened)."""
    if isinstance(value, CaseLocation):
        return value
    text = os.fspath(value)
    if not is_url(text):
        folder = Path(text)
        pointer = folder / URL_FILE
        if pointer.is_file() and not (folder / "case.sqlite").exists():
            url = pointer.read_text(encoding="utf-8").strip()
            if is_url(url):  # naming the folder makes it the files folder (a copied case stays apart)
                return CaseLocation(folder.absolute(), url, files_given=True)
        return CaseLocation(folder)
    text = _MANGLED.sub(r"\1://", text)
    parts = urlsplit(text)
    query = parse_qsl(parts.query, keep_blank_values=True)
    files = [v for k, v in query if k == "files"]
    rest = [(k, v) for k, v in query if k != "files"]
    url = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(rest), ""))
    dbname = parts.path.lstrip("/")
    if not dbname:
        raise CaseError(f"{text}: geen databasenaam in de URL (bijvoorbeeld postgresql://host/woo_2024_0042)")
    if files:
        return CaseLocation(Path(files[-1]).absolute(), url, files_given=True)
    root = os.environ.get("WOOFLOW_FILES")
    folder = Path(root) / dbname if root else Path(f"{dbname}.zaak")
    return CaseLocation(folder.absolute(), url)


def without_password(url: str, keep_query: bool = True) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        cred, host = netloc.rsplit("@", 1)
        netloc = f"{cred.split(':', 1)[0]}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query if keep_query else "", ""))
