"""The ``sphinx-cv`` command line, apart from the Sphinx extension."""
