"""Files for the monkey test to drop on the window: good ones and bad ones, built in a temporary
folder (nothing here is committed data).

``build_corpus(folder, write_cat_files)`` returns a list of ``Item``s. ``kind`` tells the test what
a drop of the item may do:

* ``"refused"``: a bad file. It must change neither the network nor the data set, and it must
  never raise.
* ``"image"``: a good picture (or a folder of them). It changes neither network nor data set; it
  may land in the classify gallery (only when the data set is one of images).
* ``"good"``: a data set, model or session that may replace the network and data (unless training
  runs, or it does not fit the current data).
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PHOTOS = Path(os.environ.get("BPSTUDIO_PHOTOS", Path(__file__).resolve().parents[3] / "shared" / "data"
                             / "photos"))
CAT_DATA = Path(os.environ.get("BPSTUDIO_CAT_DATA", Path(__file__).resolve().parents[3] / "shared"
                               / "data" / "catvnoncat"))

# the classic 1×1 GIF: Qt reads GIF but cannot write it
GIF_1x1 = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
           b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

# Unpickling the "evil" model would call this: the test checks after every action that nobody did.
TRIPPED: list[str] = []


def _tripwire(what: str) -> str:
    TRIPPED.append(what)
    return what


class Tripwire:
    """An object that, once unpickled, records it in TRIPPED (harmless, but caught)."""

    def __reduce__(self):
        return (_tripwire, ("a pickled object in a dropped .npz was unpickled",))


@dataclass(frozen=True)
class Item:
    name: str
    paths: tuple[str, ...]
    kind: str  # "refused", "image" or "good"


def photo(width: int, height: int, seed: int = 0):
    from PySide6.QtGui import QImage

    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    return QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def _huge_png() -> bytes:
    """A PNG whose header claims 20000×20000 pixels."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 60001)) + chunk(b"IEND", b""))


def _write_session(path: Path, dataset_path: Path | None, builtin: str | None, dims, activations):
    """A real session file, written by the app's own SessionStore from a model of its own."""
    from bpstudio.session.session_store import SessionStore
    from bpstudio.session.network_model import NetworkModel
    from bpstudio.session.stepper_model import StepperModel

    model = NetworkModel()
    stepper = StepperModel(model)
    lesson = SessionStore(model, stepper)
    lesson.autosave_timer.stop()
    ok = model.data.open_dataset(str(dataset_path)) if dataset_path else model.data.use_builtin(builtin)
    model.loader.wait()  # read on a thread
    assert ok and (builtin or model.dataset.files), (dataset_path, builtin)
    L = len(dims) - 1
    assert model.set_activation(L, activations[-1]) or model.network.activations[-1] == activations[-1]
    while model.network.L < L:
        assert model.add_hidden_layer()
    for l in range(1, L):
        model.set_layer_size(l, dims[l])
        model.set_activation(l, activations[l - 1])
    assert tuple(model.network.dims[1:]) == tuple(dims[1:]), model.network.dims
    assert lesson.save(str(path)), path
    for obj in (lesson, stepper, model):
        obj.deleteLater()


