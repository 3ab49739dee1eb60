"""The package's shape (docs/architecture.md): imports point down the layers core → session →
widgets → app, no module imports one that imports it back, no file under session/ or app/
grows past 400 lines and none under widgets/ past 500. Read from the sources, without importing
them."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "bpstudio"
LAYERS = ("core", "session", "widgets", "app")
MAX_LINES = 400
MAX_WIDGET_LINES = 500  # a view with one job (issue 26)


def modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts): p
            for p in PACKAGE.rglob("*.py")}


def imported(name: str, path: Path, known) -> set[str]:
    """The package's modules that ``name`` imports, anywhere in it (in functions too)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                for candidate in (f"{target}.{alias.name}", target):
                    if candidate in known:
                        found.add(candidate)
                        break
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
    found.discard(name)
    return {m for m in found if not name.startswith(m + ".") and m != "bpstudio"}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(name, path, known) for name, path in known.items()}


def layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_imports_point_down_the_layers():
    wrong = [(a, b) for a, targets in graph().items() for b in targets
             if layer(a) is not None and layer(b) is not None and layer(b) > layer(a)]
    assert wrong == []


def test_no_module_imports_one_that_imports_it_back():
    edges = graph()
    cycles = []

    def visit(node, path, seen):
        for nxt in sorted(edges[node]):
            if nxt == path[0]:
                cycles.append(path + [nxt])
            elif nxt not in seen and nxt > path[0]:  # each cycle once, from its smallest module
                seen.add(nxt)
                visit(nxt, path + [nxt], seen)

    for start in sorted(edges):
        visit(start, [start], {start})
    assert cycles == []


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    """The reader above finds what it must: gui.py imports the main window inside run_gui."""
    assert "bpstudio.app.main_window" in graph()["bpstudio.app.gui"]
    assert "bpstudio.core.network" in graph()["bpstudio.core.trainer"]


def test_no_file_of_the_session_or_app_layer_is_over_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for layer_ in ("session", "app")
            for p in (PACKAGE / layer_).glob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_widget_file_is_over_500_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in (PACKAGE / "widgets").glob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_WIDGET_LINES}
    assert long == {}
