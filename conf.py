"""Sphinx configuration of Serge Logvinov's CV (HTML with furo, PDF through XeLaTeX)."""

from __future__ import annotations

project = "Serge Logvinov"
author = "Serge Logvinov"
copyright = "Serge Logvinov"  # noqa: A001 (Sphinx's name)
language = "en"

root_doc = "docs/index"
include_patterns = ["docs/**"]
exclude_patterns = ["_build", ".venv"]

extensions = ["myst_parser", "sphinx_design", "sphinx_cv"]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "Serge Logvinov"
html_copy_source = False
html_show_sourcelink = False

latex_engine = "xelatex"
latex_use_xindy = False  # makeindex: Read the Docs' xindy runs fail (see README)
