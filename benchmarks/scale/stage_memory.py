"""Peak RSS and CPU of the driver per stage, on a batch already in an archive.

    .venv/bin/python benchmarks/scale/stage_memory.py --manifest M --archive A

Screens the batch from the archive (no report is read or tokenized again) with the stages forced
to run (a stage option that does not change their output makes the replay key differ), serially,
while a thread samples this process's RSS every 50 ms. Prints one JSON object: the peak RSS (MB)
while reading and while each stage ran, and the CPU seconds of each stage. The archive is the one
``bench.py``'s cold phase writes (``run-N/archive.soi``); run this script from the same code
(the archive's keys include a fingerprint of the per-report code and models), otherwise every
report is read and tokenized again first (the "read" entry then measures that too).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def rss_mb() -> float:
    """This process's resident set size (MB)."""
    with open("/proc/self/status") as fh:
        return next(int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS:")) / 1024


class StageSampler:
    """Progress callback of the screen that keeps the peak RSS and the CPU time per stage."""

    def __init__(self, every: float = 0.05) -> None:
        self.stage, self.every = "start", every
        self.peaks: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._since = time.process_time()
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while True:
            self.peaks[self.stage] = max(self.peaks.get(self.stage, 0.0), rss_mb())
            time.sleep(self.every)

    def switch(self, stage: str) -> None:
        now = time.process_time()
        self.cpu[self.stage] = round(self.cpu.get(self.stage, 0.0) + now - self._since, 2)
        self._since, self.stage = now, stage

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.switch(stage)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--manifest", type=Path, required=True)
    ap.add_argument("--archive", type=Path, required=True)
    args = ap.parse_args()
    from pipeline.engine.local import SerialEngine
    from pipeline.screen import screen

    sampler = StageSampler()
    t = time.perf_counter()
    result = screen(
        manifest=args.manifest,
        cache_dir=None,
        engine=SerialEngine(),
        archive=args.archive,
        stage_params={"reuse": {}},  # same output, another replay key: the stages run
        progress=sampler,
    )
    sampler.switch("end")
    print(
        json.dumps(
            {
                "reports": int(len(result.documents)),
                "stages_replayed": result.run["parameters"]["archive"]["stages_replayed"],
                "peak_rss_mb": {k: round(v) for k, v in sampler.peaks.items()},
                "cpu_s": sampler.cpu,
                "seconds": result.run["seconds"],
                "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "wall_s": round(time.perf_counter() - t, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
