"""``guidecheck baseline`` and ``guidecheck diff``: the commands CI runs besides ``check``.

Kept apart from cli.py so each file stays small; cli.py registers them on the main group.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

_CONFIG = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=str),
    help="Read settings from this file instead of searching upward.",
)


def _write(text: str, out: str | None) -> None:
    from .cli import write_output

    write_output(text, out)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    default=".guidecheck-baseline.json",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=str),
    help="Baseline file to write ('-' for standard output).",
)
@_CONFIG
@click.option("--no-cache", is_flag=True, help="Neither read nor write the rule and embedding caches.")
def baseline(paths, output, config_file, no_cache) -> None:
    """Record today's findings in PATHS so that `check --baseline FILE` reports only new ones.

    Findings are recorded by fingerprint (the check and the rule texts), so they stay baselined when text
    moves, and come back when a rule is reworded. Suppressed findings are not recorded.
    """
    from .baseline import dumps
    from .cli import _config, _run_pipeline

    cfg = _config(paths, config_file, cache_dir="off" if no_cache else None)
    result = _run_pipeline(paths, cfg)
    text = dumps(result.findings)
    _write(text, None if output == "-" else output)
    count = sum(1 for f in result.findings if not f.suppressed)
    click.echo(f"guidecheck: baseline of {count} finding{'' if count == 1 else 's'}", err=True)


def _side(path: str, cfg, label: str | None = None, prefix: str | None = None) -> dict:
    from .cli import _run_pipeline
    from .diff import relabel
    from .report import build_report

    report = build_report(_run_pipeline([path], cfg))
    if prefix is not None and label is not None:
        relabel(report, prefix, label)
    return report


def _reports(paths: tuple[str, ...], git: str | None, cfg, tmp: str) -> tuple[dict, dict, tuple[str, str]]:
    from .diff import git_sides

    if git:
        if len(paths) != 1:
            raise click.UsageError("with --git give exactly one PATH inside the repository")
        old, new = git_sides(git, paths[0], tmp, cfg.cache_path())
        shown = Path(paths[0]).as_posix()
        old_report = _side(str(old), cfg, shown, old.as_posix())
        new_report = _side(str(new), cfg, shown, new.as_posix())
        rev1, _, rev2 = git.partition("..")
        return old_report, new_report, (rev1, rev2 or "working tree")
    if len(paths) != 2:
        raise click.UsageError("give OLD and NEW (two files or two folders), or --git REV1..REV2 PATH")
    return _side(paths[0], cfg), _side(paths[1], cfg), (paths[0], paths[1])


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--git", "git", metavar="REV1..REV2", help="Compare PATH at two git revisions (REV2 empty: working tree)."
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json", "html"]), help="Default: text, or from -o."
)
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=str))
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]))
@_CONFIG
@click.option("--no-cache", is_flag=True, help="Neither read nor write the rule and embedding caches.")
def diff(paths, git, fmt, outputs, fail_on, config_file, no_cache) -> None:
    """Compare two versions of a deck: rules added, removed and reworded; findings new, resolved, unchanged.

    \b
    guidecheck diff old/ new/                      two folders (or two files)
    guidecheck diff --git main..HEAD guidelines/   a path at two revisions
    guidecheck diff --git main.. guidelines/ -o diff.html -o diff.json

    Exit 1 when the new version adds a finding at or above --fail-on (default: error).
    """
    from .cli import EXIT_FINDINGS, EXIT_OK, ToolFailure, _config
    from .diff import DiffError, build, tempdir
    from .model import SEVERITY_RANK
    from .report import SUFFIX_FORMATS
    from .report.diff_render import renderer

    cfg = _config(paths[-1:], config_file, fail_on=fail_on, cache_dir="off" if no_cache else None)
    with tempdir() as tmp:
        try:
            old, new, labels = _reports(paths, git, cfg, tmp)
        except DiffError as exc:
            raise ToolFailure(str(exc)) from None
    result = build(old, new, cfg, labels)
    targets = [
        (fmt if fmt and len(outputs) == 1 else SUFFIX_FORMATS.get(Path(o).suffix.lower()), o) for o in outputs
    ]
    for out_fmt, out in targets or [(fmt or "text", None)]:
        if out_fmt not in ("text", "json", "html"):
            raise click.UsageError(f"cannot tell the format of '{out}' from its extension; use --format")
        _write(renderer(out_fmt)(result), out)
    threshold = cfg.fail_on
    worse = [
        f
        for f in result["findings"]["new"]
        if SEVERITY_RANK[f["severity"]] >= SEVERITY_RANK.get(threshold, 9)
    ]
    sys.exit(EXIT_FINDINGS if threshold != "never" and worse else EXIT_OK)
