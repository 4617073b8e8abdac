import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'

/**
 * Reads a pdfkit PDF without poppler: inflates its streams, maps the glyph ids drawn by each `Tj`/`TJ`
 * back to characters through every font's ToUnicode CMap, and opens every embedded font program so a
 * test can check that the glyphs drawn really have outlines (pdf-lib's subsetting once dropped them).
 */
export function readPdf(pdf: Buffer) {
  const streams: Buffer[] = []
  const source = pdf.toString('latin1')
  // From each object's own start: a match never spans two objects.
  const pattern = /\bobj\s*<<((?:(?!\bobj\b).)*?)>>\s*stream\r?\n/gs
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const length = Number(/\/Length (\d+)/.exec(match[1]!)?.[1])
    const start = match.index + match[0].length
    const raw = pdf.subarray(start, start + length)
    streams.push(match[1]!.includes('/FlateDecode') ? inflateSync(raw) : raw)
  }
  const cmaps = streams.filter((s) => s.includes('begincmap')).map(parseCmap)
  const drawn = streams
    .filter((s) => /\bT[jJ]\b/.test(s.toString('latin1')))
    .flatMap((s) => [...s.toString('latin1').matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => m[1]!))
  const gids = new Set(drawn.flatMap((hex) => (hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))))
  // Each font's text, decoded with its own CMap (glyph ids of the two subsets overlap).
  const texts = cmaps.map((cmap) => drawn.map((hex) => (hex.match(/.{4}/g) ?? []).map((h) => cmap.get(parseInt(h, 16)) ?? '').join('')).join(''))
  const fonts = streams.filter(isTrueType)
  return { texts, gids, fonts }
}

function parseCmap(stream: Buffer): Map<number, string> {
  const text = stream.toString('latin1')
  const map = new Map<number, string>()
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le')
  for (const block of text.matchAll(/beginbfchar(.*?)endbfchar/gs)) {
    for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(m[1]!, 16), utf16(m[2]!))
  }
  for (const block of text.matchAll(/beginbfrange(.*?)endbfrange/gs)) {
    for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[(.*?)\]/gis)) {
      const targets = [...m[3]!.matchAll(/<([0-9a-f]+)>/gi)].map((t) => utf16(t[1]!))
      targets.forEach((ch, i) => map.set(parseInt(m[1]!, 16) + i, ch))
    }
  }
  return map
}

/** A TrueType program: version 1.0 or 'true' (what pdfkit's subsets start with). */
const isTrueType = (s: Buffer) => s.length > 12 && (s.readUInt32BE(0) === 0x00010000 || s.subarray(0, 4).toString('latin1') === 'true')

interface Glyph {
  path: { commands: unknown[] }
}
interface Font {
  numGlyphs: number
  getGlyph(id: number): Glyph
}

/** How many of the drawn glyph ids have an outline in this font program (fontkit, which pdfkit itself uses). */
export function glyphsWithOutlines(font: Buffer, gids: Iterable<number>): { drawn: number; withOutline: number } {
  const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { create(buffer: Buffer): Font }
  const parsed = fontkit.create(font)
  let drawn = 0
  let withOutline = 0
  for (const id of gids) {
    if (id === 0 || id >= parsed.numGlyphs) continue
    drawn += 1
    if (parsed.getGlyph(id).path.commands.length > 0) withOutline += 1
  }
  return { drawn, withOutline }
}
