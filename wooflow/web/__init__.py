"""The reviewer's web UI for a Woo case: ``create_app(case_dir)`` gives a FastAPI app.

Start it with ``wooflow serve CASE_DIR`` (binds 127.0.0.1). Pages: overview, documents (search),
one document under review, persons, audit log. See docs/WEB.md.
"""

from __future__ import annotations

from wooflow.web.app import create_app

__all__ = ["create_app"]
