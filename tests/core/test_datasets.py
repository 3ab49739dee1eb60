from __future__ import annotations

import shutil

import h5py
import numpy as np
import pytest

from bpstudio.core.datasets import DatasetError, images_to_columns
from bpstudio.core.h5data import load_catvnoncat


def write_split(path, split, x, y, classes=(b"non-cat", b"cat")):
    with h5py.File(path, "w") as f:
        f[f"{split}_set_x"] = x
        f[f"{split}_set_y"] = y
        f["list_classes"] = np.array(classes)


def test_the_real_data_has_the_seeds_shapes(cat_data):
    assert cat_data.X_train.shape == (12288, 209) and cat_data.Y_train.shape == (1, 209)
    assert cat_data.X_test.shape == (12288, 50) and cat_data.Y_test.shape == (1, 50)
    assert cat_data.Y_train.sum() == 72 and cat_data.Y_test.sum() == 33
    assert cat_data.classes == ("non-cat", "cat") and cat_data.input_shape == (64, 64, 3)
    assert 0.0 <= cat_data.X_train.min() and cat_data.X_train.max() <= 1.0


def test_columns_follow_reshape_m_minus_1_over_255(tmp_path, cat_files):
    x_train, _ = cat_files(tmp_path)
    ds = load_catvnoncat(tmp_path)
    expected = x_train.reshape(x_train.shape[0], -1).T / 255.0  # the seed's own lines
    np.testing.assert_array_equal(ds.X_train, expected)
    np.testing.assert_array_equal(images_to_columns(x_train), expected)
    assert ds.X_train[1, 0] == x_train[0, 0, 0, 1] / 255  # row 1 is the green of pixel (0, 0)


@pytest.mark.parametrize("pick", ["folder", "train", "test"])
def test_loads_from_a_folder_or_either_file(tmp_path, pick, cat_files):
    cat_files(tmp_path)
    target = {"folder": tmp_path, "train": tmp_path / "train_catvnoncat.h5",
              "test": tmp_path / "test_catvnoncat.h5"}[pick]
    ds = load_catvnoncat(target)
    assert ds.X_train.shape == (48, 6) and ds.X_test.shape == (48, 4)


def test_the_seed_loaders_file_names(tmp_path, cat_files):
    cat_files(tmp_path, names=("train.h5", "test.h5"))
    assert load_catvnoncat(tmp_path / "test.h5").Y_test.shape == (1, 4)


def bad_case(tmp_path, case, cat_files):
    cat_files(tmp_path)
    train = tmp_path / "train_catvnoncat.h5"
    if case == "missing file":
        (tmp_path / "test_catvnoncat.h5").unlink()
    elif case == "truncated":
        data = train.read_bytes()
        train.write_bytes(data[: len(data) // 3])
    elif case == "text named .h5":
        train.write_text("this is not HDF5\n")
    elif case == "wrong keys":
        with h5py.File(train, "w") as f:
            f["images"] = np.zeros((6, 4, 4, 3), np.uint8)
    elif case == "wrong shape":
        write_split(train, "train", np.zeros((6, 4, 4), np.uint8), np.zeros(6, int))
    elif case == "count mismatch":
        write_split(train, "train", np.zeros((6, 4, 4, 3), np.uint8), np.zeros(5, int))
    elif case == "labels 0/1/2":
        write_split(train, "train", np.zeros((6, 4, 4, 3), np.uint8), np.array([0, 1, 2, 0, 1, 2]))
    elif case == "test size differs":
        write_split(tmp_path / "test_catvnoncat.h5", "test", np.zeros((4, 8, 8, 3), np.uint8), np.zeros(4, int))
    return tmp_path


@pytest.mark.parametrize(
    "case,words",
    [
        ("missing file", r"test_catvnoncat\.h5: file not found"),
        ("truncated", r"train_catvnoncat\.h5: (not an HDF5 file, or a damaged one|the file is truncated)"),
        ("text named .h5", r"train_catvnoncat\.h5: not an HDF5 file"),
        ("wrong keys", r"train_catvnoncat\.h5: missing train_set_x and train_set_y \(it has images\)"),
        ("wrong shape", r"train_set_x has shape \(6, 4, 4\)"),
        ("count mismatch", r"6 samples in train_set_x but 5 labels"),
        ("labels 0/1/2", r"labels must be 0 or 1, found 2"),
        ("test size differs", r"test samples are \(8, 8, 3\), train samples \(4, 4, 3\)"),
    ],
)
def test_bad_files_give_one_clear_message(tmp_path, case, words, cat_files):
    folder = bad_case(tmp_path, case, cat_files)
    with pytest.raises(DatasetError, match=words) as info:
        load_catvnoncat(folder)
    assert "\n" not in str(info.value)


def test_not_a_data_set_path(tmp_path):
    with pytest.raises(DatasetError, match="no such file or folder"):
        load_catvnoncat(tmp_path / "nowhere.h5")
    with pytest.raises(DatasetError, match="no cat data set here"):
        load_catvnoncat(tmp_path)


def test_declared_size_over_the_limit_is_refused_before_reading(tmp_path):
    for split, m in (("train", 200000), ("test", 4)):
        with h5py.File(tmp_path / f"{split}_catvnoncat.h5", "w") as f:
            # a lazily allocated dataset: it declares 40 GB but the file stays tiny
            f.create_dataset(f"{split}_set_x", shape=(m, 256, 256, 3), dtype=np.uint8)
            f[f"{split}_set_y"] = np.zeros(m, int)
    # counted as loaded: each byte becomes a float64 column too, 9 bytes in all
    with pytest.raises(DatasetError, match="would need 353.9 GB once loaded, over the 2.1 GB limit"):
        load_catvnoncat(tmp_path)


def test_real_files_copied_under_the_seed_names(cat_data_dir, tmp_path):
    shutil.copy(cat_data_dir / "train_catvnoncat.h5", tmp_path / "train.h5")
    shutil.copy(cat_data_dir / "test_catvnoncat.h5", tmp_path / "test.h5")
    assert load_catvnoncat(tmp_path / "train.h5").X_test.shape == (12288, 50)


@pytest.mark.parametrize("n", [256, 900_000])
def test_a_class_name_longer_than_a_name_is_refused(tmp_path, cat_files, n):
    """The names a session or a model file refuses (issue 33) do not come in through an .h5."""
    x_train, _ = cat_files(tmp_path)
    with h5py.File(tmp_path / "train_catvnoncat.h5", "r+") as f:
        del f["list_classes"]
        f["list_classes"] = np.array([b"non-cat", b"c" * n])
    with pytest.raises(DatasetError) as refused:
        load_catvnoncat(tmp_path)
    assert str(refused.value) == (f"train_catvnoncat.h5: a class name of {n:,} characters in "
                                  "list_classes; at most 255")
    with h5py.File(tmp_path / "train_catvnoncat.h5", "r+") as f:
        del f["list_classes"]
        f["list_classes"] = np.array([b"non-cat", b"c" * 200])
    assert load_catvnoncat(tmp_path).classes == ("non-cat", "c" * 200)
