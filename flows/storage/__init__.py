"""Parquet datasets: atomic, idempotent writes and reads (local folders or fsspec URLs)."""
