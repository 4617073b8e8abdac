import { randomUUID } from 'node:crypto'
import { mkdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintVisibleTo } from '../complaints/complaint-access'
import { staffScope } from '../organizations/organization-scope'
import { recordAccess } from '../privacy/access-log.service'
import { caseDocumentsFor } from './case-documents'
import { writeEvidencePackage } from './evidence-package.archive'
import type { Manifest } from './package-format'

/** Packages built at once by one instance: each reads every photo of a case, so a few at a time. */
const MAX_BUILDS = 2
const BUSY_RETRY_SECONDS = 30
let building = 0

export const packageTempDir = (dataDir: string) => path.join(dataDir, 'package-tmp')

export interface BuiltPackage {
  file: string
  downloadName: string
  bytes: number
  manifest: Manifest
  /** Deletes the file; call when it has been sent (or not). */
  discard: () => Promise<void>
}

/**
 * Builds the evidence package of a case the staff member may see (complaintsVisibleTo; others get
 * 404) into a file of its own. Built whole before a byte is sent, so a photo that cannot be read is a
 * clear error answer, never a download cut short.
 */
export async function buildEvidencePackage(ctx: AppContext, user: AuthUser, complaintId: string): Promise<BuiltPackage> {
  const complaint = await findComplaintVisibleTo(ctx, user, complaintId)
  if (!complaint) throw notFound('没有找到这件投诉')
  if (building >= MAX_BUILDS) throw new AppError(503, 'EVIDENCE_PACKAGE_BUSY', undefined, { 'retry-after': String(BUSY_RETRY_SECONDS) })
  building += 1
  const dir = packageTempDir(ctx.config.dataDir)
  const file = path.join(dir, `${randomUUID()}.zip`)
  const discard = () => rm(file, { force: true })
  try {
    await mkdir(dir, { recursive: true })
    const [person, scope, documents] = await Promise.all([
      ctx.db.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow(),
      staffScope(ctx.db, user.id),
      caseDocumentsFor(ctx, complaint),
    ])
    const manifest = await writeEvidencePackage(
      ctx,
      { complaint, documents, exportedBy: { role: user.role, displayName: person.display_name, organization: scope.organization.name } },
      file,
    )
    await recordAccess(ctx, user, 'export', complaint.id)
    return { file, downloadName: `${complaint.number}-evidence.zip`, bytes: (await stat(file)).size, manifest, discard }
  } catch (error) {
    await discard()
    throw error
  } finally {
    building -= 1
  }
}
