import dayjs from 'dayjs'
import { ACCESS_KIND_STAFF_LABELS, type AccessLogEntry } from '@/contract/access-log'
import { ROLE_LABELS, type Role } from '@/contract/roles'

export interface AccessLogLine {
  when: string
  who: string
  /** Role and organization: 消协工作人员 · 消费者协会 */
  where: string
  what: string
  /** The complaint's number, or what an export covers. */
  subject: string
}

/** One row of the staff access log, in words. */
export function accessLogLine(entry: AccessLogEntry): AccessLogLine {
  const role = ROLE_LABELS[entry.actorRole as Role] ?? entry.actorRole
  const ownCopy = entry.what === 'export' && entry.actorRole === 'consumer'
  return {
    when: dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss'),
    who: entry.actorName,
    where: ownCopy ? '消费者本人' : `${role} · ${entry.organization}`,
    what: ACCESS_KIND_STAFF_LABELS[entry.what] ?? entry.what,
    subject: entry.complaintNumber ?? (entry.what === 'export' ? '本人的全部数据' : '—'),
  }
}

/** Drops empty filters, so the query string carries only what was chosen. */
export function cleanQuery<T extends object>(query: T): Partial<T> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== '' && value !== undefined)) as Partial<T>
}
