"""Sphinx configuration for the terugkeer documentation (built with -W: warnings are errors)."""

project = "terugkeer"
author = "the terugkeer developers"
copyright = "2026, the terugkeer developers"
extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"undoc-members": False}
html_theme = "alabaster"
