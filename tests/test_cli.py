"""The command line, run as a user would."""

import json
import subprocess
import sys

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "artikel.txt"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "geoevents", *args], capture_output=True,
                          text=True, input=stdin, timeout=300)


def test_extract_txt_to_jsonl():
    r = run("extract", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(row["doc_id"] == str(EXAMPLE) for row in rows)
    assert all({"actor", "action", "target", "date", "rule"} <= set(row) for row in rows)


def test_extract_jsonl_csv_and_stdin(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": "Rusia mengecam Ukraina.",
                               "published": "2024-05-01"}) + "\n", encoding="utf-8")
    r = run("extract", str(src), "--format", "csv")
    assert r.returncode == 0, r.stderr
    header, row = r.stdout.splitlines()[:2]
    assert header.startswith("doc_id,actor_mention") and row.startswith("a1,Rusia")
    r = run("extract", "--published", "2024-05-01", "--format", "table",
            stdin="Rusia mengecam Ukraina.")
    assert r.returncode == 0 and "Russia" in r.stdout and "Ukraine" in r.stdout


def test_bad_input_is_a_clear_error(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text('{"id": 1}\n', encoding="utf-8")
    r = run("extract", str(src))
    assert r.returncode == 2 and "docs.jsonl:1: missing 'text'" in r.stderr
    r = run("extract", str(EXAMPLE), "--published", "kemarin")
    assert r.returncode == 2 and "invalid published date" in r.stderr


def test_eval_on_own_gold(tmp_path):
    text = "Rusia mengecam Ukraina. Jepang bertemu dengan Korea Selatan."
    gold = {"id": "g1", "published": "2024-05-01", "text": text, "events": [
        {"sentence": "Rusia mengecam Ukraina.", "actor": {"name": "Russia", "country": "RUS"},
         "action": {"root": "11", "cameo": "111"}, "target": {"name": "Ukraine"},
         "date": "2024-05-01"},
        {"sentence": "Jepang bertemu dengan Korea Selatan.", "actor": {"name": "Japan"},
         "action": {"root": "04", "cameo": "040"}, "target": {"name": "South Korea"},
         "date": "2024-05-01"},
        {"sentence": "Jepang bertemu dengan Korea Selatan.", "actor": {"name": "Japan"},
         "action": {"root": "19", "cameo": "190"}, "target": {"name": "China"},
         "date": "2024-05-01"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    r = run("eval", str(path), "--json", str(tmp_path / "rep.json"))
    assert r.returncode == 0, r.stderr
    rep = json.loads((tmp_path / "rep.json").read_text())
    assert rep["entity"]["tp"] == 2 and rep["entity"]["gold"] == 3
    assert rep["entity"]["precision"] == 1.0 and rep["date_accuracy"] == 1.0
    assert r.stdout.strip().splitlines()[-1].startswith("entity P=1.000 R=0.667")


def test_parser_option():
    text = "DPR meminta waktu konsultasi dengan Presiden Joko Widodo untuk membahas anggaran."
    # the rules alone: the parse gives the roles the shallow rules miss
    shallow = run("extract", "--published", "2024-05-01", "--no-ranker", stdin=text)
    parsed = run("extract", "--published", "2024-05-01", "--parser", "spacy", "--no-ranker",
                 stdin=text)
    assert shallow.returncode == 0 and parsed.returncode == 0, parsed.stderr
    assert shallow.stdout == ""
    rows = [json.loads(line) for line in parsed.stdout.splitlines()]
    assert [(r["actor"]["name"], r["target"]["name"]) for r in rows] == [
        ("People's Representative Council", "Joko Widodo")]


def test_no_ranker_option():
    # a symbol between verb and target: the ranker reads the pair, the rules alone do not
    text = "Rusia mengecam 🔥 Amerika Serikat."
    ranked = run("extract", "--published", "2024-05-01", stdin=text)
    rules = run("extract", "--published", "2024-05-01", "--no-ranker", stdin=text)
    assert ranked.returncode == 0 and rules.returncode == 0, ranked.stderr
    rows = [json.loads(line) for line in ranked.stdout.splitlines()]
    assert [(r["actor"]["name"], r["target"]["name"], r["rule"]) for r in rows] == [
        ("Russia", "United States", "mengecam/active+ranker")]
    assert rules.stdout == ""


def test_info_counts_the_shipped_data(nlp):
    from geoevents.cli import main

    r = run("info", "--json")
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)
    assert info["entities"] == len(nlp.gazetteer.entities)
    assert sum(info["entities_by_kind"].values()) == info["entities"]
    assert info["people_with_dated_roles"] <= info["entities_by_kind"]["person"]
    assert sum(info["triggers_by_root"].values()) == info["triggers"]
    assert set(info["triggers_by_root"]) == {f"{r:02d}" for r in range(2, 21)}
    assert main(["info"]) == 0
