"""The diagram folder: which files are diagrams, and a content key for each that changes whenever its picture may.

A diagram is a `.py` file named in lower-case words joined by hyphens. Files
starting with `_`, and everything in sub-folders, are helpers the diagrams share.
A key hashes the diagram's file, the helper modules it imports (directly or
through another helper), every other helper file, the font, and what draws it:
this package's code, the drawing packages' versions and the `dot` program.
Installed fonts are not in the key: after installing fonts, delete the cache.
A helper imported some other way than `import _name` or `from _name import ...`
(with `importlib`, say) is not seen.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import shutil
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path

from drawn_figures import DiagramError

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TOOL_PACKAGES = ("diagrams", "graphviz", "pillow")


@cache
def toolchain() -> bytes:
    """Everything besides the diagram folder that can change a drawing."""
    dot = shutil.which("dot")
    # The installed program itself stands for its version: cheaper than running `dot -V` on every build.
    program = Path(dot).stat() if dot else None
    graphviz = f"{dot}:{program.st_size}:{program.st_mtime_ns}" if program else "missing"
    code = b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
    packages = ",".join(f"{name}={version(name)}" for name in TOOL_PACKAGES)
    return f"{graphviz}|{packages}|".encode() + code


class DiagramFolder:
    """The diagrams of one folder and their keys, hashed again only when a file in it changed."""

    def __init__(self, path: Path, font: str) -> None:
        self.path = path
        self.font = font
        self.snapshot: list[tuple[Path, int, int]] = []
        self.known_keys: dict[str, str] = {}

    def shown(self) -> Path:
        """The folder as messages name it: relative to where the build runs."""
        return Path(os.path.relpath(self.path))

    def sources(self) -> dict[str, Path]:
        """Every diagram in the folder, by name."""
        if not self.path.is_dir():
            raise DiagramError(f"the diagram folder {self.shown()} does not exist; create it or fix `diagrams_dir`")
        found = {}
        for path in sorted(self.path.glob("*.py")):
            if path.name.startswith("_"):
                continue
            if not NAME.fullmatch(path.stem):
                raise DiagramError(
                    f"{self.shown() / path.name}: a diagram's file name must be lower-case words "
                    "joined by hyphens, e.g. my-diagram.py (helpers that diagrams share start with _)"
                )
            found[path.stem] = path
        return found

    def keys(self) -> dict[str, str]:
        """The content key of every diagram, by name."""
        files, snapshot = [], []
        for path in sorted(self.path.rglob("*")):
            parts = path.relative_to(self.path).parts
            if "__pycache__" in parts or any(p.startswith(".") or p.endswith("~") for p in parts):
                continue  # caches, and editors' backup and swap files
            try:
                status = path.stat()
            except FileNotFoundError:  # a temporary file, gone already
                continue
            if path.is_file():
                files.append(path)
                snapshot.append((path, status.st_mtime_ns, status.st_size))
        if snapshot == self.snapshot:
            return self.known_keys
        modules = {path.stem: path for path in files if path.parent == self.path and is_helper_module(path)}
        shared = hashlib.sha256(toolchain() + f"|font={self.font}|".encode())
        for path in files:
            if path.stem not in modules and (path.name.startswith("_") or path.parent != self.path):
                shared.update(f"{path.relative_to(self.path)}\0".encode() + path.read_bytes())
        keys = {}
        imports = cache(imported_modules)  # each helper parsed once, not once per diagram that uses it
        for name, path in self.sources().items():
            digest = shared.copy()
            for helper in sorted(helpers_used(path, modules, imports)):
                digest.update(f"{helper}.py\0".encode() + modules[helper].read_bytes())
            digest.update(path.read_bytes())
            keys[name] = digest.hexdigest()[:32]
        self.snapshot, self.known_keys = snapshot, keys
        return keys


def is_helper_module(path: Path) -> bool:
    return path.name.startswith("_") and path.suffix == ".py" and path.stem.isidentifier()


def imported_modules(path: Path) -> set[str] | None:
    """The top-level names of the modules the Python file at `path` imports; None if it cannot be parsed."""
    try:
        tree = ast.parse(path.read_bytes(), filename=path.name)
    except (SyntaxError, ValueError):
        return None
    found: set[str] = set()
    for node in ast.walk(tree):  # anywhere in the file: an import inside a function counts too
        if isinstance(node, ast.Import):
            found.update(alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.partition(".")[0])
    return found


def helpers_used(
    diagram: Path, modules: dict[str, Path], imports: Callable[[Path], set[str] | None] = imported_modules
) -> set[str]:
    """The helper modules (of `modules`, by name) that `diagram` imports, directly or through one another.

    A file that cannot be parsed is taken to use every helper: it fails to draw anyway, and
    must be drawn again when any of them changes.
    """
    used: set[str] = set()
    waiting = [diagram]
    while waiting:
        imported = imports(waiting.pop())
        names = set(modules) if imported is None else imported & set(modules)
        waiting += [modules[name] for name in names - used]
        used |= names
    return used
