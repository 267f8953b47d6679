"""Sphinx configuration of Serge Logvinov's CV (HTML with furo, PDF through XeLaTeX)."""

from __future__ import annotations

project = "Serge Logvinov"
author = "Serge Logvinov"
copyright = "Serge Logvinov"  # noqa: A001 (Sphinx's name)
language = "en"

root_doc = "docs/index"
include_patterns = ["docs/**"]
# the source dir is the repository: prune what Sphinx need not walk
exclude_patterns = ["_build", ".*", "ext", "tests", "node_modules"]

extensions = ["myst_parser", "sphinx_design", "sphinx_cv"]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "Serge Logvinov"
html_copy_source = False
html_show_sourcelink = False
# furo's sidebar, with sphinx_cv's indexes and downloads after the navigation
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/cv-indexes.html",  # sphinx_cv: skill indexes and the PDF
        "sidebar/ethical-ads.html",
        "sidebar/scroll-end.html",
        "sidebar/variant-selector.html",
    ]
}

latex_engine = "xelatex"
latex_use_xindy = False  # makeindex: Read the Docs' xindy runs fail (see README)
