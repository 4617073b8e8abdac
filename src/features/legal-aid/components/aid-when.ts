/** 12月4日 14:30 in China time, whatever the phone's time zone. */
export function aidWhen(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
