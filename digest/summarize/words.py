"""Stems and stop words from sumy's packaged English data, for every algorithm that weighs words.

Both the project's ranker and the sumy algorithms import them from here, so neither imports
the other for them.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from functools import lru_cache

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
