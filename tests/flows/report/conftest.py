"""Fixtures of the report tests (defined in report_roots.py)."""

from report_roots import events_root, merged_root  # noqa: F401
