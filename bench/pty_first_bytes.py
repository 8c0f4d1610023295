#!/usr/bin/env python3
"""When a program's first frame reaches a terminal, without tmux in between: runs COMMAND in a pty of
80x24, prints each chunk it writes (ms since launch, size, the first bytes) and when MARKER first appears.

  bench/pty_first_bytes.py MARKER COMMAND...
  e.g. JOUR_TRACE_STARTUP=/tmp/t.txt bench/pty_first_bytes.py "Öppna ärenden" .jour-build/bin/jour --data-dir DIR

Nothing answers the terminal queries a program sends, as on a terminal that does not know them.
With JOUR_TRACE_STARTUP set, jour's own milestones (same launch time) go to that file.
"""
import fcntl, os, pty, select, struct, sys, termios, time

def main() -> int:
    marker = sys.argv[1].encode()
    command = sys.argv[2:]
    t0 = time.perf_counter()
    launch_ns = time.time_ns()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["JOUR_TRACE_T0"] = str(launch_ns)
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen, found = b"", None
    while time.perf_counter() - t0 < 3:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        ms = (time.perf_counter() - t0) * 1000
        seen += chunk
        print(f"{ms:7.1f} ms {len(chunk):6d} B  {chunk[:60]!r}")
        if found is None and marker in seen:
            found = ms
            print(f"marker at {ms:.1f} ms")
    os.kill(pid, 9)
    return 0 if found is not None else 1

if __name__ == "__main__":
    sys.exit(main())
