import { type PropsWithChildren } from 'react'
import { connectSessionToHttp } from './features/auth'
import { configureDayjs } from './lib/dates'
import './app.css'

configureDayjs()
connectSessionToHttp()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
