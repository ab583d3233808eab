"""Plain data passed from one pipeline stage to the next.

ingest -> Document; segment -> Issue; summarize -> IssueDigest; weeks -> Week;
stories -> Mention (per issue) and Story (per week).
No stage imports another stage: they only share these dataclasses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields


@dataclass
class Link:
    text: str
    url: str


@dataclass
class Problem:
    """A warning or error about one input, reported and never fatal on its own."""

    path: str
    message: str
    line: int | None = None
    severity: str = "warning"  # "info" (reported, never fails --strict) | "warning" | "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class Block:
    """One paragraph-level unit of a source file, as a reader found it."""

    text: str
    line: int
    end_line: int
    # paragraph | heading | item | quote | code | row (of a data table) | rule | caption | chrome
    # | page (a printed page's running head or foot, its number, its contents list: chrome)
    kind: str = "paragraph"
    level: int = 0  # heading level 1-6, or list nesting depth from 1; 0 otherwise
    number: int | None = None  # the number of an ordered-list item, when markup gave it
    links: list[Link] = field(default_factory=list)
    lead: str | None = None  # the bold or linked title a paragraph opens with, markup removed
    lead_kind: str | None = None  # "strong" | "link": how that title was marked
    place: int = 0  # its position among its document part's blocks (set by the segmenter)


@dataclass
class Meta:
    """What a file or message says about itself (front matter, headers, metadata file)."""

    title: str | None = None
    dek: str | None = None  # the subtitle the file gives its issue (Org's `#+SUBTITLE:`)
    date: dt.date | None = None
    date_approximate: bool = False
    publication: str | None = None
    publisher: str | None = None
    author: str | None = None
    date_source: str | None = None  # metadata | header | front matter | html | file name | text
    language: str | None = None  # as the file or metadata says it ("de", "en-GB")
    # Domains and mailer/generator names the message or page gives for itself (List-Id,
    # List-Unsubscribe, Message-ID, Return-Path, From, X-Mailer, <meta name=generator>).
    origins: list[str] = field(default_factory=list)
    unsubscribe: list[str] = field(default_factory=list)  # List-Unsubscribe web addresses
    address: str | None = None  # the page's own web address (its canonical link)
    folder: str | None = None  # the newsletter's folder, as a name ("haskell-weekly")
    number: int | None = None  # the issue's number, when only the file name gives it
    list_name: str | None = None  # the name a mailing list's List-Id gives ("Cucina di Casa")
    # the project a mailing-list post's subject names, as its addresses do ("Quillmark 1.9.0"
    # sent from tomas@quillmark.example to quillmark-users@…): it names a person's post
    project: str | None = None


@dataclass
class IssueHint:
    """One issue's facts from the input folder's metadata file, matched by title or order."""

    title: str | None
    date: dt.date | None
    date_approximate: bool = False


@dataclass
class Part:
    """A run of blocks with its own metadata: a whole file, or one message of a mailbox."""

    blocks: list[Block]
    meta: Meta = field(default_factory=Meta)
    notices: list[str] = field(default_factory=list)  # what its reader left out, to be said


@dataclass
class Document:
    path: str
    format: str  # text | markdown | html | email
    parts: list[Part]
    hints: list[IssueHint] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Paragraph:
    line: int
    text: str
    kind: str = "text"  # text | subhead | quote | code | row (of a data table: never summarized)
    links: list[Link] = field(default_factory=list)
    label: str | None = None  # a repeated lead-in ("Why it matters"), taken off `text`
    place: int = 0  # its block's `place`: the source order where lines tie (one-line HTML)


@dataclass
class Item:
    """A list entry; for roundups, a story with its outlet and paywall flag."""

    line: int
    text: str
    outlet: str | None = None
    paywalled: bool = False
    number: int | None = None
    links: list[Link] = field(default_factory=list)
    sub_items: list[Item] = field(default_factory=list)
    title: str | None = None  # the bold or linked title the item opens with
    author: str | None = None  # who wrote what the item links to ("by X", "— X @ Outlet")
    excerpt: str | None = None  # a quote or comment under the item's title line
    place: int = 0  # its block's `place`: the source order where lines tie (one-line HTML)


@dataclass
class Subsection:
    heading: str
    line: int


# What a section is for, whatever its newsletter calls it: the summarizer's policy and the
# renderer's label go by role. A profile gives each of its sections one; the generic segmenter
# gives lead, section or roundup; the cards layout gives teaser and sponsored.
ROLES = ("lead", "roundup", "brief", "anecdote", "teaser", "sponsored", "section")
LAYOUTS = ("prose", "list")  # list: the section is a list of items, kept in its summary
POLICY_KEYS = ("sentences", "min", "max", "algorithm")


@dataclass
class SummaryPolicy:
    """How one role (or one profile section) is summarized; None leaves a field to the role."""

    sentences: int | float | None = None  # a whole number, or a ratio of the sentences
    min: int | None = None  # the bounds of a ratio
    max: int | None = None
    algorithm: str | None = None  # None: the summary's default algorithm

    @classmethod
    def from_table(cls, table: dict) -> SummaryPolicy:
        """A policy from a TOML table; ValueError names the bad key."""
        policy = cls()
        for key, value in table.items():
            if key not in POLICY_KEYS:
                raise ValueError(f"{key}: unknown key (known: {', '.join(POLICY_KEYS)})")
            if key == "algorithm":
                if not isinstance(value, str):
                    raise ValueError(f"algorithm: must be a string, got {value!r}")
            elif isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"{key}: must be a number ≥ 0, got {value!r}")
            elif key != "sentences" and not isinstance(value, int):
                raise ValueError(f"{key}: must be a whole number, got {value!r}")
            setattr(policy, key, value)
        return policy

    def over(self, base: SummaryPolicy) -> SummaryPolicy:
        """This policy's fields where set, `base`'s elsewhere."""
        return SummaryPolicy(*(base_value if value is None else value for value, base_value in
                               zip(_fields(self), _fields(base))))


def _fields(policy: SummaryPolicy) -> tuple[object, ...]:
    """Its fields in order, read directly: `astuple` deep-copies each (every section asks)."""
    return tuple(getattr(policy, f.name) for f in fields(policy))


@dataclass
class Section:
    kind: str  # the profile's id for the section, or lead | teaser | sponsored | section
    heading: str | None
    first_line: int
    last_line: int
    dek: str | None = None
    author: str | None = None
    sponsor: str | None = None
    heading_line: int | None = None
    link: str | None = None  # where its heading links to, when the whole heading is a link
    link_line: int | None = None  # the call line that gave it `link`, when one did
    paragraphs: list[Paragraph] = field(default_factory=list)
    subsections: list[Subsection] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    role: str = "section"  # one of ROLES
    layout: str = "prose"  # one of LAYOUTS
    summary: SummaryPolicy = field(default_factory=SummaryPolicy)  # the profile's overrides


@dataclass
class Dropped:
    kind: str  # chrome | caption | credit | note | signoff | bio | byline | boilerplate | other
    line: int
    text: str


@dataclass
class Issue:
    source: str
    index: int  # position in its file, from 0
    format: str
    publication: str
    title: str
    first_line: int
    last_line: int
    dek: str | None = None
    date: dt.date | None = None
    date_approximate: bool = False
    date_source: str | None = None  # metadata | header | front matter | html | file name | text
    publisher: str | None = None
    author: str | None = None
    duplicate_of: int | None = None
    language: str | None = None  # declared or found from its words; None: not known
    address: str | None = None  # where it can be read whole on the web (its page's own link)
    sections: list[Section] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


@dataclass
class Sentence:
    """A summary sentence and where it came from in its issue."""

    text: str
    section: int
    paragraph: int
    index: int
    line: int
    label: str | None = None  # the paragraph's "Why it matters"-style label, shown apart


@dataclass
class SectionDigest:
    section: int
    kind: str
    sentences: list[Sentence] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    role: str = "section"
    item_places: list[int] = field(default_factory=list)  # each item's place in its section
    more_items: int = 0  # the section's items left out of the digest
    notes: list[str] = field(default_factory=list)  # why sentences were left out (`-v`)


@dataclass
class OutletCount:
    """How many of an issue's list items (sub-items too) cite one outlet, and how many of
    those are paywalled. `name` is spelled as first written; counts merge case-blind."""

    name: str
    items: int = 0
    paywalled: int = 0


@dataclass
class Mention:
    """A story an issue links to: an item's main link, or a link in a paragraph's sentence.

    `place` is where it sits on the issue page: (section, item, sub-item, ...) for an item,
    (section, paragraph, sentence) for a sentence, (section,) for a section whose heading is
    the link.
    """

    url: str
    key: str  # the link normalised (digest.urls.story_key): equal keys, same story
    title: str
    kind: str  # item | sentence | section
    place: tuple[int, ...]
    outlet: str | None = None
    paywalled: bool = False


@dataclass
class Prints:
    """An issue's mentions in brief, all that hollow digests keep of them (memory stays flat
    at scale): a hash of each one's link key, and its title where long enough to match by."""

    links: bytes = b""  # 8 bytes per mention
    titles: str = ""  # a line per mention; empty where too short


