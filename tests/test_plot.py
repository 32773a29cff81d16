"""geoevents.display.plot: figures with the expected nodes, bars and lines (matplotlib Agg)."""

from __future__ import annotations

import datetime as dt

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
pytest.importorskip("networkx")

from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from geoevents.display import plot  # noqa: E402
from geoevents.errors import MissingDependencyError  # noqa: E402
from geoevents.models import Action, Actor, Event  # noqa: E402
from geoevents.pipeline import Pipeline  # noqa: E402

STATES = {"RUS": "Russia", "UKR": "Ukraine", "USA": "United States", "CHN": "China"}


def ev(actor: str, target: str, cameo: str, day: str | None, goldstein: float = 0.0) -> Event:
    def side(code: str) -> Actor:
        return Actor(mention=STATES[code], span=(0, 1), name=STATES[code], id=code,
                     country=code, cameo=code, kind="state")

    return Event(actor=side(actor), target=side(target),
                 action=Action(cameo=cameo, root=cameo[:2], label="x", trigger="x",
                               goldstein=goldstein),
                 date=dt.date.fromisoformat(day) if day else None, sentence="x",
                 sentence_span=(0, 1), rule="test")


EVENTS = [
    ev("RUS", "UKR", "190", "2024-05-01", -10.0),
    ev("RUS", "UKR", "111", "2024-05-01", -2.0),
    ev("RUS", "UKR", "190", "2024-05-03", -10.0),
    ev("UKR", "RUS", "111", "2024-05-02", -2.0),
    ev("USA", "UKR", "070", "2024-05-09", 7.0),
    ev("CHN", "RUS", "040", "2024-05-02", 1.0),
    ev("CHN", "USA", "040", None, 1.0),
]


def lines(fig: Figure) -> dict[str, list[float]]:
    ax = fig.axes[0]
    return {str(line.get_label()): [float(y) for y in line.get_ydata()]  # type: ignore[union-attr]
            for line in ax.get_lines()}


@pytest.mark.parametrize(("root", "quad"), [
    ("01", "verbal cooperation"), ("05", "verbal cooperation"), ("06", "material cooperation"),
    ("09", "material cooperation"), ("10", "verbal conflict"), ("14", "verbal conflict"),
    ("15", "material conflict"), ("20", "material conflict"), ("190", "material conflict"),
])
def test_quad_class(root: str, quad: str) -> None:
    assert plot.quad_class(root) == quad


@pytest.mark.parametrize("bad", ["00", "21", "x", ""])
def test_quad_class_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        plot.quad_class(bad)


def test_event_graph() -> None:
    g = plot.event_graph(EVENTS)
    assert set(g.nodes) == {"Russia", "Ukraine", "United States", "China"}
    assert g.number_of_edges() == 5
    e = g.edges["Russia", "Ukraine"]
    assert e["count"] == 3
    assert e["goldstein"] == pytest.approx(-22.0 / 3)
    assert g.nodes["Russia"]["count"] == 5
    g2 = plot.event_graph(EVENTS, min_count=2)
    assert list(g2.edges) == [("Russia", "Ukraine")]


def test_network_nodes_and_edges() -> None:
    fig = plot.network(EVENTS, title="t")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    nodes = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(nodes) == 1 and len(nodes[0].get_offsets()) == 4
    assert len(ax.patches) == 5  # one arrow per directed dyad
    assert {t.get_text() for t in ax.texts} == {"Russia", "Ukraine", "United States", "China"}
    assert len(fig.axes) == 2  # the Goldstein colour bar
    fig.canvas.draw()


def test_network_node_by_country_and_empty() -> None:
    fig = plot.network(EVENTS[:2], node="country")
    assert {t.get_text() for t in fig.axes[0].texts} == {"RUS", "UKR"}
    empty = plot.network([])
    assert [t.get_text() for t in empty.axes[0].texts] == ["no events"]


def test_network_into_given_axes() -> None:
    fig = Figure()
    ax = fig.add_subplot()
    assert plot.network(EVENTS, ax=ax) is fig


def test_dyad_series_by_root_daily() -> None:
    fig = plot.dyad_series(EVENTS, actor="RUS", target="UKR")
    got = lines(fig)
    # 1..3 May, zero-filled; one line per root
    assert got == {"11 Disapprove": [1, 0, 0], "19 Fight": [1, 0, 1]}
    assert fig.axes[0].get_title() == "RUS → UKR"


def test_dyad_series_undirected_by_quad() -> None:
    fig = plot.dyad_series(EVENTS, actor="Russia", target="Ukraine", directed=False,
                           by="quad")
    assert lines(fig) == {"verbal conflict": [1, 1, 0], "material conflict": [1, 0, 1]}


def test_dyad_series_weekly_all_events() -> None:
    fig = plot.dyad_series(EVENTS, freq="W", by="quad")
    # weeks of Mon 29 April and Mon 6 May; the undated event is left out
    assert lines(fig) == {"verbal cooperation": [1, 0], "material cooperation": [0, 1],
                          "verbal conflict": [2, 0], "material conflict": [2, 0]}


def test_dyad_series_from_frame() -> None:
    pd = pytest.importorskip("pandas")
    from geoevents.cli import event_row

    df = pd.DataFrame([event_row(e, "d") for e in EVENTS])
    df["date"] = pd.to_datetime(df["date"])
    df["actor_name"] = df["actor_name"].astype("string")
    fig = plot.dyad_series(df, actor="RUS", target="UKR", by="quad")
    assert lines(fig) == {"verbal conflict": [1, 0, 0], "material conflict": [1, 0, 1]}
    assert plot.event_graph(df).number_of_edges() == 5
    bars = plot.root_distribution(df).axes[0].patches
    assert len(bars) == 4


def test_dyad_series_no_dates_and_bad_args() -> None:
    fig = plot.dyad_series(EVENTS, actor="CHN", target="USA")
    assert lines(fig) == {}
    with pytest.raises(ValueError, match="freq"):
        plot.dyad_series(EVENTS, freq="M")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="by"):
        plot.dyad_series(EVENTS, by="plover")  # type: ignore[arg-type]


def test_root_distribution_bars() -> None:
    fig = plot.root_distribution(EVENTS)
    ax = fig.axes[0]
    assert [round(p.get_width()) for p in ax.patches] == [2, 1, 2, 2]  # 04, 07, 11, 19
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "04 Consult", "07 Provide aid", "11 Disapprove", "19 Fight"]
    assert len(plot.root_distribution(EVENTS, all_roots=True).axes[0].patches) == 20
    fig.canvas.draw()


def test_accepts_documents(nlp: Pipeline) -> None:
    doc = nlp.analyze("Rusia mengecam Amerika Serikat.", published="2024-01-10")
    assert len(plot.root_distribution([doc]).axes[0].patches) == 1
    with pytest.raises(TypeError):
        plot.root_distribution(["not an event"])


def test_missing_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingDependencyError, match=r"geoevents\[plot\]"):
        plot.root_distribution(EVENTS)
