"""Documents: the one strict converter, versioned JSON documents with migrations, the JSON Schema,
case files on disk and the pseudonymised research export.

This layer reads and writes the instrument records; the instruments never import it.
"""
