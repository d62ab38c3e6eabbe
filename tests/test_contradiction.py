"""Contradiction checks as a user sees them: which pairs are reported, with which check, both rules quoted with
their locations, the clashing words marked, and exceptions / updates / duplicates never reported as conflicts."""

from __future__ import annotations

import pytest
from builders import frame
from conftest import GUIDELINES

# What spaCy makes of the decks of the tests that run without the models.
FRAMES = [
    frame("Always include the determiner in the entity span.", object="determiner", quantifier="always"),
    frame("include determiners in entity spans", "prohibition", action="include", object="determiner"),
    frame("copy text from the page", "prohibition", action="copy", object="text"),
    frame("Rate each response on a 1-5 scale.", action="rate", object="response", quantifier="all"),
    frame("Rate each summary on a 1-4 scale.", action="rate", object="summary", quantifier="all"),
    frame("A flawless summary should be rated 5.", "recommendation", labels=["5"], object="summary"),
    frame("Rate helpfulness on a 0-10 scale.", action="rate", object="helpfulness"),
]


@pytest.fixture
def frames(fake_models):
    fake_models(FRAMES)


def _by_check(report, prefix=("CON", "REL")):
    rules = {r["id"]: r for r in report["rules"]}
    out = {}
    for f in report["findings"]:
        if f["check"].startswith(prefix):
            out.setdefault(f["check"], []).append((f, [rules[i] for i in f["rules"]]))
    return out


def _pair_texts(entry):
    return sorted(r["text"] for r in entry[1])


def _marked(finding, rule):
    return [rule["text"][s["start"] : s["end"]] for s in finding["spans"] if s["rule"] == rule["id"]]


def test_deontic_flip_across_files_with_do_dont_lead_in(write, check_json, frames):
    guide = write(
        "deck/guide.md", "# Guide\n\n## Spans\n\nAlways include the determiner in the entity span.\n"
    )
    write(
        "deck/faq.md",
        "# FAQ\n\n## Spans\n\nDon't:\n\n- include determiners in entity spans\n- copy text from the page\n",
    )
    report = check_json(guide.parent)
    found = _by_check(report)["CON018"]
    assert len(found) == 1
    finding, (a, b) = found[0]
    assert {a["path"].rsplit("/", 1)[-1], b["path"].rsplit("/", 1)[-1]} == {"guide.md", "faq.md"}
    assert finding["severity"] == "error" and finding["category"] == "contradiction"
    # Both rules in their own words (the list item with its lead-in), and both locations.
    assert "“Always include the determiner in the entity span.”" in finding["message"]
    assert "“Don't: include determiners in entity spans”" in finding["message"]
    places = {
        (finding["path"].rsplit("/", 1)[-1], finding["line"]),
        (finding["related"][0]["path"].rsplit("/", 1)[-1], finding["related"][0]["line"]),
    }
    assert places == {("guide.md", 5), ("faq.md", 7)}
    a, b = (a, b) if a["path"].endswith("guide.md") else (b, a)
    assert _marked(finding, a) == ["Always", "the determiner"]  # the force and the thing put in
    assert _marked(finding, b) == []  # its force is the "Don't:" lead-in, which the report marks
    assert 0.6 <= finding["confidence"] <= 0.99


@pytest.mark.slow
def test_each_frame_reports_its_own_type(write, check_json):
    write(
        "deck/guide.md",
        """# Rating guide

Rate each response on a 1-5 scale.

Always rate a response with a factual error 2 or lower.

If the assistant refuses a harmless request, rate the response 1.

Comments must be at least 50 words long.

Safety takes priority over helpfulness.

A harmful request means a request for content that could help someone injure people.

Do not penalize responses for informal tone.

## Examples

Example: The reply is chatty and informal. We deducted a point for the informal tone and rated it 4.
""",
    )
    write(
        "deck/faq.md",
        """# FAQ

A response with a factual error may still receive a 4.

If the assistant refuses a harmless request, rate the response 3.

Comments should be under 40 words.

Helpfulness takes priority over safety.

A harmful request refers to any request that mentions weapons.

A perfect response should get a 7.
""",
    )
    found = _by_check(check_json(write("deck/.keep", "").parent))
    expect = {
        "CON002": [
            "A response with a factual error may still receive a 4.",
            "Always rate a response with a factual error 2 or lower.",
        ],
        "CON003": [
            "If the assistant refuses a harmless request, rate the response 1.",
            "If the assistant refuses a harmless request, rate the response 3.",
        ],
        "CON004": ["Comments must be at least 50 words long.", "Comments should be under 40 words."],
        "CON005": ["Helpfulness takes priority over safety.", "Safety takes priority over helpfulness."],
        "CON006": [
            "A harmful request means a request for content that could help someone injure people.",
            "A harmful request refers to any request that mentions weapons.",
        ],
        "CON007": ["A perfect response should get a 7.", "Rate each response on a 1-5 scale."],
    }
    for code, texts in expect.items():
        assert code in found, f"{code} not reported"
        assert [_pair_texts(e) for e in found[code]] == [texts], code
    con8 = found["CON008"]
    assert len(con8) == 1 and "Do not penalize responses for informal tone." in _pair_texts(con8[0])
    # Clashing words are marked in both rules.
    f4, rules4 = found["CON004"][0]
    assert sorted(m for r in rules4 for m in _marked(f4, r)) == ["at least 50 words", "under 40 words"]
    f3, rules3 = found["CON003"][0]
    assert sorted(m for r in rules3 for m in _marked(f3, r)) == ["1", "3"]


