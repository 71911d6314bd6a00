"""`dala-server`: serve the API, load the demo school, export the audit log."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine

from server.settings import Settings

DEFAULT_DB = "sqlite:///var/server.db"
DEFAULT_PORT = 8470
# An idle connection is kept longer than any client keeps one (sync.transport.KEEP_ALIVE: 30 s; httpx's default 5 s,
# uvicorn's own default too): with equal timeouts a client sends its next call on a connection the server is closing
# at that instant, and the call fails with a reset (seen in CI in a storm of 200 logins). The server's clock starts
# as its answer leaves, the PC's only once the answer has come down a slow link (a first download's page: some ten
# seconds of a 2G link, more with losses), so the margin is that long again.
KEEP_ALIVE_S = 75
# On a stop (SIGTERM) calls under way get this long to finish; then they are cut and the PCs send them again.
STOP_WAIT_S = 5


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB,
                        help="postgresql+psycopg://user@host/db, or sqlite:///FILE (default %(default)s)")


def _audit_key_arg(parser: argparse.ArgumentParser, help: str) -> None:
    from server.audit_checkpoint import default_key_path

    parser.add_argument("--audit-key", type=Path, default=default_key_path(), metavar="FILE", help=help)


def _bundle_key_arg(parser: argparse.ArgumentParser, help: str) -> None:
    from server.bundles import default_key_path

    parser.add_argument("--bundle-key", type=Path, default=default_key_path(), metavar="FILE", help=help)


def _trusted(args: argparse.Namespace) -> set[str]:
    """The public keys whose checkpoints verify-audit believes: the key file's, if there is one, and those given."""
    from core.audit_checkpoint import public_text
    from server.audit_checkpoint import load_key

    trusted = set(args.public_key)
    if args.audit_key.exists():
        trusted.add(public_text(load_key(args.audit_key)))
    return trusted


def _devices(engine: Engine, args: argparse.Namespace) -> int:
    """The school's PCs, or one revoked or restored, as the console's devices page does (audited the same way)."""
    from server import accounts, periods
    from server.db import writer

    with writer(engine).begin() as conn:
        who = accounts.operator_for(conn, args.school)
        if who is None:
            print(f"dala-server devices: school {args.school}: no such school, or it has no admin account",
                  file=sys.stderr)
            return 2
        action = "revoke" if args.revoke else "restore" if args.restore else None
        if action is not None:
            device_id = args.revoke or args.restore
            if not periods.DEVICE_ACTIONS[action](conn, who, dt.datetime.now(dt.UTC), device_id, None):
                print(f"dala-server devices: school {args.school} has no {'revoked ' if action == 'restore' else ''}"
                      f"device {device_id}", file=sys.stderr)
                return 1
            print(f"dala-server devices: {device_id} {'revoked' if action == 'revoke' else 'restored'}.")
            return 0
        for row in accounts.devices_of_school(conn, args.school):
            state = "REVOKED" if row["revoked_at"] else ""
            print(f"{row['id']}  {row['username']:<24} {row['name'] or '':<20} {row['last_seen_at'] or '-'}  {state}"
                  .rstrip())
    return 0


def _checkpoint(engine: Engine, args: argparse.Namespace) -> int:
    from server.audit_checkpoint import load_key, of_school

    try:
        key = load_key(args.audit_key)
    except (OSError, ValueError) as error:
        print(f"dala-server audit-checkpoint: no signing key: {error}", file=sys.stderr)
        return 2
    with engine.connect() as conn:
        made = of_school(conn, key, args.school, dt.datetime.now(dt.UTC))
    if made is None:
        print(f"dala-server audit-checkpoint: school {args.school} has no audit entries yet", file=sys.stderr)
        return 1
    text = made.model_dump_json(indent=1) + "\n"
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"dala-server audit-checkpoint: {len(made.heads)} chain heads of school {args.school} signed into "
              f"{args.out}; keep it where the server's operator cannot change it.")
    return 0


