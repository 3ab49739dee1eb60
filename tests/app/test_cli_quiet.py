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
def test_a_model_for_one_channel_pictures_classifies_them_in_grey(tmp_path, capsys, shape):
    """A grey model (h, w, 1): it was told 'this network takes h numbers, not RGB images' (and
    the window said 'drop pictures to classify them', then 'takes numbers, not images'). The
    picture is classified from its luma (ITU-R BT.601, as Pillow's "L")."""
    from bpstudio.core.modelfile import save_model
    from bpstudio.core.network import Network

    model = tmp_path / "grey.npz"
    net = Network.create([16, 3, 1], seed=3)
    save_model(model, net, input_shape=shape, class_names=("non-cat", "cat"))
    picture = write_png(tmp_path / "a.png")  # every pixel (255, 32, 64)
    luma = (255 * 299 + 32 * 587 + 64 * 114 + 500) // 1000  # 102
    p = float(net.predict_proba(np.full((16, 1), luma / 255.0))[0, 0])
    code, out, err = run(["classify", "--model", str(model), str(picture)], capsys)
    assert (code, err) == (0, "")
    assert out == f"{picture}: {p:.2f} {'cat' if p > 0.5 else 'non-cat'}\n"


def test_a_channel_count_no_file_can_bring_is_still_a_message():
    from PySide6.QtGui import QImage

    from bpstudio.session.images import ImageError, input_pixels

    with pytest.raises(ImageError, match="pictures of 2 channel"):
        input_pixels(QImage(4, 4, QImage.Format.Format_RGB32), (4, 4, 2))


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


# ----- the command line's endings and messages -------------------------------------------------------

def installed():
    import os
    import shutil
    import sys

    exe = shutil.which("bpstudio", path=os.path.dirname(sys.executable))
    assert exe, "the bpstudio entry point is not installed next to this Python"
    return exe


def long_training(tmp_path, cat_files):
    cat_files(tmp_path / "data")
    return [installed(), "train", "--data", str(tmp_path / "data"), "--layers", "48,2,1",
            "--iterations", "10000000", "--log-every", "1"]


