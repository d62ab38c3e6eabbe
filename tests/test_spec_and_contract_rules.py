"""Rules written as specifications and as contract clauses, as `guidecheck rules` and `guidecheck check` show them:
items under "Format:" / "Requirements:" with no verb, typographic bullets pasted from a word processor, lengths
stated as bare fragments ("80-120 words."), participles of writing ("Written in the third person only"), and the
duties and permissions of an agreement's named parties ("is entitled to", "is prohibited from", "agrees to", "will",
"Neither party may"). Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import _contradictions
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

pytestmark = pytest.mark.slow  # loads spaCy


@pytest.fixture
def rules_of(extract):  # noqa: F811
    return lambda text: [r for r in extract(text) if not r["is_example"]]


def test_items_under_a_specification_lead_in_are_obligations(rules_of):
    rules = rules_of(
        "Write the changelog for release 2.1.\n\nFormat:\n\n- A one-line summary.\n"
        "- A Fixes section listing each fix with its ticket number.\n- Under 150 words.\n"
    )
    kinds = {r["text"]: r["kind"] for r in rules}
    assert kinds["A one-line summary."] == "obligation"
    assert kinds["A Fixes section listing each fix with its ticket number."] == "obligation"
    assert kinds["Under 150 words."] == "obligation"


def test_items_under_a_plain_label_stay_facts(rules_of):
    rules = rules_of("Background:\n\n- The shop opened in 2009.\n- It sells used bicycles.\n")
    assert rules == []


def test_typographic_bullets_are_list_items(rules_of):
    rules = rules_of(
        "Guidelines:\n• Mention the opening hours.\n• End the post with a question.\n• 2–3 emojis max.\n"
    )
    assert [r["text"] for r in rules] == [
        "Mention the opening hours.",
        "End the post with a question.",
        "2–3 emojis max.",
    ]
    assert all(r["block_kind"] == "list_item" for r in rules)


@pytest.mark.parametrize(
    "item",
    [
        "80–120 words.",
        "Between 40 and 60 words.",
        "Then four bullet points, each under 12 words.",
        "Written in the second person throughout.",
    ],
)
def test_verbless_output_specifications_are_rules(rules_of, item):
    rules = rules_of(f"Write a short bio for the new coach.\n\n- {item}\n")
    assert [(r["text"], r["kind"]) for r in rules if r["text"] == item] == [(item, "obligation")]


@pytest.mark.parametrize(
    "sentence",
    ["12.5 - 13.0 okay so we start now", "Between 2019 and 2021 the shop moved twice."],
)
def test_time_spans_and_reports_are_not_length_rules(rules_of, sentence):
    assert [r for r in rules_of(f"# Notes\n\n{sentence}\n") if "length" in r["evidence"]] == []


@pytest.mark.parametrize(
    ("sentence", "kind", "actor", "action"),
    [
        ("The Lessee is entitled to sublet the garage without consent.", "permission", "lessee", "sublet"),
        (
            "The Contractor is prohibited from disclosing the test results.",
            "prohibition",
            "contractor",
            "disclose",
        ),
        ("The Client agrees to pay each invoice within 20 days.", "obligation", "client", "pay"),
        ("The Supplier will replace faulty units at its own cost.", "obligation", "supplier", "replace"),
        ("Neither party may publish the report without consent.", "prohibition", "party", "publish"),
        ("The Licensee may install the software on two devices.", "permission", "licensee", "install"),
    ],
)
def test_duties_and_permissions_of_named_parties(rules_of, sentence, kind, actor, action):
    rules = rules_of(f"# Terms\n\n{sentence}\n")
    assert [(r["kind"], r["actor"], r["action"]) for r in rules] == [(kind, actor, action)]


@pytest.mark.parametrize(
    "sentence",
    [
        "You will see two answers side by side.",  # "will" predicts for a rater
        "The supplier will probably be late again.",  # a lowercase noun is no defined party
    ],
)
def test_will_outside_an_agreement_is_no_rule(rules_of, sentence):
    assert rules_of(f"# Overview\n\n{sentence}\n") == []


CLAUSES = """# Confidentiality

Within ten business days of a written request, the Receiving Party shall return to the Disclosing Party all
documents containing Confidential Information.

## Schedule 2

On receiving a written request, the Receiving Party shall not return any Confidential Information and shall
destroy it instead.
"""

BRIEF = """# Launch brief

Write an Instagram caption and a banner headline for the new ice cream line.

Caption:

- 50–90 words.
- Name all four flavours.

Banner headline:

- Under 8 words.

