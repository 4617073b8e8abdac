import { useEffect, useRef, useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ComplaintDetail } from '@/contract/complaint'
import type { ActionRequest, RequestAction } from '@/contract/complaint-actions'
import { amountError, chinaToday, yuanToFen } from '@/contract/complaint-rules'
import {
  ACTION_TEXT_MAX,
  availableActions,
  MEDIATION_ADVICE_LABELS,
  MEDIATION_ADVICES,
  type MediationAdvice,
} from '@/contract/complaint-workflow'
import { takeAction } from '../api/take-action'
import { ChoiceChips } from '../filing/choice-chips'
import { Field } from '../filing/field'
import { chineseDate } from '../receipt'
import { reportActionError } from './action-error'
import { AssigneeLine, AssignPicker } from './assign-picker'
import './handling.css'

const RED = '#b71c1c'

type Values = Record<string, string>
type Errors = Record<string, string>

type FieldSpec =
  | { kind: 'text'; key: string; label: string; optional?: boolean; placeholder: string }
  | { kind: 'amount'; key: string; label: string; hint: string }
  | { kind: 'date'; key: string; label: string }
  | {
      kind: 'choice'
      key: string
      label: string
      options: ReadonlyArray<{ value: string; label: string }> | ((complaint: ComplaintDetail) => ReadonlyArray<{ value: string; label: string }>)
      /** One option per row when the labels are long. */
      columns?: 1 | 2
      /** Shown under the options, e.g. what 建议 means. */
      hint?: string
      /** More about the option chosen (e.g. a body's remit and why it is unverified), under the options. */
      detail?: (complaint: ComplaintDetail, value: string) => string | null
    }

interface FormSpec<A extends RequestAction> {
  /** The button that opens the form, and the form's title. */
  label: string
  submitText: string
  fields: FieldSpec[]
  /** Asked before sending, for steps that cannot be undone. */
  confirm?: string
  body(values: Values): ActionRequest<A>
}

const trimmed = (value: string | undefined) => (value ?? '').trim()
const optional = (value: string | undefined) => (trimmed(value) ? { note: trimmed(value) } : {})

/** The grounds of the case's own rule set, each with its article (依据 …第X条), unverified ones marked. */
const groundOptions = (complaint: ComplaintDetail) =>
  complaint.rules.refusalGrounds.map((g) => ({ value: g.code, label: `${g.text}（${g.article ?? '条款号未核实'}${g.verified ? '' : '，未核实'}）` }))

/** Bodies that can act on the case (from the server), suggested ones first, unverified hotlines marked. */
const referralOptions = (complaint: ComplaintDetail) =>
  (complaint.referral?.options ?? []).map((o) => ({
    value: o.code,
    label: `${o.suggested ? '【建议】' : ''}${o.name}${o.hotline ? ` ${o.hotline}` : ''}${o.verified ? '' : '（未核实）'}`,
  }))

/** The chosen body's remit, and why it is unverified when it is. */
function referralDetail(complaint: ComplaintDetail, code: string): string | null {
  const option = complaint.referral?.options.find((o) => o.code === code)
  if (!option) return null
  return `受理范围：${option.scope}${!option.verified && option.note ? `\n未核实：${option.note}` : option.note ? `\n来源说明：${option.note}` : ''}`
}

