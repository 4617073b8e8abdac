import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PhoneLoginForm, WechatLoginButton } from '@/features/auth'
import './index.css'

/** `?next=<encoded page URL>`: where the user was going when asked to sign in (e.g. 我要投诉). */
function nextPage(raw: string | undefined): string | null {
  if (!raw) return null
  let url = raw
  try {
    if (url.includes('%')) url = decodeURIComponent(url)
  } catch {
    return null
  }
  // Only pages of this app, never a tab page (those need switchTab) or another site.
  return /^\/(packages|pages)\/[\w/-]+(\?[\w=&%.-]*)?$/.test(url) && !url.startsWith('/pages/') ? url : null
}

async function leaveLoginPage(next: string | null, deletionCancelled: boolean) {
  if (deletionCancelled) {
    await Taro.showModal({ title: '注销申请已撤销', content: '冷静期内重新登录，注销申请已撤销，账号和数据不变。', showCancel: false, confirmText: '知道了', confirmColor: '#b71c1c' })
  } else {
    void Taro.showToast({ title: '登录成功', icon: 'success' })
  }
  if (next) void Taro.redirectTo({ url: next })
  else if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: '/pages/me/index' })
}

export default function LoginPage() {
  const [wechatProblem, setWechatProblem] = useState<string | null>(null)
  const next = nextPage(useRouter().params.next)
  return (
    <View className='page login'>
      <Text className='login__title'>登录维权通</Text>
      <Text className='login__subtitle'>首次登录将自动注册</Text>

      {process.env.TARO_ENV === 'weapp' && (
        <View className='login__wechat'>
          <WechatLoginButton onSignedIn={(cancelled) => void leaveLoginPage(next, cancelled)} onUnavailable={setWechatProblem} />
          {wechatProblem && <Text className='field-error'>{wechatProblem}</Text>}
          <Text className='login__divider'>或使用手机号登录</Text>
        </View>
      )}

      <View className='card'>
        <PhoneLoginForm onSignedIn={(cancelled) => void leaveLoginPage(next, cancelled)} />
      </View>
      <Text className='muted login__terms'>登录即表示您同意《用户服务协议》和《隐私政策》。我们只用您的手机号处理投诉和通知您进度。</Text>
    </View>
  )
}
