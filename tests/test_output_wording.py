"""Output constraints in the wording briefs really use: bans without an output verb ("is off-limits"), exclusions
split around their object ("keep that word out"), words that only look negative ("without us"), purposes ("so
that the reader ..."), long required sentences, languages asked for by "into" or by the user's language, and
writing systems. Sentences here are written for these tests and are not in any training or dev set."""

from __future__ import annotations

import math

import numpy as np
import pytest

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.relations.output_clash import output_conflict
from guidecheck.checks.common.relations.output_counts import output_counts
from guidecheck.checks.common.relations.output_pairs import output_candidates
from guidecheck.checks.common.relations.output_phrases import phrase_polarities
from guidecheck.checks.common.relations.proposition import side_of
from guidecheck.model import Location, Rule


def _claim(text: str, kind: str = "obligation", rid: str = "R1"):
    return build_claim(Rule(rid, text, Location("deck/brief.md"), kind=kind))


def _frame(text: str, kind: str = "obligation"):
    return side_of(_claim(text, kind)).output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ban stated as a predicate, with no verb of writing in its clause
        (
            'Per the new glossary, the word "subscriber" is off-limits in renewal notices.',
            [("subscriber", "-")],
        ),
        ('Marketing says "revolutionary" has been phased out of our vocabulary.', [("revolutionary", "-")]),
        # the object between the verb and its particle: a pronoun, "that word", or the quoted word itself
        (
            'Our editor thinks "journey" is worn out, so please keep that word out of the draft.',
            [("journey", "-")],
        ),
        ('Readers find "synergy" grating, so leave it out altogether.', [("synergy", "-")]),
        ('Keep "hack" out of the tips section entirely.', [("hack", "-")]),
        ('The board has ruled out the word "crisis" for this statement.', [("crisis", "-")]),
        ('Steer clear of the term "cutting-edge" in the product copy.', [("cutting-edge", "-")]),
    ],
)
def test_bans_without_a_plain_negation_forbid_the_word(text, expected):
    assert phrase_polarities(text, "+") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a purpose clause and an idiom: their negative words are not the mention's
        ('Mention "Plan B" twice so that the reader does not forget it.', [("plan b", "+")]),
        ('Use "step one" in the intro, as the trainees must run the drill without us.', [("step one", "+")]),
        # a result clause whose "that" is a determiner still bans the word
        ('Legal rejected "zero-risk", so that term cannot appear anywhere.', [("zero-risk", "-")]),
        # a relative clause without its pronoun ("every word you cannot make out") negates nothing of the tag
        ("Put [unclear] on every word you cannot make out.", [("[unclear]", "+")]),
        ('You cannot use "hello" in the reply.', [("hello", "-")]),
    ],
)
def test_words_that_only_look_negative_keep_the_mention_required(text, expected):
    assert phrase_polarities(text, "+") == expected


def test_a_long_required_sentence_is_a_mention():
    text = (
        "Open the letter with this exact sentence, which the trustees approved last spring: "
        '"The Harbourside Trust has protected the estuary and its wading birds for more than forty years."'
    )
    [(phrase, pol)] = phrase_polarities(text, "+")
    assert pol == "+" and phrase.startswith("the harbourside trust") and phrase.endswith("forty years")


