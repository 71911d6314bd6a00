"""A report saved where the teacher chose, as PDF or XLSX by the name's ending. It holds pupils' names and marks in
clear (outside the encrypted journal), so the file is made readable by her own account only before anything is
written into it (0600 where the system has such modes)."""

from __future__ import annotations

import os
from pathlib import Path

from desktop import report_pdf, report_xlsx
from desktop.report_document import Document

WRITERS = {".pdf": report_pdf.write, ".xlsx": report_xlsx.write}


def save(path: Path, document: Document) -> Path:
    """Write the document at `path` (".pdf" or ".xlsx"; another ending gets ".pdf" added) and return where."""
    if path.suffix.lower() not in WRITERS:
        path = path.with_name(path.name + ".pdf")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(descriptor)
    os.chmod(path, 0o600)  # an earlier file of that name kept its modes through O_CREAT
    WRITERS[path.suffix.lower()](path, document)
    return path