const FORMS: { [A in RequestAction]?: FormSpec<A> } = {
  propose: {
    label: '提出解决方案',
    submitText: '提交方案',
    fields: [
      { kind: 'text', key: 'text', label: '解决方案', placeholder: '例如：全额退款，并补偿 50 元' },
      { kind: 'amount', key: 'amount', label: '退款或赔偿金额（元）', hint: '不退不赔可填 0' },
      { kind: 'date', key: 'promisedDate', label: '承诺在哪天前做到' },
    ],
    body: (v) => ({ text: trimmed(v.text), amountFen: yuanToFen(v.amount ?? '') ?? 0, promisedDate: v.promisedDate ?? '' }),
  },
  request_info: {
    label: '要求补充材料',
    submitText: '发送给消费者',
    fields: [{ kind: 'text', key: 'text', label: '请消费者补充什么', placeholder: '例如：请提供购物小票或订单截图' }],
    body: (v) => ({ text: trimmed(v.text) }),
  },
  mark_settled: {
    label: '标记已和解',
    submitText: '确认已和解',
    fields: [{ kind: 'text', key: 'note', label: '和解情况', placeholder: '例如：已当面退款 128 元，消费者同意' }],
    confirm: '标记已和解后，这件投诉就按已解决结束。确定消费者已同意和解吗？',
    body: (v) => ({ note: trimmed(v.note) }),
  },
  accept: {
    label: '受理',
    submitText: '确认受理',
    fields: [{ kind: 'text', key: 'note', label: '备注', optional: true, placeholder: '可以不填' }],
    body: (v) => optional(v.note),
  },
  reject: {
    label: '不予受理',
    submitText: '确认不予受理',
    fields: [
      { kind: 'choice', key: 'ground', label: '不予受理的理由', options: groundOptions },
      { kind: 'text', key: 'note', label: '补充说明', optional: true, placeholder: '可以不填' },
    ],
    confirm: '不予受理后，这件投诉就结束了。确定吗？',
    body: (v) => ({ ground: v.ground ?? '', ...optional(v.note) }),
  },
  refer: {
    label: '引导至其他部门',
    submitText: '确认引导',
    fields: [
      {
        kind: 'choice',
        key: 'destination',
        label: '由哪个部门受理',
        options: referralOptions,
        columns: 1,
        hint: '【建议】按投诉的行业或本案规则的不予受理情形推荐；消费者会看到该部门的电话和一段可复制的投诉情况。',
        detail: referralDetail,
      },
      { kind: 'text', key: 'note', label: '给消费者的说明', optional: true, placeholder: '例如：话费争议请先向运营商投诉，15 日内未答复再申诉' },
    ],
    confirm: '引导后，这件投诉在消协这边就结束了（记为已引导，不算不予受理）。确定吗？',
    body: (v) => ({ destination: v.destination ?? '', ...optional(v.note) }),
  },
  start_mediation: {
    label: '开始调解',
    submitText: '确认开始调解',
    fields: [{ kind: 'text', key: 'note', label: '备注', optional: true, placeholder: '可以不填' }],
    body: (v) => optional(v.note),
  },
  note: {
    label: '记录调解情况',
    submitText: '保存记录',
    fields: [{ kind: 'text', key: 'text', label: '调解情况', placeholder: '例如：已电话联系商家，商家同意退一半' }],
    body: (v) => ({ text: trimmed(v.text) }),
  },
  mediation_succeeded: {
    label: '调解成功',
    submitText: '确认调解成功',
    fields: [
      { kind: 'text', key: 'agreement', label: '调解协议内容', placeholder: '例如：商家退款 128 元，3 日内到账' },
      { kind: 'amount', key: 'amount', label: '为消费者挽回的损失（元）', hint: '没有可填 0' },
    ],
    body: (v) => ({ agreement: trimmed(v.agreement), recoveredAmountFen: yuanToFen(v.amount ?? '') ?? 0 }),
  },
  mediation_failed: {
    label: '调解失败',
    submitText: '确认调解失败',
    fields: [
      { kind: 'choice', key: 'advice', label: '给消费者的建议', options: MEDIATION_ADVICES.map((value) => ({ value, label: MEDIATION_ADVICE_LABELS[value] })) },
      { kind: 'text', key: 'note', label: '补充说明', optional: true, placeholder: '可以不填' },
    ],
    body: (v) => ({ advice: v.advice as MediationAdvice, ...optional(v.note) }),
  },
  pause_clock: {
    label: '暂停计时（检测鉴定）',
    submitText: '暂停计时',
    fields: [{ kind: 'text', key: 'reason', label: '检测、鉴定事项', placeholder: '例如：手机屏幕送质检机构检测，预计 5 月 20 日出报告' }],
    confirm: '检测、鉴定期间期限停止计算，恢复计时后顺延。确定暂停吗？',
    body: (v) => ({ reason: trimmed(v.reason) }),
  },
  resume_clock: {
    label: '恢复计时',
    submitText: '恢复计时',
    fields: [{ kind: 'text', key: 'note', label: '备注', optional: true, placeholder: '例如：检测报告已出' }],
    body: (v) => optional(v.note),
  },
  close: {
    label: '结案',
    submitText: '确认结案',
    fields: [{ kind: 'text', key: 'outcome', label: '结案情况', placeholder: '例如：协议已履行，消费者已收到退款' }],
    confirm: '结案后这件投诉就结束了，不能再处理。确定结案吗？',
    body: (v) => ({ outcome: trimmed(v.outcome) }),
  },
}

