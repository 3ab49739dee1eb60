"""The runs as CSV are written as every other file (issue 33, part 3): whole or not at all — a full
disk, met while the rows are produced or while the file is written, leaves the old runs.csv as it
was (it was truncated) — and a FIFO or a folder in its place is refused and kept."""

from __future__ import annotations

import csv
import errno
import os
import stat

import pytest
from studio_actions import train

from bpstudio.core.atomicfile import NotARegularFile


@pytest.fixture
def two_runs(studio, qtbot):
    s = studio()
    assert s.choose_preset("plane-moons")
    s.model.set_hyper(iterations=40)
    train(qtbot, s, 40)
    s.fork_twin(learning_rate=0.2)
    return s.runs


def full_disk():
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_while_the_rows_are_written_leaves_the_old_runs_csv(two_runs, tmp_path,
                                                                         monkeypatch):
    path = tmp_path / "runs.csv"
    path.write_bytes(b"the old runs\n")
    real_writer = csv.writer

    class FillsUp:  # the disk is full after two rows
        def __init__(self, out, *args, **kwargs):
            self.rows, self.out = 0, real_writer(out, *args, **kwargs)

        def writerow(self, row):
            self.rows += 1
            if self.rows > 2:
                raise full_disk()
            return self.out.writerow(row)
    monkeypatch.setattr(csv, "writer", FillsUp)
    with pytest.raises(OSError) as e:
        two_runs.write_csv(str(path))
    assert e.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"the old runs\n" and os.listdir(tmp_path) == ["runs.csv"]


def test_a_full_disk_while_the_file_is_written_leaves_the_old_runs_csv(two_runs, tmp_path,
                                                                        monkeypatch):
    path = tmp_path / "runs.csv"
    path.write_bytes(b"the old runs\n")

    def fsync(fd):
        raise full_disk()
    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError):
        two_runs.write_csv(str(path))
    assert path.read_bytes() == b"the old runs\n" and os.listdir(tmp_path) == ["runs.csv"]
    monkeypatch.undo()
    assert two_runs.write_csv(str(path))  # and with room again, the runs are written
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0][:2] == ["iteration", "A: cost"] and len(rows) == 41


@pytest.mark.parametrize("make", [os.mkfifo, os.mkdir])
def test_runs_csv_in_place_of_a_fifo_or_a_folder_is_refused(two_runs, tmp_path, make):
    path = tmp_path / "runs.csv"
    make(path)
    kind = stat.S_IFMT(os.lstat(path).st_mode)
    with pytest.raises(NotARegularFile):
        two_runs.write_csv(str(path))
    assert stat.S_IFMT(os.lstat(path).st_mode) == kind