def _ensure_folder(url: str) -> None:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dala-server", description="The Dala Journal server.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the server")
    _db_arg(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    defaults = Settings("")
    serve.add_argument("--max-syncs", type=int, default=defaults.max_syncs,
                       help="sync calls served at once per worker; more get 503 with Retry-After (default %(default)s)")
    serve.add_argument("--max-syncs-shared", type=int, default=defaults.max_syncs_shared, metavar="N",
                       help="sync calls served at once by all workers of all app servers sharing the --rate-store "
                            "(redis://): more get 503 with Retry-After; 0: no shared cap (default %(default)s)")
    serve.add_argument("--max-logins", type=int, default=defaults.max_logins,
                       help="password checks at once per worker, 64 MiB each (default %(default)s)")
    serve.add_argument("--pool-size", type=int, default=defaults.pool_size,
                       help="database connections a worker keeps (default %(default)s)")
    serve.add_argument("--pool-overflow", type=int, default=defaults.pool_overflow,
                       help="and may open beyond them (default %(default)s); workers × servers × both ≤ the "
                            "database's (or PgBouncer's) connection limit")
    serve.add_argument("--pgbouncer", action="store_true",
                       help="the database is reached through PgBouncer in transaction pooling mode")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default %(default)s)")
    serve.add_argument("--rate-limits", default="", metavar="NAME=N/PERIOD,…",
                       help="replace some rate limits, e.g. sync_per_device=60/minute (names: login_per_address, "
                            "sync_per_address, sync_per_device, login_failures; see server/rate_limits.py)")
    serve.add_argument("--rate-store", default=defaults.rate_store, metavar="URI",
                       help="where rate limits are counted: memory:// (each worker its own) or redis://HOST:PORT, "
                            "which every worker and app server shares (default %(default)s)")
    serve.add_argument("--trust-proxy", default="", metavar="ADDRESSES",
                       help="behind a reverse proxy or load balancer at these addresses (comma-separated, or *): "
                            "take the PC's address from its X-Forwarded-For, so rate limits count PCs, not the proxy")
    serve.add_argument("--quiet", action="store_true", help="no access log")
    serve.add_argument("--head-timeout", type=float, default=20.0, metavar="SECONDS",
                       help="close a connection whose request head (line and headers) is not whole this long after "
                            "its first byte (default %(default)s; a head over 64 KiB is refused as well)")
    _audit_key_arg(serve, "the audit signing key's file, made there on first start (default %(default)s); give every "
                          "app server of one database the same file, and keep a copy away from the database's backups")
    _bundle_key_arg(serve, "the bundle keys' file, made there on first start (default %(default)s): sealed sync "
                           "bundles carried by USB stick or a relay are opened with it; give every app server the same "
                           "file")
    serve.add_argument("--tls-cert", help="serve https:// with this certificate (PEM; behind no proxy)")
    serve.add_argument("--tls-key", help="the certificate's private key (PEM)")
    demo = commands.add_parser("demo", help="create the demo school with demo accounts")
    _db_arg(demo)
    demo.add_argument("--today", type=dt.date.fromisoformat, help="pretend today is this date")
    importer = commands.add_parser("import-school", help="load a school from a CSV bundle (docs/school-import.md)")
    _db_arg(importer)
    importer.add_argument("bundle", type=Path, help="a folder or .zip of the bundle's CSV files, or a folder a Dala "
                                                    "server's export-school wrote")
    importer.add_argument("--school", type=int, help="a school already imported: the bundle is applied to it as dated "
                                                     "changes (needs --since and --order)")
    importer.add_argument("--since", type=dt.date.fromisoformat, help="the day the later bundle's changes take effect")
    importer.add_argument("--order", help="the school's order (its number and date) behind the changes")
    pages = commands.add_parser("import-journal", help="bring a school's earlier marks, attendance and summative "
                                                       "scores from another system's journal pages "
                                                       "(docs/journal-import.md)")
    _db_arg(pages)
    pages.add_argument("--school", type=int, required=True)
    pages.add_argument("--source", required=True, help="the system the pages come from (kept in the audit log)")
    pages.add_argument("--check", action="store_true", help="check and place every page, import nothing")
    pages.add_argument("--into-class", help="place every page in this class (a pupil's transfer extract from another "
                                            "school names the class he was in there)")
    pages.add_argument("files", type=Path, nargs="+", help="CSV (UTF-8) or XLSX files, one journal page each")
    leaving = commands.add_parser("export-pupil", help="a pupil's transfer extract: his year as journal pages another "
                                                        "school's Dala imports (import-journal --into-class)")
    _db_arg(leaving)
    leaving.add_argument("--school", type=int, required=True)
    leaving.add_argument("--pupil", type=int, required=True)
    leaving.add_argument("out", type=Path, help="the .zip to write")
    leaving.add_argument("--language", choices=("kk", "ru", "en"), default="kk",
                         help="the language of the printable extract.pdf (default: Kazakh)")
    whole = commands.add_parser("export-school", help="write a school's whole journal and audit trail as CSV files "
                                                      "with a manifest (docs/school-export.md)")
    _db_arg(whole)
    whole.add_argument("--school", type=int, required=True)
    whole.add_argument("out", type=Path, help="the folder to write (made; it must not hold an export)")
    whole.add_argument("--sqlite", type=Path, help="write the same as one SQLite file too")
    alone = whole.add_mutually_exclusive_group()
    alone.add_argument("--class", dest="class_id", type=int, help="one class of the school alone")
    alone.add_argument("--pupil", dest="pupil_id", type=int,
                       help="one pupil alone: his rows, with his classes' lessons and works, and his audit trail")
    whole.add_argument("--with-passwords", action="store_true",
                       help="keep the accounts' password hashes (moving the school to another Dala server)")
    export = commands.add_parser("export-audit", help="write the audit log as CSV or JSON Lines")
    _db_arg(export)
    export.add_argument("--school", type=int, required=True)
    export.add_argument("--from", dest="start", type=dt.date.fromisoformat, required=True)
    export.add_argument("--to", dest="end", type=dt.date.fromisoformat, required=True,
                        help="last day included")
    export.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    trim = commands.add_parser("trim-feed", help="drop old changes from the pull feed (the audit log keeps them)")
    _db_arg(trim)
    trim.add_argument("--before", type=dt.date.fromisoformat, required=True,
                      help="drop the changes made before this day; a PC whose last pull is older downloads again")
    trim.add_argument("--school", type=int, help="only this school's (default: every school's)")
    verify = commands.add_parser("verify-audit", help="check the audit log's hash chain; name the first broken entry")
    _db_arg(verify)
    verify.add_argument("--checkpoint", type=Path, action="append", default=[], metavar="FILE",
                        help="also check the heads a signed checkpoint names (a school's, from audit-checkpoint, or "
                             "a PC's receipt) are still in the log; repeatable")
    _audit_key_arg(verify, "the audit signing key whose checkpoints are trusted (default %(default)s)")
    verify.add_argument("--public-key", action="append", default=[], metavar="BASE64",
                        help="trust checkpoints signed by this public key too (a key the server had before)")
    devices = commands.add_parser("devices", help="list a school's PCs; revoke a lost or stolen one, or restore it")
    _db_arg(devices)
    devices.add_argument("--school", type=int, required=True)
    acting = devices.add_mutually_exclusive_group()
    acting.add_argument("--revoke", metavar="DEVICE_ID", help="its next sync and any login on it are refused")
    acting.add_argument("--restore", metavar="DEVICE_ID", help="a PC found again: its teacher logs in on it again")
    checkpoint = commands.add_parser("audit-checkpoint",
                                     help="sign a checkpoint of a school's audit chains, for the school to keep")
    _db_arg(checkpoint)
    checkpoint.add_argument("--school", type=int, required=True)
    _audit_key_arg(checkpoint, "the audit signing key (default %(default)s)")
    checkpoint.add_argument("--out", type=Path, help="file to write (default: standard output)")
    bundle_key = commands.add_parser("bundle-key", help="print the server's public bundle key, for the schools' "
                                                        "installer presets (made first if there is none)")
    _bundle_key_arg(bundle_key, "the bundle keys' file (default %(default)s)")
    args = parser.parse_args(argv)
    if args.command == "bundle-key":
        from server.bundles import load_keys

        try:
            print(load_keys(args.bundle_key, create=True).public())
        except (OSError, ValueError) as error:
            print(f"dala-server bundle-key: {error}", file=sys.stderr)
            return 2
        return 0

    from server.db import open_server_db

    _ensure_folder(args.db)
    engine = open_server_db(args.db, Settings(args.db, pgbouncer=getattr(args, "pgbouncer", False)))
    if args.command == "serve":
        import os

        import uvicorn

        from server import audit_checkpoint, bundles, http_guard

        engine.dispose()  # each worker opens its own (server.asgi)
        try:
            settings = Settings(args.db, max_syncs=args.max_syncs, max_syncs_shared=args.max_syncs_shared,
                                max_logins=args.max_logins, pool_size=args.pool_size,
                                pool_overflow=args.pool_overflow, pgbouncer=args.pgbouncer,
                                rate_limits=args.rate_limits, rate_store=args.rate_store,
                                log_level="WARNING" if args.quiet else "INFO", audit_key=str(args.audit_key),
                                bundle_key=str(args.bundle_key))
            audit_checkpoint.load_key(args.audit_key, create=True)  # made or found bad before a worker starts
            bundles.load_keys(args.bundle_key, create=True)
        except (OSError, ValueError) as error:
            parser.error(str(error))
        os.environ.update(settings.to_environ())
        uvicorn.run("server.asgi:app", host=args.host, port=args.port, workers=args.workers,
                    log_level="warning" if args.quiet else "info", access_log=not args.quiet,
                    ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key,
                    proxy_headers=bool(args.trust_proxy), forwarded_allow_ips=args.trust_proxy or None,
                    timeout_keep_alive=KEEP_ALIVE_S, timeout_graceful_shutdown=STOP_WAIT_S,
                    **http_guard.uvicorn_options(args.head_timeout))
        return 0
    if args.command == "trim-feed":
        from server import feed
        from server.db import writer
        from server.schema import tables

        before = dt.datetime.combine(args.before, dt.time(), dt.UTC)
        with writer(engine).begin() as conn:
            schools = [args.school] if args.school is not None else list(
                conn.execute(tables["school"].select().with_only_columns(tables["school"].c.id)).scalars())
            removed = sum(feed.trim(conn, school, before) for school in schools)
        print(f"dala-server trim-feed: {removed} changes before {args.before} dropped from the feed "
              f"of {len(schools)} school(s); the audit log keeps them.")
        return 0
    if args.command == "audit-checkpoint":
        return _checkpoint(engine, args)
    if args.command == "devices":
        return _devices(engine, args)
    if args.command == "verify-audit":
        from server import audit_checkpoint, audit_log

        with engine.connect() as conn:
            broken = audit_log.verify(conn)
            total = conn.exec_driver_sql("SELECT count(*) FROM audit_log WHERE hash IS NOT NULL").scalar_one()
            try:
                refused = audit_checkpoint.check_files(conn, args.checkpoint, _trusted(args)) if broken is None else []
            except (OSError, ValueError) as error:
                print(f"dala-server verify-audit: {error}", file=sys.stderr)
                return 2
        if broken is None and not refused:
            held = f"; the {len(args.checkpoint)} checkpoint(s) hold" if args.checkpoint else ""
            print(f"dala-server verify-audit: {total} entries, the chain is whole{held}.")
            return 0
        if broken is None:
            for problem in refused:
                print(f"dala-server verify-audit: BROKEN: {problem}", file=sys.stderr)
            return 1
        where, good = broken
        if where == "end":
            print(f"dala-server verify-audit: BROKEN: the {good} entries agree, but entries after the last one "
                  "were removed (the chain's head names a later entry).", file=sys.stderr)
        else:
            print(f"dala-server verify-audit: BROKEN at entry {where}: it was changed, or an entry before it was "
                  f"changed or removed ({good} entries before it check out).", file=sys.stderr)
        return 1
    if args.command == "demo":
        from server import demo as demo_school

        try:
            result = demo_school.load(engine, args.today)
        except RuntimeError as exc:
            print(f"dala-server demo: {exc}", file=sys.stderr)
            return 2
        s = result["summary"]
        print(f"Demo school: {s.pupils} pupils, {s.classes} classes, {s.teachers} teachers, {s.lessons} lessons.")
        print(f"Password for every demo account: {result['password']}")
        print(f"School admin: {result['admin']}")
        print("Teachers:", ", ".join(result["logins"]))
        return 0
    if args.command == "import-school":
        from server import school_import

        if args.school is not None:
            return _reimport(engine, args)
        if (args.bundle / "manifest.json").is_file():
            return _import_export(engine, args.bundle)
        try:
            result = school_import.load(engine, args.bundle)
        except school_import.ImportRefused as refused:
            return _refused(f"import-school: {args.bundle} refused, nothing was imported:", refused.problems)
        print(f"School {result['school_id']}: {result['classes']} classes, {result['pupils']} pupils, "
              f"{result['teachers']} teachers, {result['courses']} courses, {result['lessons']} lessons of the year "
              "planned from the timetable and the calendar.")
        print("Initial passwords (give each teacher theirs):")
        _print_passwords(result["passwords"])
        print(f"The school's admin, for the console (/console): {result['admin']}\t{result['admin_password']}")
        return 0
    if args.command == "export-school":
        return _export_school(engine, args)
    if args.command == "import-journal":
        return _import_journal(engine, args)
    if args.command == "export-pupil":
        from server import transfer_extract
        from server.extract_pdf import NoFont

        try:
            with engine.connect() as conn:
                files = transfer_extract.pages(conn, args.school, args.pupil, args.language, dt.date.today())
        except NoFont as missing:
            print(f"dala-server export-pupil: {missing}", file=sys.stderr)
            return 2
        if files is None:
            print(f"dala-server export-pupil: school {args.school} has no pupil {args.pupil}", file=sys.stderr)
            return 2
        args.out.write_bytes(transfer_extract.zipped(files))
        args.out.chmod(0o600)
        print(f"{transfer_extract.page_count(files)} journal pages, pupil.json and extract.pdf written to {args.out}.")
        return 0
    from server import audit_log

    start = dt.datetime.combine(args.start, dt.time(), dt.UTC)
    end = dt.datetime.combine(args.end + dt.timedelta(days=1), dt.time(), dt.UTC)
    with engine.connect() as conn:
        if args.out:
            with args.out.open("w", encoding="utf-8", newline="") as out:
                count = audit_log.export(conn, args.school, start, end, args.format, out)
            print(f"{count} audit entries written to {args.out}", file=sys.stderr)
        else:
            audit_log.export(conn, args.school, start, end, args.format, sys.stdout)
    return 0