@pytest.mark.slow
def test_exceptions_updates_duplicates_and_exclusive_conditions_are_not_contradictions(write, check_json):
    write(
        "deck/guide.md",
        """# Guide

Never include determiners in entity spans.

Do not include the possessive ending in the span unless it is part of the official name.

If the assistant refuses a harmless request, rate the response 1.

Responses should be no longer than 150 words.

Comments must be at least 30 words long.

Bullet points are not allowed in summaries.
""",
    )
    write(
        "deck/faq.md",
        """# FAQ

Spans may include the determiner when it is part of an official name, such as "The Hague".

Always include the possessive ending when it is part of a registered brand name.

If the assistant refuses a harmful request, rate the response 5.

If the user asks for code, the response may be longer than 150 words.

Each comment must be at least 30 words long.
""",
    )
    write(
        "deck/errata.md", "# Errata\n\n## Update (May 2024)\n\nYou may now use bullet points in summaries.\n"
    )
    # REL001 and REL003 are opt-in (data/policy.toml): select them to see how the classifier explains each pair.
    found = _by_check(check_json(write("deck/.keep", "").parent, extra=("--extend-select", "REL")))
    assert not [c for c in found if c.startswith("CON")], found.keys()
    assert found["REL002"] and found["REL002"][0][0]["severity"] == "info"
    assert "Update" in found["REL002"][0][0]["message"] or "update" in found["REL002"][0][0]["message"]
    assert any("unless it is part of the official name" in f["message"] for f, _ in found["REL001"])
    assert [_pair_texts(e) for e in found["REL003"]] == [
        ["Comments must be at least 30 words long.", "Each comment must be at least 30 words long."]
    ]
    assert found["REL003"][0][0]["category"] == "duplicate"


@pytest.mark.slow
def test_rubric_aliases_and_same_topic_different_objects_are_compatible(write, check_json):
    deck = write(
        "deck/guide.md",
        """# Guide

| Score | Label | Description |
|---|---|---|
| 0 | Did Not Load | The page does not load. |
| 1 | Off-Topic | Nothing to do with the query. |

If the page does not load, rate it 0.

If the page does not load, rate it Did Not Load.

Spend at least 30 seconds on every video post.

Reviewers may spend up to 20 seconds on a text-only post.

Include the speaker's name in every caption.

Never include the speaker's age in a caption.
""",
    )
    found = _by_check(check_json(deck.parent))
    assert not [c for c in found if c.startswith("CON")], {
        c: [_pair_texts(e) for e in v] for c, v in found.items()
    }


@pytest.mark.slow
def test_bundled_decks_show_at_least_six_contradiction_types_side_by_side(check_json):
    types = set()
    for deck in sorted((GUIDELINES / "contradictions").iterdir()):
        report = check_json(deck)
        for f in report["findings"]:
            if f["category"] == "contradiction":
                assert len(f["rules"]) == 2 and f["related"], f
                types.add(f["check"])
    assert len(types) >= 6, types


@pytest.mark.slow
def test_eval_meets_the_floor():
    from guidecheck.evaluate.contradictions import evaluate

    result = evaluate(GUIDELINES)
    m = result["metrics"]
    assert m["overall"]["tp"] + m["overall"]["fn"] >= 40
    assert m["tricky-negatives-fp-rate"]["n"] >= 40
    assert m["overall"]["precision"] >= 0.9, result["notes"]
    assert m["overall"]["recall"] >= 0.85, result["notes"]
    assert m["tricky-negatives-fp-rate"]["fp_rate"] <= 0.05, result["notes"]
    assert m["pairs"]["tp"] + m["pairs"]["fn"] + m["pairs"]["fp"] > 0
    assert m["pairs-label-accuracy"]["n"] >= 200


