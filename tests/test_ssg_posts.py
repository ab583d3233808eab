"""Posts as static-site generators store them (Hugo, Zola, Eleventy, Jekyll, MkDocs): their
front matter's own tables and their templates' loops and highlight tags read as the published
page does. Fixtures written here."""

from __future__ import annotations

import datetime as dt

from _issues import issue_of, texts

ELEVENTY = """---
title: Notes from the Kiln
date: 2026-03-05
---

The big kiln cracked a whole shelf of celadon bowls this month, all from cooling too fast.

## Spring open studio

The studio opens to visitors on the weekend of 21 March, with a wheel you can try.

{% for event in collections.events %}
- {{ event.data.title }} on {{ event.date | date }}
{% endfor %}
"""


def test_a_template_loops_lines_are_no_entry_of_the_issue():
    issue = issue_of("kiln.md", ELEVENTY)
    assert not [i.text for s in issue.sections for i in s.items]
    assert "on" not in texts(issue)
    assert any(t.startswith("The studio opens") for t in texts(issue))


JEKYLL = """---
title: Deploy Notes 4
date: 2026-03-01
---

The nightly deploy now builds the site before it uploads anything, which caught two errors.

{% highlight sh %}
# install the tools first
make tools
{% endhighlight %}

```
{% highlight ruby %}
{% endhighlight %}
```

The upload step then runs only when the build has passed, as it always should have.
"""


def test_a_highlight_tags_lines_are_code_not_a_heading():
    issue = issue_of("deploy.md", JEKYLL)
    assert [s.heading for s in issue.sections if s.heading] == []
    code = [p for s in issue.sections for p in s.paragraphs if "install the tools" in p.text]
    assert [p.kind for p in code] == ["code"]
    assert any(t.startswith("The upload step") for t in texts(issue))


ZOLA = """+++
title = "Orbit Log 12: The Lyrids"
date = 2026-03-09
[extra]
author = "Priya Vantongeren"
series = "Orbit Log"
+++

The Lyrid meteor shower peaks in the early hours of 22 April, with the moon set by midnight.
"""

MKDOCS = """---
date:
  created: 2026-03-16
  updated: 2026-03-18
title: Platform Notes 9
---

Every CI job now runs on the new ARM runners, and build times dropped by a third.
"""


def test_zolas_extra_table_names_the_author_and_series_and_mkdocs_dates_by_created():
    zola = issue_of("orbit.md", ZOLA)
    assert (zola.publication, zola.author) == ("Orbit Log", "Priya Vantongeren")
    assert issue_of("notes.md", MKDOCS).date == dt.date(2026, 3, 16)


SHARED = """---
title: "Maintainers' Digest #22"
date: 2026-03-20
---

Release 4.2 went out on Tuesday with the new plugin loader and forty-one bug fixes.

The documentation rewrite has twelve open pull requests waiting for a second pair of eyes.

Share: [Mastodon](https://example.org/share/m) · [LinkedIn](https://example.org/share/l)
"""


def test_a_labelled_share_row_is_chrome():
    assert not any(t.startswith("Share") for t in texts(issue_of("digest-22.md", SHARED)))
