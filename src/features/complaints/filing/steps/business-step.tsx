import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BUSINESS_NAME_MAX, INDUSTRIES, INDUSTRY_LABELS, type Industry } from '@/contract/complaint-rules'
import { HANDLING_PATH_TEXT, NOT_IN_DIRECTORY_NOTE } from '@/contract/enterprise-rules'
import { handlingPathDetail } from '@/contract/rule-text'
import { useCurrentRules } from '@/lib/current-rules'
import { suggestBusinesses, type BusinessSuggestion } from '../../api/suggest-businesses'
import type { ComplaintDraft } from '../../drafts/draft-model'
import { draftTitle } from '../../drafts/draft-model'
import { ChoiceChips } from '../choice-chips'
import { Field } from '../field'
import { ReferralHint } from '../referral-hint'
import { SourceQuestionNote } from '../source-question-note'
import { goToStep, stepUrl } from '../navigation'
import { StepFrame } from '../step-frame'
import { useFilingStore } from '../use-filing-store'
import { useOpenDraft, type DraftOwner } from '../use-open-draft'
import { useStepValidation } from '../use-step-validation'
import { CommitmentCard } from '../commitment-card'
import { useCommitmentPrefill } from '../use-commitment-prefill'

const INDUSTRY_OPTIONS = INDUSTRIES.map((value) => ({ value, label: INDUSTRY_LABELS[value] }))
const RED = '#b71c1c'
const ENTERPRISE_PAGE = '/packages/enterprise-directory/pages/detail/index'

/** Choosing a directory entry fills in what the directory knows; the green channel is the default where offered. */
function chooseEnterprise(d: ComplaintDraft, s: BusinessSuggestion) {
  if (d.returnCommitment && s.enterpriseId !== d.business.enterpriseId) d.returnCommitment = null
  d.business.name = s.name
  d.business.enterpriseId = s.enterpriseId
  d.business.enterpriseOdr = s.odr
  d.business.creditCode = s.creditCode ?? ''
  d.business.address = s.address ?? d.business.address
  d.business.region = s.region || d.business.region
  if (!d.industry) d.industry = s.industry
  d.path = s.odr ? 'odr' : 'association'
}

