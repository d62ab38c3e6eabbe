"""Benchmark: cold and warm runs of `guidecheck check` on synthetic decks of 40k and 100k words, plus the scale
figures of bench/scale.py (start-up, a 1M-word corpus cold, Dask throughput with 1 and 2 workers).

Cold = a new process with an empty cache (models load, spaCy parses, every rule is embedded).
Warm = a new process re-checking the same unchanged deck with the cache the cold run left.
Edited = the deck with one sentence appended, checked with that cache (rules re-extracted for the changed
document, only the new sentence embedded, checks re-run).
Peak memory is the largest sum of RSS over the process tree (main process + embedding worker), sampled
every 20 ms from /proc. Every figure records the load average before and after it (the machine is shared).
The first deck size is also run cold with every check selected (the other figures use the default selection).
The largest plain-text real document is run cold against proselint on the same file (bench/realdeck.py).
Results go to bench/results.json (sections not measured in this run are kept, each with its own date) and a
Markdown table on stdout.

    python bench/run.py [--words 40000 100000] [--repeat 3] [--corpus-words 1000000] [--dask-decks 4] [--real FILE]
    python bench/run.py --words --corpus-words 0 --dask-decks 0 --no-startup    # the real document only
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_deck import make_deck  # noqa: E402
from realdeck import largest_text_document, parse_saving, proselint_ratio  # noqa: E402
from scale import corpus_cold, dask_throughput, load, seed_graph, startup  # noqa: E402

# Every check, opt-in ones included: one --select per category prefix of `guidecheck checks`.
EVERY_CHECK = ("AMB", "CON", "COV", "DUP", "GC", "LAB", "REL", "TERM")


def _tree_rss_kb(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (OSError, AttributeError, ValueError):
            continue
    return total


def run_once(deck: Path, cache: Path, out: Path, extra: tuple[str, ...] = ()) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), HF_HUB_OFFLINE="1")
    cmd = [
        sys.executable,
        "-m",
        "guidecheck.cli",
        "check",
        str(deck),
        "-f",
        "json",
        "-o",
        str(out),
        "--fail-on",
        "never",
        "-v",
        *extra,
    ]
    peak = 0
    before = load()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"guidecheck failed ({proc.returncode}):\n{stderr}")
    timing_line = next((ln for ln in stderr.splitlines() if ln.startswith("guidecheck: ingest")), "")
    stages = {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+)s", timing_line)}
    report = json.loads(out.read_text())
    return {
        "seconds": round(wall, 3),
        "peak_mb": round(peak / 1024, 1),
        "stages": stages,
        "words": report["summary"]["words"],
        "rules": report["summary"]["rules"] + report["summary"].get("examples", 0),
        "findings": report["summary"]["findings"],
        "load": [before, load()],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--words", type=int, nargs="*", default=[40000, 100000], help="deck sizes; none skips them"
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported")
    ap.add_argument("--corpus-words", type=int, default=1_000_000, help="0 skips the corpus run")
    ap.add_argument("--dask-decks", type=int, default=4, help="40k-word decks for the Dask figures; 0 skips")
    ap.add_argument("--real", type=Path, default=None, help="real document (default: largest text one)")
    ap.add_argument("--no-real", action="store_true", help="skip the real-document and parse-less figures")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up figures")
    args = ap.parse_args()
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    path = HERE / "results.json"
    results = json.loads(path.read_text()) if path.is_file() else {}
    results.update({"cpu_count": os.cpu_count(), "python": sys.version.split()[0]})
    measured = {"startup": startup()} if not args.no_startup else {}
    if args.words:  # `--words` alone (no sizes) skips the synthetic decks
        measured["decks"] = keep_other_sizes(
            results.get("decks", []), deck_figures(args.words, args.repeat, out_dir)
        )
        measured["decks_every_check"] = every_check(args.words[0], args.repeat, out_dir)
    if not args.no_real:
        real = args.real or largest_text_document()
        measured["real_vs_proselint"] = proselint_ratio(real, args.repeat, run_once, out_dir / "real.json")
        measured["parse_less"] = parse_saving(real)
    if args.corpus_words:
        measured["corpus_engine_local"] = corpus_cold(args.corpus_words, run_once)
    if args.dask_decks:
        measured["dask"] = dask_throughput(args.dask_decks)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    results.update(measured)
    results.setdefault("measured_at", {}).update({k: stamp for k in measured})
    path.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print_table(results)


def deck_path(words: int) -> Path:
    """Where a synthetic deck is written: outside the repository, whose setup.cfg [guidecheck] section opts its
    own guidelines/ into every check. A deck below bench/ would be checked with those settings, not the defaults."""
    folder = Path(tempfile.gettempdir()) / "guidecheck-bench"
    folder.mkdir(exist_ok=True)
    return folder / f"deck-{words // 1000}k.md"


def keep_other_sizes(old: list[dict], new: list[dict]) -> list[dict]:
    """This run's deck figures, plus earlier ones of deck sizes it did not measure (they keep their own load)."""
    sizes = {round(e["deck_words"], -4) for e in new}
    kept = [e for e in old if round(e["deck_words"], -4) not in sizes]
    return sorted(new + kept, key=lambda e: e["deck_words"])


