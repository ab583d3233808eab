"""Stems and stop words from sumy's packaged English data, for every algorithm that weighs words.

Both the project's ranker and the sumy algorithms import them from here, so neither imports
the other for them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .tokenizer import LANGUAGE


@lru_cache(maxsize=1)
def stemmer() -> Callable[[str], str]:
    from sumy.nlp.stemmers import Stemmer

    return Stemmer(LANGUAGE)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words(LANGUAGE))