def test_a_banned_word_at_the_start_of_a_required_sentence_is_a_candidate_pair():
    """The required sentence's first word carries a comma ("Sadly, ..."): the two rules still meet by the word
    and are compared, although their embeddings are far apart."""
    claims = [
        _claim('Please do not use the word "sadly" in any reply.', "prohibition", "R1"),
        _claim(
            'Begin each reply with this sentence: "Sadly, the workshop is fully booked."', "obligation", "R2"
        ),
    ]
    pairs = output_candidates(claims, np.zeros((0, 1)), [])
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "into" always names the output, even after a noun that usually names the input
        ("Translate the customer leaflet into Italian for the Turin shop.", "Write the leaflet in German."),
        # the user's language, named without "as"
        ("Answer in the same language the visitor used.", "Every answer must be written in English."),
        # a language and a script it is not written in
        (
            "Write the welcome card in Greek.",
            "The printer only takes Latin script, so use Latin characters only.",
        ),
    ],
)
def test_output_languages_that_clash(a, b):
    hit = output_conflict(_frame(a), _frame(b))
    assert hit is not None and hit[0] == "language"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Write the notice in Serbian.", "Use Cyrillic script throughout the notice."),
        ("Write the notice in Serbian.", "Use Latin script throughout the notice."),
        ("Write the poster in Hindi.", "Use Devanagari script for every line."),
    ],
)
def test_a_language_and_a_script_it_is_written_in_do_not_clash(a, b):
    assert output_conflict(_frame(a), _frame(b)) is None


def test_a_negation_does_not_reach_back_across_a_clause_boundary():
    """The ban in the second clause forbids contractions, not the register the first clause asks for."""
    tones = {
        (word.lower(), pol)
        for _, _, pol, word in _frame("Calm, formal register; avoid contractions.", "discouragement").tones
    }
    assert ("formal", "+") in tones and ("contractions", "-") in tones


def test_a_negated_phrase_after_a_mention_is_its_own():
    """'..., never addressing the reader' negates the addressing, not the third person the clause asks for."""
    frame = _frame(
        "Case notes are written in the third person, never addressing the reader directly.", "prohibition"
    )
    tones = {(word.lower(), pol) for _, _, pol, word in frame.tones}
    assert ("third person", "+") in tones
    assert phrase_polarities('Write "grey" and not "gray".', "+") == [("grey", "+"), ("gray", "-")]


def test_negative_words_inside_a_quoted_line_are_what_it_says():
    text = 'Add this line from the owner: "No visit is complete without the walled garden."'
    assert phrase_polarities(text, "+") == [("no visit is complete without the walled garden", "+")]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            'Close the flyer with our line: "Ask about this month\'s mortgage rates today."',
            "Leave mortgage rates out of the flyer until the lender confirms them.",
        ),
        (
            'Finish with the sentence "Donate again at our spring drive."',
            "Do not mention donating again in this thank-you note.",
        ),
    ],
)
def test_a_required_line_that_talks_about_a_left_out_topic_clashes(a, b):
    hit = output_conflict(_frame(a), _frame(b))
    assert hit is not None and hit[0] == "content"


def test_a_required_line_on_another_topic_does_not_clash():
    a = 'Close the flyer with our line: "Visit the open house this Saturday."'
    b = "Leave mortgage rates out of the flyer until the lender confirms them."
    assert output_conflict(_frame(a), _frame(b)) is None


@pytest.mark.parametrize(
    ("text", "unit", "lo", "hi"),
    [
        # a purpose after the count ("so the reader isn't lost") does not turn the minimum into a maximum
        ("Each answer needs at least 60 words so the reader isn't left guessing.", "word", 60.0, math.inf),
        # a result after a comma keeps its own force
        ("Long captions get cropped, so the caption has to stay under 40 words.", "word", 0.0, 39.0),
        # modifiers before the element, and a sentence that names the output without a writing verb
        (
            "Note that the portal strips formatting, so the abstract is prose with no bulleted or numbered lists.",
            "list",
            0.0,
            0.0,
        ),
    ],
)
def test_counts_read_through_purposes_and_modifiers(text, unit, lo, hi):
    bounds = {(b.unit, b.lo, b.hi) for b in output_counts(text, "+")}
    assert (unit, lo, hi) in bounds


