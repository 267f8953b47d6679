"""The ``sphinx-cv`` command: one entry point, one module per subcommand."""
