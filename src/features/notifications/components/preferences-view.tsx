import './preferences.css'
import { useCallback, useEffect, useState } from 'react'
import { Button, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NOTIFICATION_CHANNEL_LABELS as CHANNEL_LABELS, NOTIFICATION_TYPE_LABELS as NOTIFICATION_LABELS } from '@/contract/notification-labels'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import type { NotificationChannel, NotificationPreference, NotificationPreferences } from '../api/notification-shapes'
import { getNotificationPreferences, saveNotificationPreferences } from '../api/preferences'

const CHANNEL_MEANING: Record<NotificationChannel, string> = {
  inbox: '在“消息”页里查看，一直开着，不会漏掉',
  wechat: '在微信里收到提醒（提交投诉时点“允许”才能收到）',
  sms: '发短信到您登录的手机号，只用于重要进展',
}

const key = (p: Pick<NotificationPreference, 'type' | 'channel'>) => `${p.type}:${p.channel}`

/** Per notification type, which channels may reach the user. The inbox is always on. */
export function PreferencesView() {
  const [loaded, setLoaded] = useState<NotificationPreferences | null>(null)
  const [enabled, setEnabled] = useState<Record<string, boolean>>({})
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [problem, setProblem] = useState('')
  const [saving, setSaving] = useState(false)
  const [saveProblem, setSaveProblem] = useState('')

  const take = useCallback((preferences: NotificationPreferences) => {
    setLoaded(preferences)
    setEnabled(Object.fromEntries(preferences.items.map((p) => [key(p), p.enabled])))
  }, [])

  const load = useCallback(async () => {
    setPhase('loading')
    try {
      take(await getNotificationPreferences())
      setPhase('ready')
    } catch (error) {
      setProblem(errorMessage(error))
      setPhase('error')
    }
  }, [take])

  useEffect(() => void load(), [load])

  if (phase === 'loading') return <PageState kind='loading' />
  if (phase === 'error' || !loaded) return <PageState kind='error' description={problem} onRetry={() => void load()} />

  const switchable = loaded.channels.filter((c) => c !== 'inbox')
  const types = [...new Set(loaded.items.map((p) => p.type))]
  const has = (type: string, channel: string) => key({ type, channel } as NotificationPreference) in enabled
  const changed = loaded.items.filter((p) => p.channel !== 'inbox' && enabled[key(p)] !== p.enabled)

  async function save() {
    if (!loaded || saving) return
    setSaving(true)
    setSaveProblem('')
    try {
      const items = loaded.items.filter((p) => p.channel !== 'inbox').map((p) => ({ ...p, enabled: enabled[key(p)] ?? p.enabled }))
      take(await saveNotificationPreferences(items))
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (error) {
      setSaveProblem(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  if (!switchable.length) {
    return (
      <View className='card'>
        <PageState kind='empty' title='不需要设置' description='所有通知都会出现在“消息”页里，一直开着，不会漏掉。' />
      </View>
    )
  }

  return (
    <View className='prefs'>
      <View className='card prefs__legend'>
        {(['inbox', ...switchable] as NotificationChannel[]).map((channel) => (
          <View key={channel} className='prefs__meaning'>
            <Text className='prefs__meaning-name'>{CHANNEL_LABELS[channel]}</Text>
            <Text className='prefs__meaning-text'>{CHANNEL_MEANING[channel]}</Text>
          </View>
        ))}
      </View>

      {types.map((type) => (
        <View key={type} className='card prefs__type' data-type={type}>
          <Text className='prefs__type-name'>{NOTIFICATION_LABELS[type] ?? type}</Text>
          <View className='prefs__row'>
            <Text className='prefs__channel'>{CHANNEL_LABELS.inbox}</Text>
            <Text className='prefs__always'>一直开着</Text>
          </View>
          {switchable
            .filter((channel) => has(type, channel))
            .map((channel) => (
              <View key={channel} className='prefs__row'>
                <Text className='prefs__channel'>{CHANNEL_LABELS[channel]}</Text>
                {/* The word as well as the colour: a switch alone is easy to misread. */}
                <Text className={`prefs__state ${enabled[`${type}:${channel}`] ? 'prefs__state--on' : ''}`}>{enabled[`${type}:${channel}`] ? '开' : '关'}</Text>
                <Switch
                  className='prefs__switch'
                  color='#b71c1c'
                  checked={enabled[`${type}:${channel}`]}
                  aria-label={`${NOTIFICATION_LABELS[type] ?? type} ${CHANNEL_LABELS[channel]}`}
                  onChange={(event) => setEnabled((now) => ({ ...now, [`${type}:${channel}`]: event.detail.value }))}
                />
              </View>
            ))}
        </View>
      ))}

      {saveProblem && <Text className='field-error'>{saveProblem}</Text>}
      <View className='prefs__save-bar'>
        <Button className='btn btn-primary' disabled={saving || !changed.length || undefined} onClick={() => void save()}>
          {saving ? '正在保存…' : changed.length ? '保存设置' : '没有改动'}
        </Button>
      </View>
    </View>
  )
}