def test_no_elements_in_the_source_bound_nothing():
    assert output_counts("There are no tables in the source spreadsheet.", "+") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause of its own after ", and": its negation is not the first clause's
        (
            'Keep the word "welcome" in the greeting, and copying the old banner is never acceptable.',
            [("welcome", "+")],
        ),
        # a contrast with a verb of its own
        ('Avoid "cheap" but keep "affordable".', [("cheap", "-"), ("affordable", "+")]),
        # a list of mentions joined by ", and" is still one clause
        (
            "Terms like robust, seamless, and intuitive are banned.",
            [("robust", "-"), ("seamless", "-"), ("intuitive", "-")],
        ),
    ],
)
def test_coordinated_clauses_keep_their_own_force(text, expected):
    assert phrase_polarities(text, "+") == expected


def test_each_stops_at_a_new_clause():
    """'each card holds one tip' does not make the later total a count per card."""
    text = "The deck holds eight cards, and each card holds one tip, so the deck can't go past eight tips."
    assert ("tip", "", 0.0, 8.0) in {(b.unit, b.scope, b.lo, b.hi) for b in output_counts(text, "-")}


@pytest.mark.parametrize(
    ("a", "b", "kind_b"),
    [
        # a required line in capitals against a ban on capitals or a lowercase-only house style
        (
            'The banner must read "LAST CHANCE TO ENROL" word for word.',
            "Never set words in all caps.",
            "prohibition",
        ),
        (
            'Open with "FREE SHIPPING TODAY" as the first line.',
            "All our copy is set in lowercase only.",
            "obligation",
        ),
    ],
)
def test_a_required_line_in_capitals_clashes_with_a_ban_on_capitals(a, b, kind_b):
    hit = output_conflict(_frame(a), _frame(b, kind_b))
    assert hit is not None and hit[0] == "tone"


def test_a_required_line_with_an_emoji_clashes_with_a_spec_list_banning_emoji():
    a = _frame('End the post with "See you at the fair 🎡"')
    b = _frame("Plain, formal register throughout — no emoji, no hashtags.", "definition")
    hit = output_conflict(a, b)
    assert hit is not None and hit[0] == "count"


def test_a_drop_cap_bans_nothing():
    text = 'The page has a drop cap on the first line, so the first line of the story has to be "Once, the river froze."'
    assert phrase_polarities(text, "+") == [("once, the river froze", "+")]


def test_skipping_a_task_is_no_ban_on_a_word():
    """'Skip' bans wording only with words as its object; a label defined as "skip the item" bans nothing."""
    assert phrase_polarities("[noise] Skip the clip entirely if the caller only coughs.", "+") == []
    assert phrase_polarities('Skip trade terms such as "EBITDA" in the summary.', "+") == [("ebitda", "-")]


def test_labelled_lengths_bound_their_own_parts():
    """'Push alert: at most 60 characters' and 'Email: 120-150 words' are two parts, not one output."""
    a = _frame("Push alert: at most 60 characters, including spaces.")
    b = _frame("Email: 120–150 words, with a subject line.")
    assert output_conflict(a, b) is None


@pytest.mark.parametrize(
    ("lead", "item", "ban"),
    [
        (
            "The guide should cover:",
            "Who can apply, including the income limits for each household size.",
            "Leave out income limits.",
        ),
        (
            "Please include:",
            "Pricing, especially the student discount.",
            "Do not mention the student discount.",
        ),
    ],
)
def test_an_item_to_cover_clashes_with_a_ban_on_its_topic(lead, item, ban):
    a = side_of(
        build_claim(Rule("R1", item, Location("deck/brief.md"), kind="obligation", lead_in=lead))
    ).output
    hit = output_conflict(a, _frame(ban, "prohibition"))
    assert hit is not None and hit[0] == "content"


def test_items_under_a_long_lead_in_name_no_topic_to_cover():
    """Only a short content lead-in ("It should cover:") makes its items topics; a long sentence ending in a
    colon that happens to hold a content word is no such list."""
    lead = (
        "Typical cases are events that follow from the entity, such as the state of being held in a prison:"
    )
    rule = Rule(
        "R1",
        "The [event fire] in the [entity barn] spread fast.",
        Location("d/g.md"),
        kind="obligation",
        lead_in=lead,
    )
    assert side_of(build_claim(rule)).output.topics == ()


