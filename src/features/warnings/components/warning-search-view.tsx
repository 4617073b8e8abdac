import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { searchWarnings } from '../api/public-warnings'
import type { WarningSearchResponse } from '../api/warning-types'
import { warningDetailPath } from '../share/warning-link'
import { WarningCard } from './warning-card'
import './warnings.css'

const SUGGESTED = ['预付卡', '会销', '退款', '装修', '直播', '充值']

type State = { kind: 'idle' } | { kind: 'searching'; q: string } | { kind: 'found'; q: string; answer: WarningSearchResponse } | { kind: 'error'; q: string; message: string }

/** Full-text search (2–40 characters); matched words are marked in titles and summaries. */
export function WarningSearchView({ initial }: { initial?: string }) {
  const [text, setText] = useState(initial ?? '')
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [hint, setHint] = useState<string | null>(null)

  useEffect(() => {
    if (initial) void search(initial)
    // only the query the page was opened with
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  async function search(raw: string) {
    const q = raw.trim()
    setText(q)
    if (q.length < 2 || q.length > 40) return setHint('请输入 2 到 40 个字')
    setHint(null)
    setState({ kind: 'searching', q })
    try {
      setState({ kind: 'found', q, answer: await searchWarnings(q) })
    } catch (error) {
      setState({ kind: 'error', q, message: errorMessage(error) })
    }
  }

  return (
    <View className='page warning-search'>
      <View className='warning-search__bar'>
        <Input
          className='field-input warning-search__input'
          value={text}
          placeholder='关键词，如 退款'
          aria-label='搜索关键词'
          confirmType='search'
          focus={!initial}
          maxlength={40}
          onInput={(event) => setText(event.detail.value)}
          onConfirm={(event) => void search(event.detail.value)}
        />
        <Button className='btn btn-primary warning-search__go' onClick={() => void search(text)}>
          搜索
        </Button>
      </View>
      {hint && <Text className='field-error'>{hint}</Text>}

      {state.kind === 'idle' && (
        <View className='card'>
          <Text className='muted'>大家常搜：</Text>
          <View className='warning-card__tags'>
            {SUGGESTED.map((word) => (
              <View key={word} className='warning-tag warning-tag--tip warning-suggestion' role='button' onClick={() => void search(word)}>
                {word}
              </View>
            ))}
          </View>
        </View>
      )}
      {state.kind === 'searching' && <PageState kind='loading' title='正在搜索…' />}
      {state.kind === 'error' && <PageState kind='error' description={state.message} onRetry={() => void search(state.q)} />}
      {state.kind === 'found' &&
        (state.answer.items.length === 0 ? (
          <View className='card'>
            <PageState kind='empty' title={`没有找到“${state.q}”相关的警示`} description='换个说法试试，比如“退款”“预付卡”' />
          </View>
        ) : (
          <View>
            <Text className='muted'>找到 {state.answer.total} 条与“{state.q}”相关的警示</Text>
            {state.answer.items.map((hit) => (
              <WarningCard key={hit.id} warning={hit} highlight={hit.highlight} onOpen={(id) => void Taro.navigateTo({ url: warningDetailPath(id) })} />
            ))}
          </View>
        ))}
    </View>
  )
}
