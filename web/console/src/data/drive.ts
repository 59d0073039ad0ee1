import { API_BASE, qs, call } from '@ui/api';
import type { Page } from '@ui/types';
import type { PledgeDto as OrgPledge, DriveReport } from '@shared/contracts/drive';
import type { Board as OrgBoard } from '@ui/leaderboard';

/* The charity drive (公益募捐) organizer API on the console (API.md, "Charity drives"). Amounts in fen. */

const enc = encodeURIComponent;

export type { PledgeStatus, PledgeDto as OrgPledge, DriveReport } from '@shared/contracts/drive';
export type { Board as OrgBoard } from '@ui/leaderboard';

export const driveHref = (id: string) => `/campaigns/${enc(id)}/drive`;

export const listPledges = (
  campaignId: string,
  f: { status?: string; orgUnitId?: string; messages?: 'pending'; cursor?: string | null; limit?: number },
): Promise<Page<OrgPledge>> =>
  call(
    'GET /campaigns/{id}/pledges',
    { id: campaignId },
    { query: { status: f.status, orgUnitId: f.orgUnitId, messages: f.messages, cursor: f.cursor, limit: f.limit ?? 20 } },
  );

export const verifyPledge = (id: string, amount: number) => call('POST /pledges/{id}/verify', { id }, { body: { amount } });
export const rejectPledge = (id: string, reason: string) => call('POST /pledges/{id}/reject', { id }, { body: { reason } });
export const setMessage = (id: string, visible: boolean) => call('POST /pledges/{id}/message', { id }, { body: { visible } });

export const getReport = (campaignId: string, orgUnitId?: string | null): Promise<DriveReport> =>
  call('GET /campaigns/{id}/drive-report', { id: campaignId }, { query: { orgUnitId } });
export const reportXlsxUrl = (campaignId: string, orgUnitId?: string | null) =>
  `${API_BASE}/campaigns/${enc(campaignId)}/drive-report${qs({ orgUnitId, format: 'xlsx' })}`;

export const getOrgBoard = (campaignId: string): Promise<OrgBoard> =>
  call('GET /campaigns/{id}/leaderboard', { id: campaignId }, { query: { scope: 'org', limit: 100 } });

export const receiptUrl = (p: Pick<OrgPledge, 'id' | 'receiptUrl'>) => p.receiptUrl ?? `${API_BASE}/pledges/${enc(p.id)}/receipt`;

/** "50" / "12.5" → fen, or null. */
export function yuanToFen(text: string): number | null {
  const s = text.replace(/[¥￥,，\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [i, d = ''] = s.split('.');
  const fen = Number(i) * 100 + Number((d + '00').slice(0, 2));
  return Number.isSafeInteger(fen) && fen > 0 ? fen : null;
}
export const fenToYuanText = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/** fen → "¥1,234" or "¥12.50" (decimals only when there are any; ¥ in every language). */
export function fmtMoney(fen: number | null | undefined): string {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return '—';
  const whole = fen % 100 === 0;
  return `¥${new Intl.NumberFormat('zh-CN', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(fen / 100)}`;
}
