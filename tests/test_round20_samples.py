"""The size of a sample of the work, stated two ways (round 20): "reviewers audit a random 10% of each annotator's
clips" against "QA pulls one clip in every five"; "Gold items make up 10% of every batch" against "Each 25-item batch
contains five gold items". A bound on a share ("capped at 10% of the items") is a limit, not the sample, and a
quality bar ("more than 15% of their problems rejected") is read as a bar. Every sentence here was written for this
test; the look-alikes must stay quiet."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.rules.sample_shares import read_sample_share


@pytest.mark.parametrize(
    ("sentence", "purpose", "share"),
    [
        ("After the first week, leads audit a random 5% of every labeller's finished pages.", "audit", 0.05),
        ("QA samples two pages in every fifty from each labeller's queue.", "audit", 0.04),
        ("The weekly spot-check pulls 3 pages out of every 100 a labeller submits.", "audit", 0.03),
        ("Gold pages make up 8% of every queue.", "gold", 0.08),
        ("Each 40-page batch contains four gold pages.", "gold", 0.1),
        ("Leads re-check a random 5% of your non-gold pages each week.", "audit", 0.05),  # not the gold share
    ],
)
def test_a_sample_is_read(sentence, purpose, share):
    read = read_sample_share(sentence)
    assert (read.purpose, read.share) == (purpose, share)


@pytest.mark.parametrize(
    "sentence",
    [
        "Escalations are capped at 10% of the pages in a batch.",  # a bound, not the sample
        "Labellers with more than 15% of their last 100 pages rejected are placed in retraining.",  # a quality bar
        "About 10% of every queue is handwritten.",  # no sample
    ],
)
def test_no_sample_is_read(sentence):
    assert read_sample_share(sentence) is None


DECKS = {
    "audit/guide.md": "# Quality\n\nAfter the first week, leads audit a random 5% of every labeller's finished pages.\n",
    "audit/faq.md": "# FAQ\n\n## How often?\n\nQA samples two pages in every twenty from each labeller's queue.\n",
    "sameaudit/guide.md": "# Quality\n\nAfter the first week, leads audit a random 5% of every labeller's finished "
    "pages.\n",
    "sameaudit/faq.md": "# FAQ\n\n## How often?\n\nQA samples one page in every twenty from each labeller's queue.\n",
    "gold/guide.md": "# Gold\n\nGold pages make up 8% of every queue.\n",
    "gold/faq.md": "# FAQ\n\n## Gold?\n\nEach 40-page batch contains four gold pages.\n\nLeads audit a random 10% of "
    "every labeller's pages.\n",
    "nongold/guide.md": "# Quality\n\nLeads re-check a random 5% of your non-gold pages each week.\n",
    "nongold/faq.md": "# FAQ\n\n## Gold?\n\nEach 40-page batch contains four gold pages.\n",
}

found = contradictions_fixture(DECKS, "round20_samples")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("a random 5%", "two pages in every twenty", ["CON004"]),
        ("a random 5%", "one page in every twenty", []),  # one sample, as a percent and as one in twenty
        ("make up 8%", "four gold pages", ["CON004"]),
        ("make up 8%", "a random 10%", []),  # gold items and the audit are two samples
        ("non-gold pages", "four gold pages", []),
    ],
)
def test_a_sample_stated_two_ways(found, a, b, checks):
    assert _pairs(found, a, b) == checks
