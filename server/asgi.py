"""The ASGI application as uvicorn's workers import it: its settings come from the environment that
`dala-server serve` sets (server.settings: DALA_SERVER_DB, DALA_SERVER_MAX_SYNCS, …). The server's own lines
(one a sync call: server.sync) go to standard error beside uvicorn's, for the service manager's journal."""

import logging

from server.api import create_app
from server.db import connect
from server.settings import Settings

settings = Settings.from_environ()
logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
app = create_app(connect(settings.db, settings), settings)
