"""Peak resident set of the current process (imported by the window probes: keep it tiny)."""

from __future__ import annotations

import resource


def peak_rss_mb() -> float:
    """This process's peak resident set in MB.

    Linux: VmHWM of /proc/self/status — ru_maxrss would carry over the parent's peak through
    fork + exec, so every side would report at least the suite's own size."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
