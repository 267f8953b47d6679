extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
project = "Jane Doe"
copyright = "Jane Doe"
version = "1"
