"""Stems and stop words for every algorithm that weighs words, per language.

Both the project's ranker and the sumy algorithms import them from here, so neither imports
the other for them. The sumy algorithms keep sumy's packaged English list; the ranker reads its
own, shorter one from the language's data file (`en.toml`), else the `stop-words` package's
list for the issue's language, and stems with NLTK's Snowball stemmer of that language
(algorithmic: no data to download); a language with neither is ranked by its lower-cased
words.
"""

from __future__ import annotations

import pkgutil
import re
import tomllib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .tokenizer import LANGUAGE

# ISO 639-1 codes of the languages NLTK's Snowball stemmers know.
SNOWBALL = {"da": "danish", "de": "german", "en": "english", "es": "spanish", "fi": "finnish",
            "fr": "french", "hu": "hungarian", "it": "italian", "nb": "norwegian",
            "nl": "dutch", "no": "norwegian", "pt": "portuguese", "ro": "romanian",
            "ru": "russian", "sv": "swedish"}
_CODE = re.compile(r"[a-z]{2,3}")


def base_language(language: str | None) -> str:
    """"fr-FR", "de_DE" -> "fr", "de"; anything else (unknown, or not a language tag at all,
    since it comes from the input) -> "en"."""
    code = re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]
    return code if _CODE.fullmatch(code) else LANGUAGE[:2]


@lru_cache(maxsize=16)
def stemmer(language: str = "en") -> Callable[[str], str]:
    """NLTK's Snowball stemmer, which sumy's Stemmer wraps (taken directly: importing sumy's
    module also imports `requests`, a tenth of a second of every worker's start-up)."""
    from nltk.stem import snowball

    name = SNOWBALL.get(language)
    return getattr(snowball, name.capitalize() + "Stemmer")().stem if name else str.lower


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's packaged English list, read as its `get_stop_words` does."""
    data = pkgutil.get_data("sumy", f"data/stopwords/{LANGUAGE}.txt") or b""
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


def has_language_data(language: str) -> bool:
    return _CODE.fullmatch(language) is not None and \
        (Path(__file__).parent / f"{language}.toml").is_file()


@lru_cache(maxsize=8)
def language_data(language: str = "en") -> dict[str, Any]:
    """A language's word lists, shipped beside this module (`en.toml`)."""
    return tomllib.loads((Path(__file__).parent / f"{language}.toml").read_text("utf-8"))


@lru_cache(maxsize=16)
def ranking_stop_words(language: str = "en") -> frozenset[str]:
    """The words the project's ranker ignores: `[ranker] stop_words` of the language's data
    (English's), else the `stop-words` package's list for it (33 languages), else none."""
    if has_language_data(language) and "ranker" in language_data(language):
        return frozenset(w.lower() for w in language_data(language)["ranker"]["stop_words"])
    from stop_words import StopWordError, get_stop_words

    try:
        return frozenset(w.lower() for w in get_stop_words(language))
    except StopWordError:
        return frozenset()
