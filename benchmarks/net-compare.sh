#!/usr/bin/env bash
# The network comparison: echo round trips (1, 100, 10,000 connections), HTTP requests/s with wrk,
# and memory per idle connection, for jasyncio's sample servers, Netty (one NIO event loop thread)
# and virtual threads with blocking sockets, each in its own JVM on loopback.
#   benchmarks/net-compare.sh              # 3 runs, 5 s per measurement (~6 minutes)
#   benchmarks/net-compare.sh --smoke      # tiny sizes, one run: proves the harness works
#   benchmarks/net-compare.sh --runs 1 --seconds 10
# Needs wrk for the HTTP row (apt-get install wrk); writes benchmarks/NET-RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_ARGS:-} -pl benchmarks -am package -DskipTests
exec java -cp benchmarks/target/benchmarks.jar io.jasyncio.benchmarks.net.NetCompare \
    --out benchmarks --command "benchmarks/net-compare.sh${*:+ $*}" "$@"
