"""Rules stated without a modal: the generic present tense about the task's objects, and imperatives the tagger
read as nouns.

Guidelines state many rules as facts: "Every essay opens with a box of three bullets", "Titles are not scored",
"An answer in the wrong language gets at most 2", "Correctness decides the overall score". They are rules because
of their predicate, never because of one word: a score or label outcome ("gets", "earns", "loses N points"), the
present passive of a task verb ("are rated", "is not scored", "are deleted"), or a restricted subject ("only the
body", "every essay", "no reply") with a present-tense predicate. The subject must be generic (not "this reply",
not a pronoun, not the tool or the corpus), so a worked example's verdict ("This reply gets a 2") and background
("The corpus contains 4,000 tickets") stay what they are. The words are data (``data/rules.toml [descriptive]``).
"""

from __future__ import annotations

import re

from .class_treatments import class_treatment
from .clauses import is_subordinate
from .context import Detection
from .label_spotting import LABEL_CODE
from .lexicon import lemma
from .predicate_parts import detection as _detection
from .predicate_parts import generic as _generic
from .predicate_parts import negated as _negated
from .predicate_parts import subject as _subject
from .predicate_parts import tense as _tense
from .predicate_parts import verb_lemma as _verb_lemma
from .predicate_parts import words as _words
from .quantities import limit_named
from .reach_statements import reach
from .role_practice import role_practice

_BLOCKING_CLAUSES = ("relcl", "acl", "advcl", "amod", "pcomp", "xcomp", "csubj", "csubjpass", "pobj")


def _predicates(sent, covered: set[int]) -> list:
    """Main-clause verbs: the root, verbs conjoined to it, a clause before ';' or ':' the parser hung under it."""
    root = sent.root
    out = [root] if root.pos_ in ("VERB", "AUX") or root.tag_ == "JJ" else []
    for c in root.children:
        verbal = c.pos_ in ("VERB", "AUX") or any(a.dep_ == "auxpass" for a in c.children)
        if c.dep_ == "conj" and verbal:
            out.append(c)
        elif c.dep_ in ("parataxis", "ccomp") and verbal and c.i < root.i and _break_before(sent, c, root):
            out.append(c)  # 'Usernames are not moderated here; the Trust team handles those'
    return [v for v in out if v.i not in covered and not is_subordinate(v)]


def _break_before(sent, clause, root) -> bool:
    """A ';' or ':' between the clause and the root: two sentences joined, not 'describe how X is done'. The
    parser hangs the colon anywhere ("State names are not tagged, with one exception: when ..., it stays ..."
    puts it under "exception"), so any colon or semicolon between them counts."""
    return any(t.text in (";", ":") for t in sent.doc[clause.i : root.i])


def share_subject(verb) -> bool:
    """'Most answers can be rated in three minutes': a subject that is a share of a class states a tendency."""
    subj = _subject(verb)
    shares = _words()["share_determiners"]
    return subj is not None and any(c.dep_ in ("det", "amod") and c.lower_ in shares for c in subj.children)


def _scored(verb, labels: list[str]) -> bool:
    """The verb's complement is a score, a label or points: 'gets at most 2', 'earns a 4', 'loses one point'."""
    words = _words()
    comp = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "npadvmod", "acomp")]
    # "limits the reply to a maximum score of 3": the score is where the verb takes its object
    to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    if any(t.lemma_.lower() in words["score_nouns"] for c in comp + to for t in c.subtree):
        return True
    after = verb.doc[verb.i + 1 : verb.sent.end].text
    if lemma(verb) in words["label_only_verbs"]:  # "make up a tenth of the corpus" gives no outcome
        return any(label in after for label in labels)
    # the number is the complement itself ('a 4', 'at most 2', 'Accuracy 1'), not a count inside it
    # ('receives a value of 1' hands out a position, 'gets two turns' a quantity)
    if any(c.like_num or any(n.dep_ == "nummod" and n.like_num for n in c.children) for c in comp):
        return not any(c.lemma_.lower() in words["not_score_nouns"] for c in comp)
    # "can get no better than Acceptable": a cap by a scale point's name
    if any(c.tag_ == "JJR" and any(p.lower_ == "than" for p in c.children) for c in comp):
        return True
    return any(label in after for label in labels)


