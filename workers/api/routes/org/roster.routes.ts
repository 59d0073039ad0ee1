import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage } from '../../lib/authz';
import { PeriodList, RegistryMemberResponse, RegistryPatchBody } from '../../../../shared/contracts/people';
import { getRegistryEntry, memberDto, patchRegistryEntry, periodsOf } from '../../../../db/queries/registry';
import type { Context } from 'hono';
import type { AppEnv } from '../../lib/env';

/** A registry entry its viewer manages: 404 for nobody's, 401/403 outside the subtree. */
async function managedEntry(c: Context<AppEnv>, id: string) {
  const entry = await getRegistryEntry(c.var.db, id);
  if (!entry) throw new ApiError('not_found', 'msg.roster_missing');
  const viewer = requireManage(c, entry.orgPath);
  return { entry, viewer };
}

/** One person on the registry: edits (audited) and where they have been. */
export const rosterRoutes = createApp()
  .patch(
    '/:id',
    describeRoute({
      tags: ['Member registry'],
      summary:
        'Edits a registry entry (organizers of its unit’s subtree): name, 人员类别, 党内职务, 任职日期, 状态, 入党日期. Dates are China days, not in the future. Every change is audited with what it was before and after.',
      responses: { 200: json(RegistryMemberResponse) },
    }),
    valid('param', IdParam),
    valid('json', RegistryPatchBody),
    async (c) => {
      const { entry, viewer } = await managedEntry(c, c.req.valid('param').id);
      const changed = await patchRegistryEntry(c.var.db, viewer.id, entry, c.req.valid('json'));
      if (!changed) throw new ApiError('conflict', 'msg.transfer_raced');
      const now = changed.length ? await getRegistryEntry(c.var.db, entry.rosterId) : entry;
      return c.json({ member: memberDto(now ?? entry), changed });
    },
  )
  .get(
    '/:id/periods',
    describeRoute({
      tags: ['Member registry'],
      summary: 'Where a person on the registry has been: each stay in a unit, from_day inclusive, to_day exclusive (null while it lasts)',
      responses: { 200: json(PeriodList) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { entry } = await managedEntry(c, c.req.valid('param').id);
      return c.json({ items: await periodsOf(c.var.db, entry.rosterId) });
    },
  );
