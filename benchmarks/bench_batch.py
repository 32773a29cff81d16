"""Batch throughput and memory, each as a ratio to a baseline measured in the same run.

1. the default pipeline vs ``spacy.blank("id")`` tokenization of the same texts (one core);
2. ``geoevents.io.batch.run`` with 1 vs 2 worker processes (steady-state efficiency);
3. peak RSS per process;
4. RSS over a large JSONL stream through ``geoevents extract --workers 2`` (flat or not).

Usage (writes the Markdown table to stdout; see docs/performance.md)::

    python benchmarks/bench_batch.py --docs 1500 --stream-mb 1024 --stream-seconds 150

The corpus is IndoSum (../shared/corpora/news-indosum) repeated to ``--corpus-docs``
documents, or synthetic articles when ../shared is absent (see corpus.py).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import INDOSUM, articles, rates

import geoevents
from geoevents.io.batch import Progress, run

try:
    import psutil
except ImportError:  # pragma: no cover
    psutil = None


def mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


class RssSampler(threading.Thread):
    """Samples the RSS of a process and each of its children every ``every`` seconds."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, int, list[int]]] = []  # (t, main, [children])
        self._halt = threading.Event()

    def run(self) -> None:
        if psutil is None:
            return
        t0 = time.perf_counter()
        proc = psutil.Process(self.pid)
        while not self._halt.is_set():
            try:
                main = proc.memory_info().rss
                kids = []
                for c in proc.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        kids.append(c.memory_info().rss)
                self.samples.append((time.perf_counter() - t0, main, kids))
            except psutil.Error:
                break
            self._halt.wait(self.every)

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def peak_main(self) -> int:
        return max((s[1] for s in self.samples), default=0)

    def peak_child(self) -> int:
        return max((max(s[2]) for s in self.samples if s[2]), default=0)


def write_jsonl(path: Path, docs: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


def throughput(docs: list[dict[str, str]]) -> dict[str, Any]:
    """Pipeline vs tokenizer, in this process, one core."""
    texts = [d["text"] for d in docs]
    r = rates(geoevents.load(), texts)
    n_sent, t_blank, t_pipe = r["sentences"], r["t_blank"], r["t_pipe"]
    return {"docs": len(texts), "sentences": n_sent, "events": r["events"],
            "blank_docs_s": len(texts) / t_blank, "blank_sent_s": n_sent / t_blank,
            "pipe_docs_s": len(texts) / t_pipe, "pipe_sent_s": n_sent / t_pipe,
            "ratio": r["ratio"]}


def batch_rate(src: Path, out: Path, workers: int) -> dict[str, Any]:
    """Steady-state documents/s of batch.run: counted from the first finished chunk (after
    the workers have loaded their pipelines) to the end."""
    marks: list[tuple[float, int]] = []

    def progress(p: Progress) -> None:
        marks.append((time.perf_counter(), p.documents))

    def cpu() -> float:
        a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
            resource.RUSAGE_CHILDREN)
        return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime

    sampler = RssSampler(os.getpid())
    sampler.start()
    t0, c0 = time.perf_counter(), cpu()
    s = run([src], out, workers=workers, progress=progress, chunk_size=8)
    wall, cpu_s = time.perf_counter() - t0, cpu() - c0
    sampler.stop()
    (t_a, d_a), (t_b, d_b) = marks[min(len(marks) - 1, 2 * workers)], marks[-1]
    return {"workers": workers, "docs": s.documents, "sentences": s.sentences,
            "events": s.events, "wall_s": wall, "steady_docs_s": (d_b - d_a) / (t_b - t_a),
            "steady_sent_s": s.sentences / s.documents * (d_b - d_a) / (t_b - t_a),
            "peak_main": sampler.peak_main(), "peak_child": sampler.peak_child(),
            "cpu_s": cpu_s}


def make_stream(path: Path, base: list[dict[str, str]], target_bytes: int) -> int:
    """A JSONL file of at least ``target_bytes``, repeating ``base`` with fresh ids."""
    n = size = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target_bytes:
            for d in base:
                line = json.dumps({"id": f"s{n}", "text": d["text"]}, ensure_ascii=False) + "\n"
                fh.write(line)
                size += len(line.encode("utf-8"))
                n += 1
                if size >= target_bytes:
                    break
    return n


