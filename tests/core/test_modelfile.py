from __future__ import annotations

import os
import pickle

import numpy as np
import pytest

from bpstudio.core import modelfile
from bpstudio.core.modelfile import ModelFileError, load_model, save_model
from bpstudio.core.network import Network, NetworkError


def trained_net():
    net = Network.create([6, 3, 1], ["tanh", "sigmoid"], init="he", seed=9, precision="float32")
    rng = np.random.default_rng(0)
    net.iteration(rng.random((6, 5)), np.ones((1, 5)), 0.1)
    return net


def test_round_trip_keeps_parameters_and_metadata(tmp_path):
    net = trained_net()
    path = tmp_path / "m.npz"
    save_model(path, net, input_shape=(1, 2, 3), class_names=("non-cat", "cat"))
    back, info = load_model(path)
    for a, b in zip(net.weights + net.biases, back.weights + back.biases):
        np.testing.assert_array_equal(a, b)
    assert (back.dims, back.activations, back.loss, back.init, back.seed, back.precision,
            back.iterations_trained) == ((6, 3, 1), ("tanh", "sigmoid"), "bce", "he", 9, "float32", 1)
    assert info.input_shape == (1, 2, 3) and info.class_names == ("non-cat", "cat")
    with np.load(path, allow_pickle=False) as z:  # the seed's parameter dictionary, readable anywhere
        assert {"W1", "b1", "W2", "b2"} <= set(z.files)


def test_a_pickled_object_is_refused(tmp_path):
    path = tmp_path / "evil.npz"
    np.savez(path, dims=np.array([2, 1]), W1=np.array([{"run": "code"}], dtype=object))
    with pytest.raises(ModelFileError, match="pickled Python objects; refused"):
        load_model(path)


def test_a_bare_pickle_is_refused(tmp_path):
    path = tmp_path / "evil.npz"
    path.write_bytes(pickle.dumps({"W1": [1.0]}))
    with pytest.raises(ModelFileError, match="evil.npz: holds pickled Python objects"):
        load_model(path)


@pytest.mark.parametrize(
    "content,words",
    [
        (b"", "not a model file"),
        (b"hello", "not a model file"),
    ],
)
def test_broken_files(tmp_path, content, words):
    path = tmp_path / "broken.npz"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=words):
        load_model(path)


def test_inconsistent_shapes_are_refused(tmp_path):
    path = tmp_path / "m.npz"
    np.savez(path, dims=np.array([3, 1]), activations=np.array(["sigmoid"]),
             W1=np.zeros((1, 4)), b1=np.zeros((1, 1)))
    with pytest.raises(ModelFileError, match=r"layer 1: W is \(1, 4\)"):
        load_model(path)


