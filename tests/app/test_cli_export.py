"""``bpstudio export SESSION --animation OUT``: a saved session's iteration written without a
window, frame for frame what the window's export of the same session draws; bad arguments and
files one line each."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image, ImageSequence

from bpstudio.app import main
from bpstudio.app.animations import iteration_frames
from bpstudio.app.cli_export import LANGUAGES, SIZES, THEMES


def run(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def frames_of(path):
    with Image.open(path) as im:
        return [(np.asarray(f.convert("RGB")), f.info.get("duration"))
                for f in ImageSequence.Iterator(im)]


@pytest.fixture
def saved(qtbot, tmp_path):
    """The first start's 3–2–1 network on the three features, its third sample chosen, saved."""
    from bpstudio.session.studio import Studio

    studio = Studio()
    studio.choose_sample(2)
    path = tmp_path / "lesson.bpstudio"
    assert studio.save_session(str(path))
    yield studio, path
    studio.shut_down()


def test_the_command_line_writes_what_the_window_draws(saved, qtbot, capsys, tmp_path,
                                                       english_afterwards):
    studio, session = saved
    out = tmp_path / "steps.png"
    code, said, err = run(["export", str(session), "--animation", str(out), "--duration",
                           "1.5", "--theme", "dark", "--language", "en"], capsys)
    assert (code, err) == (0, "")
    frames = frames_of(out)
    steps = len(studio.stepper.stepper.steps)
    assert said == f"wrote {out}: {1 + steps} frames, 1024x768\n"
    assert len(frames) == 1 + steps
    assert [d for _, d in frames] == [3000] + [1500] * steps
    # the window's frames of the same session, drawn here: the same pixels
    again = iteration_frames(studio, "1024x768", 1.5, "sample", "dark")
    assert "#3 of the training set" in again.title_lines()[1]
    # one sample's iteration computes its loss L (the cost C is the batch's)
    assert again.title_lines()[2].endswith("forward pass, loss, backward pass, update")
    for k in range(again.count):
        again.show(k)
        qtbot.wait(0)
        assert np.array_equal(again.take(k), frames[k][0]), k
    again.close()


def test_a_gif_of_the_batch_in_chinese(saved, capsys, tmp_path, english_afterwards):
    studio, session = saved
    out = tmp_path / "batch.gif"
    code, said, err = run(["export", str(session), "--animation", str(out), "--sample", "batch",
                           "--language", "zh_CN", "--size", "1920x1080"], capsys)
    assert code == 0, err
    frames = frames_of(out)
    assert frames[0][0].shape == (1080, 1920, 3)
    studio.set_step_mode("batch")
    assert len(frames) == 1 + len(studio.stepper.stepper.steps)
    assert (frames[0][0] != frames[1][0]).any(axis=2).mean() > 0.01


@pytest.mark.parametrize("args, words", [
    (["--animation", "x.avi"], "a .gif, .png, .webp, .mp4 or .webm file"),
    (["--animation", "x.gif", "--sample", "0"], "numbered from 1"),
    (["--animation", "x.gif", "--duration", "0"], "0.1 to 60 seconds"),
    (["--animation", "x.gif", "--size", "800x600"], "invalid choice"),
])
def test_bad_arguments_give_usage_and_exit_2(saved, capsys, args, words):
    code, _, err = run(["export", str(saved[1]), *args], capsys)
    assert code == 2 and words in err


def test_bad_files_give_one_line_and_exit_1(saved, capsys, tmp_path):
    code, _, err = run(["export", str(tmp_path / "none.bpstudio"), "--animation",
                        str(tmp_path / "a.gif")], capsys)
    assert code == 1 and err.count("\n") == 1 and "no such file" in err
    m = saved[0].model.dataset.X_train.shape[1]
    code, _, err = run(["export", str(saved[1]), "--animation", str(tmp_path / "a.gif"),
                        "--sample", str(m + 1)], capsys)
    assert code == 1 and f"has {m} training samples" in err
    (tmp_path / "bad.bpstudio").write_bytes(b"not a session")
    code, _, err = run(["export", str(tmp_path / "bad.bpstudio"), "--animation",
                        str(tmp_path / "a.gif")], capsys)
    assert code == 1 and err.count("\n") == 1
    assert sorted(os.listdir(tmp_path)) == ["bad.bpstudio", "lesson.bpstudio"]


def test_the_choices_are_the_windows():
    from bpstudio.app.i18n import LANGUAGES as WINDOW_LANGUAGES
    from bpstudio.widgets.step_frames import SIZES as WINDOW_SIZES
    from bpstudio.widgets.theme import THEMES as WINDOW_THEMES

    assert (SIZES, THEMES, LANGUAGES) == (tuple(WINDOW_SIZES), tuple(WINDOW_THEMES),
                                          tuple(WINDOW_LANGUAGES))


def test_no_window_and_no_display_needed(saved, tmp_path):
    """In a process of its own, with neither a display nor a platform named."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.dirname(__file__)))
    out = tmp_path / "a.gif"
    proc = subprocess.run([sys.executable, "-m", "bpstudio", "export", str(saved[1]),
                           "--animation", str(out), "--duration", "1"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert len(frames_of(out)) == 1 + len(saved[0].stepper.stepper.steps)


def test_ctrl_c_half_way_cancels_the_export_and_leaves_no_file(saved, capsys, tmp_path,
                                                               monkeypatch):
    """Ctrl+C while the frames are drawn: the command ends with the shell's 130 and says so;
    neither the file nor its temporary copy is left (Qt drops an exception raised in a slot,
    so it used to go on, or hang)."""
    import signal

    from bpstudio.session.animation_export import AnimationExport

    _studio, session = saved
    draw = AnimationExport._draw
    calls = []

    def interrupted_half_way(self):
        calls.append(1)
        if len(calls) == 6:
            os.kill(os.getpid(), signal.SIGINT)  # as the terminal sends it
        draw(self)

    monkeypatch.setattr(AnimationExport, "_draw", interrupted_half_way)
    out = tmp_path / "out" / "steps.webm"
    out.parent.mkdir()
    before = signal.getsignal(signal.SIGINT)
    code, said, err = run(["export", str(session), "--animation", str(out)], capsys)
    assert (code, said) == (130, "") and "interrupted" in err
    assert list(out.parent.iterdir()) == []
    assert signal.getsignal(signal.SIGINT) is before  # the handler is given back


def test_a_layout_that_fails_ends_the_command_with_why(saved, qtbot, capsys, tmp_path,
                                                       monkeypatch, english_afterwards):
    """A wide first layer's iteration is laid out on a thread: when that fails (out of memory),
    the command says so and ends with an error, writing nothing (it used to wait forever)."""
    from bpstudio.session import stepper_model

    def out_of_memory(*args):
        raise MemoryError

    monkeypatch.setattr(stepper_model.StepperModel, "costly", property(lambda self: True))
    monkeypatch.setattr(stepper_model, "Stepper", out_of_memory)
    studio, session = saved
    out = tmp_path / "steps.gif"
    code, said, err = run(["export", str(session), "--animation", str(out), "--language", "en"],
                          capsys)
    assert code == 1 and said == ""
    assert "steps.gif: not written (the iteration could not be laid out: out of memory)" in err
    assert os.listdir(tmp_path) == ["lesson.bpstudio"]
