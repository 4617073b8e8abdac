import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '@/lib/storage'
import type { OutboxProgress, OutboxReport } from './outbox-types'

interface OutboxStoreState {
  reports: OutboxReport[]
  /** Live progress by clientId, never persisted. */
  progress: Record<string, OutboxProgress | undefined>
  put(report: OutboxReport): void
  patch(clientId: string, change: Partial<OutboxReport>): void
  remove(clientId: string): void
  setProgress(clientId: string, progress: OutboxProgress | undefined): void
}

/**
 * The queued reports as JSON in Taro storage (wx storage on weapp, localStorage on H5); their photos
 * are files saved by lib/photo-files, so both survive a restart or a reload.
 */
export const useOutboxStore = create<OutboxStoreState>()(
  persist(
    (set) => ({
      reports: [],
      progress: {},
      put: (report) =>
        set((s) => {
          const others = s.reports.filter((r) => r.clientId !== report.clientId)
          return { reports: [...others, report].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)) }
        }),
      patch: (clientId, change) => set((s) => ({ reports: s.reports.map((r) => (r.clientId === clientId ? { ...r, ...change } : r)) })),
      remove: (clientId) => set((s) => ({ reports: s.reports.filter((r) => r.clientId !== clientId), progress: { ...s.progress, [clientId]: undefined } })),
      setProgress: (clientId, progress) => set((s) => ({ progress: { ...s.progress, [clientId]: progress } })),
    }),
    {
      name: 'weiquan-volunteer-outbox',
      storage: createJSONStorage(() => taroStorage),
      partialize: (s) => ({ reports: s.reports }),
      // An upload cut short by closing the app starts again from where its photos got to.
      merge: (persisted, current) => {
        const reports = ((persisted as { reports?: OutboxReport[] } | undefined)?.reports ?? []).map((r) => (r.state === 'uploading' ? { ...r, state: 'waiting' as const } : r))
        return { ...current, reports }
      },
    },
  ),
)

/** The reports of one volunteer, oldest first. */
export function reportsOf(reports: OutboxReport[], ownerId: string | undefined): OutboxReport[] {
  return ownerId ? reports.filter((r) => r.ownerId === ownerId) : []
}
