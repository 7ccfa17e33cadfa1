"""The layers hold: import-linter's contracts, and importing the core never loads PySide6."""

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "scrutiny_desktop"
CORE = sorted(
    ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
    for p in PACKAGE.rglob("*.py")
    # app.py is the composition root; __main__.py a launcher like main.py (importing it runs it).
    if "ui" not in p.relative_to(PACKAGE).parts and p.name not in ("app.py", "__main__.py")
)


def test_the_core_has_modules_to_check():
    assert {
        "scrutiny_desktop.book.store",
        "scrutiny_desktop.cli",
        "scrutiny_desktop.domain.model",
    } <= set(CORE)


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_load_qt(module):
    code = f"import sys, {module}; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_the_import_contracts_hold():
    """The floors, the record above the domain's rules, no Qt below the window, the book and
    the outputs apart: import-linter's contracts in pyproject.toml (as `make lint` runs them)."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=PACKAGE.parent, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert ", 0 broken." in done.stdout


def test_the_app_module_loads_qt_only_when_a_window_opens():
    code = "import sys, scrutiny_desktop.app; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_no_module_imports_one_that_imports_it_back():
    """No import circle anywhere in the package, counting imports made only for type
    checking and inside functions (grimp reads every import statement)."""
    import grimp

    graph = grimp.build_graph("scrutiny_desktop", exclude_type_checking_imports=False)
    circles = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            circle = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                circle.append(member)
                if member == module:
                    break
            if len(circle) > 1:
                circles.append(sorted(circle))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    assert circles == []
