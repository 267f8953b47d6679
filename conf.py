"""Sphinx configuration of Serge Logvinov's CV (HTML with furo, PDF through XeLaTeX)."""

from __future__ import annotations

project = "Serge Logvinov"
author = "Serge Logvinov"
copyright = "Serge Logvinov"
language = "en"

root_doc = "docs/index"
include_patterns = ["docs/**"]
# the source dir is the repository: prune what Sphinx need not walk
exclude_patterns = ["_build", ".*", "ext", "tests", "node_modules"]

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_cv",
    "sphinxext.opengraph",  # page descriptions and OpenGraph tags for link previews
    "sphinx_sitemap",  # sitemap.xml for search engines (robots.txt names it)
    "notfound.extension",  # 404.html that works at any depth of the site
]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "Serge Logvinov"
html_copy_source = False
html_show_sourcelink = False
# Canonical address of the site (canonical links, sitemap, OpenGraph, JSON-LD,
# resume.json); on Read the Docs its READTHEDOCS_CANONICAL_URL wins (sphinx_cv.config).
html_baseurl = "https://sphinx-cv.readthedocs.io/en/latest/"

# sphinx_cv: who the CV is about (the headline is the home page's bold first line)
cv_links = [("GitHub", "https://github.com/sergelogvinov")]

ogp_social_cards = {"enable": False}  # no generated images (they would need matplotlib)
sitemap_url_scheme = "{link}"  # the base URL already holds the language and version
sitemap_excludes = ["search.html", "genindex.html", "404.html", "index.html"]  # index: a redirect
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
latex_theme = "cv"  # sphinx_cv's CV design: header, no title page or contents, skills index
latex_documents = [(root_doc, "SergeLogvinov.tex", project, author, latex_theme)]
latex_domain_indices = False  # the PDF's index is the general one: every skill with its pages
cv_paper = "a4"  # or "letter"

# sphinx_cv variants: `make variant NAME=platform` (site and PDF in _build/variants/platform),
# `make variants` for all; the site offers each one's PDF
cv_variants = {
    "platform": {
        "title": "Kubernetes platform",
        "headline": (
            "Kubernetes platforms: Talos, bare metal and cloud providers, "
            "from bootstrap to delivery and observability."
        ),
        "categories": ["Kubernetes", "Infrastructure as code", "Observability", "CI/CD"],
        "drop_pages": [
            *("docs/linux", "docs/network", "docs/blockchain", "docs/office"),
            *("docs/databases", "docs/os", "docs/languages"),
        ],
        "pages": 2,
        "compact": True,
    },
    "infrastructure": {
        "title": "Network and Linux infrastructure",
        "headline": (
            "Linux and network infrastructure: provisioning, virtualisation, private clouds, "
            "DNS, BGP, firewalls and VPN."
        ),
        "categories": [
            *("Networking", "Operating systems and hardware", "Virtualisation"),
            *("Infrastructure as code", "Cloud providers"),
        ],
        "drop_pages": [
            *("docs/kubernetes", "docs/blockchain", "docs/cicd", "docs/databases"),
            *("docs/languages", "docs/os", "docs/iac"),
        ],
        "pages": 2,
        "compact": True,
    },
}