def build_corpus(folder: Path, write_cat_files) -> list[Item]:
    from bpstudio.core.modelfile import save_model
    from bpstudio.core.network import Network

    folder.mkdir(parents=True, exist_ok=True)
    items: list[Item] = []

    def add(name, paths, kind):
        items.append(Item(name, tuple(str(p) for p in paths), kind))

    def new(name: str) -> Path:
        d = folder / name
        d.mkdir(parents=True, exist_ok=True)
        return d

    # ----- pictures ------------------------------------------------------------------------------------
    pics = new("pictures")
    assert photo(90, 70, 1).save(str(pics / "good.png"))
    assert photo(120, 80, 2).save(str(pics / "good.jpg"), "JPEG")
    add("good png", [pics / "good.png"], "image")
    add("good jpeg", [pics / "good.jpg"], "image")
    (pics / "tiny.gif").write_bytes(GIF_1x1)
    add("1x1 gif", [pics / "tiny.gif"], "image")
    jpeg = (pics / "good.jpg").read_bytes()
    (pics / "truncated.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    add("truncated jpeg", [pics / "truncated.jpg"], "refused")
    (pics / "notes.png").write_text("this is a text file, not a picture\n")
    add("text named .png", [pics / "notes.png"], "refused")
    (pics / "empty.png").write_bytes(b"")
    add("empty .png", [pics / "empty.png"], "refused")
    (pics / "huge.png").write_bytes(_huge_png())
    add("png claiming 20000x20000", [pics / "huge.png"], "refused")
    (pics / "notes.txt").write_text("hello")
    add("text file", [pics / "notes.txt"], "refused")
    add("empty file without suffix", [_touch(pics / "nothing")], "refused")
    album = new("album")
    for k in range(5):
        assert photo(64 + 8 * k, 64, 10 + k).save(str(album / f"img{k}.png"))
    (album / "readme.txt").write_text("not an image")
    add("folder of images", [album], "image")
    add("empty folder", [new("empty_folder")], "refused")
    if PHOTOS.is_dir():
        real = sorted(PHOTOS.glob("*.jpg"))
        for p in real:
            add(f"photo {p.name}", [p], "image")
        if real:
            add("all photos", real, "image")
            add("photos folder", [PHOTOS], "image")

    # ----- data sets ------------------------------------------------------------------------------------
    cat4 = new("cat4")  # 4×4×3 images: 48 inputs
    write_cat_files(cat4, m_train=6, m_test=4, size=4, seed=1)
    add("cat-layout folder 4x4", [cat4], "good")
    add("cat-layout train .h5 4x4", [cat4 / "train_catvnoncat.h5"], "good")
    add("cat-layout test .h5 4x4", [cat4 / "test_catvnoncat.h5"], "good")
    add("both cat-layout .h5 4x4", [cat4 / "train_catvnoncat.h5", cat4 / "test_catvnoncat.h5"], "good")
    cat8 = new("cat8")  # 8×8×3 images: 192 inputs
    write_cat_files(cat8, m_train=12, m_test=6, size=8, seed=2)
    add("cat-layout folder 8x8", [cat8], "good")
    if (CAT_DATA / "train_catvnoncat.h5").exists():
        add("the real cat data folder", [CAT_DATA], "good")
        add("the real cat train .h5", [CAT_DATA / "train_catvnoncat.h5"], "good")
    zero = new("zero_h5")
    (zero / "train_catvnoncat.h5").write_bytes(b"")
    add("zero-byte .h5", [zero / "train_catvnoncat.h5"], "refused")
    add("zero-byte data.h5", [_touch(zero / "data.h5")], "refused")
    add("folder with a zero-byte .h5", [zero], "refused")
    broken = new("broken_h5")
    (broken / "train_catvnoncat.h5").write_bytes(np.random.default_rng(7).bytes(4096))
    (broken / "test_catvnoncat.h5").write_bytes(b"\x89HDF\r\n\x1a\n" + np.random.default_rng(8).bytes(2048))
    add("broken .h5 (random bytes)", [broken / "train_catvnoncat.h5"], "refused")
    add("broken .h5 (HDF5 signature, random body)", [broken / "test_catvnoncat.h5"], "refused")
    add("folder with broken .h5", [broken], "refused")
    half = new("half_cat")  # only the train file: its test file is missing
    write_cat_files(half, size=4, seed=3)
    (half / "test_catvnoncat.h5").unlink()
    add("cat train .h5 without its test file", [half / "train_catvnoncat.h5"], "refused")
    odd = new("odd_cat")  # test images 5×5, train 4×4
    write_cat_files(odd, size=4, seed=4)
    write_cat_files(new("odd_tmp"), size=5, seed=5)
    (folder / "odd_tmp" / "test_catvnoncat.h5").replace(odd / "test_catvnoncat.h5")
    add("cat files of different image sizes", [odd], "refused")
    cut = new("cut_cat")
    write_cat_files(cut, size=4, seed=6)
    data = (cut / "train_catvnoncat.h5").read_bytes()
    (cut / "train_catvnoncat.h5").write_bytes(data[: len(data) // 2])
    add("truncated cat .h5", [cut / "train_catvnoncat.h5"], "refused")

    # ----- your own data: CSV files and folders of class folders -----------------------------------------
    own = new("own")
    points = np.random.default_rng(11).uniform(-1, 1, (40, 2))
    (own / "plane.csv").write_text("x1,x2,label\n" + "".join(
        f"{a:.4f},{b:.4f},{int(a * b > 0)}\n" for a, b in points))
    add("good csv (2 features)", [own / "plane.csv"], "good")
    (own / "three.csv").write_text("".join(
        f"{a:.3f};{b:.3f};{a + b:.3f};{int(a > b)}\n" for a, b in points))
    add("good csv (3 features)", [own / "three.csv"], "good")
    (own / "bad.csv").write_text("a,b,label\n1,2,1\n1,x,0\n1,2,3\n")
    add("csv with bad rows", [own / "bad.csv"], "refused")
    (own / "binary.csv").write_bytes(np.random.default_rng(12).bytes(300))
    add("binary .csv", [own / "binary.csv"], "refused")
    classes = new("classes")
    for name, seed in (("cat", 20), ("not-cat", 30)):
        (classes / name).mkdir()
        for k in range(3):
            assert photo(40 + 5 * k, 40, seed + k).save(str(classes / name / f"{k}.png"))
    add("folder of class folders", [classes], "good")
    lone = new("lone_class")
    (lone / "cat").mkdir()
    assert photo(30, 30, 40).save(str(lone / "cat" / "a.png"))
    add("folder with one class folder", [lone], "refused")  # refused when read, on a thread

    # ----- models ---------------------------------------------------------------------------------------
    models = new("models")
    for n_in, hidden in ((3, (4,)), (2, (6, 3)), (48, (5,)), (192, (3,)), (12288, (4,))):
        net = Network.create([n_in, *hidden, 1], seed=3)
        save_model(models / f"model_{n_in}.npz", net)
        add(f"model with {n_in} inputs", [models / f"model_{n_in}.npz"], "good")
    save_model(models / "model_7.npz", Network.create([7, 2, 1], seed=3))  # no data set has 7
    add("model for 7 inputs (fits no data)", [models / "model_7.npz"], "refused")
    np.savez(models / "evil.npz", dims=np.array([3, 1]),
             W1=np.array([Tripwire()], dtype=object), b1=np.zeros((1, 1)))
    add("npz with a pickled object", [models / "evil.npz"], "refused")
    np.savez(models / "evil_dims.npz", dims=np.array([Tripwire()], dtype=object))
    add("npz with pickled dims", [models / "evil_dims.npz"], "refused")
    (models / "garbage.npz").write_bytes(np.random.default_rng(9).bytes(1000))
    add("garbage .npz", [models / "garbage.npz"], "refused")
    (models / "empty.npz").write_bytes(b"")
    add("empty .npz", [models / "empty.npz"], "refused")
    np.savez(models / "noparams.npz", dims=np.array([3, 2, 1]))
    add("npz model without parameters", [models / "noparams.npz"], "refused")
    np.savez(models / "badshape.npz", dims=np.array([3, 2, 1]), W1=np.zeros((5, 5)), b1=np.zeros((2, 1)),
             W2=np.zeros((1, 2)), b2=np.zeros((1, 1)))
    add("npz model with wrong shapes", [models / "badshape.npz"], "refused")

    # ----- sessions and the rest ---------------------------------------------------------------------------
    sessions = new("sessions")
    (sessions / "garbage.bpstudio").write_bytes(np.random.default_rng(10).bytes(700))
    add("garbage .bpstudio", [sessions / "garbage.bpstudio"], "refused")
    (sessions / "empty.bpstudio").write_bytes(b"")
    add("empty .bpstudio", [sessions / "empty.bpstudio"], "refused")
    (sessions / "text.bpstudio").write_text('{"network": 1}')
    add("text .bpstudio", [sessions / "text.bpstudio"], "refused")
    _write_session(sessions / "xor.bpstudio", None, "xor", (2, 5, 3, 1), ("tanh", "relu", "sigmoid"))
    add("good session (xor)", [sessions / "xor.bpstudio"], "good")
    _write_session(sessions / "cat4.bpstudio", cat4, None, (48, 6, 1), ("relu", "sigmoid"))
    add("good session (cat 4x4)", [sessions / "cat4.bpstudio"], "good")
    _add_hostile(folder, add, new, write_cat_files, sessions / "xor.bpstudio", jpeg)
    add("nonexistent path", [folder / "no" / "such" / "file.png"], "refused")
    add("nonexistent .h5", [folder / "missing.h5"], "refused")
    add("nonexistent .npz", [folder / "missing.npz"], "refused")
    add("nonexistent .bpstudio", [folder / "missing.bpstudio"], "refused")
    add("mixed bag", [pics / "good.png", models / "evil.npz", pics / "notes.png", folder / "gone.txt"],
        "refused")
    return items


def _add_hostile(folder: Path, add, new, write_cat_files, session: Path, jpeg: bytes) -> None:
    """One file of each class of issue 22 (hostile files)."""
    import hostile_files as h

    hostile = new("hostile")
    # 1. never lose a file: a session whose stepper position is not a number
    add("session with a position that is not a number",
        [h.session_with(session, hostile / "position.bpstudio",
                        lambda meta: meta["stepper"].update(position="x"))], "refused")
    # 2. always start: what a broken autosave may hold, dropped as a session
    add("session of absurdly nested JSON",
        [h.session_with(session, hostile / "nested.bpstudio", lambda meta: h.deeply_nested_json())],
        "refused")
    # 3. limits before allocation: a zip bomb, a header declaring 36 GB, a FIFO
    add("npz bomb (1.2 GB of zeros)", [h.npz_bomb(hostile / "bomb.npz", 1.2e9)], "refused")
    add("npz header declaring 36 GB", [h.npz_declaring(hostile / "declares.npz")], "refused")
    add("FIFO named .h5", [h.fifo(hostile / "train_catvnoncat.h5")], "refused")
    # 4. plausible files: a dangling HDF5 link, an encrypted archive, one class name
    add("h5 with a dangling soft link",
        [h.cat_pair(hostile / "dangling", train={"train_set_x": h.soft_link("/nothing")})], "refused")
    good_model = h.model_with(hostile / "good-model.npz")
    add("encrypted npz", [h.npz_patched(hostile / "encrypted.npz", good_model, flag=1)], "refused")
    add("model with one class name",
        [h.model_with(hostile / "one-class.npz", class_names=np.array(["cat"]))], "refused")
    # 5. nothing silently wrong: NaN features, external storage
    nan = np.ones((6, 5))
    nan[2, 2] = np.nan
    add("h5 with NaN features", [h.cat_pair(hostile / "nan", train={"train_set_x": nan},
                                            test={"test_set_x": np.ones((6, 5))})], "refused")
    (hostile / "secret.bin").write_bytes(bytes(range(256)) * 2)
    add("h5 with external storage",
        [h.cat_pair(hostile / "external",
                    train={"train_set_x": h.external_storage(hostile / "secret.bin")})], "refused")
    # 6. beyond the editor: a model of 2,000 neurons
    from bpstudio.core.modelfile import save_model
    from bpstudio.core.network import Network
    save_model(hostile / "wide.npz", Network.create([48, 2000, 1]), input_shape=(4, 4, 3))
    add("model of 2,000 neurons", [hostile / "wide.npz"], "refused")
    # 7. files stay the user's: a session behind a symbolic link
    (hostile / "link.bpstudio").symlink_to(session)
    add("session behind a symbolic link", [hostile / "link.bpstudio"], "good")
    # 8. the right words: a motion photo, an SVG named .png, a class folder with one bad picture
    (hostile / "motion.jpg").write_bytes(h.motion_photo(jpeg))
    add("motion photo", [hostile / "motion.jpg"], "image")
    (hostile / "drawing.png").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    add("svg named .png", [hostile / "drawing.png"], "refused")
    pets = new("hostile/pets")
    for name, seed in (("cat", 50), ("not-cat", 60)):
        (pets / name).mkdir()
        for k in range(2):
            assert photo(30, 30, seed + k).save(str(pets / name / f"{k}.png"))
    (pets / "cat" / "huge.png").write_bytes(_huge_png())
    add("class folders with one huge picture", [pets], "good")


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path