def test_ctrl_c_while_training_ends_in_one_line_with_exit_130(tmp_path, cat_files):
    """Ctrl+C printed a KeyboardInterrupt traceback from wherever numpy was."""
    import signal
    import subprocess
    import sys

    # as from a terminal, whatever started the suite: a suite started in the background (`&`
    # in a script) has SIGINT ignored, and its children would inherit that and train on for
    # the whole timeout; the command starts with Ctrl+C's default, as in a shell's foreground
    reset = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); " \
            "os.execv(sys.argv[1], sys.argv[1:])"
    proc = subprocess.Popen([sys.executable, "-c", reset, *long_training(tmp_path, cat_files)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().startswith("Cost after iteration 0: ")  # it is training
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert (proc.returncode, err) == (130, "bpstudio: interrupted\n")


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path, cat_files):
    """``bpstudio train … | head -1``: the reader closes its end; the command ends with the
    shell's exit status for it (141) and not one word on stderr (it printed 'unexpected error:
    BrokenPipeError', then 'Exception ignored' at exit)."""
    import subprocess

    proc = subprocess.Popen(long_training(tmp_path, cat_files), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().startswith("Cost after iteration 0: ")
        proc.stdout.close()  # what head does after its line
        err = proc.stderr.read()
        proc.wait(timeout=120)
    finally:
        proc.kill()
    assert (proc.returncode, err) == (141, "")


@pytest.mark.parametrize("where", ["run", "parse"])
def test_ctrl_c_anywhere_in_a_command_is_one_line(capsys, monkeypatch, where):
    from bpstudio.app import cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    if where == "run":
        monkeypatch.setattr(cli, "cmd_classify", interrupted)
    else:
        monkeypatch.setattr(cli, "build_parser", interrupted)
    try:
        code, out, err = run(["classify", "--model", "m.npz", "a.png"], capsys)
    except KeyboardInterrupt:
        pytest.fail("Ctrl+C came out of the command as a traceback")
    assert (code, out, err) == (130, "", "bpstudio: interrupted\n")


@pytest.mark.parametrize("value", ["1e308", "1001", "1e20"])
def test_an_l2_strength_too_big_to_train_with_is_named_in_the_refusal(tmp_path, capsys, cat_files,
                                                                       value):
    """--l2 1e308 overflowed the cost at once; the message blamed the learning rate."""
    cat_files(tmp_path / "data")
    code, out, err = run(["train", "--data", str(tmp_path / "data"), "--layers", "48,2,1",
                          "--iterations", "3", "--l2", value], capsys)
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == (f"bpstudio train: error: the L2 strength λ must be from 0 to "
                                    f"1000, not {float(value)}")


def test_the_largest_l2_strength_still_trains(tmp_path, capsys, cat_files):
    cat_files(tmp_path / "data")
    code, out, err = run(["train", "--data", str(tmp_path / "data"), "--layers", "48,2,1",
                          "--iterations", "3", "--l2", "1000"], capsys)
    assert "L2" not in err and "train accuracy: " in out


TWO_NAMES = "m.npz: needs two class names (for 0 and 1), not "


@pytest.mark.parametrize("names, said", [
    ([f"c{k}" for k in range(1_000_000)], TWO_NAMES + "['c0', 'c1', 'c2', 'c3', 'c4', … 1,000,000 in all]"),
    (["x" * 900_000], "m.npz: class_names has 900,000 characters; at most 255"),  # the editor's limit
    (["a", "b", "c"], TWO_NAMES + "['a', 'b', 'c']"),
])
def test_a_model_with_a_million_class_names_gets_a_short_message(tmp_path, capsys, names, said):
    from hostile_files import model_with

    model = model_with(tmp_path / "m.npz", class_names=np.array(names))
    code, out, err = run(["classify", "--model", str(model), "a.png"], capsys)
    assert (code, out) == (1, "")
    assert err == f"bpstudio: {said}\n"


@pytest.mark.parametrize("shape", [(16, 1, 3), (1, 16, 3), (1, 1, 3), (48, 1, 1)])
def test_a_model_of_extreme_aspect_classifies_a_picture_without_an_error(tmp_path, capsys, shape):
    """A crop to a 16×1 input from a 4×4 picture was 0 pixels wide: a null image, then
    'unexpected error: TypeError'. The crop keeps at least one pixel."""
    from bpstudio.core.modelfile import save_model
    from bpstudio.core.network import Network

    n = shape[0] * shape[1] * shape[2]
    model = tmp_path / "odd.npz"
    save_model(model, Network.create([n, 2, 1], seed=3), input_shape=shape,
               class_names=("non-cat", "cat"))
    picture = write_png(tmp_path / "a.png")
    code, out, err = run(["classify", "--model", str(model), str(picture), "--json"], capsys)
    assert (code, err) == (0, "")
    assert 0 <= __import__("json").loads(out)[0]["probability"] <= 1


def test_ctrl_c_while_training_stops_the_trainer_instead_of_raising_anywhere():
    """The first Ctrl+C asks the trainer to stop at its next iteration, a second one interrupts
    at once; SIGINT ignored when the command started stays ignored."""
    import os
    import signal

    from bpstudio.app.cli import _ctrl_c_stops

    class Trainer:
        stopped = 0

        def stop(self):
            self.stopped += 1

    trainer = Trainer()
    # as a command started from a terminal has it, whatever this test run was started with (a
    # run started with & in a script inherits SIGINT ignored, the second case below)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with _ctrl_c_stops(trainer) as interrupted:
            os.kill(os.getpid(), signal.SIGINT)  # no KeyboardInterrupt here
            assert (trainer.stopped, interrupted) == (1, [signal.SIGINT])
            with pytest.raises(KeyboardInterrupt):
                os.kill(os.getpid(), signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        with _ctrl_c_stops(trainer) as interrupted:
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            os.kill(os.getpid(), signal.SIGINT)
        assert interrupted == [] and trainer.stopped == 1
    finally:
        signal.signal(signal.SIGINT, previous)
