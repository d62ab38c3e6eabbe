"""Rules stated without a modal: score outcomes (also by the copula: "... is a 3"), present passives of task verbs, restricted subjects and stated
limits, precedence verbs, instructions the tagger misreads, and rules after "Yes." / "No." in an answer. Their
look-alikes (data descriptions, verdicts of one example, narrative, tendencies, the tool) are in
test_rules_roles.NOT_RULES. Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

pytestmark = pytest.mark.slow  # loads spaCy


@pytest.fixture
def rules_of(extract):  # noqa: F811
    """rules_of(markdown) -> the non-example rule dicts of a one-file deck, in reading order."""
    return lambda text: [r for r in extract(text) if not r["is_example"]]


def _one(rules_of, sentence: str):
    rules = rules_of(f"# Scoring\n\n{sentence}\n")
    assert [r["text"] for r in rules] == [sentence]
    return rules[0]


@pytest.mark.parametrize(
    "sentence,kind,modality",
    [
        ("A summary in the wrong language gets at most 2 on Fluency.", "obligation", "must"),
        ("A poem with one broken rhyme can still earn a 4 on Form.", "permission", "may"),
        ("A reply that mocks the customer loses at least one point on Politeness.", "obligation", "must"),
        ("A reply that sounds confident earns no extra credit for that.", "prohibition", "must"),
        (
            "Any caption that names a brand without seeing its logo gets a Precision score of 1.",
            "obligation",
            "must",
        ),
        ("Clips with only wind noise get a clarity score of 1.", "obligation", "must"),
        # a label name with an underscore opens the sentence; the score is where "limits" takes its object
        ("LATE_SUBMISSION limits the essay to a maximum grade of 2.", "obligation", "must"),
        ("Someone who skips the consent form gets a Compliance score of 1.", "obligation", "must"),
        ("Any caption that invents a brand name is worth a 2 at most.", "obligation", "must"),
        # a cap by a scale point's name: "can" allows nothing here
        ("A caption that misses the main object can get no better than Weak.", "obligation", "must"),
    ],
)
def test_score_outcomes_are_rules(rules_of, sentence, kind, modality):
    rule = _one(rules_of, sentence)
    assert (rule["kind"], rule["modality"]) == (kind, modality)
    assert rule["evidence"] == "descriptive (outcome)"


@pytest.mark.parametrize(
    "sentence",
    [
        "A caption with the right words but the wrong speaker throughout is a 3: the text is usable as it stands.",
        "If the meter photo is blurred across the dial, the reading is a 1, however sharp the serial number is.",
        "If the user asks for a refund twice in one turn, the intent is REFUND_REPEAT, even if the tone is calm.",
        "Storing thawed fish in the fridge for three days is a RISKY instruction.",
    ],
)
def test_a_case_given_a_score_or_label_by_the_copula_is_a_rule(rules_of, sentence):
    rule = _one(rules_of, sentence)
    assert (rule["kind"], rule["evidence"]) == ("obligation", "descriptive (outcome)")


@pytest.mark.parametrize(
    "text",
    [
        "# Setup\n\nThe review room is a 5 minute walk from the lobby.\n",
        "# Setup\n\nThis caption is a 3: it names the speaker but not the place.\n",
        "# Setup\n\nThe export format is configurable.\n",
        "# Setup\n\nThe ground-truth answer is C whereas the model picks option B.\n",
        "# Values\n\nThe first and most common certainty value used is HIGH.\n",
        "# Answers\n\nIn terms of the replies such prompts get, the usual reply is one in which the bot asks back.\n",
    ],
)
def test_a_copula_without_a_score_or_label_or_about_one_instance_is_no_rule(rules_of, text):
    assert rules_of(text) == []


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("Stories are written as continuous prose with no headings at all.", "obligation"),
        ("Headlines are not included in the word count.", "prohibition"),
        ("Tone is not scored on escalation tickets.", "prohibition"),
        ("Replies written in a different language from the ticket are rated Unusable (1).", "obligation"),
        ("Notes copied from another reviewer are deleted.", "obligation"),
        ("Anyone caught using a translation engine is removed from the project.", "obligation"),
        # a noun deep inside the subject ("on screen") does not make the subject the tool
        ("Signs smaller than 30 pixels on screen are not boxed.", "prohibition"),
    ],
)
def test_present_passives_of_task_verbs_are_rules(rules_of, sentence, kind):
    rule = _one(rules_of, sentence)
    assert rule["kind"] == kind and rule["negated"] == (kind == "prohibition")
    assert rule["evidence"] == "descriptive (task passive)"


def test_a_negative_statement_reads_as_a_prohibition_of_its_object(rules_of):
    rule = _one(rules_of, "Headlines are not included in the word count.")
    assert (rule["kind"], rule["modality"], rule["negated"], rule["action"], rule["object"]) == (
        "prohibition",
        "must",
        True,
        "include",
        "headline",
    )


@pytest.mark.parametrize(
    "sentence,evidence",
    [
        ("Only the story body counts toward the 400-word limit.", "descriptive (restricted subject)"),
        ("Only the caller's words, starting after the greeting, are part of the transcript.", None),
        ("Every story opens with a summary box of exactly 3 bullets.", "descriptive (stated limit)"),
        ("Product descriptions stay under 80 words.", "descriptive (stated limit)"),
        # a limit named by a noun, as the subject or the object
        ("The listening cap per call is 12 minutes.", "descriptive (stated limit)"),
        ("Every call has a hard limit of 600 seconds of listening time.", "descriptive (stated limit)"),
    ],
)
def test_restricted_subjects_and_stated_limits_are_rules(rules_of, sentence, evidence):
    rule = _one(rules_of, sentence)
    assert rule["kind"] == "obligation"
    assert rule["evidence"] == (evidence or "descriptive (restricted subject)")


def test_a_stated_limit_keeps_its_quantity(rules_of):
    rule = _one(rules_of, "Every story opens with a summary box of exactly 3 bullets.")
    assert [(q["comparator"], q["value"]) for q in rule["quantities"]] == [("=", 3.0)]


@pytest.mark.parametrize(
    "sentence",
    [
        "When Accuracy and Style point in different directions, Accuracy decides the overall score.",
        "Safety wins over helpfulness in every case.",
        "The errata sheet takes precedence.",
    ],
)
def test_precedence_verbs_make_priority_rules(rules_of, sentence):
    assert _one(rules_of, sentence)["kind"] == "priority"


def test_instructions_after_background_and_answer_words(rules_of):
    text = (
        "# Time\n\n"
        "Most tickets are short. Budget at least two minutes for every ticket.\n\n"
        "## Can I guess what the writer meant?\n\n"
        "No. Stick to what is written; leave guesses out.\n\n"
        "## Should a rude reply lose points?\n\n"
        "Yes. A reply that insults the customer gets a Politeness score of 1.\n"
    )
    rules = rules_of(text)
    assert [r["text"] for r in rules] == [
        "Budget at least two minutes for every ticket.",
        "Stick to what is written; leave guesses out.",
        "A reply that insults the customer gets a Politeness score of 1.",
    ]
    assert [r["kind"] for r in rules] == ["obligation", "obligation", "obligation"]
    assert rules[0]["actor"] == "you" and rules[0]["action"] == "budget"


def test_an_answer_word_followed_by_a_comma_is_kept(rules_of):
    rules = rules_of("# FAQ\n\nNo, a reply in French is never marked Fluent.\n")
    assert [r["text"] for r in rules] == ["No, a reply in French is never marked Fluent."]


@pytest.mark.parametrize(
    "lead",
    [
        "The only exception is when the two dates are far apart, as below:",
        "This is a subtle call; consider these visits for edge cases:",
    ],
)
def test_a_statement_introducing_a_list_gives_its_items_no_force(rules_of, lead):
    text = (
        f"# Dates\n\n{lead}\n\n"
        "- She will come back for a visit the week after next.\n"
        "- He phoned again two days later.\n"
    )
    texts = [r["text"] for r in rules_of(text)]
    assert not any(t.startswith(("She ", "He ")) for t in texts), texts


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("Older replies are shown as background; do not rate them.", "prohibition"),
        ("The first lines are a greeting, so skip them.", "obligation"),
    ],
)
def test_an_instruction_after_a_statement_in_one_sentence_is_a_rule(rules_of, sentence, kind):
    rule = _one(rules_of, sentence)
    assert (rule["kind"], rule["actor"], rule["evidence"]) == (kind, "you", "imperative after a statement")


def test_a_statement_and_its_consequence_stay_a_non_rule(rules_of):
    assert rules_of("# Notes\n\nThe tool is slow, so we added a cache.\n") == []


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("A short comment is needed for every rating of 1.", "obligation"),
        ("No comment is needed for a 5.", "permission"),
    ],
)
def test_needed_states_a_requirement_and_not_needed_relaxes_it(rules_of, sentence, kind):
    assert _one(rules_of, sentence)["kind"] == kind


def test_the_statement_before_an_instruction_sets_no_vague_threshold(check_json, write):
    """AMB006 reads the instruction of "Some calls ...; transcribe ..." and leaves the statement alone."""
    deck = write(
        "deck.md",
        "# Calls\n\nSome calls are in two languages; transcribe each language as spoken.\n\n"
        "Calls with several long pauses get a clarity score of 2.\n",
    )
    report = check_json(deck, extra=("--select", "AMB006"))
    texts = {r["id"]: r["text"] for r in report["rules"]}
    flagged = {texts[f["rules"][0]] for f in report["findings"] if f["check"] == "AMB006"}
    assert "Some calls are in two languages; transcribe each language as spoken." in texts.values()
    assert flagged == {"Calls with several long pauses get a clarity score of 2."}


def test_two_statements_joined_by_a_semicolon_keep_the_passive_rule(rules_of):
    rule = _one(rules_of, "Nicknames are not reviewed here; the Safety team handles those in another queue.")
    assert (rule["kind"], rule["action"], rule["object"]) == ("prohibition", "review", "nickname")
