"""Build the shipped Indonesian pipeline (same as ``geoevents train``).

    python training/train.py [--corpora ../shared/corpora] [--steps corpus,vectors,...]

Run from the repository root. Steps: corpus, vectors, ud, ner, assemble, evaluate (see
geoevents.training.train); finished steps are skipped unless --force.
"""

from __future__ import annotations

import sys

from geoevents.cli import main

if __name__ == "__main__":
    sys.exit(main(["train", *sys.argv[1:]]))
