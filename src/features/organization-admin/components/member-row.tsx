import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OrganizationRef } from '@/contract/organization'
import type { MemberPermissionsRequest, OrganizationAdminView, OrganizationMember } from '@/contract/organization-members'
import { errorMessage } from '@/lib/http'
import { removeMember, setPermissions } from '../api/organization-admin'
import { PermissionFields } from './permission-fields'

interface Props {
  organizationId: string
  member: OrganizationMember
  isMe: boolean
  /** The organization's only manager cannot leave (the server answers 409 LAST_MANAGER too). */
  lastManager: boolean
  stations: readonly OrganizationRef[]
  onChanged(view: OrganizationAdminView | null): void
}

/** What a member may do, in words: 管理 · 调解 · 值守：某某服务站. */
export function permissionWords(member: OrganizationMember): string {
  const words = [member.canManage && '管理', member.canMediate && '调解', member.canCreditFindings && '失信认定', member.station && `值守：${member.station.name}`].filter(Boolean)
  return words.length ? words.join(' · ') : '只能查看'
}

/** One member: name, masked phone, permissions; 设置权限 opens the switches, 移除 asks first. */
export function MemberRow({ organizationId, member, isMe, lastManager, stations, onChanged }: Props) {
  const [editing, setEditing] = useState<MemberPermissionsRequest | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')

  async function run(work: () => Promise<void>) {
    setBusy(true)
    setProblem('')
    try {
      await work()
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const save = () =>
    run(async () => {
      if (!editing) return
      onChanged(await setPermissions(organizationId, member.userId, editing))
      setEditing(null)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    })

  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '移除成员',
      content: `确定把“${member.displayName}”移出本组织吗？移除后 TA 不能再进入消协工作台，TA 负责的投诉回到待分配。`,
      confirmText: '移除',
      confirmColor: '#b71c1c',
      cancelText: '再想想',
    })
    if (!confirm) return
    await run(async () => {
      await removeMember(organizationId, member.userId)
      onChanged(null)
      void Taro.showToast({ title: '已移除', icon: 'success' })
    })
  }

  return (
    <View className='org-admin__member'>
      <View className='org-admin__member-head'>
        <Text className='org-admin__member-name'>
          {member.displayName}
          {isMe ? '（本人）' : ''}
        </Text>
        {member.phone && <Text className='muted'>{member.phone}</Text>}
      </View>
      <Text className='org-admin__member-rights'>{permissionWords(member)}</Text>
      {editing ? (
        <View className='action-form'>
          <PermissionFields value={editing} stations={stations} onChange={setEditing} />
          <View className='action-form__buttons'>
            <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void save()}>
              {busy ? '正在保存…' : '保存权限'}
            </Button>
            <Button className='btn btn-plain' onClick={() => setEditing(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className='org-admin__member-buttons'>
          <Button className='btn btn-secondary' onClick={() => setEditing({ canManage: member.canManage, canMediate: member.canMediate, canCreditFindings: member.canCreditFindings, stationId: member.station?.id ?? null })}>
            设置权限
          </Button>
          {!lastManager && (
            <Button className='btn btn-plain org-admin__remove' disabled={busy || undefined} onClick={() => void remove()}>
              移除
            </Button>
          )}
        </View>
      )}
      {lastManager && !editing && <Text className='muted'>本组织唯一的管理人员，不能移除</Text>}
      {problem && <Text className='field-error'>{problem}</Text>}
    </View>
  )
}
