#!/usr/bin/env bash
# What the jasyncio agent costs at start-up, in whole JVMs (see benchmarks/README.md, "Agent start-up"):
#   benchmarks/startup.sh                                   # this tree's agent, 15 runs per variant
#   benchmarks/startup.sh --runs 5 --agent before=/path/to/other-agent.jar
#   benchmarks/startup.sh --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
# Builds the agent and benchmarks/target/benchmarks.jar, then runs io.jasyncio.benchmarks.startup.AgentStartup
# with the agent jar of this tree (labelled "this") plus any other --agent given, and prints the report.
# MVN_ARGS="-o" skips the network once dependencies are downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_ARGS:-} -pl runtime,agent,benchmarks -am package -DskipTests
exec java -cp benchmarks/target/benchmarks.jar io.jasyncio.benchmarks.startup.AgentStartup \
    --runtime runtime/target/classes --agent this=agent/target/jasyncio-agent-0.1.0-SNAPSHOT.jar "$@"