def test_sibling_folders_are_separate_guideline_sets(write, check_json, frames):
    root = write("decks/chatbot/guide.md", "# Chatbot\n\nRate each response on a 1-5 scale.\n").parent.parent
    write(
        "decks/summaries/guide.md",
        "# Summaries\n\nRate each summary on a 1-4 scale.\n\nA flawless summary should be rated 5.\n",
    )
    write("decks/chatbot/faq/faq.md", "# FAQ\n\nRate helpfulness on a 0-10 scale.\n")
    found = _by_check(check_json(root))
    # The summary deck's own 1-4 scale rules out its 5; the chatbot deck's 1-5 scale is another project's.
    assert sorted(_pair_texts(e) for e in found["CON007"]) == [
        ["A flawless summary should be rated 5.", "Rate each summary on a 1-4 scale."],
        [
            "Rate each response on a 1-5 scale.",
            "Rate helpfulness on a 0-10 scale.",
        ],  # faq/ is inside chatbot/
    ]


@pytest.mark.slow
def test_one_label_with_two_thresholds_that_disagree(write, check_json):
    """A label given past one number in the guide and only past another in the FAQ: items in between get it under
    one rule and not the other. The same threshold said twice, or a threshold on another measure, is fine."""
    write(
        "deck/guide.md",
        "# Guide\n\nMark a response as Too Long when it exceeds 300 words.\n\n"
        "Mark a clip as Noisy when the noise lasts beyond 5 seconds.\n\n"
        "A reply gets the Late flag when it comes more than 2 days after the request.\n",
    )
    write(
        "deck/faq.md",
        "# FAQ\n\nResponses up to 400 words are an acceptable length; don't use the Too Long flag for them.\n\n"
        "Mark a clip as Noisy only when the noise runs past 5 seconds.\n\n"
        "Do not use the Late flag for replies shorter than 50 words.\n",
    )
    found = _by_check(check_json(write("deck/.keep", "").parent))
    assert list(found) == ["CON004"], found.keys()
    ((finding, rules),) = found["CON004"]
    assert sorted(r["text"] for r in rules) == [
        "Mark a response as Too Long when it exceeds 300 words.",
        "Responses up to 400 words are an acceptable length; don't use the Too Long flag for them.",
    ]
    assert "thresholds for Too Long" in finding["message"]


@pytest.mark.slow
def test_two_time_limits_per_the_same_item_conflict_whatever_else_their_sentences_say(write, check_json):
    write(
        "deck/guide.md",
        "# Guide\n\nSpend no more than 90 seconds on a single ad.\n\nTake a break of at least 5 minutes every hour.\n",
    )
    write(
        "deck/faq.md", "# FAQ\n\nPlan on at least two minutes per ad; faster submissions get a second look.\n"
    )
    found = _by_check(check_json(write("deck/.keep", "").parent))
    assert [sorted(r["text"] for r in rules) for _, rules in found.get("CON004", [])] == [
        [
            "Plan on at least two minutes per ad; faster submissions get a second look.",
            "Spend no more than 90 seconds on a single ad.",
        ]
    ]


@pytest.mark.slow
def test_an_act_reserved_to_a_group_against_a_rule_that_gives_it_to_everyone(write, check_json):
    write(
        "deck/guide.md",
        "# Guide\n\nOnly raters who have passed the dialect certification may apply the Strong Accent tag.\n\n"
        "Only senior reviewers may remove a post for impersonation.\n\n"
        "Only raters may use the Skip button.\n",
    )
    write(
        "deck/faq.md",
        "# FAQ\n\nYou don't need any certification to use the Strong Accent tag: everyone on the project can set "
        "it when they hear a regional accent.\n\n"
        "Every senior reviewer must remove a post for impersonation once the report is confirmed.\n\n"
        "Any annotator may use the Skip button when the audio does not play.\n",
    )
    found = _by_check(check_json(write("deck/.keep", "").parent))
    assert list(found) == ["CON011"], found.keys()
    ((finding, _rules),) = found["CON011"]
    assert "reserves this to raters who have passed the dialect certification" in finding["message"]
    assert "Strong Accent" in finding["message"]


@pytest.mark.parametrize(
    ("text", "winner", "loser"),
    [
        (
            "When Correctness and Clarity point in different directions, Correctness decides the score.",
            "Correctness",
            "Clarity",
        ),
        ("If accuracy and style conflict, style wins.", "style", "accuracy"),
        ("When speed and accuracy disagree, prefer accuracy.", "accuracy", "speed"),
    ],
)
def test_the_criterion_that_decides_when_two_disagree_is_the_winner(text, winner, loser):
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.model import Location, Rule

    priority = build_claim(Rule("R1", text, Location("deck/guide.md"), kind="priority")).priority
    assert priority is not None and (priority[2], priority[3]) == (winner, loser)


