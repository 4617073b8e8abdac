import { badFaithFindingsRoutes } from './modules/bad-faith-findings/bad-faith-findings.routes'
import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { ERROR_MESSAGES } from '../../src/contract/error-codes'
import type { AppContext } from './context'
import { accessControl } from './plugins/access'
import { bodyLimit } from './plugins/body-limit'
import { errorHandler } from './plugins/error-handler'
import { listGuard } from './plugins/list-guard'
import { buildValidator } from './plugins/request-validation'
import { reusingSerializers, reusingValidators } from './plugins/compiled-schemas'
import { httpCaching } from './plugins/http-caching'
import { authRoutes } from './modules/auth/auth.routes'
import { healthRoutes } from './modules/health/health.routes'
import { usersRoutes } from './modules/users/users.routes'
import { filesRoutes } from './storage/files.routes'
import { complaintsRoutes } from './modules/complaints/complaints.routes'
import { evidenceRoutes } from './modules/evidence/evidence.routes'
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes'
import { workflowRoutes } from './modules/workflow/workflow.routes'
import { statisticsRoutes } from './modules/statistics/statistics.routes'
import { volunteersRoutes } from './modules/volunteers/volunteers.routes'
import { fieldReportsRoutes } from './modules/field-reports/field-reports.routes'
import { notificationsRoutes } from './modules/notifications/notifications.routes'
import { warningsRoutes } from './modules/warnings/warnings.routes'
import { warningImagesRoutes } from './modules/warnings/warning-images.routes'
import { privacyRoutes } from './modules/privacy/privacy.routes'
import { dataExportRoutes } from './modules/data-export/data-export.routes'
import { ruleSetsRoutes } from './modules/rules/rule-sets.routes'
import { organizationsRoutes } from './modules/organizations/organizations.routes'
import { stationsRoutes } from './modules/stations/stations.routes'
import { walkInsRoutes } from './modules/walk-ins/walk-ins.routes'
import { alliancesRoutes } from './modules/alliances/alliances.routes'
import { allianceFindingsRoutes } from './modules/alliances/alliance-findings.routes'
import { membersRoutes } from './modules/memberships/memberships.routes'
import { groupsRoutes } from './modules/groups/groups.routes'
import { referralsRoutes } from './modules/referrals/referrals.routes'
import { mediationRoutes } from './modules/mediation/mediation.routes'
import { evidencePackageRoutes } from './modules/evidence-package/evidence-package.routes'
import { mediationAgreementsRoutes } from './modules/mediation-agreements/mediation-agreements.routes'
import { courtRoutes } from './modules/court/court.routes'
import { performanceRoutes } from './modules/performance/performance.routes'
import { lawyersRoutes } from './modules/lawyers/lawyers.routes'
import { qaRoutes } from './modules/lawyers/qa.routes'
import { legalAidRoutes } from './modules/legal-aid/legal-aid.routes'
import { creditIndexRoutes } from './modules/credit-index/credit-index.routes'
import { publishedCasesRoutes } from './modules/published-cases/published-cases.routes'
import { returnCommitmentsRoutes } from './modules/return-commitments/return-commitments.routes'
import { ApiErrorSchema } from './schemas'

export interface BuildAppOptions {
  logger?: boolean | { level: string }
  /** HTTPS=1: the server's key and chain, and the authority phones install (served at /weiquan-ca.crt). */
  tls?: { key: string; cert: string; authority: string }
}

const JSON_BODY_LIMIT = 64 * 1024

/** The whole API as one Fastify instance; `server.ts` only opens the database and listens. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.tls ? { https: { key: options.tls.key, cert: options.tls.cert } } : {}),
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    schemaController: { compilersFactory: { buildValidator: reusingValidators(buildValidator), buildSerializer: reusingSerializers() } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  await app.register(errorHandler)
  await app.register(bodyLimit)
  await app.register(listGuard)
  app.addSchema(ApiErrorSchema)
  await app.register(swagger, {
    openapi: {
      info: { title: '维权通 API', description: 'Weiquan consumer-rights API', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  await app.register(
    async (api) => {
      await api.register(accessControl, { ctx })
      await api.register(httpCaching)
      await api.register(healthRoutes, { ctx })
      await api.register(authRoutes, { ctx })
      await api.register(usersRoutes, { ctx })
      await api.register(filesRoutes, { ctx })
      await api.register(evidenceRoutes, { ctx })
      await api.register(complaintsRoutes, { ctx })
      await api.register(evidencePackageRoutes, { ctx })
      await api.register(enterprisesRoutes, { ctx })
      await api.register(workflowRoutes, { ctx })
      await api.register(mediationRoutes, { ctx })
      await api.register(statisticsRoutes, { ctx })
      await api.register(volunteersRoutes, { ctx })
      await api.register(fieldReportsRoutes, { ctx })
      await api.register(notificationsRoutes, { ctx })
      await api.register(warningsRoutes, { ctx })
      await api.register(warningImagesRoutes, { ctx })
      await api.register(ruleSetsRoutes, { ctx })
      await api.register(organizationsRoutes, { ctx })
      await api.register(stationsRoutes, { ctx })
      await api.register(walkInsRoutes, { ctx })
      await api.register(alliancesRoutes, { ctx })
      await api.register(allianceFindingsRoutes, { ctx })
      await api.register(membersRoutes, { ctx })
      await api.register(groupsRoutes, { ctx })
      await api.register(referralsRoutes, { ctx })
      await api.register(mediationAgreementsRoutes, { ctx })
      await api.register(courtRoutes, { ctx })
      await api.register(performanceRoutes, { ctx })
      await api.register(lawyersRoutes, { ctx })
      await api.register(legalAidRoutes, { ctx })
      await api.register(qaRoutes, { ctx })
      await api.register(creditIndexRoutes, { ctx })
      await api.register(publishedCasesRoutes, { ctx })
      await api.register(returnCommitmentsRoutes, { ctx })
      await api.register(badFaithFindingsRoutes, { ctx })
      await api.register(privacyRoutes, { ctx })
      await api.register(dataExportRoutes, { ctx })
    },
    { prefix: '/api' },
  )

  if (options.tls) {
    const authority = options.tls.authority
    app.get('/weiquan-ca.crt', { schema: { hide: true } }, (_request, reply) =>
      reply.type('application/x-x509-ca-cert').header('content-disposition', 'attachment; filename="weiquan-ca.crt"').send(authority),
    )
  }
  registerH5(app, ctx.config.h5Dir)
  return app
}

/** Serves the built H5 app at `/` with history-mode fallback; hashed assets are cached for a year. */
function registerH5(app: FastifyInstance, h5Dir: string) {
  const hasH5 = existsSync(path.join(h5Dir, 'index.html'))
  if (hasH5) {
    app.register(fastifyStatic, {
      root: h5Dir,
      index: 'index.html',
      preCompressed: true,
      // Our setHeaders decides caching; the plugin's own header would override it.
      cacheControl: false,
      setHeaders(res, filePath) {
        const hashed = /\.[0-9a-f]{8,}\.(js|css|png|jpe?g|svg|webp|woff2?)$/.test(filePath)
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && hasH5
    if (wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html')
    return reply.status(404).send({ code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND })
  })
}