/** Inline Chinese messages; an empty object means the form can be sent. */
function validate(fields: FieldSpec[], values: Values): Errors {
  const errors: Errors = {}
  for (const field of fields) {
    const value = trimmed(values[field.key])
    if (field.kind === 'text') {
      if (!field.optional && !value) errors[field.key] = `请填写${field.label}`
      else if (value.length > ACTION_TEXT_MAX) errors[field.key] = `最多 ${ACTION_TEXT_MAX} 个字`
    } else if (field.kind === 'amount') {
      const problem = value ? amountError(value) : '请填写金额，没有可填 0'
      if (problem) errors[field.key] = problem
    } else if (!value) {
      errors[field.key] = field.kind === 'date' ? `请选择${field.label}` : `请选择${field.label}`
    }
  }
  return errors
}

interface Props {
  complaint: ComplaintDetail
  role: 'enterprise' | 'staff'
  /** The signed-in staff member, for 分配给我. */
  userId: string
  /** Called with the complaint as the server answered it after an action. */
  onChanged(complaint: ComplaintDetail): void
  reload(): Promise<void>
  /** A step asked for from outside the panel (the desk's keyboard shortcuts); `seq` makes each request new. */
  command?: PanelCommand
}

export interface PanelCommand {
  action: RequestAction | 'cancel'
  seq: number
}

