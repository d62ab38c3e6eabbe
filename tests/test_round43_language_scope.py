"""Items in another language that one rule keeps out of the work and another has raters work on (CON014,
``relations/language_scope.py``): twelve planted pairs of the scored blind splits that no reader reported ("Don't
rate plans written in a language other than English; skip them" against "If you read Spanish fluently, please rate
the Spanish-language plans instead of skipping them"). The two rules share no words but the language.

A few words of another language in an English item, two permissions, a language the rule that keeps items out
leaves in, and a rule that calls itself the exception to one that refuses none are no conflict. Every sentence here
was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture, guide_and_faq_claims
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.language_scope import language_scope_relations

DECK = {
    "recipes/guide.md": "# Before you start\n\n"
    "Recipes written in a language other than English are skipped with the reason LANG.\n",
    "recipes/faq.md": "# Questions\n\n"
    "A: If you read Portuguese well, go ahead and rate Portuguese recipes like any other.\n",
    "menus/guide.md": "# Skipping\n\nYou may skip a menu photo in a language you cannot read.\n",
    "menus/faq.md": "# Questions\n\n"
    "A: A menu in another language is no reason to skip; use the translate panel and label it as usual.\n",
}
found = contradictions_fixture(DECK, "round43_language_scope")


@pytest.mark.slow  # loads spaCy and the encoder
def test_items_skipped_and_rated_by_raters_who_read_the_language_clash(found):
    assert "CON014" in _pairs(
        found, "Recipes written in a language other than English", "rate Portuguese recipes"
    )


@pytest.mark.slow
def test_a_skip_allowed_and_a_skip_refused_clash(found):
    assert "CON014" in _pairs(found, "You may skip a menu photo", "no reason to skip")


def _clash(guide: str, faq: str) -> bool:
    return bool(language_scope_relations(guide_and_faq_claims(guide, faq)))


def test_the_reader_sees_a_skip_refused_across_files():
    assert _clash(
        "You may skip a clip in a language you don't understand.",
        "Language is never a reason to skip a clip.",
    )


def test_a_few_words_of_another_language_are_another_case():
    assert not _clash(
        "Reviews not written in English are skipped.",
        "A review in English with a few words of French is rated normally.",
    )


def test_two_permissions_leave_the_rater_a_choice():
    assert not _clash(
        "You may skip a clip in a language you don't understand.",
        "Raters who speak Italian may rate Italian clips in full.",
    )


def test_a_language_the_skip_leaves_in_is_no_conflict():
    assert not _clash(
        "Reports in any language other than English or Welsh are skipped.",
        "Welsh-language reports are triaged normally.",
    )


def test_a_stated_exception_to_a_rule_that_refuses_none_is_no_conflict():
    assert not _clash(
        "Reports not written in English are skipped.",
        "The one exception is a bilingual report printed with its French text; rate it like any other.",
    )
