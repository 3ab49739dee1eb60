"""The command line, run in-process through bpstudio.app.main and as the installed program."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from bpstudio.app import main
from bpstudio.core.h5data import load_catvnoncat
from bpstudio.core.modelfile import load_model
from bpstudio.core.network import Network
from bpstudio.core.trainer import HyperParameters, Trainer


def run(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_train_prints_costs_and_ends_with_json(tmp_path, capsys, cat_files):
    cat_files(tmp_path, m_train=20, m_test=8)
    code, out, err = run(["train", "--data", str(tmp_path), "--layers", "48,5,1", "--lr", "0.05",
                          "--iterations", "250", "--log-every", "50", "--json"], capsys)
    assert code == 0, err
    lines = out.strip().splitlines()
    result = json.loads(lines[-1])
    assert [i for i, _ in result["costs"]] == [0, 50, 100, 150, 200]
    assert lines[0].startswith("Cost after iteration 0: ")
    assert set(result) == {"costs", "train_accuracy", "test_accuracy", "seconds", "ms_per_iteration"}
    assert result["ms_per_iteration"] == pytest.approx(1000 * result["seconds"] / 250)
    # the same numbers as the engine run directly
    ds = load_catvnoncat(tmp_path)
    t = Trainer(Network.create([48, 5, 1]), ds.X_train, ds.Y_train, HyperParameters(0.05, 250))
    list(t.run())
    assert [c for _, c in result["costs"]] == t.costs[::50].tolist()
    assert f"train accuracy: {result['train_accuracy']:.6f}" in out


def test_train_on_the_cat_data_starts_with_the_published_costs(seed_run):
    """The installed program's run on the cat data (`bpstudio train --log-every 1`, the seed's
    run of tests/seed_run.py): the costs it prints are the tutorial's."""
    for line in ("Cost after iteration 0: 0.771749", "Cost after iteration 100: 0.672053",
                 "Cost after iteration 200: 0.648263", "Cost after iteration 300: 0.611507",
                 "Cost after iteration 2400: 0.092878"):
        assert line in seed_run.printed.splitlines()


@pytest.mark.parametrize(
    "args,words",
    [
        (["train"], "the following arguments are required: --data"),
        (["train", "--data", "D", "--lr", "0"], "argument --lr: must be a positive number"),
        (["train", "--data", "D", "--lr", "nan"], "argument --lr: must be a positive number"),
        (["train", "--data", "D", "--layers", "12288,x,1"], "argument --layers: expected sizes"),
        (["train", "--data", "D", "--layers", "12288,0,1"], "each 1 or more"),
        (["train", "--data", "D", "--iterations", "0"], "argument --iterations: must be 1 or more"),
        (["train", "--data", "D", "--dtype", "float16"], "argument --dtype: invalid choice"),
        (["classify", "--model", "m.npz"], "the following arguments are required: IMAGE"),
        (["--fly"], "unrecognized arguments: --fly"),
        (["--install-desktop", "--uninstall-desktop"], "not allowed with argument"),
    ],
)
def test_bad_arguments_give_usage_and_exit_2(args, words, capsys):
    code, _, err = run(args, capsys)
    assert code == 2 and "usage: bpstudio" in err and words in err


def test_arguments_that_do_not_fit_the_data_exit_2(tmp_path, capsys, cat_files):
    cat_files(tmp_path)
    code, _, err = run(["train", "--data", str(tmp_path), "--layers", "10,1"], capsys)
    assert code == 2 and "usage: bpstudio train" in err
    assert "the data has 48 input features but the network's input layer has 10 neurons" in err
    code, _, err = run(["train", "--data", str(tmp_path), "--layers", "48,1", "--batch-size", "7"], capsys)
    assert code == 2 and "between 1 and the 6 training samples" in err


def test_bad_files_give_one_line_and_exit_1(tmp_path, capsys):
    (tmp_path / "train_catvnoncat.h5").write_text("not hdf5")
    code, out, err = run(["train", "--data", str(tmp_path)], capsys)
    assert code == 1 and out == ""
    assert err == "bpstudio: train_catvnoncat.h5: not an HDF5 file, or a damaged one\n"
    code, _, err = run(["classify", "--model", str(tmp_path / "none.npz"), "x.png"], capsys)
    assert code == 1 and err == "bpstudio: none.npz: file not found\n"


def write_png(path, pixels):
    from PySide6.QtGui import QImage

    h, w, _ = pixels.shape
    data = np.ascontiguousarray(pixels)
    QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).save(str(path))


def test_classify_gives_the_engines_probability(tmp_path, capsys, cat_files):
    _, x_test = cat_files(tmp_path / "data", m_train=20, m_test=4)
    model = tmp_path / "m.npz"
    code, _, err = run(["train", "--data", str(tmp_path / "data"), "--layers", "48,3,1",
                        "--iterations", "50", "--lr", "0.05", "--save", str(model)], capsys)
    assert code == 0, err
    paths = []
    for k, img in enumerate(x_test):
        paths.append(str(tmp_path / f"img{k}.png"))
        write_png(paths[-1], img)
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    code, out, err = run(["classify", "--model", str(model), "--json", *paths,
                          str(tmp_path / "bad.png")], capsys)
    assert code == 1 and err.startswith("bpstudio: bad.png: cannot read this image")
    results = json.loads(out.strip().splitlines()[-1])
    net, _ = load_model(model)
    expected = net.predict_proba(load_catvnoncat(tmp_path / "data").X_test)[0]
    assert [r["path"] for r in results] == paths
    np.testing.assert_allclose([r["probability"] for r in results], expected, rtol=0, atol=1e-12)
    assert [r["label"] for r in results] == ["cat" if p > 0.5 else "non-cat" for p in expected]


