"""Dropping files on the window, as a file manager does: real QDropEvents carrying file URLs."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage

from bpstudio.app.main_window import MainWindow

from bpstudio.session.studio import Studio
from file_drops import drop, photo, wait_results
from bpstudio.core.datasets import images_to_columns
from bpstudio.core.modelfile import save_model
from bpstudio.core.network import Network
from bpstudio.core.trainer import HyperParameters, RunState, Trainer
from bpstudio.session import classify as classify_module
from bpstudio.widgets.item_text import text_margins

# the classic 1×1 GIF: Qt reads GIF but cannot write it
GIF_1x1 = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
           b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


@pytest.fixture
def window(qtbot, cat_data_dir):
    w = MainWindow(Studio())
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    return w


def test_every_image_format_is_classified(window, qtbot, tmp_path):
    paths = []
    for fmt in ("png", "jpg", "bmp", "webp", "tiff"):
        path = tmp_path / f"picture.{fmt}"
        assert photo(90, 70).save(str(path)), fmt
        paths.append(path)
    (tmp_path / "tiny.gif").write_bytes(GIF_1x1)
    paths.append(tmp_path / "tiny.gif")
    drop(window, paths)
    wait_results(qtbot, window, 6)
    texts = window.gallery.result_texts()
    assert [t.split(":")[0] for t in texts] == [p.name for p in paths]
    net = window.studio.model.network
    for r, text in zip(window.studio.classify.results, texts):
        p = float(net.predict_proba(images_to_columns(r.pixels[None]))[0, 0])
        assert text == f"{r.name}: {p:.2f} {'cat' if p > 0.5 else 'non-cat'}"
        assert r.pixels.shape == (64, 64, 3)
    assert window.gallery_dock.isVisible()


@pytest.mark.parametrize(
    "name,content,words",
    [
        ("notes.jpg", b"this is a text file\n", "notes.jpg: cannot read this image"),
        ("broken.png", None, "broken.png: cannot read this image"),
        ("empty.png", b"", "empty.png: the file is empty"),
        ("notes.txt", b"hello", "notes.txt: not an image, a data set (.h5 or .csv), a model "
                                "(.npz), a session (.bpstudio) or a lesson (.md)"),
    ],
)
def test_bad_files_give_a_message_naming_them_and_change_nothing(window, qtbot, tmp_path, name,
                                                                  content, words):
    path = tmp_path / name
    if content is None:  # a PNG cut in half
        assert photo(64, 64).save(str(path))
        data = path.read_bytes()
        content = data[: len(data) // 2]
    path.write_bytes(content)
    before = window.studio.model.network
    drop(window, [path])
    qtbot.waitUntil(lambda: words in window.gallery.messages.text(), timeout=5000)
    assert window.studio.classify.results == [] and window.studio.model.network is before


def test_a_huge_image_is_refused_with_a_message(window, qtbot, tmp_path):
    """A PNG whose header says 20000×20000: refused by the size its header declares, no freeze."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
           + chunk(b"IDAT", zlib.compress(b"\x00" * 60001)) + chunk(b"IEND", b""))
    path = tmp_path / "huge.png"
    path.write_bytes(png)
    drop(window, [path])
    qtbot.waitUntil(lambda: "huge.png: the picture says it is 20000×20000 pixels"
                    in window.gallery.messages.text(), timeout=10_000)
    assert window.studio.classify.results == []