Email to retailers:

- A subject line under 45 characters.
- 120–180 words.
- Give exactly 10 serving ideas as a numbered list.
- Include one idea about pairing the ice cream with coffee.

Handoff note: our agency writes the French version later, so the copy you write here is in English only.
"""


def test_one_party_told_to_do_and_not_do_one_act_is_a_contradiction(write, check_json):
    found = _contradictions(check_json(str(write("nda/nda.md", CLAUSES).parent)))
    assert [check for check, _ in found] == ["CON001"], found


def test_lengths_of_parts_and_one_described_item_do_not_clash_with_the_whole(write, check_json):
    assert _contradictions(check_json(str(write("brief/brief.md", BRIEF).parent))) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ('Marketing also wants the tagline in the body, word for word: "Ride further."', "obligation"),
        (
            'Our QA checklist requires the exact phrase "Thanks for your patience" in every reply.',
            "obligation",
        ),
        ("The club secretary would like the letter to close with the meeting date.", "obligation"),
        ("Output rules: reply with one JSON object and nothing else.", "obligation"),
        ("Legal note from Priya: do not name the supplier.", "prohibition"),
    ],
)
def test_requests_and_labelled_instructions_are_rules(rules_of, sentence, kind):
    rules = rules_of(f"Write the post.\n\n{sentence}\n")
    assert [(r["text"], r["kind"]) for r in rules if r["text"] == sentence] == [(sentence, kind)]


@pytest.mark.parametrize(
    "sentence",
    ["The user wants a recipe for a quick dinner.", "This is the point most people ask about."],
)
def test_requests_described_in_a_task_are_not_rules(rules_of, sentence):
    assert rules_of(f"# Task\n\n{sentence}\n") == []


QUOTED = """# Packaging copy

Print our tagline, exactly as registered: "Bright mornings, zero fuss."

Compliance note: "fuss" cannot appear anywhere on the box.

