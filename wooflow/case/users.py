"""People on a case: accounts with a role, login sessions, and who is assigned which document.

Accounts live in the case database (``case_users``), so an account is an account *on this case*:
someone without one cannot open the case in the review app at all. Roles:

- ``coordinator``: everything (case data, deadlines, scope, assigning work, second checks);
- ``reviewer``: reviews documents (findings, redactions, judgements, persons);
- ``viewer``: reads only.

Passwords are hashed with argon2id (argon2-cffi's defaults). Sessions are random tokens; only
their SHA-256 is stored, with a per-session CSRF token. Every change is written to the audit log.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wooflow.case import audit
from wooflow.exceptions import CaseError
from wooflow.store.repos import case_schema
from wooflow.store.repos import users as user_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case
    from wooflow.store import CaseStore

ROLES = ("coordinator", "reviewer", "viewer")
ROLE_LABELS = {"coordinator": "coördinator", "reviewer": "beoordelaar", "viewer": "meelezer"}
# The actor name of everything wooflow does by itself (detection, policy, propagation, dedupe).
AUTOMATIC = "wooflow (automatisch)"
SESSION_HOURS = 12
MIN_PASSWORD = 8
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
RESERVED = frozenset({"wooflow", "detectie", "beleid", "propagatie", "dedupe", "onbekend"})

SCHEMA = case_schema.PEOPLE


def ensure_schema(store: CaseStore) -> None:
    """Create the people tables (idempotent; call outside a transaction)."""
    store.ensure_schema("case_people", SCHEMA)


@dataclass(frozen=True, slots=True)
class User:
    username: str
    role: str
    active: bool = True

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def can_write(self) -> bool:
        return self.active and self.role in ("coordinator", "reviewer")

    @property
    def is_coordinator(self) -> bool:
        return self.active and self.role == "coordinator"


def hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def check_username(username: str) -> str:
    name = username.strip().lower()
    if not _NAME.match(name):
        raise CaseError(
            f"ongeldige gebruikersnaam {username!r}: 2 tot 32 tekens, kleine letters, cijfers, . _ of -"
        )
    if name in RESERVED:
        raise CaseError(f"de gebruikersnaam {name!r} is gereserveerd; kies een andere")
    return name


def check_role(role: str) -> str:
    r = role.strip().lower()
    aliases = {"coördinator": "coordinator", "beoordelaar": "reviewer", "meelezer": "viewer"}
    r = aliases.get(r, r)
    if r not in ROLES:
        raise CaseError(f"onbekende rol {role!r}; kies uit coordinator, reviewer of viewer")
    return r


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise CaseError(f"het wachtwoord moet minstens {MIN_PASSWORD} tekens lang zijn")


def add_user(case: Case, username: str, role: str, password: str) -> User:
    """Create an account on this case (logged with the actor of ``case``)."""
    ensure_schema(case.store)
    name, r = check_username(username), check_role(role)
    check_password(password)
    if user_rows.exists(case.conn, name):
        raise CaseError(f"gebruiker {name!r} bestaat al in deze zaak")
    pw = hash_password(password)
    with case.transaction() as conn:
        user_rows.insert(conn, name, r, pw, case.actor, audit.now())
        audit.log(conn, case.actor, "user.add", target=name, role=r)
    return User(name, r)


def set_password(case: Case, username: str, password: str) -> None:
    ensure_schema(case.store)
    name = username.strip().lower()
    check_password(password)
    _require(case.conn, name)
    with case.transaction() as conn:
        user_rows.set_password(conn, name, hash_password(password))
        audit.log(conn, case.actor, "user.password", target=name)


def set_role(case: Case, username: str, role: str) -> User:
    ensure_schema(case.store)
    name, r = username.strip().lower(), check_role(role)
    _require(case.conn, name)
    with case.transaction() as conn:
        user_rows.set_role(conn, name, r)
        audit.log(conn, case.actor, "user.role", target=name, role=r)
    return User(name, r)


def deactivate(case: Case, username: str) -> None:
    """Take an account off the case (kept for the audit log, cannot log in any more)."""
    ensure_schema(case.store)
    name = username.strip().lower()
    _require(case.conn, name)
    with case.transaction() as conn:
        user_rows.deactivate(conn, name)
        audit.log(conn, case.actor, "user.remove", target=name)


def _require(conn: Any, name: str) -> None:
    if not user_rows.exists(conn, name):
        raise CaseError(f"gebruiker {name!r} bestaat niet in deze zaak")


def users(conn: Any, active_only: bool = True) -> list[User]:
    return [User(name, role, active) for name, role, active in user_rows.rows(conn, active_only)]


def has_users(conn: Any) -> bool:
    return user_rows.any_active(conn)  # False also when the tables were not made yet


def verify(conn: Any, username: str, password: str) -> User | None:
    """The active user with this password, else None (constant-ish time: always one hash)."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    ph = PasswordHasher()
    row = user_rows.credentials(conn, username.strip().lower())
    stored = row[2] if row else _dummy_hash()
    try:
        ph.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    return User(row[0], row[1]) if row else None


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A real hash to verify against for unknown names (same cost as a known name)."""
    return hash_password(secrets.token_urlsafe(16))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(conn: Any, username: str) -> tuple[str, str]:
    """A new session for ``username``: (cookie token, csrf token). Commits."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = datetime.now(timezone.utc)
    with user_rows.unit(conn):
        user_rows.add_session(conn, _token_hash(token), username, csrf, now.isoformat(),
                              (now + timedelta(hours=SESSION_HOURS)).isoformat())
        audit.log(conn, username, "user.login", target=username)
    return token, csrf


def end_session(conn: Any, token: str) -> None:
    with user_rows.unit(conn):
        user_rows.drop_session(conn, _token_hash(token))


def session_user(conn: Any, token: str) -> tuple[User, str] | None:
    """The logged-in user and the session's CSRF token, or None (unknown or expired)."""
    if not token:
        return None
    row = user_rows.session(conn, _token_hash(token))
    if row is None or row[3] < datetime.now(timezone.utc).isoformat():
        return None
    return User(row[0], row[1]), row[2]