def _reimport(engine: Engine, args: argparse.Namespace) -> int:
    """A later bundle of school `--school`, applied as changes dated `--since`."""
    from server import school_import, school_reimport

    if args.since is None or not args.order:
        print("dala-server import-school: --school needs --since DAY and --order ORDER", file=sys.stderr)
        return 2
    try:
        result = school_reimport.reimport(engine, args.bundle, args.school, args.since, args.order)
    except school_import.ImportRefused as refused:
        return _refused(f"import-school: {args.bundle} refused, nothing was changed:", refused.problems)
    print(f"School {args.school} from {args.since}: {result['arrived']} pupils arrived, {result['left']} left, "
          f"{result['moved']} moved to another class, {result['regrouped']} to another group, {result['joined']} "
          f"joined a group; {result['teachers']} new teachers, {result['classes']} new classes, "
          f"{result['subgroups']} new groups, {result['courses']} new courses, {result['courses_given']} courses "
          f"given to another teacher, {result['weeks']} new weeks, {result['days_off']} calendar changes.")
    _print_passwords(result["passwords"])
    return 0


def _export_school(engine: Engine, args: argparse.Namespace) -> int:
    from server import school_export

    began = time.monotonic()
    try:
        manifest = school_export.export_school(engine, args.school, args.out, passwords=args.with_passwords,
                                               class_id=args.class_id, pupil_id=args.pupil_id)
        if args.sqlite:
            school_export.to_sqlite(args.out, args.sqlite)
    except school_export.ExportRefused as refused:
        print(f"dala-server export-school: {'; '.join(refused.problems)}", file=sys.stderr)
        return 2
    rows = sum(entry["rows"] for entry in manifest["tables"])
    print(f"School {args.school} ({manifest['school']['name']}): {rows} rows in {len(manifest['tables'])} files "
          f"written to {args.out} in {time.monotonic() - began:.1f} s.")
    return 0


