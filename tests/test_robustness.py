"""Bad, hostile and huge input: typed errors that say what to do, the input-handling table of
docs/robustness.md (one test per row), and a poisoned batch that loses no document."""

from __future__ import annotations

import gc
import gzip
import importlib
import json
from pathlib import Path

import pytest

import geoevents
from geoevents import errors
from geoevents.cli import main
from geoevents.errors import (
    DataFileError,
    DocumentTooLongError,
    GazetteerError,
    InputDecodeError,
    InputFormatError,
    InputTypeError,
    ModelNotFoundError,
    OptionError,
    OutputError,
    PublishedDateError,
    RuleFileError,
)
from geoevents.io import Record, decode, read_records
from geoevents.io.batch import run
from geoevents.pipeline import MAX_LENGTH, Pipeline

PUB = "2024-03-01"
GOOD = "Rusia mengecam Amerika Serikat."
RUS_USA = ("Russia", "11", "United States")


def triples(doc):
    return {(e.actor.name, e.action.root, e.target.name if e.target else None)
            for e in doc.events}


def spans_ok(text, doc):
    for a in doc.actors:
        assert text[a.span[0]:a.span[1]] == a.mention
    for s in doc.sentences:
        assert text[s.span[0]:s.span[1]] == s.text
    for e in doc.events:
        assert text[e.sentence_span[0]:e.sentence_span[1]] == e.sentence
        assert e.action.trigger_span is not None
        assert text[e.action.trigger_span[0]:e.action.trigger_span[1]] == e.action.trigger
        for x in (e.actor, e.target):
            assert x is not None and text[x.span[0]:x.span[1]] == x.mention


def write_jsonl(path: Path, rows, extra: bytes = b"") -> Path:
    with path.open("wb") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n")
        fh.write(extra)
    return path


def error_lines(path: Path) -> list[dict[str, str]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


# == 1. typed errors =======================================================================


def test_every_error_refines_a_builtin():
    pairs = {InputTypeError: TypeError, InputDecodeError: ValueError,
             PublishedDateError: ValueError, InputFormatError: ValueError,
             DataFileError: ValueError, GazetteerError: ValueError, RuleFileError: ValueError,
             DocumentTooLongError: ValueError, OutputError: OSError,
             ModelNotFoundError: FileNotFoundError, OptionError: ValueError}
    for err, builtin in pairs.items():
        assert issubclass(err, builtin) and issubclass(err, errors.GeoeventsError), err


@pytest.mark.parametrize("value", [None, b"Rusia mengecam AS.", bytearray(b"x"), 42, 1.5,
                                   ["Rusia"], {"text": "Rusia"}])
def test_non_str_input(nlp, value):
    for call in (lambda: nlp.analyze(value), lambda: nlp.extract(value),
                 lambda: list(nlp.pipe([value])), lambda: geoevents.resolve(value)):
        with pytest.raises(InputTypeError, match=r"expected text as str.*Pass a str") as e:
            call()
        assert isinstance(e.value, TypeError)
        assert type(value).__name__ in str(e.value)
    if isinstance(value, bytes):
        with pytest.raises(TypeError, match=r"decode\('utf-8'\)"):
            nlp.analyze(value)


def test_bytes_and_undecodable_text():
    assert decode("Rusia mengecam Montréal.".encode()) == "Rusia mengecam Montréal."
    with pytest.raises(InputDecodeError, match=r"at byte 6: .*re-encode the input as UTF-8") as e:
        decode(b"Rusia \xff mengecam AS.")
    assert isinstance(e.value, ValueError)
    with pytest.raises(InputDecodeError):
        decode("Rusia".encode("utf-16"))


def test_bad_encoding_in_a_batch_is_a_recorded_failure(tmp_path, nlp):
    txt = tmp_path / "latin1.txt"
    txt.write_bytes("Rusia mengecam Amerika Serikat di Montréal.".encode("latin-1"))
    csv_in = tmp_path / "in.csv"
    csv_in.write_bytes(b"id,text\nc1,Rusia \xe9 mengecam Ukraina.\nc2,Rusia mengecam Ukraina.\n")
    jl = write_jsonl(tmp_path / "in.jsonl", [{"id": "j1", "text": GOOD}],
                     b'{"id": "j2", "text": "Rusia \xff mengecam Ukraina."}\n'
                     b'{"id": "j3", "text": "Rusia \\ud800 mengecam Ukraina."}\n')
    out = tmp_path / "out.jsonl"
    s = run([txt, csv_in, jl], out, pipeline=nlp)
    assert (s.documents, s.failed) == (6, 4)
    errs = {e["id"]: e["error"] for e in error_lines(tmp_path / "out.jsonl.errors.jsonl")}
    assert set(errs) == {str(txt), "c1", "j2", "j3"}
    assert all(v.startswith("InputDecodeError") and "re-encode" in v for v in errs.values())
    assert "in.csv:1: invalid UTF-8 b'\\xe9'" in errs["c1"]
    assert "in.jsonl:2: invalid UTF-8 b'\\xff'" in errs["j2"]
    assert "in.jsonl:3: a lone surrogate '\\ud800'" in errs["j3"]


@pytest.mark.parametrize("value", ["kemarin", "2024-13-01", "2024-02-30", "14/03/2024",
                                   20240314, 2024.5, ["2024-03-14"], b"2024-03-14"])
def test_invalid_published(nlp, value):
    with pytest.raises(PublishedDateError, match=r"invalid published date .* ISO string") as e:
        nlp.analyze(GOOD, published=value)
    assert isinstance(e.value, ValueError)


@pytest.mark.parametrize("value", [None, "", "  ", "2024-03-14", "2024-03-14T10:00:00+07:00"])
def test_valid_published(nlp, value):
    nlp.analyze(GOOD, published=value)


def test_invalid_published_in_batch_and_cli(tmp_path, nlp, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "ok", "text": GOOD, "published": PUB},
        {"id": "bad", "text": GOOD, "published": "kemarin"},
        {"id": "num", "text": GOOD, "published": 12}])
    s = run([src], tmp_path / "out.jsonl", pipeline=nlp)
    assert (s.documents, s.failed) == (3, 2)
    assert [i for i, e in s.sample_errors] == ["bad", "num"]
    assert all(e.startswith("PublishedDateError") for _, e in s.sample_errors)
    with pytest.raises(PublishedDateError):  # one date for the whole run: fail at once
        run([src], tmp_path / "out2.jsonl", published="kemarin", pipeline=nlp)
    assert main(["extract", str(src), "--published", "14 Maret"]) == 2
    assert "invalid published date '14 Maret'" in capsys.readouterr().err


