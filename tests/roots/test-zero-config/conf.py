"""A CV with nothing but the extension and a name: pages in docs/, conf.py beside it."""

project = "Zoë Example"
author = "Zoë Example"
extensions = ["sphinx_cv"]
