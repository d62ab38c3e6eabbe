"""Command line: ``guidecheck check|rules|checks|eval``.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage error or tool failure
(missing model, bad configuration). An unreadable input document is not a tool failure: it is reported with
its own status and the run goes on.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .config import ConfigError, load_config
from .model import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


class ToolFailure(click.ClickException):
    exit_code = EXIT_FAILURE

    def show(self, file=None) -> None:
        click.echo(f"guidecheck: error: {self.format_message()}", err=True)


def _quiet_libraries() -> None:
    """Offline by default, and no third-party chatter on the terminal."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    for name in ("pypdf", "sentence_transformers", "transformers", "pdfminer", "spacy"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _config(paths, config_file, **overrides):
    try:
        cfg = load_config(list(paths), config_file, overrides)
    except ConfigError as exc:
        raise ToolFailure(str(exc)) from None
    if cfg.allow_network:
        os.environ.pop("HF_HUB_OFFLINE", None)
        os.environ.pop("TRANSFORMERS_OFFLINE", None)
    return cfg


def _run_pipeline(paths, cfg, verbose: bool = False, only=None, engine=None, scheduler=None):
    from .errors import ModelMissing
    from .pipeline import run
    from .report.progress import Progress
    from .rules.nlp import parse_progress

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    try:
        with Progress(enabled=None) as progress, parse_progress(progress.parsed):
            if engine:  # one run per deck, merged (guidecheck/engines/decks.py)
                from .engines.decks import run_decks

                result = run_decks(paths, cfg, only, engine, scheduler, progress)
            else:
                result = run(paths, cfg, only_checks=only, progress=progress)
    except (ModelMissing, ConfigError) as exc:
        raise ToolFailure(str(exc)) from None
    for code, why in dict.fromkeys(result.failed):
        click.echo(
            f"guidecheck: error: check {code} failed on this input ({why}); its findings are missing from the "
            "report, the other checks ran. Please report this with the input.",
            err=True,
        )
    if verbose:
        for path, why in result.skipped:
            click.echo(f"guidecheck: skipped {path}: {why}", err=True)
        for doc in result.documents:  # a damaged file's report message is plain words; the library's are here
            if doc.detail:
                click.echo(f"guidecheck: {doc.path}: {doc.status}: {doc.detail}", err=True)
    return result


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="guidecheck")
def main() -> None:
    """Find contradictions, undefined labels and ambiguous rules in annotation and rating guidelines.

    Reads Markdown, text, HTML, PDF, DOCX and PPTX decks (files or folders), turns every instruction into a
    rule, and reports where the rules conflict or cannot be applied consistently.

    \b
    Examples:
      guidecheck check guidelines/
      guidecheck check deck.pptx faq.md -o report.html -o report.json
      guidecheck check guidelines/ --format sarif --output guidecheck.sarif --fail-on warning
      guidecheck rules deck.docx | head
    """
    _quiet_libraries()


def _selectors(param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """Check IDs and prefixes as given, repeated or comma-separated ("CON,REL"), each matching at least one
    check: a selector that matches none would silently run nothing, and the run would pass."""
    from .checks.registry import all_checks

    codes = [c.code for c in all_checks()]
    out = tuple(x.strip().upper() for v in values for x in v.split(",") if x.strip())
    unknown = [x for x in out if not any(code.startswith(x) for code in codes)]
    if unknown:
        raise click.BadParameter(
            f"no check matches {', '.join(unknown)} (see `guidecheck checks`)", param=param
        )
    return out


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html", "sarif", "github"]),
    help="Output format. Default: text, or inferred from each --output file's extension.",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the report to FILE instead of the terminal. Repeat to write several formats at once "
    "(the format is taken from the extension: .html .json .sarif .txt).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Exit 1 when a finding is at or above this severity. Default: error (or the configuration's fail_on).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=str),
    help="Read settings from this setup.cfg / pyproject.toml / .toml instead of searching upward.",
)
@click.option(
    "--select",
    "select",
    multiple=True,
    metavar="CHECK",
    callback=lambda ctx, param, value: _selectors(param, value),
    help="Run only these checks (IDs or prefixes, e.g. CON or AMB001), opt-in ones included. Repeatable, or "
    "comma-separated (CON,REL).",
)
@click.option(
    "--extend-select",
    "extend_select",
    multiple=True,
    metavar="CHECK",
    callback=lambda ctx, param, value: _selectors(param, value),
    help="Run these opt-in checks too, besides the default set (see `guidecheck checks`). Repeatable, or "
    "comma-separated.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the rule and embedding caches.")
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False, path_type=str),
    help="Leave out the findings recorded in this file by `guidecheck baseline`; report only new ones.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    help="Check each deck (folder below PATHS) as its own run and merge the reports: 'local' in this "
    "process, 'dask' one task per deck on a Dask cluster (pip install 'guidecheck[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler address (e.g. tcp://10.0.0.5:8786) for --engine dask. Default: a LocalCluster.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also list skipped files, why damaged files could not be read, and stage timings on stderr.",
)
def check(
    paths,
    fmt,
    outputs,
    fail_on,
    config_file,
    select,
    extend_select,
    no_cache,
    baseline_file,
    engine,
    scheduler,
    verbose,
) -> None:
    """Check guideline documents and report contradictions and ambiguities.

    PATHS are files or folders (searched recursively; hidden folders are skipped). A document that cannot
    be read is reported with its own status and message; the other documents are still checked.

    \b
    Exit codes:
      0  no finding at or above --fail-on
      1  findings at or above --fail-on
      2  usage error, bad configuration or a missing model
    """
    from .report import SUFFIX_FORMATS, build_report, renderer

    cfg = _config(paths, config_file, fail_on=fail_on, cache_dir="off" if no_cache else None)
    cfg.values["extend_select"] = [*cfg.values["extend_select"], *extend_select]
    targets: list[tuple[str, str | None]] = []
    for out in outputs:
        out_fmt = fmt if (fmt and len(outputs) == 1) else SUFFIX_FORMATS.get(Path(out).suffix.lower())
        if out_fmt is None:
            raise click.UsageError(f"cannot tell the format of '{out}' from its extension; use --format")
        targets.append((out_fmt, out))
    if not targets:
        targets.append((fmt or "text", None))
    result = _run_pipeline(paths, cfg, verbose, list(select) or None, engine, scheduler)
    baselined = 0
    if baseline_file:
        from .baseline import load, subtract

        try:
            result.findings, baselined = subtract(result.findings, load(baseline_file))
        except ConfigError as exc:
            raise ToolFailure(str(exc)) from None
    report = build_report(result, baselined)
    for out_fmt, out in targets:
        render = renderer(out_fmt)
        if out_fmt == "text":
            colour = out is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
            text = render(report, colour=colour)
        else:
            text = render(report)
        write_output(text, out)
    if verbose:
        timings = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
        click.echo(f"guidecheck: {timings}", err=True)
    sys.exit(EXIT_FAILURE if result.failed else exit_code(result.findings, cfg.fail_on))