def test_malformed_jsonl_lines_name_file_and_line(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}], (
        b"{not json\n"
        b"[1, 2]\n"
        b'"just a string"\n'
        b'{"id": "n", "text": null}\n'
        b'{"id": "l", "text": ["Rusia"]}\n'
        + b"[" * 100_000 + b"\n"
        + b'{"id": ' + b"9" * 5000 + b', "text": "x"}\n'))
    recs = list(read_records([src]))
    assert [r.id for r in recs] == ["a", "in.jsonl:2", "in.jsonl:3", "in.jsonl:4", "n", "l",
                                    "in.jsonl:7", "in.jsonl:8"]
    want = ["InputFormatError: in.jsonl:2: invalid JSON",
            "InputFormatError: in.jsonl:3: not a JSON object",
            "InputFormatError: in.jsonl:4: not a JSON object",
            "InputTypeError: in.jsonl:5: the text is NoneType, not a string",
            "InputTypeError: in.jsonl:6: the text is list, not a string",
            "InputFormatError: in.jsonl:7: invalid JSON",  # nested too deep
            "InputFormatError: in.jsonl:8: invalid JSON"]  # a 5000-digit number
    for r, w in zip(recs[1:], want, strict=True):
        assert r.text is None and r.error.startswith(w), r.error
    assert "must be an object with a 'text' field" in recs[1].error


