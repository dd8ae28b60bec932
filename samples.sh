#!/usr/bin/env bash
# Builds the samples (rewritten at build time by the jasyncio Maven plugin) and runs them.
#   ./samples.sh            the 23 examples of docs/SEED-EXAMPLES.md and 6 more of the asyncio
#                           documentation (TaskGroup, timeouts) on real time (about 50 s)
#   ./samples.sh --fast     the same lines on the event loop's virtual clock (under a second)
#   ./samples.sh e21        only E21 (several ids may be given)
# Needs only JDK 17+ and Maven. The tests are skipped here to get to the tour quickly;
# `mvn -B verify` runs them all.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building the samples: mvn -B -q -pl samples -am package -DskipTests" >&2
# Quiet on success; the whole log on failure.
if ! log=$(mvn -B -q -pl samples -am package -DskipTests 2>&1); then
  printf '%s\n' "$log" >&2
  exit 1
fi
exec java -cp samples/target/classes:runtime/target/classes io.jasyncio.samples.Samples "$@"
