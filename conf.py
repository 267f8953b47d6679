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
            *("linux", "network", "blockchain", "office"),
            *("databases", "os", "languages"),
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
            *("kubernetes", "blockchain", "cicd", "databases"),
            *("languages", "os", "iac"),
        ],
        "pages": 2,
        "compact": True,
    },
}