@dataclass
class IssueDigest:
    issue: Issue
    sections: list[SectionDigest]
    split: dict[tuple[int, int], list[str]]  # (section, paragraph) -> its sentences
    words_in: int = 0
    words_out: int = 0
    key: str = ""  # what the digest was made from, hashed: pages made from it can be reused
    budget: int = 0  # the digest's word budget
    outlets: list[OutletCount] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    prints: Prints | None = None  # the mentions in brief, kept in hollow digests too


@dataclass
class Carrier:
    """One newsletter issue that carried a story, and where."""

    issue: Issue
    mention: Mention


@dataclass
class Story:
    """A story that several newsletters carried in one week."""

    title: str
    url: str
    carriers: list[Carrier] = field(default_factory=list)

    @property
    def publications(self) -> list[str]:
        return list(dict.fromkeys(c.issue.publication for c in self.carriers))


@dataclass
class Week:
    """An ISO week (Monday to Sunday) and the issues dated in it."""

    year: int
    number: int
    start: dt.date
    end: dt.date
    issues: list[IssueDigest] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)  # carried by several newsletters

    @property
    def key(self) -> str:
        return f"{self.year}-W{self.number:02d}"


@dataclass
class Site:
    """Everything the renderer needs: weeks newest first, and the issues with no date."""

    weeks: list[Week]
    undated: list[IssueDigest] = field(default_factory=list)
