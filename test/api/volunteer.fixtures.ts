import type { Client } from '../helpers';

/** Fixtures of the volunteer tests (volunteer.test.ts, volunteer-activities.test.ts). */

let n = 0;
/** A fresh published volunteer (1+1) campaign under the root unit, created by `org`. */
export async function volunteer(org: Client, settings: Record<string, unknown> = {}) {
  const r = await org.post('/api/v1/campaigns', {
    kind: 'volunteer',
    title: `1+1测试${n++}`,
    orgUnitId: 'root',
    startsAt: new Date(Date.now() - 7 * 864e5).toISOString(),
    endsAt: new Date(Date.now() + 864e5).toISOString(),
    settings,
  });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  return id;
}
