"""Convert ../shared/corpora into the spaCy DocBins the training configs read.

    python training/build_corpus.py [--corpora ../shared/corpora] [--out training/build/corpus]

UD: CSUI train + GSD dev + PUD (10% held out at random as the dev set); GSD test and CSUI
test are written as test sets and any training sentence found in them is dropped.
NER: idner-news-2k train, NER-UI train.01, NERGrit train+valid (dev: idner dev, NER-UI
dev.01); sentences occurring (normalised) in idner test or NER-UI test.01 are dropped.
NERP, yusufs and NER UGM share sentences with idner-news-2k and are not used.
"""

from __future__ import annotations

import argparse
import json

from geoevents.training.corpus import build_corpus


def main() -> None:
    """Parse the arguments and write the DocBins."""
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpora", default="../shared/corpora")
    p.add_argument("--out", default="training/build/corpus")
    args = p.parse_args()
    print(json.dumps(build_corpus(args.corpora, args.out), indent=2))


if __name__ == "__main__":
    main()
