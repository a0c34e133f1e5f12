import { createRoute, z } from '@hono/zod-openapi'
import { verifyAgainstCheckpoint } from '../../audit/checkpoint-verify.service.ts'
import { publicKeyView, takeCheckpoint } from '../../audit/checkpoint.service.ts'
import { signingKey } from '../../audit/signing-key.ts'
import type { Store } from '../../engine/store.ts'
import { bearer, newRouter } from '../router.ts'
import { VerifyReport, problemResponses } from '../schemas.ts'

const Checkpoint = z
  .object({
    format: z.literal('doorlopend-checkpoint-v1'),
    at: z.string(),
    events: z.number().int(),
    instances: z.number().int(),
    root: z.string().openapi({ description: 'RFC 6962 Merkle root over the sorted heads' }),
    keyId: z.string().openapi({ description: 'SHA-256 of the public key (SPKI DER), hex' }),
    heads: z.array(z.object({ instanceId: z.string(), seq: z.number().int(), hash: z.string() })),
    signature: z.string().openapi({ description: 'Ed25519, base64' }),
  })
  // Strict: a checkpoint with a field added is not the one that was signed.
  .strict()
  .openapi('Checkpoint')

const PublicKey = z
  .object({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKeyPem: z.string() })
  .openapi('PublicKey')

const CheckpointReport = VerifyReport.extend({
  checkpoint: z.object({
    at: z.string(),
    heads: z.number().int(),
    confirmed: z.number().int(),
    outOfScope: z.number().int(),
  }),
}).openapi('CheckpointReport')

/** Signed checkpoints. `signingKeyPem` (DOORLOPEND_SIGNING_KEY) overrides the stored key. */
export function auditCheckpointRoutes(
  store: Store,
  options: { signingKeyPem?: string | undefined } = {},
) {
  const key = () => signingKey(store, options.signingKeyPem)
  return newRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/audit/checkpoint',
        operationId: 'getCheckpoint',
        tags: ['Audit'],
        summary: 'A signed checkpoint: every instance’s head under a Merkle root',
        security: bearer,
        responses: {
          200: {
            description: 'The checkpoint',
            content: { 'application/json': { schema: Checkpoint } },
          },
          ...problemResponses(401, 403),
        },
      }),
      async (c) => c.json(await takeCheckpoint(store, c.var.principal, await key()), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/audit/public-key',
        operationId: 'getPublicKey',
        tags: ['Audit'],
        summary: 'The public key checkpoints are signed with',
        security: bearer,
        responses: {
          200: { description: 'The key', content: { 'application/json': { schema: PublicKey } } },
          ...problemResponses(401, 403),
        },
      }),
      async (c) => c.json(publicKeyView(c.var.principal, await key()), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/audit/verify',
        operationId: 'verifyCheckpoint',
        tags: ['Audit'],
        summary: 'Verify every chain and that the history still extends an earlier checkpoint',
        description:
          'Catches what GET /audit/verify cannot: newest events removed together with their head, or a chain rewritten with fresh hashes. The body is a checkpoint this server signed.',
        security: bearer,
        request: {
          body: { required: true, content: { 'application/json': { schema: Checkpoint } } },
        },
        responses: {
          200: {
            description: 'The report',
            content: { 'application/json': { schema: CheckpointReport } },
          },
          ...problemResponses(400, 401, 403, 413, 415, 422),
        },
      }),
      async (c) =>
        c.json(
          await verifyAgainstCheckpoint(store, c.var.principal, c.req.valid('json'), await key()),
          200,
        ),
    )
}