def test_a_folder_brings_its_images_bounded(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(classify_module, "MAX_FOLDER_IMAGES", 3)
    for k in range(5):
        photo(80, 80, seed=k).save(str(tmp_path / f"img{k}.png"))
    (tmp_path / "readme.txt").write_text("not an image")
    drop(window, [tmp_path])
    wait_results(qtbot, window, 3)
    assert [r.name for r in window.studio.classify.results] == ["img0.png", "img1.png", "img2.png"]
    assert "took the first 3 of 5 images; 2 skipped" in window.gallery.messages.text()


def test_dropping_a_data_set_and_a_model(qtbot, tmp_path, cat_data_dir):
    w = MainWindow(Studio())
    qtbot.addWidget(w)
    w.show()
    drop(w, [cat_data_dir / "train_catvnoncat.h5"])
    w.studio.model.loader.wait()  # read on a thread
    assert w.studio.model.dataset.n_features == 12288
    net = Network.create([12288, 3, 1], seed=5)
    save_model(tmp_path / "small.npz", net)
    drop(w, [tmp_path / "small.npz"])
    w.studio.model.loader.wait()
    assert w.studio.model.network.dims == (12288, 3, 1)
    np.testing.assert_array_equal(w.studio.model.network.weights[0], net.weights[0])
    np.savez(tmp_path / "evil.npz", dims=np.array([12288, 1]), W1=np.array([object()], dtype=object))
    drop(w, [tmp_path / "evil.npz"])
    w.studio.model.loader.wait()
    assert "evil.npz: holds pickled Python objects; refused" in w.statusBar().currentMessage()
    # a model for other inputs opens on its own; the data set waits one Ctrl+Z away
    save_model(tmp_path / "other.npz", Network.create([3, 2, 1], ["sigmoid", "sigmoid"]))
    drop(w, [tmp_path / "other.npz"])
    w.studio.model.loader.wait()
    assert w.statusBar().currentMessage() == (
        "model other.npz takes 3 inputs and came without data: training it needs matching data. "
        "catvnoncat was put aside (Ctrl+Z brings it back).")
    assert w.studio.model.network.dims == (3, 2, 1) and w.studio.model.dataset.name == "other.npz"
    w.menus.actions["UndoAction"].trigger()  # Edit → Undo
    assert w.studio.model.network.dims == (12288, 3, 1) and w.studio.model.dataset.n_features == 12288


def test_ctrl_v_classifies_the_clipboard_image(window, qtbot):
    QGuiApplication.clipboard().setImage(photo(120, 80, seed=3))
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_results(qtbot, window, 1)
    assert window.gallery.result_texts()[0].startswith("pasted image: ")


def test_crop_and_squash_prepare_a_wide_picture_differently(window, qtbot, tmp_path):
    wide = np.zeros((64, 192, 3), np.uint8)
    wide[:, :64] = (255, 0, 0)  # red left third, green middle, blue right
    wide[:, 64:128] = (0, 255, 0)
    wide[:, 128:] = (0, 0, 255)
    QImage(wide.data, 192, 64, 576, QImage.Format.Format_RGB888).copy().save(str(tmp_path / "w.png"))
    drop(window, [tmp_path / "w.png"])
    wait_results(qtbot, window, 1)
    cropped = window.studio.classify.results[0].pixels
    assert (cropped[:, :, 1] == 255).all()  # the centre square is all green
    window.gallery.mode_box.setCurrentIndex(1)
    window.gallery.mode_box.activated.emit(1)
    squashed = window.studio.classify.results[0].pixels
    assert squashed[32, 2, 0] > 200 and squashed[32, 61, 2] > 200  # red at left, blue at right


def test_selecting_a_result_makes_it_the_current_sample(window, qtbot, tmp_path):
    photo(64, 64, seed=9).save(str(tmp_path / "mine.png"))
    drop(window, [tmp_path / "mine.png"])
    wait_results(qtbot, window, 1)
    window.gallery.list.setCurrentRow(0)
    x = window.studio.model.sample.forward()[0]
    np.testing.assert_array_equal(x, images_to_columns(window.studio.classify.results[0].pixels[None]))
    assert "your image mine.png" in window.equations.title.text()
    window.studio.stepper.go(8)  # the whole forward pass of that very photo
    p = window.studio.model.network.predict_proba(x)[0, 0]
    assert window.studio.stepper.stepper.steps[7].result.value[0, 0] == p


def test_an_untrained_network_says_so_and_offers_to_train(window, qtbot):
    window.gallery_dock.raise_()
    gallery = window.gallery
    qtbot.waitUntil(gallery.isVisible)
    assert gallery.untrained.isVisible() and gallery.train_button.isVisible()
    assert gallery.untrained.text() == "This network is untrained: its probabilities are noise."
    window.studio.model.set_hyper(iterations=1_000_000)
    qtbot.mouseClick(gallery.train_button, Qt.MouseButton.LeftButton)
    assert window.studio.training.state is RunState.RUNNING
    qtbot.waitUntil(lambda: not gallery.untrained.isVisible(), timeout=10_000)
    assert not gallery.train_button.isVisible()
    with qtbot.waitSignal(window.studio.training.state_changed,
                          check_params_cb=lambda s: s is RunState.IDLE):
        window.studio.training.stop()


def test_the_untrained_warning_and_the_test_set_gallery(window, qtbot, cat_data):
    assert "untrained" in window.gallery.untrained.text()
    net = Network.create([12288, 20, 7, 5, 1])
    list(Trainer(net, cat_data.X_train, cat_data.Y_train, HyperParameters(0.0075, 300)).run())
    assert window.studio.model.set_network(net, "trained")
    assert window.gallery.untrained.text() == ""
    window.gallery_dock.raise_()
    window.gallery.tabs.setCurrentIndex(1)
    items = window.gallery.test_list
    # 50 images through the four-layer net: classified on a thread, the list fills when done
    qtbot.waitUntil(lambda: items.count() == 50 and not window.gallery.test_predictions.pending)
    wrong = int(((net.predict_proba(cat_data.X_test) > 0.5) != (cat_data.Y_test > 0.5)).sum())
    assert window.gallery.test_summary.text().startswith(f"{wrong} of 50 test images misclassified")
    window.gallery.only_wrong.setChecked(True)
    shown = [items.item(k) for k in range(50) if not items.item(k).isHidden()]
    assert len(shown) == wrong and all("✗" in i.toolTip() for i in shown)
    window.gallery.only_wrong.setChecked(False)
    first_height = items.fontMetrics().height()
    # every caption whole under its picture ("#12 non-cat ✗" was cut to "#12 non-cat…"), in a
    # larger UI text too (Ctrl+= twice)
    for zoomed in range(3):
        if zoomed:
            qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
            QCoreApplication.processEvents()
        fm = items.fontMetrics()
        # as the delegate draws it: elided to its rect less the margins beside the text
        cut = [text for text, rect in ((items.item(k).text(), items.visualItemRect(items.item(k)))
                                       for k in range(50))
               if fm.elidedText(text, Qt.TextElideMode.ElideRight,
                                rect.width() - text_margins(items)) != text]
        assert cut == [], (zoomed, cut)
    assert fm.height() > first_height
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # (as it was)


def test_dropped_test_images_give_the_engines_probability(qtbot, tmp_path, cat_data_dir, cat_data,
                                                          seed_run):
    """Four-layer net, float64, 2500 iterations (the seed's run, tests/seed_run.py); every test
    image written to PNG and dropped."""
    import h5py

    net = seed_run.network
    assert (net.dims, net.precision, net.iterations_trained) == ((12288, 20, 7, 5, 1), "float64",
                                                                 2500)
    with h5py.File(cat_data_dir / "test_catvnoncat.h5") as f:
        images = f["test_set_x"][()]
    paths = []
    for k, img in enumerate(images):
        paths.append(tmp_path / f"test{k:02d}.png")
        QImage(np.ascontiguousarray(img).data, 64, 64, 192, QImage.Format.Format_RGB888).copy().save(
            str(paths[-1]))
    w = MainWindow(Studio())
    qtbot.addWidget(w)
    w.show()
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    assert w.studio.model.set_network(net, "trained")
    drop(w, paths)
    wait_results(qtbot, w, 50)
    got = np.array([r.probability for r in w.studio.classify.results])
    expected = net.predict_proba(cat_data.X_test)[0]
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)


