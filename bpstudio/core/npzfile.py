"""Reading .npz archives of plain arrays, never pickles: the one reader behind model and session
files, with one-line reasons a user can act on.

Everything is checked before it is allocated: the number of members (an archive of 200,000
members took numpy 11 s to list), their compression (stored or deflated, not encrypted), the
size each one declares when unpacked (a 3 MB zip of zeros unpacks to 4 GB) and the shape each
array's header declares (a 3 KB header can declare 36 GB). An array is then read into memory of
exactly its declared size, in pieces, with progress.
"""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path
from typing import Any, BinaryIO, Callable, NamedTuple, cast

import numpy as np
from numpy.lib import format as npy

from .atomicfile import atomic_write
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .readable import open_regular

MAX_MEMBERS = 1000  # a model has 2 per layer and 10 more; a session a few more
MAX_NPZ_BYTES = 1024**3  # counted as loaded: numbers as the float64 they become
_PIECE = 1 << 22  # bytes read between progress reports (and chances to cancel)

Progress = Callable[[float, float], None]


def write_plain_npz(path: str | os.PathLike[str], arrays: dict[str, np.ndarray],
                    error: type[UserMessage]) -> None:
    """Save atomically (a failed save leaves the old file); a failure raises ``error``."""
    try:
        with atomic_write(path) as f:
            # numpy's stub: a key of **arrays could fill savez's own allow_pickle parameter
            np.savez(f, **arrays)  # type: ignore[arg-type]
    except OSError as e:
        raise error(QT_TRANSLATE_NOOP("core", "{name}: could not save ({why})"),
                    name=Path(path).name,
                    why=e if isinstance(e, UserMessage) else e.strerror or e) from None


class NpzError(UserMessage):
    """Why an archive cannot be read; model and session files re-raise it as their own error."""


def read_plain_npz(path: str | os.PathLike[str], what: UserMessage, only: set[str] | None = None,
                   max_bytes: int = MAX_NPZ_BYTES,
                   progress: Progress | None = None) -> dict[str, np.ndarray]:
    """The archive's arrays (those named in ``only``, if given); raises NpzError naming the
    file, where ``what`` says what kind of file was expected ("a model file (.npz)")."""
    name = Path(path).name
    damaged = NpzError(QT_TRANSLATE_NOOP("core", "{name}: not {what}, or a damaged one"),
                       name=name, what=what)
    with open_regular(path, NpzError) as fh:
        head = fh.read(4)
        if head != b"PK\x03\x04":  # every .npz is a zip archive
            raise _pickled(name) if head[:1] == b"\x80" else damaged
        try:
            _check_member_count(fh, name)
            fh.seek(0)
            with zipfile.ZipFile(fh) as zf:
                members = _members(zf, name, only)
                headers = {key: _header(zf, info, name) for key, info in members.items()}
                need = sum(_loaded_bytes(h) for h in headers.values())
                if need > max_bytes:
                    raise NpzError(QT_TRANSLATE_NOOP("core", "{name}: its arrays would need {mb} MB, "
                                                     "over the {limit} MB limit"),
                                   name=name, mb=f"{need / 1e6:,.0f}", limit=f"{max_bytes / 1e6:,.0f}")
                total = float(sum(info.file_size for info in members.values()))
                done = [0.0]

                def advanced(n: int) -> None:
                    done[0] += n
                    if progress is not None:
                        progress(done[0], total)
                return {key: _array(zf, members[key], headers[key], name, advanced)
                        for key in members}
        except NpzError:
            raise
        except (OSError, EOFError, zipfile.BadZipFile, ValueError, struct.error):
            raise damaged from None
        except NotImplementedError:  # a compression zipfile lacks
            raise _unreadable_compression(name) from None


def _pickled(name: str) -> NpzError:
    return NpzError(QT_TRANSLATE_NOOP("core", "{name}: holds pickled Python objects; refused, "
                                      "since loading them could run code"), name=name)


