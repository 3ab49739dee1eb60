"""Damaged, huge and strange files, one maker per kind, as a hostile user would bring them: the
tests, the monkey's corpus and benchmarks/bench_hostile_files.py build them from here (nothing
here is committed data)."""

from __future__ import annotations

import json
import os
import struct
import zipfile
import zlib
from pathlib import Path

import h5py
import numpy as np


# ----- .npz archives -----------------------------------------------------------------------------

def npy_header(shape, dtype="<f8") -> bytes:
    """A .npy version 1.0 header declaring ``shape`` (numpy pads it to 64 bytes)."""
    text = repr({"descr": dtype, "fortran_order": False, "shape": tuple(shape)})
    pad = 64 - (10 + len(text) + 1) % 64
    text = text + " " * pad + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode("latin1")


def _zip(path: Path, members: list[tuple[str, bytes, int, int, int]]) -> None:
    """A zip of members (name, stored or compressed bytes, method, crc, unpacked size), each
    under 4 GB; past 65,535 members with zip64 end records."""
    out, central = bytearray(), bytearray()
    for name, data, method, crc, size in members:
        raw = name.encode()
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0, crc, len(data), size,
                           len(raw), 0) + raw + data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc,
                               len(data), size, len(raw), 0, 0, 0, 0, 0, offset) + raw
    start, n = len(out), len(members)
    out += central
    if n > 0xFFFF:  # the zip64 end records carry the count
        at = len(out)
        out += struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, n, n, len(central), start)
        out += struct.pack("<4sLQL", b"PK\x06\x07", 0, at, 1)
        n = 0xFFFF
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, n, n, len(central), start, 0)
    Path(path).write_bytes(bytes(out))


