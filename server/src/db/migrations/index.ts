import type { Migration } from 'kysely'
import * as foundation from './2026-11-23T0001-foundation'
import * as complaintsEvidence from './2026-11-23T0002-complaints-evidence'
import * as directoryWorkflow from './2026-11-23T0003-directory-workflow'
import * as notifications from './2026-11-24T0004-notifications'
import * as warnings from './2026-11-24T0005-warnings'
import * as volunteers from './2026-11-24T0006-volunteers'
import * as numericChecks from './2026-12-03T0007-numeric-checks'
import * as notificationSeq from './2026-12-03T0010-notification-seq'
import * as queryIndexes from './2026-12-03T0013-query-indexes'
import * as evidenceProvenance from './2026-12-03T0012-evidence-provenance'
import * as retentionAccessLog from './2026-12-03T0014-retention-access-log'
import * as warningSearchIndex from './2026-12-03T0018-warning-search-index'
import * as dataExport from './2026-12-03T0016-data-export'
import * as accountDeletion from './2026-12-03T0015-account-deletion'
import * as dailyRollups from './2026-12-03T0017-daily-rollups'
import * as jobClaims from './2026-12-03T0019-job-claims'
import * as ruleSets from './2026-12-03T0020-rule-sets'
import * as organizations from './2026-12-04T0021-organizations'
import * as referrals from './2026-12-04T0022-referrals'
import * as orgRollups from './2026-12-04T0026-org-rollups'
import * as repeatsPauses from './2026-12-04T0023-repeats-pauses'
import * as growthFixes from './2026-12-04T0025-growth-fixes'
import * as organizationRuleFamily from './2026-12-04T0027-organization-rule-family'
import * as smsCodePurpose from './2026-12-04T0028-sms-code-purpose'
import * as stations from './2026-12-04T0029-stations'
import * as walkInFiling from './2026-12-04T0030-walk-in-filing'
import * as allianceFindings from './2026-12-04T0039-alliance-findings'
import * as alliancesMembers from './2026-12-04T0033-alliances-members'
import * as mediationRoom from './2026-12-04T0034-mediation-room'
import * as courtHandOff from './2026-12-04T0041-court-hand-off'
import * as organizationFigures from './2026-12-04T0032-organization-figures'
import * as complaintGroups from './2026-12-04T0031-complaint-groups'
import * as eventHashChain from './2026-12-04T0036-event-hash-chain'
import * as mediationAgreements from './2026-12-04T0035-mediation-agreements'
import * as fieldReportOrgs from './2026-12-04T0043-field-report-orgs'
import * as creditRankings from './2026-12-05T0047-credit-rankings'
import * as returnCommitments from './2026-12-05T0049-return-commitments'
import * as badFaithFindings from './2026-12-05T0050-bad-faith-findings'
import * as groupActions from './2026-12-04T0037-group-actions'
import * as figureIndexes from './2026-12-04T0038-figure-indexes'
import * as performanceFollowUp from './2026-12-04T0040-performance-follow-up'
import * as lawyersQa from './2026-12-04T0042-lawyers-qa'
import * as qaComplaintLinks from './2026-12-05T0044-qa-complaint-links'
import * as legalAid from './2026-12-05T0045-legal-aid'
import * as qaPrivacy from './2026-12-05T0046-qa-privacy'
import * as publishedCases from './2026-12-05T0048-published-cases'

/** Listed by hand so the same files run under tsx, in tests and on both databases. */
export const migrations: Record<string, Migration> = {
  '2026-11-23T0001-foundation': foundation,
  '2026-11-23T0002-complaints-evidence': complaintsEvidence,
  '2026-11-23T0003-directory-workflow': directoryWorkflow,
  '2026-11-24T0004-notifications': notifications,
  '2026-11-24T0005-warnings': warnings,
  '2026-11-24T0006-volunteers': volunteers,
  '2026-12-03T0007-numeric-checks': numericChecks,
  '2026-12-03T0010-notification-seq': notificationSeq,
  '2026-12-03T0013-query-indexes': queryIndexes,
  '2026-12-03T0012-evidence-provenance': evidenceProvenance,
  '2026-12-03T0014-retention-access-log': retentionAccessLog,
  '2026-12-03T0018-warning-search-index': warningSearchIndex,
  '2026-12-03T0016-data-export': dataExport,
  '2026-12-03T0015-account-deletion': accountDeletion,
  '2026-12-03T0017-daily-rollups': dailyRollups,
  '2026-12-03T0019-job-claims': jobClaims,
  '2026-12-03T0020-rule-sets': ruleSets,
  '2026-12-04T0021-organizations': organizations,
  '2026-12-04T0022-referrals': referrals,
  '2026-12-04T0023-repeats-pauses': repeatsPauses,
  '2026-12-04T0025-growth-fixes': growthFixes,
  '2026-12-04T0026-org-rollups': orgRollups,
  '2026-12-04T0027-organization-rule-family': organizationRuleFamily,
  '2026-12-04T0028-sms-code-purpose': smsCodePurpose,
  '2026-12-04T0029-stations': stations,
  '2026-12-04T0030-walk-in-filing': walkInFiling,
  '2026-12-04T0031-complaint-groups': complaintGroups,
  '2026-12-04T0032-organization-figures': organizationFigures,
  '2026-12-04T0033-alliances-members': alliancesMembers,
  '2026-12-04T0034-mediation-room': mediationRoom,
  '2026-12-04T0036-event-hash-chain': eventHashChain,
  '2026-12-04T0035-mediation-agreements': mediationAgreements,
  '2026-12-04T0037-group-actions': groupActions,
  '2026-12-04T0038-figure-indexes': figureIndexes,
  '2026-12-04T0039-alliance-findings': allianceFindings,
  '2026-12-04T0040-performance-follow-up': performanceFollowUp,
  '2026-12-04T0041-court-hand-off': courtHandOff,
  '2026-12-04T0042-lawyers-qa': lawyersQa,
  '2026-12-04T0043-field-report-orgs': fieldReportOrgs,
  '2026-12-05T0044-qa-complaint-links': qaComplaintLinks,
  '2026-12-05T0045-legal-aid': legalAid,
  '2026-12-05T0046-qa-privacy': qaPrivacy,
  '2026-12-05T0047-credit-rankings': creditRankings,
  '2026-12-05T0048-published-cases': publishedCases,
  '2026-12-05T0049-return-commitments': returnCommitments,
  '2026-12-05T0050-bad-faith-findings': badFaithFindings,
}
