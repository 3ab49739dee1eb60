"""Files stay the user's (issue 22, class 7): saving over a file keeps its permissions, saving to a
symbolic link writes its target and leaves the link, a read-only file is not replaced, and what
a killed save left behind is removed at the next save."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bpstudio.core.atomicfile import atomic_write, remove_stale_temporaries
from bpstudio.core.modelfile import ModelFileError, load_model, save_model
from bpstudio.core.network import Network


def save(path, seed=1):
    save_model(path, Network.create([3, 2, 1], seed=seed))


def test_saving_over_a_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "m.npz"
    save(path)
    path.chmod(0o640)
    save(path, seed=2)
    assert path.stat().st_mode & 0o777 == 0o640
    assert load_model(path)[0].seed == 2


def test_a_new_file_gets_the_permissions_the_umask_gives(tmp_path):
    old = os.umask(0o022)
    try:
        save(tmp_path / "new.npz")
    finally:
        os.umask(old)
    assert (tmp_path / "new.npz").stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


def test_saving_to_a_symbolic_link_writes_its_target_and_keeps_the_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "m.npz"
    save(target)
    link = tmp_path / "link.npz"
    link.symlink_to(target)
    save(link, seed=5)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert load_model(target)[0].seed == 5
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["m.npz"]


def test_a_read_only_file_is_not_replaced(tmp_path):
    path = tmp_path / "m.npz"
    save(path)
    before = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(ModelFileError, match=r"m.npz: could not save \(Permission denied\)"):
        save(path, seed=9)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["m.npz"]


def test_what_a_killed_save_left_is_removed_at_the_next_save(tmp_path):
    path = tmp_path / "m.npz"
    script = (f"import os, sys\nfrom bpstudio.core.atomicfile import atomic_write\n"
              f"with atomic_write({str(path)!r}) as f:\n    f.write(b'half')\n"
              f"    f.flush()\n    os.kill(os.getpid(), 9)\n")
    proc = subprocess.run([sys.executable, "-c", script])
    assert proc.returncode == -9
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(left) == 1 and left[0].name.startswith(".m.npz.")
    save(path)
    assert os.listdir(tmp_path) == ["m.npz"]


def test_a_temporary_of_a_save_under_way_is_left_alone(tmp_path):
    path = tmp_path / "m.npz"
    with atomic_write(path) as f:
        f.write(b"x")
        assert remove_stale_temporaries(path) == []  # this process is writing it
        live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        try:
            other = tmp_path / f".m.npz.{live.pid}-abcd.tmp"  # another program's save in progress
            other.write_bytes(b"y")
            assert remove_stale_temporaries(path) == []
        finally:
            live.kill()
            live.wait()
    assert remove_stale_temporaries(path) == [other]  # its writer is gone now
    assert path.read_bytes() == b"x"
