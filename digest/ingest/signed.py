"""OpenPGP's clear-signed text (RFC 4880, section 7): a message signed where it is written,
as security advisories and release announcements are. The armour lines, their `Hash:` header
and the signature block are no part of the text, and a line the signer dash-escaped
("- -- ", "- -----") reads as written. Every line stays on its line number."""

from __future__ import annotations

import re

_SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----"
_SIGNATURE = "-----BEGIN PGP SIGNATURE-----"
_SIGNATURE_END = "-----END PGP SIGNATURE-----"
_ARMOUR_HEADER = re.compile(r"^(?:Hash|Charset|Comment|Version):[ \t]")


def unsigned(text: str) -> str:
    """The text a clear-signed message signs, its armour and signatures blank lines."""
    if "-----BEGIN PGP SIGN" not in text:
        return text
    out: list[str] = []
    state = "text"  # "header" (after the opening armour), "signed", "signature"
    for line in text.split("\n"):
        bare = line.strip()
        if state == "signature":
            state = "text" if bare == _SIGNATURE_END else state
            line = ""
        elif bare == _SIGNED:
            state, line = "header", ""
        elif bare == _SIGNATURE:
            state, line = "signature", ""
        elif state == "header" and (not bare or _ARMOUR_HEADER.match(line)):
            state = "header" if bare else "signed"
            line = ""
        else:
            if state == "header":
                state = "signed"
            if state == "signed" and line.startswith("- "):
                line = line[2:]
        out.append(line)
    return "\n".join(out)
