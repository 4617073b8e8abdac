import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OrganizationRef } from '@/contract/organization'
import type { MemberPermissionsRequest, OrganizationAdminView } from '@/contract/organization-members'
import { phoneError } from '@/contract/rules'
import { errorMessage } from '@/lib/http'
import { addMember } from '../api/organization-admin'
import { PermissionFields } from './permission-fields'

const START: MemberPermissionsRequest = { canManage: false, canMediate: true, canCreditFindings: false, stationId: null }

/** 添加工作人员 by phone; the name is needed only when the phone has no account yet. */
export function AddMember({ organizationId, stations, onAdded }: { organizationId: string; stations: readonly OrganizationRef[]; onAdded(view: OrganizationAdminView): void }) {
  const [open, setOpen] = useState(false)
  const [phone, setPhone] = useState('')
  const [name, setName] = useState('')
  const [permissions, setPermissions] = useState(START)
  const [problem, setProblem] = useState('')
  const [sending, setSending] = useState(false)

  async function submit() {
    const invalid = phoneError(phone)
    if (invalid) return setProblem(invalid)
    setSending(true)
    setProblem('')
    try {
      onAdded(await addMember(organizationId, { phone, ...(name.trim() ? { displayName: name.trim() } : {}), ...permissions }))
      setOpen(false)
      setPhone('')
      setName('')
      setPermissions(START)
      void Taro.showToast({ title: '已添加', icon: 'success' })
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setSending(false)
    }
  }

  if (!open) {
    return (
      <Button className='btn btn-primary' onClick={() => setOpen(true)}>
        添加工作人员
      </Button>
    )
  }
  return (
    <View className='action-form'>
      <Text className='section-title'>添加工作人员</Text>
      <Text className='org-admin__label'>手机号</Text>
      <Input className='field-input' type='number' maxlength={11} placeholder='11 位手机号' value={phone} aria-label='手机号' onInput={(e) => setPhone(e.detail.value)} />
      <Text className='org-admin__label'>姓名（还没有账号时必填）</Text>
      <Input className='field-input' maxlength={30} placeholder='例如：王干事' value={name} aria-label='姓名' onInput={(e) => setName(e.detail.value)} />
      <PermissionFields value={permissions} stations={stations} onChange={setPermissions} />
      {problem && <Text className='field-error'>{problem}</Text>}
      <View className='action-form__buttons'>
        <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void submit()}>
          {sending ? '正在添加…' : '确定添加'}
        </Button>
        <Button className='btn btn-plain' onClick={() => setOpen(false)}>
          取消
        </Button>
      </View>
    </View>
  )
}
