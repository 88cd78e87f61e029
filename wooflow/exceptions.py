"""All errors wooflow raises. The library raises; only the CLI turns them into exit codes.

Each exception carries an ``exit_code`` and a message meant to be shown to a user as one line.
"""

from __future__ import annotations


class WooflowError(Exception):
    """Base class: a problem a user can act on (never a bug)."""

    exit_code = 1


class InputError(WooflowError):
    """An input document cannot be read."""

    exit_code = 2
    reason = "unreadable"

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {detail}")


class UnsupportedFormat(InputError):
    reason = "unsupported"


class EmptyDocument(InputError):
    reason = "empty"


class CorruptDocument(InputError):
    reason = "corrupt"


class EncryptedDocument(InputError):
    reason = "encrypted"


class ZipBomb(InputError):
    reason = "zip-bomb"


class LimitExceeded(InputError):
    reason = "limit"


class MalformedMail(InputError):
    reason = "malformed-mail"


class ConfigError(WooflowError):
    exit_code = 3


class CaseError(WooflowError):
    """A case folder is missing, locked or inconsistent."""

    exit_code = 4


class LeakError(WooflowError):
    """The leak verifier found redacted content in an output. The worst bug we can ship."""

    exit_code = 5


class ValidationError(WooflowError):
    """Generated metadata does not validate (e.g. DiWoo XSD)."""

    exit_code = 6
