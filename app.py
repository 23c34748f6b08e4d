"""The explorer as `streamlit run app.py` starts it from a checkout (see views/explorer.py).

    streamlit run app.py                                   # builds the graph from seeds/
    streamlit run app.py -- --graph out/graph.graphml      # or opens a built graph

An installed package starts the same page with `silkgraph serve`.
"""
from silkgraph.views.explorer import main

main(__file__)
