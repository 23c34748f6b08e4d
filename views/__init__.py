"""Rendering helpers for the Streamlit explorer (``app.py``).

``views.payload`` turns a graph view into the node/edge records vis-network draws,
``views.evidence`` formats evidence safely, ``views.component`` registers the
clickable graph component and finds the vis-network bundle shipped in pyvis.
"""