The store manager would like the flyer to end with: "We can't wait to meet you."
"""


def test_words_inside_a_required_quote_are_neither_a_sanction_nor_a_prohibition(write, check_json):
    report = check_json(str(write("pack/copy.md", QUOTED).parent))
    found = _contradictions(report)
    assert [check for check, _ in found] == ["CON010"], found  # "zero" in the tagline is no sanction
    kinds = {r["text"][:20]: r["kind"] for r in report["rules"]}
    assert kinds["The store manager wo"] == "obligation"  # "can't" inside the quote gives no force


CONFLICTS = {
    "slot": 'Write the post.\n\nKick off with the words "Hello neighbours!"\n\n'
    "Our social team wants every post to lead with the hashtag #SundayMarket.\n",
    "json-vs-table": "Write the comparison.\n\nOutput rules: reply with one valid JSON object and nothing else.\n\n"
    "The product team wants a Markdown table of the plans at the top of the reply.\n",
    "per-item total": "Write the profile.\n\nUse four paragraphs, one per project, and make each paragraph full: "
    "at least 90 words apiece.\n\nThe intranet card caps out at 200 words, so keep the whole profile under that.\n",
    "quote split at a dot": 'Write the guide.\n\n- Do not use the word "easily".\n'
    '- End with this exact sentence: "Now you can easily load data.csv and go."\n',
}


@pytest.mark.parametrize("name", sorted(CONFLICTS))
def test_output_conflicts_in_other_words(write, check_json, name, briefs=CONFLICTS):
    found = _contradictions(check_json(str(write(f"{name}/brief.md", briefs[name]).parent)))
    assert [check for check, _ in found] == ["CON010"], found


LOOK_ALIKES = {
    "two labelled sets": "Write 4 replies in a warm style and 4 in a blunt style.\n\n"
    'Never use the word "sorry" in the BLUNT replies. In the WARM set, exactly one reply should open with '
    '"Sorry".\n',
    "a kept name": 'Translate the welcome message into German.\n\nKeep the product name "Tide Desk" in English; do '
    "not translate it.\n",
}


@pytest.mark.parametrize("name", sorted(LOOK_ALIKES))
def test_output_look_alikes_are_not_conflicts(write, check_json, name):
    assert _contradictions(check_json(str(write(f"{name}/brief.md", LOOK_ALIKES[name]).parent))) == []


FAMILY_CONFLICTS = {
    "money": "Write the member email.\n\nThe board has not approved the new tiers, so please keep pricing and "
    'discounts out of this email.\n\nClose with: "Join now and save 15% on your first year!"\n',
    "dates": "Write the notice.\n\nThe contractor has not confirmed, so keep the notice free of any dates or "
    'timeframes.\n\nThe notice must end with: "Works start on Tuesday, 4 March."\n',
    "medication": "Write the article.\n\nStick to habits: do not discuss medication or supplements.\n\n"
    'Include the sentence "Ask your pharmacist before taking melatonin."\n',
}


@pytest.mark.parametrize("name", sorted(FAMILY_CONFLICTS))
def test_a_required_line_showing_a_banned_kind_of_content_is_a_conflict(write, check_json, name):
    found = _contradictions(check_json(str(write(f"{name}/brief.md", FAMILY_CONFLICTS[name]).parent)))
    # one finding; a topic required and left out may be worded as the opposite force it is (CON001)
    assert len(found) == 1 and found[0][0] in ("CON001", "CON010"), found


def test_a_banned_kind_of_content_in_another_section_is_no_conflict(write, check_json):
    brief = (
        "Write the product page.\n\nDiscuss costs in the Pricing section only: Basic £5/month, Plus £9/month.\n\n"
        "The Overview must not mention prices.\n"
    )
    assert _contradictions(check_json(str(write("page/brief.md", brief).parent))) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The survey said the charts confused people, so for this issue keep all charts out.",
        "Finance has not signed off, so please keep all prices out of the email.",
    ],
)
def test_an_instruction_after_a_reason_and_a_short_phrase_is_a_rule(rules_of, sentence):
    rules = rules_of(f"Write the newsletter.\n\n{sentence}\n")
    assert [(r["text"], r["kind"]) for r in rules if r["text"] == sentence] == [(sentence, "obligation")]


MORE_CONFLICTS = {
    "second vs third person": "Write the lesson plan.\n\nSpeak to the teacher in the second person throughout.\n\n"
    "Submission standards: all plans must be written in the third person.\n",
    "language statement": "Write the reply in German, as the customer wrote.\n\nRouting note: this desk's policy "
    "is that every written reply goes out in French.\n",
    "a word worked in": 'Write the caption.\n\n- Work in the word "snug" twice.\n- Banned words this season: snug, '
    "perfect, amazing.\n",
}


def test_a_language_named_for_the_input_is_no_output_rule(rules_of):
    assert rules_of("# Batch\n\nAll audio in this batch is in Spanish.\n") == []


CAPACITY_AND_BANS = {
    "capacity": "Write the card.\n\nOur manager wants real substance, so no fewer than 400 words.\n\n"
    "Printing note (from the print shop): the card physically holds 600 characters, spaces included.\n",
    "limit with a part included": "Write the update.\n\nUse at least 400 words.\n\n"
    "Note from legal: the total text, title included, cannot run past 250 words.\n",
    "banned-word statement": 'Write the listing.\n\nSEO: the word "bespoke" needs to appear twice.\n\n'
    'Brand guide: "bespoke" is on our list of banned words.\n',
}


@pytest.mark.parametrize("name", sorted(MORE_CONFLICTS) + sorted(CAPACITY_AND_BANS))
def test_person_language_limits_and_bans_stated_as_facts(write, check_json, name):
    test_output_conflicts_in_other_words(write, check_json, name, {**MORE_CONFLICTS, **CAPACITY_AND_BANS})


def test_opposite_duties_of_two_named_parties_are_no_contradiction(write, check_json):
    lease = (
        "# Assignment\n\nThe Tenant shall not assign this Lease without the Landlord's consent.\n\n"
        "## Landlord\n\nThe Landlord may assign its interest in this Lease without the Tenant's consent.\n"
    )
    assert _contradictions(check_json(str(write("lease/lease.md", lease).parent))) == []


@pytest.mark.parametrize(
    "sentence",
    [
        'Legal reviewed the draft, and "guaranteed" is now banned from every landing page.',
        "Sharing raw audio outside the team is strictly prohibited.",
    ],
)
def test_a_ban_with_an_adverb_before_its_participle_is_a_prohibition(rules_of, sentence):
    rules = rules_of(f"# Style\n\n{sentence}\n")
    assert [r["kind"] for r in rules] == ["prohibition"]


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        ("Layout: split the flyer into two columns of equal width.", "split"),
        ("Audience: write for the parents, not the pupils.", "write"),
    ],
)
def test_an_instruction_behind_a_field_label_is_a_rule(rules_of, sentence, action):
    """The tagger reads the label as the verb's subject; the instruction after the colon is still an imperative."""
    rules = rules_of(f"# Brief\n\n{sentence}\n")
    assert [(r["kind"], r["action"]) for r in rules] == [("obligation", action)]


