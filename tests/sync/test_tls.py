"""TLS between the PC and the school's server, with a real server serving https on 127.0.0.1: a certificate
the PC does not trust is refused with a clear error, the school's CA bundle (as an installer preset carries
it) makes it trusted, and plain http:// is refused except to this PC itself."""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from server import demo
from sync.errors import SyncError
from sync.server_url import check_url
from sync.transport import ServerLink
from tests.server.conftest import fresh_database, running_server


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def _school_ca_and_server_cert(folder: Path) -> tuple[Path, Path, Path]:
    """A school's own CA and the server certificate it signed for 127.0.0.1 (PEM files)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("School 17 CA")).issuer_name(_name("School 17 CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("journal.school17.kz")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_school_ca_bundle_decides_whether_the_server_is_trusted(tmp_path: Path, request, backend) -> None:
    ca, cert, key = _school_ca_and_server_cert(tmp_path)
    request.param = backend
    with running_server(fresh_database(request, tmp_path), "--tls-cert", str(cert), "--tls-key", str(key)) as live:
        assert live.url.startswith("https://")
        stranger = ServerLink(live.url)
        with pytest.raises(SyncError) as refused:
            stranger.health()
        assert refused.value.code == "bad_certificate" and "not trusted" in refused.value.message
        trusted = ServerLink(live.url, ca_bundle=str(ca))
        assert trusted.health().answer["status"] == "ok"
        device = "00000000-0000-4000-8000-00000000071a"
        answer = trusted.login(demo.ADMIN_LOGIN, demo.DEMO_PASSWORD, device, None).answer
        assert answer.role == "admin"
        stranger.close()
        trusted.close()  # the server stops gracefully only once its connections are closed


def test_plain_http_is_refused_except_to_this_pc() -> None:
    for url in ("http://journal.school17.kz", "http://10.0.0.5:8470"):
        with pytest.raises(SyncError) as refused:
            check_url(url)
        assert refused.value.code == "insecure_url" and "https://" in refused.value.message
    for url in ("ftp://school17.kz", "journal.school17.kz", ""):
        with pytest.raises(SyncError) as refused:
            check_url(url)
        assert refused.value.code == "bad_url"
    assert check_url("http://127.0.0.1:8470/") == "http://127.0.0.1:8470"
    assert check_url(" https://journal.school17.kz ") == "https://journal.school17.kz"
