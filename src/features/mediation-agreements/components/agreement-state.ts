import { signingState, type Agreement } from '@/contract/mediation-agreement'

/** The one line a party reads first: what, if anything, they still have to do. */
export function stateLine(agreement: Agreement): { text: string; tone: 'todo' | 'wait' | 'done' } {
  switch (signingState(agreement)) {
    case 'effective':
      return { text: '双方已签署，协议已生效', tone: 'done' }
    case 'mine':
      return { text: '您已签署，等待对方签署', tone: 'wait' }
    case 'theirs':
      return { text: '对方已签署，待您签署', tone: 'todo' }
    default:
      return { text: '待您签署', tone: 'todo' }
  }
}

/** For the mediator: who has signed the current version. */
export function staffStateLine(agreement: Agreement): string {
  if (agreement.status === 'effective') return '双方已签署，协议已生效'
  const signed = agreement.signatures.filter((s) => s.version === agreement.version && !s.voidedAt).map((s) => (s.party === 'consumer' ? '消费者' : '商家'))
  return signed.length ? `${signed.join('、')}已签署第 ${agreement.version} 版，等待另一方` : `第 ${agreement.version} 版，双方都还没有签署`
}

export const pdfName = (agreement: Agreement) => `调解协议书-${agreement.complaintNumber}-v${agreement.version}.pdf`
