import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { VOLUNTEER_APPLICATION_STATUS_LABELS, type VolunteerApplicationStatus } from '@/contract/field-report-rules'
import { hasWorkspace, ROLE_LABELS } from '@/contract/roles'
import { maskPhone } from '@/contract/rules'
import { getMe, LoginPrompt, logout, useSessionStore } from '@/features/auth'
import { getMyApplication } from '@/features/volunteer/api/applications'
import './index.css'

/** 我的 › the settings subpackage's pages (one list: the main package is at its size budget). */
const SETTINGS = [
  ['通知设置', 'notifications'],
  ['导出我的数据', 'export'],
  ['账号与安全', 'account'],
] as const

const WORKSPACE_TITLES = { volunteer: '志愿者工作台', enterprise: '企业处理台', staff: '消协工作台' } as const

export default function MePage() {
  const user = useSessionStore((s) => s.user)
  const setUser = useSessionStore((s) => s.setUser)
  const signOut = useSessionStore((s) => s.signOut)
  const [leaving, setLeaving] = useState(false)
  const [application, setApplication] = useState<VolunteerApplicationStatus | null>(null)

  useDidShow(() => {
    // The role may have changed since login (e.g. a volunteer approved by staff).
    if (!useSessionStore.getState().accessToken) return
    getMe().then(setUser, () => undefined)
    if (useSessionStore.getState().user?.role === 'consumer') getMyApplication().then((a) => setApplication(a?.status ?? null), () => undefined)
  })

  async function confirmLogout() {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出', cancelText: '取消', confirmColor: '#b71c1c' })
    if (!confirm) return
    setLeaving(true)
    try {
      await logout()
    } catch {
      // Signing out locally still matters when the network is down; the session expires on its own.
    } finally {
      signOut()
      setLeaving(false)
      void Taro.showToast({ title: '已退出登录', icon: 'success' })
    }
  }

  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason='登录后可以投诉、查看进度和接收通知' />
      </View>
    )
  }

  const workspaceTitle = user.role !== 'consumer' ? WORKSPACE_TITLES[user.role] : null
  return (
    <View className='page me'>
      <View className='card me__profile'>
        <Text className='me__avatar'>{user.displayName.slice(0, 1)}</Text>
        <View className='me__who'>
          <Text className='me__name'>{user.displayName}</Text>
          <Text className='me__phone'>{user.phone ? maskPhone(user.phone) : '微信登录'}</Text>
          <Text className={`me__role me__role--${user.role}`}>{ROLE_LABELS[user.role]}</Text>
          {user.enterprise && <Text className='muted'>{user.enterprise.name}</Text>}
        </View>
      </View>

      {hasWorkspace(user.role) && workspaceTitle && (
        <View
          className='card me__entry'
          hoverClass='me__entry--pressed'
          onClick={() => void Taro.navigateTo({ url: `/packages/${user.role}/pages/workspace/index` })}
        >
          <Text className='me__entry-title'>进入{workspaceTitle}</Text>
          <Text className='me__chevron'>›</Text>
        </View>
      )}

      {user.role === 'consumer' && (
        <View className='card me__entry' hoverClass='me__entry--pressed' onClick={() => void Taro.navigateTo({ url: '/packages/volunteer/pages/apply/index' })}>
          <Text className='me__entry-title'>申请成为维权志愿者</Text>
          {application && <Text className='muted'>{VOLUNTEER_APPLICATION_STATUS_LABELS[application]}</Text>}
          <Text className='me__chevron'>›</Text>
        </View>
      )}
      {SETTINGS.map(([title, page]) => (
        <View key={page} className='card me__entry' hoverClass='me__entry--pressed' onClick={() => void Taro.navigateTo({ url: `/packages/settings/pages/${page}/index` })}>
          <Text className='me__entry-title'>{title}</Text>
          <Text className='me__chevron'>›</Text>
        </View>
      ))}

      <Button className='btn btn-plain me__logout' loading={leaving || undefined} disabled={leaving || undefined} onClick={confirmLogout}>
        退出登录
      </Button>
    </View>
  )
}
