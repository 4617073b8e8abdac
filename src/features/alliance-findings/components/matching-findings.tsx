import { useCallback, useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { AllianceFinding } from '@/contract/alliance-finding'
import { errorMessage } from '@/lib/http'
import { getComplaintFindings, getGroupFindings } from '../api/alliance-findings'
import { FindingCard } from './finding-card'
import './alliance-findings.css'

/**
 * 联盟成员已发现 on a case or a group: what partners in the caller's alliances found about the same
 * business. Shows nothing while loading or when there is nothing, so most cases look as before.
 */
export function MatchingFindings({ complaintId, groupId }: { complaintId?: string; groupId?: string }) {
  const [items, setItems] = useState<AllianceFinding[] | null>(null)
  const [problem, setProblem] = useState('')
  const load = useCallback(() => {
    setProblem('')
    const request = complaintId ? getComplaintFindings(complaintId) : groupId ? getGroupFindings(groupId) : null
    request
      ?.then((found) => setItems(found.items))
      .catch((error: unknown) => setProblem(errorMessage(error)))
  }, [complaintId, groupId])
  useEffect(load, [load])

  if (problem) {
    return (
      <View className='card findings-notice' role='alert'>
        <Text className='findings-notice__title'>联盟成员的发现没有读出来</Text>
        <Text className='muted'>{problem}</Text>
        <Button className='btn btn-secondary' onClick={load}>
          重试
        </Button>
      </View>
    )
  }
  if (!items || items.length === 0) return null
  return (
    <View className='card findings-notice' aria-label='联盟成员已发现'>
      <Text className='findings-notice__title'>联盟成员已发现</Text>
      <Text className='muted'>联盟成员发布过关于这家商家的发现，可以联系对方协同处理：</Text>
      {items.map((finding) => (
        <FindingCard key={finding.id} finding={finding} showAlliance />
      ))}
    </View>
  )
}
