"""A second engineer's CV: every kind of entry, every field, every person value (all invented)."""

project = "Zoë Ferreira-Nowak"
author = "Zoë Ferreira-Nowak"
language = "en"
extensions = ["myst_parser", "sphinx_design", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "furo"
html_baseurl = "https://zoe.example.org/cv/"

cv_headline = "Site reliability engineer: Kubernetes platforms and PostgreSQL"
cv_email = "zoe@example.org"
cv_phone = "+49 170 555 0199"
cv_location = {
    "address": "Beispielstraße 12",
    "postalCode": "80331",
    "city": "München",
    "region": "Bayern",
    "countryCode": "DE",
}
cv_website = "https://zoe.example.org/"
cv_links = [
    ("GitHub", "https://github.example.org/zoe-fn"),
    ("LinkedIn", "https://linkedin.example.org/in/zoe-ferreira-nowak", "zoefn"),
]

latex_engine = "xelatex"
latex_use_xindy = False
latex_theme = "cv"
latex_documents = [("index", "ZoeFerreiraNowak.tex", project, author, latex_theme)]
latex_domain_indices = False