/** The buttons the workflow allows this role at this status; each opens a short form. */
export function ActionPanel({ complaint, role, userId, onChanged, reload, command }: Props) {
  const [open, setOpen] = useState<RequestAction | null>(null)
  const [values, setValues] = useState<Values>({})
  const [errors, setErrors] = useState<Errors>({})
  const [sending, setSending] = useState(false)
  const [picking, setPicking] = useState(false)

  const actions = availableActions(complaint.status, role).filter((action): action is RequestAction => action in FORMS || action === 'assign')
  const canAssign = actions.includes('assign')
  const assignToMe = canAssign && complaint.handling.assignedStaffId !== userId
  // Pause only a running clock; resume only a paused one.
  const paused = Boolean(complaint.handling.clockPaused)
  const formActions = actions.filter(
    (action) => action !== 'assign' && !(action === 'pause_clock' && (paused || !complaint.handling.dueAt)) && !(action === 'resume_clock' && !paused),
  )

  function choose(action: RequestAction | null) {
    setOpen(action)
    setValues({})
    setErrors({})
  }

  async function send<A extends RequestAction>(action: A, body: ActionRequest<A>, done: string) {
    setSending(true)
    try {
      const updated = await takeAction(complaint.id, action, body)
      choose(null)
      onChanged(updated)
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (error) {
      await reportActionError(error, reload)
    } finally {
      setSending(false)
    }
  }

  async function submit<A extends RequestAction>(action: A, spec: FormSpec<A>) {
    if (sending) return
    const problems = validate(spec.fields, values)
    setErrors(problems)
    if (Object.keys(problems).length) return
    if (spec.confirm) {
      const { confirm } = await Taro.showModal({ title: spec.label, content: spec.confirm, confirmText: '确定', cancelText: '再想想', confirmColor: RED })
      if (!confirm) return
    }
    await send(action, spec.body(values), '已提交')
  }

  async function assign() {
    if (sending) return
    // Taking over a colleague's case is allowed, but not by accident.
    if (complaint.handling.assignedStaffId) {
      const { confirm } = await Taro.showModal({ title: '改由您负责', content: '这件投诉已有其他工作人员负责，确定改由您负责吗？', confirmText: '改由我负责', cancelText: '不改', confirmColor: RED })
      if (!confirm) return
    }
    await send('assign', { staffId: userId }, '已分配给您')
  }

  const handled = useRef(0)
  useEffect(() => {
    if (!command || command.seq === handled.current) return
    handled.current = command.seq
    setPicking(false)
    if (command.action === 'cancel') choose(null)
    else if (command.action === 'assign') {
      if (assignToMe) void assign()
    } else if (formActions.includes(command.action)) choose(command.action)
    // Only a new command acts; the panel's own state changing must not replay it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [command])

  async function assignTo(staffId: string) {
    await send('assign', { staffId }, staffId === userId ? '已分配给您' : '已分配')
    setPicking(false)
  }

  if (!formActions.length && !canAssign) {
    return (
      <View className='card'>
        <Text className='muted'>这件投诉现在不需要您处理。</Text>
      </View>
    )
  }

  const spec = open ? (FORMS[open] as FormSpec<typeof open> | undefined) : undefined
  // A field being corrected loses its old error at once, so nobody thinks the new value is wrong too.
  const set = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors(({ [key]: _fixed, ...rest }) => rest)
  }
  return (
    <View className='card actions'>
      <Text className='section-title'>{spec ? spec.label : picking ? '分配给谁负责' : '需要您处理'}</Text>
      {role === 'staff' && <AssigneeLine assignedStaffId={complaint.handling.assignedStaffId} userId={userId} />}
      {picking ? (
        <AssignPicker assignedStaffId={complaint.handling.assignedStaffId} userId={userId} sending={sending} onAssign={assignTo} onCancel={() => setPicking(false)} />
      ) : open && spec ? (
        <View className='action-form'>
          {spec.fields.map((field) => (
            <Field key={field.key} label={field.label} optional={field.kind === 'text' && field.optional} hint={field.kind === 'amount' || field.kind === 'choice' ? field.hint : undefined} error={errors[field.key]}>
              {field.kind === 'text' && (
                <Textarea
                  className='field-textarea'
                  value={values[field.key] ?? ''}
                  maxlength={ACTION_TEXT_MAX}
                  placeholder={field.placeholder}
                  aria-label={field.label}
                  onInput={(e) => set(field.key, e.detail.value)}
                />
              )}
              {field.kind === 'amount' && (
                <Input
                  className={`field-input ${errors[field.key] ? 'field-input-error' : ''}`}
                  type='digit'
                  value={values[field.key] ?? ''}
                  placeholder='例如 128.50'
                  aria-label={field.label}
                  onInput={(e) => set(field.key, e.detail.value)}
                />
              )}
              {field.kind === 'date' && (
                <Picker mode='date' value={values[field.key] || chinaToday()} start={chinaToday()} onChange={(e) => set(field.key, String(e.detail.value))}>
                  <View className='field-input picker-value' aria-label={field.label}>
                    <Text>{values[field.key] ? chineseDate(values[field.key] ?? '') : '请选择日期'}</Text>
                    <Text className='picker-value__change'>选择</Text>
                  </View>
                </Picker>
              )}
              {field.kind === 'choice' && (
                <View className='choice-list'>
                  <ChoiceChips options={typeof field.options === 'function' ? field.options(complaint) : field.options} selected={values[field.key] ? [values[field.key] ?? ''] : []} onToggle={(value) => set(field.key, value)} label={field.label} columns={field.columns ?? 2} />
                  {field.detail && values[field.key] && (
                    <View className='choice-detail'>
                      {(field.detail(complaint, values[field.key] ?? '') ?? '').split('\n').filter(Boolean).map((line) => (
                        <Text key={line} className='choice-detail__line'>{line}</Text>
                      ))}
                    </View>
                  )}
                </View>
              )}
            </Field>
          ))}
          <View className='action-form__buttons'>
            <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void submit(open, spec)}>
              {sending ? '正在提交…' : spec.submitText}
            </Button>
            <Button className='btn btn-plain' onClick={() => choose(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className='actions__buttons'>
          {assignToMe && (
            <Button className='btn btn-secondary' disabled={sending || undefined} onClick={() => void assign()}>
              分配给我
            </Button>
          )}
          {canAssign && (
            <Button className='btn btn-secondary' disabled={sending || undefined} onClick={() => setPicking(true)}>
              分配给同事
            </Button>
          )}
          {/* One red button: the usual next step; the others are outlined. */}
          {formActions.map((action, index) => (
            <Button key={action} className={`btn ${index === 0 && !assignToMe ? 'btn-primary' : 'btn-secondary'}`} disabled={sending || undefined} onClick={() => choose(action)}>
              {FORMS[action]?.label}
            </Button>
          ))}
        </View>
      )}
    </View>
  )
}