def write_output(text: str, out: str | None) -> None:
    """To the terminal, or to ``out`` (folders created) with a note on stderr."""
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ToolFailure(f"cannot write {out}: {exc.strerror or exc}") from None
    click.echo(f"guidecheck: wrote {out}", err=True)


def exit_code(findings, threshold: str) -> int:
    """1 when an unsuppressed finding is at or above ``threshold``; suppressed ones never fail a run."""
    if threshold != "never" and any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold] for f in findings if not f.suppressed
    ):
        return EXIT_FINDINGS
    return EXIT_OK


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=str),
    help="Read settings from this file instead of searching upward.",
)
@click.option("--examples/--no-examples", default=True, help="Include example blocks (marked is_example).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the rule cache.")
def rules(paths, config_file, examples, no_cache) -> None:
    """Print the rules extracted from PATHS as JSON lines, one rule frame per line.

    Documents that cannot be read are reported on stderr; the others are still printed.
    """
    from .cache import Cache
    from .errors import ModelMissing
    from .ingest import read_paths
    from .report.data import rule_dict
    from .rules import extract_rules

    cfg = _config(paths, config_file, cache_dir="off" if no_cache else None)
    documents = read_paths(paths, cfg)
    try:
        found = extract_rules(documents, cfg, Cache(cfg.cache_path()))
    except ModelMissing as exc:
        raise ToolFailure(str(exc)) from None
    for doc in documents:
        if doc.status != "ok":
            click.echo(f"{doc.path}: {doc.status}: {doc.message}", err=True)
    for rule in found:
        if examples or not rule.is_example:
            click.echo(json.dumps(rule_dict(rule), sort_keys=True, ensure_ascii=False))


@main.command(name="checks")
@click.option("--markdown", is_flag=True, help="Print the full documentation of every check as Markdown.")
def list_checks(markdown) -> None:
    """List every check with its ID, category, default severity and whether it is on by default."""
    from .checks import all_checks
    from .checks.registry import on_by_default
    from .report.docs import checks_markdown

    if markdown:
        click.echo(checks_markdown(), nl=False)
        return
    for cls in all_checks():
        on = "on" if on_by_default(cls.code) else "opt-in"
        click.echo(
            f"{cls.code:<8} {cls.name:<32} {cls.category:<14} {cls.severity:<8} {on:<7} "
            f"{cls.doc_sections()['summary']}"
        )


@main.command(name="eval")
@click.option(
    "--family",
    "families",
    multiple=True,
    help="Evaluate only these families (rules, contradictions, ambiguity, real).",
)
@click.option(
    "--split",
    type=click.Choice(["dev", "heldout"]),
    default=None,
    help="Families with a held-out split: score only this part (the held-out part is scored once, at the end).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--corpus",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Labeled corpus folder. Default: the guidelines/ folder of this checkout.",
)
def evaluate(families, split, as_json, corpus) -> None:
    """Measure precision and recall of every check family on the labeled corpus in guidelines/."""
    from .errors import ModelMissing
    from .evaluate import run_evaluations

    try:
        results = run_evaluations(list(families) or None, corpus, split)
    except (ModelMissing, FileNotFoundError) as exc:
        raise ToolFailure(str(exc)) from None
    if as_json:
        click.echo(json.dumps(results, indent=2, sort_keys=True))
    else:
        from .evaluate import format_results

        click.echo(format_results(results), nl=False)


def _ci_commands() -> None:
    """``baseline`` and ``diff`` live in cli_ci.py (CI use); registered here so ``--help`` lists them."""
    from .cli_ci import baseline, diff

    main.add_command(baseline)
    main.add_command(diff)


_ci_commands()

if __name__ == "__main__":
    main()
