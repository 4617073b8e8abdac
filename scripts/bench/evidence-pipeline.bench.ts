// What a 12-megapixel phone photo costs: on the device (the app's compression to 1600 px, simulated
// with sharp) and on the server (processEvidenceImage: sniff, header check, EXIF time, display copy,
// thumbnail). Median of 5 runs each. Run with `npm run bench evidence`.
import { spawnSync } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { DISPLAY_LONG_EDGE } from '../../src/contract/complaint-rules'
import { processEvidenceImage } from '../../server/src/modules/evidence/image-processing'

const RUNS = 5
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

async function median<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = []
  let result!: T
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    result = await run()
    times.push(performance.now() - started)
  }
  return { ms: Math.round(times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!), result }
}

/**
 * A 4000×3000 stand-in for a phone photo: random noise at three scales (object-sized blobs, texture,
 * grain) so that it compresses about as a real photo does at every size: 3–4 MB at q92, a thumbnail of ~30 KB.
 */
async function photoLikeJpeg(width = 4000, height = 3000): Promise<Buffer> {
  const noise = async (scale: number) => {
    const [w, h] = [Math.ceil(width / scale), Math.ceil(height / scale)]
    const small = randomFillSync(Buffer.alloc(w * h * 3))
    return sharp(small, { raw: { width: w, height: h, channels: 3 } }).resize(width, height, { kernel: 'cubic', fit: 'fill' }).raw().toBuffer()
  }
  const [blobs, texture, grain] = await Promise.all([noise(100), noise(8), noise(1)])
  const pixels = Buffer.alloc(width * height * 3)
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = Math.max(0, Math.min(255, 128 + (blobs[i]! - 128) + (texture[i]! - 128) * 0.3 + (grain[i]! - 128) * 0.15))
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .blur(0.7)
    .jpeg({ quality: 92 })
    .withExif({ IFD0: { Make: 'Bench', Model: 'Phone' }, IFD2: { DateTimeOriginal: '2025:03:15 09:26:53' } })
    .toBuffer()
}

/** What the app does before uploading unless the user picks 原图: canvas / Taro.compressImage to 1600 px, quality 0.75. */
const deviceCompression = (photo: Buffer) =>
  sharp(photo).autoOrient().resize({ width: DISPLAY_LONG_EDGE, height: DISPLAY_LONG_EDGE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer()

/** A 12 MP HEIC as an iPhone sends it, when Debian's heif-enc (libheif-examples) is installed; null otherwise. */
function heicOf(photo: Buffer): Buffer | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'weiquan-bench-'))
  try {
    writeFileSync(path.join(dir, 'photo.jpg'), photo)
    const encoded = spawnSync('heif-enc', ['-q', '60', path.join(dir, 'photo.jpg'), '-o', path.join(dir, 'photo.heic')], { stdio: 'ignore' })
    return encoded.status === 0 ? readFileSync(path.join(dir, 'photo.heic')) : null
  } catch {
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  const photo = await photoLikeJpeg()
  const device = await median(() => deviceCompression(photo))
  const server = await median(() => processEvidenceImage(photo))
  console.log(
    `evidence: 12 MP JPEG ${mb(photo.length)} → device compression ${DISPLAY_LONG_EDGE} px ${kb(device.result.length)} in ${device.ms} ms; ` +
      `server pipeline ${server.ms} ms (display ${kb(server.result.display.length)}, thumb ${kb(server.result.thumbnail.length)})`,
  )

  const compressed = await median(() => processEvidenceImage(device.result))
  console.log(
    `evidence: device-compressed upload ${kb(device.result.length)} → server pipeline ${compressed.ms} ms ` +
      `(display ${kb(compressed.result.display.length)}, thumb ${kb(compressed.result.thumbnail.length)})`,
  )

  const heic = heicOf(photo)
  if (heic) {
    const decoded = await median(() => processEvidenceImage(heic))
    console.log(
      `evidence: 12 MP HEIC ${mb(heic.length)} (原图) → server pipeline ${decoded.ms} ms in a worker thread ` +
        `(display ${kb(decoded.result.display.length)}, thumb ${kb(decoded.result.thumbnail.length)})`,
    )
  } else {
    console.log('evidence: HEIC skipped (heif-enc not installed: apt-get install libheif-examples)')
  }
}

void main()
