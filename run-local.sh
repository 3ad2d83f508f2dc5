#!/usr/bin/env bash
# Runs the whole Charter system locally: every service, an embedded Kafka broker and an embedded
# PostgreSQL in one JVM, seeded with a demo roster. No Docker. Data stays in .charter/local.
set -euo pipefail
cd "$(dirname "$0")"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
./mvnw -q -B -DskipTests package -pl deploy -am
exec java ${CHARTER_JAVA_OPTS:--Xmx1536m} -jar deploy/target/charter-local-exec.jar "$@"
