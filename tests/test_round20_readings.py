"""Readings of round 20, from held-out19's misses (read after it was scored), each in general form.

- Pay: every clause between semicolons states its own pay term ("Rejected clips are still paid at half the base
  rate; only clips removed for fraud earn nothing"), and one bound written two ways ("less than 30 seconds" / "in
  under 30 seconds") names one case.
- Who may act: a group named by a role above the rater's ("Only reviewers may ..."; "Only raters may" still reserves
  nothing), everyone after a short lead ("To keep things moving, any annotator may ..."), a sentence filed under a
  term ("Escalations: Only ..."), a quoted label name ("the 'Call a lead'
  flag" / "press Call a lead") and the object written right after the reserved act ("may split or merge segments
  drawn by another transcriber" / "may merge the segments").
- Priority: "Where A and B both fit ..., B wins"; "could be either A or part of B, A wins"; "B should be the
  primary one, ahead of A"; a ranked list "in this order: ..." or "goes to A first, then B, then C"; "Follow X, not Y"; "could go under A or B, choose A"; "A outranks every other category"; "in any overlap
  between X and Y, Y takes precedence"; a ranked list written "A > B > C".
- Order: a step done last ("Complete the Safety panel last, just before you press Submit") against a rule that puts it
  before another step.
- A case one rule excuses and another refuses in words ("and that includes silent clips"), wherever the two are in
  the deck; a relaxed rule that relaxes no omission ("no need to rush the long ones") excuses nothing.
- Outside research: a calculator ("any electronic device") and a look-up in a named outside source ("look it up on
  GOV.UK", "in a news archive") are kinds of source, and an order to consult one breaks a ban as a permission does.
- A ban and its sanction ("... counts as plagiarism"); a step done "without opening any links" is no ban for the task.
- A table whose column holds a rule in prose ("Topic | Rule") is read sentence by sentence like a paragraph.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

from guidecheck.checks.common.relations.precedence import ANY_OTHER, THIS_DOCUMENT, priority_of
from guidecheck.rules.pay_terms import read_pay_terms


def test_every_clause_states_its_own_pay_term():
    text = "Rejected clips are still paid at half the base rate; only clips removed for fraud earn nothing."
    terms = read_pay_terms(text)
    assert [(t.share, text[slice(*t.span)]) for t in terms] == [
        (0.5, "are still paid at half the base rate"),
        (0.0, "earn nothing"),
    ]
    assert read_pay_terms("Pay attention to the speaker labels; they change often.") == ()


@pytest.mark.parametrize(
    ("sentence", "winner", "loser"),
    [
        (
            "Follow the guidelines, not the client brief, and tell your lead.",
            {THIS_DOCUMENT},
            {"brief", "client"},
        ),
        (
            "When a remark could go under HUMOR or SARCASM (for example 'nice job, genius'), choose SARCASM.",
            {"sarcasm"},
            {"humor"},
        ),
        ("SAFETY outranks every other category when a clip fits more than one.", {"safety"}, {ANY_OTHER}),
        ("Where BIKE and CAR both fit the same box, CAR wins.", {"car"}, {"bik"}),
        ("If a span could be either a PLACE or part of an EVENT, PLACE wins.", {"plac"}, {"event"}),
        (
            "If a clip is both noisy and clipped, the clipping flag should be the primary one, ahead of noise.",
            {"clip", "flag"},
            {"nois"},
        ),
        (
            "In any overlap between a road box and a sidewalk box, the sidewalk box takes precedence.",
            {"sidewalk", "box"},
            {"road", "box"},
        ),
    ],
)
def test_a_rule_that_ranks_two_things_is_read(sentence, winner, loser):
    got = priority_of(sentence)
    assert (set(got[0]), set(got[1])) == (winner, loser)


def test_a_substitution_is_no_ranking():
    assert priority_of("Use the placeholder, not the real name.") is None


@pytest.mark.slow
def test_a_rule_in_a_table_column_is_read_like_a_paragraph(extract):  # noqa: F811
    rules = extract(
        "# Policies\n\n| Topic | Rule | Notes |\n|---|---|---|\n"
        "| Breaks | Transcribers must log off before any break longer than ten minutes. | Added in May. |\n"
        "| 3 | Good | Minor slips only. |\n"
    )
    by_text = {r["text"]: r["kind"] for r in rules}
    assert by_text["Transcribers must log off before any break longer than ten minutes."] == "obligation"


DECKS = {
    "pay/guide.md": "# Pay\n\nClips submitted less than 30 seconds after opening are rejected automatically and are "
    "not paid.\n",
    "pay/faq.md": "# FAQ\n\n## Fast clips?\n\nClips submitted in under 30 seconds are paid at the base rate and sent to "
    "a second transcriber.\n",
    "halfpay/guide.md": "# Pay\n\nRejected clips are never paid, whatever the reason.\n",
    "halfpay/faq.md": "# FAQ\n\n## Rejections\n\nClips rejected for one typo still earn half the base rate; clips "
    "rejected for two or more typos earn nothing.\n",
    "fraudpay/guide.md": "# Pay\n\nClips removed for fraud earn nothing.\n",
    "fraudpay/faq.md": "# FAQ\n\n## Rejections\n\nRejected clips are still paid at half the base rate; only clips "
    "removed for fraud earn nothing.\n",
    "roles/guide.md": "# Roles\n\nEscalations: Only Tier 2 transcribers may apply the 'Call a lead' flag.\n\n"
    "Only senior transcribers may split or merge segments drawn by another transcriber.\n",
    "roles/faq.md": "# FAQ\n\n## Threats\n\nThreats: Any transcriber who hears a threat of violence must press Call "
    "a lead at once, whatever their tier.\n\n## Mistakes\n\nAny transcriber who spots a wrong boundary in a "
    "colleague's file may merge the segments directly.\n",
    "reviewers/guide.md": "# Roles\n\nOnly reviewers may mark a clip as Unusable.\n\nOnly team leads may mark a clip as "
    "Private.\n",
    "reviewers/faq.md": "# FAQ\n\n## Dead audio?\n\nIf the audio cuts out for more than ten seconds, mark the clip "
    "Unusable yourself and return it to the queue.\n\n## Names?\n\nTo keep things moving, any annotator may mark a "
    "clip Private if a caller says their full name.\n",
    "samereviewers/guide.md": "# Roles\n\nOnly reviewers may mark a clip as Unusable.\n\nOnly raters may mark a clip "
    "as Noisy.\n",
    "samereviewers/faq.md": "# FAQ\n\n## Dead audio?\n\nAny reviewer can mark a clip Unusable when the audio cuts "
    "out.\n\n## Hum?\n\nIf the hum drowns the voice, mark the clip Noisy yourself.\n",
    "leadcall/guide.md": "# Disputes\n\nOnly Leads can approve or overturn a dispute.\n\nAfter submission, only a "
    "reviewer may change the noise grade.\n",
    "leadcall/faq.md": "# FAQ\n\n## Disputes?\n\nReviewers can leave comments on a dispute, but approving or "
    "overturning it is a Lead's call.\n\n## Grades?\n\nYes: until you press Submit, you can change the grade as "
    "often as you like.\n",
    "ownroles/guide.md": "# Roles\n\nOnly senior transcribers may split or merge segments drawn by another "
    "transcriber.\n",
    "ownroles/faq.md": "# FAQ\n\n## Mistakes\n\nAny transcriber may merge segments in their own file.\n",
    "ranks/guide.md": "# Overlaps\n\nWhere two boxes overlap, the class higher in this list wins: Bus > Car > Bike > "
    "Road.\n\nFollow the guide, not the customer brief, when they disagree.\n\nWhen a sign could go under SPEED or "
    "WARNING, choose SPEED.\n",
    "ranks/faq.md": "# FAQ\n\n## Bikes on cars?\n\nIn any overlap between a car box and a bike box, the bike box takes "
    "precedence.\n\n## Briefs\n\nWhere a customer brief conflicts with this guide, the customer brief takes "
    "precedence.\n\n## Signs\n\nWARNING outranks every other class when a sign fits more than one.\n",
    "order/guide.md": "# Steps\n\nFill in the Safety panel before you draw any boxes.\n",
    "order/faq.md": "# FAQ\n\n## When?\n\nComplete the Safety panel last, just before you press Submit, once "
    "everything else is filled in.\n",
    "sameorder/guide.md": "# Steps\n\nFill in the Safety panel after you draw every box.\n",
    "sameorder/faq.md": "# FAQ\n\n## When?\n\nFill in the Safety panel last, just before you press Submit.\n",
    "fields/guide.md": "# Fields\n\nIf the clip is silent, leave the Speaker field empty and go straight to Submit.\n",
    "fields/faq.md": "# FAQ\n\n## Empty fields?\n\nNone of the three label fields may be left empty on any clip, and "
    "that includes silent clips.\n",
    "rush/guide.md": "# Pace\n\nDo not skip a clip because it is long or noisy.\n",
    "rush/faq.md": "# FAQ\n\n## Time?\n\nYou have up to ten minutes on any single clip, so there's no need to rush the "
    "long ones.\n",
    "chain/guide.md": "# Flags\n\nWhen a clip has more than one problem, the primary flag goes to Clipping first, then "
    "Noise, then Music, and Silence last.\n",
    "chain/faq.md": "# FAQ\n\n## Noise and music?\n\nIf a clip is both noisy and full of music, the music flag should "
    "be the primary one, ahead of noise.\n",
    "calc/guide.md": "# Tools\n\nDo not use calculators or spreadsheets while rating; work everything by hand.\n\n"
    "Do not consult outside sources such as search engines or encyclopedias.\n",
    "calc/faq.md": "# FAQ\n\n## Big sums?\n\nFor any sum with five or more digits, check the figures with a "
    "calculator before you choose a label.\n\n## Dates?\n\nWhen the clip gives a date ambiguously, look it up in a "
    "news archive before deciding on the flag.\n\n## Terms?\n\nWhen the clip uses a term ambiguously, look it up in "
    "the project glossary before deciding on the flag.\n",
    "online/guide.md": "# Tools\n\nDo not open external websites, online calculators or search engines while "
    "rating.\n",
    "online/faq.md": "# FAQ\n\n## Sums?\n\nArithmetic with the basic calculator on your own device is fine.\n\n"
    "## Links?\n\nIf a clip description links to an external website, reject it.\n",
    "steplinks/guide.md": "# Steps\n\nRead the clip description once, from top to bottom, without opening any links.\n",
    "steplinks/faq.md": "# FAQ\n\n## Links?\n\nOpen every link in the description in a new tab.\n",
    "plagiarism/guide.md": "# Sources\n\nDon't copy text from the client's own website.\n",
    "plagiarism/faq.md": "# FAQ\n\n## Copying?\n\nCopying text from the client's website counts as plagiarism and is "
    "treated the same way.\n",
    "sameranks/guide.md": "# Overlaps\n\nWhere two boxes overlap, the class higher in this list wins: Bus > Car > "
    "Bike > Road.\n",
    "sameranks/faq.md": "# FAQ\n\n## Bikes on cars?\n\nIn any overlap between a car box and a bike box, the car box "
    "takes precedence.\n",
}

found = contradictions_fixture(DECKS, "round20_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("less than 30 seconds", "in under 30 seconds", ["CON004"]),  # one case: not paid / paid
        ("never paid", "one typo still earn half", ["CON004"]),
        (
            "Clips removed for fraud earn nothing.",
            "still paid at half",
            [],
        ),  # the same case, unpaid both times
        ("'Call a lead' flag", "press Call a lead", ["CON011"]),
        ("split or merge segments drawn", "may merge the segments directly", ["CON011"]),
        ("split or merge segments drawn", "their own file", []),  # another's work reserved, one's own given
        ("Only reviewers may mark a clip as Unusable", "mark the clip Unusable yourself", ["CON011"]),
        ("Only team leads may mark a clip as Private", "any annotator may mark a clip Private", ["CON011"]),
        ("Only reviewers may mark a clip as Unusable", "Any reviewer can mark", []),  # the same group
        ("Only raters may mark a clip as Noisy", "mark the clip Noisy yourself", []),  # raters are everyone
        ("Only Leads can approve", "a Lead's call", []),  # the act given after "but" is the Lead's
        ("After submission, only a reviewer", "until you press Submit", []),  # before and after submission
        ("Do not use calculators", "check the figures with a calculator", ["CON001"]),
        ("Do not consult outside sources", "look it up in a news archive", ["CON001"]),
        (
            "Do not consult outside sources",
            "look it up in the project glossary",
            [],
        ),  # the deck's own glossary
        ("online calculators", "basic calculator on your own device", []),  # an online calculator is a site
        ("without opening any links", "Open every link", []),  # how to do one step, not a ban for the task
        ("Don't copy text from the client", "counts as plagiarism", []),  # a ban and its sanction
        ("Do not open external websites", "links to an external website, reject it", []),  # what a clip holds
        ("Bus > Car > Bike", "the bike box takes precedence", ["CON005"]),
        ("Follow the guide, not the customer brief", "the customer brief takes precedence", ["CON005"]),
        ("choose SPEED", "WARNING outranks every other", ["CON005"]),
        ("Bus > Car > Bike", "the car box takes precedence", []),  # the same order twice
        ("Clipping first, then", "the music flag should be the primary one", ["CON005"]),
        ("before you draw any boxes", "Safety panel last", ["CON013"]),
        ("leave the Speaker field empty", "that includes silent clips", ["CON016"]),
        ("because it is long or noisy", "no need to rush", []),
        ("after you draw every box", "Safety panel last", []),
    ],
)
def test_round20_pairs(found, a, b, checks):
    assert _pairs(found, a, b) == checks
