#!/bin/sh
# JMH benchmarks of the in-process work (parse N rules, negotiate the plan).
# Usage: bench/run-jmh.sh [JMH OPTIONS]   e.g. bench/run-jmh.sh -f 1 -wi 3 -i 5
set -eu
cd "$(dirname "$0")/.."
mvn -q -Pbench -DskipTests install
exec java -jar benchmarks/target/benchmarks.jar "$@"
