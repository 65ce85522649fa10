"""Content keys (drawn_figures.keys): whatever can change a picture changes its key, and nothing else does.

No diagram is drawn here: only keys are compared.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from drawn_figures import keys
from drawn_figures.keys import DiagramFolder, toolchain

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


def folder_of(folder: Path, font: str = "DejaVu Sans") -> DiagramFolder:
    """The diagram folder with FILES in it (those not there yet)."""
    folder.mkdir(exist_ok=True)
    for name, text in FILES.items():
        if not (folder / name).exists():
            (folder / name).write_text(text, encoding="utf-8")
    return DiagramFolder(folder, font)


def changed(folder: Path, edit: Callable[[], None], font: str = "DejaVu Sans") -> set[str]:
    """The diagrams whose key `edit` changes."""
    before = folder_of(folder).keys()
    edit()
    after = folder_of(folder, font).keys()
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
    folder_of(folder)
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
    real_version = keys.version

    def upgrade() -> None:
        monkeypatch.setattr(keys, "version", lambda name: "99.0" if name == "diagrams" else real_version(name))
        toolchain.cache_clear()

    toolchain.cache_clear()
    try:
        assert changed(folder, upgrade) == {"direct", "indirect", "alone"}
    finally:
        monkeypatch.undo()
        toolchain.cache_clear()
