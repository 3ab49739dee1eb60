"""A save replaces a regular file or nothing (issue 33, part 3): a target that exists and is not a
regular file — a FIFO, a socket, a folder, a link to one of them — is refused with one line before
anything is written, and stays what it was; a link to a regular file has its target written; a
full disk leaves the old file whole. Every writer of core goes through atomic_write."""

from __future__ import annotations

import errno
import os
import socket
import stat

import pytest

from bpstudio.core.atomicfile import NotARegularFile, atomic_write
from bpstudio.core.lesson_format import save_answers_csv
from bpstudio.core.modelfile import ModelFileError, save_model
from bpstudio.core.network import Network
from bpstudio.core.sessionfile import SessionFileError, save_session


def fifo(path):
    os.mkfifo(path)
    return path


def unix_socket(path):
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()  # the socket file stays
    return path


def folder(path):
    path.mkdir()
    return path


def link_to_fifo(path):
    os.mkfifo(path.with_name("the.fifo"))
    path.symlink_to(path.with_name("the.fifo"))
    return path


def link_to_folder(path):
    (path.with_name("real")).mkdir()
    path.symlink_to(path.with_name("real"))
    return path


KINDS = {"fifo": fifo, "socket": unix_socket, "folder": folder, "link to a fifo": link_to_fifo,
         "link to a folder": link_to_folder}


def kind_of(path):
    """What is at ``path``, through a link, as os.stat says (independent of atomicfile)."""
    return stat.S_IFMT(os.stat(path).st_mode)


WRITERS = {
    "atomic_write": lambda p: atomic_write(p).__enter__(),
    "model": lambda p: save_model(p, Network.create([2, 2, 1], seed=1)),
    "session": lambda p: save_session(p, {"x": 1}, {}),
    "answers": lambda p: save_answers_csv(p, []),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("writer", WRITERS)
def test_a_target_that_is_not_a_regular_file_is_refused_and_kept(tmp_path, kind, writer):
    if kind == "socket" and len(str(tmp_path)) > 90:
        pytest.skip("the temporary folder's path is too long for a socket's address")
    target = KINDS[kind](tmp_path / "target")
    before = kind_of(target)
    listing = sorted(os.listdir(tmp_path))
    with pytest.raises((NotARegularFile, ModelFileError, SessionFileError)) as e:
        WRITERS[writer](target)
    message = str(e.value)
    assert "not a regular file" in message and "\n" not in message  # one line
    assert kind_of(target) == before and not stat.S_ISREG(before)
    assert sorted(os.listdir(tmp_path)) == listing  # no temporary left either
    if os.path.isdir(target):
        assert os.listdir(target) == []


def test_a_link_to_a_regular_file_has_its_target_written_and_stays_a_link(tmp_path):
    real = tmp_path / "real.csv"
    real.write_bytes(b"old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with atomic_write(link) as f:
        f.write(b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"


def test_a_link_to_nothing_yet_creates_its_target(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "later.csv")
    with atomic_write(link) as f:
        f.write(b"new")
    assert link.is_symlink() and (tmp_path / "later.csv").read_bytes() == b"new"


def test_a_path_through_a_file_is_refused(tmp_path):
    (tmp_path / "plain").write_bytes(b"x")
    with pytest.raises(OSError):
        with atomic_write(tmp_path / "plain" / "m.npz") as f:
            f.write(b"new")
    assert (tmp_path / "plain").read_bytes() == b"x"


def test_a_full_disk_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "m.csv"
    path.write_bytes(b"old contents")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as e:
        with atomic_write(path) as f:
            f.write(b"new contents, longer than the old")
    assert e.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"old contents" and os.listdir(tmp_path) == ["m.csv"]
