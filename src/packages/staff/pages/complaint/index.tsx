import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useSessionStore } from '@/features/auth'
import { WorkDetail } from '@/features/complaints/handling/work-detail'
import { MoveCase } from '@/features/organizations'
import { WorkspaceShell } from '@/features/workspace'
import '@/features/complaints/filing/filing.css'

const WORKSPACE = '/packages/staff/pages/workspace/index'

export default function StaffComplaintPage() {
  const userId = useSessionStore((s) => s.user?.id ?? '')
  const { params } = useRouter()
  // A move (移送/交办/提级) changes status, deadline and holder: the detail reads the case again,
  // unless the case left the mover's organization (then they may no longer open it).
  const [moves, setMoves] = useState(0)
  const [gone, setGone] = useState<string | null>(null)
  return (
    <WorkspaceShell role='staff' title='处理投诉' compact>
      {gone ? (
        <View className='card'>
          <Text className='section-title'>投诉已转出</Text>
          <Text className='muted'>这件投诉现在由“{gone}”处理，本组织不再显示它。</Text>
          <Button className='btn btn-primary' onClick={() => void Taro.redirectTo({ url: WORKSPACE })}>
            返回工作台
          </Button>
        </View>
      ) : (
        <WorkDetail key={moves} complaintId={params.id} role='staff' userId={userId} />
      )}
      {params.id && !gone && (
        <MoveCase
          complaintId={params.id}
          onMoved={(detail, stillVisible) => {
            if (stillVisible) return setMoves((n) => n + 1)
            setGone(detail.organization?.name ?? '其他组织')
            void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
          }}
        />
      )}
    </WorkspaceShell>
  )
}
