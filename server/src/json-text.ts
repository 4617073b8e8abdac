/** A JSON array of strings kept in a text column; anything else (bad JSON, other types) reads as empty, so one bad row cannot fail a page. */
export function parseTextList<T extends string = string>(json: string | null): T[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]')
    return Array.isArray(value) ? value.filter((item): item is T => typeof item === 'string') : []
  } catch {
    return []
  }
}

/** A JSON object kept in a text column, or null when the text is not one. */
export function parseTextObject(json: string | null): Record<string, unknown> | null {
  if (!json) return null
  try {
    const value: unknown = JSON.parse(json)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
