"""The case's own documents: the one strict converter, the registry of versioned document types and
their migrations, the JSON Schema, and case files on disk.

This layer reads and writes the instrument records; the instruments never import it. Exchange with
other systems lives in :mod:`terugkeer.interop`, datasets for research in :mod:`terugkeer.research`.
"""
