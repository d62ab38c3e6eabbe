"""Text formats: Markdown, plain text and HTML keep structure and exact source lines."""

from __future__ import annotations

from fixtures_builders import by_text, read, rows

MD = """---
title: Chatbot rating
owner: quality
---
# Chatbot helpfulness {#top team=quality}

Raters must read the whole conversation
before choosing a rating. Never rate a response you did not read.

## Scoring

| Score | Label | Meaning |
|---|---|---|
| 5 | Excellent | Fully answers the request. |
| 1 | Poor | Off-topic or harmful. |

## Comments

Do not:
- paste the response into the comment
- mention other raters
  - by name
  - by ID

Dos

- Quote the sentence you disagree with.

## Examples

A response that hedges on a simple fact scores 3.

```text
User: What is the capital of France?
```

> Response: Paris is the capital of France.
"""


def test_markdown_blocks_sections_and_lines(write):
    doc = read(write("guide.md", MD))
    assert doc.status == "ok"
    assert rows(doc) == [
        ("heading", "Chatbot helpfulness", ("Chatbot helpfulness",), "guide.md:5"),
        (
            "paragraph",
            "Raters must read the whole conversation\nbefore choosing a rating. Never rate a response you did not read.",
            ("Chatbot helpfulness",),
            "guide.md:7",
        ),
        ("heading", "Scoring", ("Chatbot helpfulness", "Scoring"), "guide.md:10"),
        (
            "table_row",
            "5 | Excellent | Fully answers the request.",
            ("Chatbot helpfulness", "Scoring"),
            "guide.md:14",
        ),
        ("table_row", "1 | Poor | Off-topic or harmful.", ("Chatbot helpfulness", "Scoring"), "guide.md:15"),
        ("heading", "Comments", ("Chatbot helpfulness", "Comments"), "guide.md:17"),
        ("paragraph", "Do not:", ("Chatbot helpfulness", "Comments"), "guide.md:19"),
        (
            "list_item",
            "paste the response into the comment",
            ("Chatbot helpfulness", "Comments"),
            "guide.md:20",
        ),
        ("list_item", "mention other raters", ("Chatbot helpfulness", "Comments"), "guide.md:21"),
        ("list_item", "by name", ("Chatbot helpfulness", "Comments"), "guide.md:22"),
        ("list_item", "by ID", ("Chatbot helpfulness", "Comments"), "guide.md:23"),
        ("paragraph", "Dos", ("Chatbot helpfulness", "Comments"), "guide.md:25"),
        (
            "list_item",
            "Quote the sentence you disagree with.",
            ("Chatbot helpfulness", "Comments"),
            "guide.md:27",
        ),
        ("heading", "Examples", ("Chatbot helpfulness", "Examples"), "guide.md:29"),
        (
            "example",
            "A response that hedges on a simple fact scores 3.",
            ("Chatbot helpfulness", "Examples"),
            "guide.md:31",
        ),
        ("code", "User: What is the capital of France?", ("Chatbot helpfulness", "Examples"), "guide.md:33"),
        (
            "example",
            "Response: Paris is the capital of France.",
            ("Chatbot helpfulness", "Examples"),
            "guide.md:37",
        ),
    ]
    row = by_text(doc, "5 | Excellent | Fully answers the request.")
    assert row.header == ("Score", "Label", "Meaning") and row.cells == (
        "5",
        "Excellent",
        "Fully answers the request.",
    )
    assert by_text(doc, "Chatbot helpfulness").meta["attrs"] == {"id": "top", "team": "quality"}
    assert by_text(
        doc,
        "Raters must read the whole conversation\nbefore choosing a rating. Never rate a response you did not read.",
    ).meta["section_attrs"] == {"id": "top", "team": "quality"}
    # front matter is not text
    assert not any("owner" in b.text for b in doc.blocks)


def test_markdown_lead_ins_and_labels_set_polarity(write):
    doc = read(write("guide.md", MD))
    nested = by_text(doc, "by name")
    assert (nested.depth, nested.lead_in, nested.polarity) == (1, "Do not:", "negative")
    assert (
        by_text(doc, "paste the response into the comment").lead_in,
        by_text(doc, "paste the response into the comment").polarity,
    ) == ("Do not:", "negative")
    quote = by_text(doc, "Quote the sentence you disagree with.")
    assert (quote.lead_in, quote.polarity) == ("Dos", "positive")
    assert (
        by_text(
            doc,
            "Raters must read the whole conversation\nbefore choosing a rating. Never rate a response you did not read.",
        ).polarity
        is None
    )


def test_markdown_raw_html_blocks_keep_host_lines(write):
    doc = read(
        write(
            "guide.md",
            "# Guide\n\n<div>\n<p>Raters must flag\nmedical advice.</p>\n</div>\n\n<!-- Never shown -->\n",
        )
    )
    assert rows(doc) == [
        ("heading", "Guide", ("Guide",), "guide.md:1"),
        ("paragraph", "Raters must flag\nmedical advice.", ("Guide",), "guide.md:4"),
    ]


