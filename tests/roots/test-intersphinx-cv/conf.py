extensions = ["myst_parser", "sphinx.ext.intersphinx", "sphinx_cv"]
exclude_patterns = ["_build"]
# intersphinx_mapping is set by the test: it points at the CV's objects.inv
