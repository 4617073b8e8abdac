import Taro from '@tarojs/taro'
import { installAuthHooks } from '@/lib/http'
import { refreshSession } from './api/refresh-session'
import { createRefresher } from './refresh-once'
import { useSessionStore } from './stores/use-session-store'

export const LOGIN_PAGE = '/pages/login/index'

const refreshOnce = createRefresher({
  current: () => useSessionStore.getState(),
  reload: async () => {
    await useSessionStore.persist.rehydrate()
  },
  exchange: (refreshToken) => refreshSession({ refreshToken }),
  signIn: (session) => useSessionStore.getState().signIn(session),
})

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
