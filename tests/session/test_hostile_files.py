"""Damaged, huge and strange files through the studio's own open paths, the ones a drop and the
File menu take (issue 22, classes 3, 4, 5 and 8): each is refused with one line naming the file
and the reason, before anything large is allocated, and nothing changes (the same through the
window: tests/app/test_hostile_files_in_the_window.py)."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hostile_files import (cat_pair, external_link, external_storage, fifo, model_with,
                           motion_photo, npz_bomb, npz_declaring, npz_members, npz_patched,
                           peak_rss_growth, soft_link, virtual_missing)
from PySide6.QtGui import QImage
from studio_actions import messages

from bpstudio.core.modelfile import save_model
from bpstudio.core.network import Network

MB = 1e6


@pytest.fixture
def session(studio, tmp_path):
    """A studio on a small data set of 4×4 RGB images (a network of 48 inputs)."""
    s = studio()
    assert s.open_dataset(str(cat_pair(tmp_path / "good")))
    s.model.loader.wait()
    assert s.model.network.dims[0] == 48
    return s


def last_said(s, open_them) -> str:
    """What the studio says last (what the window's status bar shows) once ``open_them()`` has
    been read."""
    said = messages(s)
    open_them()
    s.model.loader.wait()
    return said[-1] if said else ""


def dropped(s, *paths) -> str:
    """Open ``paths`` as a drop on the window opens them; the last message once they are read."""
    return last_said(s, lambda: s.open(*map(str, paths)))


def menu_open(s, action: str, path) -> str:
    """Open ``path`` as the File menu's ``action`` does once its dialog answers with it."""
    opening = {"OpenModelAction": lambda: s.open_model(str(path)),
               "OpenDataFolderAction": lambda: s.open_dataset(str(path)),
               "OpenImageFolderAction": lambda: s.open_image_folder(str(path), 16)}
    return last_said(s, opening[action])


def unchanged(s):
    return (s.model.network, s.model.dataset)


# ----- 3. limits before allocation ----------------------------------------------------------------

def test_a_zip_bomb_model_is_refused_before_it_is_unpacked(session, tmp_path):
    bomb = npz_bomb(tmp_path / "bomb.npz", 3.5e9)
    assert bomb.stat().st_size < 4 * MB  # 3.5 GB of zeros when unpacked
    before = unchanged(session)
    said, grew = peak_rss_growth(lambda: dropped(session, bomb))
    assert said == "bomb.npz: its arrays would need 3,500 MB, over the 1,074 MB limit"
    assert grew < 100 * MB and unchanged(session) == before


def test_a_header_declaring_36_gb_is_refused_before_allocating(session, tmp_path):
    path = npz_declaring(tmp_path / "declares.npz", (4_500_000_000,))
    assert path.stat().st_size < 4000
    before = unchanged(session)
    said, grew = peak_rss_growth(lambda: menu_open(session, "OpenModelAction", path))
    assert said == "declares.npz: not a model file (.npz), or a damaged one"
    assert grew < 100 * MB and unchanged(session) == before


def test_an_archive_of_too_many_members_is_refused_before_they_are_listed(session, tmp_path):
    path = npz_members(tmp_path / "many.npz", 1001)
    assert dropped(session, path) == "many.npz: 1,001 arrays; a model or session has at most 1000"


def test_an_h5_is_counted_as_loaded_before_it_is_read(session, tmp_path):
    """250 million 1-byte pixels declared: 2.25 GB once they are float64 columns too."""
    def lazy(m):
        def make(f, key):
            f.create_dataset(key, shape=(m, 64, 64, 3), dtype=np.uint8)
        return make
    folder = cat_pair(tmp_path / "huge", train={"train_set_x": lazy(20_000),
                                                "train_set_y": np.zeros(20_000)},
                      test={"test_set_x": lazy(300), "test_set_y": np.zeros(300)})
    before = unchanged(session)
    said, grew = peak_rss_growth(lambda: menu_open(session, "OpenDataFolderAction",
                                                   folder))
    assert said == "train_catvnoncat.h5: the data set would need 2.2 GB once loaded, over the 2.1 GB limit"
    assert grew < 100 * MB and unchanged(session) == before


def test_a_huge_list_of_class_names_is_not_read(session, tmp_path):
    def names(f, key):
        f.create_dataset(key, shape=(10**9,), dtype="S16")  # 16 GB declared, nothing stored
    folder = cat_pair(tmp_path / "names", train={"list_classes": names})
    said, grew = peak_rss_growth(lambda: dropped(session, folder / "train_catvnoncat.h5"))
    assert said == "train_catvnoncat.h5: list_classes is not a list of names"
    assert grew < 100 * MB


@pytest.mark.parametrize("name", ["train_catvnoncat.h5", "model.npz", "lesson.bpstudio",
                                  "rows.csv", "photo.jpg"])
def test_a_fifo_is_refused_at_once_and_closing_works(session, tmp_path, qtbot, name):
    pipe = fifo(tmp_path / name)
    before = unchanged(session)
    said = messages(session)
    session.open(str(pipe))
    session.model.loader.wait()
    if name.endswith(".jpg"):  # pictures are decoded by the gallery's own threads
        qtbot.waitUntil(lambda: any("not a regular file" in m for m in said))
    assert said == [f"{name}: not a regular file (a device, a pipe or a socket); not read"]
    assert unchanged(session) == before and not session.model.loader.running
    session.shut_down()  # what closing the session does: nothing left waiting on the pipe
    assert not session.busy


# ----- 4. plausible files give a message, never an exception ---------------------------------------

H5_CASES = {
    "a soft link to an array of the file": (
        lambda tmp: {"real_x": np.zeros((6, 4, 4, 3), np.uint8),
                     "train_set_x": soft_link("/real_x")}, None),
    "a soft link that leads nowhere": (
        lambda tmp: {"train_set_x": soft_link("/nothing")},
        "train_set_x is a link to another file, or one that leads nowhere"),
    "a soft link to itself": (
        lambda tmp: {"train_set_x": soft_link("/train_set_x")},
        "train_set_x is a link to another file, or one that leads nowhere"),
    "an external link": (
        lambda tmp: {"train_set_x": external_link(str(tmp / "other.h5"), "/x")},
        "train_set_x is a link to another file, or one that leads nowhere"),
    "a virtual data set with its source missing": (
        lambda tmp: {"train_set_x": virtual_missing(tmp / "missing.h5")},
        "train_set_x keeps its numbers in other files"),
    "zero samples": (
        lambda tmp: {"train_set_x": np.zeros((0, 4, 4, 3), np.uint8),
                     "train_set_y": np.zeros(0)}, "train_set_x holds no samples"),
    "a group where an array belongs": (
        lambda tmp: {"train_set_x": lambda f, key: f.create_group(key)}, "train_set_x must be an array"),
}


@pytest.mark.parametrize("case", H5_CASES, ids=list(H5_CASES))
def test_hdf5_links_virtual_sets_and_empty_arrays_are_a_message(session, tmp_path, case):
    make, words = H5_CASES[case]
    folder = cat_pair(tmp_path / "case", train=make(tmp_path))
    before = unchanged(session)
    said = dropped(session, folder)
    if words is None:  # a link inside the file is just another name for its array
        assert session.model.dataset.name == "case", said
        return
    assert said == f"train_catvnoncat.h5: {words}" or said.startswith(f"train_catvnoncat.h5: {words}")
    assert unchanged(session) == before


@pytest.mark.parametrize("flag,method,words", [
    (1, None, "encrypted, or packed with a compression numpy does not write; not read"),
    (None, 12, "encrypted, or packed with a compression numpy does not write; not read"),
    (None, 99, "encrypted, or packed with a compression numpy does not write; not read"),
])
def test_encrypted_or_strangely_compressed_archives_are_a_message(session, tmp_path, flag, method,
                                                                   words):
    good = model_with(tmp_path / "good.npz")
    path = npz_patched(tmp_path / "odd.npz", good, flag=flag, method=method)
    before = unchanged(session)
    assert dropped(session, path) == f"odd.npz: {words}"
    assert unchanged(session) == before


MODEL_CASES = {
    "no class names": ({"class_names": np.array([], dtype="<U1")}, "needs two class names"),
    "an empty class name": ({"class_names": np.array(["", "cat"])}, "needs two class names"),
    "one class name": ({"class_names": np.array(["cat"])}, "needs two class names (for 0 and 1), not ['cat']"),
    "an input shape of two numbers": ({"input_shape": np.array([8, 6])}, "input shape (8, 6); expected"),
    "an input shape with a zero": ({"input_shape": np.array([0, 4, 3])}, "damaged metadata (input_shape)"),
    "a seed of -1": ({"seed": np.array(-1)}, "a seed must be a whole number from 0 to 4294967295, not -1"),
    "a seed of 2⁴⁰": ({"seed": np.array(2**40)}, "a seed must be a whole number"),
    "negative iterations": ({"iterations": np.array(-5)},
                            "iterations must lie between 0 and 9,007,199,254,740,992"),
    "dims of floats": ({"dims": np.array([48.0, 3.0, 1.0])}, "damaged metadata (dims)"),
    "activations of numbers": ({"activations": np.array([1, 2])}, "damaged metadata (activations)"),
    "a newer format": ({"format_version": np.array(7)}, "made by a newer BP Studio (format 7)"),
    "a NaN weight": ({"W1": np.full((3, 48), np.nan)}, "its parameters hold NaN or infinite values"),
}


@pytest.mark.parametrize("case", MODEL_CASES, ids=list(MODEL_CASES))
def test_malformed_model_metadata_is_a_message(session, tmp_path, case):
    entries, words = MODEL_CASES[case]
    path = model_with(tmp_path / "odd.npz", **entries)
    before = unchanged(session)
    said = dropped(session, path)
    assert said.startswith("odd.npz: ") and words in said and "\n" not in said
    assert unchanged(session) == before


@pytest.mark.parametrize("dims,words", [
    ((48, 2000, 1), "layer 1 has 2,000 neurons; the editor takes 1 to 512"),
    ((48, *[4] * 9, 1), "9 hidden layers; the editor takes at most 8"),
])
def test_a_model_beyond_the_editor_is_refused(session, tmp_path, dims, words):
    path = tmp_path / "big.npz"
    save_model(path, Network.create(list(dims)), input_shape=(4, 4, 3))
    before = unchanged(session)
    # read (the command line classifies with it), refused where the window would take it
    assert dropped(session, path) == f"Model big.npz: {words}."
    assert unchanged(session) == before


def test_a_model_of_two_outputs_is_refused(session, tmp_path):
    path = model_with(tmp_path / "two.npz", W2=np.zeros((2, 3)), b2=np.zeros((2, 1)),
                      dims=np.array([48, 3, 2]))
    assert dropped(session, path) == ("two.npz: the output layer has 2 neurons; BP Studio's "
                                     "networks have one (the probability of class 1)")


# ----- 5. nothing silently wrong -------------------------------------------------------------------

def test_nan_features_in_an_h5_are_refused_like_a_csv_refuses_them(session, tmp_path):
    x = np.ones((6, 5))
    x[3, 2] = np.nan
    x[4, 0] = np.inf
    folder = cat_pair(tmp_path / "nan", train={"train_set_x": x}, test={"test_set_x": np.ones((6, 5))})
    before = unchanged(session)
    assert dropped(session, folder) == ("train_catvnoncat.h5: train_set_x holds NaN or infinite "
                                       "values (sample 4 and 2 in all)")
    assert unchanged(session) == before


def test_external_storage_would_read_any_local_file_and_is_refused(session, tmp_path):
    secret = tmp_path / "secret.bin"
    secret.write_bytes(os.urandom(6 * 48))
    folder = cat_pair(tmp_path / "ext", train={"train_set_x": external_storage(secret)})
    before = unchanged(session)
    assert dropped(session, folder) == ("train_catvnoncat.h5: train_set_x keeps its numbers in "
                                       "other files; only data stored in this file is read")
    assert unchanged(session) == before


@pytest.mark.parametrize("test_x,words", [
    (np.full((6, 4, 4, 3), 300.0), "test_catvnoncat.h5: images must be 8-bit (uint8), not float64"),
    (np.zeros((6, 4, 4, 3), np.int16), "test_catvnoncat.h5: images must be 8-bit (uint8), not int16"),
])
def test_test_images_are_checked_like_training_images(session, tmp_path, test_x, words):
    folder = cat_pair(tmp_path / "test", test={"test_set_x": test_x})
    assert dropped(session, folder) == words


def test_complex_numbers_are_refused(session, tmp_path):
    folder = cat_pair(tmp_path / "complex", train={"train_set_x": np.ones((6, 5), complex)},
                      test={"test_set_x": np.ones((6, 5))})
    assert dropped(session, folder) == ("train_catvnoncat.h5: train_set_x holds complex numbers; "
                                       "expected real ones")


def test_a_list_of_one_class_name_is_refused(session, tmp_path):
    folder = cat_pair(tmp_path / "one", train={"list_classes": np.array([b"cat"])})
    assert dropped(session, folder) == ("train_catvnoncat.h5: list_classes must name the two "
                                       "classes (0 and 1), not ['cat']")


# ----- 8. the right words -------------------------------------------------------------------------

def test_permission_denied_says_so(session, tmp_path, monkeypatch):
    from bpstudio.core import readable

    cases = {"train_catvnoncat.h5": cat_pair(tmp_path / "locked") / "train_catvnoncat.h5",
             "m.npz": model_with(tmp_path / "m.npz")}
    real = readable.os.open

    def locked(path, *args, **kwargs):  # what a file of another user's gives
        if os.path.basename(path) in cases:
            raise PermissionError(13, "Permission denied", path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(readable.os, "open", locked)
    for name, path in cases.items():
        assert dropped(session, path) == f"{name}: permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_says_permission_denied(session, tmp_path):
    path = model_with(tmp_path / "m.npz")
    path.chmod(0)
    assert dropped(session, path) == "m.npz: permission denied"


def test_a_motion_photo_is_read_and_a_cut_off_jpeg_is_not(session, tmp_path, qtbot):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0xFF3366)
    assert image.save(str(tmp_path / "plain.jpg"), "JPEG")
    jpeg = (tmp_path / "plain.jpg").read_bytes()
    (tmp_path / "motion.jpg").write_bytes(motion_photo(jpeg))
    (tmp_path / "cut.jpg").write_bytes(jpeg[: len(jpeg) - 40])
    said = messages(session)
    session.open(str(tmp_path / "motion.jpg"), str(tmp_path / "cut.jpg"))
    qtbot.waitUntil(lambda: session.classify.pending == 0 and len(session.classify.results) == 1)
    assert [r.name for r in session.classify.results] == ["motion.jpg"]
    assert said == ["cut.jpg: the JPEG file is incomplete (cut off before its end)"]


def test_one_bad_picture_in_a_class_folder_is_skipped_and_named(session, tmp_path):
    root = tmp_path / "pets"
    for name in ("cat", "not-cat"):
        (root / name).mkdir(parents=True)
        for k in range(3):
            image = QImage(20, 20, QImage.Format.Format_RGB32)
            image.fill(0xFF0000 if name == "cat" else 0x0000FF)
            assert image.save(str(root / name / f"{k}.png"))
    fifo(root / "cat" / "pipe.jpg")
    (root / "cat" / "drawing.png").write_text('<svg xmlns="http://www.w3.org/2000/svg" '
                                              'width="9" height="9"/>')
    notes = []
    session.model.note.connect(notes.append)
    menu_open(session, "OpenImageFolderAction", root)
    assert session.model.dataset.name == "pets" and session.model.dataset.input_shape == (16, 16, 3)
    assert notes[-1].startswith("pets: 6 images read (4 training, 2 test). Skipped 2 files")
    assert "drawing.png: SVG pictures are not read here" in notes[-1]
    assert "pipe.jpg: not a regular file" in notes[-1]
