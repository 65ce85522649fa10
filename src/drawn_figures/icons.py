"""Icons for diagrams: where the `diagrams` package and Material for MkDocs keep theirs, and help to find one.

- `icon_file(Icon)`: the image file of an icon class such as `diagrams.aws.compute.Lambda`, or a
  path given as a string, unchanged; the package's private lookup behind it is in `drawn_figures.diagrams_api`.
- `material("server")`: a Material Design icon as a vector (the icons that ship with Material for
  MkDocs, Apache-2.0): generic symbols that name no vendor, sharp at any zoom.
- `did_you_mean(error)`: for a misspelled icon or icon set, the real names that are close to it or
  contain it (`SQSQueue` finds `SimpleQueueServiceSqsQueue`), and the command that lists them.
- `python -m drawn_figures.icons aws.compute` lists a set's icons, `... aws` a provider's sets,
  `... aws queue` the provider's icons whose names contain "queue", with their import lines, and
  `... material queue` the Material Design icons for "queue".

Material's own icon search reads tags and aliases that do not ship with the package: the installed
SVG files hold a path and nothing else, and pymdown-extensions' databases cover emoji only. So the
search by meaning, offline, reads `MEANINGS`, a short table of what an explainer of cloud computing
draws; the search by name reads every file name.
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
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from drawn_figures.diagrams_api import icon_image

CANNOT_IMPORT = re.compile(r"cannot import name '(?P<name>\w+)' from '(?P<module>[\w.]+)'")
COMMAND = "python -m drawn_figures.icons"
MATERIAL = "material"  # the command's name for Material Design's icons
MATERIAL_ICON_PT = 24  # the icons' own grid: viewBox 0 0 24 24
SUGGESTIONS = 5  # at most, of which at most three close ones
# The words of a name: `SQSQueue` → SQS, Queue; `tray-full` → tray, full; `EC2Instance` → EC2, Instance.
WORD = re.compile(r"[A-Z0-9]+(?![a-z])|[A-Z]?[a-z0-9]+")

# What a figure of cloud computing shows → Material Design icons that say it. A search word finds a
# meaning when one starts the other ("queues" finds queue, "data" finds database). Every name here is
# checked against the installed icons by the package's tests.
MEANINGS: dict[str, tuple[str, ...]] = {
    "api": ("api", "swap-horizontal", "transit-connection-variant"),
    "application": ("apps", "application-outline", "web"),
    "cache": ("cached", "memory"),
    "cloud": ("cloud-outline", "cloud"),
    "code": ("code-braces", "console", "source-branch"),
    "computer": ("laptop", "monitor"),
    "container": ("package-variant-closed", "package-variant", "docker", "cube-outline"),
    "cost": ("currency-usd", "cash-multiple"),
    "database": ("database", "database-outline", "table-large"),
    "event": ("lightning-bolt-outline", "bell-outline", "broadcast"),
    "function": ("function-variant", "lambda", "code-braces"),
    "internet": ("web", "earth", "cloud-outline"),
    "load balancer": ("scale-balance", "arrow-decision-outline"),
    "message": ("email-outline", "message-text-outline", "send-outline"),
    "monitoring": ("chart-line", "text-box-search-outline"),
    "network": ("lan", "network-outline", "router-network", "wan"),
    "phone": ("cellphone", "tablet-cellphone"),
    "processor": ("chip", "cpu-64-bit", "memory"),
    "queue": ("tray-full", "inbox-multiple", "format-list-numbered", "human-queue", "tray-arrow-up"),
    "region": ("map-marker-radius-outline", "earth"),
    "runtime": ("play-circle-outline",),
    "schedule": ("clock-outline", "timer-outline", "calendar-clock"),
    "security": ("lock-outline", "key-variant", "shield-lock-outline"),
    "server": ("server", "server-network", "dns"),
    "storage": ("harddisk", "bucket-outline", "folder-outline", "file-document-outline"),
    "user": ("account", "account-group", "human-greeting-variant"),
    "virtual machine": ("layers-triple-outline", "monitor"),
}


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


def material_names() -> list[str]:
    return sorted(path.stem for path in material_icons().glob("*.svg"))


def material(name: str) -> str:
    """The file of the Material Design icon `name` (e.g. "server"; `python -m drawn_figures.icons material WORD`).

    Graphviz reads an SVG image only when it starts with an XML declaration and has a width and a
    height, which the icons lack; so this writes a copy that has them, named by its content, in the
    system's temporary folder, where every drawing can share it. `drawn_figures.svg` embeds it in the figure.
    """
    source = material_icons() / f"{name}.svg"
    if not source.is_file():
        close = suggestions(name, material_names())
        guess = f" Did you mean {' or '.join(repr(found) for found in close)}?" if close else ""
        raise FileNotFoundError(
            f"no Material Design icon {name!r}.{guess} Search them with `{COMMAND} {MATERIAL} WORD`."
        )
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
    return sorted(
        name
        for name in dir(module)
        if name[:1].isupper()
        and isinstance(icon := getattr(module, name), type)
        and icon.__module__ == module.__name__  # not a class it imports
    )


def set_names(package: ModuleType) -> list[str]:
    """The icon sets (modules) of a provider package, e.g. `compute` in `diagrams.aws`."""
    return sorted(info.name for info in pkgutil.iter_modules(getattr(package, "__path__", [])))


def shown(module: str) -> str:
    return module.removeprefix("diagrams.")


def words(name: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(name)]


def suggestions(typed: str, options: list[str]) -> list[str]:
    """The options close to `typed` (difflib), then those that contain it, or its words in order, whatever the case.

    Containment finds what a close match cannot: `SQSQueue` is far from `SimpleQueueServiceSqsQueue`
    as a whole, but its words, SQS and Queue, are in it in the same order.
    """
    close = difflib.get_close_matches(typed, options, n=3, cutoff=0.6)
    in_order = re.compile(".*".join(re.escape(word) for word in words(typed) or [typed.casefold()]))
    containing = [option for option in options if in_order.search(option.casefold())]
    containing.sort(key=lambda option: (typed.casefold() not in option.casefold(), len(option), option))
    return list(dict.fromkeys(close + containing))[:SUGGESTIONS]


def did_you_mean(error: BaseException) -> str | None:
    """A hint for an icon or icon set of the `diagrams` package that does not exist; None for anything else."""
    if isinstance(error, ModuleNotFoundError) and (error.name or "").startswith("diagrams."):
        parent, _, missing = error.name.rpartition(".")  # type: ignore[union-attr]  # checked just above
        try:
            package = importlib.import_module(parent)
        except ImportError:
            return None
        options, listing = set_names(package), shown(parent)
        kind = "icon set"
    elif isinstance(error, ImportError) and (found := CANNOT_IMPORT.search(str(error))):
        if not found["module"].startswith("diagrams."):
            return None
        missing, module = found["name"], importlib.import_module(found["module"])
        options, listing = icon_names(module), shown(found["module"])
        kind = "icon"
    else:
        return None
    close = suggestions(missing, options)
    guess = f"Did you mean {' or '.join(f'`{name}`' for name in close)}? " if close else ""
    return f"no {kind} {missing!r}. {guess}List them with `{COMMAND} {listing}`."


def contains_every(name: str, wanted: Iterable[str]) -> bool:
    return all(word in name.casefold() for word in wanted)


def meanings_of(wanted: list[str]) -> dict[str, tuple[str, ...]]:
    """The entries of `MEANINGS` that one of the search words finds: one starts the other.

    A word of one or two letters finds none, or "a" would find every meaning that starts with it.
    """
    return {
        meaning: names
        for meaning, names in MEANINGS.items()
        if any(
            part.startswith(word) or word.startswith(part)
            for word in wanted
            if len(word) >= 3
            for part in meaning.split()
        )
    }


def search_material(wanted: list[str]) -> list[str]:
    """The lines that answer `material WORD...`: icons by meaning, then icons whose names contain every word."""
    by_meaning = {name: meaning for meaning, names in meanings_of(wanted).items() for name in names}
    by_name = [name for name in material_names() if contains_every(name, wanted) and name not in by_meaning]
    return [f"{name}  (means {meaning})" for name, meaning in by_meaning.items()] + by_name


def icons_under(module: ModuleType) -> Iterator[tuple[str, str]]:
    """(module, icon) for every icon of a set, or of every set under a provider or the whole package."""
    if not hasattr(module, "__path__"):
        yield from ((module.__name__, name) for name in icon_names(module))
        return
    for info in pkgutil.walk_packages(module.__path__, f"{module.__name__}."):
        if not info.ispkg:
            inner = importlib.import_module(info.name)
            yield from ((inner.__name__, name) for name in icon_names(inner))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=COMMAND,
        description="List or search the icons a diagram can use: the `diagrams` package's, and Material Design's.",
        epilog="\n".join(
            f"  {COMMAND} {example:<16} {what}"
            for example, what in [
                ("aws.compute", "the icons of a set"),
                ("aws", "the sets of a provider"),
                ("aws queue", "the provider's icons whose names contain 'queue'"),
                ("diagrams queue", "the same, of every provider"),
                (f"{MATERIAL} queue", "the Material Design icons for a queue, by meaning and by name"),
            ]
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("where", help=f"an icon set (aws.compute), a provider (aws), diagrams, or {MATERIAL}")
    parser.add_argument("words", nargs="*", help="words the icon's name or meaning must contain")
    arguments = parser.parse_args(argv)
    wanted = [word.casefold() for word in arguments.words]
    if arguments.where == MATERIAL:
        found = search_material(wanted) if wanted else material_names()
        title = f"Material Design icons for {' '.join(arguments.words)!r}" if wanted else "Material Design icons"
        return answer(f'{title} (`material("NAME")` from drawn_figures.icons):', found)
    module_name = arguments.where if arguments.where.startswith("diagrams") else f"diagrams.{arguments.where}"
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        print(f"error: {did_you_mean(error) or error}", file=sys.stderr)
        return 2
    if wanted:
        found = [f"from {inner} import {name}" for inner, name in icons_under(module) if contains_every(name, wanted)]
        return answer(f"Icons of {module_name} whose names contain {' '.join(arguments.words)!r}:", found)
    if hasattr(module, "__path__"):
        return answer(
            f"Icon sets of {module_name} (list one with `{COMMAND} {shown(module_name)}.SET`, "
            f"search them with `{COMMAND} {shown(module_name)} WORD`):",
            set_names(module),
        )
    return answer(f"Icons of {module_name} (`from {module_name} import NAME`):", icon_names(module))


def answer(title: str, lines: list[str]) -> int:
    """Print what was found under its title; 1, as grep does, when nothing was."""
    if not lines:
        print(f"{title} none", file=sys.stderr)
        return 1
    print(title, *lines, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
