"""Stems and stop words for every algorithm that weighs words.

Both the project's ranker and the sumy algorithms import them from here, so neither imports
the other for them. The sumy algorithms keep sumy's packaged list; the ranker reads its own,
shorter one from the language's data file (`en.toml`).
"""

from __future__ import annotations

import pkgutil
import tomllib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .tokenizer import LANGUAGE


@lru_cache(maxsize=1)
def stemmer() -> Callable[[str], str]:
    """NLTK's Snowball stemmer, which sumy's Stemmer wraps (taken directly: importing sumy's
    module also imports `requests`, a tenth of a second of every worker's start-up)."""
    from nltk.stem import snowball

    return getattr(snowball, LANGUAGE.capitalize() + "Stemmer")().stem


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's packaged list, read as its `get_stop_words` does."""
    data = pkgutil.get_data("sumy", f"data/stopwords/{LANGUAGE}.txt") or b""
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


@lru_cache(maxsize=8)
def language_data(language: str = "en") -> dict[str, Any]:
    """A language's word lists, shipped beside this module (`en.toml`)."""
    return tomllib.loads((Path(__file__).parent / f"{language}.toml").read_text("utf-8"))


@lru_cache(maxsize=8)
def ranking_stop_words(language: str = "en") -> frozenset[str]:
    """The words the project's ranker ignores: `[ranker] stop_words` of the language's data."""
    return frozenset(w.lower() for w in language_data(language)["ranker"]["stop_words"])
