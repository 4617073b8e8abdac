import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { myEnterpriseFindings } from '../api/credit-findings'

/** On the enterprise workspace: a card when a finding about the enterprise may still be answered or is public. */
export function FindingsNotice() {
  const [open, setOpen] = useState(0)
  const [total, setTotal] = useState(0)
  const load = useCallback(() => {
    myEnterpriseFindings()
      .then((list) => {
        setOpen(list.items.filter((f) => f.canAppeal).length)
        setTotal(list.items.length)
      })
      // Quietly nothing: the inbox is what this page is for, and the notice comes by message too.
      .catch(() => setTotal(0))
  }, [])
  useDidShow(load)
  if (total === 0) return null
  return (
    <View className='card' onClick={() => void Taro.navigateTo({ url: '/packages/enterprise/pages/finding/index' })} aria-label='失信认定与申辩'>
      <Text className='section-title' style={{ display: 'block', color: '#b71c1c' }}>
        失信认定{open > 0 ? `：${open} 项可以申辩` : ''} ›
      </Text>
      <Text className='muted'>消协对贵企业提出的失信认定，申辩和复核结果</Text>
    </View>
  )
}