def npz_bomb(path: Path, unpacked: float = 3.5e9) -> Path:
    """A model whose W1 is ``unpacked`` bytes of zeros: the archive is about a thousandth of it
    (3.4 MB for 3.5 GB). Each 1 MB of zeros deflates, after a full flush, to the same bytes."""
    header = npy_header((int(unpacked) // 8,))
    mb = bytes(1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(header) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(mb) + comp.flush(zlib.Z_FULL_FLUSH)
    blocks = int(unpacked) // 8 * 8 // len(mb)
    tail_zeros = int(unpacked) // 8 * 8 - blocks * len(mb)
    tail = comp.compress(bytes(tail_zeros)) + comp.flush()
    crc = zlib.crc32(header)
    for _ in range(blocks):
        crc = zlib.crc32(mb, crc)
    crc = zlib.crc32(bytes(tail_zeros), crc)
    data = head + block * blocks + tail
    _zip(path, [("W1.npy", data, zipfile.ZIP_DEFLATED, crc, len(header) + int(unpacked) // 8 * 8),
                *_small_members({"dims": np.array([3, 1])})])
    return path


def _small_members(arrays: dict) -> list:
    members = []
    for key, value in arrays.items():
        import io
        buf = io.BytesIO()
        np.save(buf, value)
        data = buf.getvalue()
        members.append((f"{key}.npy", data, zipfile.ZIP_STORED, zlib.crc32(data), len(data)))
    return members


def npz_declaring(path: Path, shape=(4_500_000_000,)) -> Path:
    """A 3 KB archive whose W1 header declares ``shape`` (36 GB of float64) over a few bytes."""
    data = npy_header(shape) + bytes(2900)
    _zip(path, [("W1.npy", data, zipfile.ZIP_STORED, zlib.crc32(data), len(data)),
                *_small_members({"dims": np.array([3, 1])})])
    return path


def npz_members(path: Path, n: int) -> Path:
    """An archive of ``n`` tiny members (an .npz of 200,000 took numpy 11 s to list)."""
    one = _small_members({"x": np.zeros(1)})[0]
    _zip(path, [(f"a{k}.npy", *one[1:]) for k in range(n)])
    return path


def npz_patched(path: Path, model: Path, *, flag: int | None = None,
                method: int | None = None) -> Path:
    """A copy of a real model archive with its members marked encrypted (``flag`` 1) or packed
    with another compression ``method`` (12 bzip2, 99 AES)."""
    data = bytearray(Path(model).read_bytes())
    for sig, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        at = data.find(sig)
        while at >= 0:
            if flag is not None:
                data[at + flag_at: at + flag_at + 2] = struct.pack("<H", flag)
            if method is not None:
                data[at + method_at: at + method_at + 2] = struct.pack("<H", method)
            at = data.find(sig, at + 4)
    Path(path).write_bytes(bytes(data))
    return path


def model_with(path: Path, **entries) -> Path:
    """A 48–3–1 model for 4×4 RGB pictures as BP Studio writes it, with ``entries`` replaced
    (None drops one)."""
    from bpstudio.core.modelfile import save_model
    from bpstudio.core.network import Network

    save_model(path, Network.create([48, 3, 1], seed=3), input_shape=(4, 4, 3),
               class_names=("non-cat", "cat"))
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    for key, value in entries.items():
        if value is None:
            arrays.pop(key, None)
        else:
            arrays[key] = np.asarray(value)
    np.savez(path, **arrays)
    return path


# ----- sessions ------------------------------------------------------------------------------------

def session_with(good: Path, path: Path, change) -> Path:
    """A copy of the session ``good`` whose description ``change(meta)`` edited (or replaced,
    if it returns something), written as BP Studio writes sessions."""
    with np.load(good, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(str(arrays["session.json"][()]))
    changed = change(meta)
    text = changed if isinstance(changed, str) else json.dumps(meta if changed is None else changed)
    arrays["session.json"] = np.array(text)
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return Path(path)


def deeply_nested_json(depth: int = 100_000) -> str:
    return '{"format": "bpstudio-session", "version": 1, "network": ' + "[" * depth + "]" * depth + "}"


# ----- HDF5 data sets -------------------------------------------------------------------------------

def cat_pair(folder: Path, train: dict | None = None, test: dict | None = None, m: int = 6,
             size: int = 4) -> Path:
    """train_catvnoncat.h5 and test_catvnoncat.h5 in ``folder``; ``train`` / ``test`` map a
    key to an array, or to a callable(f, key) that makes it (a link, a virtual data set…)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    for split, extra in (("train", train or {}), ("test", test or {})):
        entries = {f"{split}_set_x": rng.integers(0, 256, (m, size, size, 3), dtype=np.uint8),
                   f"{split}_set_y": np.arange(m) % 2}
        if split == "train":
            entries["list_classes"] = np.array([b"non-cat", b"cat"])
        entries.update(extra)
        with h5py.File(folder / f"{split}_catvnoncat.h5", "w") as f:
            for key, value in entries.items():
                if callable(value):
                    value(f, key)
                elif value is not None:
                    f[key] = value
    return folder


def soft_link(target: str):
    def make(f, key):
        f[key] = h5py.SoftLink(target)
    return make


def external_link(file: str, target: str):
    def make(f, key):
        f[key] = h5py.ExternalLink(file, target)
    return make


def external_storage(file: Path, shape=(6, 4, 4, 3)):
    """The array's bytes are read from ``file``, any local file: what it reads becomes pixels."""
    def make(f, key):
        f.create_dataset(key, shape=shape, dtype=np.uint8,
                         external=[(str(file), 0, int(np.prod(shape)))])
    return make


def virtual_missing(source: Path, shape=(6, 4, 4, 3)):
    """A virtual data set mapping a file that is not there: HDF5 fills it with its fill value."""
    def make(f, key):
        layout = h5py.VirtualLayout(shape=shape, dtype=np.uint8)
        layout[:] = h5py.VirtualSource(str(source), "x", shape=shape)
        f.create_virtual_dataset(key, layout, fillvalue=7)
    return make


# ----- pictures --------------------------------------------------------------------------------------

def motion_photo(jpeg: bytes) -> bytes:
    """A phone's motion photo: the JPEG, then a video after its end marker (with FF DA bytes in
    it and no FF D9 after them, like any compressed stream may)."""
    rng = np.random.default_rng(5)
    video = bytearray(b"\x00\x00\x00\x18ftypmp42" + rng.integers(0, 256, 200_000, np.uint8).tobytes())
    video[5000:5002] = b"\xff\xda"
    tail = bytes(video).replace(b"\xff\xd9", b"\xff\x00")
    return jpeg + tail


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


# ----- measuring ----------------------------------------------------------------------------------

def _status(field: str) -> int:
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(field)


def peak_rss_growth(work) -> tuple[object, int]:
    """(work(), how far the resident memory rose above where it was, at its peak): the kernel's
    high-water mark is reset first (clear_refs 5, Linux)."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before = _status("VmRSS")
    result = work()
    return result, _status("VmHWM") - before
