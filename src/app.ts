import { type PropsWithChildren } from 'react'
import { connectSessionToHttp, useSessionStore } from './features/auth'
import { startOutboxSync } from './features/volunteer'
import { configureDayjs } from './lib/dates'
import './app.css'

configureDayjs()
connectSessionToHttp()
// Field reports waiting in the outbox go out at start and whenever the network comes back.
startOutboxSync(() => useSessionStore.getState().user?.id ?? null)

function App({ children }: PropsWithChildren) {
  return children
}

export default App
