import { packageSuite } from './support/evidence-package-suite'

packageSuite('disk storage', {})
