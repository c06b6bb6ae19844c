"""Scoring extracted events against gold events, and the `sitrep eval` command."""
