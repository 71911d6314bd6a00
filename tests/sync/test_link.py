"""Batch sizes follow the measured link: a request stays a few seconds long on a 2G link and grows to the
protocol's limits on a fast one."""

from __future__ import annotations

from sync.backoff import Backoff
from sync.link import MAX_OPS, MAX_PULL, TARGET_SECONDS, LinkEstimate


def test_on_a_2g_link_a_batch_stays_a_few_seconds_long() -> None:
    estimate = LinkEstimate()
    # 200 operations, 1,400 bytes up and 600 down, took 0.6 s of round trip plus 2,000 bytes at ~5 kB/s
    estimate.observe(sent=1400, received=600, seconds=0.6 + 2000 / 5000, ops=200, changes=0)
    estimate.observe(sent=14000, received=6000, seconds=0.6 + 20000 / 5000, ops=2000, changes=500)
    seconds_of_upload = estimate.batch_ops() * estimate.bytes_per_op / 5000
    assert seconds_of_upload <= TARGET_SECONDS
    slow_ops = estimate.batch_ops()

    # 300 bytes a second (a GPRS link at its worst): the batch shrinks with it
    crawl = LinkEstimate()
    crawl.observe(sent=14000, received=6000, seconds=2.0 + 20000 / 300, ops=2000, changes=500)
    assert crawl.batch_ops() * crawl.bytes_per_op / 300 <= TARGET_SECONDS
    assert crawl.batch_ops() < slow_ops


def test_on_a_fast_link_batches_reach_the_protocol_limits() -> None:
    estimate = LinkEstimate()
    estimate.observe(sent=14000, received=60000, seconds=0.02 + 74000 / 5_000_000, ops=2000, changes=5000)
    assert estimate.batch_ops() == MAX_OPS and estimate.pull_limit() == MAX_PULL


def test_retries_back_off_exponentially_with_jitter_up_to_the_cap() -> None:
    delays = [Backoff(first=2, cap=60).next_delay() for _ in range(50)]
    assert len(set(delays)) > 40 and all(1 <= d <= 2 for d in delays)  # jittered, not in step
    backoff = Backoff(first=2, cap=60)
    series = [backoff.next_delay() for _ in range(12)]
    assert series[5] > series[0] * 4 and max(series) <= 60 and series[-1] >= 30
    hinted = [backoff.next_delay(hint=120) for _ in range(20)]  # the server's Retry-After, not the doubling guess
    assert all(120 <= d <= 180 for d in hinted) and len(set(hinted)) == 20
    backoff.reset()
    assert backoff.next_delay() <= 2


def test_pcs_turned_away_together_come_back_spread_out() -> None:
    """200 PCs told "Retry-After: 5" at the same moment: no 50 ms holds more than a few of their returns
    (before, every jittered delay was lifted to exactly 5 s, and 70 % came back in the same 50 ms)."""
    returns = [Backoff(first=2, cap=300).next_delay(hint=5) for _ in range(200)]
    assert all(5 <= r <= 7.5 for r in returns)
    busiest = max(sum(1 for r in returns if start <= r < start + 0.05) for start in (5 + i * 0.05 for i in range(50)))
    assert busiest <= 15


def test_small_fast_exchanges_grow_the_batches_on_a_slow_link() -> None:
    """A push of marks whose 200-mark batches pack to ~1,400 bytes, each taking a round trip and a little more on a
    32/64 kbit/s link with 600 ms RTT: the batches grow toward what 8 seconds carry, instead of staying at 200 (issue
    20: 10,000 marks went in 50 calls)."""
    from sync.link import LinkEstimate

    estimate = LinkEstimate()
    sizes = []
    for _ in range(6):
        ops = estimate.batch_ops()
        sizes.append(ops)
        sent, received = int(ops * 5.5) + 330, ops + 200  # packed marks (1,430 B for 200), results, heads
        seconds = 0.6 + sent / 4000 + received / 8000  # the round trip, then each direction at its rate
        estimate.observe(sent, received, seconds, ops=ops)
    assert sizes[0] == 200 and sizes[-1] >= 1000, sizes


def test_a_request_sent_as_the_server_closes_its_idle_connection_is_sent_again() -> None:
    """A server that closes a kept-alive connection just as a request goes out on it (its idle timeout): the request
    is sent once more on a new connection instead of failing as "offline" (issue 20)."""
    import socket
    import threading

    from sync.transport import ServerLink

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    answer = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n"
              b'{"status":"ok"}')

    def serve() -> None:
        first, _ = listener.accept()  # the first call is answered; the next on this connection meets its close
        first.recv(65536)
        first.sendall(answer)
        first.recv(65536)
        first.close()
        second, _ = listener.accept()
        second.recv(65536)
        second.sendall(answer)
        second.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    link = ServerLink(f"http://127.0.0.1:{port}")
    try:
        assert link.health().answer == {"status": "ok"}
        assert link.health().answer == {"status": "ok"}  # (before: SyncError "offline")
    finally:
        link.close()
        listener.close()
    thread.join(5)
