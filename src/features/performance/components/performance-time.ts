/** A time as an elderly reader says it, in China time: 12月14日 9:30. */
export function chinaTimeLabel(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

export function chinaDayLabel(isoOrDate: string): string {
  const d = isoOrDate.length === 10 ? new Date(`${isoOrDate}T00:00:00Z`) : new Date(Date.parse(isoOrDate) + 8 * 3600_000)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}
