import type { CampaignDto } from '@shared/contracts/campaigns';
import type { InferOutput } from 'valibot';
import type { MeResponse, MembershipDto, UserDto } from '@shared/contracts/auth';
import type { ActivityItemDto, ActivityPageDto } from '@shared/contracts/me';
import type { MetricsDto, OrgUnitDto, RosterReportDto } from '@shared/contracts/org';

/* Shapes of API responses the front ends read. Type-only imports: no valibot in the bundles. */

export type Campaign = CampaignDto;
/** A campaign of the list; `counts` on those the viewer manages. */
export type CampaignListItem = CampaignDto & { counts?: { participants: number; pending: number } };
export type User = UserDto;
export type Membership = MembershipDto;
export type Metrics = MetricsDto;
export type RosterReport = RosterReportDto;
export type OrgUnit = OrgUnitDto & { subtreeMemberCount?: number };

export type Me = InferOutput<typeof MeResponse>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ActivityItem = ActivityItemDto;
export type ActivityPage = ActivityPageDto;
