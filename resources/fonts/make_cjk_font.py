"""Make resources/fonts/BPStudioCJK-Regular.otf: the Chinese characters BP Studio shows, cut from
Noto Sans CJK SC, so Chinese works on machines with no Chinese font (many Linux classrooms).

    pip install fonttools
    python resources/fonts/make_cjk_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

Run it again when a translation or a lesson brings a new character (tests/app/test_fonts.py
says which).
The subset is renamed "BP Studio CJK": the licence (OFL.txt beside it) reserves the name "Source",
"Noto" is Google's trademark, and a system with the full font must not find a partial one under
its name. Only a developer runs this; the app and its tests need nothing but the .otf.
"""

from __future__ import annotations

import sys
from pathlib import Path

FAMILY = "BP Studio CJK"
HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
OUTPUT = HERE / "BPStudioCJK-Regular.otf"


def needed_characters(project: Path = PROJECT) -> set[str]:
    """Every character outside Latin/Greek/symbols in the translations, the user guide, the
    shipped lessons and the sources (the equation titles and language names are written in the
    code)."""
    files = [*(project / "resources" / "translations").glob("*.ts"),
             *(project / "resources" / "help").glob("*.md"),
             *(project / "resources" / "lessons").glob("*.md"),
             *(project / "bpstudio").rglob("*.py")]
    return {c for f in files for c in f.read_text(encoding="utf-8") if ord(c) >= 0x2E80}


def main(source: str) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    if source.endswith(".ttc"):
        fonts = TTCollection(source).fonts
        font = next(f for f in fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    else:
        font = TTFont(source)
    options = subset.Options()
    options.layout_features = ["*"]  # vertical forms and locl are harmless and small
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(needed_characters())))
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{FAMILY} subset of {record.toUnicode()}", 3, record.platformID,
                          record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("BPStudioCJK-Regular", 6, record.platformID, record.platEncID,
                          record.langID)
    cff = font["CFF "].cff
    cff.fontNames = ["BPStudioCJK-Regular"]
    top = cff.topDictIndex[0]
    top.FullName = top.FamilyName = FAMILY
    font.save(OUTPUT)
    print(f"{OUTPUT}: {len(needed_characters())} characters, {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
