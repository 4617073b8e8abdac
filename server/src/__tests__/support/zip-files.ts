import { writeFile } from 'node:fs/promises'
import { crc32 } from 'node:zlib'

/**
 * Writes the named files (in this order) as a stored zip, names exactly as given (archiver would clean
 * '../x' up): a package after a test tampered with it, or one carrying a hostile name.
 */
export async function writeZip(file: string, entries: Iterable<[string, Buffer]>): Promise<void> {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  let count = 0
  for (const [name, bytes] of entries) {
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(bytes) >>> 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(bytes.length, 18)
    local.writeUInt32LE(bytes.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(0x0800, 8)
    entry.writeUInt32LE(crc, 16)
    entry.writeUInt32LE(bytes.length, 20)
    entry.writeUInt32LE(bytes.length, 24)
    entry.writeUInt16LE(nameBytes.length, 28)
    entry.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, bytes)
    central.push(entry, nameBytes)
    offset += 30 + nameBytes.length + bytes.length
    count += 1
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(count, 8)
  end.writeUInt16LE(count, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  await writeFile(file, Buffer.concat([...locals, directory, end]))
}