def _import_export(engine: Engine, folder: Path) -> int:
    from server import school_export

    began = time.monotonic()
    try:
        result = school_export.import_school(engine, folder)
    except school_export.ExportRefused as refused:
        return _refused(f"import-school: {folder} refused, nothing was imported:", refused.problems)
    print(f"School {result['school_id']}: {sum(result['rows'].values())} rows imported from {folder} in "
          f"{time.monotonic() - began:.1f} s. Its PCs log in to this server and download their journals again.")
    if result["passwords"]:
        print("The export held no passwords: one-time passwords (give each teacher theirs):")
        _print_passwords(result["passwords"])
    return 0


def _refused(heading: str, problems: Sequence[object], most: int = 50) -> int:
    """An import refused: its heading and problems (the first `most`) on standard error; the exit status."""
    print(f"dala-server {heading}", file=sys.stderr)
    for problem in problems[:most]:
        print(f"  {problem}", file=sys.stderr)
    if len(problems) > most:
        print(f"  … and {len(problems) - most} more", file=sys.stderr)
    return 2


def _print_passwords(passwords: dict[str, str]) -> None:
    for username, password in passwords.items():
        print(f"  {username}\t{password}")


def _import_journal(engine: Engine, args: argparse.Namespace) -> int:
    from server import journal_import

    began = time.monotonic()
    try:
        files = [(path.name, path.read_bytes()) for path in args.files]
        counts = journal_import.load(engine, args.school, files, args.source, check_only=args.check,
                                     into_class=args.into_class)
    except OSError as error:
        print(f"dala-server import-journal: {error}", file=sys.stderr)
        return 2
    except journal_import.ImportRefused as refused:
        return _refused("import-journal: refused, nothing was imported:", refused.problems, most=100)
    what = ", ".join(f"{n} {name}" for name, n in counts.items())
    if args.check:
        print(f"Every page checks and has its place: {what} would be imported. Nothing was imported.")
    else:
        print(f"Imported from {args.source} into school {args.school} in {time.monotonic() - began:.1f} s: {what}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

