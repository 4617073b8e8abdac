#!/usr/bin/env node
// Draws the tab bar icons (81×81 PNG, as WeChat asks) from the SVG shapes below.
// Run once after changing a shape: node scripts/make-tab-icons.mjs
import { mkdirSync } from 'node:fs'
import sharp from 'sharp'

const OUT = 'src/assets/tab-bar'
const COLORS = { normal: '#4a4a4a', active: '#b71c1c' }
const SHAPES = {
  home: '<path d="M12 38 L40.5 13 L69 38" fill="none" stroke-width="7"/><path d="M20 34 V68 H61 V34" fill="none" stroke-width="7"/><rect x="35" y="48" width="11" height="20" />',
  complaints:
    '<rect x="17" y="10" width="47" height="61" rx="6" fill="none" stroke-width="7"/><path d="M27 28 H54 M27 41 H54 M27 54 H44" stroke-width="6"/>',
  messages:
    '<path d="M40.5 10 C27 10 21 20 21 32 V48 L13 60 H68 L60 48 V32 C60 20 54 10 40.5 10 Z" fill="none" stroke-width="7" stroke-linejoin="round"/><circle cx="40.5" cy="68" r="6"/>',
  me: '<circle cx="40.5" cy="27" r="14" fill="none" stroke-width="7"/><path d="M13 72 C13 54 25 46 40.5 46 C56 46 68 54 68 72" fill="none" stroke-width="7"/>',
}

mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81"><g stroke="${color}" fill="${color}" stroke-linecap="round">${shape}</g></svg>`
    const file = `${OUT}/${name}${state === 'active' ? '-active' : ''}.png`
    await sharp(Buffer.from(svg)).png({ palette: true, colours: 16, compressionLevel: 9 }).toFile(file)
    console.log(file)
  }
}
