"""Writes a git fast-import stream for the history benchmark to standard output.

    make_history_repo.py COMMITS MEGABYTES | git fast-import

COMMITS commits on one branch, each rewriting a few of 40 text files with fresh content, so that
the history holds about MEGABYTES MB of distinct blobs while the final tree stays small. The text
is random words and numbers (it compresses like code does), with an occasional line that looks
like configuration. Deterministic.
"""

import random
import sys

FILES = 40


def main() -> None:
    commits, megabytes = int(sys.argv[1]), int(sys.argv[2])
    per_commit = megabytes * 1024 * 1024 // commits
    rng = random.Random(1)
    words = ["model", "train", "loss", "epoch", "feature", "value", "data", "batch", "score", "split",
             "config", "token_count", "learning_rate", "seed", "result", "metric", "frame", "column"]
    out = sys.stdout.buffer
    when = 1_600_000_000
    for index in range(commits):
        out.write(b"commit refs/heads/main\n")
        out.write(f"committer Bench <bench@localhost> {when + index * 3600} +0000\n".encode())
        message = f"Change {index}: update features and training".encode()
        out.write(b"data %d\n%s\n" % (len(message), message))
        touched = rng.sample(range(FILES), 3)
        for number in touched:
            lines = []
            size = 0
            while size < per_commit // len(touched):
                line = " ".join(rng.choice(words) + str(rng.randrange(100000)) for _ in range(12))
                lines.append(line)
                size += len(line) + 1
            blob = ("\n".join(lines) + "\n").encode()
            out.write(f"M 100644 inline src/bench/file_{number:02d}.py\n".encode())
            out.write(b"data %d\n" % len(blob))
            out.write(blob)
            out.write(b"\n")
    out.write(b"done\n")


if __name__ == "__main__":
    main()
