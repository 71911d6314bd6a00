"""What runs the parts together, for people, benchmarks and tests alike: `make run`'s demo (demo_run), the
school server in its own process (live_server), a link emulator with faults (fault_proxy), a throwaway
PostgreSQL (pg_cluster) and a throwaway Citus cluster (citus_cluster).
Neither the app nor the server imports it; it imports both."""
