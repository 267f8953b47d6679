extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
project = "Jane Doe"
author = "Jane Doe"
copyright = "Jane Doe"
html_baseurl = "https://jane.example/"
latex_engine = "xelatex"
latex_use_xindy = False
latex_theme = "cv"
latex_documents = [("index", "JaneDoe.tex", project, author, latex_theme)]
latex_domain_indices = False

cv_variants = {
    "k8s": {"title": "Kubernetes", "headline": "Kubernetes clusters.", "skills": ["k8s"]},
    "recent": {"title": "Recent work", "years": 10, "drop_kinds": ["education"]},
    "short": {"title": "One page", "skills": ["Kubernetes"], "drop_pages": ["notes"], "pages": 1},
    "long": {"title": "Everything on one page", "pages": 1},
    "compact": {"skills": ["Kubernetes"], "compact": True, "drop_pages": ["notes"]},
}

html_theme = "furo"
html_sidebars = {"**": ["sidebar/brand.html", "sidebar/cv-indexes.html"]}
