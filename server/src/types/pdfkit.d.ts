/** pdfkit 0.x ships no types; this is the part of its API we use. */
declare module 'pdfkit' {
  import type { Readable } from 'node:stream'

  interface TextOptions {
    align?: 'left' | 'center' | 'right' | 'justify'
    width?: number
    lineGap?: number
    paragraphGap?: number
    link?: string
    continued?: boolean
  }

  interface DocumentOptions {
    size?: string
    margin?: number
    info?: Record<string, string | Date>
    /** Deterministic document ID and no compression changes: same input, same bytes. */
    compress?: boolean
    autoFirstPage?: boolean
  }

  class PDFDocument extends Readable {
    constructor(options?: DocumentOptions)
    x: number
    y: number
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } }
    registerFont(name: string, src: string | Buffer): this
    font(name: string): this
    fontSize(size: number): this
    fillColor(color: string): this
    text(text: string, options?: TextOptions): this
    text(text: string, x: number, y: number, options?: TextOptions): this
    moveDown(lines?: number): this
    rect(x: number, y: number, w: number, h: number): this
    fill(color?: string): this
    addPage(): this
    heightOfString(text: string, options?: TextOptions): number
    end(): void
  }
  export default PDFDocument
}
