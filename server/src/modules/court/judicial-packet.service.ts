import { PassThrough } from 'node:stream'
import archiver from 'archiver'
import { chinaDate, chinaDateTime, chinaMidnight, DAY_MS } from '../../china-time'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { nextEntryTaken } from '../../storage/zip-entry'
import type { AuthUser } from '../auth/auth.service'
import { findEvidenceByComplaint } from '../evidence/evidence.repository'
import { ensureAgreementPdf } from '../mediation-agreements/agreement-documents'
import { sha256Hex } from '../mediation-agreements/agreement-text'
import { findAgreementByComplaint, findSignatures } from '../mediation-agreements/mediation-agreements.repository'
import { recordAccess } from '../privacy/access-log.service'
import { staffScope } from '../organizations/organization-scope'
import { CONFIRMATION_APPLY_DAYS, JUDICIAL_CONFIRMATION } from './court-law'
import { openCourtCase } from './court-hand-off.service'
import { renderCourtPdfOffThread } from './court-pdf-thread'
import { findReferral } from './court.repository'

const PARTY_LABELS = { consumer: '申请人（消费者）', business: '申请人（经营者）' } as const

interface PacketFile {
  name: string
  title: string
  bytes: Buffer
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8')

/** Zips small files held in memory, one entry taken before the next is appended. */
async function zip(files: PacketFile[]): Promise<Buffer> {
  const archive = archiver('zip', { zlib: { level: 6 } })
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    archive.on('error', reject)
  })
  archive.pipe(out)
  for (const file of files) {
    const taken = nextEntryTaken(archive)
    archive.append(file.bytes, { name: file.name })
    await taken
  }
  await archive.finalize()
  await ended
  return Buffer.concat(chunks)
}

/**
 * 司法确认 materials for a signed agreement (staff who see the case; 409 before both parties signed):
 * a cover sheet naming the court and the deadline to apply, the agreement PDF, the parties as the case
 * records them (with the signature records), the evidence manifest, and manifest.json with the SHA-256
 * of each file.
 */
