"""`make run`: the app on the demo school, with a local demo server, and no configuration.

Makes the demo school's server database once (var/demo-server.db, SQLite), starts the server on
127.0.0.1, and opens the app the way a teacher's PC does: the start screen, a profile with an encrypted
journal and an offline password, the online login, the first download. The demo teacher's username and
the demo's public passwords are prefilled, so Enter goes through each step. The demo's profiles and
settings live under var/demo-home, apart from a real installation's. Closing the app stops the server.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from desktop import app
from harness import live_server
from server import demo
from server.db import open_server_db

VAR = Path("var")
DEMO_PORT = 8470


def main() -> int:
    VAR.mkdir(exist_ok=True)
    database = (VAR / "demo-server.db").resolve()  # the server runs from the project folder
    url = f"sqlite:///{database}"
    if not database.exists():
        print("Making the demo school's server database…", flush=True)
        engine = open_server_db(url)
        demo.load(engine)
        engine.dispose()
    engine = create_engine(url)
    with engine.connect() as conn:
        login = conn.execute(text("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id "
                                  "WHERE c.scale = 'criteria' ORDER BY t.id LIMIT 1")).scalar_one()
    engine.dispose()
    with socket.socket() as probe:  # the same address every time: a journal stays bound to its server
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will; TIME_WAIT is no owner
        try:
            probe.bind(("127.0.0.1", DEMO_PORT))
        except OSError:
            raise SystemExit(f"Port {DEMO_PORT} is taken (is another demo running?); stop it and try again.") from None
    port = DEMO_PORT
    try:
        server = live_server.serve(url, port, "--quiet")
    except RuntimeError as error:
        raise SystemExit(f"The demo server did not start: {error}") from None
    address = f"http://127.0.0.1:{port}"
    try:
        print(f"Demo server at {address}; logging in as {login} (password {demo.DEMO_PASSWORD}). The school admin's "
              f"console: {address}/console (user {demo.ADMIN_LOGIN}, the same password).", flush=True)
        home = (VAR / "demo-home").resolve()
        os.environ["XDG_DATA_HOME"], os.environ["XDG_CONFIG_HOME"] = str(home / "data"), str(home / "config")
        os.environ[app.PASSWORD_VARIABLE] = os.environ[app.OFFLINE_PASSWORD_VARIABLE] = demo.DEMO_PASSWORD
        return app.main(["--server", address, "--user", login])
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    sys.exit(main())
