"""The command line (Typer): ``app.py`` wires one module per noun."""
