"""Generate a large synthetic guideline deck (Markdown) for benchmarks: realistic mix of rules, prose, lists,
rubric tables and examples, seeded so every run measures the same text.

    python bench/make_deck.py --words 40000 --out bench/out/deck-40k.md
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TASKS = [
    "search relevance",
    "chatbot helpfulness",
    "named entity annotation",
    "image captioning",
    "content safety",
    "summarization quality",
    "translation adequacy",
    "speech transcription",
]
ACTORS = ["Raters", "Annotators", "Reviewers", "You", "Graders", "Labelers"]
MODALS = ["must", "should", "may", "must not", "should not", "need to", "are required to", "can"]
VERBS = [
    "rate",
    "label",
    "mark",
    "flag",
    "skip",
    "escalate",
    "score",
    "tag",
    "review",
    "compare",
    "highlight",
    "annotate",
    "report",
    "check",
    "verify",
    "read",
    "include",
    "exclude",
    "penalize",
    "select",
]
OBJECTS = [
    "the response",
    "the entity span",
    "the query",
    "the summary",
    "each caption",
    "the transcript",
    "the source document",
    "the citation",
    "the product name",
    "the final answer",
    "every turn",
    "the search result",
    "the image",
    "the translation",
    "the user request",
    "the landing page",
]
CONDITIONS = [
    "if the page does not load",
    "when the query is ambiguous",
    "if the response contains a factual error",
    "when two labels apply",
    "if the audio is inaudible",
    "when the image is blurred",
    "if the user asks for medical advice",
    "for queries in a foreign language",
    "when the source text is missing",
    "if the answer is partially correct",
]
EXCEPTIONS = [
    "unless the user explicitly asks for it",
    "except for product names",
    "unless the task says otherwise",
    "except when the response is a refusal",
    "other than in code blocks",
]
LABELS = [
    "Relevant",
    "Somewhat Relevant",
    "Irrelevant",
    "Did Not Load",
    "Borderline",
    "Unsafe",
    "PRODUCT",
    "PERSON",
    "Unsure",
    "Needs Review",
    "Off Topic",
    "Harmful",
]
QUANT = [
    "at least {n} words",
    "no more than {n} seconds",
    "under {n} words",
    "between 1 and {n} points",
    "at most {n} sentences",
    "at least {n} sources",
]
PROSE = [
    "This section explains how the {task} task is organised and what reviewers look for during audits.",
    "The project team collects feedback from every batch and updates the deck when patterns emerge.",
    "Most items take a few minutes to complete, although long documents can take longer.",
    "Quality reviewers sample a share of each rater's work every week.",
    "The examples below come from real tasks and were chosen because raters often disagree on them.",
    "Earlier versions of this deck used a different scale, which is described in the appendix.",
    "The {task} pipeline feeds a model that is retrained every month.",
]


def sentence(rng: random.Random) -> str:
    kind = rng.random()
    verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
    if kind < 0.35:
        s = f"{rng.choice(ACTORS)} {rng.choice(MODALS)} {verb} {obj}"
    elif kind < 0.55:
        s = f"{verb.capitalize()} {obj}"
    elif kind < 0.7:
        s = f"{rng.choice(CONDITIONS).capitalize()}, {verb} it as {rng.choice(LABELS)}"
    elif kind < 0.8:
        s = f"{rng.choice(ACTORS)} {rng.choice(MODALS)} write {rng.choice(QUANT).format(n=rng.randint(2, 120))}"
    else:
        return rng.choice(PROSE).format(task=rng.choice(TASKS))
    if rng.random() < 0.25:
        s += f" {rng.choice(CONDITIONS)}"
    if rng.random() < 0.12:
        s += f", {rng.choice(EXCEPTIONS)}"
    return s + "."


def make_deck(words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out: list[str] = ["# Rating guidelines (synthetic benchmark deck)", ""]
    count = 0
    section = 0
    while count < words:
        section += 1
        task = rng.choice(TASKS)
        out += [f"## {section}. {task.title()}", ""]
        for _ in range(rng.randint(2, 4)):
            para = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
            out += [para, ""]
            count += len(para.split())
        if rng.random() < 0.5:
            out += ["Do not:" if rng.random() < 0.5 else "Always:"]
            for _ in range(rng.randint(3, 6)):
                item = f"- {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CONDITIONS)}"
                out.append(item)
                count += len(item.split())
            out.append("")
        if rng.random() < 0.3:
            out += ["| Score | Label | Description |", "|---|---|---|"]
            for n, label in enumerate(rng.sample(LABELS, 4)):
                row = f"| {n} | {label} | {sentence(rng)} |"
                out.append(row)
                count += len(row.split())
            out.append("")
        if rng.random() < 0.3:
            ex = f'Example: the response said "{sentence(rng)}" and was rated {rng.choice(LABELS)}.'
            out += [ex, ""]
            count += len(ex.split())
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=40000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(make_deck(args.words, args.seed), encoding="utf-8")


if __name__ == "__main__":
    main()
