"""``bpstudio --install-desktop``: BP Studio in the Linux desktop's menu, with its icon, and
.bpstudio sessions opened by a double click (the freedesktop.org files, for this user only, under
$XDG_DATA_HOME); ``--uninstall-desktop`` takes them away again."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..core.atomicfile import atomic_write
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
    """$XDG_DATA_HOME, when it is an absolute path: the specification says a relative one is
    invalid and ignored (it would write into whatever folder BP Studio was started from)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


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
    exec_line = " ".join(_quoted(a) for a in _checked_launcher())
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


def _checked_launcher() -> list[str]:
    """launcher(), refused when a .desktop file cannot hold it: a newline would end the Exec line
    (and what follows would be keys of the file), other control characters are not allowed."""
    args = launcher()
    for arg in args:
        if any(ord(c) < 32 or ord(c) == 127 for c in arg):
            raise OSError(errno.EINVAL, "the program's path has a newline or another control "
                          "character, which a .desktop file cannot hold; nothing was written",
                          ascii(arg))
    return args


def _inside(home: Path, path: Path) -> None:
    """``path`` lies in ``home`` without a symbolic link on the way (nor at its end): nothing is
    written through a link, so nothing outside the data folder."""
    here = home
    for part in path.relative_to(home).parts:
        here = here / part
        if here.is_symlink():
            raise OSError(errno.ELOOP, "a symbolic link; BP Studio writes only into the data "
                          "folder, never through a link; nothing was written", str(here))


def _manifest(home: Path) -> dict[str, str]:
    """What --install-desktop wrote: each file's path and the SHA-256 of what it wrote there."""
    try:
        saved = json.loads(manifest_path(home).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict):
        return {}
    return {k: v for k, v in saved.items() if isinstance(k, str) and isinstance(v, str)}


def manifest_path(home: Path) -> Path:
    return home / "bpstudio" / "desktop-files.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ours(path: Path, written: dict[str, str], now: bytes) -> bool:
    """A regular file (not a link) holding what an install wrote there, or would write now."""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return data == now or written.get(str(path)) == _digest(data)


def _contents() -> dict[str, bytes]:
    icon = resource_path("icons", "bpstudio.svg").read_bytes()
    return {"entry": desktop_entry().encode(), "icon": icon, "session icon": icon,
            "mime": MIME_XML.encode()}


def _make_folders(home: Path, folder: Path, made: list[Path]) -> None:
    if not home.is_dir():
        home.mkdir(parents=True)
        made.append(home)
    here = home
    for part in folder.relative_to(home).parts:
        here = here / part
        _inside(home, here)
        if not here.is_dir():
            here.mkdir()
            made.append(here)


def install(home: Path | None = None) -> list[Path]:
    """Write the four files, all or none: a file already there that BP Studio did not write (a
    user's own launcher) is refused before anything is written, and a failure half-way puts back
    what was there."""
    home = home or data_home()
    _checked_launcher()
    files = installed_files(home)
    contents = _contents()
    written = _manifest(home)
    for key, path in files.items():
        _inside(home, path)
        if os.path.lexists(path) and not _ours(path, written, contents[key]):
            raise OSError(errno.EEXIST, "not written by --install-desktop (a file of your own?); "
                          "it is left as it is and nothing was written", str(path))
    _inside(home, manifest_path(home))
    made: list[Path] = []
    done: list[tuple[Path, bytes | None]] = []
    try:
        for key, path in files.items():
            _make_folders(home, path.parent, made)
            old = path.read_bytes() if path.exists() else None
            with atomic_write(path) as f:
                f.write(contents[key])
            done.append((path, old))
        _make_folders(home, manifest_path(home).parent, made)
        with atomic_write(manifest_path(home)) as f:
            f.write(json.dumps({str(p): _digest(contents[k]) for k, p in files.items()},
                               indent=1).encode())
    except BaseException:
        for path, old in reversed(done):  # as it was before
            with contextlib.suppress(OSError):
                if old is None:
                    path.unlink()
                else:
                    with atomic_write(path) as f:
                        f.write(old)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return list(files.values())


def uninstall(home: Path | None = None, kept: list[Path] | None = None) -> list[Path]:
    """Remove what --install-desktop wrote, and only that: a file of the same name whose content
    is not what it wrote (a user's own launcher or MIME file), or a link, stays (in ``kept``)."""
    home = home or data_home()
    written = _manifest(home)
    contents = _contents()
    removed = []
    for key, path in installed_files(home).items():
        if not os.path.lexists(path):
            continue
        if _ours(path, written, contents[key]):
            path.unlink()
            removed.append(path)
        elif kept is not None:
            kept.append(path)
    if manifest_path(home).is_file() and not manifest_path(home).is_symlink():
        manifest_path(home).unlink()
    return removed


def run_desktop_command(add: bool) -> int:
    """The command line's --install-desktop (``add``) / --uninstall-desktop: what was done, one
    line each."""
    home = data_home()
    kept: list[Path] = []
    try:
        paths = install(home) if add else uninstall(home, kept)
    except OSError as e:
        print(f"bpstudio: {e.filename or home}: {e.strerror or e}", file=sys.stderr)
        return 1
    verb = "wrote" if add else "removed"
    for path in paths:
        print(f"{verb} {path}")
    for path in kept:
        print(f"bpstudio: {path}: not written by --install-desktop; left as it is", file=sys.stderr)
    if not paths:
        print("nothing to remove: BP Studio was not in the desktop's menu")
    for line in _refresh(home):
        print(f"bpstudio: {line}", file=sys.stderr)
    return 0
