import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { Session, UserProfile } from '@/contract/auth'
import { taroStorage } from '@/lib/storage'

interface SessionState {
  accessToken: string | null
  refreshToken: string | null
  user: UserProfile | null
  signIn(session: Session): void
  setUser(user: UserProfile): void
  signOut(): void
}

export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      accessToken: null,
      refreshToken: null,
      user: null,
      signIn: (session) => set({ accessToken: session.accessToken, refreshToken: session.refreshToken, user: session.user }),
      setUser: (user) => set({ user }),
      signOut: () => set({ accessToken: null, refreshToken: null, user: null }),
    }),
    { name: 'weiquan-session', storage: createJSONStorage(() => taroStorage) },
  ),
)
