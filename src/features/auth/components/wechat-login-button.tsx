import { useState } from 'react'
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { loginWithWechat } from '../api/login-with-wechat'
import { useSessionStore } from '../stores/use-session-store'

interface Props {
  /** `deletionCancelled`: this login cancelled the account's pending deletion. */
  onSignedIn(deletionCancelled: boolean): void
  /** Called when WeChat login is not available, so the page can point to phone login. */
  onUnavailable(message: string): void
}

/** Mini-program only: wx.login code → our server → WeChat's jscode2session. */
export function WechatLoginButton({ onSignedIn, onUnavailable }: Props) {
  const signIn = useSessionStore((s) => s.signIn)
  const [busy, setBusy] = useState(false)

  async function login() {
    if (busy) return
    setBusy(true)
    try {
      const { code } = await Taro.login()
      const session = await loginWithWechat({ code })
      signIn(session)
      onSignedIn(session.deletionCancelled === true)
    } catch (error) {
      const message = error instanceof ApiRequestError ? error.message : errorMessage(error)
      onUnavailable(message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button className='btn btn-primary wechat-login' loading={busy || undefined} disabled={busy || undefined} onClick={login}>
      微信一键登录
    </Button>
  )
}
