import type {
  AnswerRequest,
  AskQuestionRequest,
  CreateSessionRequest,
  InviteLawyerRequest,
  Lawyer,
  LawyerList,
  LawyerStatus,
  LawyerWorkspace,
  PublicSession,
  PublishRequest,
  QaSearchResult,
  QaSession,
  QaSessionList,
  Question,
  QuestionList,
  UpdateSessionRequest,
} from '@/contract/lawyer-qa'
import type { WarningSearchResponse } from '@/contract/warning'
import { getJson, http, postJson } from '@/lib/http'

const id = (value: string) => encodeURIComponent(value)

/** GET /api/qa-sessions (public). */
export const archiveSessions = () => getJson<QaSessionList>('/qa-sessions')
/** GET /api/qa-sessions/:id (public; counts a view). */
export const archiveSession = (sessionId: string) => getJson<PublicSession>(`/qa-sessions/${id(sessionId)}`)
/** GET /api/qa/search (public; 2+ characters). */
export const searchArchive = (q: string) => getJson<QaSearchResult>('/qa/search', { q })

export const askQuestion = (sessionId: string, body: AskQuestionRequest) => postJson<Question>(`/qa-sessions/${id(sessionId)}/questions`, body)
export const myQuestions = () => getJson<QuestionList>('/qa/questions/mine')
export const getQuestion = (questionId: string) => getJson<Question>(`/qa/questions/${id(questionId)}`)

export const getWorkspace = () => getJson<LawyerWorkspace>('/lawyer/workspace')
export const answerQuestion = (questionId: string, body: AnswerRequest) => postJson<Question>(`/lawyer/questions/${id(questionId)}/answer`, body)

export const teamLawyers = () => getJson<LawyerList>('/staff/lawyers')
export const inviteLawyer = (body: InviteLawyerRequest) => postJson<Lawyer>('/staff/lawyers', body)
export const setLawyerStatus = async (lawyerId: string, status: LawyerStatus) => (await http.put<Lawyer>(`/staff/lawyers/${id(lawyerId)}/status`, { status })).data
export const staffSessions = () => getJson<QaSessionList>('/staff/qa-sessions')
export const scheduleSession = (body: CreateSessionRequest) => postJson<QaSession>('/staff/qa-sessions', body)
/** PUT /api/staff/qa-sessions/:id: theme, time and lawyers before the session ends (409 when someone changed it meanwhile). */
export const updateSession = async (sessionId: string, body: UpdateSessionRequest) => (await http.put<QaSession>(`/staff/qa-sessions/${id(sessionId)}`, body)).data
export const sessionQuestions = (sessionId: string) => getJson<QuestionList>(`/staff/qa-sessions/${id(sessionId)}/questions`)
export const publishQuestion = async (questionId: string, body: PublishRequest) => (await http.put<Question>(`/staff/qa-questions/${id(questionId)}/publication`, body)).data

/** GET /api/warnings/search (public): published warnings a lawyer may point the asker to. */
export const searchWarnings = (q: string) => getJson<WarningSearchResponse>('/warnings/search', { q })
