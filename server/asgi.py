"""The ASGI application as uvicorn's workers import it: the database URL and limits come from the
environment that `dala-server serve` sets (DALA_SERVER_DB, DALA_SERVER_MAX_SYNCS, DALA_SERVER_RATE_LIMITS,
DALA_SERVER_LOG_LEVEL). The server's own lines (one a sync call: server.sync) go to standard error beside
uvicorn's, for the service manager's journal."""

import logging
import os

from server.api import create_app
from server.db import connect
from server.rate_limits import RateLimits

logging.basicConfig(level=os.environ.get("DALA_SERVER_LOG_LEVEL", "INFO"),
                    format="%(asctime)s %(levelname)s %(name)s: %(message)s")
app = create_app(connect(os.environ["DALA_SERVER_DB"]), int(os.environ.get("DALA_SERVER_MAX_SYNCS", "16")),
                 RateLimits.from_text(os.environ.get("DALA_SERVER_RATE_LIMITS", "")))
