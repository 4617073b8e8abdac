import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Alliance } from '@/contract/alliance'
import { ORGANIZATION_LEVEL_LABELS } from '@/contract/organization'
import type { OrganizationAdminView } from '@/contract/organization-members'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { getAlliances, getMine, getOrganizationAdmin } from '../api/organization-admin'
import { AddMember } from './add-member'
import { ChildOrganizations } from './child-organizations'
import { MemberRow } from './member-row'
import './organization-admin.css'

const open = (url: string) => void Taro.navigateTo({ url })

/**
 * 组织管理 for staff with 管理: the organization's members and what each may do, its child
 * organizations, and the alliances it is in. `organizationId` absent: the caller's own organization.
 */
export function OrganizationAdmin({ organizationId }: { organizationId?: string }) {
  const [view, setView] = useState<OrganizationAdminView | null>(null)
  const [alliances, setAlliances] = useState<Alliance[]>([])
  const [problem, setProblem] = useState('')

  const load = useCallback(async () => {
    setProblem('')
    try {
      const id = organizationId ?? (await getMine()).organization.id
      const [admin, list] = await Promise.all([getOrganizationAdmin(id), getAlliances()])
      setView(admin)
      setAlliances(list.items)
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }, [organizationId])

  useEffect(() => {
    void load()
  }, [load])

  if (!view) return problem ? <PageState kind='error' description={problem} onRetry={() => void load()} /> : <PageState kind='loading' />
  const { organization } = view
  const changed = (next: OrganizationAdminView | null) => (next ? setView(next) : void load())
  const managers = view.members.filter((m) => m.canManage).length

  return (
    <View className='org-admin'>
      <View className='card org-admin__title'>
        <Text className='org-admin__name'>{organization.name}</Text>
        <Text className='muted'>
          {ORGANIZATION_LEVEL_LABELS[organization.level]} · 行政区划代码 {organization.regionCode ?? '—'}
        </Text>
      </View>
      <View className='org-admin__columns'>
        <View className='card org-admin__members'>
          <Text className='section-title'>成员（{view.members.length} 人）</Text>
          {view.members.length === 0 && <Text className='muted org-admin__empty'>还没有成员，请添加</Text>}
          {view.members.map((member) => (
            <MemberRow key={member.userId} organizationId={organization.id} member={member} isMe={member.userId === view.me} lastManager={member.canManage && managers === 1} stations={view.stations} onChanged={changed} />
          ))}
          <AddMember organizationId={organization.id} stations={view.stations} onAdded={setView} />
        </View>
        <View className='org-admin__side'>
          <ChildOrganizations parent={organization} items={view.children} onOpen={(id) => open(`/packages/staff-organization/pages/manage/index?id=${encodeURIComponent(id)}`)} onCreated={() => void load()} />
          <View className='card'>
            <Text className='section-title'>所在联盟</Text>
            {alliances.length === 0 && <Text className='muted org-admin__empty'>没有加入联盟（由系统管理员用 add-to-alliance 加入）</Text>}
            {alliances.map((alliance) => (
              <View key={alliance.id} className='org-admin__child' role='link' hoverClass='complaint-item--pressed' onClick={() => open(`/packages/staff-organization/pages/alliance/index?id=${encodeURIComponent(alliance.id)}`)}>
                <Text className='org-admin__member-name'>{alliance.name}</Text>
                <Text className='muted'>成员：{alliance.members.map((m) => m.name).join('、')}</Text>
                <Text className='complaint-item__more'>联盟移送的投诉 ›</Text>
              </View>
            ))}
          </View>
        </View>
      </View>
    </View>
  )
}
