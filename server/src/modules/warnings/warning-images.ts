import { createHash, randomUUID } from 'node:crypto'
import sharp from 'sharp'
import { EVIDENCE_MAX_BYTES } from '../../../../src/contract/complaint-rules'
import type { WarningImage } from '../../../../src/contract/warning'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { processEvidenceImage } from '../evidence/image-processing'
import { warningImageUrl } from './warning-image-url'

/**
 * Stores the public copy of an image for a warning: the same checks as evidence photos (type by
 * content, size and pixel limits) and only the display JPEG, which carries no metadata. The file
 * as uploaded is not kept.
 */
export async function uploadWarningImage(ctx: AppContext, uploader: AuthUser, bytes: Buffer): Promise<WarningImage> {
  if (bytes.length === 0) throw new AppError(400, 'EMPTY_FILE')
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new AppError(413, 'IMAGE_TOO_LARGE')
  const { display } = await processEvidenceImage(bytes)
  const { width = 0, height = 0 } = await sharp(display).metadata()
  const sha256 = createHash('sha256').update(display).digest('hex')
  const key = `warnings/images/${sha256}.jpg`
  if (!(await ctx.storage.exists(key))) await ctx.storage.put(key, display, 'image/jpeg')
  const id = randomUUID()
  await ctx.db
    .insertInto('warning_images')
    .values({ id, sha256, storage_key: key, width, height, created_by: uploader.id, created_at: ctx.now().toISOString() })
    .execute()
  return { id, url: warningImageUrl(id), width, height }
}

/** The bytes of a warning image; only rows of warning_images are reachable, never evidence files. */
export async function readWarningImage(ctx: AppContext, id: string): Promise<Buffer> {
  const row = await ctx.db.selectFrom('warning_images').select('storage_key').where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError(404, 'WARNING_IMAGE_NOT_FOUND')
  try {
    return await ctx.storage.get(row.storage_key)
  } catch {
    throw new AppError(404, 'WARNING_IMAGE_NOT_FOUND')
  }
}

export async function warningImageExists(ctx: AppContext, id: string): Promise<boolean> {
  return (await ctx.db.selectFrom('warning_images').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}
