"""A CV using every sphinx-design construct the PDF renders (A4, the default paper)."""

project = "Ada Example"
author = "Ada Example"
extensions = ["myst_parser", "sphinx_design", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
suppress_warnings = ["design.card_legacy"]

cv_headline = "Builds small things that last"
cv_links = [("Code", "https://example.org/ada")]

latex_engine = "xelatex"
latex_use_xindy = False
latex_theme = "cv"
latex_documents = [("index", "AdaExample.tex", project, author, latex_theme)]
latex_domain_indices = False
cv_pdf_glossary = True  # skill definitions as paragraphs, with their pages
