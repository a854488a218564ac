"""Instrument content as data: one table per instrument, stable ids, message ids, no display text.

The lowest layer: nothing here imports from the rest of terugkeer. The instrument modules build
their catalogue objects from these rows. Ids are public contract: never renumber or reuse one.
"""
