import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StaffMember } from '@/contract/complaint-actions'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { getStaffMembers } from '../api/get-staff-members'
import './handling.css'

const RED = '#b71c1c'

interface Props {
  /** Who is responsible now (null: nobody yet). */
  assignedStaffId: string | null
  userId: string
  sending: boolean
  onAssign(staffId: string): Promise<void>
  onCancel(): void
}

/** 负责人：… for the staff view of a complaint: the colleague's name, 您, or nobody yet. */
export function AssigneeLine({ assignedStaffId, userId }: { assignedStaffId: string | null; userId: string }) {
  const [name, setName] = useState<string | null>(null)
  useEffect(() => {
    setName(null)
    if (!assignedStaffId || assignedStaffId === userId) return
    getStaffMembers()
      .then(({ items }) => setName(items.find((m) => m.id === assignedStaffId)?.displayName ?? '其他工作人员'))
      .catch(() => setName('其他工作人员'))
  }, [assignedStaffId, userId])
  const who = !assignedStaffId ? '还没有人负责' : assignedStaffId === userId ? '您' : (name ?? '…')
  return <Text className='muted assignee-line'>负责人：{who}</Text>
}

/** The list of colleagues, one big row each; choosing one asks for confirmation first. */
export function AssignPicker({ assignedStaffId, userId, sending, onAssign, onCancel }: Props) {
  const [members, setMembers] = useState<StaffMember[] | null>(null)
  const [problem, setProblem] = useState('')

  const load = () => {
    setProblem('')
    getStaffMembers()
      .then(({ items }) => setMembers(items))
      .catch((error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [])

  async function choose(member: StaffMember) {
    if (sending) return
    const taking = assignedStaffId ? '这件投诉已有负责人，' : ''
    const { confirm } = await Taro.showModal({
      title: '分配投诉',
      content: `${taking}确定改由${member.id === userId ? '您本人' : `“${member.displayName}”`}负责吗？`,
      confirmText: '确定分配',
      cancelText: '再想想',
      confirmColor: RED,
    })
    if (confirm) await onAssign(member.id)
  }

  const others = members?.filter((member) => member.id !== assignedStaffId) ?? []
  return (
    <View className='action-form assign-picker'>
      {problem ? (
        <PageState kind='error' description={problem} onRetry={load} />
      ) : !members ? (
        <PageState kind='loading' />
      ) : others.length === 0 ? (
        <Text className='muted'>没有其他可以分配的工作人员。</Text>
      ) : (
        others.map((member) => (
          <View key={member.id} className='assign-picker__row' role='button' hoverClass='complaint-item--pressed' onClick={() => void choose(member)}>
            <Text>{member.displayName}</Text>
            <Text className='assign-picker__me'>{member.id === userId ? '（我）' : ''}选择 ›</Text>
          </View>
        ))
      )}
      <Button className='btn btn-plain' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
