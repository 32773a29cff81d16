"""geoevents.io.dask on a dask.distributed LocalCluster with two worker processes."""

from __future__ import annotations

import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

import geoevents  # noqa: E402
from geoevents.io.dask import extract, extract_bag, extract_dataframe  # noqa: E402

TEXTS = ["Rusia mengecam Ukraina. Jepang bertemu dengan Korea Selatan.",
         "Presiden Joko Widodo mengunjungi China.",
         "Harga minyak dunia naik dua persen.",
         "Iran menolak usulan Amerika Serikat. Hal itu disampaikan di Jakarta.",
         "Menlu Retno Marsudi bertemu dengan Menlu AS di Jakarta, Senin (6/5).",
         "PBB mendesak Israel menghentikan serangan ke Gaza."]
DOCS = [{"id": f"d{i}", "text": t, "published": "2024-05-01"} for i, t in enumerate(TEXTS)]
KEY = ["doc_id", "sentence_start", "trigger_start", "actor_start"]


def normalise(df):
    return df.sort_values(KEY).reset_index(drop=True)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as c:
        yield c


def test_dask_matches_single_process(client, nlp):
    expected = normalise(geoevents.to_frame(
        [(d["id"], e) for d in DOCS for e in nlp.extract(d["text"], published=d["published"])]))
    assert len(expected) >= 5
    from_bag = extract_bag(db.from_sequence(DOCS, npartitions=3))
    from_frame = extract(dd.from_pandas(pd.DataFrame(DOCS), npartitions=2))
    got_bag, got_frame = client.compute([from_bag, from_frame], sync=True)
    pd.testing.assert_frame_equal(normalise(got_bag), expected)
    pd.testing.assert_frame_equal(normalise(got_frame), expected)
    # one pipeline per worker process, built once and reused by every task
    counts = client.run(lambda: len(__import__("geoevents.io.dask").io.dask._PIPELINES))
    assert sorted(counts.values()) == [1, 1]


def test_bag_of_texts_gets_ids(client):
    bag = db.from_sequence(TEXTS[:2], npartitions=2)
    got = extract_dataframe(dd.from_pandas(pd.DataFrame({"text": TEXTS[:2]}), npartitions=1))
    ids = set(extract_bag(bag).compute()["doc_id"])
    assert ids == {"0:0", "1:0"} and set(got.compute()["doc_id"]) == {"0", "1"}
