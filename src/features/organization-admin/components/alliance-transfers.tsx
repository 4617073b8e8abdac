import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AllianceTransferList } from '@/contract/alliance'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { getAllianceTransfers } from '../api/organization-admin'
import './organization-admin.css'

const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** 联盟移送的投诉: what the caller's organization sent across or received in one alliance, newest first. */
export function AllianceTransfers({ allianceId }: { allianceId: string }) {
  const [list, setList] = useState<AllianceTransferList | null>(null)
  const [problem, setProblem] = useState('')
  const load = useCallback(() => {
    setProblem('')
    getAllianceTransfers(allianceId)
      .then(setList)
      .catch((error: unknown) => setProblem(errorMessage(error)))
  }, [allianceId])
  useEffect(load, [load])

  if (!list) return problem ? <PageState kind='error' description={problem} onRetry={load} /> : <PageState kind='loading' />
  return (
    <View className='org-admin'>
      <View className='card org-admin__title'>
        <Text className='org-admin__name'>{list.alliance.name}</Text>
        <Text className='muted'>成员：{list.alliance.members.map((m) => m.name).join('、')}</Text>
        <Text className='muted'>移出的投诉本组织仍可查看，由接收方办理。</Text>
      </View>
      {list.items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='还没有联盟移送的投诉' description='在投诉的“承办组织”处可以联盟移送给其他地区的成员' />
        </View>
      ) : (
        list.items.map((item) => (
          <View
            key={`${item.complaintId}-${item.at}`}
            className='card org-admin__transfer'
            role='link'
            hoverClass='complaint-item--pressed'
            onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/complaint/index?id=${encodeURIComponent(item.complaintId)}` })}
          >
            <Text className='org-admin__member-name'>{item.businessName}</Text>
            <Text className='muted'>
              {item.number} · {day(item.at)}
            </Text>
            <Text className='org-admin__member-rights'>
              {item.from.name} → {item.to.name}
            </Text>
            <Text className='muted'>原因：{item.reason}</Text>
            {item.holder && <Text className='muted'>现在由 {item.holder.name} 办理</Text>}
            <Text className='complaint-item__more'>查看投诉 ›</Text>
          </View>
        ))
      )}
    </View>
  )
}
