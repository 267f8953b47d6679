"""Entries with mistakes in their kinds, options and dates: each a warning at its line."""

project = "Example Person"
extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
