#!/usr/bin/env bash
# The shell step of action.yml, runnable locally (the tests run it with GITHUB_* pointed at temp files).
# Inputs come as environment variables: GC_PATHS, GC_FAIL_ON, GC_BASELINE, GC_SARIF, GC_ARGS.
# Writes: annotations on stdout (-f github), SARIF to $GC_SARIF, the text report to $GITHUB_STEP_SUMMARY,
# and the outputs sarif-file and exit-code to $GITHUB_OUTPUT. Exits with guidecheck's exit code.
set -u
GUIDECHECK="${GUIDECHECK:-guidecheck}"
paths="${GC_PATHS:-.}"
sarif="${GC_SARIF:-guidecheck.sarif}"
text="$(mktemp "${RUNNER_TEMP:-/tmp}/guidecheck-XXXXXX.txt")"
args=(--fail-on "${GC_FAIL_ON:-error}")
if [ -n "${GC_BASELINE:-}" ]; then args+=(--baseline "$GC_BASELINE"); fi
# shellcheck disable=SC2206  # paths and extra arguments are word-split on purpose
extra=(${GC_ARGS:-})
# shellcheck disable=SC2086
$GUIDECHECK check $paths "${args[@]}" "${extra[@]}" -o "$sarif" -o "$text"
code=$?
# Annotations (-f github) go to stdout in a second run, served from the run cache in well under a second.
$GUIDECHECK check $paths "${args[@]}" "${extra[@]}" -f github --fail-on never || true
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$text" ]; then
  {
    echo "### guidecheck"
    echo
    echo '```'
    cat "$text"
    echo '```'
  } >> "$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
  echo "exit-code=$code" >> "$GITHUB_OUTPUT"
fi
rm -f "$text"
exit "$code"
