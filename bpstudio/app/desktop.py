"""``bpstudio --install-desktop``: BP Studio in the Linux desktop's menu, with its icon, and
.bpstudio sessions opened by a double click (the freedesktop.org files, for this user only, under
$XDG_DATA_HOME); ``--uninstall-desktop`` takes them away again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .resources import resource_path

APP_ID = "bpstudio"  # the .desktop file's name; the app sets it as its desktop file name
SESSION_TYPE = "application/x-bpstudio-session"
SESSION_ICON = SESSION_TYPE.replace("/", "-")

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{SESSION_TYPE}">
    <comment>BP Studio session</comment>
    <comment xml:lang="zh_CN">BP Studio 会话</comment>
    <sub-class-of type="application/zip"/>
    <icon name="{SESSION_ICON}"/>
    <glob pattern="*.bpstudio"/>
  </mime-type>
</mime-info>
"""


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def installed_files(home: Path | None = None) -> dict[str, Path]:
    home = home or data_home()
    icons = home / "icons" / "hicolor" / "scalable"
    return {"entry": home / "applications" / f"{APP_ID}.desktop",
            "icon": icons / "apps" / f"{APP_ID}.svg",
            "session icon": icons / "mimetypes" / f"{SESSION_ICON}.svg",
            "mime": home / "mime" / "packages" / f"{APP_ID}.xml"}


def _quoted(arg: str) -> str:
    """An Exec argument as the Desktop Entry Specification quotes it (% is a field code)."""
    arg = arg.replace("%", "%%")
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'.replace("\\", "\\\\")  # the key's value is unescaped once more


def launcher() -> list[str]:
    """How this installation starts: its ``bpstudio`` script beside this Python, else the
    Python itself with ``-m bpstudio`` (a source checkout)."""
    script = Path(sys.executable).with_name("bpstudio")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "bpstudio"]


def desktop_entry() -> str:
    exec_line = " ".join(_quoted(a) for a in launcher())
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=BP Studio",
        "GenericName=Neural network simulator",
        "GenericName[zh_CN]=BP 神经网络模拟器",
        "Comment=See back-propagation work, one equation at a time",
        "Comment[zh_CN]=一步一个公式，看反向传播如何工作",
        f"Exec={exec_line} %F",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;ArtificialIntelligence;",
        "Keywords=neural;network;backpropagation;classroom;",
        f"MimeType={SESSION_TYPE};",
        "StartupNotify=true",
        "",
    ])


def _refresh(home: Path) -> list[str]:
    """Tell the desktop (its menu and file types caches); what could not be run is said."""
    said = []
    for tool, folder in (("update-mime-database", home / "mime"),
                         ("update-desktop-database", home / "applications")):
        if shutil.which(tool) is None:
            said.append(f"{tool} is not installed; the desktop reads the files at its next login")
            continue
        try:
            proc = subprocess.run([tool, str(folder)], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            said.append(f"{tool} {folder}: {e}")
            continue
        if proc.returncode != 0:
            said.append(f"{tool} {folder}: {proc.stderr.strip()}")
    return said


def install(home: Path | None = None) -> list[Path]:
    home = home or data_home()
    files = installed_files(home)
    icon = resource_path("icons", "bpstudio.svg").read_bytes()
    contents = {"entry": desktop_entry().encode(), "icon": icon, "session icon": icon,
                "mime": MIME_XML.encode()}
    for key, path in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(contents[key])
    return list(files.values())


def uninstall(home: Path | None = None) -> list[Path]:
    removed = []
    for path in installed_files(home).values():
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def run_desktop_command(add: bool) -> int:
    """The command line's --install-desktop (``add``) / --uninstall-desktop: what was done, one
    line each."""
    home = data_home()
    try:
        paths = install(home) if add else uninstall(home)
    except OSError as e:
        print(f"bpstudio: {e.filename or home}: {e.strerror or e}", file=sys.stderr)
        return 1
    verb = "wrote" if add else "removed"
    for path in paths:
        print(f"{verb} {path}")
    if not paths:
        print("nothing to remove: BP Studio was not in the desktop's menu")
    for line in _refresh(home):
        print(f"bpstudio: {line}", file=sys.stderr)
    return 0
