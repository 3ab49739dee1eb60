"""`bpstudio --install-desktop`: the menu entry, the icon and the session file type, written into
the user's XDG data folder (a temporary one here), valid, and taken away by --uninstall-desktop."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from bpstudio.app import desktop


def bpstudio(*args, data_home):
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    return subprocess.run([sys.executable, "-m", "bpstudio", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_install_writes_a_valid_entry_icon_and_session_type(tmp_path):
    home = tmp_path / "share"
    proc = bpstudio("--install-desktop", data_home=home)
    assert proc.returncode == 0, proc.stderr
    files = desktop.installed_files(home)
    assert proc.stdout.splitlines() == [f"wrote {p}" for p in files.values()]
    for path in files.values():
        assert path.is_file() and path.stat().st_size > 0, path
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(files["entry"], encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Name"] == "BP Studio" and group["Icon"] == "bpstudio"
    assert group["MimeType"] == "application/x-bpstudio-session;"
    program = shlex.split(group["Exec"])
    assert program[-1] == "%F"  # double-clicked sessions arrive as file arguments
    assert os.access(program[0], os.X_OK)
    types = ET.parse(files["mime"]).getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    assert types.find(f"{ns}mime-type/{ns}glob").get("pattern") == "*.bpstudio"
    assert files["icon"].read_text().lstrip().startswith("<")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(files["entry"])], capture_output=True,
                               text=True, timeout=60)
        assert check.returncode == 0 and check.stdout == "", check.stdout
    if shutil.which("update-mime-database"):  # the desktop now knows a .bpstudio file
        assert "application/x-bpstudio-session:*.bpstudio" in (home / "mime" / "globs2").read_text()


def test_the_entry_starts_this_installation(tmp_path):
    """The Exec line runs the same BP Studio (its --version), from any folder."""
    home = tmp_path / "share"
    assert bpstudio("--install-desktop", data_home=home).returncode == 0
    entry = desktop.installed_files(home)["entry"].read_text()
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    program = [a for a in shlex.split(exec_line.removeprefix("Exec=")) if a != "%F"]
    proc = subprocess.run([*program, "--version"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("bpstudio ")


@pytest.mark.parametrize("arg,quoted", [("/opt/bp studio/bin/python", '"/opt/bp studio/bin/python"'),
                                        ("/home/a$b/python", '"/home/a\\\\$b/python"'),
                                        ("/usr/bin/python3", "/usr/bin/python3")])
def test_exec_arguments_are_quoted_as_the_specification_says(arg, quoted, monkeypatch):
    monkeypatch.setattr(desktop, "launcher", lambda: [arg])  # BP Studio installed there
    assert f"Exec={quoted} %F" in desktop.desktop_entry().splitlines()


def test_uninstall_takes_it_all_away(tmp_path):
    home = tmp_path / "share"
    assert bpstudio("--install-desktop", data_home=home).returncode == 0
    proc = bpstudio("--uninstall-desktop", data_home=home)
    assert proc.returncode == 0, proc.stderr
    assert not any(p.exists() for p in desktop.installed_files(home).values())
    if shutil.which("update-mime-database"):
        assert "bpstudio" not in (home / "mime" / "globs2").read_text()
    again = bpstudio("--uninstall-desktop", data_home=home)
    assert again.returncode == 0
    assert again.stdout.strip() == "nothing to remove: BP Studio was not in the desktop's menu"
