"""Icons for diagrams: the one place that knows where the `diagrams` package keeps its icons.

- `icon_file(Icon)`: the image file of an icon class such as `diagrams.aws.compute.Lambda`,
  or a path given as a string, unchanged. The house building blocks (`diagrams/_style.py`)
  find every icon through it; the package's private lookup behind it is in `drawn_figures.diagrams_api`.
- `material("server")`: a Material Design icon, as a vector (the icons that ship with
  Material for MkDocs, Apache-2.0): generic symbols that name no vendor, sharp at any zoom.
- `did_you_mean(error)`: for a misspelled icon (`from diagrams.aws.compute import Lamda`) or
  icon set (`import diagrams.aws.compte`), the closest real names and the command that lists them.
- `python -m drawn_figures.icons diagrams.aws.compute` (or `make icons SET=aws.compute`) lists the
  icons of a set, and `python -m drawn_figures.icons diagrams.aws` the sets of a provider.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib
import importlib.util
import os
import pkgutil
import re
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from drawn_figures.diagrams_api import icon_image

CANNOT_IMPORT = re.compile(r"cannot import name '(?P<name>\w+)' from '(?P<module>[\w.]+)'")
LIST_COMMAND = "make icons SET={}"
MATERIAL_ICON_PT = 24  # the icons' own grid: viewBox 0 0 24 24


def icon_file(icon: type[Any] | str) -> str:
    """The image file that stands for `icon`: an icon class of the `diagrams` package, or a path."""
    if isinstance(icon, str):
        return icon
    return icon_image(icon)


def material_icons() -> Path:
    """The folder of Material Design icons inside Material for MkDocs."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("Material for MkDocs is not installed: `pip install mkdocs-material`")
    return Path(spec.origin).parent / "templates" / ".icons" / "material"


def material(name: str) -> str:
    """The file of the Material Design icon `name` (e.g. "server"; see the icon search of Material's docs).

    Graphviz reads an SVG image only when it starts with an XML declaration and has a width and a
    height, which the icons lack; so this writes a copy that has them, named by its content, in the
    system's temporary folder, where every drawing can share it. `drawn_figures.svg` embeds it in the figure.
    """
    source = material_icons() / f"{name}.svg"
    if not source.is_file():
        close = difflib.get_close_matches(name, [path.stem for path in material_icons().glob("*.svg")], n=3)
        guess = f" Did you mean {' or '.join(repr(found) for found in close)}?" if close else ""
        raise FileNotFoundError(f"no Material Design icon {name!r}.{guess}")
    size = f'width="{MATERIAL_ICON_PT}" height="{MATERIAL_ICON_PT}" '
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + source.read_text(encoding="utf-8").replace(
        "<svg ", f"<svg {size}", 1
    )
    folder = Path(tempfile.gettempdir()) / "figures-icons"
    prepared = folder / f"{name}-{hashlib.sha256(text.encode()).hexdigest()[:12]}.svg"
    if not prepared.is_file():
        folder.mkdir(exist_ok=True)
        temporary = prepared.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(prepared)  # whole, even when two drawings prepare it at once
    return str(prepared)


def icon_names(module: ModuleType) -> list[str]:
    """The icon classes a module of the `diagrams` package offers, e.g. `Lambda` in `diagrams.aws.compute`."""
    return sorted(name for name in dir(module) if name[:1].isupper() and isinstance(getattr(module, name), type))


def set_names(package: ModuleType) -> list[str]:
    """The icon sets (modules) of a provider package, e.g. `compute` in `diagrams.aws`."""
    return sorted(info.name for info in pkgutil.iter_modules(getattr(package, "__path__", [])))


def shown(module: str) -> str:
    return module.removeprefix("diagrams.")


def did_you_mean(error: BaseException) -> str | None:
    """A hint for an icon or icon set of the `diagrams` package that does not exist; None for anything else."""
    if isinstance(error, ModuleNotFoundError) and (error.name or "").startswith("diagrams."):
        parent, _, missing = error.name.rpartition(".")  # type: ignore[union-attr]  # checked just above
        try:
            package = importlib.import_module(parent)
        except ImportError:
            return None
        options, listing = set_names(package), LIST_COMMAND.format(shown(parent))
        kind = "icon set"
    elif isinstance(error, ImportError) and (found := CANNOT_IMPORT.search(str(error))):
        if not found["module"].startswith("diagrams."):
            return None
        missing, module = found["name"], importlib.import_module(found["module"])
        options, listing = icon_names(module), LIST_COMMAND.format(shown(found["module"]))
        kind = "icon"
    else:
        return None
    close = difflib.get_close_matches(missing, options, n=3, cutoff=0.6)
    guess = f"Did you mean {' or '.join(f'`{name}`' for name in close)}? " if close else ""
    return f"no {kind} {missing!r}. {guess}List them with `{listing}`."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List the icons of an icon set of the `diagrams` package.")
    parser.add_argument("set", help="an icon set, e.g. aws.compute or diagrams.generic.os; or a provider, e.g. aws")
    name = parser.parse_args(argv).set
    module_name = name if name.startswith("diagrams") else f"diagrams.{name}"
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        print(f"error: {did_you_mean(error) or error}", file=sys.stderr)
        return 2
    if hasattr(module, "__path__"):
        print(f"Icon sets of {module_name} (list one with `{LIST_COMMAND.format(shown(module_name) + '.SET')}`):")
        print(*set_names(module), sep="\n")
    else:
        print(f"Icons of {module_name} (`from {module_name} import NAME`):")
        print(*icon_names(module), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
