"""Your own images: a folder with one sub-folder per class (``cat/`` and ``not-cat/``), every image
resized to the chosen input size the way a dropped photo is (centre crop, smooth resize).

Which class is 1: a folder named not-…, non-…, no-… or neg… is class 0 and the other class 1;
otherwise the folders in alphabetical order are 0 and 1. Files that are not images by their
suffix are passed over; images that cannot be decoded are skipped and named, so one broken photo
does not cost the other five hundred. Decoding runs on a thread (QImage, not QPixmap).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..core.datasets import (MAX_DATASET_BYTES, Dataset, DatasetError, images_to_columns,
                             split_samples)
from ..core.messages import QT_TRANSLATE_NOOP
from .images import IMAGE_SUFFIXES, ImageError, load_input_image
from .loading import describe
from .messages import translated

NEGATIVE_PREFIXES = ("not", "non", "no-", "no_", "neg")
MIN_SIDE, MAX_SIDE = 8, 256


@dataclass(frozen=True)
class FolderImages:
    dataset: Dataset
    skipped: tuple[str, ...]  # "name: why" of the files that could not be read


def class_folders(path: Path) -> tuple[Path, Path]:
    """(class 0, class 1) of an image folder; refused with a message naming what is there."""
    if not path.is_dir():
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{path}: not a folder"), path=path)
    subs = sorted((p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  key=lambda p: p.name.lower())
    if len(subs) != 2:
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "{name}: needs exactly two sub-folders, one per class (e.g. "
                              "cat/ and not-cat/); found {n}: {list}") if subs else
            QT_TRANSLATE_NOOP("core", "{name}: needs exactly two sub-folders, one per class (e.g. "
                              "cat/ and not-cat/); found none"),
            name=path.name, n=len(subs), list=", ".join(p.name for p in subs))
    negative = [p for p in subs if p.name.lower().startswith(NEGATIVE_PREFIXES)]
    if len(negative) == 1:
        return negative[0], next(p for p in subs if p is not negative[0])
    return subs[0], subs[1]


def image_files(folder: Path) -> list[Path]:
    """By their names; what is not a readable picture (a FIFO named .jpg too) is skipped when
    read, and named."""
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in IMAGE_SUFFIXES and not p.name.startswith(".")
                  and not p.is_dir())


def load_image_folder(path: str | os.PathLike[str], side: int = 64, train_share: float = 0.7,
                      seed: int = 0, progress: Callable[[int, int], None] | None = None) -> FolderImages:
    """Every image as a (side, side, 3) input; shuffled with ``seed``, split ``train_share``."""
    path = Path(path)
    if not MIN_SIDE <= side <= MAX_SIDE:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "images are resized to {min}–{max} pixels a side, "
                                             "not {side}"), min=MIN_SIDE, max=MAX_SIDE, side=side)
    folders = class_folders(path)
    files = [(label, f) for label, folder in enumerate(folders) for f in image_files(folder)]
    for label, folder in enumerate(folders):
        if not any(lab == label for lab, _ in files):
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}/{folder}: no images (PNG, JPEG, BMP, "
                                                 "GIF, WebP or TIFF)"), name=path.name, folder=folder.name)
    shape = (side, side, 3)
    need = len(files) * side * side * 3 * (1 + 8)  # the pixels, then their float64 columns
    if need > MAX_DATASET_BYTES:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {n} images of {side}×{side} would need "
                                             "{gb} GB once loaded, over the {limit} GB limit"),
                           name=path.name, n=len(files), side=side, gb=f"{need / 1e9:.1f}",
                           limit=f"{MAX_DATASET_BYTES / 1e9:.1f}")
    pixels, labels, skipped = [], [], []
    for k, (label, f) in enumerate(files):
        try:
            pixels.append(load_input_image(f, shape))
            labels.append(label)
        except ImageError as e:
            skipped.append(translated(e))
        except (MemoryError, OSError) as e:  # one picture too big for memory: not the folder's end
            skipped.append(describe(e, f.name))
        if progress is not None:
            progress(k + 1, len(files))
    for label, folder in enumerate(folders):
        if label not in labels:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}/{folder}: none of its images could be "
                                                 "read"), name=path.name, folder=folder.name)
    if len(labels) < 2:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: one readable image; at least 2 are needed")
                           if labels else
                           QT_TRANSLATE_NOOP("core", "{name}: no readable image; at least 2 are needed"),
                           name=path.name)
    X = images_to_columns(np.stack(pixels)).T  # (m, features): split_samples shuffles rows
    dataset = split_samples(path.name, X, np.array(labels, dtype=np.float64),
                            np.random.RandomState(seed), train_share,
                            classes=(folders[0].name, folders[1].name), input_shape=shape,
                            source=str(path.resolve()),
                            origin={"kind": "folder", "path": str(path.resolve()), "side": side,
                                    "train_share": train_share, "seed": seed})
    return FolderImages(dataset, tuple(skipped))
