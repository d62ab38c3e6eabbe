"""The learned contradiction scorer and the frames it reads, without any model: rules are built directly.

Sentences are written for these tests (not taken from the labeled pair sets or the decks).
"""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.relations.decide import comparable, decide
from guidecheck.checks.common.relations.output_clash import output_conflict
from guidecheck.checks.common.relations.proposition import is_example_material, neutral_text, side_of
from guidecheck.checks.common.relations.relate import Relation
from guidecheck.checks.common.relations.scorer import FEATURES, PairInput, features, from_json, scorer
from guidecheck.model import Location, Rule


def _rule(text: str, kind: str = "statement", path: str = "deck/guide.md", **kw) -> Rule:
    return Rule(f"R{abs(hash((text, path))) % 10**6}", text, Location(path), kind=kind, **kw)


def _claim(text: str, kind: str = "statement", **kw):
    return build_claim(_rule(text, kind, **kw))


def _input(a, b, cos=0.8, cn=0.9, cc=0.0, detector=None) -> PairInput:
    return PairInput(a, b, side_of(a), side_of(b), cos, cn, cc, detector)


# --- same addressee, different surface subject ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The memo must cite the budget line.",
        "Writers should cite the budget line.",
        "You must cite the budget line.",
        "Never cite the budget line.",
        "Your summary must not cite the budget line.",
    ],
)
def test_neutral_proposition_drops_force_negation_and_addressee(text):
    assert neutral_text(_claim(text)).endswith("cite the budget line")


def test_neutral_proposition_keeps_a_lead_in_without_force():
    c = _claim("the reviewer's initials", lead_in="Fields every ticket carries:")
    assert "fields every ticket carries" in neutral_text(c)


# --- output constraints --------------------------------------------------------------------------------------


def _out(a: str, b: str):
    """Both sides read as the extractor would: imperatives and 'must' are obligations, 'never' prohibitions."""
    kinds = [
        ("prohibition" if any(w in t.lower() for w in ("never", "not ")) else "obligation") for t in (a, b)
    ]
    return output_conflict(side_of(_claim(a, kinds[0])).output, side_of(_claim(b, kinds[1])).output)


def test_keyword_required_and_forbidden_conflict():
    assert (
        _out('Each caption must include the word "sunset".', 'Captions never use the word "sunset".')[0]
        == "phrase"
    )


def test_forbidden_keyword_inside_a_required_phrase_conflicts():
    hit = _out('Close every note with "warm regards from the team".', 'Do not use the word "regards".')
    assert hit and hit[0] == "phrase"


def test_forbidden_phrase_and_required_keyword_inside_it_agree():
    assert _out('Do not write "warm regards from the team".', 'Always use the word "regards".') is None


def test_opposite_tones_conflict_and_forbidding_the_opposite_agrees():
    assert _out("Keep the newsletter playful.", "The newsletter must sound serious.")[0] == "tone"
    assert _out("Keep the newsletter playful.", "The newsletter must never sound serious.") is None


def test_languages_conflict_including_the_input_language():
    assert _out("Write the abstract in Portuguese.", "The abstract must be in Dutch.")[0] == "language"
    hit = _out("Reply in the customer's language.", "Always reply in Finnish.")
    assert hit and hit[0] == "language"
    assert _out("Write the abstract in Portuguese.", "Abstracts must be in Portuguese.") is None


def test_forbidden_word_under_a_lead_in_is_an_output_frame():
    c = _claim("stunning", kind="prohibition", lead_in="Never use these words:", polarity="negative")
    assert side_of(c).output.phrases == (("stunning", "-"),)


# --- sentence roles ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Agent: I can refund the ticket today.",
        "She was admitted with a fever and reports a cough.",
        "Example 3: the reply thanks the user twice.",
        "12.40-13.05 spk2 uh we should go",
    ],
)
def test_example_material_is_never_paired(text):
    ex = _claim(text)
    rule = _claim("Agents must never promise a refund.")
    assert is_example_material(ex)
    assert not comparable(ex, rule, side_of(ex), side_of(rule))


def test_a_present_tense_rule_is_not_example_material():
    assert not is_example_material(_claim("Reviewers write their notes in the comment box."))


def test_a_sanction_is_marked_so_it_can_agree_with_its_prohibition():
    rule = _claim("Do not add personal opinions to the digest.", kind="prohibition")
    sanction = _claim("Digests that add personal opinions must be penalized.", kind="obligation")
    assert side_of(sanction).sanction and not side_of(rule).sanction
    row = dict(zip(FEATURES, features(_input(rule, sanction))))
    assert row["sanction_one"] == 1.0 and row["sanction_x_opposed"] == 1.0


