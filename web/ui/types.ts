import type { CampaignDto } from '@shared/contracts/campaigns';
import type { MembershipDto, UserDto } from '@shared/contracts/auth';
import type { MetricsDto, OrgUnitDto, RosterReportDto } from '@shared/contracts/org';
import type { CampaignKind } from '@shared/kinds';
import type { ActivityType } from '@shared/metrics';

/* Shapes of API responses the front ends read. Type-only imports: no valibot in the bundles. */

export type Campaign = CampaignDto;
export type User = UserDto;
export type Membership = MembershipDto;
export type Metrics = MetricsDto;
export type RosterReport = RosterReportDto;
export type OrgUnit = OrgUnitDto & { subtreeMemberCount?: number };

export interface Me {
  user: User;
  memberships: Membership[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ActivityItem {
  id: string;
  type: ActivityType | string;
  campaignId: string | null;
  campaignTitle: string | null;
  campaignKind: CampaignKind | null;
  points: number;
  quantity: number;
  occurredAt: string;
}

export interface ActivityPage extends Page<ActivityItem> {
  totals: { points: number; events: number };
}
