import { Picker, Switch, Text, View } from '@tarojs/components'
import type { OrganizationRef } from '@/contract/organization'
import type { MemberPermissionsRequest } from '@/contract/organization-members'

interface Props {
  value: MemberPermissionsRequest
  stations: readonly OrganizationRef[]
  onChange(next: MemberPermissionsRequest): void
}

const NO_STATION = '不值守服务站'

/** 管理 / 调解 / 失信认定 switches (with the word 开/关 beside them) and the station the member staffs, if any. */
export function PermissionFields({ value, stations, onChange }: Props) {
  const toggles = [
    { key: 'canManage', label: '管理', hint: '管理成员、服务站和下级组织' },
    { key: 'canMediate', label: '调解', hint: '受理、调解、移送投诉' },
    { key: 'canCreditFindings', label: '失信认定', hint: '提出失信惩戒认定，或复核他人提出的认定' },
  ] as const
  const choices = [NO_STATION, ...stations.map((s) => s.name)]
  const index = value.stationId ? stations.findIndex((s) => s.id === value.stationId) + 1 : 0
  return (
    <View className='org-admin__permissions'>
      {toggles.map((toggle) => (
        <View key={toggle.key} className='org-admin__switch-row'>
          <View className='org-admin__switch-text'>
            <Text className='org-admin__switch-label'>{toggle.label}</Text>
            <Text className='muted'>{toggle.hint}</Text>
          </View>
          <Text className={`org-admin__state ${value[toggle.key] ? 'org-admin__state--on' : ''}`}>{value[toggle.key] ? '开' : '关'}</Text>
          <Switch color='#b71c1c' checked={value[toggle.key] === true} aria-label={toggle.label} onChange={(e) => onChange({ ...value, [toggle.key]: e.detail.value })} />
        </View>
      ))}
      <Text className='org-admin__label'>站点值守</Text>
      {stations.length === 0 ? (
        <Text className='muted'>本组织还没有服务站</Text>
      ) : (
        <Picker mode='selector' range={choices} value={Math.max(0, index)} onChange={(e) => onChange({ ...value, stationId: Number(e.detail.value) === 0 ? null : (stations[Number(e.detail.value) - 1]?.id ?? null) })}>
          <View className='field-input picker-value' aria-label='站点值守'>
            <Text>{choices[Math.max(0, index)]}</Text>
            <Text className='picker-value__change'>选择</Text>
          </View>
        </Picker>
      )}
    </View>
  )
}
