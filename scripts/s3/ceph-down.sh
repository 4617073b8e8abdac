#!/bin/bash
# Stops the daemons scripts/s3/ceph-up.sh DIR started (by the pids in DIR/run), waiting up to 10 s for each.
# Usage: scripts/s3/ceph-down.sh DIR
cd "${1:?usage: ceph-down.sh DIR}" 2>/dev/null || exit 0
for daemon in client.rgw.a osd.0 mon.a; do
  [ -f "run/$daemon.pid" ] || continue
  pid=$(cat "run/$daemon.pid")
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
done
exit 0
