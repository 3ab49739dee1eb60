"""Where the top-level resources/ folder lives: inside the installed package, or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    installed = _PACKAGE / "resources"  # pip install maps resources/ to bpstudio/resources/
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"  # running from a source checkout (python main.py)


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
