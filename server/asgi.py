"""The ASGI application as uvicorn's workers import it: the database URL and limits come from the
environment that `dala-server serve` sets (DALA_SERVER_DB, DALA_SERVER_MAX_SYNCS)."""

import os

from server.api import create_app
from server.db import connect

app = create_app(connect(os.environ["DALA_SERVER_DB"]), int(os.environ.get("DALA_SERVER_MAX_SYNCS", "16")))
