import { safeHttpUrl } from '@shared/links';
import { apiUpload, call } from '@ui/api';
import type { ResponseOf } from '@ui/operations';
import type { Campaign, Page } from '@ui/types';
import { campaignHref } from './campaigns';
import type { DriveProgress as Progress, Donor, PledgeDto as Pledge } from '@shared/contracts/drive';

/* The charity drive (公益募捐) screens' API on the portal (API.md, "Charity drives"). Amounts in fen. */

const enc = encodeURIComponent;

export type { PledgeStatus, DriveProgress as Progress, Donor, PledgeDto as Pledge } from '@shared/contracts/drive';

export interface Charity {
  name: string;
  licenseNo: string;
  projectUrl: string;
}

export interface PledgeInput {
  amount: number;
  displayName?: string;
  anonymous: boolean;
  message?: string;
  orgUnitId?: string;
}

export const driveHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/drive`;
export const myPledgesHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/my-pledges`;

/** The drive's charity from the campaign settings; null when it is incomplete. */
export function charityOf(c: Campaign): Charity | null {
  const s = (c.settings ?? {}) as Record<string, unknown>;
  const ch = s.charity as Record<string, unknown> | undefined;
  if (!ch || typeof ch !== 'object') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { name: str(ch.name), licenseNo: str(ch.licenseNo), projectUrl: str(ch.projectUrl) };
}

/** Only http(s) links open the designated platform: anything else is not shown as a link. */
/** A stored link as an href, or null: the shared http(s)-only rule (older rows predate the contract). */
export const safeUrl = (u: string) => safeHttpUrl(u);

/** Public and cached up to 10 s (Cache-Control: max-age=10); `fresh` skips the browser cache after my own pledge. */
export const getProgress = (id: string, fresh = false): Promise<Progress> =>
  call('GET /campaigns/{id}/progress', { id }, fresh ? { query: { _: Date.now() } } : {});
export const listDonors = (id: string, cursor?: string | null, limit = 20): Promise<Page<Donor>> =>
  call('GET /campaigns/{id}/donors', { id }, { query: { limit, cursor } });
export const myPledges = (id: string, cursor?: string | null): Promise<Page<Pledge>> =>
  call('GET /campaigns/{id}/pledges', { id }, { query: { mine: true, limit: 50, cursor } });

/** One attempt = one Idempotency-Key: the caller keeps the key while retrying the same body. */
export const createPledge = (id: string, body: PledgeInput, key: string) =>
  call('POST /campaigns/{id}/pledges', { id }, { body, headers: { 'Idempotency-Key': key } });

export function uploadReceipt(pledgeId: string, file: File, onProgress: (f: number) => void) {
  const fd = new FormData();
  fd.append('receipt', file, file.name);
  return apiUpload<ResponseOf<'POST /pledges/{id}/receipt'>>('POST', `/pledges/${enc(pledgeId)}/receipt`, fd, '', onProgress);
}

export const receiptHref = (p: Pick<Pledge, 'id' | 'receiptUrl'>) => p.receiptUrl ?? `/api/v1/pledges/${enc(p.id)}/receipt`;

/** A new idempotency key (crypto.randomUUID where there is one; old WebViews get a random string). */
export function newKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** "50" / "12.5" / "¥100" → fen, or null when it is not a positive amount with at most 2 decimals. */
export function yuanToFen(text: string): number | null {
  const s = text.replace(/[¥￥,，\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [i, d = ''] = s.split('.');
  const fen = Number(i) * 100 + Number((d + '00').slice(0, 2));
  return Number.isSafeInteger(fen) && fen > 0 ? fen : null;
}

/** fen → "¥1,234" or "¥12.50" (decimals only when there are any; ¥ in every language). */
export function fmtMoney(fen: number | null | undefined): string {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return '—';
  const whole = fen % 100 === 0;
  return `¥${new Intl.NumberFormat('zh-CN', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(fen / 100)}`;
}
