import { useState } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { StaffQa } from '@/features/lawyers'
import { StaffAid } from '@/features/legal-aid'
import './index.css'

/** 消协工作台 › 律师: team, sessions and publication (律师答疑), and legal aid requests (法律援助). */
export default function StaffQaPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<'qa' | 'aid'>(params.tab === 'aid' ? 'aid' : 'qa')
  return (
    <View className='page'>
      <View className='page-tabs' role='tablist'>
        <View role='tab' aria-selected={tab === 'qa'} className={`page-tab ${tab === 'qa' ? 'page-tab--on' : ''}`} onClick={() => setTab('qa')}>
          律师答疑
        </View>
        <View role='tab' aria-selected={tab === 'aid'} className={`page-tab ${tab === 'aid' ? 'page-tab--on' : ''}`} onClick={() => setTab('aid')}>
          法律援助
        </View>
      </View>
      {tab === 'qa' ? <StaffQa /> : <StaffAid />}
    </View>
  )
}
