"""Draw the family of social media types (notebooks/images/social-media-family.svg) from the family table.

    python tools/family_picture.py           # write the picture
    python tools/family_picture.py --check   # exit 1 when the committed picture is stale

The picture, its description and its alt text come from ``mediavsnet.learning.family.svg()`` and
``alt_text()``, which read the same table as ``family.table()``
(``mediavsnet/locales/en/family.toml``). Swap an example there, then run this.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediavsnet.learning import family  # noqa: E402

TARGET = ROOT / "notebooks" / "images" / "social-media-family.svg"


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--check", action="store_true",
                        help="only say whether the committed picture is fresh")
    args = parser.parse_args(argv)
    fresh = family.svg()
    if args.check:
        stale = not TARGET.exists() or TARGET.read_text(encoding="utf-8") != fresh
        state = "stale: run python tools/family_picture.py" if stale else "fresh"
        print(f"{TARGET.relative_to(ROOT)} is {state}")
        return 1 if stale else 0
    TARGET.write_text(fresh, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