@pytest.mark.slow
def test_a_case_one_rule_calls_enough_and_another_calls_not_enough(write, check_json):
    write("deck/guide.md", "# Guide\n\nFlag every answer that relies on a deprecated API as Outdated.\n")
    write(
        "deck/faq.md",
        "# FAQ\n\nDo not use the Outdated flag merely because an API has been deprecated; use it only when the "
        "code no longer runs.\n\nDo not use the Outdated flag merely because the answer is long.\n",
    )
    found = _by_check(check_json(write("deck/.keep", "").parent, extra=("--extend-select", "CON001")))
    ((finding, rules),) = found["CON001"]
    assert "Flag every answer that relies on a deprecated API as Outdated." in [r["text"] for r in rules]
    assert "“an API has been deprecated” alone is not" in finding["message"]


@pytest.mark.parametrize(
    ("text", "kind", "condition", "force"),
    [
        (
            "Escalate the ticket if the caller does not give a name.",
            "obligation",
            "if the caller does not give a name",
            "O",
        ),
        (
            "Never merge two spans unless they do not overlap.",
            "prohibition",
            "unless they do not overlap",
            "F",
        ),
    ],
)
def test_a_negation_inside_a_condition_is_not_the_rules_force(text, kind, condition, force):
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.model import Location, Rule

    rule = Rule("R1", text, Location("deck/guide.md"), kind=kind, conditions=[condition])
    assert build_claim(rule).deontic == force


@pytest.mark.slow
def test_a_case_called_no_reason_for_the_act_another_rule_requires_in_that_case(write, check_json):
    write("deck/guide.md", "# Guide\n\nEscalate the ticket if the customer mentions a lawyer.\n")
    write(
        "deck/faq.md", "# FAQ\n\nA customer mentioning a lawyer is no reason to escalate; answer as usual.\n"
    )
    found = _by_check(check_json(write("deck/.keep", "").parent, extra=("--extend-select", "CON001")))
    ((finding, rules),) = found["CON001"]
    assert "Escalate the ticket if the customer mentions a lawyer." in [r["text"] for r in rules]
    assert "“A customer mentioning a lawyer” alone is not" in finding["message"]


@pytest.mark.slow
def test_one_case_recorded_as_two_different_scores(write, check_json):
    write("deck/guide.md", "# Scoring\n\nOn the comparison form, draws are recorded as 0.\n")
    write("deck/faq.md", "# FAQ\n\nRecord a draw as 1 on the comparison form.\n")
    found = _by_check(check_json(write("deck/.keep", "").parent, extra=("--extend-select", "CON003")))
    ((finding, rules),) = found["CON003"]
    assert {r["text"] for r in rules} == {
        "On the comparison form, draws are recorded as 0.",
        "Record a draw as 1 on the comparison form.",
    }
    assert "gives 0 but" in finding["message"] or "gives 1 but" in finding["message"]


@pytest.mark.parametrize(
    ("text", "kind", "force"),
    [
        ("Label every token that does not belong to a name as O.", "obligation", "O"),
        (
            "Questions that the guide does not answer go to the lead, and the task ID should always be included.",
            "recommendation",
            "O",
        ),
        ("Transcribe what you hear, but do not fix grammar.", "obligation", "F"),
        ("Raters should never rate a blank page.", "recommendation", "F"),
    ],
)
def test_a_negation_in_a_clause_inside_the_rule_is_not_its_force(text, kind, force):
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.model import Location, Rule

    assert build_claim(Rule("R1", text, Location("deck/guide.md"), kind=kind)).deontic == force


def test_a_relaxed_rule_that_lifts_another_act_is_no_conflict(write, check_json):
    """'you do not need to ask anyone before taking one' lifts the asking, not the obligation to take breaks;
    a relaxed rule about the same act still conflicts."""
    deck = (
        "# Breaks\n\nDo take your lunch break; it is paid time.\n\n"
        "## FAQ\n\nLunch breaks are paid, and you do not need to ask anyone before taking one.\n"
    )
    assert _by_check(check_json(str(write("breaks/guide.md", deck).parent))) == {}
    deck = "# Sources\n\nAlways cite the page number for each quote.\n\n## FAQ\n\nYou can skip citing the page number for each quote.\n"
    assert "CON002" in _by_check(check_json(str(write("cites/guide.md", deck).parent)))


def test_a_number_that_names_a_part_of_the_document_is_no_score(write, check_json):
    deck = (
        "# Scoring\n\nUse a 1-5 scale for Clarity.\n\n| Score | Meaning |\n|---|---|\n| 1 | Poor |\n| 5 | Excellent |\n\n"
        "Give the Clarity score using the rubric in Section 8.\n"
    )
    assert "CON007" not in _by_check(check_json(str(write("score/guide.md", deck).parent)))
