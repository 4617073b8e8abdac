/**
 * Personal details that published text must never carry (issue #19): Chinese mobile and landline
 * phones, 18-digit resident ID numbers, bank card numbers, street addresses, and the consumer's own
 * name. `findPii` says what is there; `maskPii` replaces each find with a neutral word. Other modules
 * that publish text import these (one detector for the whole app).
 */

export type PiiKind = 'phone' | 'id_number' | 'bank_card' | 'address' | 'name'

export interface PiiFind {
  kind: PiiKind
  start: number
  end: number
  text: string
}

export const PII_LABELS: Record<PiiKind, string> = {
  phone: '电话号码',
  id_number: '身份证号',
  bank_card: '银行卡号',
  address: '详细地址',
  name: '姓名',
}

const MASKS: Record<PiiKind, string> = {
  phone: '［电话已隐去］',
  id_number: '［证件号已隐去］',
  bank_card: '［卡号已隐去］',
  address: '［地址已隐去］',
  name: '消费者',
}

// Full-width digits and separators are folded first (１３８ → 138), so they cannot slip through.
const fold = (text: string) =>
  text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[－—‐–]/g, '-').replace(/\u3000/g, ' ')

const SEP = '[ \\-.]?'
const digits = (n: number) => `\\d(?:${SEP}\\d){${n - 1}}`

/** The patterns in the order they claim text: the longer numbers first, so a card is not read as a phone. */
const PATTERNS: ReadonlyArray<readonly [PiiKind, RegExp]> = [
  // 18-digit ID: region (6), birth date (8), serial (3), check digit (digit or X); spaces allowed between groups.
  ['id_number', new RegExp(`(?<![\\dA-Za-z])\\d{6}${SEP}(?:18|19|20)\\d{2}${SEP}(?:0[1-9]|1[0-2])${SEP}(?:0[1-9]|[12]\\d|3[01])${SEP}\\d{3}[\\dXx](?![\\dA-Za-z])`, 'g')],
  // Bank cards: 16–19 digits, plain or in groups of four.
  ['bank_card', new RegExp(`(?<!\\d)\\d{4}(?:${SEP}\\d{4}){3}(?:${SEP}?\\d{1,3})?(?!\\d)`, 'g')],
  ['bank_card', /(?<!\d)\d{16,19}(?!\d)/g],
  // Mobile: 1[3-9]x xxxx xxxx, with +86 / 86 / 0086 and separators.
  ['phone', new RegExp(`(?<!\\d)(?:(?:\\+|00)?86${SEP})?1[3-9]\\d(?:${SEP}\\d){8}(?!\\d)`, 'g')],
  // Landline: area code 0xx / 0xxx (in brackets or not), then 7–8 digits, optional extension.
  ['phone', new RegExp(`(?:[(（]0\\d{2,3}[)）]${SEP}|(?<!\\d)0\\d{2,3}${SEP})${digits(7)}\\d?(?:(?:转|-|ext\\.?)\\d{1,5})?(?!\\d)`, 'g')],
  // A local number written alone after 电话/座机/手机 (7–8 digits).
  ['phone', /(?<=(?:电话|座机|手机|联系方式|号码)[:：是为 ]{0,3})\d{7,8}(?!\d)/g],
  // Street addresses: a road or street with a number, a building, unit or room number.
  ['address', /[\u4e00-\u9fa5A-Za-z\d]{1,12}(?:路|街|大道|大街|巷|弄|胡同|道)(?:[东西南北中]?段)?\s*[\d一二三四五六七八九十百零〇]+\s*(?:号|弄|巷)(?:院|楼)?(?:\s*[\d一二三四五六七八九十]+\s*(?:号楼|栋|幢|座|单元|层|楼|室|户|号))*/g],
  ['address', /[\d一二三四五六七八九十]+\s*(?:号楼|栋|幢|单元)\s*(?:[\d一二三四五六七八九十]+\s*(?:单元|层|楼))?\s*[\d]*\s*(?:室|户|号)?/g],
  ['address', /(?<![\d])\d{3,4}\s*(?:室|房间?)(?![\u4e00-\u9fa5]{0,1}费)/g],
  ['address', /[\u4e00-\u9fa5]{2,10}(?:小区|花园|公寓|新村|家园|苑)\s*[\d一二三四五六七八九十]+\s*(?:号楼|栋|幢|期|区|号)/g],
]

/** Names shorter than 2 characters match too much to be useful (a surname alone). */
const usableNames = (names: readonly string[]) => [...new Set(names.map((name) => name.trim()).filter((name) => [...name].length >= 2))]

/** Every personal detail found in `text`, in order, none overlapping. */
export function findPii(text: string, options: { names?: readonly string[] } = {}): PiiFind[] {
  const folded = fold(text)
  const finds: PiiFind[] = []
  const taken = (start: number, end: number) => finds.some((find) => start < find.end && find.start < end)
  const claim = (kind: PiiKind, start: number, end: number) => {
    if (end > start && !taken(start, end)) finds.push({ kind, start, end, text: text.slice(start, end) })
  }
  for (const [kind, pattern] of PATTERNS) {
    for (const match of folded.matchAll(pattern)) claim(kind, match.index, match.index + match[0].trimEnd().length)
  }
  for (const name of usableNames(options.names ?? [])) {
    for (let at = folded.indexOf(name); at !== -1; at = folded.indexOf(name, at + name.length)) claim('name', at, at + name.length)
  }
  return finds.sort((a, b) => a.start - b.start)
}

/** `text` with each personal detail replaced by a neutral word (［电话已隐去］, 消费者…). */
export function maskPii(text: string, options: { names?: readonly string[] } = {}): string {
  let out = ''
  let at = 0
  for (const find of findPii(text, options)) {
    out += text.slice(at, find.start) + MASKS[find.kind]
    at = find.end
  }
  return out + text.slice(at)
}

/** "电话号码、详细地址": what was found, for a refusal's message. */
export function describeFinds(finds: readonly PiiFind[]): string {
  return [...new Set(finds.map((find) => PII_LABELS[find.kind]))].join('、')
}
