import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import type { Citation } from './court-law'

const require = createRequire(import.meta.url)
// The same embedded, subset CJK font as the agreement PDF (agreement-pdf.ts): nothing downloaded at run time.
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
const REGULAR = path.join(FONT_DIR, '400Regular/NotoSansSC_400Regular.ttf')
const BOLD = path.join(FONT_DIR, '700Bold/NotoSansSC_700Bold.ttf')

export interface LetterPdfInput {
  kind: 'letter'
  number: string
  organizationName: string
  issuedOn: string
  issuerName: string
  consumerName: string
  complaintNumber: string
  businessName: string
  businessCreditCode: string | null
  incidentDate: string
  amountYuan: string
  summary: string
  mediationEnd: string
  courtReferral: string | null
  evidence: Array<{ label: string; sha256: string }>
  timeline: Array<{ at: string; label: string }>
  citation: Citation
}

export interface CoverSheetInput {
  kind: 'cover'
  complaintNumber: string
  organizationName: string
  preparedOn: string
  applyBy: string
  court: string
  consumer: { name: string; phone: string | null }
  business: { name: string; creditCode: string | null; signerName: string | null }
  agreement: { effectiveAt: string; pdfSha256: string; textSha256: string }
  signatures: Array<{ partyLabel: string; signerName: string; signedAt: string; ip: string }>
  files: Array<{ name: string; title: string }>
  citations: Citation[]
}

export type CourtPdfInput = LetterPdfInput | CoverSheetInput

type Doc = InstanceType<typeof PDFDocument>
/** Two ideographic spaces: how a Chinese letter indents its paragraphs. */
const INDENT = '\u3000\u3000'

function open(title: string, at: Date): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: title, CreationDate: at } })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.registerFont('body', REGULAR)
  doc.registerFont('bold', BOLD)
  return { doc, done }
}

const heading = (doc: Doc, text: string) => doc.moveDown(0.6).font('bold').fontSize(13).fillColor('#000000').text(text, { lineGap: 3 })
const para = (doc: Doc, text: string, size = 12) => doc.font('body').fontSize(size).fillColor('#000000').text(text, { lineGap: 5 })
const small = (doc: Doc, text: string) => doc.font('body').fontSize(9).fillColor('#555555').text(text, { lineGap: 2 }).fillColor('#000000')

function field(doc: Doc, label: string, value: string) {
  doc.font('bold').fontSize(12).text(`${label}：`, { continued: true, lineGap: 5 }).font('body').text(value)
}

function citationBlock(doc: Doc, c: Citation) {
  para(doc, `${c.law}${c.article}：“${c.text}”`, 10.5)
  if (c.note) small(doc, `注：${c.note}`)
  doc.moveDown(0.3)
}

