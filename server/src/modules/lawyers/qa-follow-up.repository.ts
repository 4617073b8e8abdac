import type { Db } from '../../db/database'

/** The complaints filed from these questions, with their current status (qa_complaint_links primary key). */
export function followUpsOfQuestions(db: Db, questionIds: readonly string[]) {
  if (questionIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('qa_complaint_links as k')
    .innerJoin('complaints as c', 'c.id', 'k.complaint_id')
    .select(['k.question_id', 'c.id as complaint_id', 'c.number', 'c.status', 'c.created_at', 'c.updated_at', 'c.closed_at'])
    .where('k.question_id', 'in', [...questionIds])
    .execute()
}

/** 跟进问题的解决: complaints filed from questions one lawyer answered, newest first (qa_complaint_links_lawyer). */
export function followUpsOfLawyerQuery(db: Db, lawyerId: string) {
  return db
    .selectFrom('qa_complaint_links as k')
    .innerJoin('complaints as c', 'c.id', 'k.complaint_id')
    .innerJoin('qa_questions as q', 'q.id', 'k.question_id')
    .innerJoin('qa_sessions as s', 's.id', 'q.session_id')
    .select(['k.question_id', 'q.text', 's.number as session_number', 'c.status', 'c.created_at', 'c.updated_at', 'c.closed_at'])
    .where('k.lawyer_id', '=', lawyerId)
    .orderBy('k.lawyer_id')
    .orderBy('k.created_at', 'desc')
    .limit(50)
}

/** The question a complaint was filed from, with its session's number (the link's unique complaint_id). */
export function sourceOfComplaint(db: Db, complaintId: string) {
  return db
    .selectFrom('qa_complaint_links as k')
    .innerJoin('qa_questions as q', 'q.id', 'k.question_id')
    .innerJoin('qa_sessions as s', 's.id', 'q.session_id')
    .select(['k.question_id', 's.number as session_number'])
    .where('k.complaint_id', '=', complaintId)
    .executeTakeFirst()
}

export function linkOfQuestion(db: Db, questionId: string) {
  return db.selectFrom('qa_complaint_links').select(['complaint_id']).where('question_id', '=', questionId).executeTakeFirst()
}
