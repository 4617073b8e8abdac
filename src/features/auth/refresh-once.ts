import type { Session } from '@/contract/auth'

export interface StoredTokens {
  accessToken: string | null
  refreshToken: string | null
}

export interface RefreshDeps {
  current(): StoredTokens
  /** Re-reads the saved session: another H5 tab may have renewed it since this one loaded. */
  reload(): Promise<void>
  exchange(refreshToken: string): Promise<Session>
  signIn(session: Session): void
}

/** The server refused the refresh token (or the account); anything else is worth trying again later. */
const refused = (error: unknown) => {
  const status = (error as { status?: unknown } | null)?.status
  return status === 401 || status === 403
}

/**
 * One refresh at a time: a second caller waits for the first instead of spending the token twice.
 * Resolves true when a retry may succeed, false when the session is over; rejects (the caller keeps
 * the session and shows the error) when the network or server failed, since the same refresh token
 * still works on the next try: the server answers a repeat within 30 s with the same new pair.
 */
export function createRefresher(deps: RefreshDeps): () => Promise<boolean> {
  let inFlight: Promise<boolean> | null = null
  const run = async () => {
    const before = deps.current().accessToken
    await deps.reload()
    const { accessToken, refreshToken } = deps.current()
    if (!refreshToken) return false
    if (accessToken && accessToken !== before) return true
    try {
      deps.signIn(await deps.exchange(refreshToken))
      return true
    } catch (error) {
      if (refused(error)) return false
      throw error
    }
  }
  return () => {
    inFlight ??= run().finally(() => {
      inFlight = null
    })
    return inFlight
  }
}
