import { randomUUID } from 'node:crypto'

/**
 * The S3 variables for a test app when the run provides an endpoint (scripts/test.mjs starts Ceph
 * and sets them), each test app with a bucket of its own; null otherwise.
 */
export function s3TestEnv(): Record<string, string> | null {
  const { S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION } = process.env
  if (!S3_ENDPOINT || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) return null
  return {
    S3_ENDPOINT,
    S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY,
    S3_REGION: S3_REGION || 'us-east-1',
    S3_BUCKET: `weiquan-test-${randomUUID().slice(0, 8)}`,
  }
}

/** Shown for S3 tests that cannot run: a skipped test (not a skipped suite, which node 20 counts as passed). */
export const NO_S3_ENDPOINT = 'S3_ENDPOINT is not set (the "S3 storage on Ceph" step of scripts/test.mjs sets it)'
