"""Label inventory, glossary, terminology and coverage checks (LAB001-LAB005, TERM001, COV001-COV002)."""

from __future__ import annotations

import pytest
from builders import frame

DECK = """# Relevance Rating

## Glossary

- Soft 404: a page that returns content but says the item is not available.
- Stale page: a page whose main content is more than two years old.

## Rating scale

Rate every result on a 0-4 scale.

| Score | Label | Description |
|---|---|---|
| 0 | Fails | The page does not load or has nothing to do with the query. |
| 1 | Slightly Relevant | The page is about the topic but does not answer the query. |
| 2 | Not sure | You cannot judge the page from what it shows. |
| 4 | Relevant | |

## Rules

Rate a soft 404 page 0.
If the page is a parked domain, rate it Parked.
Mark the result as Slightly Relevent when it covers only one of two intents.
If you cannot decide, select "Unsure".
Rate a page 1.5 when it answers the query but is hard to read.
Rate weak results 1.
Rate relevant results 4.

## Update

- 1 = Slightly Relevant: the page answers part of the query for some users.

## Handling spam

Spam pages were a frequent source of disagreement in the pilot. Raters in the pilot
found that pages stuffed with keywords were rated very differently by different people,
and the review team spent many hours on them before the pilot ended last spring.
"""


def _rubric(score: str, label: str, description: str) -> object:
    text = f"{score} | {label} | {description}" if description else f"{score} | {label}"
    return frame(text, "rubric", labels=[score, label])


# What spaCy makes of the decks in this file: the tests run on these frames, without the models.
FRAMES = [
    frame("Soft 404: a page that returns content but says the item is not available.", "definition"),
    frame("Stale page: a page whose main content is more than two years old.", "definition"),
    frame("Rate every result on a 0-4 scale.", action="rate", object="result", quantifier="all"),
    _rubric("0", "Fails", "The page does not load or has nothing to do with the query."),
    _rubric("1", "Slightly Relevant", "The page is about the topic but does not answer the query."),
    _rubric("2", "Not sure", "You cannot judge the page from what it shows."),
    _rubric("4", "Relevant", ""),
    frame("Rate a soft 404 page 0.", action="rate", object="page"),
    frame(
        "If the page is a parked domain, rate it Parked.",
        conditions=["If the page is a parked domain"],
        labels=["Parked"],
        action="rate",
    ),
    frame(
        "Mark the result as Slightly Relevent when it covers only one of two intents.",
        conditions=["when it covers only one of two intents"],
        labels=["Slightly Relevent"],
        action="mark",
        object="result",
    ),
    frame(
        'If you cannot decide, select "Unsure".',
        conditions=["If you cannot decide"],
        labels=["Unsure"],
        action="select",
        object="unsure",
    ),
    frame(
        "Rate a page 1.5 when it answers the query but is hard to read.",
        conditions=["when it answers the query but is hard to read"],
        labels=["1.5"],
        action="rate",
        object="page",
    ),
    frame("Rate weak results 1.", labels=["1"], action="rate", object="result"),
    frame("Rate relevant results 4.", labels=["4"], action="rate", object="result"),
    frame(
        "1 = Slightly Relevant: the page answers part of the query for some users.",
        "rubric",
        labels=["1", "Slightly Relevant"],
        date="Update",
    ),
    frame("Rate login walls Fails.", action="rate", object="login wall"),
    frame("Mark pages behind a login as Login Wall.", labels=["Login Wall"], action="mark", object="page"),
    frame(
        "When a page will not load at all, tag a QA Lead in the channel.",
        conditions=["When a page will not load at all"],
        action="tag",
        object="qa lead",
    ),
]


@pytest.fixture
def check_json(check_json, fake_models):
    """The JSON report of ``guidecheck check`` on the frames above, with the opt-in checks it tests selected."""
    fake_models(FRAMES, synonyms={"unsure": "sure"})  # "Unsure" / "Not sure", as the model sees them
    extra = ("--extend-select", "COV", "--extend-select", "TERM001")
    return lambda *paths: check_json(*paths, extra=extra)


def _by_check(report, check):
    return [f for f in report["findings"] if f["check"] == check]


def _rule_text(report, rule_id):
    return next(r["text"] for r in report["rules"] if r["id"] == rule_id)


def test_undefined_label_and_variants(check_json, write):
    report = check_json(write("deck/guide.md", DECK))
    undefined = _by_check(report, "LAB001")
    assert [f["message"].split("'")[1] for f in undefined] == ["Parked"]
    assert undefined[0]["severity"] == "error" and "Add 'Parked'" in undefined[0]["fix"]
    variants = _by_check(report, "TERM001")
    pairs = sorted((f["message"].split("'")[1], f["message"].split("'")[3]) for f in variants)
    assert pairs == [
        ("Slightly Relevent", "Slightly Relevant"),
        ("Unsure", "Not sure"),
        ("weak", "Slightly Relevant (1)"),
    ]  # one score named by a quality word; "relevant" is its name
    assert all("replace" in f["fix"] for f in variants)


def test_label_defined_in_another_file_of_the_deck_is_defined(check_json, write):
    write("deck/guide.md", DECK)
    write("deck/faq.md", "# FAQ\n\nA: Rate login walls Fails.\n\nMark pages behind a login as Login Wall.\n")
    report = check_json(write("deck/guide.md", DECK).parent)
    labels = sorted(f["message"].split("'")[1] for f in _by_check(report, "LAB001"))
    assert labels == ["Login Wall", "Parked"]


def test_scale_points_redefinitions_and_out_of_inventory_scores(check_json, write):
    report = check_json(write("deck/guide.md", DECK))
    undescribed = sorted(f["message"] for f in _by_check(report, "LAB003"))
    assert undescribed == ["Scale point '4' has no description.", "The 0-4 scale never describes point(s) 3."]
    twice = _by_check(report, "LAB004")
    assert len(twice) == 1 and twice[0]["message"].startswith("'Slightly Relevant' is defined twice")
    outside = _by_check(report, "LAB005")
    assert [_rule_text(report, f["rules"][0]) for f in outside] == [
        "Rate a page 1.5 when it answers the query but is hard to read."
    ]


def test_unused_glossary_term(check_json, write):
    report = check_json(write("deck/guide.md", DECK))
    assert [f["message"] for f in _by_check(report, "LAB002")] == [
        "Glossary term 'Stale page' is never used outside the glossary."
    ]


def test_coverage_document_and_section_without_rules(check_json, write):
    write("deck/guide.md", DECK)
    write(
        "deck/history.md",
        "# History\n\nThe program started in 2014 with forty raters. It now has two thousand.\n",
    )
    report = check_json(write("deck/guide.md", DECK).parent)
    docs = [f["path"] for f in _by_check(report, "COV001")]
    assert len(docs) == 1 and docs[0].endswith("history.md")
    sections = [f["message"] for f in _by_check(report, "COV002")]
    assert sections and all("Handling spam" in m for m in sections)
    assert not any("Glossary" in m for m in sections)


def test_a_person_tagged_is_no_undefined_label(check_json, write):
    write("deck/guide.md", DECK)
    write("deck/faq.md", "# FAQ\n\nWhen a page will not load at all, tag a QA Lead in the channel.\n")
    report = check_json(write("deck/guide.md", DECK).parent)
    assert sorted(f["message"].split("'")[1] for f in _by_check(report, "LAB001")) == ["Parked"]
