import { createHash } from 'node:crypto'
import { createInterface } from 'node:readline'
import { crc32 } from 'node:zlib'
import { canonicalEvent, CHAIN_START, chainHash, sha256Hex, type ChainedEvent } from './event-chain'
import { CASE_LOG_FILE, MANIFEST_FILE, PACKAGE_FORMAT, unsafeEntryName, type CaseLogLine, type Manifest, type ManifestFile } from './package-format'
import { openZipEntry, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-reader'

export interface Verification {
  ok: boolean
  /** Each problem in one Chinese sentence naming the file or event. */
  problems: string[]
  /** What was checked, for the success message. */
  summary: { files: number; events: number; headHash: string | null; manifestSha256: string | null; complaintNumber: string | null }
}

const KIND_NAMES: Record<ManifestFile['kind'], string> = { original: '照片原件', display: '照片展示件', document: '文书', record: '记录文件' }

/** The bytes of an entry: hashed and counted as they stream, CRC checked against the directory. */
async function measure(file: string, entry: ZipEntry): Promise<{ sha256: string; bytes: number; crcOk: boolean }> {
  const hash = createHash('sha256')
  let bytes = 0
  let crc = 0
  for await (const chunk of await openZipEntry(file, entry)) {
    hash.update(chunk as Buffer)
    crc = crc32(chunk as Buffer, crc)
    bytes += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), bytes, crcOk: crc >>> 0 === entry.crc32 >>> 0 }
}

