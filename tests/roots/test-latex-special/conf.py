"""LaTeX's special characters, quotes, Cyrillic and CJK in every part of the PDF; Letter paper."""

project = "Special"
author = "Zoë O’Brien"
extensions = ["myst_parser", "sphinx_design", "sphinx_cv"]

cv_name = r"Zoë O'Brien #1 & 100% {x}_y ~z ^w \q Юлия"
cv_headline = (
    r"Costs $5 & 50% off: C#, a_b, {braces}, ~tilde, ^caret, back\slash, “quotes” «кавычки» 中文"
)
cv_links = [
    ("Site #1 & 50%", "https://example.org/a_b/%7Ex?q=1&r={2}#frag"),
    ("Mail", "mailto:zoe@example.org"),
]
cv_paper = "letter"

latex_engine = "xelatex"
latex_use_xindy = False
latex_theme = "cv"
latex_documents = [("index", "Special.tex", project, author, latex_theme)]
latex_domain_indices = False
cv_pdf_glossary = True  # special characters in skill definitions too
