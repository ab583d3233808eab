"""Whether a message was sent to a list: a neutral helper the fetch and ingest stages both use
(it imports no stage), so that a reader's own mail beside their newsletters, in a mailbox or
a mail program's export, is never published."""

from __future__ import annotations

from email.message import Message

# What mail sent to a list carries (RFC 2369, RFC 2919, and the Precedence convention);
# bulk senders must send List-Unsubscribe, so a message without any of them is personal mail.
LIST_HEADERS = ("List-Unsubscribe", "List-Id", "List-Post")
LIST_PRECEDENCE = {"bulk", "list"}


def is_list_mail(message: Message) -> bool:
    """Mail sent to a list, by its headers."""
    if any(message.get(name) for name in LIST_HEADERS):
        return True
    return str(message.get("Precedence", "")).strip().lower() in LIST_PRECEDENCE
