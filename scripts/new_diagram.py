"""Start a new diagram: write diagrams/NAME.py from a template that builds as it is.

    make diagram NAME=NAME        (or: .venv/bin/python -m scripts.new_diagram NAME)

NAME is the diagram's name, lower-case words joined by hyphens (`request-path`);
a page shows the diagram with a line `{diagram: NAME}`. The new file draws a
placeholder picture with a placeholder caption and alt text
(scripts/new_diagram.template): replace them with yours. An existing file is
never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from string import Template

from drawn_figures.keys import NAME
from scripts.shared.project import ROOT

TEMPLATE = Path(__file__).with_name("new_diagram.template")


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.new_diagram", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("name", help="the diagram's name, e.g. request-path")
    parser.add_argument("--folder", type=Path, default=ROOT / "diagrams", help="the diagram folder (default: diagrams)")
    arguments = parser.parse_args()
    name: str = arguments.name.removesuffix(".py")
    if not NAME.fullmatch(name):
        print(
            f"error: {name!r} is not a diagram name: use lower-case words joined by hyphens, e.g. request-path",
            file=sys.stderr,
        )
        return 2
    if not arguments.folder.is_dir():
        print(f"error: there is no diagram folder {arguments.folder}", file=sys.stderr)
        return 2
    path = arguments.folder / f"{name}.py"
    if path.exists():
        print(f"error: {path} already exists; pick another name, or edit that file", file=sys.stderr)
        return 1
    title = name.replace("-", " ").capitalize()
    path.write_text(Template(TEMPLATE.read_text(encoding="utf-8")).substitute(title=title), encoding="utf-8")
    print(f"Created {path}. Show it on a page with a line of its own:\n\n    {{diagram: {name}}}\n")
    print("Then replace the placeholder picture, CAPTION, ALT and DESCRIPTION with yours (CONTRIBUTING.md, section 4).")
    print("A new page for it needs what the checklist in CONTRIBUTING.md, section 3, lists.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
