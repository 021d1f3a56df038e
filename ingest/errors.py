"""Errors the ingester raises for bad input; messages tell the user what to do."""


class IngestError(Exception):
    """A report could not be read; nothing in the store was changed."""
