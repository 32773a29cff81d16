"""Regenerate docs/img/example.png: the HTML rendering of an example article, screenshotted
with headless Chromium.

Usage (from the repository root)::

    python docs/make_screenshot.py [ARTICLE.txt] [--chromium /usr/bin/chromium]

The article defaults to ``../shared/eval/seed.txt`` when present, else
``examples/artikel.txt``. ``--html PAGE`` also keeps the rendered page.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import geoevents
from geoevents.display import render_html

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "eval" / "seed.txt"
FALLBACK = ROOT / "examples" / "artikel.txt"
OUT = ROOT / "docs" / "img"


def main(argv: list[str] | None = None) -> int:
    """Render the article, write the page and take the screenshot."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path,
                    default=SEED if SEED.exists() else FALLBACK)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--size", default="1200,2600", help="window size WIDTH,HEIGHT")
    ap.add_argument("--html", type=Path, help="also write the rendered page here")
    args = ap.parse_args(argv)

    doc = geoevents.analyze(args.article.read_text(encoding="utf-8"))
    html = render_html(doc, page=True)
    if args.html:
        args.html.write_text(html, encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    png = OUT / "example.png"
    with tempfile.TemporaryDirectory() as profile:
        page = Path(profile) / "example.html"
        page.write_text(html, encoding="utf-8")
        cmd = [
            args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
            f"--screenshot={png}", f"--window-size={args.size}", page.as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    print(f"{args.article} -> {png} ({len(doc.events)} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
