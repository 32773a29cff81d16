"""Batch extraction: streaming readers, outputs, failures recorded, resume after kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from geoevents.errors import InputFormatError, OutputError
from geoevents.io import Columns, Record, read_records, scan_jsonl_ids
from geoevents.io.batch import run

SENTS = ["Rusia mengecam Ukraina.", "Jepang bertemu dengan Korea Selatan.",
         "Presiden Joko Widodo mengunjungi China.", "Harga minyak dunia naik dua persen.",
         "Iran menolak usulan Amerika Serikat.", "Hal itu disampaikan di Jakarta."]


def docs(n: int) -> list[dict[str, str]]:
    return [{"id": f"doc-{i}", "published": "2024-05-01",
             "text": " ".join(SENTS[(i + k) % len(SENTS)] for k in range(3))}
            for i in range(n)]


def write_jsonl(path, rows, extra: bytes = b""):
    with path.open("wb") as fh:
        for r in rows:
            fh.write(json.dumps(r).encode() + b"\n")
        fh.write(extra)


def output_ids(path):
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


BAD = (b'{"id": "enc", "text": "Rusia \xff mengecam Ukraina."}\n'
       b"{not json\n"
       b'{"id": "nul", "text": null}\n')


def test_reader_records_bad_lines_and_assigns_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"text": "Rusia mengecam Ukraina."}], BAD)
    recs = list(read_records([src]))
    assert [r.id for r in recs] == ["in.jsonl:1", "enc", "in.jsonl:3", "nul"]
    assert recs[0].error is None and recs[0].text == "Rusia mengecam Ukraina."
    assert recs[1].error.startswith("InputDecodeError: in.jsonl:2: invalid UTF-8 b'\\xff'")
    assert recs[2].error.startswith("InputFormatError: in.jsonl:3: invalid JSON")
    assert recs[3].error.startswith("InputTypeError")
    src.write_text('{"id": 1, "body": "x"}\n', encoding="utf-8")
    with pytest.raises(InputFormatError, match="missing 'text' field"):
        list(read_records([src]))
    assert [r.text for r in read_records([src], columns=Columns(text="body"))] == ["x"]


def test_csv_and_parquet_inputs(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(b"id,text,published\na,Rusia mengecam Ukraina.,2024-05-01\n"
                    b",\"Jepang, lagi\",\nc,Iran \xff,\n")
    recs = list(read_records([src]))
    assert [(r.id, r.published) for r in recs] == [
        ("a", "2024-05-01"), ("in.csv:2", None), ("c", None)]
    assert recs[1].text == "Jepang, lagi" and recs[2].error.startswith("InputDecodeError")
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    pq.write_table(pa.table({"id": ["x", None], "text": ["a", "b"]}), tmp_path / "in.parquet")
    assert [(r.id, r.text) for r in read_records([tmp_path / "in.parquet"])] == [
        ("x", "a"), ("in.parquet:2", "b")]


def test_jsonl_documents_errors_file_and_summary(tmp_path, nlp):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, docs(5), BAD)
    s = run([src], out, pipeline=nlp)
    assert (s.documents, s.failed, s.skipped) == (8, 3, 0) and s.events > 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == [f"doc-{i}" for i in range(5)] + [
        "enc", "in.jsonl:7", "nul"]
    assert set(lines[0]) == {"id", "published", "events"}
    assert lines[0]["published"] == "2024-05-01" and lines[0]["events"][0]["actor"]["id"]
    assert set(lines[5]) == {"id", "error"}
    errs = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text(
        encoding="utf-8").splitlines()]
    assert [e["id"] for e in errs] == ["enc", "in.jsonl:7", "nul"]
    assert s.events == sum(len(x.get("events", [])) for x in lines)


def test_resume_cuts_a_partial_line_and_skips_done(tmp_path, nlp):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = docs(10)
    write_jsonl(src, rows)
    run([Record(r["id"], r["text"], r["published"]) for r in rows[:4]], out, pipeline=nlp)
    with out.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "doc-4", "published": "2024-05-01", "ev')  # killed mid-line
    s = run([src], out, pipeline=nlp, resume=True)
    assert (s.skipped, s.documents) == (4, 6)
    assert output_ids(out) == [r["id"] for r in rows]
    assert scan_jsonl_ids(out) == {r["id"] for r in rows}


def test_csv_resume_drops_uncommitted_rows(tmp_path, nlp):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.csv"
    rows = docs(10)
    write_jsonl(src, rows)
    full = run([src], tmp_path / "full.csv", pipeline=nlp)
    run([Record(r["id"], r["text"], r["published"]) for r in rows[:4]], out, pipeline=nlp)
    with out.open("a", encoding="utf-8") as fh:  # rows written after the last commit
        fh.write("doc-4,Rusia,Russia\ndoc-4,Rus")
    with (tmp_path / "out.csv.done.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"id": "doc-4", "en')
    s = run([src], out, pipeline=nlp, resume=True)
    assert (s.skipped, s.documents) == (4, 6)
    assert out.read_text(encoding="utf-8") == (tmp_path / "full.csv").read_text(encoding="utf-8")
    assert full.events == s.events + 4 * full.events // 10 or full.events > s.events


def test_parquet_output_and_resume(tmp_path, nlp):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    src, out = tmp_path / "in.jsonl", tmp_path / "events.parquet"
    rows = docs(10)
    write_jsonl(src, rows)
    run([Record(r["id"], r["text"], r["published"]) for r in rows[:4]], out, pipeline=nlp)
    (out / "part-00001.parquet").write_bytes(b"PAR1 half a file")  # a killed run's part
    s = run([src], out, pipeline=nlp, resume=True)
    assert (s.skipped, s.documents) == (4, 6)
    df = pd.read_parquet(out).sort_values(["doc_id", "sentence_start"])
    ref = run([src], tmp_path / "ref.parquet", pipeline=nlp)
    assert len(df) == ref.events and set(df["doc_id"]) == {r["id"] for r in rows}
    assert df.drop_duplicates(["doc_id", "sentence_start", "trigger_start"]).shape == df.shape
    assert str(df["date"].iloc[0]) == "2024-05-01"
    with pytest.raises(OutputError, match="needs an output file"):
        run([src], None, fmt="jsonl", resume=True, pipeline=nlp)


def test_sigkill_two_workers_then_resume(tmp_path):
    """kill -9 a 2-worker run mid-way; --resume ends with every document exactly once."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = docs(3000)
    write_jsonl(src, rows[:1500], BAD)
    with src.open("ab") as fh:
        for r in rows[1500:]:
            fh.write(json.dumps(r).encode() + b"\n")
    want = [r["id"] for r in rows[:1500]] + ["enc", "in.jsonl:1502", "nul"] + [
        r["id"] for r in rows[1500:]]
    cmd = [sys.executable, "-m", "geoevents", "extract", str(src), "-o", str(out),
           "--workers", "2"]
    p = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and p.poll() is None:
            if out.exists() and out.stat().st_size > 100_000:
                break
            time.sleep(0.02)
        assert p.poll() is None, "the run ended before it could be killed"
    finally:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait(30)
    killed = out.read_bytes().count(b"\n")
    print(f"killed after {killed} of {len(want)} documents")
    assert 0 < killed < len(want)
    r = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stderr  # 1: some documents failed (the three bad lines)
    got = output_ids(out)
    assert got == sorted(set(got), key=got.index)  # no duplicates
    assert sorted(got) == sorted(want)  # no losses
    assert got == want  # in input order, too
    errs = (tmp_path / "out.jsonl.errors.jsonl").read_text(encoding="utf-8")
    assert "already done" in r.stderr and '"id": "nul"' in errs