def _capped(verb) -> bool:
    """'gets no better than 3', 'can score no higher than Acceptable': a comparative denied by "no"."""
    return any(
        c.tag_ == "JJR" and any(n.lower_ in ("no", "not") for n in c.children)
        for c in verb.children
        if c.dep_ in ("acomp", "advmod", "dobj", "attr")
    )


def _outcome(sent, covered: set[int], labels: list[str]) -> Detection | None:
    """'Any reply that ... gets a Safety score of 1': an outcome verb with a score or label, anywhere outside a
    condition or relative clause (the parser often hangs it under the subject's relative clause)."""
    verbs = _words()["outcome_verbs"]
    for tok in sent:
        noun_read = _verb_read_as_noun(tok)
        if tok.i in covered or lemma(tok) not in verbs or (tok.pos_ not in ("VERB", "AUX") and not noun_read):
            continue
        if (tok.dep_ in _BLOCKING_CLAUSES and not _misparsed_main_verb(tok)) or (
            is_subordinate(tok) and tok.dep_ != "ROOT"
        ):
            continue
        tense = "present" if noun_read else _tense(tok)
        if tense is None or not _scored(tok, labels):
            continue
        if tense == "can" and _capped(tok):
            tense = "present"  # "can get no better than Acceptable" caps the score, it allows nothing
        # without a verbal root the parsed subject is unreliable: the sentence's opening decides
        if noun_read:
            subj = next((c for c in tok.children if c.dep_ == "compound"), None)
        else:
            subj = _subject(tok) if sent.root.pos_ in ("VERB", "AUX") else None
        if not (_generic(subj) if subj is not None else _generic_opening(sent)):
            continue
        return _detection(tok, tense, "outcome")
    return None


def _verb_read_as_noun(tok) -> bool:
    """'LATE_SUBMISSION limits the essay to ...' tagged as a plural noun at the root: a noun takes no direct
    object, so the root with one is the verb, and the 'compound' before it its subject."""
    return tok.dep_ == "ROOT" and tok.tag_ == "NNS" and any(c.dep_ == "dobj" for c in tok.children)


def _worth(sent, covered: set[int], labels: list[str]) -> Detection | None:
    """'Any reply that ... is worth a 2 at most': the copula with "worth" and a score is an outcome too."""
    for tok in sent:
        head = tok.head
        if tok.lower_ != "worth" or tok.i in covered or head.lemma_ != "be" or head.dep_ != "ROOT":
            continue
        tense = _tense(head)
        if not any(c.like_num for c in tok.subtree) or tense is None:
            continue
        subj = _subject(head)
        if subj is not None and _generic(subj):
            return _detection(head, tense, "outcome")
    return None


_LABEL_TOKEN = re.compile(rf"^{LABEL_CODE}$")


def _assigned(comp, labels: list[str]) -> bool:
    """The copula's complement is a score ("is a 3") or a label ("is REPORT_FRAUD", "is an UNSAFE instruction")."""
    if comp.like_num and any(c.dep_ == "det" for c in comp.children):
        return True
    # "is urgency 5", "is Level 3": a scale point named by its scale's word and the number right after it
    if comp.pos_ in ("NOUN", "PROPN") and any(c.like_num and c.i == comp.i + 1 for c in comp.children):
        return True
    # the words on the complement too: "Age" in "Age-restricted" hangs on "restricted"
    near = [comp, *(c for c in comp.children if c.dep_ in ("amod", "compound", "npadvmod"))]
    # a single letter is an answer option of one example ("the correct answer is C"), not a label of the deck
    return any(
        len(t.text) >= 3
        and not t.like_num
        and (t.text in labels or _LABEL_TOKEN.match(t.text) or _named_label(t))
        for t in near
    )


def _named_label(tok) -> bool:
    """A label named by a capitalised word inside the sentence ("A bare statement of figures is Neutral", "Clips that
    show old scars are Age-restricted"): a FAQ names the labels its guide defines, which its own document never
    lists. Words capitalised for another reason (languages, days, names the deck lists as such) are data."""
    return (
        tok.i > tok.sent.start
        and tok.text[:1].isupper()
        and tok.pos_ in ("ADJ", "PROPN", "NOUN", "VERB")
        and tok.lower_ not in _words()["capitalised_not_labels"]
    )


