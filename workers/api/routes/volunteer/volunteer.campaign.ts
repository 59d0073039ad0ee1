import type { Context } from 'hono';
import type { AppEnv } from '../../lib/env';
import type { CampaignRecord } from '../../../../db/queries/campaigns';
import { settingsOf } from '../../../../shared/contracts/campaigns';
import { campaignOfKind, requireOpen } from '../../lib/guards';

export const cfg = (c: CampaignRecord) => settingsOf('volunteer', c.settings);
export const volunteerCampaign = (c: Context<AppEnv>, id: string) => campaignOfKind(c, id, 'volunteer');
export const open = requireOpen;
