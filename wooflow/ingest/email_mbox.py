"""Mailbox files (.mbox): a container whose children are the messages, one Document each.

The container's text is its messages' texts joined by a form feed (what ``wooflow text`` prints);
later stages work on the children (``wooflow.ingest.is_container``).
"""

from __future__ import annotations

import mailbox
import os
import tempfile

from wooflow.exceptions import EmptyDocument, InputError, LimitExceeded
from wooflow.ingest.base import ReadContext, child_path, new_document
from wooflow.ingest.email_eml import read_eml
from wooflow.model import Document


def read_mbox(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    # mailbox.mbox needs a file; bytes from a zip or an upload get a temporary one.
    fd, tmp = tempfile.mkstemp(suffix=".mbox")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        box = mailbox.mbox(tmp, create=False)
        try:
            messages = [box.get_bytes(key) for key in box.iterkeys()]
        finally:
            box.close()
    finally:
        os.unlink(tmp)
    if not messages:
        raise EmptyDocument(path, "mailbox bevat geen berichten")
    doc = new_document(data, path, name, "mbox", "", ctx)
    width = max(4, len(str(len(messages))))
    for i, raw in enumerate(messages, 1):
        ctx.budget.members += 1
        if ctx.budget.members > ctx.max_members:
            raise LimitExceeded(path, f"meer dan {ctx.max_members} berichten/bestanden")
        member = f"bericht-{i:0{width}d}.eml"
        mpath = child_path(path, member)
        try:
            doc.children.append(read_eml(raw, mpath, member, ctx.child(path)))
        except InputError as exc:
            doc.warnings.append(f"{exc.path}: {exc.reason}: {exc.detail}")
    if not doc.children:
        raise EmptyDocument(path, "geen leesbaar bericht in de mailbox")
    doc.text = "\f".join(child.text for child in doc.children)
    doc.fields["messages"] = len(messages)
    return doc
