"""The command line with hostile models, pictures and endings (issue 33 §6): one short line,
the right exit code, never a traceback, never a hang."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.app import main


def run(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def write_png(path, h=4, w=4):
    from PySide6.QtGui import QImage

    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(0xFF2040)
    assert image.save(str(path))
    return path


@pytest.mark.parametrize("initializer", ["bogus", "", "Xavier "])
def test_a_model_with_an_unknown_initialiser_is_refused_in_one_line(tmp_path, capsys, initializer):
    from hostile_files import model_with

    model = model_with(tmp_path / "m.npz", initializer=np.array(initializer))
    code, out, err = run(["classify", "--model", str(model), str(write_png(tmp_path / "a.png"))],
                         capsys)
    assert (code, out) == (1, "")
    assert err == (f"bpstudio: m.npz: unknown initialiser {initializer!r}; choose one of lecun, "
                   "small, he, xavier, zeros\n")


@pytest.mark.parametrize("shape", [(4, 4, 1), (2, 8, 1), (16, 1, 1)])
def test_a_model_for_one_channel_pictures_says_so_not_a_count_of_numbers(tmp_path, capsys, shape):
    """A grey model (h, w, 1): the message named input_shape[0] as its count of numbers."""
    from bpstudio.core.modelfile import save_model
    from bpstudio.core.network import Network

    model = tmp_path / "grey.npz"
    save_model(model, Network.create([16, 3, 1], seed=3), input_shape=shape,
               class_names=("non-cat", "cat"))
    code, out, err = run(["classify", "--model", str(model), str(write_png(tmp_path / "a.png"))],
                         capsys)
    assert (code, out) == (1, "")
    assert err == (f"bpstudio: this network takes {shape[0]}×{shape[1]} pictures of 1 channel(s); "
                   "only RGB pictures (3 channels) are classified\n")


def test_classify_refuses_a_huge_sparse_file_and_a_huge_declared_picture_in_one_line_each(
        tmp_path, capsys):
    """The hang (a sparse 3 GB file behind a JPEG header) and the silently wrong result (a
    JPEG declaring 65000×65000, classified from its 1/8 decode): one line each, exit 1, and
    the good picture beside them is still classified."""
    import struct

    from hostile_files import model_with

    from bpstudio.session.images import MAX_PICTURE_BYTES

    model = model_with(tmp_path / "m.npz")
    good = write_png(tmp_path / "good.png")
    from PySide6.QtGui import QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x102030)
    assert image.save(str(tmp_path / "small.jpg"), "JPEG")
    data = (tmp_path / "small.jpg").read_bytes()
    at = data.index(b"\xff\xc0")
    (tmp_path / "declared.jpg").write_bytes(data[:at + 5] + struct.pack(">HH", 65000, 65000)
                                            + data[at + 9:])
    with open(tmp_path / "sparse.jpg", "wb") as f:
        f.write(data)
        f.truncate(3 * 2**30)
    code, out, err = run(["classify", "--model", str(model), str(tmp_path / "sparse.jpg"),
                          str(tmp_path / "declared.jpg"), str(good)], capsys)
    assert code == 1 and out.startswith(f"{good}: ") and out.count("\n") == 1
    assert err.splitlines() == [
        f"bpstudio: sparse.jpg: 3,072 MB is too big for a picture (at most "
        f"{MAX_PICTURE_BYTES // 2**20} MB)",
        "bpstudio: declared.jpg: the picture says it is 65000×65000 pixels; at most 250 million "
        "pixels are read"]
