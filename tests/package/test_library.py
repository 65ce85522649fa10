"""The library's content keys (drawn_figures/library.py): whatever can change a picture changes its key.

No diagram is drawn here: the libraries are made before their folder exists, so they start no
drawing, and only their keys are compared.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from drawn_figures import ChildExit, DiagramError, library
from drawn_figures.cache import SECONDS_PER_DAY, DiskCache
from drawn_figures.library import DiagramLibrary, GraphvizTroubleError, failure, toolchain
from drawn_figures.server import Finished

DIAGRAM = 'CAPTION = "c"\nALT = "a"\n'
FILES = {
    "_shared.py": "WIDTH = 1\n",
    "_through.py": "from _shared import WIDTH\n",
    "_unused.py": "HEIGHT = 2\n",
    "direct.py": "from _shared import WIDTH\n" + DIAGRAM,
    "indirect.py": "def draw():\n    import _through\n\n" + DIAGRAM,  # an import inside a function counts
    "alone.py": "import os\n" + DIAGRAM,
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "diagrams"


def library_of(folder: Path, font: str = "DejaVu Sans") -> DiagramLibrary:
    """A library whose folder does not exist yet when it is made, so that it draws nothing; then the files."""
    library = DiagramLibrary(folder, folder.parent / "cache", timeout=60, font=font)
    folder.mkdir(exist_ok=True)
    for name, text in FILES.items():
        if not (folder / name).exists():
            (folder / name).write_text(text, encoding="utf-8")
    return library


def changed(folder: Path, edit: Callable[[], None], font: str = "DejaVu Sans") -> set[str]:
    """The diagrams whose key `edit` changes."""
    before = library_of(folder).keys()
    edit()
    after = library_of(folder, font).keys()
    assert before.keys() == after.keys()
    return {name for name in before if before[name] != after[name]}


def append(path: Path, text: str = "# edited\n") -> Callable[[], None]:
    return lambda: path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_helper_changes_the_keys_of_the_diagrams_that_import_it_directly_or_not(folder: Path) -> None:
    assert changed(folder, append(folder / "_shared.py")) == {"direct", "indirect"}


def test_a_helper_imported_by_one_helper_changes_only_its_users(folder: Path) -> None:
    assert changed(folder, append(folder / "_through.py")) == {"indirect"}


def test_a_helper_nobody_imports_changes_no_key(folder: Path) -> None:
    assert changed(folder, append(folder / "_unused.py")) == set()


def test_a_diagram_changes_its_own_key_alone(folder: Path) -> None:
    assert changed(folder, append(folder / "alone.py")) == {"alone"}


def test_a_file_that_is_no_helper_module_changes_every_key(folder: Path) -> None:
    def add_icon() -> None:
        (folder / "icons").mkdir()
        (folder / "icons" / "box.png").write_bytes(b"\x89PNG not really")

    assert changed(folder, add_icon) == {"direct", "indirect", "alone"}


def test_a_diagram_that_cannot_be_parsed_counts_every_helper(folder: Path) -> None:
    library_of(folder)
    (folder / "alone.py").write_text("import os\nthis is not Python (\n", encoding="utf-8")
    assert changed(folder, append(folder / "_unused.py")) == {"alone"}


def test_the_font_is_in_every_key(folder: Path) -> None:
    assert changed(folder, lambda: None, font="Liberation Sans") == {"direct", "indirect", "alone"}


def test_another_graphviz_program_changes_every_key(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Graphviz stands in the key by its `dot` program: another one (an upgrade, say) is another key."""
    dot = shutil.which("dot")
    assert dot, "Graphviz is not installed (make test installs it)"
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    copy = Path(shutil.copy(dot, bin_folder / "dot"))
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    toolchain.cache_clear()

    def upgrade() -> None:
        copy.write_bytes(copy.read_bytes() + b"\0")  # a program of another size
        toolchain.cache_clear()

    try:
        assert changed(folder, upgrade) == {"direct", "indirect", "alone"}
    finally:
        toolchain.cache_clear()


def test_another_version_of_a_drawing_package_changes_every_key(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade of `diagrams` cannot happen inside a test: its version, as importlib reports it, stands in."""
    real_version = library.version

    def upgrade() -> None:
        monkeypatch.setattr(library, "version", lambda name: "99.0" if name == "diagrams" else real_version(name))
        toolchain.cache_clear()

    toolchain.cache_clear()
    try:
        assert changed(folder, upgrade) == {"direct", "indirect", "alone"}
    finally:
        monkeypatch.undo()
        toolchain.cache_clear()


def test_making_a_library_prunes_the_cache_but_keeps_every_current_diagram(folder: Path) -> None:
    keys = library_of(folder).keys()
    cache = DiskCache(folder.parent / "cache")
    figure = {"caption": "c", "alt": "a", "description": "", "table": "", "svg": "<svg/>"}
    for key in [*keys.values(), "f" * 32]:  # the current diagrams', and one of a diagram since deleted
        cache.put(key, figure)
        long_ago = cache.entry(key).stat().st_mtime - 365 * SECONDS_PER_DAY
        os.utime(cache.entry(key), (long_ago, long_ago))
    library = DiagramLibrary(folder, cache.folder, timeout=60)  # every diagram is cached: it draws nothing
    assert sorted(path.stem for path in cache.folder.glob("*.json")) == sorted(keys.values())
    assert library.cache.get(keys["alone"]) == figure


@pytest.mark.parametrize(
    ("finished", "error", "message"),
    [
        (Finished(ChildExit.MISTAKE, "", "diagrams/x.py:3: NameError: ..."), DiagramError, r"^diagrams/x\.py:3: Name"),
        (Finished(ChildExit.GRAPHVIZ_TROUBLE, "", "Graphviz is not installed"), GraphvizTroubleError, "^Graphviz is"),
        (Finished(ChildExit.GRAPHVIZ_TROUBLE, "", ""), GraphvizTroubleError, r"Graphviz trouble \(status 2\)"),
        (Finished(ChildExit.MISTAKE, "", ""), DiagramError, "exited with status 1$"),
        (Finished(7, "", "said this"), DiagramError, "exited with status 7; it said:\nsaid this$"),
        (Finished(-9, "", ""), DiagramError, r"crashed \(SIGKILL, signal 9\)$"),
    ],
)
def test_how_a_child_ended_becomes_the_error_it_stands_for(
    finished: Finished, error: type[DiagramError], message: str
) -> None:
    found = failure("diagrams/x.py", finished)
    assert type(found) is error
    assert re.search(message, str(found)), str(found)