def test_only_marks_a_restriction():
    c = _claim("Only team leads may close a ticket.", kind="permission")
    assert side_of(c).restrict


# --- the decision --------------------------------------------------------------------------------------------


def _con(a, b, code="CON001") -> Relation:
    return Relation(code, a.rule, b.rule, 0.9, "why")


def test_scorer_vetoes_a_frame_finding_it_finds_unlikely_and_sets_confidence_otherwise():
    a = _claim("Always attach the invoice.", kind="obligation")
    b = _claim("Never attach the invoice.", kind="prohibition")
    p = _input(a, b, detector="CON001")
    assert decide(p, _con(a, b), 0.2, threshold=0.95, veto=0.5) is None
    kept = decide(p, _con(a, b), 0.7, threshold=0.95, veto=0.5)
    assert kept.code == "CON001" and kept.confidence == 0.7 and kept.evidence["probability"] == 0.7


def test_exception_and_update_relations_pass_through():
    a = _claim("Always attach the invoice.", kind="obligation")
    b = _claim("Never attach the invoice unless the client asks.", kind="prohibition")
    rel = Relation("REL001", a.rule, b.rule, 0.8, "exception")
    assert decide(_input(a, b), rel, 0.99, threshold=0.5, veto=0.5) is rel


def test_unnamed_pair_is_reported_only_above_threshold_and_with_a_reason():
    a = _claim("Raters must archive the ticket.", kind="obligation")  # no output frame names this pair
    b = _claim("Do not archive the ticket.", kind="prohibition")
    p = _input(a, b)
    assert decide(p, None, 0.8, threshold=0.9, veto=0.5) is None
    found = decide(p, None, 0.95, threshold=0.9, veto=0.5)
    assert found.code == "CON001" and "forbids" in found.explanation
    plain = _input(_claim("Reviewers read the brief."), _claim("Reviewers read the memo."))
    assert decide(plain, None, 0.99, threshold=0.9, veto=0.5) is None  # no evidence to explain it: silent


def test_output_conflict_is_reported_as_con010():
    a = _claim("Write the abstract in Portuguese.", kind="obligation")
    b = _claim("The abstract must be in Dutch.", kind="obligation")
    found = decide(_input(a, b), None, 0.95, threshold=0.9, veto=0.5)
    assert found.code == "CON010" and "portuguese" in found.explanation


def test_an_unconditional_output_clash_is_not_vetoed_but_a_scoped_one_can_be():
    """A phrase required and forbidden is categorical; "unless ..." leaves it to the scorer's veto."""
    opens = _claim('Open every reply with "Kind regards".', kind="obligation")
    never = _claim('Never use the phrase "Kind regards" in a reply.', kind="prohibition")
    found = decide(_input(opens, never), None, 0.1, threshold=2.0, veto=0.77)
    assert found.code == "CON010" and found.explanation.count("kind regards") == 1
    scoped = _claim(
        'Never use the phrase "Kind regards" unless the customer used it first.', kind="prohibition"
    )
    assert decide(_input(opens, scoped), None, 0.1, threshold=2.0, veto=0.77) is None


# --- the weights file ----------------------------------------------------------------------------------------


def test_weights_file_matches_the_features_and_gives_probabilities():
    d = json.loads(resources.files("guidecheck").joinpath("data/pair_scorer.json").read_text("utf-8"))
    assert d["features"] == list(FEATURES)
    model = scorer()
    x = np.vstack([np.zeros(len(FEATURES)), np.ones(len(FEATURES))])
    probs = model.probability(x)
    assert probs.shape == (2,) and ((probs > 0) & (probs < 1)).all()
    with pytest.raises(ValueError):
        from_json({**d, "features": d["features"][:-1]})


def test_training_is_deterministic():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from train_pair_scorer import fit_logistic

    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 3))
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(float)
    w1, b1 = fit_logistic(x, y)
    w2, b2 = fit_logistic(x, y)
    assert np.array_equal(w1, w2) and b1 == b2 and w1[0] > w1[2]


def test_a_rule_followed_by_its_stated_exception_is_an_exception_not_a_contradiction():
    a = build_claim(Rule("R1", "Never merge two tickets.", Location("d/g.md", line=10), kind="prohibition"))
    b = build_claim(
        Rule(
            "R2",
            "You may, however, merge duplicates filed by one user.",
            Location("d/g.md", line=11),
            kind="permission",
        )
    )
    found = decide(_input(a, b, detector="CON001"), _con(a, b), 0.99, threshold=0.9, veto=0.5)
    assert found.code == "REL001" and found.stands_for == "CON001"
    far = build_claim(
        Rule(
            "R3",
            "You may, however, merge duplicates filed by one user.",
            Location("d/g.md", line=90),
            kind="permission",
        )
    )
    assert (
        decide(_input(a, far, detector="CON001"), _con(a, far), 0.99, threshold=0.9, veto=0.5).code
        == "CON001"
    )


