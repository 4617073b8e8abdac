import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import sharp, { type WriteableMetadata } from 'sharp'
import { bearer, type TestApp } from './test-app'

/** A small photo-like JPEG: a colour gradient with a little noise, optionally carrying EXIF. */
export async function makeJpeg(width = 320, height = 240, exif?: WriteableMetadata['exif'], orientation?: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      const noise = (x * 7919 + y * 104729) % 23
      pixels[i] = ((x * 255) / width + noise) & 0xff
      pixels[i + 1] = ((y * 255) / height + noise) & 0xff
      pixels[i + 2] = (128 + noise) & 0xff
    }
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 })
  if (exif) image = image.withExif(exif)
  if (orientation) image = image.withMetadata({ orientation })
  return image.toBuffer()
}

/**
 * A decompression bomb: a valid 1-bit greyscale PNG of width×height that is tiny on disk (one colour
 * compresses about 1000:1) but would take width×height×3 bytes once decoded.
 */
export function makePngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const framed = Buffer.alloc(body.length + 8)
    framed.writeUInt32BE(data.length, 0)
    body.copy(framed, 4)
    framed.writeUInt32BE(crc32(body), body.length + 4)
    return framed
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.writeUInt8(1, 8) // bit depth
  header.writeUInt8(0, 9) // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height) // filter byte 0 + all-black pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

interface UploadOptions {
  filename?: string
  contentType?: string
  original?: boolean
  /** The `provenance` field (JSON text), sent before the file like the app does. */
  provenance?: string
}

/** A multipart body written by hand, so tests control every byte of the part headers (file names included). */
export function multipart(parts: Array<{ name: string; value: string } | { name: string; filename: string; contentType: string; bytes: Buffer }>) {
  const boundary = `----weiquan${randomUUID()}`
  const pieces: Buffer[] = []
  for (const part of parts) {
    const head =
      'bytes' in part
        ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType}\r\n`
        : `Content-Disposition: form-data; name="${part.name}"\r\n`
    pieces.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), 'bytes' in part ? part.bytes : Buffer.from(part.value), Buffer.from('\r\n'))
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(pieces), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** POST /api/evidence the way the app does: `original` first, then the `file` part. */
export function uploadPhoto(t: TestApp, token: string, bytes: Buffer, options: UploadOptions = {}) {
  const body = multipart([
    ...(options.original ? [{ name: 'original', value: '1' }] : []),
    ...(options.provenance !== undefined ? [{ name: 'provenance', value: options.provenance }] : []),
    { name: 'file', filename: options.filename ?? 'photo.jpg', contentType: options.contentType ?? 'image/jpeg', bytes },
  ])
  return t.app.inject({ method: 'POST', url: '/api/evidence', payload: body.payload, headers: { ...bearer(token), ...body.headers } })
}

/** Every file under the disk storage folder, as sorted relative paths. */
export function storedFiles(t: TestApp): string[] {
  if (!existsSync(t.storageDir)) return []
  return readdirSync(t.storageDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(t.storageDir, path.join(entry.parentPath, entry.name)))
    .sort()
}

export async function evidenceRowCount(t: TestApp): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('evidence')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Fetches a signed URL: relative ones (disk backend) through the app, absolute ones (S3) over HTTP. */
export async function fetchSigned(t: TestApp, url: string): Promise<{ status: number; contentType: string; body: Buffer }> {
  if (url.startsWith('/')) {
    const response = await t.app.inject({ url })
    return { status: response.statusCode, contentType: String(response.headers['content-type']), body: response.rawPayload }
  }
  const response = await fetch(url)
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) }
}
