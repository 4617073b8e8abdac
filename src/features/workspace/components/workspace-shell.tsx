import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Role } from '@/contract/roles'
import { ROLE_LABELS } from '@/contract/roles'
import { PageState } from '@/components/page-state'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import './workspace-shell.css'

interface Props {
  role: Exclude<Role, 'consumer'>
  title: string
  children: ReactNode
  /** Without the greeting card, for a page whose title bar already says where the user is. */
  compact?: boolean
}

/** Frame of every role workspace: checks the role, greets the user, shows the role's sections. */
export function WorkspaceShell({ role, title, children, compact = false }: Props) {
  const user = useSessionStore((s) => s.user)
  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason={`${title}仅限${ROLE_LABELS[role]}使用，请先登录`} />
      </View>
    )
  }
  if (user.role !== role) {
    return (
      <View className='page'>
        <PageState kind='empty' title='无权访问' description={`${title}仅限${ROLE_LABELS[role]}使用`} />
      </View>
    )
  }
  return (
    <View className='page workspace'>
      {!compact && (
        <View className='card workspace__header'>
          <Text className='workspace__title'>{title}</Text>
          <Text className='muted'>
            {user.displayName}
            {user.enterprise ? ` · ${user.enterprise.name}` : ''}
          </Text>
        </View>
      )}
      {children}
    </View>
  )
}
