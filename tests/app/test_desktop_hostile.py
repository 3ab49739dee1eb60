"""--install-desktop / --uninstall-desktop on a hostile desktop (issue 33, part 3): uninstall takes
away only what install wrote (it deleted a user's own launcher and MIME file), install never
overwrites a user's own file, never writes through a symbolic link (so never outside the data
folder), ignores a relative XDG_DATA_HOME as the XDG specification says, puts everything back
when it fails half-way, and refuses a program path that would break the .desktop file."""

from __future__ import annotations

import os

import pytest

from bpstudio.app import desktop

USERS_LAUNCHER = b"[Desktop Entry]\nType=Application\nName=My own BP Studio\nExec=/opt/mine %F\n"
USERS_MIME = b"<?xml version='1.0'?><mime-info/>\n"


def snapshot(folder):
    """Every path under ``folder`` (links not followed) and each file's bytes."""
    seen = {}
    for root, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = os.path.join(root, name)
            seen[os.path.relpath(path, folder)] = (
                os.readlink(path) if os.path.islink(path) else
                open(path, "rb").read() if os.path.isfile(path) else "folder")
    return seen


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setattr(desktop, "_refresh", lambda home: [])  # no desktop tools run here
    return home


def users_own_files(home):
    files = desktop.installed_files(home)
    for key, data in (("entry", USERS_LAUNCHER), ("mime", USERS_MIME)):
        files[key].parent.mkdir(parents=True, exist_ok=True)
        files[key].write_bytes(data)
    return files


def test_uninstall_leaves_a_users_own_launcher_and_mime_file(home, capsys):
    files = users_own_files(home)
    assert desktop.run_desktop_command(add=False) == 0
    out, err = capsys.readouterr()
    assert files["entry"].read_bytes() == USERS_LAUNCHER
    assert files["mime"].read_bytes() == USERS_MIME
    assert err.count("left as it is") == 2 and "removed" not in out


def test_install_refuses_to_overwrite_a_users_own_launcher(home, capsys):
    files = users_own_files(home)
    before = snapshot(home)
    assert desktop.run_desktop_command(add=True) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "not written by --install-desktop" in err
    assert snapshot(home) == before


def test_uninstall_after_install_removes_what_it_wrote_even_with_another_launcher(home, monkeypatch):
    monkeypatch.setattr(desktop, "launcher", lambda: ["/opt/old/bin/bpstudio"])
    written = desktop.install(home)
    # a later BP Studio (another launcher) still knows the files by the install's record
    monkeypatch.setattr(desktop, "launcher", lambda: ["/opt/new/bin/bpstudio"])
    assert sorted(desktop.uninstall(home)) == sorted(written)
    assert [p for p in snapshot(home) if not os.path.isdir(home / p)] == []


def test_a_relative_xdg_data_home_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    assert desktop.data_home() == tmp_path / "user" / ".local" / "share"
    monkeypatch.setattr(desktop, "_refresh", lambda home: [])
    assert desktop.run_desktop_command(add=True) == 0
    assert os.listdir(tmp_path / "cwd") == []
    assert (tmp_path / "user/.local/share/applications/bpstudio.desktop").is_file()


@pytest.mark.parametrize("linked", ["applications", "icons/hicolor", "mime/packages"])
def test_install_never_writes_through_a_symbolic_link(home, tmp_path, capsys, linked):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (home / linked).parent.mkdir(parents=True)
    (home / linked).symlink_to(elsewhere)
    before = snapshot(home)
    assert desktop.run_desktop_command(add=True) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "symbolic link" in err
    assert os.listdir(elsewhere) == [] and snapshot(home) == before


def test_a_link_in_place_of_the_launcher_is_neither_followed_nor_removed(home, tmp_path):
    target = tmp_path / "system.desktop"
    target.write_bytes(USERS_LAUNCHER)
    entry = desktop.installed_files(home)["entry"]
    entry.parent.mkdir(parents=True)
    entry.symlink_to(target)
    with pytest.raises(OSError):
        desktop.install(home)
    desktop.uninstall(home)
    assert entry.is_symlink() and target.read_bytes() == USERS_LAUNCHER


@pytest.mark.parametrize("fails_at", [1, 3, 4])  # the second file, the last, the record
def test_a_failure_half_way_puts_everything_back(home, monkeypatch, fails_at):
    # an earlier install (another launcher) to be put back, and a fresh data folder
    monkeypatch.setattr(desktop, "launcher", lambda: ["/opt/old/bin/bpstudio"])
    desktop.install(home)
    before = snapshot(home)
    monkeypatch.setattr(desktop, "launcher", lambda: ["/opt/new/bin/bpstudio"])
    real = desktop.atomic_write
    calls = []

    def failing(path):
        calls.append(path)
        if len(calls) == fails_at + 1:
            raise OSError(28, "No space left on device", str(path))
        return real(path)
    monkeypatch.setattr(desktop, "atomic_write", failing)
    with pytest.raises(OSError):
        desktop.install(home)
    monkeypatch.setattr(desktop, "atomic_write", real)
    assert snapshot(home) == before


def test_a_failure_in_a_fresh_folder_leaves_nothing(home, monkeypatch):
    def failing(path):
        raise OSError(28, "No space left on device", str(path))
    real = desktop.atomic_write
    calls = []

    def second_fails(path):
        calls.append(path)
        return failing(path) if len(calls) == 2 else real(path)
    monkeypatch.setattr(desktop, "atomic_write", second_fails)
    with pytest.raises(OSError):
        desktop.install(home)
    assert not home.exists() or snapshot(home) == {}


@pytest.mark.parametrize("program", ["/opt/bp\nstudio/bin/bpstudio", "/opt/bp\rstudio/bpstudio",
                                     "/opt/bp\tstudio/bpstudio", "/opt/bp\x1bstudio/bpstudio"])
def test_a_program_path_that_would_break_the_desktop_file_is_refused(home, monkeypatch, capsys,
                                                                    program):
    monkeypatch.setattr(desktop, "launcher", lambda: [program])
    assert desktop.run_desktop_command(add=True) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "control character" in err
    assert not home.exists()
