"""The HTTP conversation with the school's server (docs/sync-protocol.md) over one httpx client: login,
the sync call in the packed form with gzip both ways, the new PC's bootstrap, and the health probe.

Only `https://` is spoken to a school's server, with its certificate verified (against the system's CAs, or
the school's own CA bundle from the installer preset); plain `http://` is refused except to this PC
itself (the demo, tests). Every failure comes out as a sync.errors.SyncError: a link that drops, a timeout, a
truncated or garbled
answer and a 5xx are `offline`/`server_error` (try again later); a refused token or password is final
until someone logs in. Each call reports the bytes it put on and took off the wire and how long it took,
for the link estimate.
"""

from __future__ import annotations

import gzip
import json
import ssl
import time
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx
from pydantic import ValidationError

from core import wire_pack
from core.protocol import LoginRequest, LoginResponse, PasswordChange, SyncRequest, SyncResponse
from sync.errors import SyncError, needs_login, offline
from sync.server_url import check_url

# A 2G link moves 4 KB/s up; a batch is sized to take a few seconds, so a minute without a byte is a dead
# link, not a slow one.
TIMEOUT = httpx.Timeout(connect=20.0, read=60.0, write=60.0, pool=10.0)
# A connection is kept between calls this long (httpx keeps one 5 s): storing a first download's page on a slow PC
# takes longer, and every new connection costs a handshake (with TLS, two round trips of a 600 ms link). The server
# keeps an idle one longer still (server.cli.KEEP_ALIVE_S), its clock starting as its answer leaves, ours once the
# answer has come down the slow link.
KEEP_ALIVE = httpx.Limits(max_connections=4, max_keepalive_connections=2, keepalive_expiry=30.0)
_FINAL = {"bad_credentials", "no_token", "bad_token", "token_expired", "device_revoked", "device_taken",
          "wrong_device"}


A = TypeVar("A")
B = TypeVar("B")


@dataclass(frozen=True)
class Exchange(Generic[A]):
    """One round trip: the decoded answer, bytes on the wire each way, the time it took and the time until the
    answer's head arrived (what sync.link tells the two directions' rates apart by)."""

    answer: A
    sent: int
    received: int
    seconds: float
    answered: float

    def read_as(self, answer: B) -> Exchange[B]:
        """The same exchange with its answer read as a protocol message."""
        return Exchange(answer, self.sent, self.received, self.seconds, self.answered)


