"""Check the GitHub workflows against GitHub's schema, naming the file and line of each mistake.

    .venv/bin/python -m scripts.check_workflows [WORKFLOW ...]   (default: .github/workflows/*.yml)

It runs `check-jsonschema --builtin-schema vendor.github-workflows`, which works
offline (the schema ships with it) but names a mistake by its path in the
document (`$.jobs.test.steps[1]`); this script turns that path into the line of
the file, and prints `FILE:LINE: message`. Exit status 1 when any file is invalid.
`make lint` runs it next to `zizmor --offline`, the security audit.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
STEP = re.compile(r"\.([^.\[\]]+)|\[(\d+)\]|\[['\"](.+?)['\"]\]")
UNEXPECTED = re.compile(r"\('([^']+)' was unexpected\)")


def line_of(document: Any, path: str, message: str) -> int:
    """The 1-based line that `path` (`$.jobs.test.steps[1]`) names in the loaded YAML document."""
    node, line = document, 0
    for name, index, quoted in STEP.findall(path.removeprefix("$")):
        key: str | int = int(index) if index else name or quoted
        if not isinstance(node, CommentedMap | CommentedSeq):
            break
        try:
            line = (node.lc.item(key) if isinstance(key, int) else node.lc.key(key))[0]
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
    unexpected = UNEXPECTED.search(message)  # point at the key that should not be there
    if unexpected and isinstance(node, CommentedMap) and unexpected.group(1) in node:
        line = node.lc.key(unexpected.group(1))[0]
    return line + 1


def yaml_error(path: Path) -> str:
    """Why a workflow is not YAML, at the line where reading it stopped."""
    try:
        YAML().load(path.read_text(encoding="utf-8"))
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        return f"{path}{line}: not valid YAML: {error.problem or error.context}"
    except (OSError, YAMLError) as error:
        return f"{path}: cannot be read as YAML: {error}"
    return f"{path}: cannot be read as a workflow"


def problems(files: list[Path]) -> list[str]:
    result = subprocess.run(
        [
            str(CHECK_JSONSCHEMA),
            "--builtin-schema",
            "vendor.github-workflows",
            "--output-format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stdout)
    found = [yaml_error(Path(error["filename"])) for error in report.get("parse_errors", [])]
    for error in report.get("errors", []):
        # The deepest match says what is wrong in words a person can act on; the top error only says "not valid".
        best = error.get("best_deep_match") or error
        document = YAML().load(Path(error["filename"]).read_text(encoding="utf-8"))
        line = line_of(document, best["path"], best["message"])
        found.append(f"{error['filename']}:{line}: {best['message']} (at {best['path']})")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.check_workflows",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("workflows", nargs="*", type=Path, help="the files to check (default: .github/workflows/*.yml)")
    files = parser.parse_args(argv).workflows or sorted(Path(".github/workflows").glob("*.y*ml"))
    if not files:
        print("error: no workflow to check in .github/workflows", file=sys.stderr)
        return 2
    found = problems(files)
    for problem in found:
        print(problem, file=sys.stderr)
    print(f"check-workflows: {len(files)} workflows, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