/** 支持诉讼函: addressed to the court, for the consumer to file with their claim. */
function renderLetter(input: LetterPdfInput): Promise<Buffer> {
  const { doc, done } = open(`支持诉讼函 ${input.number}`, new Date(`${input.issuedOn}T12:00:00+08:00`))
  doc.font('bold').fontSize(22).text('支持诉讼函', { align: 'center' })
  doc.moveDown(0.3)
  doc.font('body').fontSize(11).text(input.number, { align: 'center' })
  doc.moveDown(0.8)
  para(doc, '有管辖权的人民法院：')
  para(
    doc,
    `${INDENT}消费者${input.consumerName}与经营者${input.businessName}之间的消费纠纷（本会投诉编号 ${input.complaintNumber}），经本会受理调解，${input.mediationEnd}。消费者决定向人民法院提起诉讼。`,
  )
  para(doc, `${INDENT}依据${input.citation.law}${input.citation.article}“就损害消费者合法权益的行为，支持受损害的消费者提起诉讼”的规定，本会支持消费者${input.consumerName}依法提起诉讼，并提供本案的处理情况如下，供人民法院参考。`)
  if (input.citation.note) small(doc, `注：${input.citation.note}`)

  heading(doc, '一、案件概况')
  field(doc, '消费者', input.consumerName)
  field(doc, '经营者', input.businessCreditCode ? `${input.businessName}（统一社会信用代码 ${input.businessCreditCode}）` : input.businessName)
  field(doc, '消费日期', input.incidentDate)
  field(doc, '涉及金额', `${input.amountYuan} 元`)
  if (input.courtReferral) field(doc, '法院委托', input.courtReferral)
  para(doc, `纠纷经过（消费者陈述）：${input.summary}`)

  heading(doc, '二、本会处理经过')
  for (const step of input.timeline) para(doc, `${step.at}\u3000${step.label}`, 10.5)

  heading(doc, `三、证据清单（共 ${input.evidence.length} 件）`)
  if (input.evidence.length === 0) para(doc, '消费者未在本会提交照片证据。', 10.5)
  input.evidence.forEach((item, index) => {
    para(doc, `${index + 1}. ${item.label}`, 10.5)
    small(doc, `    SHA-256：${item.sha256}`)
  })
  small(doc, '证据原件及其 SHA-256 校验值保存在本会的证据包中，可向本会申请调取核对。')

  doc.moveDown(1)
  para(doc, `${INDENT}本函仅说明本会受理和调解的情况，不代表本会对案件事实和责任作出认定。`)
  doc.moveDown(1.2)
  doc.font('body').fontSize(12).text(`${input.organizationName}（盖章）`, { align: 'right' })
  doc.text(input.issuedOn, { align: 'right' })
  small(doc, `经办人：${input.issuerName}`)
  doc.end()
  return done
}

/** 司法确认申请 cover sheet: what the parties file with the court, with the documents enclosed. */
function renderCover(input: CoverSheetInput): Promise<Buffer> {
  const { doc, done } = open(`司法确认申请材料 ${input.complaintNumber}`, new Date(`${input.preparedOn}T12:00:00+08:00`))
  doc.font('bold').fontSize(22).text('司法确认申请材料', { align: 'center' })
  doc.moveDown(0.2)
  doc.font('body').fontSize(11).text('（封面及材料清单）', { align: 'center' })
  doc.moveDown(0.8)
  field(doc, '受理法院', input.court)
  field(doc, '申请期限', `${input.applyBy} 前（调解协议生效之日起三十日内，双方共同申请）`)
  heading(doc, '申请人')
  field(doc, '消费者', `${input.consumer.name}${input.consumer.phone ? `，手机 ${input.consumer.phone}` : ''}`)
  field(doc, '经营者', `${input.business.name}${input.business.creditCode ? `，统一社会信用代码 ${input.business.creditCode}` : ''}`)
  if (input.business.signerName) field(doc, '经营者签署人', input.business.signerName)
  small(doc, '以上为本会案件中记录的当事人信息；向法院提交时请另附身份证明、资格证明。')

  heading(doc, '请求事项')
  para(doc, `请求人民法院确认双方于 ${input.agreement.effectiveAt} 经${input.organizationName}调解达成的调解协议（本会案件编号 ${input.complaintNumber}）有效。`)

  heading(doc, '调解协议签署记录')
  for (const s of input.signatures) para(doc, `${s.partyLabel}：${s.signerName}，${s.signedAt}（北京时间）短信验证码确认，IP ${s.ip}`, 10.5)
  small(doc, `协议文本 SHA-256：${input.agreement.textSha256}`)
  small(doc, `协议 PDF SHA-256：${input.agreement.pdfSha256}`)

  heading(doc, '随附材料')
  input.files.forEach((file, index) => para(doc, `${index + 1}. ${file.title}（${file.name}）`, 10.5))
  small(doc, '每个文件的 SHA-256 见压缩包中的 manifest.json。')

  heading(doc, '法律依据')
  for (const c of input.citations) citationBlock(doc, c)

  doc.moveDown(1)
  doc.font('body').fontSize(12).text(`${input.organizationName}（调解组织）`, { align: 'right' })
  doc.text(`整理日期：${input.preparedOn}`, { align: 'right' })
  doc.end()
  return done
}

export function renderCourtPdf(input: CourtPdfInput): Promise<Buffer> {
  return input.kind === 'letter' ? renderLetter(input) : renderCover(input)
}
