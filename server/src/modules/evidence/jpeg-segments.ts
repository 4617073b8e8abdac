/**
 * Lossless metadata removal for JPEG: the file is rewritten segment by segment, the compressed
 * picture data is copied byte for byte. Kept: the tables and frames a decoder needs, a plain JFIF
 * header, the ICC colour profile (without it a wide-gamut phone photo shows washed out) and Adobe's
 * colour-transform flag. Dropped: EXIF and XMP (APP1, with GPS, device and times), Photoshop/IPTC
 * (APP13), MPF and every other APPn, comments, and anything after the end-of-image marker (some
 * phones append a second image or a video there).
 */

const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
/** Huffman-coded frames a browser decodes: baseline, extended sequential, progressive. */
const SUPPORTED_FRAMES = new Set([0xc0, 0xc1, 0xc2])
/** Any other SOFn (lossless, hierarchical, arithmetic-coded): not ours to pass through. */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])
const KEPT_TABLES = new Set([0xc4, 0xdb, 0xdd]) // DHT, DQT, DRI

function keepApp(marker: number, body: Buffer): boolean {
  if (marker === 0xe0) return body.length === 14 && body.toString('latin1', 0, 5) === 'JFIF\0' // no embedded thumbnail
  if (marker === 0xe2) return body.toString('latin1', 0, 12) === 'ICC_PROFILE\0'
  if (marker === 0xee) return body.toString('latin1', 0, 5) === 'Adobe'
  return false
}

/**
 * The same JPEG without metadata, or null when the bytes are not a well-formed baseline or
 * progressive JPEG (the caller re-encodes those instead).
 */
export function stripJpegMetadata(bytes: Buffer): Buffer | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null
  const out: Buffer[] = [bytes.subarray(0, 2)]
  let offset = 2
  let frame = false
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return null
    while (bytes[offset] === 0xff) offset++ // fill bytes
    const marker = bytes[offset++]
    if (marker === undefined) return null
    if (marker === EOI) {
      if (!frame) return null
      out.push(Buffer.from([0xff, EOI]))
      return Buffer.concat(out)
    }
    if (offset + 2 > bytes.length) return null
    const length = bytes.readUInt16BE(offset)
    const end = offset + length
    if (length < 2 || end > bytes.length) return null
    const segment = bytes.subarray(offset - 2, end)
    const body = bytes.subarray(offset + 2, end)
    if (OTHER_FRAMES.has(marker)) return null
    if (SUPPORTED_FRAMES.has(marker)) {
      if (frame) return null
      frame = true
      out.push(segment)
    } else if (KEPT_TABLES.has(marker)) {
      out.push(segment)
    } else if (marker === SOS) {
      if (!frame) return null
      const dataEnd = entropyCodedEnd(bytes, end)
      out.push(bytes.subarray(offset - 2, dataEnd))
      offset = dataEnd
      continue
    } else if (marker >= 0xe0 && marker <= 0xef) {
      if (keepApp(marker, body)) out.push(segment)
    } else if (marker !== 0xfe) {
      return null // COM (0xfe) is dropped; anything else is unexpected here
    }
    offset = end
  }
  return null // no end-of-image marker: truncated
}

/** Where the scan's compressed data ends: the next marker that is not a stuffed 0xFF00 or a restart marker. */
function entropyCodedEnd(bytes: Buffer, from: number): number {
  let i = from
  while (i + 1 < bytes.length) {
    if (bytes[i] === 0xff) {
      const next = bytes[i + 1]!
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
        i += next === 0xff ? 1 : 2
        continue
      }
      return i
    }
    i++
  }
  return bytes.length
}