class ServerLink:
    def __init__(self, url: str, *, transport: httpx.BaseTransport | None = None,
                 timeout: httpx.Timeout = TIMEOUT, ca_bundle: str | None = None) -> None:
        self.url = check_url(url)
        verify: Any = True  # the system's certificate authorities (through certifi / the OS store)
        if ca_bundle:
            verify = ssl.create_default_context(cafile=ca_bundle)  # the school's own CA, from the preset
        self._http = httpx.Client(base_url=self.url, timeout=timeout, transport=transport, verify=verify,
                                  limits=KEEP_ALIVE, headers={"User-Agent": "DalaJournal/1"})
        self.token: str | None = None

    def close(self) -> None:
        self._http.close()

    # -- calls ------------------------------------------------------------------------------------

    def health(self) -> Exchange[Any]:
        return self._call("GET", "/v1/health", auth=False)

    def login(self, username: str, password: str, device_id: str,
              device_name: str | None) -> Exchange[LoginResponse]:
        # Not validated here: the server judges a login (an empty name is its refusal, told in the app's words).
        body = LoginRequest.model_construct(username=username, password=password, device_id=device_id,
                                            device_name=device_name)
        exchange = self._call("POST", "/v1/login", body=body.model_dump_json().encode(),
                              content_type="application/json", auth=False)
        return exchange.read_as(_read(LoginResponse, exchange.answer))

    def sync(self, request: SyncRequest) -> Exchange[SyncResponse]:
        """One sync call, in the packed form both ways (core.wire_pack encodes the protocol's messages)."""
        # (the PC's bundle key only in the request that registers it: not a null in every request's bytes)
        packed = wire_pack.pack_request(request.model_dump(mode="json", exclude={"bundle_key"}
                                                           if request.bundle_key is None else None))
        body = wire_pack.dumps(packed)
        exchange = self._call("POST", "/v1/sync", body=body, content_type=wire_pack.MEDIA_TYPE,
                              accept=wire_pack.MEDIA_TYPE)
        try:
            unpacked = wire_pack.unpack_response(exchange.answer)
        except wire_pack.PackError as error:
            raise SyncError("garbled", f"The server's answer could not be read ({error}).", retry=True) from None
        return exchange.read_as(_read(SyncResponse, unpacked))

    def bundle(self, data: bytes) -> bytes:
        """A sealed request bundle of another PC (core.bundle) handed to the server; its answer bundle."""
        return self._call_raw("POST", "/v1/bundles", data)

    def bootstrap_reference(self, courses: set[int] | None = None) -> Exchange[Any]:
        """The first download's reference answer: of every course the teacher may read, or of `courses` alone."""
        return self._call("GET", "/v1/bootstrap", params=_only(courses))

    def bootstrap_lessons(self, after: str, limit: int, courses: set[int] | None = None) -> Exchange[Any]:
        return self._call("GET", "/v1/bootstrap/lessons", params={"after": after, "limit": limit, **_only(courses)})

    def change_password(self, current: str, new: str) -> Exchange[Any]:
        body = PasswordChange.model_construct(current_password=current, new_password=new)  # the server judges it
        return self._call("POST", "/v1/password", body=body.model_dump_json().encode(), content_type="application/json")

    def sign_out(self) -> Exchange[Any]:
        return self._call("POST", "/v1/logout", body=b"{}", content_type="application/json")

    def readable_courses(self) -> Exchange[Any]:
        """The ids of the courses the teacher may read now."""
        return self._call("GET", "/v1/courses")

    # -- the one way every call goes --------------------------------------------------------------

    def _call(self, method: str, path: str, *, body: bytes | None = None, content_type: str | None = None,
              accept: str = "application/json", params: dict[str, Any] | None = None,
              auth: bool = True) -> Exchange[Any]:
        exchange = self._send(method, path, body=gzip.compress(body, 9) if body is not None else None,
                              content_type=content_type, accept=accept, params=params, auth=auth, encoding="gzip")
        try:
            answer = json.loads(exchange.answer)
        except ValueError:
            raise SyncError("garbled", "The server's answer was cut short or garbled.", retry=True) from None
        return exchange.read_as(answer)

    def _call_raw(self, method: str, path: str, body: bytes) -> bytes:
        """A call whose body and answer are bytes of their own (a sealed bundle: compressed inside its seal, and
        needing no token: its signature says who made it)."""
        return self._send(method, path, body=body, content_type="application/octet-stream",
                          accept="application/octet-stream", params=None, auth=False, encoding=None).answer

    def _send(self, method: str, path: str, *, body: bytes | None, content_type: str | None, accept: str,
              params: dict[str, Any] | None, auth: bool, encoding: str | None) -> Exchange[bytes]:
        """The answer's bytes, with the bytes sent and received and the times it took."""
        headers = {"Accept": accept, "Accept-Encoding": "gzip"}
        if auth:
            if self.token is None:
                raise needs_login("no_token", "Log in to the school's server first.")
            headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            headers |= {"Content-Type": content_type or "application/json"}
            if encoding is not None:
                headers["Content-Encoding"] = encoding
        request = self._http.build_request(method, path, content=body, headers=headers, params=params)

        def exchange() -> tuple[httpx.Response, bytes, float, float]:
            began = time.monotonic()
            response = self._http.send(request, stream=True)
            answered = time.monotonic() - began  # the answer's head is in (sync.link tells the directions apart)
            try:
                raw = response.read()
            finally:
                response.close()
            return response, raw, answered, time.monotonic() - began

        try:
            try:
                response, raw, answered, seconds = exchange()
            except httpx.RemoteProtocolError:
                # The server closed the kept-alive connection just as the request went out on it (its idle timeout),
                # or the connection broke under the answer: sent once more on a new connection, not reported as being
                # offline. (Every call here may be repeated: a sync's operations are numbered, the others read or
                # replace.)
                response, raw, answered, seconds = exchange()
        except httpx.TimeoutException:
            raise offline("no answer in time") from None
        except (httpx.TransportError, httpx.DecodingError) as error:  # refused, reset, cut short, bad gzip
            if "CERTIFICATE_VERIFY_FAILED" in str(error) or "certificate verify failed" in str(error):
                raise SyncError("bad_certificate", "The server's certificate is not trusted: this is not the "
                                "school's server, or its certificate is not in the installer's CA bundle.",
                                retry=True) from None
            raise offline(type(error).__name__) from None
        sent = len(body or b"") + _head_size(
            response.request.headers, f"{method} {response.request.url.raw_path.decode()} HTTP/1.1"
        )
        received = response.num_bytes_downloaded + _head_size(response.headers, "HTTP/1.1 200 OK")
        if response.status_code >= 400:
            raise _refusal(response)
        return Exchange(raw, sent, received, seconds, answered)


M = TypeVar("M", LoginResponse, SyncResponse)


def _read(model: type[M], answer: Any) -> M:
    """The answer as the protocol's message; one that does not follow the protocol is garbled."""
    try:
        return model.model_validate(answer)
    except ValidationError as error:
        raise SyncError("garbled", f"The server's answer does not follow the protocol ({error.error_count()} "
                        "problems).", retry=True) from None


def _head_size(headers: httpx.Headers, first_line: str) -> int:
    """The bytes of an HTTP/1.1 head as it goes on the wire (httpx does not count them)."""
    return len(first_line) + 2 + sum(len(k) + len(v) + 4 for k, v in headers.raw) + 2


def _refusal(response: httpx.Response) -> SyncError:
    try:
        body = response.json()
        code, message = str(body["error"]), str(body.get("message", ""))
    except (ValueError, KeyError, TypeError):
        code, message = f"http_{response.status_code}", f"The server answered {response.status_code}."
    retry_after = _retry_after(response.headers.get("retry-after"))
    if code in _FINAL or response.status_code == 401:
        return needs_login(code, message)
    if response.status_code >= 500 and code.startswith("http_"):
        code = "server_error"
    if response.status_code in (429, 503) or response.status_code >= 500:
        return SyncError(code, message, retry=True, retry_after=retry_after)
    return SyncError(code, message, retry=False)  # 4xx: our request is wrong; resending will not help


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _only(courses: set[int] | None) -> dict[str, str]:
    return {} if courses is None else {"courses": ",".join(map(str, sorted(courses)))}
