"""Stories several newsletters carried in one week: the same link once normalised
(digest.urls), or near-identical titles (rapidfuzz).

`mentions` lists what one whole issue links to (run where the issue is summarized, so that
hollow digests keep it); `find_stories` groups a week's mentions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache

from digest.links import clean_url
from digest.model import Carrier, IssueDigest, Item, Mention, Prints, Story
from digest.urls import is_variant, story_key

TITLE_SCORE = 92  # token_sort_ratio (0-100) from which two titles name one story
TITLE_WORDS = 5  # shorter titles ("Read more", "this post") never match by title alone
TITLE_CHARS = 160
TITLED = ("item", "section")  # mentions named by a title (an entry's, a linked heading's)

_story_key = lru_cache(maxsize=8192)(story_key)  # an issue often links a page twice


def _title(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    return text[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def _item_mentions(items: list[Item], place: tuple[int, ...]) -> list[Mention]:
    found = []
    for n, item in enumerate(items):
        keyed = [(link, _story_key(link.url)) for link in item.links]
        keyed = [(link, key) for link, key in keyed if key]
        if keyed:  # an item's first link is its story; the others are sources or "via"
            link, key = keyed[0]
            title = item.title or (link.text if len(link.text.split()) >= 3 else item.text)
            found.append(Mention(link.url.strip(), key, _title(title), "item", (*place, n),
                                 item.outlet, item.paywalled))
        found += _item_mentions(item.sub_items, (*place, n))
    return found


def mentions(digest: IssueDigest) -> list[Mention]:
    """Every story the issue links to outside sponsored sections, once each."""
    found: list[Mention] = []
    for s, section in enumerate(digest.issue.sections):
        if section.role == "sponsored":
            continue
        key = _story_key(section.link) if section.link and section.heading else None
        if key:  # a heading that is one link: the section is that story (a post's title)
            found.append(Mention(section.link.strip(), key, _title(section.heading), "section",
                                 (s,)))
        for p, paragraph in enumerate(section.paragraphs):
            if paragraph.kind == "code":
                continue
            sentences = digest.split.get((s, p)) or [paragraph.text]
            at = 0
            for link in paragraph.links:
                key = _story_key(link.url)
                if not key or not link.text.strip():
                    continue
                at = next((i for i in range(at, len(sentences)) if link.text in sentences[i]),
                          at)
                title = link.text if len(link.text.split()) >= TITLE_WORDS else sentences[at]
                found.append(Mention(link.url.strip(), key, _title(title), "sentence",
                                     (s, p, at)))
        found += _item_mentions(section.items, (s,))
    seen: set[str] = set()
    return [m for m in found if not (m.key in seen or seen.add(m.key))]


def prints(found: list[Mention]) -> Prints:
    """The mentions in brief: what grouping needs of every issue of a week. Only items match
    by title: a sentence's words are its own, whatever it links to."""
    links = b"".join(hashlib.blake2b(m.key.encode(), digest_size=8).digest() for m in found)
    titles = "\n".join(m.title if m.kind in TITLED and len(m.title.split()) >= TITLE_WORDS
                       else "" for m in found)
    return Prints(links, titles)


def find_stories(digests: list[IssueDigest],
                 load: Callable[[IssueDigest], IssueDigest] = lambda d: d) -> list[Story]:
    """The week's stories that two or more newsletters carried, most carried first.

    Grouping reads the digests' prints; `load` gives the whole digest of an issue that
    carried a story (hollow digests keep no mentions)."""
    digests = [d for d in digests if d.issue.duplicate_of is None]
    if len({d.issue.publication for d in digests}) < 2:
        return []
    entries: list[tuple[int, int]] = []  # (digest, mention)
    keys: list[bytes] = []
    titles: list[str] = []
    for n, digest in enumerate(digests):
        brief = digest.prints or prints(digest.mentions)
        lines = brief.titles.split("\n") if brief.links else []
        for i in range(len(brief.links) // 8):
            entries.append((n, i))
            keys.append(brief.links[8 * i:8 * i + 8])
            titles.append(lines[i] if i < len(lines) else "")
    parent = list(range(len(entries)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    first: dict[bytes, int] = {}
    for n, key in enumerate(keys):
        parent[root(n)] = root(first.setdefault(key, n))
    for one, other in _title_matches(digests, entries, titles):
        parent[root(one)] = root(other)
    groups: dict[int, list[tuple[int, int]]] = {}
    for n, entry in enumerate(entries):
        groups.setdefault(root(n), []).append(entry)
    whole: dict[int, IssueDigest] = {}
    stories = []
    for group in groups.values():
        if len({digests[d].issue.publication for d, _ in group}) < 2:
            continue
        carriers = []
        for d, i in group:
            if d not in whole:
                whole[d] = load(digests[d])
            carriers.append(Carrier(digests[d].issue, whole[d].mentions[i]))
        stories.append(_story(carriers))
    return sorted(stories, key=lambda s: (-len(s.publications), s.title.casefold(), s.url))


def _title_matches(digests: list[IssueDigest], entries: list[tuple[int, int]],
                   titles: list[str]) -> list[tuple[int, int]]:
    """Pairs of entries whose titles are near-identical, each newsletter's titles compared
    with those of the newsletters after it only (never with its own)."""
    by_publication: dict[str, list[int]] = {}
    for n, (d, _) in enumerate(entries):
        if titles[n]:
            by_publication.setdefault(digests[d].issue.publication, []).append(n)
    groups = list(by_publication.values())
    if len(groups) < 2:
        return []
    import numpy as np  # imported only here: a week of one newsletter never needs them
    from rapidfuzz import fuzz, process, utils

    pairs = []
    for i, ours in enumerate(groups):
        theirs = [n for group in groups[i + 1:] for n in group]
        if not theirs:
            continue
        scores = process.cdist([titles[n] for n in ours], [titles[n] for n in theirs],
                               scorer=fuzz.token_sort_ratio, processor=utils.default_process,
                               score_cutoff=TITLE_SCORE, dtype=np.uint8, workers=1)
        pairs += [(ours[a], theirs[b]) for a, b in zip(*np.nonzero(scores), strict=True)]
    return pairs


def _story(group: list[Carrier]) -> Story:
    """One carrier per issue; the title of an item if any carried it as one; the shortest
    link without tracking, not a mobile or AMP edition if another was linked."""
    carriers: list[Carrier] = []
    for carrier in group:
        if all(c.issue is not carrier.issue for c in carriers):
            carriers.append(carrier)
    carriers.sort(key=lambda c: (c.issue.publication.casefold(), c.issue.date, c.issue.title))
    titled = sorted(carriers, key=lambda c: (c.mention.kind not in TITLED,
                                             -len(c.mention.title)))
    url = min((clean_url(c.mention.url) for c in carriers),
              key=lambda u: (is_variant(u), len(u), u))
    return Story(titled[0].mention.title, url, carriers)
