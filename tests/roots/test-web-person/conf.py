# A CV whose content tries to break out of the JSON-LD <script> element.
extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
project = "Jane Doe"
html_theme = "furo"
cv_name = "Jane </script><!-- Doe"
cv_links = [("GitHub", "https://github.com/jane-doe"), ("Mastodon", "https://social.example/@jane")]
