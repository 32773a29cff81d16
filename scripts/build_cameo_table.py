"""Build src/geoevents/resources/cameo.tsv: CAMEO code → label, Goldstein value, PLOVER category.

Sources (facts, in ../shared/reference): the CAMEO code list with Goldstein values
(icews/cameo-codes.csv) and Schrodt's CAMEO-to-PLOVER table (PLOVER/CAMEO2PLOVER-2021.txt).
Run from the repository root: ``python scripts/build_cameo_table.py [REFERENCE_DIR]``.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path("src/geoevents/resources/cameo.tsv")
# CAMEO 02 (appeal) has no PLOVER home; the PLOVER manual's nearest category is REQUEST.
ROOT_FALLBACK = {"02": "REQUEST", "10": "REQUEST", "09": "INVESTIGATE"}


def build(reference: Path) -> list[tuple[str, str, str, str]]:
    """Return rows (code, label, goldstein, plover) sorted by code."""
    plover: dict[str, str] = {}
    for line in (reference / "PLOVER" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line)
        if m:
            plover.setdefault(m.group(1), m.group(2))
    rows = []
    with (reference / "icews" / "cameo-codes.csv").open(encoding="utf-8", errors="replace") as fh:
        for r in csv.DictReader(fh):
            code = r["code"].strip()
            if not re.fullmatch(r"\d{2,4}", code):
                continue
            pl = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2])
            pl = pl or ROOT_FALLBACK.get(code[:2], "")
            gs = r["goldstein"].strip()
            gs = "" if gs in ("", "NA") else str(float(gs))
            rows.append((code, " ".join(r["name"].split()), gs, pl))
    return sorted(set(rows))


def main() -> None:
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/reference")
    rows = build(ref)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("code\tlabel\tgoldstein\tplover\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
