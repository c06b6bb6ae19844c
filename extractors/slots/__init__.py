"""Slot finders: one module per question an event answers (when, where, who, how many)."""
