import Taro from '@tarojs/taro'
import { installAuthHooks } from '@/lib/http'
import { refreshSession } from './api/refresh-session'
import { useSessionStore } from './stores/use-session-store'

export const LOGIN_PAGE = '/pages/login/index'

let refreshing: Promise<boolean> | null = null

/** One refresh at a time: a second caller waits for the first instead of spending the token twice. */
function refreshOnce(): Promise<boolean> {
  const refreshToken = useSessionStore.getState().refreshToken
  if (!refreshToken) return Promise.resolve(false)
  refreshing ??= refreshSession({ refreshToken })
    .then((session) => {
      useSessionStore.getState().signIn(session)
      return true
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null
    })
  return refreshing
}

function goToLogin() {
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1]?.route ?? ''
  if (`/${current}` !== LOGIN_PAGE) void Taro.navigateTo({ url: LOGIN_PAGE })
}

export function connectSessionToHttp() {
  installAuthHooks({
    accessToken: () => useSessionStore.getState().accessToken,
    refresh: refreshOnce,
    signedOut: () => {
      useSessionStore.getState().signOut()
      goToLogin()
    },
  })
}
