"""Write good/outlook.msg with an independent MSG writer (run once, not part of the test suite).

wooflow reads .msg with extract-msg, which cannot write. To test it on a real Outlook compound
file this script uses aspose-email-foss (MIT, pure Python), installed in a throwaway virtualenv:
``python -m venv /tmp/v && /tmp/v/bin/pip install aspose-email-foss==26.3 &&
/tmp/v/bin/python make_msg.py``. It is deliberately not a dependency of wooflow.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from aspose.email_foss import msg

HERE = Path(__file__).resolve().parent


def main() -> None:
    message = msg.MapiMessage.create(
        "Woo-verzoek: stukken overleg", "Beste Piet,\n\nHierbij de stukken.\n\nGroet,\nJan de Vries"
    )
    message.set_property(msg.PropertyId.SENDER_NAME, "Jan de Vries")
    message.set_property(msg.PropertyId.SENDER_EMAIL_ADDRESS, "j.devries@example.nl")
    message.set_property(
        msg.PropertyId.MESSAGE_DELIVERY_TIME, datetime(2024, 3, 4, 9, 15, tzinfo=UTC)
    )
    message.add_recipient("p.jansen@example.nl", display_name="Piet Jansen")
    message.add_attachment("notitie.txt", b"Notitie bij het overleg.\n", mime_type="text/plain")
    message.save(str(HERE / "good" / "outlook.msg"))


if __name__ == "__main__":
    main()
