"""The ASGI application as uvicorn's workers import it: the database URL and limits come from the
environment that `dala-server serve` sets (DALA_SERVER_DB, DALA_SERVER_MAX_SYNCS, DALA_SERVER_RATE_LIMITS)."""

import os

from server.api import create_app
from server.db import connect
from server.rate_limits import RateLimits

app = create_app(connect(os.environ["DALA_SERVER_DB"]), int(os.environ.get("DALA_SERVER_MAX_SYNCS", "16")),
                 RateLimits.from_text(os.environ.get("DALA_SERVER_RATE_LIMITS", "")))
