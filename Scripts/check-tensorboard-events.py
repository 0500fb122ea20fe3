#!/usr/bin/env python3
"""Reads TensorBoard event files with TensorBoard's own loader (optional check, needs `pip install tensorboard`).

Usage: Scripts/check-tensorboard-events.py LOGDIR [TAG ...]

Loads LOGDIR with tensorboard.backend.event_processing.event_accumulator, prints every scalar and
histogram series it finds (tag, number of events, first and last step and value), and exits 1 when
TensorBoard cannot load the directory, when it holds no events, or when a TAG given on the command
line is missing. Exit 2 means tensorboard is not installed.
"""
import sys

try:
    from tensorboard.backend.event_processing import event_accumulator
except ImportError:
    print("tensorboard is not installed (pip install tensorboard)", file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    logdir, wanted = argv[1], argv[2:]
    accumulator = event_accumulator.EventAccumulator(
        logdir, size_guidance={event_accumulator.SCALARS: 0, event_accumulator.HISTOGRAMS: 0})
    accumulator.Reload()
    tags = accumulator.Tags()
    found = []
    for tag in tags.get(event_accumulator.SCALARS, []):
        events = accumulator.Scalars(tag)
        found.append(tag)
        print(f"scalar {tag}: {len(events)} events, step {events[0].step} = {events[0].value:g}"
              f" .. step {events[-1].step} = {events[-1].value:g}")
    for tag in tags.get(event_accumulator.HISTOGRAMS, []):
        events = accumulator.Histograms(tag)
        found.append(tag)
        last = events[-1].histogram_value
        print(f"histogram {tag}: {len(events)} events, last step {events[-1].step}: num {last.num:g},"
              f" min {last.min:g}, max {last.max:g}, {len(last.bucket)} buckets")
    if not found:
        print(f"{logdir}: TensorBoard found no scalar or histogram events", file=sys.stderr)
        return 1
    missing = [tag for tag in wanted if tag not in found]
    if missing:
        print(f"{logdir}: missing tags: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
