"""One newsletter under one name on the site, however its files spell it."""

from __future__ import annotations

from pathlib import Path

from _letters import mail

from digest.build import build
from digest.config import load_config


def test_a_folders_name_and_a_senders_spelling_are_one_newsletter(tmp_path: Path):
    """The folder read as words says "Cash And Carry", the sender "Cash and Carry": one
    newsletter page with both issues, under the sender's spelling (it was two)."""
    seeds = tmp_path / "seeds" / "cash-and-carry"
    seeds.mkdir(parents=True)
    (seeds / "2026-03-09.eml").write_bytes(mail(
        "Bond funds had a quiet week. Then a parrot sued its owner over a lease.\n",
        "Cash and Carry <letters@cashcarry.example>", "Parrots and leases",
        "Mon, 09 Mar 2026 12:00:00 +0000", subtype="plain"))
    (seeds / "2026-03-10.txt").write_text(
        "Rates, again\n\nThe central bank held rates. Markets shrugged and went to lunch.\n")
    (tmp_path / "digest.toml").write_text('[build]\ninput = "seeds"\noutput = "site"\n'
                                          '[site]\nsearch = false\n')
    build(load_config(tmp_path / "digest.toml"))
    pages = sorted(p.name for p in (tmp_path / "site" / "newsletters").glob("*.html"))
    assert pages == ["cash-and-carry.html"]
    listing = (tmp_path / "site" / "newsletters" / "cash-and-carry.html").read_text()
    assert "Cash and Carry" in listing and "Cash And Carry" not in listing
    assert listing.count('href="../issues/') >= 2
