import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { GROUP_STATUS_LABELS, type ConsumerGroupView } from '@/contract/complaint-group'
import { errorMessage } from '@/lib/http'
import { getComplaintGroup, joinGroup } from '../api/groups'
import { GroupProgress } from './group-progress'
import './groups.css'

type Group = NonNullable<ConsumerGroupView['group']>

/**
 * On a consumer's complaint: the group complaint (集体投诉) it is in — its size and progress, nobody's
 * personal data — or the open one about the same business, to join with one tap. Nothing when neither.
 */
export function GroupOffer({ complaintId, onJoined }: { complaintId?: string; onJoined?: () => void }) {
  const [group, setGroup] = useState<Group | null>(null)
  const [joining, setJoining] = useState(false)
  const [problem, setProblem] = useState('')

  useEffect(() => {
    if (!complaintId) return
    // No group is the usual answer; a failure here must not get in the way of the complaint itself.
    getComplaintGroup(complaintId).then(setGroup, () => setGroup(null))
  }, [complaintId])

  if (!group || !complaintId) return null

  async function join() {
    if (!group || !complaintId || joining) return
    setJoining(true)
    setProblem('')
    try {
      setGroup(await joinGroup(group.id, complaintId))
      void Taro.showToast({ title: '已加入集体投诉', icon: 'success' })
      onJoined?.()
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setJoining(false)
    }
  }

  return (
    <View className='card group-offer' role='region' aria-label='集体投诉'>
      <Text className='section-title'>集体投诉</Text>
      {group.member ? (
        <Text className='group-offer__lead'>
          您的投诉已和其他 {group.memberCount - 1} 位消费者对「{group.businessName}」的投诉合在一起，由消协统一督办（{GROUP_STATUS_LABELS[group.status]}）。
        </Text>
      ) : (
        <Text className='group-offer__lead'>已有 {group.memberCount} 位消费者投诉了「{group.businessName}」，消协正在统一督办。加入后一起处理，您的金额和诉求不变。</Text>
      )}
      {!group.member && (
        <Button className='btn btn-primary group-offer__join' disabled={joining || undefined} onClick={() => void join()}>
          {joining ? '正在加入…' : '加入集体投诉'}
        </Button>
      )}
      {problem && <Text className='group-offer__problem'>{problem}</Text>}
      {group.member && <GroupProgress events={group.events} />}
      <Text className='muted'>其他消费者的姓名、电话等信息不会告诉您，您的信息也不会告诉他们。</Text>
    </View>
  )
}
