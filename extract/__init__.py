"""Extraction: Arabic text -> spaCy Doc -> mentions -> relations."""