TEXT = """CHATBOT RATING GUIDE

Read the whole conversation before rating.
Ratings are final once submitted.

Scoring
=======

1. Rate factual errors 2 or lower.
2. Rate refusals of safe requests 1.
   This includes partial refusals.

Do not:
- reward length
  * or confident tone
"""


def test_plain_text_paragraphs_headings_and_list_lines(write):
    doc = read(write("guide.txt", TEXT))
    assert rows(doc) == [
        ("heading", "CHATBOT RATING GUIDE", ("CHATBOT RATING GUIDE",), "guide.txt:1"),
        (
            "paragraph",
            "Read the whole conversation before rating.\nRatings are final once submitted.",
            ("CHATBOT RATING GUIDE",),
            "guide.txt:3",
        ),
        ("heading", "Scoring", ("Scoring",), "guide.txt:6"),
        ("list_item", "Rate factual errors 2 or lower.", ("Scoring",), "guide.txt:9"),
        (
            "list_item",
            "Rate refusals of safe requests 1.\nThis includes partial refusals.",
            ("Scoring",),
            "guide.txt:10",
        ),
        ("paragraph", "Do not:", ("Scoring",), "guide.txt:13"),
        ("list_item", "reward length", ("Scoring",), "guide.txt:14"),
        ("list_item", "or confident tone", ("Scoring",), "guide.txt:15"),
    ]
    assert [(b.depth, b.polarity) for b in doc.blocks[-2:]] == [(0, "negative"), (1, "negative")]


HTML = """<!doctype html>
<html><head><title>Guide</title><style>p { color: red }</style>
<script>var rule = "Never do this";</script></head>
<body>
<h1>Helpfulness guide</h1>
<p>Raters must read the whole
conversation before rating.</p>
<h2>Don'ts</h2>
<ul>
  <li>Reward long answers</li>
  <li>Guess the intent
    <ul><li>from the username</li></ul>
  </li>
</ul>
<div hidden>Hidden rule: always rate 5.</div>
<table>
<thead><tr><th>Score</th><th>Meaning</th></tr></thead>
<tr><td>5</td><td>Perfect answer</td></tr>
</table>
<pre>def score(): return 5</pre>
<blockquote>Response: I can't help with that.</blockquote>
</body></html>
"""


def test_html_visible_text_structure_and_lines(write):
    doc = read(write("guide.html", HTML))
    h, d = ("Helpfulness guide",), ("Helpfulness guide", "Don'ts")
    assert rows(doc) == [
        ("heading", "Helpfulness guide", h, "guide.html:5"),
        ("paragraph", "Raters must read the whole\nconversation before rating.", h, "guide.html:6"),
        ("heading", "Don'ts", d, "guide.html:8"),
        ("list_item", "Reward long answers", d, "guide.html:10"),
        ("list_item", "Guess the intent", d, "guide.html:11"),
        ("list_item", "from the username", d, "guide.html:12"),
        ("table_row", "5 | Perfect answer", d, "guide.html:18"),
        ("code", "def score(): return 5", d, "guide.html:20"),
        ("example", "Response: I can't help with that.", d, "guide.html:21"),
    ]
    assert [b.polarity for b in doc.blocks if b.kind == "list_item"] == ["negative"] * 3
    assert by_text(doc, "5 | Perfect answer").header == ("Score", "Meaning")
    assert by_text(doc, "from the username").depth == 1


def test_latin1_and_utf16_text_are_decoded(write):
    text = "Raters must not rate a naïve café review.\nDo not copy the résumé.\n"
    assert read(write("latin.txt", text.encode("latin-1"))).blocks[0].text == text.strip()
    assert read(write("wide.md", text.encode("utf-16"))).blocks[0].text == text.strip()
    assert read(write("wide-le.txt", text.encode("utf-16-le"))).blocks[0].text == text.strip()
    cp1252 = read(write("quotes.txt", "Use “quotes” – always.".encode("cp1252")))
    assert (cp1252.status, cp1252.blocks[0].text) == ("ok", "Use “quotes” – always.")


def test_html_text_after_a_tag_gets_its_own_line(write):
    doc = read(
        write(
            "bare.html",
            "<body>\n<h2>Scope</h2>\nRate every post.\n<b>Never</b> skip a post.<br>\n\n"
            "Flag spam.\n</body>\n",
        )
    )
    assert rows(doc) == [
        ("heading", "Scope", ("Scope",), "bare.html:2"),
        ("paragraph", "Rate every post.\nNever skip a post.\n\nFlag spam.", ("Scope",), "bare.html:3"),
    ]