export async function buildJudicialPacket(ctx: AppContext, user: AuthUser, complaintId: string): Promise<{ zip: Buffer; fileName: string }> {
  const complaint = await openCourtCase(ctx, user, complaintId)
  const agreement = await findAgreementByComplaint(ctx.db, complaint.id)
  if (!agreement || agreement.status !== 'effective' || !agreement.effective_at) throw new AppError(409, 'JUDICIAL_PACKET_AGREEMENT_NOT_SIGNED')
  const [pdf, signatures, consumer, photos, referral, organization, scope] = await Promise.all([
    ensureAgreementPdf(ctx, complaint.id),
    findSignatures(ctx.db, agreement.id),
    ctx.db.selectFrom('users').select(['id', 'display_name', 'phone']).where('id', '=', complaint.consumer_id).executeTakeFirstOrThrow(),
    findEvidenceByComplaint(ctx.db, complaint.id),
    findReferral(ctx.db, complaint.id),
    complaint.organization_id ? ctx.db.selectFrom('organizations').select('name').where('id', '=', complaint.organization_id).executeTakeFirst() : undefined,
    staffScope(ctx.db, user.id),
  ])
  const current = signatures.filter((s) => s.version === agreement.version && !s.voided_at).sort((a, b) => Number(a.party !== 'consumer') - Number(b.party !== 'consumer'))
  const organizationName = organization?.name ?? scope.organization.name
  const effectiveOn = chinaDate(new Date(agreement.effective_at))
  const applyBy = chinaDate(new Date(chinaMidnight(effectiveOn).getTime() + CONFIRMATION_APPLY_DAYS * DAY_MS))
  // A court that referred the case takes the application (the article's first case); otherwise a basic court near the parties.
  const court = referral
    ? `${referral.court_name}（委托调解的法院，案号 ${referral.court_case_number}）`
    : `当事人住所地、标的物所在地或调解组织（${organizationName}）所在地的基层人民法院`
  const businessSigner = current.find((s) => s.party === 'business')

  const parties = {
    note: '本文件为本会案件中记录的当事人信息，不替代身份证明、资格证明',
    complaintNumber: complaint.number,
    mediationOrganization: organizationName,
    consumer: { name: consumer.display_name, accountPhone: consumer.phone, contactPhone: complaint.contact_phone },
    business: {
      name: complaint.business_name,
      creditCode: complaint.business_credit_code,
      address: complaint.business_address,
      region: complaint.business_region,
      enterpriseId: complaint.enterprise_id,
    },
    signatures: current.map((s) => ({ party: s.party, signerName: s.signer_name, signedAt: s.signed_at, ip: s.ip, textSha256: s.text_sha256, method: '短信验证码' })),
    courtReferral: referral ? { courtName: referral.court_name, courtCaseNumber: referral.court_case_number, receivedOn: referral.received_on, courtDeadline: referral.court_deadline } : null,
  }
  const evidence = {
    note: '照片原件和展示件在本案证据包中（消协工作台“导出证据包”），可用 npm run verify-package 核验',
    complaintNumber: complaint.number,
    photos: photos.map((photo, index) => ({
      index: index + 1,
      evidenceId: photo.id,
      sha256: photo.sha256,
      mimeType: photo.mime_type,
      bytes: Number(photo.bytes),
      capturedAt: photo.captured_at,
      uploadedAt: photo.created_at,
      deviceOriginalSha256: photo.original_sha256,
    })),
  }
  const enclosed: PacketFile[] = [
    { name: 'mediation-agreement.pdf', title: '调解协议书', bytes: await ctx.storage.get(pdf.key) },
    { name: 'parties.json', title: '当事人信息及签署记录', bytes: json(parties) },
    { name: 'evidence-manifest.json', title: `证据清单（${photos.length} 张照片）`, bytes: json(evidence) },
  ]
  const cover = await renderCourtPdfOffThread({
    kind: 'cover',
    complaintNumber: complaint.number,
    organizationName,
    preparedOn: chinaDate(ctx.now()),
    applyBy,
    court,
    consumer: { name: consumer.display_name, phone: consumer.phone },
    business: { name: complaint.business_name, creditCode: complaint.business_credit_code, signerName: businessSigner?.signer_name ?? null },
    agreement: { effectiveAt: chinaDateTime(agreement.effective_at), pdfSha256: pdf.sha256, textSha256: agreement.text_sha256 },
    signatures: current.map((s) => ({ partyLabel: PARTY_LABELS[s.party], signerName: s.signer_name, signedAt: chinaDateTime(s.signed_at), ip: s.ip })),
    files: enclosed.map(({ name, title }) => ({ name, title })),
    citations: JUDICIAL_CONFIRMATION,
  })
  const files: PacketFile[] = [{ name: 'cover-sheet.pdf', title: '司法确认申请材料封面', bytes: cover }, ...enclosed]
  const manifest = {
    format: 'weiquan-judicial-confirmation/1',
    complaint: { id: complaint.id, number: complaint.number },
    preparedAt: ctx.now().toISOString(),
    agreement: { version: agreement.version, effectiveAt: agreement.effective_at, textSha256: agreement.text_sha256, pdfSha256: pdf.sha256 },
    applyBy,
    court,
    legalBasis: JUDICIAL_CONFIRMATION,
    files: files.map((file) => ({ path: file.name, title: file.title, bytes: file.bytes.length, sha256: sha256Hex(file.bytes) })),
  }
  const archive = await zip([...files, { name: 'manifest.json', title: '文件清单', bytes: json(manifest) }])
  await recordAccess(ctx, user, 'export', complaint.id)
  return { zip: archive, fileName: `${complaint.number}-judicial-confirmation.zip` }
}