def test_a_failed_save_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "m.npz"
    net = trained_net()
    save_model(path, net)
    before = path.read_bytes()

    def disk_full(f, **arrays):
        f.write(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(modelfile.np, "savez", disk_full)
    with pytest.raises(ModelFileError, match="could not save \\(No space left on device\\)"):
        save_model(path, Network.create([6, 2, 1]))
    assert path.read_bytes() == before
    assert load_model(path)[0].dims == (6, 3, 1)
    assert os.listdir(tmp_path) == ["m.npz"]  # no temporary file left behind


@pytest.mark.parametrize("key, value, words", [
    ("initializer", "bogus", "unknown initialiser 'bogus'"),
    ("initializer", "", "unknown initialiser ''"),
    ("initializer", "LeCun", "unknown initialiser 'LeCun'"),
    ("loss", "hinge", "unknown cost 'hinge'"),
    ("precision", "float16", "unknown precision 'float16'"),
])
def test_a_model_naming_a_setting_the_engine_does_not_know_is_refused_when_read(tmp_path, key,
                                                                                value, words):
    """An unknown initialiser name was loaded and classified with, then raised when the window
    named it or the network was reset; every setting is checked where the network is made."""
    good = tmp_path / "good.npz"
    save_model(good, trained_net(), input_shape=(6,), class_names=("a", "b"))
    data = dict(np.load(good))
    data[key] = np.array(value)
    bad = tmp_path / "bad.npz"
    np.savez(bad, **data)
    with pytest.raises(ModelFileError) as caught:
        load_model(bad)
    assert str(caught.value).startswith("bad.npz: ") and words in str(caught.value)


@pytest.mark.parametrize("field", ["init", "loss", "activations"])
def test_a_setting_that_is_not_a_name_is_refused_with_a_message(field):
    net = trained_net()
    args = dict(dims=net.dims, activations=net.activations, weights=net.weights, biases=net.biases)
    args[field] = [["x"]] * len(net.activations) if field == "activations" else ["x"]
    with pytest.raises(NetworkError):
        Network(**args)


def _model(path, dims, **entries):
    """A model file of ``dims`` (parameters zero) with ``entries`` in place of the saved ones."""
    arrays = {"dims": np.array(dims), "activations": np.array(["relu"] * (len(dims) - 2) + ["sigmoid"])}
    for l in range(1, len(dims)):
        arrays[f"W{l}"], arrays[f"b{l}"] = np.zeros((dims[l], dims[l - 1])), np.zeros((dims[l], 1))
    arrays.update(entries)
    np.savez(path, **arrays)
    return path


# what the editor refuses (issue 33): refused when the model file is read, with the reason
BEYOND_THE_EDITOR = {
    "a class name of 900,000 characters": (([2, 1],), {"class_names": np.array(["a", "b" * 900_000])},
                                           "m.npz: class_names has 900,000 characters; at most 255"),
    "a loss of 900,000 characters": (([2, 1],), {"loss": np.array("x" * 900_000)},
                                     "m.npz: loss has 900,000 characters; at most 255"),
    "an activation of 900,000 characters": (([2, 1],), {"activations": np.array(["s" * 900_000])},
                                            "m.npz: activations has 900,000 characters; at most 255"),
    "2**62 iterations": (([2, 1],), {"iterations": np.array(2**62)},
                         "m.npz: iterations must lie between 0 and 9,007,199,254,740,992"),
    "-1 iterations": (([2, 1],), {"iterations": np.array(-1)},
                      "m.npz: iterations must lie between 0 and 9,007,199,254,740,992"),
}


@pytest.mark.parametrize("case", BEYOND_THE_EDITOR, ids=list(BEYOND_THE_EDITOR))
def test_a_model_beyond_the_editor_is_refused_when_read(tmp_path, case):
    (dims,), entries, words = BEYOND_THE_EDITOR[case]
    path = _model(tmp_path / "m.npz", dims, **entries)
    with pytest.raises(ModelFileError) as refused:
        load_model(path)
    assert str(refused.value) == words


@pytest.mark.parametrize("dims", [[48, 600, 1], [2] + [3] * 19 + [1]])
def test_a_model_wider_or_deeper_than_the_editor_makes_is_read(tmp_path, dims):
    """`bpstudio train --layers` makes them and `classify` uses them; the window refuses them
    where it takes a network (NetworkModel.set_network)."""
    net, _ = load_model(_model(tmp_path / "m.npz", dims))
    assert list(net.dims) == dims


def test_a_model_of_the_largest_count_saves_again(tmp_path):
    """A count of 10**30 overflowed the export; the largest a file may hold exports as read."""
    top = 2**53
    path = _model(tmp_path / "m.npz", [2, 3, 1], iterations=np.array(top),
                  class_names=np.array(["a" * 200, "b"]))
    net, info = load_model(path)
    assert net.iterations_trained == top
    save_model(tmp_path / "again.npz", net, class_names=info.class_names)
    back, info = load_model(tmp_path / "again.npz")
    assert back.iterations_trained == top and info.class_names == ("a" * 200, "b")
