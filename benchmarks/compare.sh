#!/usr/bin/env bash
# The side-by-side comparison of jasyncio with its peers, in one command, from a fresh clone:
#   benchmarks/compare.sh                 # full run (3 runs per peer and workload, ~7 min)
#   benchmarks/compare.sh --smoke         # tiny sizes, 1 run: proves the harness works
#   benchmarks/compare.sh --cold          # cold mode: default JVM flags, a warm-up pass of a tenth of the
#                                         # work, one measured pass (~6 min); RESULTS.md shows both modes
#   benchmarks/compare.sh --runs 5 --peers jasyncio,cf --workloads yield_switch,park_many --no-scaling
# Builds benchmarks/target/benchmarks.jar, then runs every peer in JVMs of their own (warm: JDK 25 from
# /usr/lib/jvm/temurin-25-jdk-amd64 when present, else this java; cold: this java, virtual threads on
# JDK 25 when this one is older than 21; --java PATH to choose), prints the table and writes
# benchmarks/RESULTS.md (both modes, from results.tsv and results-cold.tsv), results.svg or
# results-cold.svg, and scaling.svg.
# MVN_ARGS="-o" skips the network once dependencies are downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_ARGS:-} -pl benchmarks -am package -DskipTests
exec java -cp benchmarks/target/benchmarks.jar io.jasyncio.benchmarks.compare.Compare \
    --out benchmarks --command "benchmarks/compare.sh${*:+ $*}" "$@"