def test_a_ban_confined_to_one_part_leaves_the_rest_of_the_output_free():
    """'No prices in the subject line' does not forbid the price line the body must carry; a ban on the whole
    output still clashes with a line required in one part."""
    body = _frame('Include the line "Members save 20% on every booking."')
    subject_ban = _frame("Please do not mention prices in the subject line.", "prohibition")
    assert output_conflict(body, subject_ban) is None
    everywhere = _frame("Please do not mention prices anywhere in the email.", "prohibition")
    subject_line = _frame('The subject line must read "Members save 20% today".')
    assert output_conflict(subject_line, everywhere) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "State the opening hours of the clinic near the top.",
            "The notice must not mention opening hours at all.",
        ),
        (
            "Report the quarterly revenue in the first paragraph.",
            "Keep all revenue figures out of this update.",
        ),
        ("List the side effects the trial recorded.", "Do not discuss side effects in the press note."),
    ],
)
def test_stating_reporting_or_listing_a_topic_covers_it(a, b):
    """Verbs that put a topic in the output ("state", "report", "list") against a ban on that topic."""
    hit = output_conflict(_frame(a), _frame(b, "prohibition"))
    assert hit is not None and hit[0] == "content"


def test_a_ban_kept_to_named_parts_leaves_another_named_section_free():
    """'Keep the title and the intro free of X' confines the ban; 'In the "Pricing" section only, list X' places
    the requirement in another part, so the two never meet."""
    ban = _frame("Keep the title and the intro free of prices; we want to lead with value.")
    need = _frame('In the "Pricing" section only, list the three plans and their monthly prices.')
    assert (ban.place, need.place) == ("title", "section")
    assert output_conflict(ban, need) is None


def test_an_exclusion_denied_keeps_the_topic_in():
    """'Must not exclude the final answer' asks for it, as 'report the final answer' does: no clash."""
    assert (
        output_conflict(
            _frame("Report the final answer."),
            _frame("Annotators must not exclude the final answer.", "prohibition"),
        )
        is None
    )
    hit = output_conflict(_frame("Report the final answer."), _frame("Leave the final answer out."))
    assert hit is not None and hit[0] == "content"


def test_an_item_under_do_not_leaves_its_topic_out():
    """'Do not:' + '- include the image ...' forbids the image, although the item alone is an imperative."""
    from guidecheck.checks.common.relations.output import _frame as frame_of

    topics = frame_of("include the image for queries in a foreign language", "Do not:", "-").topics
    assert {(t.text, t.polarity) for t in topics} == {("the image", "-")}


@pytest.mark.parametrize(
    "text",
    [
        # a rate: how often something happens, not how many the output holds
        "Escalations are rare: fewer than one item in fifty needs one.",
        # a workload: how much a person may do, not how long the output is
        "The weekly cap is 400 reviewed items per annotator.",
        "Nobody should submit more than 90 items per reviewer.",
    ],
)
def test_a_rate_or_a_workload_bounds_no_output(text):
    assert output_counts(text, "+") == ()


def test_a_count_per_day_of_the_output_is_still_a_count():
    bounds = {(b.unit, b.lo, b.hi) for b in output_counts("Give the four-day plan one heading per day.", "+")}
    assert ("heading", 1.0, 1.0) in bounds


def test_a_quotation_after_in_is_the_text_read_not_words_to_write():
    text = (
        'Tag the digits only, not the field name in front of them: in "Bed: 14C" only "14C" is highlighted.'
    )
    assert ("bed: 14c", "+") not in phrase_polarities(text, "+")
    # a quotation the writer must use is still read
    assert phrase_polarities('Begin every note with "Reviewed by".', "+") == [("reviewed by", "+")]
