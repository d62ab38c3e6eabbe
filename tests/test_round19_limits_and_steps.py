"""Policy limits and typed step numbers, round 19. Staying on the project is the safe side of removal ("must keep a
gold agreement of at least 0.85 to stay on the project" against "are removed below 80%"); a decimal share is a
percent. The time a rater is given to finish one item ("finish each page within 6 minutes of opening it") against
the tool's time-out (released after 300 seconds); a sentence that states both a time to finish and a time-out is
read as the time-out. A step number typed before a sentence ("2. Fill in the checklist before you tag", as slide
text boxes have them) does not stop the sentence from being a rule. Every sentence here was written for this test;
the look-alikes must stay quiet."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

from guidecheck.rules.item_times import read_item_time
from guidecheck.rules.quality_bars import read_quality_bar


@pytest.mark.parametrize(
    ("sentence", "bar", "sanctions"),
    [
        ("Labellers must keep a gold agreement of at least 0.9 to stay on the project.", 0.9, {"removal"}),
        (
            "Your weekly audit accuracy has to remain at or above 88% to remain on the team.",
            0.88,
            {"removal"},
        ),
    ],
)
def test_staying_on_the_project_is_the_safe_side_of_removal(sentence, bar, sanctions):
    read = read_quality_bar(sentence)
    assert (read.bar, read.safe_side, set(read.sanctions)) == (bar, False, sanctions)


@pytest.mark.parametrize(
    ("sentence", "kind", "seconds"),
    [
        ("You should finish each page within 6 minutes of opening it.", "deadline", 360),
        ("Please complete every review within two hours.", "deadline", 7200),
        # the tool's timer in other words; a second time outside the limit's clause is no second limit
        ("The task timer allows 6 minutes per page; the median in the pilot was 4 minutes.", "timeout", 360),
        ("After 300 seconds on one page the editor locks and the page is auto-skipped.", "timeout", 300),
        ("Each page has a limit of 9 minutes; the task locks when time runs out.", "timeout", 540),
        ("The timer auto-submits each page at 240 seconds.", "timeout", 240),
        # a time to finish and the tool's time-out in one sentence: the time-out
        (
            "Submit each batch within 12 hours of claiming it; unfinished batches go back to the pool.",
            "timeout",
            43200,
        ),
    ],
)
def test_a_time_to_finish_one_item_is_read(sentence, kind, seconds):
    read = read_item_time(sentence)
    assert (read.kind, read.seconds) == (kind, seconds)


DECKS = {
    "bar/guide.md": "# Quality\n\nLabellers whose agreement with gold pages falls below 80% are removed from the "
    "project.\n",
    "bar/faq.md": "# FAQ\n\n## What do I need?\n\nLabellers must keep a gold agreement of at least 0.9 to stay on the "
    "project.\n",
    "samebar/guide.md": "# Quality\n\nLabellers whose agreement with gold pages falls below 90% are removed from the "
    "project.\n",
    "samebar/faq.md": "# FAQ\n\n## What do I need?\n\nLabellers must keep a gold agreement of at least 0.9 to stay "
    "on the project.\n",
    "time/guide.md": "# Time\n\nYou should finish each page within 6 minutes of opening it.\n",
    "time/faq.md": "# FAQ\n\n## Timer\n\nAny page that stays open for more than 300 seconds is released back to the "
    "queue.\n",
    "roomy/guide.md": "# Time\n\nYou should finish each page within 4 minutes of opening it.\n",
    "roomy/faq.md": "# FAQ\n\n## Timer\n\nAny page that stays open for more than 300 seconds is released back to the "
    "queue.\n",
}

found = contradictions_fixture(DECKS, "round19_limits")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("falls below 80%", "at least 0.9 to stay", ["CON004"]),
        ("falls below 90%", "at least 0.9 to stay", []),  # one bar, as a percent and as a share
        ("within 6 minutes", "more than 300 seconds", ["CON004"]),  # taken back before the time to finish
        ("within 4 minutes", "more than 300 seconds", []),
    ],
)
def test_a_limit_stated_two_ways(found, a, b, checks):
    assert _pairs(found, a, b) == checks


@pytest.mark.slow
def test_a_typed_step_number_does_not_stop_a_rule(extract, tmp_path):  # noqa: F811
    pptx = pytest.importorskip("pptx")
    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Workflow"
    slide.placeholders[1].text_frame.text = "2. Tick the Hazard checklist before you place any event tags."
    path = tmp_path / "deck.pptx"
    deck.save(path)
    texts = [r["text"] for r in extract(path=path)]
    assert any("Tick the Hazard checklist before you place any event tags" in t for t in texts)


@pytest.mark.slow
def test_an_absolute_phrase_set_off_by_commas_does_not_hide_the_rule(extract):  # noqa: F811
    texts = [
        r["text"]
        for r in extract(
            "# FAQ\n\nEveryone in the pool, Tier 2 included, can open the Escalate form whenever a post threatens a "
            "lawsuit.\n"
        )
    ]
    assert texts == [
        "Everyone in the pool, Tier 2 included, can open the Escalate form whenever a post threatens a lawsuit."
    ]
