import sanitizeHtml from 'sanitize-html'
import { WARNING_IMAGE_ROUTE } from './warning-image-url'

const OWN_IMAGE = new RegExp(`^${WARNING_IMAGE_ROUTE}/[0-9a-f-]{36}$`)
const HTTPS_URL = /^https:\/\/[^\s"'<>\\]+$/i
const WEB_URL = /^https?:\/\/[^\s"'<>\\]+$/i
const SMALL_NUMBER = /^\d{1,4}$/
const SPAN = /^([1-9]|1\d|20)$/

/** Keeps an attribute only when its value passes the check. */
function keepIf(attribs: sanitizeHtml.Attributes, name: string, ok: (value: string) => boolean) {
  const value = attribs[name]?.trim()
  if (value === undefined || !ok(value)) delete attribs[name]
  else attribs[name] = value
}

/**
 * The subset Taro RichText renders on weapp and H5: text blocks, lists, tables, images and links.
 * Scripts, styles, frames and anything that runs code are removed with their content; images come
 * from our own public image route or https; links are http(s) and open without an opener.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a'],
  allowedAttributes: {
    img: ['src', 'alt', 'width', 'height'],
    a: ['href', 'rel'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'template', 'title', 'select', 'noembed', 'noframes'],
  transformTags: {
    img: (tagName, attribs) => {
      keepIf(attribs, 'src', (src) => OWN_IMAGE.test(src) || HTTPS_URL.test(src))
      keepIf(attribs, 'width', (v) => SMALL_NUMBER.test(v))
      keepIf(attribs, 'height', (v) => SMALL_NUMBER.test(v))
      return { tagName, attribs }
    },
    a: (tagName, attribs) => {
      keepIf(attribs, 'href', (href) => WEB_URL.test(href))
      const safe: sanitizeHtml.Attributes = attribs.href ? { href: attribs.href, rel: 'noopener noreferrer' } : {}
      return { tagName, attribs: safe }
    },
    td: (tagName, attribs) => tableCell(tagName, attribs),
    th: (tagName, attribs) => tableCell(tagName, attribs),
    b: 'strong',
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
}

function tableCell(tagName: string, attribs: sanitizeHtml.Attributes) {
  keepIf(attribs, 'colspan', (v) => SPAN.test(v))
  keepIf(attribs, 'rowspan', (v) => SPAN.test(v))
  return { tagName, attribs }
}

/** Staff-written HTML reduced to the safe subset; run on every save and preview. */
export function sanitizeWarningHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim()
}

const BLOCK_END = /<\/(p|h3|h4|li|th|td|tr|table|ul|ol)>|<br\s*\/?>/gi
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' }

/**
 * The words of a (sanitized) body for search. Blocks end with a line break, so two paragraphs
 * ending 退 and starting 款 do not make a 退款 hit.
 */
export function htmlToText(html: string): string {
  const separated = sanitizeWarningHtml(html).replace(BLOCK_END, (end) => `${end}\n`)
  const text = sanitizeHtml(separated, { allowedTags: [], allowedAttributes: {} })
  return text
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim()
}