def every_check(words: int, repeat: int, out_dir: Path) -> dict:
    """Cold runs of the first deck with every check selected (opt-in ones too); the median of `repeat`."""
    deck = deck_path(words)
    deck.write_text(make_deck(words), encoding="utf-8")
    select = tuple(arg for prefix in EVERY_CHECK for arg in ("--select", prefix))
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            runs.append(run_once(deck, seed_graph(Path(cache)), out_dir / "every.json", select))
    return {
        "selection": "every check (--select " + " --select ".join(EVERY_CHECK) + ")",
        "deck_words": runs[0]["words"],
        "rules": runs[0]["rules"],
        "findings": runs[0]["findings"],
        "cold_seconds": statistics.median(r["seconds"] for r in runs),
        "cold_peak_mb": max(r["peak_mb"] for r in runs),
        "cold_stages": runs[0]["stages"],
        "runs": [r["seconds"] for r in runs],
        "load": [r["load"] for r in runs],
    }


def deck_figures(word_counts: list[int], repeat: int, out_dir: Path) -> list[dict]:
    """Cold, warm and edited runs of one synthetic deck per word count (median of `repeat`)."""
    return [measure_deck(words, repeat, out_dir) for words in word_counts]


def measure_deck(words: int, repeat: int, out_dir: Path) -> dict:
    deck = deck_path(words)
    cold, warm, edited = [], [], []
    text = make_deck(words)
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            deck.write_text(text, encoding="utf-8")
            cold.append(run_once(deck, seed_graph(Path(cache)), out_dir / "cold.json"))
            warm.append(run_once(deck, Path(cache), out_dir / "warm.json"))
            deck.write_text(
                text + "\nRaters must flag every duplicate response in the queue.\n", encoding="utf-8"
            )
            edited.append(run_once(deck, Path(cache), out_dir / "edited.json"))
    deck.write_text(text, encoding="utf-8")
    med = lambda runs, k: statistics.median(r[k] for r in runs)  # noqa: E731
    entry = {
        "selection": "default",
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "deck_words": cold[0]["words"],
        "rules": cold[0]["rules"],
        "findings": cold[0]["findings"],
        "cold_seconds": med(cold, "seconds"),
        "warm_seconds": med(warm, "seconds"),
        "edited_seconds": med(edited, "seconds"),
        "cold_peak_mb": max(r["peak_mb"] for r in cold),
        "warm_peak_mb": max(r["peak_mb"] for r in warm),
        "cold_stages": cold[0]["stages"],
        "warm_stages": warm[0]["stages"],
        "edited_stages": edited[0]["stages"],
        "runs": {
            kind: [r["seconds"] for r in runs]
            for kind, runs in (("cold", cold), ("warm", warm), ("edited", edited))
        },
        "load": {"cold": [r["load"] for r in cold], "warm": [r["load"] for r in warm]},
    }
    entry["cold_words_per_s"] = round(entry["deck_words"] / entry["cold_seconds"])
    entry["cold_rules_per_s"] = round(entry["rules"] / entry["cold_seconds"])
    entry["warm_words_per_s"] = round(entry["deck_words"] / entry["warm_seconds"])
    print(
        f"{words}: cold {entry['cold_seconds']:.2f}s warm {entry['warm_seconds']:.2f}s "
        f"peak {entry['cold_peak_mb']:.0f} MB",
        file=sys.stderr,
    )
    return entry


def print_table(results: dict) -> None:
    print(
        "| deck | rules | cold (s) | warm (s) | one sentence edited (s) | cold words/s | cold rules/s "
        "| peak memory cold / warm (MB) | load before cold |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for e in results["decks"]:
        print(
            f"| {e['deck_words']:,} words | {e['rules']:,} | {e['cold_seconds']:.2f} | {e['warm_seconds']:.2f} | "
            f"{e['edited_seconds']:.2f} | {e['cold_words_per_s']:,} | {e['cold_rules_per_s']:,} | "
            f"{e['cold_peak_mb']:.0f} / {e['warm_peak_mb']:.0f} | {e['load']['cold'][0][0][0]:.1f} |"
        )
    if "corpus_engine_local" in results:
        c = results["corpus_engine_local"]
        print(
            f"\ncorpus: {c['words']:,} words, {c.get('rules', 0):,} rules in {c['decks']} decks: {c['seconds']:.1f} s cold, "
            f"peak {c['peak_mb']:.0f} MB (load {c['load'][0][0]:.1f} before)"
        )
    if "decks_every_check" in results:
        e = results["decks_every_check"]
        print(
            f"{e['deck_words']:,} words, every check: cold {e['cold_seconds']:.2f} s ({e['findings']} findings)"
        )
    if "real_vs_proselint" in results:
        r = results["real_vs_proselint"]
        print(
            f"{r['document']} ({r['words']:,} words): guidecheck cold {r['guidecheck_cold_seconds']:.2f} s, "
            f"proselint {r['proselint_seconds']:.2f} s, ratio {r['ratio']}x"
        )
    for args, fig in results.get("startup", {}).items():
        print(f"guidecheck {args}: {fig['seconds']:.3f} s")
    for workers, fig in results.get("dask", {}).items():
        if "seconds" not in fig:  # an older layout, by round
            continue
        print(
            f"dask, {workers} worker(s): {fig['decks']} decks in {fig['seconds']:.1f} s "
            f"({fig['words_per_s']:,} words/s, load {fig['load'][0][0]:.1f} before)"
        )


if __name__ == "__main__":
    main()
