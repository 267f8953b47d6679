"""The user's conf.py wins over every value the extension would give."""

project = "Ada Example"
author = "Ada Example"
extensions = ["sphinx_cv"]
html_theme = "basic"
html_sidebars = {"**": ["localtoc.html"]}
myst_enable_extensions = ["deflist"]  # no colon_fence: the grid below is text
latex_engine = "lualatex"
latex_documents = [("index", "ada.tex", "Ada", "Ada Example", "howto")]