def test_the_installed_program_runs_from_another_folder(tmp_path, cat_files):
    exe = shutil.which("bpstudio", path=os.path.dirname(sys.executable))
    assert exe, "the bpstudio entry point is not installed next to this Python"
    cat_files(tmp_path / "data")
    proc = subprocess.run([exe, "train", "--data", "data", "--layers", "48,2,1", "--iterations",
                           "3", "--log-every", "1", "--json"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout.splitlines()[-1])["costs"]) == 3
    assert proc.stderr == ""  # no progress bar when stderr is not a terminal


# ----- hostile arguments and files (issue 22) -------------------------------------------------------

@pytest.mark.parametrize("args,words", [
    (["--seed", "-1"], "argument --seed: must be a whole number from 0 to 4294967295, not -1"),
    (["--seed", "4294967296"], "argument --seed: must be a whole number from 0 to 4294967295"),
    (["--iterations", "1000000000000"], "the number of iterations must be a whole number from 1 to "
                                        "10,000,000"),
    (["--layers", "48,100000000,1"], "a network of 4,900,000,000 weights is too big to allocate"),
    (["--layers", "48,5,2"], "the output layer has 2 neurons"),
])
def test_arguments_that_cannot_be_run_or_allocated_exit_2(tmp_path, capsys, cat_files, args, words):
    cat_files(tmp_path)
    code, _, err = run(["train", "--data", str(tmp_path), *args], capsys)
    assert code == 2 and "usage: bpstudio train" in err and words in err


def hostile_models(tmp_path):
    from hostile_files import model_with, npz_bomb, npz_declaring

    return {
        "bomb.npz": (npz_bomb(tmp_path / "bomb.npz", 2e9), "its arrays would need 2,000 MB"),
        "declares.npz": (npz_declaring(tmp_path / "declares.npz"), "not a model file (.npz), or a "
                                                                 "damaged one"),
        "one.npz": (model_with(tmp_path / "one.npz", class_names=np.array(["cat"])),
                    "needs two class names"),
        "nan.npz": (model_with(tmp_path / "nan.npz", W1=np.full((3, 48), np.nan)),
                    "its parameters hold NaN"),
        "seed.npz": (model_with(tmp_path / "seed.npz", seed=np.array(-3)), "a seed must be"),
    }


def test_hostile_model_files_give_one_line_and_exit_1(tmp_path, capsys):
    for name, (path, words) in hostile_models(tmp_path).items():
        code, out, err = run(["classify", "--model", str(path), "x.png"], capsys)
        assert code == 1 and out == "" and err.count("\n") == 1, err
        assert err.startswith(f"bpstudio: {name}: ") and words in err


def test_a_model_whose_output_is_not_a_number_prints_valid_json(tmp_path, capsys):
    """Weights of 1e308 on a white picture: Z[1] overflows to ∞, and W[2] makes ∞ − ∞. JSON has
    no NaN: null, and why."""
    from hostile_files import model_with

    model = model_with(tmp_path / "m.npz", W1=np.full((3, 48), 1e308), W2=np.array([[1.0, -1, 1]]))
    write_png(tmp_path / "white.png", np.full((4, 4, 3), 255, np.uint8))
    code, out, err = run(["classify", "--model", str(model), "--json", str(tmp_path / "white.png")],
                         capsys)

    def no_constants(name):
        raise AssertionError(f"{name} in JSON")
    result = json.loads(out.strip().splitlines()[-1], parse_constant=no_constants)
    assert code == 1 and err == "bpstudio: white.png: the model's output is not a number\n"
    assert result == [{"path": str(tmp_path / "white.png"), "probability": None, "label": None,
                       "reason": "the model's output is not a number"}]


def test_classifying_an_svg_never_aborts_the_process(tmp_path, capsys):
    """Qt's SVG reader needs a QGuiApplication, which the command line has not: it aborted."""
    from hostile_files import model_with

    model = model_with(tmp_path / "m.npz")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>Hi</text></svg>'
    (tmp_path / "a.svg").write_text(svg)
    (tmp_path / "b.png").write_text(svg)  # an SVG by any other name
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    proc = subprocess.run([sys.executable, "-m", "bpstudio", "classify", "--model", str(model),
                           str(tmp_path / "a.svg"), str(tmp_path / "b.png")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines() == [
        f"bpstudio: {n}: SVG pictures are not read here; BP Studio reads PNG, JPEG, BMP, GIF, "
        "WebP and TIFF" for n in ("a.svg", "b.png")]


def test_a_fifo_given_as_data_is_refused_at_once(tmp_path):
    from hostile_files import fifo

    fifo(tmp_path / "train_catvnoncat.h5")
    (tmp_path / "test_catvnoncat.h5").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "bpstudio", "train", "--data", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stderr == (
        "bpstudio: train_catvnoncat.h5: not a regular file (a device, a pipe or a socket); not read\n")
