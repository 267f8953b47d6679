"""The ``sphinx-cv`` command: one module per subcommand, dispatched by :mod:`.main`."""
