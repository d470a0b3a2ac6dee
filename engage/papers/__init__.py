"""Papers: the context a consultation's paper is built from (context.py), rendering its
Jinja2 Markdown templates in a sandbox (render.py), standalone HTML with inline SVG charts
(html.py, charts.py), writing and recording a paper (write.py), and the demo's (demo.py)."""
