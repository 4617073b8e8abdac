/**
 * The server sends sanitized HTML without styles. Inline styles per tag make it large-text friendly
 * on both platforms: weapp's <rich-text> ignores page stylesheets for its nodes, so a class plus
 * global CSS would only work on H5. Rich-text does not go through pxtransform, so text sizes are in
 * em of the body's own size (.warning-body, 17 px at the default text size): they follow the
 * reader's text size with the rest of the page.
 */
const TAG_STYLES: Record<string, string> = {
  p: 'margin:0 0 0.8em;font-size:1em;line-height:1.75;color:#1f1f1f',
  h2: 'margin:1em 0 0.5em;font-size:1.25em;line-height:1.5;font-weight:700;color:#1f1f1f',
  h3: 'margin:1em 0 0.5em;font-size:1.125em;line-height:1.5;font-weight:700;color:#1f1f1f',
  h4: 'margin:1em 0 0.5em;font-size:1.0625em;line-height:1.5;font-weight:700;color:#1f1f1f',
  ul: 'margin:0 0 0.8em;padding-left:1.3em',
  ol: 'margin:0 0 0.8em;padding-left:1.3em',
  li: 'margin:0 0 0.35em;font-size:1em;line-height:1.75;color:#1f1f1f',
  strong: 'font-weight:700;color:#a8071a',
  b: 'font-weight:700;color:#a8071a',
  img: 'display:block;max-width:100%;height:auto;margin:8px 0;border-radius:6px',
  table: 'border-collapse:collapse;min-width:100%;font-size:0.95em;line-height:1.5',
  th: 'border:1px solid #8c8c8c;background:#f5f5f5;padding:0.5em;text-align:left;white-space:nowrap;font-weight:700',
  td: 'border:1px solid #8c8c8c;padding:0.5em;vertical-align:top;white-space:nowrap',
  a: 'color:#0050b3;text-decoration:underline',
}

/** A wide comparison table scrolls sideways inside the body, not the whole page. */
// tabindex: a keyboard can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
const TABLE_WRAP_OPEN = '<div tabindex="0" style="overflow-x:auto;-webkit-overflow-scrolling:touch;margin:0 0 0.8em;max-width:100%">'

export function styledBodyHtml(html: string): string {
  return html
    .replace(/<(\/?)table\b/gi, (_m, slash: string) => (slash ? '</table' : `${TABLE_WRAP_OPEN}<table`))
    .replace(/<\/table>/gi, '</table></div>')
    .replace(/<([a-z][a-z0-9]*)\b([^>]*)>/gi, (match, tag: string, rest: string) => {
      const style = TAG_STYLES[tag.toLowerCase()]
      if (!style || /\sstyle\s*=/i.test(rest)) return match
      const selfClosing = rest.endsWith('/')
      const attrs = (selfClosing ? rest.slice(0, -1) : rest).trimEnd()
      return `<${tag}${attrs} style="${style}"${selfClosing ? ' /' : ''}>`
    })
}
