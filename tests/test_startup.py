"""Start-up: the commands that only print help or the check list never import torch, spaCy or the encoders.

Each command runs in a fresh interpreter, so an import anywhere on its path (the CLI module, the check
registry, the report docs) shows up in ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("torch", "spacy", "transformers", "sentence_transformers", "onnxruntime", "usearch", "dask")
PROBE = """
import json, sys
sys.argv = ["guidecheck", *{args!r}]
from guidecheck.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({{"code": code, "heavy": sorted(m for m in {heavy!r} if m in sys.modules)}}), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["checks"], ["check", "--help"], ["--version"]])
def test_help_and_check_list_import_no_model_stack(args):
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args, heavy=HEAVY)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    result = json.loads(proc.stderr.strip().splitlines()[-1])
    assert result["code"] in (0, None)
    assert result["heavy"] == []
    assert proc.stdout  # the help text or the check list was printed