def _unreadable_compression(name: str) -> NpzError:
    return NpzError(QT_TRANSLATE_NOOP("core", "{name}: encrypted, or packed with a compression "
                                      "numpy does not write; not read"), name=name)


def _check_member_count(fh: BinaryIO, name: str) -> None:
    """The end-of-directory record's count, read before zipfile lists every member."""
    size = fh.seek(0, os.SEEK_END)
    tail_start = max(0, size - (22 + 65535))  # the record, then a comment of at most 64 KB
    fh.seek(tail_start)
    tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        raise zipfile.BadZipFile
    count = struct.unpack("<H", tail[at + 10: at + 12])[0]
    if count == 0xFFFF and at >= 20 and tail[at - 20: at - 16] == b"PK\x06\x07":  # zip64
        fh.seek(struct.unpack("<Q", tail[at - 12: at - 4])[0])
        record = fh.read(56)
        if record[:4] != b"PK\x06\x06":
            raise zipfile.BadZipFile
        count = struct.unpack("<Q", record[32:40])[0]
    if count > MAX_MEMBERS:
        raise NpzError(QT_TRANSLATE_NOOP("core", "{name}: {n} arrays; a model or session has at most "
                                         "{max}"), name=name, n=f"{count:,}", max=MAX_MEMBERS)


def _members(zf: zipfile.ZipFile, name: str, only: set[str] | None) -> dict[str, zipfile.ZipInfo]:
    members: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        if not info.filename.endswith(".npy"):
            continue  # numpy writes nothing else; a stray member is not read
        key = info.filename[:-4]
        if only is not None and key not in only:
            continue
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED,
                                                              zipfile.ZIP_DEFLATED):
            raise _unreadable_compression(name)
        members[key] = info
    return members


class _Header(NamedTuple):
    """What a member's .npy header says: the array's shape, whether it is in Fortran order, its
    dtype, and the header's length in bytes."""

    shape: tuple[int, ...]
    fortran: bool
    dtype: np.dtype[Any]
    length: int


def _header(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> _Header:
    """A member's header, from its first bytes."""
    with zf.open(info) as member:
        version = npy.read_magic(member)
        if version == (1, 0):
            shape, fortran, dtype = npy.read_array_header_1_0(member)
        elif version == (2, 0):
            shape, fortran, dtype = npy.read_array_header_2_0(member)
        else:
            raise ValueError(version)
        if dtype.hasobject:
            raise _pickled(name)
        header = member.tell()
    nbytes = int(np.prod(shape, dtype=object)) * dtype.itemsize
    if header + nbytes != info.file_size:  # a header that declares more than the member holds
        raise ValueError(shape)
    return _Header(shape, fortran, dtype, header)


def _loaded_bytes(h: _Header) -> int:
    """Numbers count as the float64 that model and session files turn them into."""
    per = max(h.dtype.itemsize, 8) if h.dtype.kind in "biuf" else h.dtype.itemsize
    return int(np.prod(h.shape, dtype=object)) * per


def _array(zf: zipfile.ZipFile, info: zipfile.ZipInfo, h: _Header, name: str,
           advanced: Callable[[int], None]) -> np.ndarray:
    shape = h.shape
    count = int(np.prod(shape, dtype=object))
    flat = np.empty(count, h.dtype)
    view = flat.view(np.uint8).data if flat.nbytes else memoryview(b"")
    with _open_member(zf, info) as member:
        member.read(h.length)
        for start in range(0, flat.nbytes, _PIECE):
            piece = view[start: start + _PIECE]
            if member.readinto(piece) != len(piece):
                raise EOFError
            advanced(len(piece))
        if member.read(1):  # reading to its end also checks its CRC
            raise ValueError(name)
    return flat.reshape(shape[::-1]).transpose() if h.fortran else flat.reshape(shape)


def _open_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> zipfile.ZipExtFile:
    """The member opened to read (typeshed says IO[bytes]; reading mode gives a ZipExtFile,
    which has readinto)."""
    return cast(zipfile.ZipExtFile, zf.open(info))