@pytest.mark.parametrize(
    "sentence",
    [
        'Sign-off line, verbatim: "See you on the trail!"',
        'The slogan from the spring campaign, word for word: "Fresh bread, every morning."',
    ],
)
def test_a_verbless_line_giving_exact_wording_is_a_rule(rules_of, sentence):
    rules = rules_of(f"# Brief\n\nWrite the flyer.\n\n{sentence}\n")
    assert [r["kind"] for r in rules if r["text"] == sentence] == ["obligation"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ('My editor specifically told me not to use the phrase "game changer" anywhere.', "prohibition"),
        ("The client asked us to keep the letter to one page.", "obligation"),
        (
            'Because of the trademark dispute, the word "ultra" can\'t appear anywhere in the listing.',
            "prohibition",
        ),
    ],
)
def test_requests_passed_on_and_banned_words_are_rules(rules_of, sentence, kind):
    rules = rules_of(f"# Brief\n\nWrite the listing.\n\n{sentence}\n")
    assert [r["kind"] for r in rules if r["text"] == sentence] == [kind]


def test_a_labelled_length_with_its_reason_is_a_rule(rules_of):
    sentence = "Structure: three sections, each at least 120 words, so every step gets room."
    rules = rules_of(f"# Brief\n\nWrite the guide.\n\n{sentence}\n")
    assert [r["kind"] for r in rules if r["text"] == sentence] == ["obligation"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # "neither party" is every named party
        (
            "Neither party may sublicense the Platform without the other party's written consent.",
            "The Reseller is entitled to sublicense the Platform to its end customers without consent.",
        ),
        # "apply encryption" is to encrypt
        (
            "The Processor shall encrypt all Backup Data before transfer.",
            "The Processor shall not apply encryption to Backup Data stored in the cold tier.",
        ),
    ],
)
def test_the_same_act_of_a_party_required_and_forbidden_in_other_words(write, check_json, first, second):
    terms = f"# Terms\n\n{first}\n\n## Schedule\n\n{second}\n"
    found = _contradictions(check_json(str(write("terms/terms.md", terms).parent)))
    assert [check for check, _ in found] == ["CON001"]


def test_acts_on_cases_narrowed_by_relative_clauses_are_not_compared_as_one(write, check_json):
    terms = (
        "# Invoicing\n\nReports that pass the quality review shall be invoiced at the agreed rate.\n\n"
        "## Rework\n\nA Report that fails the quality review may not be invoiced until it is corrected.\n"
    )
    assert _contradictions(check_json(str(write("terms/terms.md", terms).parent))) == []


@pytest.mark.parametrize(
    ("text", "kind", "force"),
    [
        ("The Buyer is under no obligation to return unused packaging.", "statement", "N"),
        ("The Agency is not obliged to accept late timesheets.", "statement", "N"),
        ("You are asked to flag claims that may or may not be true as Unverified.", "obligation", "O"),
    ],
)
def test_relaxed_duties_and_force_free_negations(text, kind, force):
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.model import Location, Rule

    assert build_claim(Rule("R1", text, Location("t/t.md"), kind=kind)).deontic == force


def test_two_verbs_for_one_act_are_compared_as_one(write, check_json):
    """'delete' and 'destroy' name one act: a duty to delete and a ban on destroying the same data conflict."""
    terms = (
        "# Termination\n\nOn termination, the Processor shall delete all Client Records within thirty days.\n\n"
        "## Retention\n\nThe Processor is prohibited from destroying any Client Records for six years.\n"
    )
    found = _contradictions(check_json(str(write("terms/terms.md", terms).parent)))
    assert [check for check, _ in found] == ["CON001"]


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        ("Tick Needs Review whenever the caption names a brand.", "tick"),
        ("If the clip is silent, tick No Speech and move on.", "tick"),
        ("Outside business hours, rate Urgency for every ticket unless the customer is a partner.", "rate"),
        ("Format every comment as a numbered list, with one item per issue found.", "format"),
        ("If the image is blurred, set Quality to 1 and apply the Blurry flag.", "set"),
    ],
)
def test_instructions_the_tagger_misreads_are_still_instructions(rules_of, sentence, action):
    """A rater's verb read as a name ("Tick Needs Review"), after an introductory phrase read as a subject
    ("Outside business hours, rate ..."), or as a past form after a condition ("..., set Quality to 1")."""
    rules = rules_of(f"# Flags\n\n{sentence}\n")
    assert [(r["kind"], r["action"]) for r in rules] == [("obligation", action)]
