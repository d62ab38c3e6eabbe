"""A ban on looking things up outside the task and a later answer that allows it (CON001 from
``relations/outside_research.py``), and their look-alikes: a permission that states itself as the exception, a
permission that is denied, links that are no outside source. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import deck_contradictions
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.outside_research import sources


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Never run a web search on the claimant's name.", {"search"}),
        ("It's fine to visit the museum's own page to check an opening time.", {"site"}),
        ("Do not click through to the seller's profile.", {"profile"}),
        ("Don't follow links in the model's answer.", {"link"}),
        ("Read each page of the scanned contract before you tag it.", set()),  # a page of the item
        ("Mark causal links between the two events.", set()),
    ],
)
def test_the_kinds_of_outside_source_a_sentence_consults(text, kinds):
    assert sources(text) == kinds


DECKS = {
    "museum/guide.md": "# Research\n\nJudge each label card only on what the tool shows; no web searches and no "
    "visiting the museum's site.\n\n# Links\n\nDon't follow links in the model's answer.\n",
    "museum/faq.md": "# Questions\n\n## Can I check a date?\n\nYes, a quick web search to confirm a date is fine.\n\n"
    "## Can I look at the catalogue?\n\nThe only exception: you may open the museum's own catalogue site for "
    "object numbers.\n\n## Translation sites?\n\nIt is not fine to paste a card into a translation site.\n",
}


@pytest.mark.slow
def test_a_ban_on_outside_research_and_a_later_permission_conflict(tmp_path):
    found = deck_contradictions(tmp_path, DECKS)
    assert _pairs(found, "no web searches", "quick web search to confirm") == ["CON001"]
    assert _pairs(found, "no web searches", "The only exception") == []  # stated as the exception
    assert _pairs(found, "no web searches", "not fine to paste") == []  # no permission at all
    assert (
        _pairs(found, "Don't follow links", "quick web search") == []
    )  # a link in the item is another thing
