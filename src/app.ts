import { type PropsWithChildren } from 'react'
import { useDidShow } from '@tarojs/taro'
// Single files rather than the feature indexes: those pull login forms and the inbox into the first load.
import { connectSessionToHttp } from './features/auth/session-hooks'
import { useSessionStore } from './features/auth/stores/use-session-store'
import { startNotifications, stopNotifications, wakeNotifications } from './features/notifications/lifecycle-at-launch'
import { startOutboxAtLaunch } from './features/volunteer/outbox/start-at-launch'
import { configureDayjs } from './lib/dates'
import { keepShellOffline } from './lib/offline-shell'
import { labelTaroPages } from './lib/page-accessibility'
import './app.css'

configureDayjs()
labelTaroPages()
connectSessionToHttp()
// H5: every consumer and volunteer page opens offline, even one never opened before.
keepShellOffline()
// Field reports waiting in the outbox go out at start and whenever the network comes back.
startOutboxAtLaunch(() => useSessionStore.getState().user?.id ?? null)

// The inbox and the 消息 badge follow the session: live while signed in, cleared on sign-out.
function followSessionWithNotifications() {
  const apply = (signedIn: boolean) => (signedIn ? startNotifications() : stopNotifications())
  apply(!!useSessionStore.getState().accessToken)
  useSessionStore.subscribe((state, previous) => {
    if (!!state.accessToken !== !!previous.accessToken) apply(!!state.accessToken)
  })
}
followSessionWithNotifications()

function App({ children }: PropsWithChildren) {
  useDidShow(() => wakeNotifications())
  return children
}

export default App
