#!/bin/bash
# A real S3 endpoint for the storage tests: single-node Ceph (one monitor, one in-memory OSD) and
# radosgw on 127.0.0.1:7480, all state under DIR. Ready in about 15 s; stop it with ceph-down.sh DIR.
# Needs the Debian packages ceph-mon ceph-osd radosgw ceph-common uuid-runtime.
# Prints the S3_* variables to use (access key TESTACCESSKEY, secret TESTSECRETKEY).
# Usage: scripts/s3/ceph-up.sh DIR
set -euo pipefail
dir=$(mkdir -p "${1:?usage: ceph-up.sh DIR}" && cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
endpoint=http://127.0.0.1:7480

for port in 6789 7480; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "ceph-up: port $port is already in use; stop the other Ceph first (scripts/s3/ceph-down.sh ITS_DIR)" >&2
    exit 1
  fi
done

# Waits up to 60 s for a condition; on timeout shows the daemon logs so CI says why.
wait_for() {
  local what=$1; shift
  for _ in $(seq 200); do "$@" >/dev/null 2>&1 && return 0; sleep 0.3; done
  echo "ceph-up: gave up waiting for $what; last log lines:" >&2
  tail -n 20 "$dir"/log/*.log >&2 || true
  exit 1
}

cd "$dir"
rm -rf run log mon.a osd.0 rgw keyring monmap
mkdir -p run log mon.a osd.0 rgw
fsid=$(uuidgen)
sed -e "s#@FSID@#$fsid#" -e "s#@DIR@#$dir#g" "$here/ceph.conf.template" > ceph.conf
ceph-authtool --create-keyring keyring --gen-key -n mon. --cap mon 'allow *' >/dev/null
monmaptool --create --add a 127.0.0.1:6789 --fsid "$fsid" monmap >/dev/null
ceph-mon -c ceph.conf --mkfs -i a --monmap monmap --keyring keyring
ceph-mon -c ceph.conf -i a
wait_for "the monitor" ceph -c ceph.conf --connect-timeout 5 osd create
ceph -c ceph.conf osd crush add osd.0 1.0 root=default host=localhost >/dev/null 2>&1
ceph-osd -c ceph.conf -i 0 --mkfs 2>/dev/null
ceph-osd -c ceph.conf -i 0 2>/dev/null
wait_for "the OSD" bash -c "ceph -c ceph.conf osd stat | grep -q '1 up'"
radosgw -c ceph.conf -n client.rgw.a
wait_for "radosgw" curl -sf -o /dev/null "$endpoint/"
radosgw-admin -c ceph.conf user create --uid=test --display-name=test --access-key=TESTACCESSKEY --secret=TESTSECRETKEY >/dev/null 2>&1
echo "radosgw ready on $endpoint"
echo "S3_ENDPOINT=$endpoint S3_ACCESS_KEY_ID=TESTACCESSKEY S3_SECRET_ACCESS_KEY=TESTSECRETKEY S3_BUCKET=weiquan"
