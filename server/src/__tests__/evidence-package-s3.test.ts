import { packageSuite } from './support/evidence-package-suite'
import { s3TestEnv } from './support/s3'

// Run by scripts/test.mjs against its throwaway Ceph (S3_ENDPOINT set); skipped without it.
packageSuite('S3 storage', s3TestEnv())
