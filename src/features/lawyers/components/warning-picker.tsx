import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { errorMessage } from '@/lib/http'
import { searchWarnings } from '../api/lawyer-qa'

export interface PickedWarning {
  id: string
  title: string
}

/** 阅读相关警示: search the published warnings (2 characters or more) and pick one, or none. */
export function WarningPicker({ picked, onPick }: { picked: PickedWarning | null; onPick: (warning: PickedWarning | null) => void }) {
  const [term, setTerm] = useState('')
  const [found, setFound] = useState<PickedWarning[] | null>(null)
  const [problem, setProblem] = useState('')
  useEffect(() => {
    const q = term.trim()
    if ([...q].length < 2) return setFound(null)
    let live = true
    const timer = setTimeout(() => {
      searchWarnings(q).then(
        (result) => live && (setFound(result.items.slice(0, 5).map((w) => ({ id: w.id, title: w.title }))), setProblem('')),
        (error: unknown) => live && setProblem(errorMessage(error)),
      )
    }, 300)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [term])

  if (picked) {
    return (
      <View className='qa-chip qa-chip--on' role='button' aria-pressed onClick={() => onPick(null)}>
        ✓ 相关警示：{picked.title}（点一下取消）
      </View>
    )
  }
  return (
    <View className='qa-warning-picker'>
      <Input className='field-input' value={term} placeholder='输入 2 个字以上，搜索已发布的消费警示' aria-label='搜索相关警示' onInput={(e) => setTerm(e.detail.value)} />
      {problem && <Text className='field-error'>{problem}</Text>}
      {found && found.length === 0 && <Text className='qa-line muted'>没有找到相关的消费警示</Text>}
      {found?.map((warning) => (
        <View key={warning.id} className='qa-chip' role='button' onClick={() => onPick(warning)}>
          {warning.title}
        </View>
      ))}
    </View>
  )
}
