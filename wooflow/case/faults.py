"""Fault injection for crash tests: ``WOOFLOW_KILL_AT=<point>`` kills the process at that point.

The crash-safety tests run ``wooflow process`` in a subprocess with this variable set, so the
process dies with SIGKILL exactly where a power cut or ``kill -9`` could hit it, and then check
that a re-run yields the package an uninterrupted run yields. Unset (always, in normal use),
``fault_point`` costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

ENV = "WOOFLOW_KILL_AT"


def fault_point(name: str) -> None:
    """SIGKILL this process when ``WOOFLOW_KILL_AT`` names this point."""
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
