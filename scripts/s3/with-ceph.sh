#!/bin/bash
# Runs COMMAND with a throwaway Ceph S3 endpoint and the S3_* variables set, then stops Ceph and
# removes its state, whatever COMMAND's outcome. Exits with COMMAND's status.
# Usage: scripts/s3/with-ceph.sh COMMAND [ARGS...]
#   e.g. scripts/s3/with-ceph.sh node --import tsx --test server/src/__tests__/storage-contract.test.ts
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/weiquan-ceph-XXXXXX")
trap '"$here/ceph-down.sh" "$dir"; rm -rf "$dir"' EXIT
started=$(date +%s%N)
"$here/ceph-up.sh" "$dir" || exit 1
echo "Ceph S3 ready in $(( ($(date +%s%N) - started) / 1000000 )) ms"
export S3_ENDPOINT=http://127.0.0.1:7480 S3_ACCESS_KEY_ID=TESTACCESSKEY S3_SECRET_ACCESS_KEY=TESTSECRETKEY S3_REGION=us-east-1 S3_BUCKET=weiquan
"$@"
