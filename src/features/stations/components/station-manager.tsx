import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { STATION_HOST_KIND_LABELS, STATION_SERVICE_LABELS, type StaffStationList, type Station } from '@/contract/station'
import { errorMessage } from '@/lib/http'
import { addStation, myStations, saveStation } from '../api/stations'
import { draftOf, fieldsOf, type StationDraft } from './station-draft'
import { StationForm } from './station-form'
import './stations.css'

type Editing = { station: Station | null; draft: StationDraft }

/**
 * 消协工作台 › 服务站: a manager adds, edits, takes off and restores the stations of their organization
 * and those below it; a station's own operator edits only that station.
 */
export function StationManager() {
  const [list, setList] = useState<StaffStationList | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [formProblem, setFormProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = () => {
    setProblem(null)
    myStations().then(setList, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [])

  const replace = (saved: Station) => setList((current) => current && { ...current, items: current.items.some((s) => s.id === saved.id) ? current.items.map((s) => (s.id === saved.id ? saved : s)) : [...current.items, saved] })

  async function save() {
    if (!editing) return
    const fields = fieldsOf(editing.draft)
    if (typeof fields === 'string') return setFormProblem(fields)
    setBusy(true)
    setFormProblem(null)
    try {
      const saved = editing.station
        ? await saveStation(editing.station.id, { ...fields, active: editing.station.active })
        : await addStation({ organizationId: editing.draft.organizationId, ...fields })
      replace(saved)
      setEditing(null)
      void Taro.showToast({ title: editing.station ? '已保存' : '已新增', icon: 'success' })
    } catch (error) {
      setFormProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  async function setActive(station: Station, active: boolean) {
    if (!active) {
      const { confirm } = await Taro.showModal({ title: '停用服务站', content: `停用后，消费者查找服务站时不再看到“${station.name}”。以后可以恢复。确定停用吗？`, confirmText: '停用', cancelText: '不停用' })
      if (!confirm) return
    }
    const fields = fieldsOf(draftOf(station, station.organizationId))
    if (typeof fields === 'string') return setProblem(fields)
    try {
      replace(await saveStation(station.id, { ...fields, active }))
      void Taro.showToast({ title: active ? '已恢复' : '已停用', icon: 'success' })
    } catch (error) {
      void Taro.showModal({ title: '没有成功', content: errorMessage(error), showCancel: false })
    }
  }

  if (problem && !list) return <View className='card'><PageState kind='error' description={problem} onRetry={load} /></View>
  if (!list) return <PageState kind='loading' />
  if (editing) {
    return (
      <StationForm
        draft={editing.draft}
        organizations={list.organizations}
        onChange={(draft) => setEditing({ ...editing, draft })}
        onSave={() => void save()}
        onCancel={() => {
          setEditing(null)
          setFormProblem(null)
        }}
        busy={busy}
        problem={formProblem}
        isNew={editing.station === null}
      />
    )
  }
  return (
    <View className='station-manager'>
      <Text className='muted station-finder__intro'>
        {list.canManage ? '本组织和下级组织的服务站。停用的服务站消费者查不到，可以随时恢复。' : '您负责的服务站：可以修改开放时间、电话和能办的事。'}
      </Text>
      {list.canManage && list.organizations[0] && (
        <Button className='btn btn-primary station-manager__add' onClick={() => setEditing({ station: null, draft: draftOf(null, list.organizations[0]!.id) })}>
          新增服务站
        </Button>
      )}
      {list.items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='还没有服务站' description='点“新增服务站”添加第一个。' />
        </View>
      ) : (
        list.items.map((station) => (
          <View key={station.id} className={`card station ${station.active ? '' : 'station--off'}`} aria-label={station.name}>
            <View className='station__head'>
              <Text className='station__name'>{station.name}</Text>
              {!station.active && <Text className='station__badge'>已停用</Text>}
            </View>
            <Text className='station__line'>{station.organizationName} · {STATION_HOST_KIND_LABELS[station.hostKind]}{station.hostName ? `：${station.hostName}` : ''}</Text>
            <Text className='station__line'>地址：{station.address}</Text>
            <Text className='station__line'>开放时间：{station.openingHours}</Text>
            <Text className='station__line'>电话：{station.phone ?? '未填'}</Text>
            <Text className='station__line'>能办：{station.services.map((s) => STATION_SERVICE_LABELS[s]).join('、')}</Text>
            {station.latitude === null && <Text className='station__line station__warn'>没有位置：消费者按“离我最近”查不到它</Text>}
            <View className='station__actions'>
              <Button className='btn btn-secondary station__action' onClick={() => setEditing({ station, draft: draftOf(station, station.organizationId) })}>
                修改
              </Button>
              {list.canManage && (
                <Button className='btn btn-plain station__action' onClick={() => void setActive(station, !station.active)}>
                  {station.active ? '停用' : '恢复'}
                </Button>
              )}
            </View>
          </View>
        ))
      )}
    </View>
  )
}
