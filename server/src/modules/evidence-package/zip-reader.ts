import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'

/** One file in a zip, as its central directory lists it. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  crc32: number
  localHeaderOffset: number
}

export class ZipFormatError extends Error {}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const MAX_EOCD_SEARCH = 22 + 0xffff

/**
 * Reads a zip's central directory (store and deflate, no ZIP64: packages stay under 4 GB). Names are
 * returned exactly as written, so the caller can refuse unsafe ones before anything is read.
 */
export async function readZipDirectory(file: string): Promise<ZipEntry[]> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const tailLength = Math.min(size, MAX_EOCD_SEARCH)
    const tail = Buffer.alloc(tailLength)
    await handle.read(tail, 0, tailLength, size - tailLength)
    let eocd = -1
    for (let at = tailLength - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
        eocd = at
        break
      }
    }
    if (eocd < 0) throw new ZipFormatError('不是 zip 文件，或文件不完整（找不到压缩包目录）')
    const count = tail.readUInt16LE(eocd + 10)
    const directorySize = tail.readUInt32LE(eocd + 12)
    const directoryOffset = tail.readUInt32LE(eocd + 16)
    if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipFormatError('不支持 ZIP64 格式的压缩包')
    if (directoryOffset + directorySize > size) throw new ZipFormatError('压缩包不完整（目录超出文件末尾）')
    const directory = Buffer.alloc(directorySize)
    await handle.read(directory, 0, directorySize, directoryOffset)
    const entries: ZipEntry[] = []
    let at = 0
    for (let index = 0; index < count; index++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('压缩包目录已损坏')
      const nameLength = directory.readUInt16LE(at + 28)
      const extraLength = directory.readUInt16LE(at + 30)
      const commentLength = directory.readUInt16LE(at + 32)
      entries.push({
        method: directory.readUInt16LE(at + 10),
        crc32: directory.readUInt32LE(at + 16),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
        name: directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      })
      at += 46 + nameLength + extraLength + commentLength
    }
    return entries
  } finally {
    await handle.close()
  }
}

/** The entry's bytes, uncompressed, as a stream (one entry at a time: memory stays flat). */
export async function openZipEntry(file: string, entry: ZipEntry): Promise<Readable> {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name} 使用了不支持的压缩方式 ${entry.method}`)
  const handle = await open(file, 'r')
  const header = Buffer.alloc(30)
  try {
    await handle.read(header, 0, 30, entry.localHeaderOffset)
  } finally {
    await handle.close()
  }
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipFormatError(`${entry.name} 的文件头已损坏`)
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (entry.compressedSize === 0) return Readable.from([])
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1 })
  if (entry.method === 0) return raw
  const inflate = createInflateRaw()
  raw.on('error', (error) => inflate.destroy(error))
  return raw.pipe(inflate)
}
