import { create } from 'zustand'
import type { RoomMessage, RoomMessagePage, RoomState, RoomThread } from '@/contract/mediation'
import { errorMessage } from '@/lib/http'
import { getMessages, getRoom, markRead, postMessage, sendHeartbeat } from '../api/room'
import { mergeMessages } from '../room-model'

export interface ThreadView {
  items: RoomMessage[]
  olderCursor: string | null
  readUpTo: RoomMessagePage['readUpTo']
  loadingOlder: boolean
}

interface RoomStore {
  complaintId: string | null
  room: RoomState | null
  threads: Partial<Record<RoomThread, ThreadView>>
  /** The thread shown on a phone (a desk shows them all side by side). */
  active: RoomThread
  phase: 'idle' | 'loading' | 'ready' | 'error'
  problem: string
  open(complaintId: string): Promise<void>
  /** Something changed (a live signal, a heartbeat showing newer seqs, back on screen): read what is new. */
  refresh(options?: { heartbeat?: boolean }): Promise<void>
  loadOlder(thread: RoomThread): Promise<void>
  send(thread: RoomThread, text: string, evidenceIds?: string[]): Promise<void>
  setRoom(room: RoomState): void
  setActive(thread: RoomThread): void
  reset(): void
}

const NOBODY = { consumer: 0, enterprise: 0, mediator: 0 }
const EMPTY = { complaintId: null, room: null, threads: {}, active: 'shared', phase: 'idle', problem: '' } as const

export const useRoomStore = create<RoomStore>((set, get) => {
  /** Reads a thread's newest page (first time) or what came after the last loaded message, and marks it read. */
  async function catchUp(complaintId: string, thread: RoomThread) {
    const known = get().threads[thread]
    const last = known?.items.at(-1)?.seq
    const page = last === undefined ? await getMessages(complaintId, thread) : await getMessages(complaintId, thread, { after: last, limit: 50 })
    if (get().complaintId !== complaintId) return
    set((state) => {
      const current = state.threads[thread]
      const items = mergeMessages(current?.items ?? [], page.items)
      const olderCursor = current ? current.olderCursor : page.olderCursor
      return { threads: { ...state.threads, [thread]: { items, olderCursor, readUpTo: page.readUpTo, loadingOlder: false } } }
    })
    const newest = get().threads[thread]?.items.at(-1)?.seq ?? 0
    const room = get().room
    if (room && newest > 0 && (room.unread[thread] ?? 0) > 0) {
      const updated = await markRead(complaintId, thread, newest).catch(() => null)
      if (updated && get().complaintId === complaintId) set({ room: updated })
    }
  }

  return {
    ...EMPTY,
    async open(complaintId) {
      set({ ...EMPTY, complaintId, phase: 'loading' })
      try {
        const room = await sendHeartbeat(complaintId)
        if (get().complaintId !== complaintId) return
        set({ room, phase: 'ready' })
        await Promise.all(room.threads.map((thread) => catchUp(complaintId, thread)))
      } catch (error) {
        if (get().complaintId === complaintId) set({ phase: 'error', problem: errorMessage(error) })
      }
    },
    async refresh(options = {}) {
      const { complaintId } = get()
      if (!complaintId || get().phase !== 'ready') return
      try {
        const room = options.heartbeat ? await sendHeartbeat(complaintId) : await getRoom(complaintId)
        if (!room || get().complaintId !== complaintId) return
        set({ room })
        // Threads with something new, and the one on screen (its 已读 marks may have moved).
        const { threads, active } = get()
        const stale = room.threads.filter((thread) => (room.latest[thread] ?? 0) > (threads[thread]?.items.at(-1)?.seq ?? 0) || thread === active)
        await Promise.all(stale.map((thread) => catchUp(complaintId, thread)))
      } catch {
        // The next heartbeat or signal tries again; what is shown stays.
      }
    },
    async loadOlder(thread) {
      const { complaintId, threads } = get()
      const view = threads[thread]
      if (!complaintId || !view?.olderCursor || view.loadingOlder) return
      set({ threads: { ...threads, [thread]: { ...view, loadingOlder: true } } })
      try {
        const page = await getMessages(complaintId, thread, { before: Number(view.olderCursor) })
        set((state) => ({
          threads: { ...state.threads, [thread]: { ...view, items: mergeMessages(view.items, page.items), olderCursor: page.olderCursor, loadingOlder: false } },
        }))
      } catch {
        set((state) => ({ threads: { ...state.threads, [thread]: { ...view, loadingOlder: false } } }))
      }
    },
    async send(thread, text, evidenceIds) {
      const { complaintId } = get()
      if (!complaintId) return
      const message = await postMessage(complaintId, thread, { text, ...(evidenceIds?.length ? { evidenceIds } : {}) })
      set((state) => {
        const view = state.threads[thread] ?? { items: [], olderCursor: null, readUpTo: NOBODY, loadingOlder: false }
        return { threads: { ...state.threads, [thread]: { ...view, items: mergeMessages(view.items, [message]) } } }
      })
    },
    setRoom: (room) => set({ room }),
    setActive: (active) => set({ active }),
    reset: () => set({ ...EMPTY }),
  }
})
