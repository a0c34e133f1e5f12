import { z } from '@hono/zod-openapi'

export const MigrationInput = z
  .object({
    to: z.number().int().min(1).max(1000).openapi({ description: 'The version to move to.' }),
    dryRun: z
      .boolean()
      .default(false)
      .openapi({ description: 'Only show what would change; write nothing.' }),
  })
  .strict()
  .openapi('MigrationInput')

export const MigrationReport = z
  .object({
    machine: z.string(),
    to: z.number().int(),
    dryRun: z.boolean(),
    moved: z.number().int().openapi({ description: 'Instances moved (dry run: that would move).' }),
    refused: z.number().int().openapi({ description: 'Instances that stay on their version.' }),
    current: z.number().int().openapi({ description: 'Instances already on the version.' }),
    items: z.array(
      z.object({
        instanceId: z.string(),
        title: z.string(),
        from: z.number().int(),
        to: z.number().int(),
        outcome: z.enum(['verplaatst', 'blijft']),
        changes: z.array(z.string()),
        reasons: z.array(z.string()),
      }),
    ),
  })
  .openapi('MigrationReport')