def test_missing_text_field_or_column_names_file_and_line(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}, {"id": "b", "body": GOOD}])
    with pytest.raises(InputFormatError, match=r"in\.jsonl:2: missing 'text' field") as e:
        list(read_records([src]))
    assert isinstance(e.value, ValueError)
    csv_in = tmp_path / "in.csv"
    csv_in.write_text("id,body\na,Rusia\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match=r"in\.csv: no 'text' column .*\(id, body\)"):
        list(read_records([csv_in]))
    with pytest.raises(InputFormatError, match="no such file"):
        list(read_records([tmp_path / "nope.jsonl"]))
    with pytest.raises(InputFormatError, match=r"cannot read it .*pass a readable file"):
        list(read_records([tmp_path]))


def test_malformed_csv_rows(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(b"\xef\xbb\xbfid,text\n"  # a BOM (Excel) must not hide the id column
                    b"a,\"Rusia mengecam\r\nUkraina.\"\n"
                    b"short\n"
                    b"c,Rusia\x00 mengecam Ukraina.,extra,fields\n"
                    b"d,\"unterminated\n")
    recs = list(read_records([src]))
    assert [r.id for r in recs] == ["a", "short", "c", "d"]
    assert recs[0].text == "Rusia mengecam\r\nUkraina."
    assert recs[1].error == "InputTypeError: in.csv:2: the text is NoneType, not a string"
    assert recs[2].text == "Rusia\x00 mengecam Ukraina." and recs[3].text == "unterminated\n"


def test_bom_at_the_start_of_jsonl(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "Rusia mengecam Ukraina."}\n')
    assert [(r.id, r.error) for r in read_records([src])] == [("a", None)]


def test_corrupt_or_truncated_files_are_recorded_and_the_batch_goes_on(tmp_path, nlp):
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "g", "text": GOOD}])
    data = gzip.compress(b"".join(json.dumps({"id": f"t{i}", "text": GOOD}).encode() + b"\n"
                                  for i in range(500)))
    trunc = tmp_path / "trunc.jsonl.gz"
    trunc.write_bytes(data[:len(data) // 2])  # a half-downloaded archive
    notgz = tmp_path / "not.jsonl.gz"
    notgz.write_bytes(b'{"id": "x", "text": "plain"}\n')
    pq = tmp_path / "broken.parquet"
    pq.write_bytes(b"PAR1 not really")
    out = tmp_path / "out.jsonl"
    s = run([trunc, notgz, pq, good], out, pipeline=nlp)
    errs = {e["id"]: e["error"] for e in error_lines(tmp_path / "out.jsonl.errors.jsonl")}
    assert set(errs) == {"trunc.jsonl.gz:corrupt", "not.jsonl.gz:corrupt", "broken.parquet:corrupt"}
    assert all(e.startswith("InputFormatError") and "corrupt or truncated" in e
               for e in errs.values())
    assert "unreadable after 0 records" in errs["not.jsonl.gz:corrupt"]
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids[-1] == "g" and s.failed == 3 and s.documents == len(ids) > 100


def test_lone_surrogates_in_ids_and_caller_records(tmp_path, nlp):
    """Ids and texts with lone surrogates must not crash the writer (they cannot be UTF-8)."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a\\ud800", "text": "Rusia mengecam Ukraina."}\n'
                    b'{"id": "b\xff", "text": "Rusia mengecam Ukraina."}\n')
    for fmt, name in (("jsonl", "o.jsonl"), ("csv", "o.csv"), ("table", "o.txt")):
        s = run([src], tmp_path / name, fmt=fmt, pipeline=nlp)
        assert (s.documents, s.failed, s.events) == (2, 0, 2)
    assert output_ids(tmp_path / "o.jsonl") == ["a\\ud800", "b\\udcff"]
    s = run([src], tmp_path / "o.jsonl", pipeline=nlp, resume=True)  # ids match on resume
    assert (s.skipped, s.documents) == (2, 0)
    recs = [Record("x", "Rusia \ud800 mengecam AS."), Record("y\udcff", GOOD), Record("z", 5)]
    s = run(recs, tmp_path / "r.jsonl", pipeline=nlp)
    assert (s.documents, s.failed) == (3, 2)
    assert [e["id"] for e in error_lines(tmp_path / "r.jsonl.errors.jsonl")] == ["x", "z"]
    assert output_ids(tmp_path / "r.jsonl") == ["x", "y\\udcff", "z"]


def output_ids(path: Path) -> list[str]:
    return [json.loads(x)["id"] for x in path.read_text(encoding="utf-8").splitlines()]


def _gazetteer(tmp_path: Path, line: str) -> Path:
    p = tmp_path / "mine.jsonl"
    good = {"id": "X-MINE", "name": "Mine", "kind": "organization", "aliases": ["Minerva"]}
    p.write_text(json.dumps(good) + "\n" + line + "\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(("line", "field", "msg"), [
    ('{"id": "Y", "name": "Y", "kind": "state", "colour": "red"}', "colour", "Extra inputs"),
    ('{"id": "Y", "name": "Y", "kind": "planet"}', "kind", "Input should be"),
    ('{"id": "Y", "name": "Y", "kind": "state", "country": "Rusia"}', "country", "pattern"),
    ('{"id": "Y", "name": "Y", "kind": "person", "roles": [{"sector": "GOV", '
     '"valid_from": "kemarin"}]}', "roles.0.valid_from", "date"),
    ('{"id": "X-MINE", "name": "Again", "kind": "state"}', "id", "duplicate id"),
    ('{"id": "Y", "name": "Y", "kind": "state", "aliases": ["minerva"]}', "aliases",
     "also claimed"),
    ('{"id": "Y", "name": ', None, "invalid JSON"),
])
def test_invalid_gazetteer_names_file_record_field(tmp_path, line, field, msg):
    path = _gazetteer(tmp_path, line)
    with pytest.raises(GazetteerError, match=msg) as e:
        geoevents.load(gazetteer=[path])
    err = e.value
    assert isinstance(err, ValueError) and err.path == str(path) and err.record == 2
    assert err.field == field
    assert str(err).startswith(f"{path}, record 2")


def test_missing_gazetteer_or_rule_file(tmp_path):
    with pytest.raises(DataFileError, match="file not found"):
        geoevents.load(gazetteer=[tmp_path / "nope.jsonl"])
    with pytest.raises(DataFileError, match="file not found"):
        geoevents.load(triggers=[tmp_path / "nope.yaml"])
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(b'{"id": "Y", "name": "Montr\xe9al", "kind": "state"}\n')
    with pytest.raises(DataFileError, match="not UTF-8"):
        geoevents.load(gazetteer=[bad])


TRIGGER = """triggers:
  - id: mengecam_lagi
    lemma: mengecam
    base: kecam
    cameo: "{cameo}"
    positive:
      - {{text: "Rusia mengecam Ukraina.", actor: Russia, target: Ukraine}}
    negative: [{negative}]
"""


@pytest.mark.parametrize(("text", "field", "msg"), [
    (TRIGGER.format(cameo="111", negative='"Harga naik."').replace("lemma", "lema"),
     "triggers.0.lemma", "Field required"),
    (TRIGGER.format(cameo="111", negative='"Harga naik."').replace("    base", "    basis"),
     "triggers.0.base", "Field required"),
    (TRIGGER.format(cameo="111", negative='"Harga naik."') + "    colour: red\n",
     "triggers.0.colour", "Extra inputs"),
    (TRIGGER.format(cameo="9999", negative='"Harga naik."'), "triggers.0.cameo", "pattern"),
    (TRIGGER.format(cameo="111", negative=""), "triggers.0.negative", "at least 1"),
    ("triggers: [\n  - id: x\n    lemma: 'unclosed\n", None, "invalid YAML"),
])
def test_invalid_rule_file_names_file_record_field(tmp_path, text, field, msg):
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError, match=msg) as e:
        geoevents.load(triggers=[path])
    err = e.value
    assert isinstance(err, ValueError) and err.path == str(path) and err.field == field
    if field:
        assert err.record is not None and str(err.record).startswith("1")


def test_unknown_options():
    with pytest.raises(OptionError, match=r"unknown option\(s\) gazeteer .*known options: "
                       "gazetteer, triggers, max_length") as e:
        geoevents.load(gazeteer=["x.jsonl"])
    assert isinstance(e.value, ValueError)
    for bad in (0, -5, "1000", 2.5):
        with pytest.raises(OptionError, match="max_length must be a positive int"):
            Pipeline(max_length=bad)


@pytest.mark.parametrize("argv", [["extract", "--bogus"], ["extract", "--worker", "x"],
                                  ["extract", "--format", "xml"], ["frobnicate"],
                                  ["extract", "-w", "two"]])
def test_unknown_cli_options_exit_2_naming_the_option(argv, capsys):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: geoevents")
    assert any(a in err for a in argv if a.startswith("-") or a in ("xml", "frobnicate",
                                                                   "two")), err


def test_unwritable_outputs(tmp_path, nlp, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    (tmp_path / "adir.csv").mkdir()
    (tmp_path / "file.parquet").write_text("x", encoding="utf-8")
    cases = [(tmp_path / "no" / "such" / "dir.jsonl", None, "No such file or directory"),
             (tmp_path, None, "Is a directory"),
             (tmp_path / "adir.csv", None, "Is a directory"),
             (tmp_path / "file.parquet", None, "is not a directory"),
             (Path("/proc/geoevents.parquet"), None, "cannot create"),
             (tmp_path / "ok.jsonl", tmp_path / "no" / "errors.jsonl", "No such file")]
    for out, errs, msg in cases:
        with pytest.raises(OutputError, match=msg) as e:
            run([src], out, errors=errs, pipeline=nlp)
        assert isinstance(e.value, OSError)
    gc.collect()  # an output file left open would now raise ResourceWarning (an error here)
    assert main(["extract", str(src), "-o", str(tmp_path / "no" / "out.jsonl")]) == 2
    assert "choose a writable path with -o" in capsys.readouterr().err


def test_stanza_backend_without_models(tmp_path, monkeypatch):
    try:
        adapter = importlib.import_module("geoevents.components.stanza_adapter")
    except ImportError as exc:  # pragma: no cover
        pytest.skip(f"geoevents.components.stanza_adapter is not available ({exc})")
    if not hasattr(adapter, "find_models"):  # pragma: no cover
        pytest.skip("geoevents.components.stanza_adapter has no find_models() to ask for "
                    "the models")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ModelNotFoundError, match="geoevents download stanza") as e:
        adapter.find_models()
    assert isinstance(e.value, FileNotFoundError)
    with pytest.raises(ModelNotFoundError, match="geoevents download stanza"):
        adapter.find_models(tmp_path / "elsewhere")


# == 2. the input-handling table (docs/robustness.md), one test per row ====================


@pytest.mark.parametrize("text", ["", " ", "   \n\t\r\n ", "\u200b\u00a0\ufeff\u3000",
                                  "<p></p><br><div> </div>", "\x00\x01\x1f"])
def test_row_empty_or_whitespace(nlp, text):
    doc = nlp.analyze(text, published=PUB)
    assert doc.events == () and doc.actors == () and doc.text == text
    assert "not_indonesian" not in doc.warnings


def test_row_html_page(nlp):
    page = ("<!DOCTYPE html><html><head><title>Berita</title><style>p {color: red}</style>"
            "<script>var s = '<p>Israel menyerang Iran</p>';</script></head><body>"
            "<article><h1>Rusia vs AS</h1><p>Jakarta (ANTARA) - <a href=\"/rusia\">Rusia"
            "</a>&nbsp;mengecam <b>Amerika Serikat</b> &amp; sekutunya.</p>"
            "<!-- <p>Jepang menyerang China.</p> --></article></body></html>")
    doc = nlp.analyze(page, published=PUB)
    assert "html" in doc.warnings
    assert triples(doc) == {RUS_USA}  # nothing from script, style or comments
    spans_ok(page, doc)
    e = doc.events[0]
    assert page[e.actor.span[0]:e.actor.span[1]] == "Rusia" and "<b>" in e.sentence


@pytest.mark.parametrize(("name", "text"), [
    ("mixed scripts", "Россия осудила США. Rusia mengecam Amerika Serikat. 俄罗斯谴责美国。 "
                      "روسيا تدين الولايات المتحدة"),
    ("emoji", "🇷🇺🔥 Rusia mengecam Amerika Serikat 👩‍👩‍👧. 😡"),
    ("control characters", "\x1b\x07Rusia\x07 mengecam\x1b Amerika Serikat.\x00\x7f\x85"),
    ("zero-width", "\ufeffRusia\u200b mengecam\u200d Amerika\u2060 Serikat\u200c."),
    ("bidi marks", "\u202bRusia mengecam Amerika Serikat.\u202c\u200f"),
    ("non-breaking spaces", "Rusia\u00a0mengecam\u202fAmerika\u00a0Serikat."),
    ("CRLF", "Harga cabai naik.\r\n\r\nRusia mengecam Amerika Serikat.\r\nIa marah.\r\n"),
    ("CR only", "Harga cabai naik.\r\rRusia mengecam Amerika Serikat.\r"),
    ("tabs", "Rusia\tmengecam\t\tAmerika Serikat."),
])
def test_row_unusual_characters(nlp, name, text):
    doc = nlp.analyze(text, published=PUB)
    assert RUS_USA in triples(doc), name
    spans_ok(text, doc)


def test_row_invisible_characters_keep_offsets(nlp):
    text = "\ufeff\u200bRusia\u200b\u200b mengecam\u00a0\u00a0Amerika\u2060Serikat."
    doc = nlp.analyze(text, published=PUB)
    (e,) = doc.events
    assert e.actor.mention == "Rusia" and e.actor.span == (2, 7)
    assert e.target.mention == "Amerika\u2060Serikat" and e.target.span == (20, 35)
    spans_ok(text, doc)


@pytest.mark.parametrize("text", ["Ru\u200bsia mengecam Amerika Serikat.",
                                  "Ru\u00adsia mengecam Amerika Serikat.",
                                  "Rusia mengecam\nAmerika Serikat."])
def test_row_documented_limits(nlp, text):
    """docs/robustness.md, "Limits": an invisible character inside a word splits (or hides)
    the word, a line break ends a sentence. No event, but no error and valid offsets."""
    doc = nlp.analyze(text, published=PUB)
    assert RUS_USA not in triples(doc)
    spans_ok(text, doc)


def test_row_symbol_between_verb_and_target(nlp):
    """A symbol between the verb and its target blocks the rules' pattern; the ranker reads
    the pair."""
    text = "Rusia mengecam 🔥 Amerika Serikat."
    doc = nlp.analyze(text, published=PUB)
    assert RUS_USA in triples(doc)
    assert [e.rule for e in doc.events] == ["mengecam/active+ranker"]
    assert geoevents.load(ranker=False).extract(text, published=PUB) == []
    spans_ok(text, doc)


def test_row_long_document_refused_per_limit():
    nlp = Pipeline(max_length=10_000)
    with pytest.raises(DocumentTooLongError, match=r"10,001 characters .* max_length=10,000"
                       r".*geoevents\.load\(max_length=\.\.\.\)") as e:
        nlp.analyze("x" * 10_001)
    assert isinstance(e.value, ValueError)
    assert nlp.analyze("x" * 10_000).events == ()
    assert MAX_LENGTH == 2_000_000 and Pipeline().max_length == MAX_LENGTH


def test_row_ten_megabytes_is_refused_at_once(nlp):
    text = "Rusia mengecam Amerika Serikat. " * 330_000  # 10.6 MB
    with pytest.raises(DocumentTooLongError, match="max_length=2,000,000"):
        nlp.analyze(text)


def test_row_raising_the_limit():
    nlp = geoevents.load(max_length=3_000_000)
    assert nlp.max_length == 3_000_000 and nlp.nlp.max_length > 3_000_000
    text = "Rusia mengecam Amerika Serikat di Jenewa." + " " * MAX_LENGTH
    doc = nlp.analyze(text, published=PUB)
    assert triples(doc) == {RUS_USA}


@pytest.mark.parametrize("text", [
    "Russia condemned the United States on Monday after talks in Jakarta collapsed, officials "
    "said, adding that Indonesia and China would meet again next week to discuss the dispute "
    "over fishing rights near the Natuna islands.",
    "La Russie a condamné les États-Unis lundi après l'échec des pourparlers à Jakarta, ont "
    "déclaré des responsables, ajoutant que l'Indonésie et la Chine se réuniraient la semaine "
    "prochaine pour discuter du différend sur les droits de pêche.",
    "<p>Russia attacked Ukraine and the United States criticized Russia, the ministry said on "
    "Tuesday in a statement that was published on its website in the morning after a night "
    "of heavy shelling in the east of the country.</p><p>More follows.</p><br>",
])
def test_row_not_indonesian(nlp, text):
    doc = nlp.analyze(text, published=PUB)
    assert doc.language == "other" and "not_indonesian" in doc.warnings
    assert doc.events == ()


def test_row_indonesian_with_foreign_quotes_is_indonesian(nlp):
    text = ("Presiden Rusia Vladimir Putin mengecam Amerika Serikat. \"We will respond,\" kata "
            "dia kepada wartawan di Moskow, Senin, seperti dikutip kantor berita setempat.")
    doc = nlp.analyze(text, published=PUB)
    assert doc.language == "id" and doc.events


def test_row_batch_bad_lines(tmp_path, nlp):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}],
                      b"{oops\n" b'{"id": "b", "text": 7}\n' b'{"id": "c", "text": "ok \xff"}\n')
    out = tmp_path / "out.jsonl"
    s = run([src], out, pipeline=nlp)
    assert (s.documents, s.failed) == (4, 3)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["a", "in.jsonl:2", "b", "c"]
    assert [set(x) for x in lines[1:]] == [{"id", "error"}] * 3
    assert [e["id"] for e in error_lines(tmp_path / "out.jsonl.errors.jsonl")] == [
        "in.jsonl:2", "b", "c"]
    assert f"errors in {tmp_path / 'out.jsonl.errors.jsonl'}" in s.describe()


# == date text from the caller's characters ===============================================


def test_date_text_is_from_the_original_text(nlp):
    text = "JAKARTA,\u00a0Senin\u00a0(3/4/2023) - Rusia mengecam Amerika Serikat, " \
           "Selasa\u00a0(28/3/2023)."
    doc = nlp.analyze(text)
    assert doc.published_text == "Senin\u00a0(3/4/2023)"
    for d in doc.dates:
        assert text[d.span[0]:d.span[1]] == d.text
    assert [e.date_text for e in doc.events] == ["Selasa\u00a0(28/3/2023)"]


# == 4. a poisoned batch ===================================================================


def test_poisoned_batch_two_workers_loses_nothing(tmp_path, nlp):
    """One poisoned document per 100 (bad UTF-8, a non-string text, a 3 MB text over a lowered
    max_length, a malformed JSON line); everything else is processed, every failure recorded."""
    sents = ["Rusia mengecam Ukraina.", "Jepang bertemu dengan Korea Selatan.",
             "Iran menolak usulan Amerika Serikat.", "Israel menyerang Gaza."]
    src = tmp_path / "in.jsonl"
    poison = {}
    with src.open("wb") as fh:
        for i in range(400):
            doc_id = f"d{i:03d}"
            text = f"Harga cabai naik ({i}). {sents[i % 4]}"
            if i % 100 == 50:
                kind = ("bytes", "type", "long", "json")[i // 100]
                poison[kind] = doc_id if kind != "json" else f"in.jsonl:{i + 1}"
                if kind == "bytes":
                    fh.write(b'{"id": "%s", "text": "Rusia \xc3\x28 mengecam"}\n' % doc_id.encode())
                elif kind == "type":
                    fh.write(json.dumps({"id": doc_id, "text": {"html": text}}).encode() + b"\n")
                elif kind == "long":
                    big = "Rusia mengecam Ukraina. " * 125_000  # 3,000,000 characters
                    fh.write(json.dumps({"id": doc_id, "text": big}).encode() + b"\n")
                else:
                    fh.write(b'{"id": "%s", "text": "unterminated\n' % doc_id.encode())
                continue
            fh.write(json.dumps({"id": doc_id, "text": text, "published": PUB}).encode() + b"\n")
    assert src.stat().st_size > 3_000_000
    out = tmp_path / "out.jsonl"
    s = run([src], out, workers=2, chunk_size=16, options={"max_length": 1_000_000})
    assert (s.documents, s.failed, s.skipped, s.interrupted) == (400, 4, 0, False)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 400
    ok = [x for x in lines if "events" in x]
    assert len(ok) == 396 and all(len(x["events"]) == 1 for x in ok)
    assert s.events == 396
    errs = {e["id"]: e["error"] for e in error_lines(tmp_path / "out.jsonl.errors.jsonl")}
    assert errs.keys() == set(poison.values())
    assert errs[poison["bytes"]].startswith("InputDecodeError: in.jsonl:51: invalid UTF-8")
    assert errs[poison["type"]].startswith("InputTypeError: in.jsonl:151: the text is dict")
    assert errs[poison["long"]].startswith(
        "DocumentTooLongError: document of 3,000,000 characters") and \
        "max_length=1,000,000" in errs[poison["long"]]
    assert errs[poison["json"]].startswith("InputFormatError: in.jsonl:351: invalid JSON")
    assert [i for i, _ in s.sample_errors] == list(poison.values())
    # the same output as one worker in this process
    one = run([src], tmp_path / "one.jsonl", pipeline=Pipeline(max_length=1_000_000))
    assert (tmp_path / "one.jsonl").read_bytes() == out.read_bytes()
    assert (one.documents, one.failed, one.events) == (400, 4, 396)
