extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = "Jane Doe"
copyright = "Jane Doe"
version = "1"
