"""Reports people read: every instrument rendered as text, and the case as a printable HTML page.

The top layer of the library: it reads instrument records and the catalogues of texts; nothing below
imports it.
"""
