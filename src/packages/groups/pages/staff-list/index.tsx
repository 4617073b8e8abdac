import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useDesk } from '@/features/complaints/desk/use-desk'
import { StaffGroupList, StaffGroupView } from '@/features/groups'
import { WorkspaceShell } from '@/features/workspace'

/** 重点督办: on a phone a list that opens each group; at a desk (H5, 1024 px+) the list and the group side by side. */
export default function StaffGroupsPage() {
  const desk = useDesk()
  const [version, setVersion] = useState(0)
  const [selected, setSelected] = useState<string | null>(null)
  const refresh = () => setVersion((v) => v + 1)
  useDidShow(refresh)
  usePullDownRefresh(() => {
    refresh()
    void Taro.stopPullDownRefresh()
  })
  const open = (id: string) => (desk ? setSelected(id) : void Taro.navigateTo({ url: `/packages/groups/pages/staff-detail/index?id=${encodeURIComponent(id)}` }))
  return (
    <WorkspaceShell role='staff' title='重点督办' compact={desk}>
      <Text className='muted groups-intro'>同一商家短期内被多位消费者投诉，列为群体性投诉统一督办。本会和下级消协的都在这里。</Text>
      <View className={desk ? 'groups-desk' : ''}>
        <View className={desk ? 'groups-desk__list' : ''}>
          <StaffGroupList selectedId={selected} onOpen={open} version={version} />
        </View>
        {desk && <StaffGroupView groupId={selected ?? undefined} onChanged={refresh} />}
      </View>
    </WorkspaceShell>
  )
}