def _copula_outcome(sent, covered: set[int], labels: list[str]) -> Detection | None:
    """'A transcript with wrong speaker labels throughout is a 3', 'If the caller says ..., the intent is
    REPORT_FRAUD': a generic case given a score or a label by the copula."""
    for tok in sent:
        if tok.lemma_ != "be" or tok.i in covered or tok.dep_ not in ("ROOT", "ccomp"):
            continue
        comp = next((c for c in tok.children if c.dep_ in ("attr", "acomp")), None)
        tense = _tense(tok)
        if comp is None or tense is None or not _assigned(comp, labels):
            continue
        subj = _subject(tok) or next((c for c in tok.children if c.dep_ == "csubj"), None)
        if subj is None or subj.lemma_.lower() in _words()["value_nouns"]:
            continue  # "The most common polarity value is POS" describes the label, it gives no case one
        if subj.tag_ == "VBG" or _generic(subj):
            return _detection(tok, tense, "outcome")
    return None


def _exemption(sent, covered: set[int]) -> Detection | None:
    """'Song lyrics are exempt from the reading-speed limit' lets a generic case leave a rule unfollowed (a
    permission not to); 'No cue is exempt from the minimum duration' holds every case to it (an obligation)."""
    for tok in sent:
        if _excused_participle(tok) and tok.i not in covered:
            comp = tok  # "No station is excused from the check": the participle is both verb and word
        elif tok.lemma_ != "be" or tok.i in covered or tok.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        else:
            comp = next((c for c in tok.children if c.dep_ == "acomp"), None)
        tense = _tense(tok)
        if comp is None or comp.lower_ not in _words()["exemption_words"] or tense is None:
            continue
        subj = _subject(tok)
        if subj is None or not _generic(subj) or is_subordinate(tok):
            continue
        if _negated(tok) or any(c.dep_ == "neg" for c in comp.children):
            return Detection("obligation", "must", False, "descriptive (exemption)", tok)
        return Detection("permission", "may", True, "descriptive (exemption)", tok)
    return None


def _excused_participle(tok) -> bool:
    """A passive exemption word as the main verb ("No station is excused from the flat-line check")."""
    return (
        tok.tag_ == "VBN"
        and tok.lower_ in _words()["exemption_words"]
        and tok.dep_ in ("ROOT", "ccomp", "conj")
        and any(c.dep_ == "auxpass" for c in tok.children)
    )


def _misparsed_main_verb(tok) -> bool:
    """'A response that lectures the user loses a point' parsed with the noun as root and 'loses' as a second
    relative clause: without a verbal root, a relative clause whose subject is not 'that/which' is the main verb."""
    root = tok.sent.root
    if root.pos_ in ("VERB", "AUX") or tok.dep_ != "relcl" or tok.head.i != root.i:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.tag_ not in ("WDT", "WP")


def _generic_opening(sent) -> bool:
    """The sentence opens on a generic noun phrase ('Any reply that ...', 'Clips with ...')."""
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None:
        return False
    if first.lower_ in _words()["generic_determiners"]:
        return True
    return first.tag_ in ("NNS", "NNPS") and first.dep_ != "ROOT"


def _passive(verb, covered: set[int]) -> Detection | None:
    """'Titles are not scored', 'Comments copied from elsewhere are deleted': present passive of a task verb."""
    words = _words()
    verb_lemma = _verb_lemma(verb)
    if not any(c.dep_ == "auxpass" for c in verb.children) or verb_lemma not in (
        words["passive_verbs"] | words["requirement_verbs"]
    ):
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None  # "Each batch is reviewed by a second annotator": who does the work, not how it is done
    subj = _subject(verb)
    tense = _tense(verb)
    if subj is None or tense is None or not _generic(subj):
        return None
    if verb_lemma in words["requirement_verbs"] and _negated(verb):
        # "no transcript is needed": not required, so leaving it out is permitted
        return Detection("permission", "may", True, "descriptive (task passive)", verb)
    return _detection(verb, tense, "task passive")


def _only_subject(subj) -> bool:
    """'Only the body counts', 'Only the caller's words ... are part of it' ('no X' states data as often as rules)."""
    before = subj.doc[subj.left_edge.i - 1] if subj.left_edge.i > subj.sent.start else None
    return any(t.lower_ == "only" for t in subj.subtree if t.i < subj.i) or (
        before is not None and before.lower_ == "only"
    )


