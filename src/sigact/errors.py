"""One exception tree, so callers can catch sigact's failures without catching everything."""

from __future__ import annotations


class SigactError(Exception):
    """Base of all errors sigact raises on purpose."""


class InputError(SigactError):
    """An input (file, record or URL) that cannot be read; the message names it."""

    def __init__(self, source: str, reason: str, record: str | None = None) -> None:
        self.source = source
        self.record = record
        self.reason = reason
        where = f"{source} [record {record}]" if record else source
        super().__init__(f"{where}: {reason}")


class StoreError(SigactError):
    """The database could not be opened or written."""
