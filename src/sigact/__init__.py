"""sigact: conflict events (ACLED-style SIGACTs) from news reporting, offline.

Library use: ``extract_text(text, published="2021-02-26")`` returns ``Event`` records; ``run(paths)``
processes files and folders. The CLI (``sigact``) is a thin layer over these.
"""

import logging

from sigact.errors import InputError, SigactError, StoreError
from sigact.pipeline import Result, extract_text, process_document, run
from sigact.records import Article, Document, Event, EventMention

__all__ = [
    "Article", "Document", "Event", "EventMention", "InputError", "Result", "SigactError", "StoreError",
    "extract_text", "process_document", "run",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
