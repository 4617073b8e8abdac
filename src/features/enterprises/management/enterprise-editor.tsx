import { useEffect, useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { chinaToday, INDUSTRIES, INDUSTRY_LABELS } from '@/contract/complaint-rules'
import type { EnterpriseDetail } from '@/contract/enterprise'
import { ODR_BADGE } from '@/contract/enterprise-rules'
import { handlingPathDetail } from '@/contract/rule-text'
import { useCurrentRules } from '@/lib/current-rules'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { getEnterprise } from '../api/get-enterprise'
import { createEnterprise, updateEnterprise } from '../api/manage-enterprises'
import { EMPTY_ENTERPRISE_FORM, enterpriseRequest, formFromEnterprise, type EnterpriseFormErrors, type EnterpriseFormValues } from './enterprise-form'
import { FormField } from './form-field'
import { LiaisonSection } from './liaison-section'
import './management.css'

const RED = '#b71c1c'
const INDUSTRY_NAMES = INDUSTRIES.map((i) => INDUSTRY_LABELS[i])

type TextKey = 'name' | 'province' | 'city' | 'district' | 'address' | 'creditCode' | 'contactPhone'
const TEXT_FIELDS: ReadonlyArray<{ key: TextKey; label: string; placeholder: string; optional?: boolean; maxlength?: number }> = [
  { key: 'name', label: '企业名称', placeholder: '营业执照上的名称' },
  { key: 'province', label: '省', placeholder: '例如：北京市', optional: true, maxlength: 20 },
  { key: 'city', label: '市', placeholder: '例如：北京市', optional: true, maxlength: 20 },
  { key: 'district', label: '区县', placeholder: '例如：朝阳区', optional: true, maxlength: 20 },
  { key: 'address', label: '详细地址', placeholder: '街道、门牌号', optional: true },
  { key: 'creditCode', label: '统一社会信用代码', placeholder: '18 位', optional: true, maxlength: 18 },
  { key: 'contactPhone', label: '对外服务电话', placeholder: '例如：010-65001234', optional: true, maxlength: 20 },
]

/** Add an enterprise to the directory, or edit one (with its green-channel membership and liaisons). */
export function EnterpriseEditor({ enterpriseId }: { enterpriseId?: string }) {
  const rules = useCurrentRules()
  const [id, setId] = useState(enterpriseId)
  const [saved, setSaved] = useState<EnterpriseDetail | null>(null)
  const [values, setValues] = useState<EnterpriseFormValues | null>(enterpriseId ? null : EMPTY_ENTERPRISE_FORM)
  const [errors, setErrors] = useState<EnterpriseFormErrors>({})
  const [problem, setProblem] = useState('')
  const [sending, setSending] = useState(false)

  const load = () => {
    if (!enterpriseId) return
    setProblem('')
    getEnterprise(enterpriseId)
      .then((detail) => {
        setSaved(detail)
        setValues(formFromEnterprise(detail))
      })
      .catch((error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [enterpriseId])

  if (problem && !values) return <PageState kind='error' description={problem} onRetry={load} />
  if (!values) return <PageState kind='loading' />

  const set = <K extends keyof EnterpriseFormValues>(key: K, value: EnterpriseFormValues[K]) => {
    setValues((v) => (v ? { ...v, [key]: value } : v))
    setErrors(({ [key]: _fixed, ...rest }) => rest)
  }

  async function save() {
    if (sending || !values) return
    const checked = enterpriseRequest(values)
    if ('errors' in checked) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请按红字修改', icon: 'none' })
      return
    }
    const leaving = saved?.odr && !values.odr
    const { confirm } = await Taro.showModal({
      title: id ? '保存修改' : '新增企业',
      content: leaving
        ? `「${checked.body.name}」将退出绿色通道：以后的投诉直接交给消协调解，已在处理的不受影响。确定保存吗？`
        : id
          ? `确定保存对「${checked.body.name}」的修改吗？修改后消费者马上就能看到。`
          : `确定把「${checked.body.name}」加入企业名录吗？`,
      confirmText: '确定',
      cancelText: '再想想',
      confirmColor: RED,
    })
    if (!confirm) return
    setSending(true)
    try {
      const detail = id ? await updateEnterprise(id, checked.body) : await createEnterprise(checked.body)
      setId(detail.id)
      setSaved(detail)
      setValues(formFromEnterprise(detail))
      void Taro.showToast({ title: id ? '已保存' : '已加入名录', icon: 'success' })
    } catch (error) {
      void Taro.showModal({ title: '没能保存', content: errorMessage(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSending(false)
    }
  }

  const industryIndex = values.industry ? INDUSTRIES.indexOf(values.industry) : -1
  return (
    <View>
      <View className='card'>
        <Text className='section-title'>{id ? '企业信息' : '新增企业'}</Text>
        {TEXT_FIELDS.slice(0, 1).map((f) => (
          <FormField key={f.key} label={f.label} error={errors[f.key]}>
            <Input className={`field-input ${errors[f.key] ? 'field-input-error' : ''}`} value={values[f.key]} placeholder={f.placeholder} aria-label={f.label} onInput={(e) => set(f.key, e.detail.value)} />
          </FormField>
        ))}
        <FormField label='行业' error={errors.industry}>
          <Picker mode='selector' range={INDUSTRY_NAMES} value={Math.max(industryIndex, 0)} onChange={(e) => set('industry', INDUSTRIES[Number(e.detail.value)] ?? '')}>
            <View className={`field-input picker-value ${errors.industry ? 'field-input-error' : ''}`} aria-label='行业'>
              <Text>{industryIndex >= 0 ? INDUSTRY_NAMES[industryIndex] : '请选择行业'}</Text>
              <Text className='picker-value__change'>选择</Text>
            </View>
          </Picker>
        </FormField>
        {TEXT_FIELDS.slice(1).map((f) => (
          <FormField key={f.key} label={f.label} optional={f.optional} error={errors[f.key]}>
            <Input className={`field-input ${errors[f.key] ? 'field-input-error' : ''}`} value={values[f.key]} maxlength={f.maxlength ?? 140} placeholder={f.placeholder} aria-label={f.label} onInput={(e) => set(f.key, e.detail.value)} />
          </FormField>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>{ODR_BADGE}（ODR）</Text>
        <View className={`manage-toggle ${values.odr ? 'manage-toggle--on' : ''}`} role='switch' aria-checked={values.odr} aria-label='加入绿色通道' onClick={() => set('odr', !values.odr)}>
          <Text>{values.odr ? '● 已加入绿色通道' : '○ 未加入绿色通道'}</Text>
          <Text className='manage-toggle__hint'>点击{values.odr ? '退出' : '加入'}</Text>
        </View>
        <Text className='muted manage-intro'>加入后，消费者可以选择先由企业答复：{handlingPathDetail('odr', rules)}</Text>
        {values.odr && (
          <FormField label='加入日期' optional error={errors.odrSince}>
            <Picker mode='date' value={values.odrSince || chinaToday()} end={chinaToday()} onChange={(e) => set('odrSince', String(e.detail.value))}>
              <View className='field-input picker-value' aria-label='加入日期'>
                <Text>{values.odrSince || '今天'}</Text>
                <Text className='picker-value__change'>选择</Text>
              </View>
            </Picker>
          </FormField>
        )}
        <FormField label='企业承诺' optional error={errors.promises}>
          <Textarea className='field-textarea' value={values.promises} placeholder={'一行一条，例如：\n线下无理由退货\n先行赔付'} aria-label='企业承诺' onInput={(e) => set('promises', e.detail.value)} />
        </FormField>
        <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void save()}>
          {sending ? '正在保存…' : id ? '保存修改' : '加入名录'}
        </Button>
      </View>

      {id && saved && <LiaisonSection enterpriseId={id} enterpriseName={saved.name} />}
    </View>
  )
}
