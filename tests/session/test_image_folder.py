"""Your own images: one sub-folder per class, every image resized to the chosen input size."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from bpstudio.core.datasets import DatasetError
from bpstudio.core.trainer import RunState
from bpstudio.session.image_folder import load_image_folder


def picture(path, w, h, colour):
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))


@pytest.fixture
def folder(tmp_path, qapp):
    root = tmp_path / "pets"
    for name, colour, sizes in (("cat", "#ff0000", [(64, 64), (120, 80), (30, 50)]),
                                ("not-cat", "#0000ff", [(64, 64), (200, 100)])):
        (root / name).mkdir(parents=True)
        for k, (w, h) in enumerate(sizes):
            picture(root / name / f"{k}.png", w, h, colour)
    (root / "not-cat" / "readme.txt").write_text("not an image")  # passed over by its suffix
    return root


def test_each_class_folder_gives_its_label_and_every_image_the_chosen_size(folder):
    result = load_image_folder(folder, side=16, train_share=0.6, seed=0)
    d = result.dataset
    assert d.input_shape == (16, 16, 3) and d.n_features == 16 * 16 * 3
    assert d.classes == ("not-cat", "cat")  # not-… is class 0, whatever the alphabet says
    X = np.hstack([d.X_train, d.X_test])
    Y = np.hstack([d.Y_train, d.Y_test])[0]
    assert X.shape[1] == 5 and d.X_train.shape[1] == 3 and result.skipped == ()
    red = X.reshape(16, 16, 3, 5)[..., 0, :].mean(axis=(0, 1))  # pixels as the seed lays them out
    np.testing.assert_array_equal(Y, (red > 0.5).astype(float))  # the red ones are the cats
    assert sorted(Y) == [0, 0, 1, 1, 1]


def test_without_a_negative_name_the_alphabet_decides(tmp_path, qapp):
    for name in ("banana", "apple"):
        (tmp_path / name).mkdir()
        picture(tmp_path / name / "a.png", 8, 8, "#00ff00")
        picture(tmp_path / name / "b.png", 8, 8, "#00ff00")
    assert load_image_folder(tmp_path, side=8).dataset.classes == ("apple", "banana")


def test_a_broken_image_is_skipped_and_named(folder):
    (folder / "cat" / "cut.jpg").write_bytes(b"\xff\xd8\xff\xe0 half a picture")
    result = load_image_folder(folder, side=8)
    assert result.dataset.X_train.shape[1] + result.dataset.X_test.shape[1] == 5
    assert len(result.skipped) == 1 and result.skipped[0].startswith("cut.jpg: ")


def test_progress_is_reported_image_by_image(folder):
    seen = []
    load_image_folder(folder, side=8, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(k, 5) for k in range(1, 6)]


@pytest.mark.parametrize("make,words", [
    (lambda root: (root / "a").mkdir(), "exactly two sub-folders, one per class .* found 1: a"),
    (lambda root: [(root / n).mkdir() for n in "abc"], "found 3: a, b, c"),
])
def test_other_than_two_class_folders_is_refused(tmp_path, qapp, make, words):
    root = tmp_path / "data"
    root.mkdir()
    make(root)
    with pytest.raises(DatasetError, match=words):
        load_image_folder(root)


def test_a_class_without_readable_images_is_refused(folder):
    for f in (folder / "not-cat").glob("*.png"):
        f.write_bytes(b"garbage")
    with pytest.raises(DatasetError, match="pets/not-cat: none of its images could be read"):
        load_image_folder(folder, side=8)
    for f in (folder / "not-cat").glob("*.png"):
        f.unlink()
    with pytest.raises(DatasetError, match="pets/not-cat: no images"):
        load_image_folder(folder, side=8)


def test_the_size_must_be_sensible(folder):
    with pytest.raises(DatasetError, match="8–256 pixels a side, not 4"):
        load_image_folder(folder, side=4)


def test_a_folder_read_while_training_starts_is_not_applied_and_says_so(studio, qtbot, folder,
                                                                        monkeypatch):
    import threading

    from bpstudio.session import data_choice

    release = threading.Event()
    real = data_choice.load_image_folder

    def slow(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(data_choice, "load_image_folder", slow)
    s = studio()
    before = s.model.dataset
    assert s.model.data.open_image_folder(str(folder), side=8)
    s.model.set_hyper(iterations=10**6)
    assert s.training.start()
    with qtbot.waitSignal(s.model.error_reported, timeout=10_000) as said:
        release.set()
    assert "were read, but the network was busy" in said.args[0]
    assert s.model.dataset is before
    s.training.stop()
    qtbot.waitUntil(lambda: s.training.state is RunState.IDLE, timeout=10_000)
