import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)
// The font ships in an npm package (nothing is downloaded at run time); pdfkit embeds only the glyphs used.
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
const REGULAR = path.join(FONT_DIR, '400Regular/NotoSansSC_400Regular.ttf')
const BOLD = path.join(FONT_DIR, '700Bold/NotoSansSC_700Bold.ttf')

interface QrCode {
  addData(data: string): void
  make(): void
  getModuleCount(): number
  isDark(row: number, col: number): boolean
}
type QrCodeClass = new (typeNumber: number, level: number) => QrCode
const QRCode = require('qrcode-terminal/vendor/QRCode') as QrCodeClass
const QR_LEVEL_M = (require('qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel') as { M: number }).M

export interface AgreementPdfInput {
  text: string
  textSha256: string
  complaintNumber: string
  signatures: Array<{ partyLabel: string; signerName: string; signedAt: string; ip: string; textSha256: string }>
  verifyUrl: string
  effectiveAt: string
}

function drawQr(doc: PDFDocument, data: string, x: number, y: number, size: number) {
  const qr = new QRCode(-1, QR_LEVEL_M)
  qr.addData(data)
  qr.make()
  const count = qr.getModuleCount()
  const cell = size / (count + 8)
  doc.rect(x, y, size, size).fill('#ffffff')
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell).fill('#000000')
    }
  }
}

/** The signed agreement as an A4 PDF: its text, the signature records, the hash and a QR of the verification link. */
export function renderAgreementPdf(input: AgreementPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `调解协议书 ${input.complaintNumber}`, CreationDate: new Date(input.effectiveAt) } })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.registerFont('body', REGULAR)
  doc.registerFont('bold', BOLD)
  const [title, ...lines] = input.text.split('\n')
  doc.font('bold').fontSize(20).text(title ?? '', { align: 'center' })
  doc.moveDown(0.5)
  for (const line of lines) {
    const heading = /^[一二三四五六七八九十]+、/.test(line)
    if (heading) doc.moveDown(0.4)
    doc.font(heading ? 'bold' : 'body').fontSize(12).text(line, { lineGap: 4 })
  }
  doc.moveDown()
  doc.font('bold').fontSize(13).text('签署记录')
  for (const s of input.signatures) {
    doc.font('body').fontSize(10.5).text(`${s.partyLabel}：${s.signerName}  签署时间：${s.signedAt}（北京时间）  IP：${s.ip}  短信验证码确认`, { lineGap: 2 })
    doc.fillColor('#555555').fontSize(9).text(`所见文本 SHA-256：${s.textSha256}`).fillColor('#000000')
  }
  doc.moveDown()
  const size = 110
  if (doc.y + size + 20 > doc.page.height - doc.page.margins.bottom) doc.addPage()
  const top = doc.y
  const left = doc.page.margins.left
  drawQr(doc, input.verifyUrl, left, top, size)
  const textX = left + size + 16
  const width = doc.page.width - doc.page.margins.right - textX
  doc.fillColor('#000000').font('bold').fontSize(11).text(`案件编号：${input.complaintNumber}`, textX, top, { width })
  doc.font('body').fontSize(9).text(`协议文本 SHA-256：${input.textSha256}`, { width })
  doc.fontSize(9).text('扫描二维码或打开下面的网址，可核对本协议是否有效、是否被改动：', { width })
  doc.fillColor('#1a4fa0').text(input.verifyUrl, { width, link: input.verifyUrl }).fillColor('#000000')
  doc.end()
  return done
}