def test_a_short_heading_without_force_is_not_a_rule():
    assert is_example_material(_claim("Label Overview"))


def test_a_prohibition_and_its_sanction_are_not_reported():
    rule = _claim("Do not add personal opinions to the digest.", kind="prohibition")
    sanction = _claim("Digests that add personal opinions must be penalized.", kind="obligation")
    assert decide(_input(rule, sanction, detector="CON001"), _con(rule, sanction), 0.99, 0.9, 0.5) is None


def test_stated_exception_on_a_page_is_found_by_reading_order():
    a = build_claim(Rule("R40", "Never merge two tickets.", Location("d/g.pdf", page=3), kind="prohibition"))
    b = build_claim(
        Rule(
            "R41",
            "You may, however, merge duplicates filed by one user.",
            Location("d/g.pdf", page=3),
            kind="permission",
        )
    )
    assert decide(_input(a, b, detector="CON001"), _con(a, b), 0.99, threshold=0.9, veto=0.5).code == "REL001"


def test_a_case_vignette_is_not_a_rule_an_example_can_break():
    from guidecheck.checks.common.relations.examples import example_relations

    vignette = _claim("Her pulse is 90/min and she is rated 2 by the triage nurse.")
    example = _claim("Example: her pulse is 120/min, rated 4.", is_example=True)
    assert example_relations([vignette, example]) == []


# --- stance: the proposition asked for, or its absence ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Leave the supplier's address out of the summary.",
        "Write the recap without any bullet points.",
        "Skip the greeting line.",
        "Ignore background music when you transcribe.",
    ],
)
def test_an_obligation_to_leave_something_out_leans_away_from_it(text):
    side = side_of(_claim(text, kind="obligation"))
    assert side.absence and side.stance == -1


def test_an_obligation_and_an_obligation_to_leave_it_out_are_a_conflict_with_a_reason():
    keep = _claim("Mention the warranty period in every listing.", kind="obligation")
    drop = _claim("Leave the warranty period out of listings.", kind="obligation")
    found = decide(_input(keep, drop), None, 0.95, threshold=0.9, veto=0.5)
    assert found.code == "CON001" and "absence" in found.explanation
    same = _claim("Always state the warranty period in listings.", kind="obligation")
    assert decide(_input(keep, same), None, 0.99, threshold=0.9, veto=0.5) is None


def test_word_overlap_is_the_share_of_the_smaller_rule_found_in_the_other():
    from guidecheck.checks.common.relations.lexicon import content, word_overlap

    a, b = content("attach the warranty card"), content("attach the warranty card to every parcel you ship")
    assert word_overlap(a, b) == 1.0
    assert 0 < word_overlap(a, content("attach the invoice")) < 1
    assert word_overlap(a, frozenset()) == 0.0


def test_a_pairs_score_does_not_depend_on_the_rest_of_the_run():
    """A deck checked alone and the same deck checked beside another get the same scores (a Dask run checks each
    deck as its own task and must match a local run byte for byte)."""
    from guidecheck.checks.common.relations.decide import pair_inputs

    def claims(texts: list[str], folder: str) -> list:
        kinds = ["obligation" if "must" in t else "prohibition" for t in texts]
        return [_claim(t, kind=k, path=f"{folder}/guide.md") for t, k in zip(texts, kinds)]

    deck = claims(
        [
            "Raters must attach the invoice to the ticket.",
            "Never attach the invoice to emails.",
            "Rate tone.",
        ],
        "a",
    )
    other = claims(["Raters must attach the invoice twice.", "Never rate the invoice."] * 3, "b")
    encode = lambda texts: np.ones((len(texts), 2))  # noqa: E731
    alone = pair_inputs(deck, [(0, 1, 0.9)], encode)
    beside = pair_inputs(deck + other, [(0, 1, 0.9)], encode)
    assert alone[0][0].overlap == beside[0][0].overlap and 0 < alone[0][0].overlap < 1


def test_a_prohibition_and_an_obligation_to_leave_it_out_agree():
    never = _claim("Never mention the warranty period in listings.", kind="prohibition")
    drop = _claim("Leave the warranty period out of listings.", kind="obligation")
    assert decide(_input(never, drop), None, 0.99, threshold=0.9, veto=0.5) is None
