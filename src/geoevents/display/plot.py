"""Plots of event data: actor networks, dyad time series and root-code distributions.

Every function takes events (a list of :class:`~geoevents.models.Event`, of
:class:`~geoevents.models.Document`, or a pandas DataFrame with the columns of
:func:`geoevents.to_frame`) and returns a matplotlib :class:`~matplotlib.figure.Figure`
that you can restyle and save (``fig.savefig("network.png", dpi=200)``). Pass ``ax=`` to
draw into an existing set of axes instead.

matplotlib and networkx are optional: ``pip install 'geoevents[plot]'``. Figures are
created without pyplot, so they do not accumulate in pyplot's global state; in Jupyter
they display when they are the value of a cell (with the inline backend,
``%matplotlib inline``).

CAMEO quad classes (:func:`quad_class`): verbal cooperation (roots 01–05), material
cooperation (06–09), verbal conflict (10–14) and material conflict (15–20).
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..errors import MissingDependencyError
from ..models import Actor, Document, Event
from ..resources import cameo_info

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "QUAD_CLASSES",
    "QUAD_COLORS",
    "dyad_series",
    "event_graph",
    "network",
    "quad_class",
    "root_distribution",
]

NodeKey = Literal["name", "country", "cameo"]

QUAD_CLASSES: tuple[str, ...] = (
    "verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
"""The four CAMEO quad classes, in order."""

QUAD_COLORS: dict[str, str] = {
    "verbal cooperation": "#6baed6",
    "material cooperation": "#08519c",
    "verbal conflict": "#fc9272",
    "material conflict": "#a50f15",
}
"""Colour of each quad class in the plots."""


def quad_class(root: str) -> str:
    """The CAMEO quad class of a root code (or of any code: its first two digits count).

    Args:
        root: a CAMEO root ("11") or a longer code ("111", "0234").

    Returns:
        One of :data:`QUAD_CLASSES`.

    Raises:
        ValueError: the code is not a CAMEO code 01–20.

    Examples:
        >>> quad_class("04"), quad_class("190")
        ('verbal cooperation', 'material conflict')
    """
    try:
        r = int(root[:2])
    except ValueError:
        r = 0
    if not 1 <= r <= 20:
        raise ValueError(f"not a CAMEO code: {root!r} (expected a root 01-20)")
    if r <= 5:
        return QUAD_CLASSES[0]
    if r <= 9:
        return QUAD_CLASSES[1]
    if r <= 14:
        return QUAD_CLASSES[2]
    return QUAD_CLASSES[3]


# -- optional dependencies ----------------------------------------------------------------


def _matplotlib() -> Any:
    try:
        import matplotlib
        import matplotlib.cm
        import matplotlib.colors
        import matplotlib.figure
        import matplotlib.patches
        import matplotlib.ticker
    except ImportError as exc:
        raise MissingDependencyError(
            "geoevents.display.plot needs matplotlib; install it with pip install 'geoevents[plot]'"
        ) from exc
    return matplotlib


def _networkx() -> Any:
    try:
        return importlib.import_module("networkx")
    except ImportError as exc:
        raise MissingDependencyError(
            "geoevents.display.plot.network needs networkx; install it with "
            "pip install 'geoevents[plot]'") from exc


def _canvas(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    mpl = _matplotlib()
    if ax is None:
        fig: Figure = mpl.figure.Figure(figsize=figsize, layout="constrained")
        return fig, fig.add_subplot()
    root = ax.get_figure(root=True)
    if root is None:  # pragma: no cover - axes always belong to a figure
        raise ValueError("ax does not belong to a figure")
    return root, ax


# -- input rows ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Side:
    name: str | None
    id: str | None
    country: str | None
    cameo: str | None
    mention: str | None

    def key(self, node: NodeKey) -> str:
        order = {
            "name": (self.name, self.cameo, self.country, self.mention),
            "country": (self.country, self.name, self.cameo, self.mention),
            "cameo": (self.cameo, self.name, self.country, self.mention),
        }[node]
        return next((x for x in order if x), "?")

    def matches(self, want: str) -> bool:
        return want in (self.name, self.id, self.country, self.cameo, self.mention)


@dataclass(frozen=True)
class _Row:
    actor: _Side
    target: _Side | None
    root: str
    goldstein: float | None
    date: dt.date | None


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


def _float(v: Any) -> float | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        try:
            v = float(v)
        except (TypeError, ValueError):
            return None
    f = float(v)
    return None if math.isnan(f) else f


def _date(v: Any) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v[:10])
        except ValueError:
            return None
    try:  # date, datetime, pandas Timestamp (NaT has no integer year)
        return dt.date(v.year, v.month, v.day)
    except (AttributeError, TypeError, ValueError):
        return None


def _side(a: Actor | None) -> _Side | None:
    if a is None:
        return None
    return _Side(a.name, a.id, a.country, a.cameo, a.mention)


def _frame_side(rec: dict[str, Any], prefix: str) -> _Side | None:
    s = _Side(*(_str(rec.get(f"{prefix}_{f}")) for f in
                ("name", "id", "country", "cameo", "mention")))
    return None if s == _Side(None, None, None, None, None) else s


def _rows(data: Any) -> list[_Row]:
    """Normalise events, documents or a DataFrame of :func:`geoevents.to_frame` rows."""
    if isinstance(data, (Event, Document)):
        data = [data]
    if hasattr(data, "columns") and hasattr(data, "to_dict"):
        cols = set(data.columns)
        if "root" not in cols and "cameo" not in cols:
            raise ValueError("the frame has neither a 'root' nor a 'cameo' column; "
                             "build it with geoevents.to_frame()")
        rows = []
        for rec in data.to_dict("records"):
            root = _str(rec.get("root")) or (_str(rec.get("cameo")) or "")[:2]
            actor = _frame_side(rec, "actor")
            if not root or actor is None:
                continue
            rows.append(_Row(actor, _frame_side(rec, "target"), root,
                             _float(rec.get("goldstein")), _date(rec.get("date"))))
        return rows
    out: list[_Row] = []
    for item in data:
        events: Iterable[Event] = item.events if isinstance(item, Document) else (item,)
        for e in events:
            if not isinstance(e, Event):
                raise TypeError(f"expected Event or Document objects, got {type(e).__name__}")
            side = _side(e.actor)
            assert side is not None
            out.append(_Row(side, _side(e.target), e.action.root, e.action.goldstein, e.date))
    return out


# -- network ------------------------------------------------------------------------------


def event_graph(data: Any, *, node: NodeKey = "name", min_count: int = 1) -> Any:
    """A directed graph of who did what to whom.

    Args:
        data: events, documents, or a DataFrame from :func:`geoevents.to_frame`.
        node: what a node stands for: ``"name"`` (the resolved entity, else its CAMEO
            code), ``"country"`` (the actor's country) or ``"cameo"`` (country + sector).
        min_count: leave out edges with fewer events (and nodes left without edges).

    Returns:
        A ``networkx.DiGraph``; nodes carry ``count`` (events they take part in), edges
        ``count``, ``goldstein`` (mean Goldstein value, None when unknown) and ``roots``
        (a ``Counter`` of root codes).

    Raises:
        MissingDependencyError: networkx is not installed.
    """
    nx = _networkx()
    counts: Counter[tuple[str, str]] = Counter()
    gold: defaultdict[tuple[str, str], list[float]] = defaultdict(list)
    roots: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in _rows(data):
        if r.target is None:
            continue
        pair = (r.actor.key(node), r.target.key(node))
        counts[pair] += 1
        roots[pair][r.root] += 1
        if r.goldstein is not None:
            gold[pair].append(r.goldstein)
    g = nx.DiGraph()
    for (a, b), n in counts.items():
        if n < min_count:
            continue
        g.add_edge(a, b, count=n, roots=roots[(a, b)],
                   goldstein=sum(gold[(a, b)]) / len(gold[(a, b)]) if gold[(a, b)] else None)
    for v in g.nodes:
        g.nodes[v]["count"] = sum(n for (a, b), n in counts.items() if v in (a, b))
    return g


def network(data: Any, *, node: NodeKey = "name", min_count: int = 1,
            ax: Axes | None = None, seed: int = 0, cmap: str = "RdBu",
            figsize: tuple[float, float] = (8.0, 6.5), title: str | None = None) -> Figure:
    """Draw the event network: actors as nodes, an arrow from actor to target.

    Arrow width grows with the number of events; arrow colour is their mean Goldstein value
    (red = conflict, blue = cooperation, on a fixed −10…+10 scale); node size grows with the
    number of events an actor takes part in. The layout is networkx's spring layout.

    Args:
        data: events, documents, or a DataFrame from :func:`geoevents.to_frame`.
        node: ``"name"``, ``"country"`` or ``"cameo"`` (see :func:`event_graph`).
        min_count: leave out edges with fewer events.
        ax: draw into these axes instead of a new figure.
        seed: seed of the layout (the same seed gives the same picture).
        cmap: a matplotlib colormap name for the Goldstein scale.
        figsize: size of a new figure, in inches.
        title: the axes title.

    Returns:
        The figure; the graph drawn is ``event_graph(data, node=node, min_count=min_count)``.

    Raises:
        MissingDependencyError: matplotlib or networkx is not installed.
    """
    mpl = _matplotlib()
    nx = _networkx()
    g = event_graph(data, node=node, min_count=min_count)
    fig, ax = _canvas(ax, figsize)
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    if g.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes)
        return fig
    pos = nx.spring_layout(g, seed=seed, k=1.6 / math.sqrt(g.number_of_nodes()))
    norm = mpl.colors.Normalize(vmin=-10.0, vmax=10.0)
    colormap = mpl.colormaps[cmap]
    nodes = list(g.nodes)
    nx.draw_networkx_nodes(
        g, pos, nodelist=nodes, ax=ax, node_color="#f0f0f0", edgecolors="#555555",
        node_size=[300 + 250 * math.sqrt(g.nodes[v]["count"]) for v in nodes])
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=9)
    edges = list(g.edges(data=True))
    nx.draw_networkx_edges(
        g, pos, edgelist=[(a, b) for a, b, _ in edges], ax=ax, arrows=True,
        arrowstyle="-|>", arrowsize=14, connectionstyle="arc3,rad=0.12",
        node_size=[300 + 250 * math.sqrt(g.nodes[v]["count"]) for v in nodes],
        nodelist=nodes,
        width=[1.0 + 1.5 * math.sqrt(d["count"]) for *_, d in edges],
        edge_color=[colormap(norm(d["goldstein"] if d["goldstein"] is not None else 0.0))
                    for *_, d in edges])
    sm = mpl.cm.ScalarMappable(norm=norm, cmap=colormap)
    fig.colorbar(sm, ax=ax, shrink=0.6, label="mean Goldstein")
    ax.margins(0.12)
    return fig


# -- time series --------------------------------------------------------------------------


def _period(d: dt.date, freq: str) -> dt.date:
    return d - dt.timedelta(days=d.weekday()) if freq == "W" else d


def _root_label(root: str) -> str:
    try:
        label = cameo_info(root).label
    except KeyError:
        return root
    return f"{root} {label.capitalize()}"


def dyad_series(data: Any, *, actor: str | None = None, target: str | None = None,
                directed: bool = True, freq: Literal["D", "W"] = "D",
                by: Literal["root", "quad"] = "root", ax: Axes | None = None,
                figsize: tuple[float, float] = (9.0, 4.5), title: str | None = None) -> Figure:
    """Events per day or week, one line per CAMEO root or per quad class.

    Args:
        data: events, documents, or a DataFrame from :func:`geoevents.to_frame`. Events
            without a date are left out.
        actor: keep events whose actor matches: a name ("Russia"), gazetteer id, country
            code ("RUS") or CAMEO code ("RUSGOV"). None keeps all.
        target: the same for the target.
        directed: when False, ``actor``/``target`` also match the reverse direction.
        freq: ``"D"`` for days, ``"W"`` for weeks (starting on Monday).
        by: ``"root"`` for one line per CAMEO root, ``"quad"`` per quad class.
        ax: draw into these axes instead of a new figure.
        figsize: size of a new figure, in inches.
        title: the axes title (default: the dyad).

    Returns:
        The figure: one line per group with at least one event, zero-filled between the
        first and the last period.

    Raises:
        ValueError: ``freq`` or ``by`` is not one of the values above.
        MissingDependencyError: matplotlib is not installed.
    """
    if freq not in ("D", "W"):
        raise ValueError(f"freq must be 'D' or 'W', not {freq!r}")
    if by not in ("root", "quad"):
        raise ValueError(f"by must be 'root' or 'quad', not {by!r}")

    def keep(a: _Side, t: _Side | None) -> bool:
        return (actor is None or a.matches(actor)) and (
            target is None or (t is not None and t.matches(target)))

    counts: defaultdict[str, Counter[dt.date]] = defaultdict(Counter)
    for r in _rows(data):
        if r.date is None:
            continue
        if not keep(r.actor, r.target) and (
                directed or r.target is None or not keep(r.target, r.actor)):
            continue
        group = quad_class(r.root) if by == "quad" else r.root
        counts[group][_period(r.date, freq)] += 1

    mpl = _matplotlib()
    fig, ax = _canvas(ax, figsize)
    step = dt.timedelta(days=7 if freq == "W" else 1)
    periods = sorted({p for c in counts.values() for p in c})
    if periods:
        axis = [periods[0] + i * step for i in range((periods[-1] - periods[0]) // step + 1)]
        order = ([q for q in QUAD_CLASSES if q in counts] if by == "quad"
                 else sorted(counts))
        for group in order:
            label = group if by == "quad" else _root_label(group)
            color = QUAD_COLORS[group] if by == "quad" else None
            xs: Any = axis  # matplotlib's stubs do not list dates
            ax.plot(xs, [counts[group][p] for p in axis], marker="o", markersize=4,
                    label=label, color=color)
        ax.legend(fontsize=8, loc="upper left", frameon=False)
    else:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center",
                transform=ax.transAxes)
    ax.set_ylabel("events per " + ("week" if freq == "W" else "day"))
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    if title is None:
        arrow = "→" if directed else "↔"
        title = f"{actor or 'any actor'} {arrow} {target or 'any target'}"
    ax.set_title(title)
    fig.autofmt_xdate()
    return fig


# -- root codes ---------------------------------------------------------------------------


def root_distribution(data: Any, *, all_roots: bool = False, ax: Axes | None = None,
                      figsize: tuple[float, float] = (8.0, 5.0),
                      title: str | None = "Events by CAMEO root") -> Figure:
    """A horizontal bar chart of events per CAMEO root code, coloured by quad class.

    Args:
        data: events, documents, or a DataFrame from :func:`geoevents.to_frame`.
        all_roots: draw a bar for all twenty roots, not only the ones that occur.
        ax: draw into these axes instead of a new figure.
        figsize: size of a new figure, in inches.
        title: the axes title.

    Returns:
        The figure: one bar per root, root 01 at the top.

    Raises:
        MissingDependencyError: matplotlib is not installed.
    """
    counts = Counter(r.root for r in _rows(data))
    roots = [f"{i:02d}" for i in range(1, 21)] if all_roots else sorted(counts)
    fig, ax = _canvas(ax, figsize)
    mpl = _matplotlib()
    ys = list(range(len(roots)))
    ax.barh(ys, [counts.get(r, 0) for r in roots],
            color=[QUAD_COLORS[quad_class(r)] for r in roots])
    ax.set_yticks(ys, [_root_label(r) for r in roots], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("events")
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    present = [q for q in QUAD_CLASSES if any(quad_class(r) == q for r in roots)]
    ax.legend(handles=[mpl.patches.Patch(color=QUAD_COLORS[q], label=q) for q in present],
              fontsize=8, frameon=False, loc="lower right")
    if title:
        ax.set_title(title)
    return fig
