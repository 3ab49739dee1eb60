"""Colours live in widgets/palette.py only: Python code takes them from there (the themes' style
sheets, resources/styles/*.qss, keep their own). A colour pasted anywhere else drifts from the
palette and from the themes; the session layer, which draws nothing, names none."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "bpstudio"
PALETTE = PACKAGE / "widgets" / "palette.py"
# #rgb, #rrggbb, #aarrggbb; not an HTML entity (&#123;) nor part of a word
HEX_COLOUR = re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
# a colour typed into a style sheet: "color: red" (one built from a QColor's name() is "{…}")
# (one word and then ; or the string's end: "in the background: a file read" is prose)
STYLE_COLOUR = re.compile(r"[\"'][^\"'\n]*(?<![\w-])(?:color|background(?:-color)?|border-color)"
                          r"\s*:\s*(?![{\s])[^;\"'\s]+\s*(?:;|[\"'])")
COLOUR_NAME = re.compile(r"COLOU?R")  # in a constant's name: RUN_COLOURS, TWIN_COLOR


def sources():
    return sorted(p for p in PACKAGE.rglob("*.py") if p != PALETTE)


def places(pattern: re.Pattern, paths) -> list[str]:
    return [f"{p.relative_to(PACKAGE.parent)}:{n}: {line.strip()}"
            for p in paths for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if pattern.search(line)]


def test_no_hex_colour_outside_the_palette():
    found = places(HEX_COLOUR, sources())
    assert found == [], "take these colours from bpstudio/widgets/palette.py:\n" + "\n".join(found)


def test_style_sheets_in_code_take_their_colours_from_the_palette():
    found = places(STYLE_COLOUR, sources())
    assert found == [], ("build the colour from a palette QColor's name():\n" + "\n".join(found))


def colour_names(paths) -> list[str]:
    """Constants named for colours (RUN_COLOURS = …) and uses of QColor in ``paths``."""
    found = []
    for p in paths:
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [t.id for t in targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.Name) and node.id == "QColor":
                names = [node.id]
            found += [f"{p.name}:{node.lineno}: {name}" for name in names
                      if name == "QColor" or (name.isupper() and COLOUR_NAME.search(name))]
    return found


def test_the_session_and_the_core_keep_no_colours():
    """A twin run carries a colour index; the views look the colour up (palette.run_colour)."""
    found = colour_names(sorted((PACKAGE / "session").rglob("*.py"))
                         + sorted((PACKAGE / "core").rglob("*.py")))
    assert found == [], "colours belong to bpstudio/widgets/palette.py:\n" + "\n".join(found)


def test_the_scans_find_what_they_look_for(tmp_path):
    """The patterns match the drifts they are for (a scan that finds nothing proves nothing)."""
    assert HEX_COLOUR.search('pen = QColor("#7b2cbf")') and HEX_COLOUR.search("'#fff'")
    assert not HEX_COLOUR.search('f"#{k}"') and not HEX_COLOUR.search("&#1234;")
    assert not HEX_COLOUR.search("# a comment") and not HEX_COLOUR.search('"#1 of 150"')
    assert STYLE_COLOUR.search('label.setStyleSheet("color: #b3470c; font-weight: bold")')
    assert STYLE_COLOUR.search("w.setStyleSheet('background-color: white')")
    assert not STYLE_COLOUR.search('label.setStyleSheet(f"color: {WARNING.name()}; x")')
    assert not STYLE_COLOUR.search("plot_background: str")
    assert not STYLE_COLOUR.search('"""Work under way in the background: a file read, a run"""')
    runs = tmp_path / "runs.py"
    runs.write_text('RUN_COLOURS = ("a", "b")\ncolour_index = 2\nc: object = QColor(1, 2, 3)\n',
                    encoding="utf-8")
    assert colour_names([runs]) == ["runs.py:1: RUN_COLOURS", "runs.py:3: QColor"]
