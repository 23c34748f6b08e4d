"""The Streamlit explorer (``silkgraph.views.explorer``, started by ``app.py`` or ``silkgraph serve``) and its helpers.

- ``silkgraph.views.payload``: a graph view -> the node/edge records vis-network draws (labels, colours,
  shapes from the schema; node cap; Python layout for large views; path highlight).
- ``silkgraph.views.component``: the clickable graph (a Streamlit components-v2 element in
  ``graph_view.js/.css/.html``) and the vis-network bundle taken from the installed pyvis.
- ``silkgraph.views.evidence``: evidence sentences as escaped HTML with the trigger and entities marked.
- ``silkgraph.views.live``: the graph of the corpus plus uploaded articles (checked, saved, merged).
- ``silkgraph.views.config``: command-line / environment settings; ``silkgraph.views.downloads``: export bytes.
- ``silkgraph.views.explorer``: the page itself and its layout (``app.py`` and ``silkgraph serve`` run it).
- ``silkgraph.views.panel``: the Selection panel (a node's neighbours paged and sorted, an edge's evidence);
  ``silkgraph.views.path_panel``: the Path panel; the sections ``silkgraph.views.overview``, ``silkgraph.views.relations_table``,
  ``silkgraph.views.add_articles``, ``silkgraph.views.export_tab``; ``silkgraph.views.widgets``: entity buttons, widget defaults;
  ``silkgraph.views.pairs``: one drawn line per pair of nodes; ``silkgraph.views.names``: right-to-left safe names.
- ``silkgraph.views.search``: names by any spelling the graph or gazetteer knows, with suggestions.
- ``silkgraph.views.filters``: the view's filters and what they hide; ``silkgraph.views.timeline``: relations by date.
- ``silkgraph.views.uploads``: added articles and their removal; ``silkgraph.views.view_url``: the view in the URL;
  ``silkgraph.views.state``: the session state (selection, open panel, kept form values) the modules share.
"""
