"""The trained role ranker: its data file, its features and its readings."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

import geoevents
from geoevents.components.ranker import RankerModel, RoleFeatures, load_ranker_model
from geoevents.components.state import work_state
from geoevents.errors import OptionError, RuleFileError
from geoevents.pipeline import Pipeline
from geoevents.resources.gazetteer import fold
from geoevents.resources.lexicon import load_grammar

from .conftest import ROOT, load_script, shared_file


@pytest.fixture(scope="module")
def with_ranker() -> Pipeline:
    return geoevents.load()


@pytest.fixture(scope="module")
def rules_only() -> Pipeline:
    return geoevents.load(ranker=False)


def test_an_entry_is_read_only_in_its_sense(with_ranker: Pipeline) -> None:
    """An entry whose object words are absent is not read by the ranker either: "menampik"
    is a rejection (120) with "tawaran" or "desakan", not with "tuduhan" (the accusation
    itself, Ukraine → Russia, is an event of "tuduhan")."""
    text = "Rusia menampik tuduhan Ukraina soal serangan ke pelabuhan."
    got = with_ranker.extract(text, published="2017-05-02")
    assert not [e.rule for e in got if e.action.trigger == "menampik"]
    assert all(e.action.root != "12" for e in got)


def test_the_shipped_model_validates_and_is_a_real_model() -> None:
    model = load_ranker_model()
    assert 0 < model.threshold < 1 and 0 <= model.keep < 1
    assert len(model.weights) > 1000
    assert "candidates" in model.trained_on


def test_unknown_fields_are_refused() -> None:
    raw = json.loads((ROOT / "src/geoevents/resources/id/ranker.json").read_text())
    with pytest.raises(ValidationError):
        RankerModel.model_validate({**raw, "learning_rate": 0.1})
    with pytest.raises(ValidationError):
        RankerModel.model_validate({**raw, "threshold": 1.5})


def test_a_bad_file_is_a_typed_error(tmp_path) -> None:
    bad = tmp_path / "ranker.json"
    bad.write_text('{"bias": 0.0, "threshold": 0.3, "weights": {}, "learning_rate": 1}')
    with pytest.raises(RuleFileError, match="learning_rate"):
        load_ranker_model(bad)


def test_the_option_is_checked() -> None:
    with pytest.raises(OptionError, match="ranker"):
        geoevents.load(ranker="yes")


# The ranker reads what the rules' patterns miss: an event noun whose actor stands before
# a passive report verb, a symbol between the verb and its target.
POSITIVE = [
    ("Kunjungan Perdana Menteri Jepang Shinzo Abe ke Jakarta dilaporkan untuk melakukan "
     "pertemuan dengan Presiden Joko Widodo.", "Shinzo Abe", "040", "Joko Widodo"),
    ("Rusia mengecam 🔥 Amerika Serikat.", "Russia", "111", "United States"),
]

# No event: a sports report, a market report, a trigger with one actor in the sentence.
NEGATIVE = [
    "Pemain Persib Bandung mengalahkan Persija Jakarta dalam laga kemarin.",
    "Harga minyak dunia naik setelah Arab Saudi memangkas produksi.",
    "Presiden Joko Widodo meninjau banjir di Kabupaten Bandung.",
    "Warga berharap pemerintah segera memperbaiki jalan yang rusak di desa itu.",
]


@pytest.mark.parametrize(("text", "actor", "cameo", "target"), POSITIVE)
def test_the_ranker_reads_roles_the_rules_miss(with_ranker: Pipeline, rules_only: Pipeline,
                                               text: str, actor: str, cameo: str,
                                               target: str) -> None:
    found = [(e.actor.name, e.action.cameo, e.target.name if e.target else None, e.rule)
             for e in with_ranker.extract(text, published="2017-05-02")]
    assert any(a == actor and c == cameo and t == target and r.endswith("+ranker")
               for a, c, t, r in found), found
    assert not any(a == actor and c == cameo and t == target
                   for a, c, t, _ in [(e.actor.name, e.action.cameo,
                                       e.target.name if e.target else None, e.rule)
                                      for e in rules_only.extract(text, published="2017-05-02")])


@pytest.mark.parametrize("text", NEGATIVE)
def test_the_ranker_adds_nothing_where_there_is_no_event(with_ranker: Pipeline,
                                                          text: str) -> None:
    assert [e.rule for e in with_ranker.extract(text, published="2017-05-02")
            if "+ranker" in e.rule] == []


# A pair the ranker reads stands for the list it belongs to: each coordinated target (or
# actor) gets its own event, as the rules' own readings do.
LISTS = [
    ("Partai Hanura akhirnya resmi memberikan dukungan kepada pasangan calon , Sudirman Said "
     "dan Ida Fauziyah , di Pilgub Jawa Tengah .",
     {("People's Conscience Party", "Sudirman Said"), ("People's Conscience Party",
                                                       "Ida Fauziyah")}),
    ("Presiden Prancis Emmanuel Macron dan Kanselir Jerman Angela Merkel dalam pidatonya "
     "mendorong penyelesaian konflik melalui dialog antara pemerintah Ukraina dan Rusia .",
     {("Emmanuel Macron", "Russia"), ("Angela Merkel", "Russia")}),
]

# Places joined to a target are no list of actors.
NOT_LISTS = [
    ("Partai Hanura akhirnya resmi memberikan dukungan kepada pasangan calon , Sudirman Said "
     ", di Semarang dan Solo .", {("People's Conscience Party", "Sudirman Said")}),
]


def _ranker_pairs(nlp: Pipeline, text: str) -> set[tuple[str | None, str | None]]:
    return {(e.actor.name, e.target.name if e.target else None)
            for e in nlp.extract(text, published="2017-05-02") if e.rule.endswith("+ranker")}


@pytest.mark.parametrize(("text", "pairs"), LISTS)
def test_a_ranker_reading_covers_its_list(with_ranker: Pipeline, text: str,
                                          pairs: set[tuple[str, str]]) -> None:
    assert pairs <= _ranker_pairs(with_ranker, text)


@pytest.mark.parametrize(("text", "pairs"), NOT_LISTS)
def test_places_make_no_list(with_ranker: Pipeline, text: str,
                             pairs: set[tuple[str, str]]) -> None:
    assert _ranker_pairs(with_ranker, text) == pairs


# The ranker reads only triggers the rules leave empty: where the rules read the event,
# nothing is added.
NO_EXTRA = [
    "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Najib Razak di Istana Bogor.",
    "Polri menangkap dua anggota kelompok Mujahidin Indonesia Timur di Poso.",
]


@pytest.mark.parametrize("text", NO_EXTRA)
def test_no_pair_is_added_where_the_rules_read_the_event(with_ranker: Pipeline,
                                                         text: str) -> None:
    assert [e.rule for e in with_ranker.extract(text, published="2017-05-02")
            if "+ranker" in e.rule] == []


def test_features_name_no_open_class_word(with_ranker: Pipeline) -> None:
    """Where a role stands and what closed-class word stands next to it: never the name
    or the noun itself, so the model cannot learn who acts."""
    engine = with_ranker.nlp.get_pipe("geoevents_events").engine
    assert engine.ranker is not None
    feats = RoleFeatures(load_grammar())
    shapes = {"BOS", "EOS", "NUM", "CAP", "VERB", "w"}
    text = ("Sementara itu, Menteri Pertahanan Ryamizard Ryacudu meragukan kesiapan "
            "Kejaksaan Agung dan Komisi Pemberantasan Korupsi menangani kasus itu.")
    doc = with_ranker.make_doc(text)
    st = work_state(doc)
    seen = 0
    for (words, _), ms in zip(st.tokens or [], st.mentions or [], strict=True):
        lower = [fold(w) for w in words]
        _, groups = engine.readings(words, ms)
        for hit, ok, _fired in groups:
            for c in engine.ranker.candidates(hit, ok, words, lower, ms,
                                              engine.slots(hit, lower, ms)):
                for f in c.features:
                    for part in f.split("|"):
                        if part.startswith(("prev=", "next=")):
                            word = part.split("=", 1)[1]
                            assert word in shapes or word in feats.function, f
                            seen += 1
                    assert "ryamizard" not in f.lower() and "kejaksaan" not in f.lower()
    assert seen > 0


def test_rules_only_gives_no_ranker_events(rules_only: Pipeline) -> None:
    text = POSITIVE[1][0]
    assert all("+ranker" not in e.rule for e in rules_only.extract(text))


def test_committed_weights_match_a_fresh_training() -> None:
    """The weights depend on the rules' output: a change to the rules, the lexicon or the
    gazetteer that changes what the rules read needs ``python training/ranker.py`` again."""
    pytest.importorskip("sklearn")
    dev = shared_file("eval", "dev.jsonl")
    scorer_path = shared_file("eval", "score.py")
    corpus = shared_file("corpora", "news-indosum")
    mod = load_script(ROOT / "training" / "ranker.py")
    scorer = mod.load_scorer(scorer_path)
    sets = [(dev.name, mod.read_gold(dev)),
            ("indosum_events.jsonl",
             mod.indosum_docs(ROOT / "training" / "data" / "indosum_events.jsonl", corpus))]
    trained = mod.train(sets, scorer)
    fresh, committed = trained.model, load_ranker_model()
    # the shipped threshold is kept across retrainings while it stays on the flat top of
    # the cross-validated F1 curve; off it, ``--choose`` picks it again
    shipped_f1, best_f1 = trained.f1
    assert shipped_f1 >= best_f1 - 0.01
    assert fresh.weights.keys() == committed.weights.keys()
    assert max(abs(fresh.weights[k] - committed.weights[k]) for k in fresh.weights) < 1e-3
