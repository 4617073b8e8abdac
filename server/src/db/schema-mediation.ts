import type { RoomParty, RoomThread, SessionAnswer, SessionStatus } from '../../../src/contract/mediation'

/** The mediation room (issue #17); see migration 2026-12-04T0034. */
export interface MediationRoomTable {
  complaint_id: string
  /** The last seq handed out to a message of this room. */
  last_seq: number
  created_at: string
}

export interface MediationMessageTable {
  id: string
  complaint_id: string
  seq: number
  thread: RoomThread
  party: RoomParty
  author_id: string
  text: string | null
  created_at: string
}

export interface MediationMessagePhotoTable {
  evidence_id: string
  message_id: string
}

export interface MediationReadTable {
  complaint_id: string
  user_id: string
  thread: RoomThread
  party: RoomParty
  last_read_seq: number
  updated_at: string
}

export interface MediationPresenceTable {
  complaint_id: string
  user_id: string
  party: RoomParty
  last_seen_at: string
}

export interface MediationSessionTable {
  id: string
  complaint_id: string
  starts_at: string
  status: SessionStatus
  proposed_by: string
  consumer_answer: SessionAnswer
  consumer_suggested_at: string | null
  enterprise_answer: SessionAnswer | null
  enterprise_suggested_at: string | null
  reminded_day_at: string | null
  reminded_soon_at: string | null
  created_at: string
  updated_at: string
}

export interface MediationAbsenceTable {
  id: string
  complaint_id: string
  session_id: string
  party: 'consumer' | 'enterprise'
  recorded_by: string
  note: string | null
  created_at: string
}

export interface MediationTables {
  mediation_rooms: MediationRoomTable
  mediation_messages: MediationMessageTable
  mediation_message_photos: MediationMessagePhotoTable
  mediation_reads: MediationReadTable
  mediation_presence: MediationPresenceTable
  mediation_sessions: MediationSessionTable
  mediation_absences: MediationAbsenceTable
}
