import { Type, type Static } from '@sinclair/typebox'
import { OrganizationRef } from './organization'

/**
 * Alliances (联盟): a named set of organizations across regions, e.g. 环太湖毗邻城市消费维权联盟.
 * A member may 联盟移送 a case to another member; the partner sees only what it was sent, and the
 * sender keeps reading what it sent across.
 */
export const Alliance = Type.Object({
  id: Type.String(),
  name: Type.String(),
  members: Type.Array(OrganizationRef),
})
export type Alliance = Static<typeof Alliance>

export const AllianceList = Type.Object({ items: Type.Array(Alliance) })
export type AllianceList = Static<typeof AllianceList>

export const AllianceIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** One case moved across the alliance, newest first. */
export const AllianceTransfer = Type.Object({
  complaintId: Type.String(),
  number: Type.String({ description: '投诉编号' }),
  businessName: Type.String(),
  /** Who holds the case now (it may have moved on since). */
  holder: Type.Union([OrganizationRef, Type.Null()]),
  from: OrganizationRef,
  to: OrganizationRef,
  reason: Type.String(),
  at: Type.String(),
})
export type AllianceTransfer = Static<typeof AllianceTransfer>

export const AllianceTransferList = Type.Object({ alliance: Alliance, items: Type.Array(AllianceTransfer) })
export type AllianceTransferList = Static<typeof AllianceTransferList>
