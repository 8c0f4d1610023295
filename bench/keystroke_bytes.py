#!/usr/bin/env python3
"""Bytes the app writes to its terminal for one keystroke, as an SSH session over a slow link pays.

Runs COMMAND in a pseudo-terminal of the given size, waits for MARKER to be written and for the
output to go quiet, then sends KEY (default: cursor down) PRESSES times, each time counting every
byte written until the output is quiet again. Prints each press and the median.

  keystroke_bytes.py [--size 80x24] [--key down] [--presses 5] [--quiet 1.0] MARKER COMMAND...
"""
import argparse, fcntl, os, pty, select, signal, statistics, struct, sys, termios, time

KEYS = {"down": b"\x1b[B", "up": b"\x1b[A", "right": b"\x1b[C", "left": b"\x1b[D"}


def read_until_quiet(fd: int, quiet: float, limit: float) -> bytes:
    """Everything written until nothing came for `quiet` seconds (or `limit` passed)."""
    data = bytearray()
    start = last = time.monotonic()
    while True:
        now = time.monotonic()
        if now - last >= quiet or now - start >= limit:
            return bytes(data)
        ready, _, _ = select.select([fd], [], [], min(0.05, quiet))
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return bytes(data)
            if not chunk:
                return bytes(data)
            data += chunk
            last = time.monotonic()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--size", default="80x24")
    p.add_argument("--key", default="down", choices=sorted(KEYS))
    p.add_argument("--presses", type=int, default=5)
    p.add_argument("--quiet", type=float, default=1.0, help="seconds without output that count as settled")
    p.add_argument("--limit", type=float, default=60.0, help="seconds to wait for the marker")
    p.add_argument("--dump", help="write the bytes of the first press to this file")
    p.add_argument("marker")
    p.add_argument("command", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cols, rows = (int(v) for v in a.size.split("x"))
    marker = a.marker.encode()

    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = os.environ.get("KEYSTROKE_TERM", "xterm-256color")
        os.execvp(a.command[0], a.command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    try:
        seen = bytearray()
        start = time.monotonic()
        while marker not in seen:
            if time.monotonic() - start > a.limit:
                print(f"marker not seen in {a.limit} s; last output: {bytes(seen[-400:])!r}", file=sys.stderr)
                return 1
            seen += read_until_quiet(fd, 0.2, 1.0)
        read_until_quiet(fd, a.quiet, 30.0)  # let the first frame and any late loads settle
        sizes = []
        for i in range(a.presses):
            os.write(fd, KEYS[a.key])
            out = read_until_quiet(fd, a.quiet, 10.0)
            sizes.append(len(out))
            if i == 0 and a.dump:
                with open(a.dump, "wb") as f:
                    f.write(out)
        print(f"bytes per '{a.key}' at {a.size}: presses={sizes} median={statistics.median(sizes):g}")
        return 0
    finally:
        try:
            os.kill(pid, signal.SIGTERM)
            time.sleep(0.3)
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


if __name__ == "__main__":
    sys.exit(main())
