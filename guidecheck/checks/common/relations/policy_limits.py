"""Two statements of one limit of the task's policy that disagree (CON004): a rater's quality bar ("Raters whose
gold accuracy falls below 85% are removed" against "Nobody is removed unless they miss more than one in five gold
items"), the time one item may be held ("released back to the queue after 10 minutes" against "up to a quarter of
an hour on any single email before the tool takes it back") or what one kind of item pays ("Skipped posts are not
paid, whatever the reason" against "Skips with an approved reason are paid at the base rate").

The two are rarely embedding neighbours (one counts accuracy in percent, the other errors in "one in five"; one says
what removes a rater, the other what keeps one on), so the whole deck is read for them, as for worked examples.
Each quality bar is read into the accuracy at which its sanction starts (``rules/quality_bars.py``); two disagree
when a rater between them is sanctioned by one and safe by the other, or when both name the sanctioned side of one
sanction at different bars (two values for one limit). Each item time is read into its kind and seconds
(``rules/item_times.py``); two disagree when they are two values of one kind of limit, when the time below
which a submission is too fast is not below the time the item may be held, or when a time the deck calls fine is
past a limit it sets. Each pay term is read into what it
pays for and the share of the base rate (``rules/pay_terms.py``); two about one kind of item (or one a narrower
case of the other: "skips" / "a skip because the image will not load") disagree when one pays and the other does
not, or when they name two rates, unless one of them states the exception. Each sample of a rater's work is read
into what it is for (gold items, an audit) and its share (``rules/sample_shares.py``); two for one purpose
disagree when the shares differ ("a random 10% of each annotator's clips" / "one clip in every five"). Each
window for one act is read into the act and its length (``rules/time_windows.py``); two for one act disagree
when the lengths differ ("disputes within 48 hours" / "any time within a week"). Each planned pace is read into
seconds per item (``rules/work_pace.py``); two for one item disagree when they are more than a fifth apart ("45
seconds per review" / "a 40-review batch takes about 20 minutes"). Each bonus amount is read into a share of pay or
a fixed amount (``rules/bonus_terms.py``); two of one bonus disagree when their forms or values differ ("10% on top
of that week's base pay" / "a flat $25 per week").
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from ....rules.bonus_terms import BonusTerm, read_bonus_term
from ....rules.item_times import ItemTime, read_item_time
from ....rules.lexicon import lexicon as rules_lexicon
from ....rules.pay_terms import read_pay_terms
from ....rules.quality_bars import QualityBar, read_quality_bar, same_measures
from ....rules.review_pay import ReviewPay, read_review_pay
from ....rules.sample_shares import SampleShare, purpose_of, read_sample_share
from ....rules.shift_limits import ShiftLimit, read_shift_limit
from ....rules.time_windows import TimeWindow, read_time_window
from ....rules.tolerances import Tolerance, read_tolerance
from ....rules.work_pace import WorkPace, read_rushed_floor, read_work_pace
from ..deck import same_project
from .claims import Claim, unquoted
from .pay_cases import pay_clash, same_pay_case
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, quoted, span_of
from .titles import titled_apart


def _percent(x: float) -> str:
    return f"{x * 100:g}%"


def _bar_clash(a: QualityBar, b: QualityBar) -> str | None:
    """Why two bars of one sanction disagree, or None. A bonus is stated by the side that is paid, so two such
    statements are two bars for it."""
    if (a.sanctions == _REQUIRED) != (b.sanctions == _REQUIRED):
        return _below_requirement(a, b)
    if a.safe_side and b.safe_side and not (a.sanctions & b.sanctions & _defined_by_bar()):
        return None  # two statements of what keeps a rater on both hold
    if a.safe_side != b.safe_side:
        safe, sanctioned = (a, b) if a.safe_side else (b, a)
        if sanctioned.bar <= safe.bar:
            return None  # the safe side starts where the sanctioned one ends, or a gap lies between them
        return (
            f"an accuracy between {_percent(safe.bar)} and {_percent(sanctioned.bar)} is sanctioned by one and safe "
            "by the other."
        )
    if a.bar == b.bar:
        return None
    return f"two bars, {_percent(min(a.bar, b.bar))} and {_percent(max(a.bar, b.bar))}, for one sanction."


# A bar the rater is told to keep with no sanction named ("You must keep gold accuracy at 85% or higher"), and the
# sanctions that take a rater off the work: one of those set above the requirement falls on raters who meet it.
_REQUIRED = frozenset({"standing"})
_TAKEN_OFF = frozenset({"removal", "pause"})


def _below_requirement(a: QualityBar, b: QualityBar) -> str | None:
    """A rater who keeps the required accuracy and is still taken off the work, or None."""
    required, other = (a, b) if a.sanctions == _REQUIRED else (b, a)
    if other.safe_side or required.safe_side or other.bar <= required.bar:
        return None
    return (
        f"a rater between {_percent(required.bar)} and {_percent(other.bar)} keeps the accuracy one requires and "
        "is taken off the work by the other."
    )


@lru_cache(maxsize=1)
def _defined_by_bar() -> frozenset[str]:
    return frozenset(rules_lexicon().data["quality_bars"]["defined_by_bar"])


def _comparable(a: QualityBar, b: QualityBar, names: dict[str, str]) -> bool:
    """One sanction, the same measure when both name theirs (gold accuracy and audit accuracy are two, unless the
    deck says they are one: ``names``), and the same period when both name theirs (a week's and a month's)."""
    ma, mb = ({names.get(m, m) for m in x.metrics} for x in (a, b))
    required = (a.sanctions == _REQUIRED and b.sanctions & _TAKEN_OFF) or (
        b.sanctions == _REQUIRED and a.sanctions & _TAKEN_OFF
    )
    return (
        bool(a.sanctions & b.sanctions or required)
        and (not (ma and mb) or bool(ma & mb))
        and (not (a.periods and b.periods) or bool(a.periods & b.periods))
    )


def _time_clash(a: ItemTime, b: ItemTime) -> str | None:
    """Why two time limits of one item disagree, or None."""
    if a.scope != b.scope:
        return None
    if "allowed" in (a.kind, b.kind):
        return _past_the_limit(a, b)
    if a.kind == b.kind and a.floor != b.floor:  # "skip after 4 minutes" / "don't skip before 6 minutes"
        floor, point = (a, b) if a.floor else (b, a)
        if floor.seconds <= point.seconds:
            return None
        return "the rater is told to give the item up before the time at which giving it up is allowed."
    if a.kind == b.kind:
        if a.seconds == b.seconds:
            return None
        return f"two values, {_duration(min(a.seconds, b.seconds))} and {_duration(max(a.seconds, b.seconds))}, for one limit."
    if "minimum" in (a.kind, b.kind):
        low, high = (a, b) if a.kind == "minimum" else (b, a)
        if low.seconds < high.seconds:
            return None
        return "no time is long enough for the one and short enough for the other."
    kinds = {a.kind, b.kind}
    if "timeout" not in kinds:
        return None  # a time to finish in and a point to give up measure different things
    timeout, other = (a, b) if a.kind == "timeout" else (b, a)
    if other.seconds <= timeout.seconds:
        return None
    if other.kind == "deadline":
        return "the item is taken back before the time the rater is given to finish it."
    return "the item is taken back before the point at which the rater is told to give it up."


def _past_the_limit(a: ItemTime, b: ItemTime) -> str | None:
    """A time one rule calls fine ("12 to 15 minutes is perfectly fine") against a limit the other sets ("should
    take you no more than 8 minutes"), or None."""
    fine, limit = (a, b) if a.kind == "allowed" else (b, a)
    if limit.kind in ("allowed", "minimum") or limit.floor or fine.seconds <= limit.seconds:
        return None
    return "a time one calls fine is past the limit the other sets."


def _sample_clash(a: SampleShare, b: SampleShare) -> str | None:
    """Two shares of one sample (gold items, an audit), or None when they agree."""
    if a.purpose != b.purpose or abs(a.share - b.share) < 1e-6:
        return None
    what = "gold items" if a.purpose == "gold" else "the audit sample"
    return f"two sizes of {what}, {_percent(a.share)} and {_percent(b.share)} of the work."


def _window_clash(a: TimeWindow, b: TimeWindow) -> str | None:
    """Two lengths of the window for one act ("dispute within 48 hours" / "within a week"), or None."""
    if a.act != b.act or a.cases != b.cases or a.seconds == b.seconds:
        return None
    return f"two lengths, {_length(min(a.seconds, b.seconds))} and {_length(max(a.seconds, b.seconds))}, of the time to {a.act}."


def _tolerance_clash(a: Tolerance, b: Tolerance) -> str | None:
    """Two amounts of one tolerance ("within 1 second of the gold boundary" / "a tolerance of 250 ms"), or None.
    Amounts more than 30 times apart are tolerances of different things (a timestamp's seconds, a date's day)."""
    if a.measure != b.measure or (a.thing and b.thing and a.thing != b.thing) or a.amount == b.amount:
        return None
    low, high = sorted((a.amount, b.amount))
    if low <= 0 or high > low * 30:
        return None
    unit = " seconds" if a.measure == "time" else "%" if a.measure == "percent" else f" {a.measure}s"
    return f"two tolerances, {low:g}{unit} and {high:g}{unit}, for one kind of answer."


def _review_pay_clash(a: ReviewPay, b: ReviewPay) -> str | None:
    """Pay that waits on the review against pay whatever the review finds, or None."""
    if a.depends == b.depends:
        return None
    return "one pays an item only when it passes review, the other whatever the review finds."


def _shift_clash(a: ShiftLimit, b: ShiftLimit) -> str | None:
    """Two caps on one shift's working time, or None."""
    if a.seconds == b.seconds:
        return None
    return f"two caps on one shift, {_length(min(a.seconds, b.seconds))} and {_length(max(a.seconds, b.seconds))}."


def _bonus_clash(a: BonusTerm, b: BonusTerm) -> str | None:
    """Two amounts of one bonus: a share of pay and a fixed amount, or two values of one form; else None."""
    if a.kinds and b.kinds and not a.kinds & b.kinds:
        return None  # a quality bonus and a volume bonus
    if a.volume and b.volume and a.unit == b.unit and a.volume != b.volume:
        if (a.share, a.amount) != (b.share, b.amount):
            return None  # tiers: more work, a larger bonus
        low, high = sorted((a.volume, b.volume))
        return f"two counts of {a.unit}, {low:,g} and {high:,g}, earn the one bonus."
    if (a.share is None) != (b.share is None):
        return "one is a share of the rater's pay, the other a fixed amount."
    if a.share is not None and b.share is not None and a.share != b.share:
        return f"two shares of pay, {_percent(min(a.share, b.share))} and {_percent(max(a.share, b.share))}."
    if (
        a.amount is not None
        and b.amount is not None
        and a.amount != b.amount
        and (a.per == b.per or None in (a.per, b.per))
    ):
        return f"two amounts, {min(a.amount, b.amount):g} and {max(a.amount, b.amount):g}."
    return None


def _pace_clash(a: WorkPace, b: WorkPace) -> str | None:
    """Two planned paces of one item more than a fifth apart ("45 seconds per review" / "a 40-review batch in
    about 20 minutes"), or None; "about" allows the rest."""
    if a.item != b.item and not {a.item, b.item} & _ANY_ITEM:
        return None
    low, high = sorted((a.seconds, b.seconds))
    if high <= low * 1.2:
        return None
    return f"one plans {_length(round(low))} an item, the other {_length(round(high))}."


_ANY_ITEM = frozenset({"item", "task"})


def _length(seconds: float) -> str:
    """ "72 hours", "7 days", "1 week": the largest unit the length is a whole number of."""
    for unit, size in (("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            n = seconds / size
            return f"{n:g} {unit}{'' if n == 1 else 's'}"
    return f"{seconds:g} seconds"


def _duration(seconds: float) -> str:
    for unit, size in (("hours", 3600), ("minutes", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:g} {unit}"
    return f"{seconds:g} seconds"


def _readings(claims: list[Claim], read, rows: bool = False) -> list[tuple[Claim, object]]:
    """(claim, reading) of every rule (not example material) whose text ``read`` reads; ``rows``: table rows too
    (a pay table's "Skips | Skipped sequences are not paid ..." and a terms table's "Time limit per frame | 180 seconds,
    after which the frame returns to the queue" state the policy; a rubric row defines a label)."""
    out = []
    for c in claims:
        if c.rule.is_example or (c.rule.kind == "rubric" and not rows) or is_example_material(c):
            continue
        found = read(unquoted(c.text))  # "phrases like 'a minute ago'" state no time
        if read is read_sample_share and found is not None:
            found = _row_purpose(c, found)
        for reading in found if isinstance(found, tuple) else (found,):
            if reading is not None:
                out.append((c, reading))
    return out


def _row_purpose(c: Claim, share: SampleShare) -> SampleShare:
    """A table cell's sample is for what its row names first ("Gold items | 5% of every batch, inserted at
    random"), not what the cell's own words suggest."""
    cells = [v for v in c.rule.cells.values() if v.strip() and v.strip() != c.text.strip()]
    named = purpose_of(cells[0]) if cells else None
    return SampleShare(named, share.share, share.span) if named and named != share.purpose else share


def _relation(ca: Claim, cb: Claim, why: str, spans) -> Relation:
    """CON004, or REL002 when one side says it replaces the limit."""
    if ca.update or cb.update:
        later = cb if cb.update else ca
        earlier = ca if later is cb else cb
        return Relation(
            "REL002",
            ca.rule,
            cb.rule,
            0.75,
            f"{quoted(as_read(later.rule))} is an update that replaces the limit in "
            f"{quoted(as_read(earlier.rule))}; edit the old rule too.",
            spans,
            stands_for="CON004",
        )
    return Relation("CON004", ca.rule, cb.rule, 0.85, why, spans)


def _pairs(
    claims: list[Claim], read, clash, comparable=lambda a, b, ca, cb: True, rows: bool = False
) -> list[Relation]:
    out = []
    for (ca, a), (cb, b) in combinations(_readings(claims, read, rows), 2):
        if ca is cb or not (same_project(ca.rule, cb.rule) and comparable(a, b, ca, cb)):
            continue
        if titled_apart(ca.text, a.span[0], cb.text, b.span[0]):
            continue  # "Quality bonus: ... 90%" / "Volume bonus: ... 85%": two bonuses, each with its bar
        why = clash(a, b)
        if why is not None:
            out.append(_explained(ca, a, cb, b, why, ca, cb))
    return out


def _explained(ca: Claim, a, cb: Claim, b, why: str, first: Claim, second: Claim) -> Relation:
    """The relation of two readings, in ``first``, ``second`` order, quoting the words each states its figure in."""
    sa, sb = ca.text[slice(*a.span)], cb.text[slice(*b.span)]
    explanation = (
        f"{quoted(as_read(ca.rule))} says {quoted(sa)} and {quoted(as_read(cb.rule))} {quoted(sb)}: {why}"
    )
    return _relation(first, second, explanation, span_of(ca.rule, a.span) + span_of(cb.rule, b.span))


def _across(claims: list[Claim], read_a, read_b, clash) -> list[Relation]:
    """``_pairs`` for two readers: every reading of one against every reading of the other."""
    out = []
    for ca, a in _readings(claims, read_a):
        for cb, b in _readings(claims, read_b):
            if (
                ca is cb
                or not same_project(ca.rule, cb.rule)
                or titled_apart(ca.text, a.span[0], cb.text, b.span[0])
            ):
                continue
            if (why := clash(a, b)) is None:
                continue
            first, second = (ca, cb) if ca.rule.id < cb.rule.id else (cb, ca)
            out.append(_explained(ca, a, cb, b, why, first, second))
    return out


def _rushed_clash(pace: WorkPace, floor: WorkPace) -> str | None:
    """The planned pace is faster than the time under which work counts as rushed."""
    if pace.item != floor.item and not {pace.item, floor.item} & _ANY_ITEM:
        return None
    if pace.seconds >= floor.seconds:
        return None
    return (
        f"the planned {_length(round(pace.seconds))} an item is under the {_length(round(floor.seconds))} an item "
        "below which work counts as rushed."
    )


def _floor_clash(a: WorkPace, b: WorkPace) -> str | None:
    """Two times under which one item's work counts as rushed ("less than 90 seconds after the listing opened" /
    "a listing submitted in under two minutes")."""
    if a.item != b.item and not {a.item, b.item} & _ANY_ITEM:
        return None
    if a.seconds == b.seconds:
        return None
    low, high = sorted((a.seconds, b.seconds))
    return f"one counts work under {_length(round(low))} an item as rushed, the other under {_length(round(high))}."


def policy_relations(claims: list[Claim]) -> list[Relation]:
    """CON004 for every two statements of one quality bar, one item time limit, what one kind of item pays, the
    size of one sample of the work, the time to do one act (dispute, appeal, submit), the planned pace or what a
    bonus pays that disagree in one project."""
    naming = [c for c in claims if same_measures([c.text])]

    def bars_comparable(a: QualityBar, b: QualityBar, ca: Claim, cb: Claim) -> bool:
        # the names the pair's project gives one measure (a sibling project's glossary is not theirs)
        texts = [c.text for c in naming if same_project(c.rule, ca.rule) and same_project(c.rule, cb.rule)]
        return _comparable(a, b, same_measures(texts))

    return (
        _pairs(claims, read_quality_bar, _bar_clash, bars_comparable)
        + _pairs(claims, read_item_time, _time_clash, rows=True)
        + _pairs(claims, read_pay_terms, pay_clash, lambda a, b, ca, cb: same_pay_case(a, b), rows=True)
        + _pairs(claims, read_sample_share, _sample_clash, rows=True)
        + _pairs(claims, read_time_window, _window_clash)
        + _pairs(claims, read_tolerance, _tolerance_clash, rows=True)
        + _pairs(claims, read_review_pay, _review_pay_clash, rows=True)
        + _pairs(claims, read_shift_limit, _shift_clash, rows=True)
        + _pairs(claims, read_work_pace, _pace_clash, rows=True)
        + _across(claims, read_work_pace, read_rushed_floor, _rushed_clash)
        + _pairs(claims, read_rushed_floor, _floor_clash)
        + _pairs(claims, read_bonus_term, _bonus_clash, rows=True)
    )


__all__ = ["policy_relations"]
