"""The knowledge graph: build it from extraction records, query it, export it, score it.

Modules: ``build`` (records -> ``networkx.MultiDiGraph``), ``state`` (what adding or removing
one article needs: an index by article and per-node totals), ``query`` (lookup, neighbours,
paths, views), ``export`` (GraphML/GEXF/JSON/CSV, atomic), ``evaluate`` (the dev-set scorer),
``sample`` (hand-built records from the seed articles, for tests and demos).
"""
