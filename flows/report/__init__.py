"""`sitrep report`: one self-contained HTML file to look at the data (docs/report.md).

`dataset.py` reads an output root (incidents when `OUT/incidents` exists, else events) into one
frame of incidents; `figures.py` turns it into the page's aggregates and charts (pure pandas);
`page.py` writes the HTML with plotly.js, the data and the base map inline; `command.py` is the
command line and `write_report`, which flows call at the end of a run.
"""
