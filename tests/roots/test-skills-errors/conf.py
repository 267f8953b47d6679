extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
