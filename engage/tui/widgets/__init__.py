"""Widgets the engage screens share: charts drawn with Rich, forms and paged tables."""
