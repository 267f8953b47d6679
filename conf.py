"""Sphinx configuration of Serge Logvinov's CV: the pages are in docs/ (see sphinx_cv)."""

project = "Serge Logvinov"
author = "Serge Logvinov"
copyright = "Serge Logvinov"
language = "en"

extensions = ["sphinx_cv"]

# Canonical address of the site (canonical links, sitemap, OpenGraph, JSON-LD,
# resume.json); on Read the Docs its READTHEDOCS_CANONICAL_URL wins (sphinx_cv.config).
html_baseurl = "https://sphinx-cv.readthedocs.io/en/latest/"

# sphinx_cv: who the CV is about (the headline is the home page's bold first line)
cv_links = [("GitHub", "https://github.com/sergelogvinov")]
