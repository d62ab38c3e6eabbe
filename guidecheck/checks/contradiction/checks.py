"""Registered contradiction checks (CON001-CON010; CON011, CON012, CON013, CON014, CON015, CON016, CON017, CON018 and the relations REL001-REL003 in their modules).

Each check reports one relation type of the shared classifier (engine.relations), so an exception or an
update suppresses a conflict the same way whichever frame found it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from ...model import Finding
from ..base import Check, CheckContext
from ..common.relations.engine import relations
from ..registry import register


class RelationCheck(Check):
    fix: ClassVar[str | None] = None
    reads_relations: ClassVar[bool] = True
    # True for a check that only runs with a model the user configures (CON009's NLI model): no labeled eval.
    needs_user_model: ClassVar[bool] = False

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for rel in relations(ctx):
            if rel.code != self.code:
                continue
            yield ctx.finding(
                self,
                [rel.a, rel.b],
                rel.explanation,
                confidence=rel.confidence,
                spans=rel.spans,
                fix=self.fix,
                key=rel.stands_for or "",
            )


@register
class DeonticFlip(RelationCheck):
    """Two rules require (or allow) and forbid the same action.

    What it does:
        Finds pairs of rules about the same action and object where one is an obligation or permission and the
        other a prohibition, including items whose polarity comes from a "Do:" / "Don't:" list lead-in; a thing
        one rule puts into a note, field, span or ticket and another keeps out of it ("Your triage note must name
        the device model" / "Keep device details out of the triage note"); a field one rule lets go unset ("You
        may leave Severity blank for Praise") and another never does ("Severity is never optional"); a case
        excused by one rule and refused as a reason by another ("Length is never a reason to skip"); a rule that
        admits no exception against one that excuses a case, when the refusal names no word of the case (one that
        does is CON016); one mark for each item against one mark for them all ("Give each branch of a forked crack its own box" / "A forked
        crack stays one object: draw a single box that takes in every branch").

    Why is this bad:
        A rater cannot follow both. Whichever rule they read last decides their label, so two raters with the
        same item disagree and reviewers reject work that followed the deck.

    Example:
        Always include the determiner in the entity span.
        ...
        Never include determiners in entity spans.

    Use instead:
        Keep one rule, or scope one with an explicit exception ("Include the determiner, except in product names").
    """

    code = "CON001"
    name = "deontic-flip"
    category = "contradiction"
    severity = "error"
    fix = "Keep one of the two rules, or add an explicit 'unless …' / 'except …' clause that scopes one of them."


@register
class ObligationVsPermission(RelationCheck):
    """An obligation and a permission to do the contrary.

    What it does:
        Finds a rule that requires something (a step, a score range) and another that lets raters skip it or
        give a score outside that range ("must rate it 2 or lower" vs "may still receive a 4").

    Why is this bad:
        Careful raters follow the obligation, others the permission; the same item gets different labels and the
        permission quietly voids the rule.

    Example:
        Always rate a response with a factual error 2 or lower.
        ...
        A response with a minor factual error may still receive a 4.

    Use instead:
        Make the permission an explicit exception of the obligation ("… 2 or lower, unless the error is minor").
    """

    code = "CON002"
    name = "obligation-vs-permission"
    category = "contradiction"
    severity = "error"
    fix = "Turn the permission into an explicit exception of the obligation, or drop one of them."


@register
class SameConditionDifferentOutcome(RelationCheck):
    """The same situation leads to two different labels or actions.

    What it does:
        Finds rules with the same condition (or about the same case) that assign different labels or scores, or
        prescribe actions that exclude each other (skip vs rate). Score names and numbers that a rubric table
        maps to one row are treated as the same label. A kind of item one rule handles like any other ("Aerial
        photos go through the normal review flow, the same as any other upload") and another rejects, skips or
        puts out of scope is one case with two outcomes too.

    Why is this bad:
        The outcome depends on which page the rater read; the labels of the same case are split.

    Example:
        If the page does not load, rate it 0.
        ...
        If the page does not load, rate it Broken.

    Use instead:
        State the outcome once and link to it from the other place.
    """

    code = "CON003"
    name = "same-condition-different-outcome"
    category = "contradiction"
    severity = "error"
    fix = "Give the case one outcome; refer to that rule from the other place instead of restating it."


@register
class NumericConflict(RelationCheck):
    """Two numeric limits of the same attribute that no value satisfies.

    What it does:
        Compares limits of one attribute per one subject or item (a ban's limit inverted); a label or act given by
        two thresholds; a named limit stated twice ("the cap per call is 12 minutes"); a quality bar, item time,
        the size of an audit or gold sample, the time to dispute, appeal or submit ("within 48 hours" against "any
        time within a week"), what one kind of item pays ("Skipped posts are not paid, whatever the reason"
        against "Skips with an approved reason are paid at the base rate"), what a bonus pays ("10% on top of base
        pay" against "a flat $25 per week"), the planned pace ("45 seconds per review" against "a 40-review batch
        takes about 20 minutes"), a tolerance ("counts as correct if it falls within 1 second of the gold boundary"
        against "a tolerance of 250 ms either side"), whether an item's pay waits on its review ("Pay is $4.50 for
        each video that passes review" against "paid at the standard rate, whether or not it passes review") or a
        label table's number against a rule that gives the label at another,
        unless one of the two states the exception. Also one act required for items in one band of a measure and
        forbidden for items in another band that meets it ("Do not box any object smaller than 12 pixels" /
        "Objects of 8 pixels or more must be boxed": an 8-to-12-pixel object).

    Why is this bad:
        Whatever the rater does breaks one of the limits; reviewers reject compliant work.

    Example:
        Comments must be at least 50 words long.
        ...
        Comments should be under 40 words.

    Use instead:
        One limit, stated once: "Comments must be 40-60 words."
    """

    code = "CON004"
    name = "numeric-conflict"
    category = "contradiction"
    severity = "error"
    fix = "State one range for the attribute, in one place."


@register
class PriorityConflict(RelationCheck):
    """Two rules order the same criteria differently.

    What it does:
        Reads "A takes priority over B", "prefer A over B", "B is secondary to A" and "when A and B conflict,
        prefer B" and reports pairs that rank the same two criteria in opposite order; also two rules that settle
        one choice two ways ("If a message raises more than one concern, use the most urgent one" / "When a
        message raises several concerns, go by the one mentioned first"); and one disagreement between two people's
        answers settled two ways ("When two reviewers disagree on a quality score, the lower score is kept" / "If
        reviewers' quality scores differ, the senior reviewer's score stands"), unless the two name different scales
        or point gaps that do not meet; one situation whose winner two rules name differently ("If one table backs
        the figure and another disputes it, the disputing table prevails" / "... the backing table takes
        priority"), and "label the request, not the complaint" under a situation that names both; and one option
        picked over another in words and the other picked elsewhere ("Take the weather fields from the
        start-of-count box, not the end-of-count box" / "Use the end-of-count weather box").

    Why is this bad:
        Priority rules exist for the hard cases; if they disagree, exactly the hard cases are labelled at random.

    Example:
        Accuracy takes priority over fluency.
        ...
        When accuracy and fluency conflict, prefer fluency.

    Use instead:
        One ordering of the criteria, stated once.
    """

    code = "CON005"
    name = "priority-conflict"
    category = "contradiction"
    severity = "error"
    fix = "Keep one ordering of the criteria and delete the other."


@register
class DefinitionDivergence(RelationCheck):
    """The same term is defined two incompatible ways.

    What it does:
        Finds definitions ("X means …", "X refers to …", "X is defined as …") of the same term whose definitions
        share little content; near-identical definitions are reported as duplicates instead. Also a case a label's
        definition includes ("ID | Medical record numbers, device serial numbers, ...", "..., plus clock times")
        or another rule puts in the label, against a rule that keeps it out ("Device serial numbers are not ID",
        "a clock time is never tagged", "an animal that is standing is never Resting"). And a label table's row
        against a rule that gives the same label where the row says the opposite ("| 2 | Weak | Core facts are
        missing |" / "Give a listing Quality 2 when every core fact is there"; "it is not being treated" / "even
        if it is still being treated"). And a case one sentence takes into a label in so many words ("| STRANDED |
        ..., whether or not it is injured |", "Porpoises in discarded line are also labelled ENTANGLED") that
        another keeps out ("STRANDED is only for animals that are injured", "ENTANGLED is reserved for animals in
        active gear: porpoises in discarded line are logged as DEBRIS", "..., not DECEASED"). And a scale whose
        ends are set the opposite ways: one point called both ends ("On the Difficulty scale, 1 means very easy" /
        "a Difficulty of 1 is our hardest rating") or one end put at two points ("3 is the most dangerous" /
        "Severity 1 marks the worst acts"). And a member one label's definition list names that another rule gives
        another label of the same list ("Moored: tied to a quay, pier, mooring buoy or another vessel" / "A ship
        riding on a mooring buoy is Anchored").

    Why is this bad:
        Raters who learned one definition label different items than raters who learned the other.

    Example:
        A navigational query means the user wants one specific website.
        ...
        A navigational query refers to any query that contains a brand name.

    Use instead:
        One definition in a glossary, referenced everywhere else.
    """

    code = "CON006"
    name = "definition-divergence"
    category = "contradiction"
    severity = "error"
    fix = "Keep one definition (ideally in a glossary) and make the other place refer to it."


@register
class RatingScaleConflict(RelationCheck):
    """Scales that disagree: ranges, scores outside the scale, or one score with two names.

    What it does:
        Collects scale declarations ("on a 1-5 scale") and rubric tables, then reports two declarations with
        different ranges, a score outside every declared scale, one score named two ways in two tables, and a
        rule that scores a case apart from the rubric row that clearly describes it best.

    Why is this bad:
        Raters cannot give a score that does not exist, and renamed scores make calibration examples ambiguous.

    Example:
        Rate each response on a 1-5 scale.
        ...
        A perfect answer with citations should get a 7.

    Use instead:
        One scale, one name per score, used consistently.
    """

    code = "CON007"
    name = "rating-scale-conflict"
    category = "contradiction"
    severity = "error"
    fix = "Use one scale and one name per score everywhere, including in examples."


@register
class ExampleContradictsRule(RelationCheck):
    """A worked example's verdict breaks a rule.

    What it does:
        Compares worked examples with the rules about the same thing: an example that deducts for something a
        rule says not to penalize, or gives a score outside the range a rule requires for that case, also for one
        dimension of a verdict that scores several ("Verdict: Correctness 3, Idiom 4" against "must give
        Correctness 1 to any translation that would not compile"), decides the item the other way ("Verdict:
        approve" against "Photos with any visible watermark are rejected"), or is labeled with the label a rule
        turns down for its case ("Label: Electronic Device" against "Power banks ..., never Electronic Device").
        Also an example that gives, as its reason, what the rule says does not matter ("Verdict: 3, because the
        rest of the answer is fluent" against "... gets Accuracy 1, however fluent the rest of the answer is").

    Why is this bad:
        Raters copy examples more than they read rules; a wrong example teaches the wrong label.

    Example:
        Do not penalize spelling mistakes in the user's prompt.
        ...
        Example: the prompt misspells "recieve", so we deduct a point and rate the reply 3.

    Use instead:
        Fix the example's verdict or its explanation so it follows the rule.
    """

    code = "CON008"
    name = "example-contradicts-rule"
    category = "contradiction"
    severity = "error"
    fix = "Correct the example's verdict (or the rule) so both say the same thing."


@register
class NLIContradiction(RelationCheck):
    """A configured NLI model reads two similar rules as contradictory.

    What it does:
        Only when ``nli_model`` is configured: scores candidate pairs the frame checks did not explain with a
        cross-encoder NLI model (both directions, maximum contradiction probability) and reports confident ones.
        The same score raises or lowers the confidence of the frame findings.

    Why is this bad:
        Some conflicts are phrased so differently that no frame matches them; the model catches a share of these.

    Example:
        Treat sarcasm as a sentiment of its own.
        ...
        Sarcastic posts are labeled by the literal sentiment of their words.

    Use instead:
        Rewrite the two rules into one, or scope them with explicit conditions.
    """

    code = "CON009"
    name = "nli-contradiction"
    category = "contradiction"
    severity = "warning"
    needs_user_model = True
    fix = "Read both rules; merge them or scope them with explicit conditions."


@register
class OutputConstraintConflict(RelationCheck):
    """Two rules about the written output that no output can meet at once.

    What it does:
        Reads what rules ask of the written output, each word with the polarity of its own clause: words and
        phrases that must or must not appear, different phrases required in one place (opening or closing line,
        title), tone and register (also the register a required phrase brings), the output language, bounds on
        length and elements compared across units (items x words per item against a total, words against
        characters, a list against "no lists"), and topics to cover or leave out (a ban at least as broad as the
        requirement). Different parts of the output, and a rater's notes beside the rated response, never clash.

    Why is this bad:
        The writer cannot satisfy both, so every output breaks one rule and raters judging it disagree.

    Example:
        Open every reply with "Dear customer".
        ...
        Never use the phrase "Dear customer"; greet people by name.

    Use instead:
        Keep one constraint, or scope one of them ("... except in formal complaints").
    """

    code = "CON010"
    name = "output-constraint-conflict"
    category = "contradiction"
    severity = "error"
    fix = "Keep one of the two output constraints, or scope one with an explicit condition."
