"""Where articles come from: sources, polite fetching, page and file readers, seen-before state, language."""