def test_the_gallery_follows_new_parameters_without_holding_up_the_window(window, qtbot,
                                                                           tmp_path):
    """20 pictures through the seed's 12288-20-7-5-1 network is 5·10⁶ multiply-adds: the pass
    runs on a thread (a 512-wide layer made it 0.7 s of frozen window while training); the
    cards show the new numbers when it lands."""
    paths = []
    for k in range(20):
        paths.append(tmp_path / f"photo{k:02d}.png")
        assert photo(80, 60, seed=k).save(str(paths[-1]))
    drop(window, paths)
    wait_results(qtbot, window, 20)
    before = window.gallery.result_texts()
    net = window.studio.model.network
    W = [w.copy() for w in net.weights]
    W[-1] = -W[-1] - 0.5  # every probability moves
    window.studio.model.set_parameters(W, [b.copy() for b in net.biases])
    assert window.studio.classify.predictions.pending
    assert window.gallery.result_texts() == before  # the event loop has not run: nothing waited
    qtbot.waitUntil(lambda: not window.studio.classify.predictions.pending)
    X = images_to_columns(np.stack([r.pixels for r in window.studio.classify.results]))
    p = window.studio.model.network.predict_proba(X)[0]
    expected = [f"{r.name}: {q:.2f} {'cat' if q > 0.5 else 'non-cat'}"
                for r, q in zip(window.studio.classify.results, p)]
    # the cards are drawn again a few a turn of the event loop (gallery: CARDS_A_TURN)
    qtbot.waitUntil(lambda: window.gallery.result_texts() == expected)
    assert window.gallery.result_texts() != before
