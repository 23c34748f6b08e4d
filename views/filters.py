"""The filters of the view, and what each of them hides, said on the page.

``silkgraph.graph.query.filter_graph`` drops an undated relation from any date range (it cannot be
shown to fall inside). A reader narrowing the dates by one day should not lose every
undated relation without notice: here undated relations are kept unless the reader
turns them off, and every count a filter hides is reported.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import networkx as nx

from silkgraph.graph.query import filter_graph
from silkgraph.schema import schema
from silkgraph.views.memo import per_graph


@dataclass
class FilterReport:
    """Relations passing the non-date filters, and how the date range and isolation split them."""

    relations: int = 0  # passing types, articles, mentions
    in_range: int = 0  # dated, inside the date range
    out_of_range: int = 0  # dated, outside it: hidden
    undated: int = 0
    undated_shown: bool = True
    dated_range: bool = False
    isolated: int = 0  # nodes with no relation in the view
    isolated_shown: bool = False
    collapsed: int = 0  # relations of collapsible types folded away

    def messages(self) -> list[str]:
        """Sentences for the page, one per filter that hides or keeps something notable.

        >>> FilterReport(70, 19, 0, 51, True, True).messages()[0]
        'Date range: 19 dated relations in it, 0 outside it hidden; 51 undated relations shown (untick “Include undated” to hide them).'
        """
        out = []
        if self.dated_range:
            undated = (f"{self.undated:,} undated relation{'s' if self.undated != 1 else ''} "
                       + ("shown (untick “Include undated” to hide them)" if self.undated_shown
                          else "hidden (tick “Include undated” to show them)"))
            out.append(f"Date range: {self.in_range:,} dated relation{'s' if self.in_range != 1 else ''} in it, "
                       f"{self.out_of_range:,} outside it hidden; {undated}.")
        if self.collapsed:
            out.append(f"{self.collapsed:,} office relation{'s' if self.collapsed != 1 else ''} (leads, serves …) "
                       "folded away (“Fold office relations” shows them).")
        if self.isolated and not self.isolated_shown:
            out.append(f"{self.isolated:,} entit{'ies' if self.isolated != 1 else 'y'} with no relation in this view "
                       "hidden (“Show isolated entities” shows them).")
        return out


def isolated_nodes(G: nx.MultiDiGraph) -> list[str]:
    """Nodes with no edge at all (self-loops count as edges).

    >>> isolated_nodes(nx.MultiDiGraph([("a", "b")])) + isolated_nodes(nx.MultiDiGraph([("a", "a")]))
    []
    """
    return [n for n in G.nodes if G.degree(n) == 0]


@per_graph()
def apply_filters(G: nx.MultiDiGraph, *, node_types: Collection[str] | None = None,
                  edge_types: Collection[str] | None = None, docs: Collection[str] | None = None,
                  min_mentions: int = 1, date_from: str | None = None, date_to: str | None = None,
                  include_undated: bool = True, show_isolated: bool = False,
                  fold: Collection[str] = ()) -> tuple[nx.MultiDiGraph, FilterReport]:
    """The filtered view and a report of what the date range, folding and isolation hide.

    Computed once per graph and arguments (``silkgraph.views.memo``): do not change what it returns.

    ``fold``: relation types to leave out of the view (the schema's collapsible ones), after
    which their ends may be isolated and go with the other isolated nodes.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> G.add_edge("leader:putin", "country:RU", key="undated", type="leads", date="")
    'undated'
    >>> F, r = apply_filters(G, date_from="2025-01-01")
    >>> F.has_edge("leader:putin", "country:RU"), r.in_range, r.out_of_range, r.undated
    (True, 6, 16, 1)
    >>> F, r = apply_filters(G, date_from="2025-01-01", include_undated=False)
    >>> F.has_edge("leader:putin", "country:RU"), r.undated_shown
    (False, False)
    >>> F, r = apply_filters(G, fold=["leads"])
    >>> "leader:putin" in F, r.collapsed
    (True, 3)
    """
    common = dict(node_types=node_types, edge_types=edge_types, docs=docs, min_mentions=min_mentions)
    everything = filter_graph(G, **common)
    report = FilterReport(relations=everything.number_of_edges(), undated_shown=include_undated,
                          isolated_shown=show_isolated)
    undated = [(u, v, k, d) for u, v, k, d in everything.edges(keys=True, data=True) if not d.get("date")]
    report.undated = len(undated)
    if date_from or date_to:
        F = filter_graph(G, **common, date_from=date_from, date_to=date_to)
        report.dated_range = True
        report.in_range = F.number_of_edges()
        report.out_of_range = report.relations - report.in_range - report.undated
        if include_undated:
            F.add_nodes_from((n, everything.nodes[n]) for u, v, _, _ in undated for n in (u, v))
            F.add_edges_from(undated)
    else:
        F = everything
        if not include_undated and undated:
            F.remove_edges_from([(u, v, k) for u, v, k, _ in undated])
    if fold:
        folded = [(u, v, k) for u, v, k, kind in F.edges(keys=True, data="type") if kind in set(fold)]
        F.remove_edges_from(folded)
        report.collapsed = len(folded)
    lonely = isolated_nodes(F)
    report.isolated = len(lonely)
    if not show_isolated:
        F.remove_nodes_from(lonely)
    return F, report


def present_types(G: nx.MultiDiGraph) -> tuple[list[str], list[str]]:
    """The node and edge types the graph holds, in schema order.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("city:astana", type="City"); G.add_node("country:KZ", type="Country")
    >>> G.add_edge("city:astana", "country:KZ", type="located_in")
    0
    >>> present_types(G)
    (['Country', 'City'], ['located_in'])
    """
    sch = schema()
    nodes = {d.get("type") for _, d in G.nodes(data=True)}
    edges = {kind for *_, kind in G.edges(data="type")}
    return [t for t in sch.node_types if t in nodes], [t for t in sch.edge_types if t in edges]
