import type { ChainedEvent } from './event-chain'

/** What the package holds and how its manifest reads: shared by the writer and the offline verifier. */
export const PACKAGE_FORMAT = 'weiquan-evidence-package/1'
export const MANIFEST_FILE = 'manifest.json'
export const CASE_LOG_FILE = 'case-log.jsonl'

export type PackageFileKind = 'original' | 'display' | 'document' | 'record'

export interface ManifestFile {
  path: string
  kind: PackageFileKind
  sha256: string
  bytes: number
  /** Documents: their title (调解协议书 …) and the SHA-256 recorded when they were made, if any. */
  title?: string
  recordedSha256?: string | null
}

export interface Manifest {
  format: typeof PACKAGE_FORMAT
  complaint: { id: string; number: string }
  exportedAt: string
  exportedBy: { role: string; displayName: string; organization: string | null }
  files: ManifestFile[]
  caseLog: { file: typeof CASE_LOG_FILE; chainFormat: number; events: number; headHash: string }
  documents: { count: number; note: string }
}

/** One line of case-log.jsonl: the event as chained, its note (null once erased by retention) and its link. */
export interface CaseLogLine extends ChainedEvent {
  note: string | null
  previousHash: string
  hash: string
}

/** Names the package may hold: relative, forward slashes, no '.' or '..' segment, nothing odd. */
export function unsafeEntryName(name: string): string | null {
  if (name === '') return '空文件名'
  if (name.includes('\\')) return '含反斜杠'
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return '是绝对路径'
  if (name.includes('\0')) return '含空字符'
  if (name.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return '含 “..”、“.” 或空的路径段'
  return null
}
