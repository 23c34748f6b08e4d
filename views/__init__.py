"""The Streamlit explorer (``views.explorer``, started by ``app.py`` or ``silkgraph serve``) and its helpers.

- ``views.payload``: a graph view -> the node/edge records vis-network draws (labels, colours,
  shapes from the schema; node cap; Python layout for large views; path highlight).
- ``views.component``: the clickable graph (a Streamlit components-v2 element in
  ``graph_view.js/.css/.html``) and the vis-network bundle taken from the installed pyvis.
- ``views.evidence``: evidence sentences as escaped HTML with the trigger and entities marked.
- ``views.live``: the graph of the corpus plus uploaded articles (checked, saved, merged).
- ``views.config``: command-line / environment settings; ``views.downloads``: export bytes.
- ``views.explorer``: the page itself and its layout (``app.py`` and ``silkgraph serve`` run it).
- ``views.panel``: the Selection panel (a node's neighbours paged and sorted, an edge's evidence);
  ``views.path_panel``: the Path panel; the sections ``views.overview``, ``views.relations_table``,
  ``views.add_articles``, ``views.export_tab``; ``views.widgets``: entity buttons, widget defaults;
  ``views.pairs``: one drawn line per pair of nodes; ``views.names``: right-to-left safe names.
- ``views.search``: names by any spelling the graph or gazetteer knows, with suggestions.
- ``views.filters``: the view's filters and what they hide; ``views.timeline``: relations by date.
- ``views.uploads``: added articles and their removal; ``views.view_url``: the view in the URL;
  ``views.state``: the session state (selection, open panel, kept form values) the modules share.
"""
