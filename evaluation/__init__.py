"""Measures of understanding shared by the tests and bench/ (which do not import each other)."""
