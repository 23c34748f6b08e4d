"""The offline tools: they build the data and the model the extraction pipeline reads, and never
run at extraction time.

- ``python -m silkgraph.extract.tools.build_gazetteer``: the gazetteer tables in ``extract/data/gazetteer/``
  from the shared data (one module per source in ``silkgraph.extract.tools.gazetteer_sources``).
- ``python -m silkgraph.extract.tools.build_common_words``: ``extract/data/lexicon/common_words.txt``.
- ``python -m silkgraph.extract.tools.build_coordinates``: ``graph/data/coordinates.tsv``, the GeoNames
  positions of the gazetteer's countries and cities for the explorer's map layout.
- ``python -m silkgraph.extract.tools.train_ner``: the statistical NER in ``extract/models/ner/``, trained on
  the corpora ``silkgraph.extract.tools.ner_data`` reads.
"""