export function BusinessStep({ owner, draftId, fromQuestion, commitmentId }: { owner: DraftOwner; draftId?: string; fromQuestion?: string; commitmentId?: string }) {
  const { draft, problem } = useOpenDraft(owner, draftId, fromQuestion)
  const prefillProblem = useCommitmentPrefill(draft, commitmentId)
  const update = useFilingStore((s) => s.update)
  const { errorOf, focusOf, touch, check } = useStepValidation(1, draft)
  const [suggestions, setSuggestions] = useState<BusinessSuggestion[]>([])
  const [searched, setSearched] = useState('')
  const [busy, setBusy] = useState(false)
  const [moreOpen, setMoreOpen] = useState(false)
  const name = draft?.business.name ?? ''
  const chosenId = draft?.business.enterpriseId ?? null

  useEffect(() => {
    const query = name.trim()
    // Nothing to suggest for one character, or once a directory entry has been chosen.
    if (Array.from(query).length < 2 || chosenId) return setSuggestions([])
    let live = true
    const timer = setTimeout(
      () =>
        void suggestBusinesses(query).then(
          (found) => {
            if (!live) return
            setSuggestions(found)
            setSearched(query)
          },
          () => undefined,
        ),
      300,
    )
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [name, chosenId])

  async function next() {
    if (!draft || !check()) return
    setBusy(true)
    try {
      const store = useFilingStore.getState()
      const other = await store.otherDraftForSameBusiness()
      // Asked once: after 用新的 → 先不删 both drafts stay, and this one goes on without asking again.
      if (other && !draft.keepsBeside?.includes(other.id)) {
        const { confirm } = await Taro.showModal({
          title: '这家商家已有草稿',
          content: `您之前给「${draftTitle(other)}」写过一份投诉，还没有提交。继续填写那一份吗？`,
          confirmText: '继续那份',
          cancelText: '用新的',
          confirmColor: RED,
        })
        if (confirm) {
          await store.discard(draft)
          await Taro.redirectTo({ url: stepUrl(Math.min(other.step, 5), other.id) })
          return
        }
        const sure = await Taro.showModal({
          title: '删除旧草稿？',
          content: `旧草稿${other.photos.length ? `和其中的 ${other.photos.length} 张照片` : ''}将被删除，不能恢复。`,
          confirmText: '删除旧的',
          cancelText: '先不删',
          confirmColor: RED,
        })
        if (sure.confirm) await store.discard(other)
        else store.update((d) => void (d.keepsBeside = [...(d.keepsBeside ?? []), other.id]))
      }
      store.reachStep(2)
      await store.flush()
      await goToStep(2, draft.id, 1)
    } finally {
      setBusy(false)
    }
  }

  return (
    <StepFrame step={1} ready={!!draft} problem={problem} onNext={next} nextBusy={busy}>
      {draft?.sourceQuestion && <SourceQuestionNote sessionTitle={draft.sourceQuestion.sessionTitle} />}
      {prefillProblem && (
        <View className='card' role='alert'>
          <Text>{prefillProblem}</Text>
        </View>
      )}
      {draft?.returnCommitment && <CommitmentCard commitment={draft.returnCommitment} />}
      {draft && (
        <View className='card'>
          <Field name='businessName' label='商家名称' hint='店名或公司名，如 示例优选超市' error={errorOf('businessName')}>
            <Input
              className={`field-input ${errorOf('businessName') ? 'field-input-error' : ''}`}
              value={draft.business.name}
              maxlength={BUSINESS_NAME_MAX}
              placeholder='请输入商家名称'
              aria-label='商家名称'
              focus={focusOf('businessName')}
              onInput={(e) =>
                update((d) => {
                  d.business.name = e.detail.value
                  d.business.enterpriseId = null
                  d.business.enterpriseOdr = false
                  d.path = 'association'
                  if (d.returnCommitment) d.returnCommitment = null
                })
              }
              onBlur={() => touch('businessName')}
            />
          </Field>
          {suggestions.length > 0 && (
            <View className='suggestions' aria-label='名录中的商家'>
              <Text className='suggestions__title'>是下面这家吗？点一下自动填写</Text>
              {suggestions.map((s) => (
                <View key={s.enterpriseId} className='suggestion'>
                  <View className='suggestion__main' hoverClass='suggestion--pressed' role='button' onClick={() => update((d) => chooseEnterprise(d, s))}>
                    <Text className='suggestion__name'>{s.name}</Text>
                    <View className='suggestion__meta'>
                      {s.place && <Text className='suggestion__place'>{s.place}</Text>}
                      {s.odr && <Text className='odr-badge'>绿色通道</Text>}
                    </View>
                  </View>
                  <View
                    className='suggestion__more'
                    hoverClass='suggestion--pressed'
                    role='link'
                    onClick={() => void Taro.navigateTo({ url: `${ENTERPRISE_PAGE}?id=${encodeURIComponent(s.enterpriseId)}` })}
                  >
                    详情
                  </View>
                </View>
              ))}
            </View>
          )}
          {draft.business.enterpriseId ? (
            <PathChoice draft={draft} onChange={(path) => update((d) => void (d.path = path))} />
          ) : (
            suggestions.length === 0 &&
            searched === name.trim() &&
            Array.from(name.trim()).length >= 2 && <Text className='path-note'>{NOT_IN_DIRECTORY_NOTE}</Text>
          )}
          <Field name='region' label='所在地区' optional hint='如 北京市朝阳区' error={errorOf('region')}>
            <Input
              className='field-input'
              value={draft.business.region}
              placeholder='省、市、区'
              aria-label='所在地区'
              onInput={(e) => update((d) => void (d.business.region = e.detail.value))}
              onBlur={() => touch('region')}
            />
          </Field>
          <Field name='address' label='详细地址' optional error={errorOf('address')}>
            <Input
              className='field-input'
              value={draft.business.address}
              placeholder='街道、门牌号'
              aria-label='详细地址'
              onInput={(e) => update((d) => void (d.business.address = e.detail.value))}
              onBlur={() => touch('address')}
            />
          </Field>
          {!(moreOpen || draft.business.creditCode || errorOf('creditCode')) ? (
            <View className='more-toggle' role='button' onClick={() => setMoreOpen(true)}>
              ＋ 填写商家的统一社会信用代码（选填）
            </View>
          ) : (
          <Field name='creditCode' label='统一社会信用代码' optional hint='在营业执照或发票上，18 位，不知道可以不填' error={errorOf('creditCode')}>
            <Input
              className={`field-input ${errorOf('creditCode') ? 'field-input-error' : ''}`}
              value={draft.business.creditCode}
              maxlength={18}
              placeholder='不知道可以不填'
              aria-label='统一社会信用代码'
              focus={focusOf('creditCode')}
              onInput={(e) => update((d) => void (d.business.creditCode = e.detail.value.toUpperCase()))}
              onBlur={() => touch('creditCode')}
            />
          </Field>
          )}
          <Field name='industry' label='所属行业' error={errorOf('industry')}>
            <ChoiceChips<Industry>
              label='所属行业'
              options={INDUSTRY_OPTIONS}
              selected={draft.industry ? [draft.industry] : []}
              onToggle={(value) => update((d) => void (d.industry = value))}
            />
          </Field>
          <ReferralHint industry={draft.industry} />
        </View>
      )}
    </StepFrame>
  )
}

/** The chosen business: in the green channel, both ways with their deadlines; otherwise one line. */
function PathChoice({ draft, onChange }: { draft: ComplaintDraft; onChange: (path: 'odr' | 'association') => void }) {
  const rules = useCurrentRules()
  const enterpriseId = draft.business.enterpriseId!
  const detailLink = (
    <View className='path-link' role='link' onClick={() => void Taro.navigateTo({ url: `${ENTERPRISE_PAGE}?id=${encodeURIComponent(enterpriseId)}` })}>
      查看这家企业的承诺和处理情况 ›
    </View>
  )
  if (!draft.business.enterpriseOdr) {
    return (
      <View className='path-choice'>
        <Text className='path-note'>这家企业没有加入绿色通道，投诉将交给消协调解：{handlingPathDetail('association', rules)}</Text>
        {detailLink}
      </View>
    )
  }
  const selected = draft.path === 'association' ? 'association' : 'odr'
  return (
    <View className='path-choice' role='radiogroup' aria-label='选择处理方式'>
      <Text className='path-choice__title'>这家企业加入了绿色通道，请选择处理方式</Text>
      {(['odr', 'association'] as const).map((path) => (
        <View
          key={path}
          className={`path-option ${selected === path ? 'path-option--selected' : ''}`}
          role='radio'
          aria-checked={selected === path}
          onClick={() => onChange(path)}
        >
          <Text className='path-option__title'>
            {selected === path ? '● ' : '○ '}
            {HANDLING_PATH_TEXT[path].title}
            {path === 'odr' ? '（推荐）' : ''}
          </Text>
          <Text className='path-option__detail'>{handlingPathDetail(path, rules)}</Text>
        </View>
      ))}
      {detailLink}
    </View>
  )
}