def stream_reader_pass(path: Path) -> dict[str, Any]:
    """Read the whole stream with geoevents.io.read_records (no NLP), RSS before/after."""
    code = (
        "import time\nfrom geoevents.io import read_records\n"
        "def vm(k):\n    return [int(x.split()[1]) * 1024 for x in open('/proc/self/status')"
        " if x.startswith(k)][0]\n"
        "t=time.perf_counter();n=0;b=0\nbefore=vm('VmRSS')\n"
        f"for r in read_records([{str(path)!r}]):\n    n+=1;b+=len(r.text)\n"
        "print(n,b,time.perf_counter()-t,before,vm('VmHWM'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    return {"docs": int(out[0]), "chars": int(out[1]), "seconds": float(out[2]),
            "rss_before": int(out[3]), "rss_peak": int(out[4])}


def stream_run(path: Path, out: Path, seconds: float, workers: int) -> dict[str, Any]:
    """``geoevents extract`` over the stream for ``seconds``, RSS sampled, then Ctrl-C."""
    cmd = [sys.executable, "-m", "geoevents", "extract", str(path), "-o", str(out),
           "--workers", str(workers)]
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         start_new_session=True)
    sampler = RssSampler(p.pid, every=2.0)
    sampler.start()
    try:
        p.wait(seconds)
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=120)
    sampler.stop()
    if not out.exists():
        raise RuntimeError(f"geoevents extract failed (exit {p.returncode}): {err}")
    done = sum(1 for _ in out.open("rb"))
    samples = [(t, m, sum(k)) for t, m, k in sampler.samples if k]
    return {"docs": done, "stderr": err.strip(), "samples": samples, "rc": p.returncode}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1500, help="documents for the rate runs")
    ap.add_argument("--corpus-docs", type=int, default=20_000,
                    help="size of the corpus file built (IndoSum repeated)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="1- and 2-worker runs, alternated; the best of each is reported")
    ap.add_argument("--stream-mb", type=int, default=1024, help="size of the stream file")
    ap.add_argument("--stream-seconds", type=float, default=150)
    ap.add_argument("--dir", help="working directory (default: a temporary one)")
    args = ap.parse_args()
    tmp = Path(args.dir or tempfile.mkdtemp(prefix="geoevents-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    source = "IndoSum" if INDOSUM.is_dir() else "synthetic"

    corpus = articles(args.corpus_docs)
    write_jsonl(tmp / "corpus.jsonl", corpus)
    sample = corpus[:args.docs]
    write_jsonl(tmp / "sample.jsonl", sample)
    print(f"corpus: {len(corpus):,} {source} documents "
          f"({mb((tmp / 'corpus.jsonl').stat().st_size)}) in {tmp}", file=sys.stderr)

    tp = throughput(sample)
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"throughput: {tp}", file=sys.stderr)
    ones, twos = [], []
    for _ in range(args.repeat):  # alternate, keep the best of each (other load is noise)
        ones.append(batch_rate(tmp / "sample.jsonl", tmp / "out1.jsonl", 1))
        print(f"1 worker: {ones[-1]}", file=sys.stderr)
        twos.append(batch_rate(tmp / "sample.jsonl", tmp / "out2.jsonl", 2))
        print(f"2 workers: {twos[-1]}", file=sys.stderr)
    one = max(ones, key=lambda r: r["steady_docs_s"])
    two = max(twos, key=lambda r: r["steady_docs_s"])
    eff = two["steady_docs_s"] / (2 * one["steady_docs_s"])

    n_stream = make_stream(tmp / "stream.jsonl", corpus, args.stream_mb * 2**20)
    stream_size = (tmp / "stream.jsonl").stat().st_size
    rp = stream_reader_pass(tmp / "stream.jsonl")
    print(f"reader pass: {rp}", file=sys.stderr)
    sr = stream_run(tmp / "stream.jsonl", tmp / "stream.out.jsonl", args.stream_seconds, 2)
    print(f"stream run: docs={sr['docs']} rc={sr['rc']} {sr['stderr']}", file=sys.stderr)
    smp = sr["samples"]
    thirds = [smp[len(smp) * k // 3:len(smp) * (k + 1) // 3] for k in range(3)]

    def avg(rows: list[tuple[float, int, int]], i: int) -> str:
        return mb(sum(r[i] for r in rows) / len(rows)) if rows else "n/a"

    cpu = os.cpu_count()
    print(f"\nMeasured {time.strftime('%Y-%m-%d')} on {cpu} CPUs, Python "
          f"{sys.version.split()[0]}, corpus: {source} ({len(sample):,} documents, "
          f"{tp['sentences']:,} sentences for the rate rows; 1- vs 2-worker rows: best of "
          f"{args.repeat}, load average at the end {os.getloadavg()[0]:.1f}).\n")
    print("| measure | geoevents | baseline (same run) | ratio |")
    print("|---|---|---|---|")
    print(f"| documents/s, 1 core, in process | {tp['pipe_docs_s']:,.1f} | "
          f"{tp['blank_docs_s']:,.1f} (`spacy.blank(\"id\")` tokenization) | "
          f"{tp['ratio']:.3f} |")
    print(f"| sentences/s, 1 core, in process | {tp['pipe_sent_s']:,.0f} | "
          f"{tp['blank_sent_s']:,.0f} (tokenization) | {tp['ratio']:.3f} |")
    print(f"| documents/s, `batch.run`, steady state | {two['steady_docs_s']:,.1f} "
          f"(2 workers) | {one['steady_docs_s']:,.1f} (1 worker) | {eff:.2f} efficiency "
          f"({two['steady_docs_s'] / one['steady_docs_s']:.2f}x) |")
    print(f"| sentences/s, `batch.run`, steady state | {two['steady_sent_s']:,.0f} "
          f"(2 workers) | {one['steady_sent_s']:,.0f} (1 worker) | "
          f"{two['steady_sent_s'] / one['steady_sent_s']:.2f}x |")
    print(f"| wall time incl. pipeline loading, {len(sample):,} docs | {two['wall_s']:,.1f} s "
          f"(2 workers) | {one['wall_s']:,.1f} s (1 worker) | "
          f"{one['wall_s'] / two['wall_s']:.2f}x |")
    print(f"| CPU seconds (all processes, incl. pipeline loading), {len(sample):,} docs | "
          f"{two['cpu_s']:,.1f} (2 workers) | {one['cpu_s']:,.1f} (1 worker) | "
          f"{one['cpu_s'] / two['cpu_s']:.2f} (CPU efficiency) |")
    print(f"| peak RSS per process | {mb(two['peak_child'])} (each of 2 workers), "
          f"{mb(two['peak_main'])} (parent) | {mb(self_peak)} (this process after the "
          f"in-process rows) | {two['peak_child'] / self_peak:.2f} |")
    print(f"| stream: reader only, {mb(stream_size)} JSONL, {rp['docs']:,} docs | "
          f"{rp['seconds']:,.0f} s, peak RSS {mb(rp['rss_peak'])} | RSS after imports "
          f"{mb(rp['rss_before'])} | {rp['rss_peak'] / rp['rss_before']:.2f} |")
    print(f"| stream: `geoevents extract -w 2` over the same file, first "
          f"{args.stream_seconds:.0f} s ({sr['docs']:,} docs) | workers' RSS total "
          f"{avg(thirds[2], 2)} (last third), parent {avg(thirds[2], 1)} | "
          f"{avg(thirds[0], 2)} (first third), parent {avg(thirds[0], 1)} | "
          f"{(sum(r[2] for r in thirds[2]) / max(1, len(thirds[2]))) / max(1, sum(r[2] for r in thirds[0]) / max(1, len(thirds[0]))):.2f} |")  # noqa: E501
    print(f"\nstream file: {n_stream:,} documents, {mb(stream_size)}; RSS samples "
          "(s, parent MB, workers MB): " + ", ".join(
              f"({t:.0f}, {m / 2**20:.0f}, {k / 2**20:.0f})" for t, m, k in smp[::max(1, len(
                  smp) // 12)]))


if __name__ == "__main__":
    main()
