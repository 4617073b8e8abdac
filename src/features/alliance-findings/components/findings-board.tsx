import { useCallback, useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Alliance } from '@/contract/alliance'
import type { FindingFeed } from '@/contract/alliance-finding'
import { PageState } from '@/components/page-state'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { getAlliances, getFindingFeed } from '../api/alliance-findings'
import { FindingCard } from './finding-card'
import { PublishForm } from './publish-form'
import './alliance-findings.css'

type Feed = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'outside' } | { kind: 'ready'; feed: FindingFeed; loadingMore: boolean }

/** 联盟: the alliances of the caller's organization, one's shared findings newest first, and 发布新发现. */
export function FindingsBoard() {
  const [alliances, setAlliances] = useState<Alliance[] | null>(null)
  const [problem, setProblem] = useState('')
  const [chosen, setChosen] = useState<string | null>(null)
  const [feed, setFeed] = useState<Feed>({ kind: 'loading' })
  const [writing, setWriting] = useState(false)

  const loadAlliances = useCallback(() => {
    setProblem('')
    getAlliances()
      .then((list) => {
        setAlliances(list.items)
        setChosen((current) => current ?? list.items[0]?.id ?? null)
      })
      .catch((error: unknown) => setProblem(errorMessage(error)))
  }, [])
  useEffect(loadAlliances, [loadAlliances])

  const loadFeed = useCallback(() => {
    if (!chosen) return
    setFeed({ kind: 'loading' })
    getFindingFeed(chosen)
      .then((page) => setFeed({ kind: 'ready', feed: page, loadingMore: false }))
      // An alliance listed for an organization above its members (a province) shares nothing with it.
      .catch((error: unknown) => setFeed(error instanceof ApiRequestError && error.status === 404 ? { kind: 'outside' } : { kind: 'error', message: errorMessage(error) }))
  }, [chosen])
  useEffect(loadFeed, [loadFeed])

  async function more() {
    if (feed.kind !== 'ready' || !feed.feed.nextCursor || !chosen) return
    setFeed({ ...feed, loadingMore: true })
    try {
      const next = await getFindingFeed(chosen, feed.feed.nextCursor)
      setFeed({ kind: 'ready', feed: { ...next, items: [...feed.feed.items, ...next.items] }, loadingMore: false })
    } catch (error) {
      setFeed({ kind: 'error', message: errorMessage(error) })
    }
  }

  if (!alliances) return problem ? <PageState kind='error' description={problem} onRetry={loadAlliances} /> : <PageState kind='loading' />
  if (alliances.length === 0) return <PageState kind='empty' title='本组织没有加入联盟' description='加入联盟后，可以和其他地区的消协共享发现（由系统管理员用 add-to-alliance 加入）' />
  const alliance = alliances.find((a) => a.id === chosen) ?? alliances[0]!

  return (
    <View className='findings-board'>
      <View className='findings-board__side'>
        {alliances.length > 1 && (
          <View className='findings-board__tabs'>
            {alliances.map((a) => (
              <Button key={a.id} className={`btn ${a.id === alliance.id ? 'btn-primary' : 'btn-plain'}`} onClick={() => setChosen(a.id)}>
                {a.name}
              </Button>
            ))}
          </View>
        )}
        <View className='card'>
          <Text className='findings-board__name'>{alliance.name}</Text>
          <Text className='muted'>成员：{alliance.members.map((m) => m.name).join('、')}</Text>
          <Text className='muted'>成员组织及其下级的工作人员都能看到这里的发现；在投诉和重点督办里遇到同一商家时，会显示“联盟成员已发现”。</Text>
        </View>
        {feed.kind === 'ready' &&
          (writing ? (
            <PublishForm
              allianceId={alliance.id}
              allianceName={alliance.name}
              onCancel={() => setWriting(false)}
              onPublished={(finding) => {
                setWriting(false)
                setFeed({ ...feed, feed: { ...feed.feed, items: [finding, ...feed.feed.items] } })
              }}
            />
          ) : (
            <Button className='btn btn-primary findings-board__write' onClick={() => setWriting(true)}>
              发布新发现
            </Button>
          ))}
      </View>
      <View className='findings-board__feed'>
        <Text className='section-title findings-board__feed-title'>联盟共享的发现（最新在前）</Text>
        {feed.kind === 'loading' && <PageState kind='loading' />}
        {feed.kind === 'error' && <PageState kind='error' description={feed.message} onRetry={loadFeed} />}
        {feed.kind === 'outside' && <PageState kind='empty' title='本组织不是这个联盟的成员' description='只有成员组织及其下级的工作人员能看到联盟共享的发现' />}
        {feed.kind === 'ready' && feed.feed.items.length === 0 && (
          <View className='card'>
            <PageState kind='empty' title='联盟里还没有共享的发现' description='发现某家商家的问题会波及邻近城市时，点“发布新发现”告诉联盟成员' />
          </View>
        )}
        {feed.kind === 'ready' &&
          feed.feed.items.map((finding) => (
            <View key={finding.id} className='card'>
              <FindingCard finding={finding} />
            </View>
          ))}
        {feed.kind === 'ready' && feed.feed.nextCursor && (
          <Button className='btn btn-secondary' disabled={feed.loadingMore || undefined} onClick={() => void more()}>
            {feed.loadingMore ? '正在加载…' : '加载更多'}
          </Button>
        )}
      </View>
    </View>
  )
}
