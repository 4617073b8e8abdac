import type { AddMessageRequest, CreateComplaintRequest } from '../../../../src/contract/complaint'
import {
  businessNameError,
  creditCodeError,
  demandsError,
  descriptionError,
  incidentDateError,
  messageError,
  photosError,
} from '../../../../src/contract/complaint-rules'
import { badRequest } from '../../errors'

/**
 * The rules the filing screens show inline, checked again here: the schema only knows shapes,
 * while these count Chinese characters, ignore surrounding blanks and know today's date.
 * `today` is the China date (chinaToday).
 */
export function checkComplaint(request: CreateComplaintRequest, today: string): void {
  if (photosError(request.evidenceIds.length)) throw badRequest('TOO_MANY_PHOTOS')
  const error =
    businessNameError(request.business.name) ??
    creditCodeError(request.business.creditCode ?? '') ??
    incidentDateError(request.incidentDate, today) ??
    descriptionError(request.description) ??
    demandsError(request.demands, request.demandDetail ?? '')
  if (error) throw badRequest('VALIDATION_FAILED', error)
}

export function checkMessage(request: AddMessageRequest): void {
  const photos = request.evidenceIds?.length ?? 0
  if (photosError(photos)) throw badRequest('TOO_MANY_PHOTOS')
  const error = messageError(request.text, photos)
  if (error) throw badRequest('VALIDATION_FAILED', error)
}
