import { useEffect, useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { INDUSTRIES, INDUSTRY_LABELS, type Industry } from '@/contract/complaint-rules'
import { WARNING_KINDS, WARNING_KIND_LABELS, type WarningKind } from '@/contract/warning-kinds'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { listWarnings } from '../api/public-warnings'
import type { WarningListResponse, WarningSummary } from '../api/warning-types'
import { isOffline, savedWarnings } from '../offline/saved-warnings'
import { WARNING_SEARCH_PAGE, warningDetailPath } from '../share/warning-link'
import { OfflineNotice } from './offline-notice'
import { WarningCard } from './warning-card'
import './warnings.css'

// Two cards fill a phone screen; fewer first-page cards render sooner on slow phones.
const PAGE_SIZE = 8
const FIRST_PAGE = { page: 1, pageSize: PAGE_SIZE }
let prefetched: Promise<WarningListResponse> | null = null

/**
 * Called when the list page's code loads, before React mounts it: the first page is then on its way
 * while the page renders (it is the largest thing on screen, so it decides how soon the page is usable).
 */
export function prefetchWarningList(): void {
  prefetched ??= listWarnings(FIRST_PAGE)
  prefetched.catch(() => undefined)
}

function firstPage(kind: WarningKind | undefined, industry: Industry | undefined): Promise<WarningListResponse> {
  const ready = !kind && !industry ? prefetched : null
  prefetched = null
  return ready ?? listWarnings({ kind, industry, ...FIRST_PAGE })
}
const TABS: Array<{ kind: WarningKind | undefined; label: string }> = [
  { kind: undefined, label: '全部' },
  ...WARNING_KINDS.map((kind) => ({ kind, label: WARNING_KIND_LABELS[kind].replace('消费', '') })),
]
const INDUSTRY_CHOICES: Array<Industry | undefined> = [undefined, ...INDUSTRIES]
const industryText = (industry: Industry | undefined) => (industry ? INDUSTRY_LABELS[industry] : '全部行业')

interface Listing {
  pinned: WarningSummary[]
  items: WarningSummary[]
  total: number
  page: number
  /** set when the list comes from the device because the network failed */
  savedAt?: string
}

/** 消费警示 list: kind tabs, an industry filter, urgent ones pinned on top, paged with 加载更多. */
export function WarningListView() {
  const [kind, setKind] = useState<WarningKind | undefined>(undefined)
  const [industry, setIndustry] = useState<Industry | undefined>(undefined)
  const [listing, setListing] = useState<Listing | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    setListing(null)
    setProblem(null)
    firstPage(kind, industry).then(
      (answer) => {
        if (!live) return
        setListing({ pinned: answer.pinned, items: answer.items, total: answer.total, page: 1 })
        void savedWarnings.rememberListed([...answer.pinned, ...answer.items])
      },
      async (error: unknown) => {
        const saved = isOffline(error) ? await savedWarnings.listed() : undefined
        if (!live) return
        if (!saved) return setProblem(errorMessage(error))
        const matching = saved.value.filter((w) => (!kind || w.kind === kind) && (!industry || w.industry === industry))
        setListing({ pinned: matching.filter((w) => w.urgent), items: matching.filter((w) => !w.urgent), total: 0, page: 1, savedAt: saved.savedAt })
      },
    )
    return () => {
      live = false
    }
  }, [kind, industry, attempt])

  async function loadMore() {
    if (!listing || loadingMore) return
    setLoadingMore(true)
    try {
      const answer = await listWarnings({ kind, industry, page: listing.page + 1, pageSize: PAGE_SIZE })
      setListing({ ...listing, items: [...listing.items, ...answer.items], total: answer.total, page: listing.page + 1 })
      void savedWarnings.rememberListed(answer.items)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setLoadingMore(false)
    }
  }

  const open = (id: string) => void Taro.navigateTo({ url: warningDetailPath(id) })
  const hasMore = !!listing && !listing.savedAt && listing.items.length < listing.total

  return (
    <View className='page warnings'>
      <View className='warning-toolbar'>
        <View className='warning-toolbar__item' role='button' onClick={() => void Taro.navigateTo({ url: WARNING_SEARCH_PAGE })}>
          <Text>搜索警示</Text>
        </View>
        <View className='warning-toolbar__slot'>
          <Picker
            mode='selector'
            range={INDUSTRY_CHOICES.map(industryText)}
            value={INDUSTRY_CHOICES.indexOf(industry)}
            onChange={(event) => setIndustry(INDUSTRY_CHOICES[Number(event.detail.value)])}
          >
            <View className='warning-toolbar__item' role='button'>
              <Text>行业：{industryText(industry)} ▾</Text>
            </View>
          </Picker>
        </View>
      </View>

      <View className='warning-tabs' role='tablist'>
        {TABS.map((tab) => (
          <View
            key={tab.label}
            className={`warning-tab ${tab.kind === kind ? 'warning-tab--on' : ''}`}
            role='tab'
            aria-selected={tab.kind === kind}
            onClick={() => setKind(tab.kind)}
          >
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>

      {listing?.savedAt && <OfflineNotice savedAt={listing.savedAt} />}

      {problem ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => setAttempt((n) => n + 1)} />
        </View>
      ) : !listing ? (
        <PageState kind='loading' />
      ) : listing.pinned.length + listing.items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='暂无相关警示' description={industry || kind ? '换个类别或行业看看' : '消协发布的消费警示会显示在这里'} />
        </View>
      ) : (
        <View>
          {listing.pinned.map((warning) => (
            <WarningCard key={warning.id} warning={warning} onOpen={open} />
          ))}
          {listing.items.map((warning) => (
            <WarningCard key={warning.id} warning={warning} onOpen={open} />
          ))}
        </View>
      )}

      {hasMore && (
        <Button className='btn btn-plain warning-more' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => void loadMore()}>
          加载更多
        </Button>
      )}
    </View>
  )
}
