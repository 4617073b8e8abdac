import { useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { STATION_HOST_KIND_LABELS, STATION_HOST_KINDS, STATION_SERVICE_LABELS, STATION_SERVICES, type StationRegion } from '@/contract/station'
import type { StationDraft } from './station-draft'
import { locateGcj02 } from '../location/locate'

function Field({ label, value, onInput, placeholder, type }: { label: string; value: string; onInput: (v: string) => void; placeholder?: string; type?: 'digit' | 'text' }) {
  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <Input className='field-input' type={type ?? 'text'} value={value} placeholder={placeholder} aria-label={label} onInput={(e) => onInput(e.detail.value)} />
    </View>
  )
}

/** New or existing station: every field on one screen, the save button at the bottom. */
export function StationForm(props: {
  draft: StationDraft
  organizations: StationRegion[]
  onChange: (draft: StationDraft) => void
  onSave: () => void
  onCancel: () => void
  busy: boolean
  problem: string | null
  isNew: boolean
}) {
  const { draft, organizations, onChange, busy } = props
  const [locating, setLocating] = useState<string | null>(null)
  const set = <K extends keyof StationDraft>(key: K, value: StationDraft[K]) => onChange({ ...draft, [key]: value })
  const orgIndex = Math.max(0, organizations.findIndex((o) => o.id === draft.organizationId))

  async function fillHere() {
    setLocating('正在获取位置…')
    try {
      const here = await locateGcj02()
      onChange({ ...draft, latitude: here.latitude.toFixed(6), longitude: here.longitude.toFixed(6) })
      setLocating('已填入您现在的位置（请确认您就在服务站）')
    } catch (error) {
      setLocating((error as Error).message)
    }
  }

  return (
    <View className='card station-form' aria-label={props.isNew ? '新增服务站' : '修改服务站'}>
      <Text className='section-title'>{props.isNew ? '新增服务站' : `修改：${draft.name}`}</Text>
      {props.isNew && organizations.length > 1 && (
        <View className='field'>
          <Text className='field-label'>所属组织</Text>
          <Picker mode='selector' range={organizations.map((o) => o.name)} value={orgIndex} onChange={(e) => set('organizationId', organizations[Number(e.detail.value)]?.id ?? draft.organizationId)}>
            <View className='field-input station-form__choice' role='button' aria-label={`所属组织 ${organizations[orgIndex]?.name ?? ''}`}>
              <Text>{organizations[orgIndex]?.name} ▾</Text>
            </View>
          </Picker>
        </View>
      )}
      <Field label='服务站名称' value={draft.name} onInput={(v) => set('name', v)} placeholder='如 文三路消费维权服务站' />
      <View className='field'>
        <Text className='field-label'>设在哪里</Text>
        <View className='station-form__chips' role='radiogroup' aria-label='设在哪里'>
          {STATION_HOST_KINDS.map((kind) => (
            <View key={kind} className={`region-chip ${draft.hostKind === kind ? 'region-chip--on' : ''}`} role='radio' aria-checked={draft.hostKind === kind} onClick={() => set('hostKind', kind)}>
              <Text>{STATION_HOST_KIND_LABELS[kind]}</Text>
            </View>
          ))}
        </View>
      </View>
      <Field label='依托单位名称（可不填）' value={draft.hostName} onInput={(v) => set('hostName', v)} placeholder='如 某某超市、某某社区居委会' />
      <Field label='地址' value={draft.address} onInput={(v) => set('address', v)} placeholder='省市区和门牌号' />
      <Field label='开放时间' value={draft.openingHours} onInput={(v) => set('openingHours', v)} placeholder='周一至周五 9:00-17:00' />
      <Field label='电话（可不填）' value={draft.phone} onInput={(v) => set('phone', v)} placeholder='0571-88001234' />
      <View className='field'>
        <Text className='field-label'>能办的事（可多选）</Text>
        <View className='station-form__chips' role='group' aria-label='能办的事'>
          {STATION_SERVICES.map((service) => {
            const on = draft.services.includes(service)
            return (
              <View key={service} className={`region-chip ${on ? 'region-chip--on' : ''}`} role='checkbox' aria-checked={on} onClick={() => set('services', on ? draft.services.filter((s) => s !== service) : STATION_SERVICES.filter((s) => s === service || draft.services.includes(s)))}>
                <Text>{on ? '✓ ' : ''}{STATION_SERVICE_LABELS[service]}</Text>
              </View>
            )
          })}
        </View>
      </View>
      <View className='field'>
        <Text className='field-label'>位置（用于“离我最近”；可不填）</Text>
        <View className='station-form__coords'>
          <Input className='field-input' type='digit' value={draft.latitude} placeholder='纬度 如 30.27736' aria-label='纬度' onInput={(e) => set('latitude', e.detail.value)} />
          <Input className='field-input' type='digit' value={draft.longitude} placeholder='经度 如 120.13627' aria-label='经度' onInput={(e) => set('longitude', e.detail.value)} />
        </View>
        <Button className='btn btn-plain station-form__here' onClick={() => void fillHere()}>
          我在服务站，用现在的位置
        </Button>
        {locating && <Text className='muted'>{locating}</Text>}
      </View>
      {props.problem && (
        <View role='alert'>
          <Text className='field-error'>{props.problem}</Text>
        </View>
      )}
      <Button className='btn btn-primary' loading={busy || undefined} disabled={busy || undefined} onClick={props.onSave}>
        保存
      </Button>
      <Button className='btn btn-plain station-form__cancel' onClick={props.onCancel}>
        取消
      </Button>
    </View>
  )
}
