"""Where the top-level resources/ folder lives: inside the installed package, or in a checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """Looked up once: a file-system call on the GUI thread can wait behind a large write (a
    theme switch once waited 401 ms in this stat)."""
    installed = _PACKAGE / "resources"  # pip install maps resources/ to bpstudio/resources/
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"  # running from a source checkout (python main.py)


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