async function readText(file: string, entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of await openZipEntry(file, entry)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function isManifest(value: unknown): value is Manifest {
  const manifest = value as Manifest
  return typeof manifest === 'object' && manifest !== null && manifest.format === PACKAGE_FORMAT && Array.isArray(manifest.files) && typeof manifest.caseLog === 'object'
}

/** Walks case-log.jsonl and says where the chain breaks: a missing event, an edited one, or the end cut off. */
async function verifyChain(file: string, entry: ZipEntry, manifest: Manifest, problems: string[]): Promise<{ events: number; headHash: string }> {
  const lines = createInterface({ input: await openZipEntry(file, entry), crlfDelay: Infinity })
  let previousHash = CHAIN_START
  let previousSeq = 0
  let events = 0
  for await (const text of lines) {
    if (text === '') continue
    let line: CaseLogLine
    try {
      line = JSON.parse(text) as CaseLogLine
    } catch {
      problems.push(`案件记录第 ${events + 1} 行不是有效的 JSON，记录已损坏`)
      break
    }
    events += 1
    const seq = Number(line.seq)
    if (seq !== previousSeq + 1) {
      problems.push(
        seq > previousSeq + 1
          ? `事件 #${previousSeq + 1}${seq > previousSeq + 2 ? `–#${seq - 1}` : ''} 缺失：链在 #${previousSeq} 之后断开`
          : `事件 #${seq} 的位置不对（应为 #${previousSeq + 1}）：事件被插入或重排`,
      )
      break
    }
    if (line.previousHash !== previousHash) {
      problems.push(`事件 #${seq} 接不上前一个事件：链在 #${previousSeq} 之后断开（有事件被删除、替换或重排）`)
      break
    }
    if (line.note !== null && sha256Hex(line.note) !== line.noteSha256) {
      problems.push(`事件 #${seq} 的说明文字已被修改（与记录的 SHA-256 不符）`)
      break
    }
    const event: ChainedEvent = { ...line, seq }
    if (chainHash(previousHash, event) !== line.hash) {
      problems.push(`事件 #${seq} 的内容已被修改：哈希与记录不符（${canonicalEvent(event).slice(0, 80)}…）`)
      break
    }
    previousHash = line.hash
    previousSeq = seq
  }
  if (problems.length === 0) {
    if (events < manifest.caseLog.events) {
      problems.push(`事件 #${events + 1}${manifest.caseLog.events > events + 1 ? `–#${manifest.caseLog.events}` : ''} 缺失：清单记有 ${manifest.caseLog.events} 个事件，链在 #${events} 之后中断`)
    } else if (events > manifest.caseLog.events) {
      problems.push(`案件记录有 ${events} 个事件，多于清单记录的 ${manifest.caseLog.events} 个`)
    } else if (previousHash !== manifest.caseLog.headHash) {
      problems.push(`链尾哈希与清单不符：最后的事件 #${events} 已被替换`)
    }
  }
  return { events, headHash: previousHash }
}

/**
 * Checks an evidence package offline: every name safe, every file present once and matching the
 * manifest's SHA-256 and size, nothing extra, documents matching the hash recorded when they were made,
 * and the case log's hash chain whole to the head the manifest names.
 */
export async function verifyEvidencePackage(file: string): Promise<Verification> {
  const problems: string[] = []
  const summary: Verification['summary'] = { files: 0, events: 0, headHash: null, manifestSha256: null, complaintNumber: null }
  const done = () => ({ ok: problems.length === 0, problems, summary })
  let entries: ZipEntry[]
  try {
    entries = await readZipDirectory(file)
  } catch (error) {
    problems.push(
      error instanceof ZipFormatError ? error.message : (error as NodeJS.ErrnoException).code === 'ENOENT' ? `找不到文件 ${file}` : `无法读取文件 ${file}：${(error as Error).message}`,
    )
    return done()
  }
  // Refused before anything is read: an unpacked package must never write outside its folder.
  for (const entry of entries) {
    const unsafe = unsafeEntryName(entry.name)
    if (unsafe) problems.push(`拒绝：压缩包中的文件名 “${entry.name}” ${unsafe}，可能写到解压目录之外`)
  }
  const byName = new Map<string, ZipEntry>()
  for (const entry of entries) {
    if (byName.has(entry.name)) problems.push(`压缩包中有两个同名文件 ${entry.name}`)
    byName.set(entry.name, entry)
  }
  if (problems.length > 0) return done()

  const manifestEntry = byName.get(MANIFEST_FILE)
  if (!manifestEntry) {
    problems.push('缺少清单 manifest.json')
    return done()
  }
  let manifest: unknown
  try {
    const text = await readText(file, manifestEntry)
    summary.manifestSha256 = sha256Hex(Buffer.from(text, 'utf8'))
    manifest = JSON.parse(text)
  } catch {
    problems.push('清单 manifest.json 不是有效的 JSON')
    return done()
  }
  if (!isManifest(manifest)) {
    problems.push(`清单 manifest.json 不是维权通证据包清单（格式应为 ${PACKAGE_FORMAT}）`)
    return done()
  }
  summary.complaintNumber = manifest.complaint?.number ?? null

  const listed = new Set<string>()
  for (const item of manifest.files) {
    listed.add(item.path)
    const what = `${KIND_NAMES[item.kind] ?? '文件'} ${item.path}${item.title ? `（${item.title}）` : ''}`
    const entry = byName.get(item.path)
    if (!entry) {
      problems.push(`${what} 缺失：清单中有，压缩包中没有`)
      continue
    }
    let measured
    try {
      measured = await measure(file, entry)
    } catch (error) {
      problems.push(`${what} 无法解压：${(error as Error).message}`)
      continue
    }
    if (measured.sha256 !== item.sha256 || measured.bytes !== item.bytes) {
      problems.push(item.kind === 'document' ? `${what} 已被修改（SHA-256 与清单不符）` : `${what} 的 SHA-256 与清单不符（已被修改）`)
    } else if (!measured.crcOk) {
      problems.push(`${what} 在压缩包中已损坏（CRC 校验失败）`)
    } else if (item.kind === 'document' && item.recordedSha256 && measured.sha256 !== item.recordedSha256) {
      problems.push(`${what} 与制作时记录的 SHA-256 不符`)
    }
    summary.files += 1
  }
  for (const entry of entries) {
    if (entry.name !== MANIFEST_FILE && !listed.has(entry.name)) problems.push(`多出的文件 ${entry.name}：清单中没有它`)
  }

  const log = byName.get(CASE_LOG_FILE)
  if (!log) {
    if (!problems.some((problem) => problem.includes(CASE_LOG_FILE))) problems.push(`缺少案件记录 ${CASE_LOG_FILE}`)
  } else {
    const chain = await verifyChain(file, log, manifest, problems)
    summary.events = chain.events
    summary.headHash = chain.headHash
  }
  return done()
}