def _stated_limit(verb, quantities) -> bool:
    """The predicate sets a bound or an exact count: 'at most 2 links', 'exactly 3 bullets', or the sentence names
    a limit: 'the time cap per clip is 25 minutes' (a range such as
    'between 30 seconds and 10 minutes' describes the material more often than it limits it)."""
    after = verb.doc[verb.i : verb.sent.end].text.lower()
    return any(
        (
            q.text.lower() in after
            and (q.comparator in ("<", "<=", ">", ">=") or q.text.lower().startswith("exactly"))
        )
        or limit_named(q)  # "The time cap per clip is 25 minutes": the limit named as the subject
        for q in quantities
    )


def _restricted(verb, quantities) -> Detection | None:
    """'Only the body counts toward the range', 'No reply is longer than ...', 'Every essay opens with exactly 3
    bullets', 'Replies are at most 120 words': a restricted subject, or a stated limit in the predicate."""
    subj = _subject(verb)
    tense = _tense(verb)
    if subj is None or tense is None or not _generic(subj):
        return None
    if _only_subject(subj):
        return _detection(verb, tense, "restricted subject")
    if _stated_limit(verb, quantities) and subj.tag_ != "NNP":  # "Indonesia GDP grows less than 6%": a sample
        return _detection(verb, tense, "stated limit")
    if _bounded_subject(verb, quantities):
        return _detection(verb, tense, "bounded subject")
    return None


def _bounded_subject(verb, quantities) -> bool:
    """'Anything over 20 words gets sent back', 'Anything that runs less than three-quarters of a minute goes in the
    skip pile': a bound before the main verb picks out the case the verb decides. Verbs that describe how the data
    is made up ("Articles longer than 500 words make up 10 % of the corpus"), a copula ("Reviews longer than 300
    words are common") and a comparison ("Clips over 10 minutes take longer to load") state no rule."""
    if lemma(verb) in _words()["distribution_verbs"] or lemma(verb) == "be":
        return False
    if any(c.tag_ in ("JJR", "RBR") for c in verb.children):
        return False
    before = verb.doc[verb.sent.start : verb.i].text.lower()
    return any(q.comparator in ("<", "<=", ">", ">=") and q.text.lower() in before for q in quantities)


def _hedged(verb) -> bool:
    """'Concepts are usually written with English words': a tendency, not a norm. After the verb the word says how
    ('Closure-area photos are approved normally'), not how often."""
    return any(
        c.dep_ == "advmod" and c.lower_ in _words()["hedges"] and (c.i < verb.i or verb.lemma_ == "be")
        for c in verb.children
    )  # "are usually Transactional": after the copula it still says how often


def _starts_mid_sentence(sent) -> bool:
    """'as a normal answer is not marked ...': a piece of a sentence split at a page break or an example."""
    first = next((ch for t in sent for ch in t.text if ch.isalpha()), None)  # "ESCALATION_MISSED limits ..."
    return first is None or first.islower()


def descriptive(sent, covered: set[int], labels: list[str], quantities) -> Detection | None:
    """The rule a modal-free present-tense sentence states, or None for background, narrative and verdicts."""
    if _starts_mid_sentence(sent):
        return None
    found = (
        _outcome(sent, covered, labels)
        or _worth(sent, covered, labels)
        or _copula_outcome(sent, covered, labels)
        or _exemption(sent, covered)
    )
    if found is not None and _hedged(found.verb):
        return None
    if found is not None:
        return found
    practices = []
    for verb in _predicates(sent, covered):
        if _hedged(verb):
            continue
        found = (
            _passive(verb, covered)
            or _restricted(verb, quantities)
            or class_treatment(verb)
            or reach(verb, covered)
        )
        if found is not None:
            return found
        if (practice := role_practice(verb)) is not None:
            practices.append(practice)
    # "Reviewers do not edit labels; a reviewer who disagrees sends the task back": the ban is the rule
    return next((p for p in practices if p.negated), practices[0] if practices else None)


# Evidence of the detections made here: a lead-in detected this way gives its list items no force.
EVIDENCE = ("descriptive", "imperative after a statement", "imperative (verb read as a noun)")

__all__ = ["EVIDENCE", "descriptive", "share_subject"]
