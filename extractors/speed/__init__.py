"""Faster stand-ins for stock spaCy machinery; each gives stock spaCy's exact output (README.md)."""
