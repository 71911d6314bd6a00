"""Reading request bodies safely: bounded in size before and after decompression, gzip or plain JSON.

A body over MAX_BODY on the wire, or one that would inflate beyond MAX_INFLATED (a "zip bomb"), is
refused with 413 without being held in memory whole.
"""

from __future__ import annotations

import zlib

from starlette.requests import Request

MAX_BODY = 2 * 1024 * 1024
MAX_INFLATED = 16 * 1024 * 1024


class BodyError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


async def read_body(request: Request) -> bytes:
    """The body as sent, bounded, then inflated."""
    return inflate(await read_raw(request), request.headers.get("content-encoding", "identity"))


async def read_raw(request: Request, most: int = MAX_BODY) -> bytes:
    """The body as it came on the wire, at most `most` bytes (a slow link's upload is waited for here, before
    the call takes any of the server's slots)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > most:
        raise BodyError(413, "too_large", f"The request is larger than {most} bytes.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > most:
            raise BodyError(413, "too_large", f"The request is larger than {most} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def inflate(body: bytes, content_encoding: str) -> bytes:
    """The body uncompressed by its Content-Encoding (gzip or none), at most MAX_INFLATED bytes."""
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding != "gzip":
        raise BodyError(415, "unsupported_encoding", f"Content-Encoding {encoding!r} is not supported; use gzip.")
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(body, MAX_INFLATED)
    except zlib.error:
        raise BodyError(400, "bad_compression", "The body is not valid gzip data.") from None
    if inflater.unconsumed_tail:
        raise BodyError(413, "too_large", f"The request inflates to more than {MAX_INFLATED} bytes.")
    if not inflater.eof:
        raise BodyError(400, "bad_compression", "The gzip data is cut short.")
    return data
