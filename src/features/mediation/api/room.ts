import type {
  AnswerSessionRequest,
  PostRoomMessageRequest,
  RecordAbsenceRequest,
  RoomMessage,
  RoomMessagePage,
  RoomState,
  RoomThread,
} from '@/contract/mediation'
import { getJson, postJson } from '@/lib/http'

const room = (id: string) => `/complaints/${encodeURIComponent(id)}/room`

/** null: the case has no room now (not accepted yet, or ended); the server answers 204. */
export const getRoom = async (id: string): Promise<RoomState | null> => (await getJson<RoomState | ''>(room(id))) || null
export const sendHeartbeat = (id: string) => postJson<RoomState>(`${room(id)}/heartbeat`)

export function getMessages(id: string, thread: RoomThread, query: { before?: number; after?: number; limit?: number } = {}) {
  const params: Record<string, string | number> = {}
  if (query.before !== undefined) params.before = String(query.before)
  if (query.after !== undefined) params.after = String(query.after)
  if (query.limit !== undefined) params.limit = query.limit
  return getJson<RoomMessagePage>(`${room(id)}/threads/${thread}/messages`, params)
}

export const postMessage = (id: string, thread: RoomThread, body: PostRoomMessageRequest) => postJson<RoomMessage>(`${room(id)}/threads/${thread}/messages`, body)
export const markRead = (id: string, thread: RoomThread, seq: number) => postJson<RoomState>(`${room(id)}/threads/${thread}/read`, { seq })
export const proposeSession = (id: string, startsAt: string) => postJson<RoomState>(`${room(id)}/sessions`, { startsAt })
export const answerSession = (id: string, sessionId: string, body: AnswerSessionRequest) =>
  postJson<RoomState>(`${room(id)}/sessions/${encodeURIComponent(sessionId)}/answer`, body)
export const recordAbsence = (id: string, sessionId: string, body: RecordAbsenceRequest) =>
  postJson<RoomState>(`${room(id)}/sessions/${encodeURIComponent(sessionId)}/absences`, body)
