import { parseSettings } from '@shared/contracts/campaigns';
import type { CampaignKind } from '@shared/kinds';
import type { consoleApp } from '@ui/i18n/zh-CN/console';

type Key = keyof typeof consoleApp;

/**
 * The few kind settings the create/edit form offers. `path` is the dotted path inside
 * `settings` (and the key of the API's field errors, as `settings.<path>`).
 */
export interface SettingField {
  path: string;
  label: Key;
  type: 'int' | 'text' | 'select' | 'yuan' | 'list' | 'url' | 'bool' | 'banks';
  options?: { value: string; label: Key }[];
  hint?: Key;
  /** fields of one group are sent together or not at all (a drive's charity) */
  group?: 'charity';
}

const AUDIENCE: SettingField = {
  path: 'audience',
  label: 'form.audience',
  type: 'select',
  options: [
    { value: 'public', label: 'form.audiencePublic' },
    { value: 'members', label: 'form.audienceMembers' },
  ],
};

export const KIND_FIELDS: Record<CampaignKind, SettingField[]> = {
  quiz: [
    {
      path: 'mode',
      label: 'form.quizMode',
      type: 'select',
      options: [
        { value: 'daily', label: 'form.quizModeDaily' },
        { value: 'challenge', label: 'form.quizModeChallenge' },
        { value: 'round', label: 'form.quizModeRound' },
      ],
    },
    { path: 'questionsPerAttempt', label: 'form.questionsPerAttempt', type: 'int' },
    { path: 'secondsPerQuestion', label: 'form.secondsPerQuestion', type: 'int' },
    { path: 'attemptsPerDay', label: 'form.attemptsPerDay', type: 'int' },
    // quiz: limits, points, answers, banks and review (labels in the quiz.* block)
    { path: 'attemptsTotal', label: 'quiz.set.attemptsTotal', type: 'int', hint: 'quiz.set.attemptsTotalHint' },
    { path: 'pointsPerCorrect', label: 'quiz.set.pointsPerCorrect', type: 'int' },
    { path: 'pointsForFinish', label: 'quiz.set.pointsForFinish', type: 'int' },
    { path: 'dailyPointsCap', label: 'quiz.set.dailyPointsCap', type: 'int' },
    { path: 'minAnswerMs', label: 'quiz.set.minAnswerMs', type: 'int', hint: 'quiz.set.minAnswerMsHint' },
    {
      path: 'revealAnswers',
      label: 'quiz.set.revealAnswers',
      type: 'bool',
      options: [
        { value: 'true', label: 'quiz.set.yes' },
        { value: 'false', label: 'quiz.set.no' },
      ],
    },
    {
      path: 'stratify',
      label: 'quiz.set.stratify',
      type: 'bool',
      hint: 'quiz.set.stratifyHint',
      options: [
        { value: 'true', label: 'quiz.set.yes' },
        { value: 'false', label: 'quiz.set.no' },
      ],
    },
    { path: 'bankIds', label: 'quiz.set.bankIds', type: 'banks', hint: 'quiz.set.bankIdsHint' },
    AUDIENCE,
  ],
  contest: [
    { path: 'categories', label: 'form.categories', type: 'list', hint: 'form.categoriesHint' },
    { path: 'entriesPerPerson', label: 'form.entriesPerPerson', type: 'int' },
    { path: 'votesPerDay', label: 'form.votesPerDay', type: 'int' },
    AUDIENCE,
  ],
  volunteer: [
    { path: 'pairCap', label: 'form.pairCap', type: 'int' },
    { path: 'maxHoursPerDay', label: 'form.maxHoursPerDay', type: 'int' },
    { path: 'recordsPerDay', label: 'form.recordsPerDay', type: 'int' },
    { path: 'pendingRecordsMax', label: 'form.pendingRecordsMax', type: 'int' },
    AUDIENCE,
  ],
  drive: [
    { path: 'goal', label: 'form.goal', type: 'yuan' },
    { path: 'charity.name', label: 'form.charityName', type: 'text', group: 'charity' },
    { path: 'charity.licenseNo', label: 'form.charityLicense', type: 'text', group: 'charity' },
    { path: 'charity.projectUrl', label: 'form.charityUrl', type: 'url', group: 'charity' },
    AUDIENCE,
  ],
  exhibition: [
    { path: 'venue', label: 'form.venue', type: 'text' },
    { path: 'address', label: 'form.address', type: 'text' },
    { path: 'openingHours', label: 'form.openingHours', type: 'text' },
    { path: 'bookingsPerPerson', label: 'form.bookingsPerPerson', type: 'int' },
    { path: 'groupSizeMax', label: 'form.groupSizeMax', type: 'int' },
    // 参观须知 (visitors tick it before booking) and 实名预约 (names and 身份证号, kept masked)
    { path: 'rules', label: 'form.visitRules', type: 'text', hint: 'form.visitRulesHint' },
    {
      path: 'requireIdNumbers',
      label: 'form.requireIdNumbers',
      type: 'bool',
      hint: 'form.requireIdNumbersHint',
      options: [
        { value: 'true', label: 'quiz.set.yes' },
        { value: 'false', label: 'quiz.set.no' },
      ],
    },
    AUDIENCE,
  ],
  // training: its audience is people of the registry (categories, posts), not public/members
  training: [
    {
      path: 'category',
      label: 'tr.set.category',
      type: 'select',
      options: (['rotation', 'secretary', 'new_member', 'activist', 'online', 'lecture', 'party_day', 'reading'] as const).map((c) => ({
        value: c,
        label: `tr.cat.${c}` as const,
      })),
    },
    { path: 'hoursTarget', label: 'tr.set.hoursTarget', type: 'int' },
    {
      path: 'selfEnroll',
      label: 'tr.set.selfEnroll',
      type: 'bool',
      options: [
        { value: 'true', label: 'tr.set.yes' },
        { value: 'false', label: 'tr.set.no' },
      ],
    },
    { path: 'audience.categories', label: 'tr.set.categories', type: 'list', hint: 'tr.set.categoriesHint' },
    { path: 'audience.posts', label: 'tr.set.posts', type: 'list', hint: 'tr.set.postsHint' },
  ],
};

/** The kind's defaults, straight from the shared schema the API validates with. */
export function defaultsOf(kind: CampaignKind): Record<string, unknown> {
  const r = parseSettings(kind, {});
  return r.success ? (r.output as Record<string, unknown>) : {};
}

function get(obj: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function set(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]!] = value;
}

/** A form value (always a string) shown for a stored setting. */
export function toInput(field: SettingField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.type === 'yuan') return typeof value === 'number' ? String(value / 100) : '';
  if (field.type === 'list' || field.type === 'banks') return Array.isArray(value) ? value.join(',') : '';
  return String(value);
}

/** The placeholder that tells the organizer what an empty field means. */
export function placeholderOf(field: SettingField, defaults: Record<string, unknown>): string {
  const d = get(defaults, field.path);
  if (d === undefined || d === '' || field.type === 'select' || field.group) return '';
  return toInput(field, d);
}

export function inputsFrom(kind: CampaignKind, settings: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(KIND_FIELDS[kind].map((f) => [f.path, toInput(f, get(settings, f.path))]));
}

const INT_RE = /^\d+$/;
const URL_RE = /^https?:\/\/[^\s]+\.[^\s]+$/i;

/**
 * Turns the form's strings into settings. Empty fields are left out (the API fills its default);
 * returns per-field messages (keyed `settings.<path>`) for what cannot be sent.
 */
export function buildSettings(
  kind: CampaignKind,
  inputs: Record<string, string>,
  msg: { integer: string; amount: string; url: string; charity: string },
): { settings: Record<string, unknown>; errors: Record<string, string> } {
  const settings: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const fields = KIND_FIELDS[kind];
  const charity = fields.filter((f) => f.group === 'charity');
  const charityFilled = charity.filter((f) => (inputs[f.path] ?? '').trim());

  for (const f of fields) {
    const raw = (inputs[f.path] ?? '').trim();
    const key = `settings.${f.path}`;
    if (f.group === 'charity') {
      if (charityFilled.length === 0) continue;
      if (!raw) {
        errors[key] = msg.charity;
        continue;
      }
    } else if (!raw) continue;
    switch (f.type) {
      case 'int':
        if (!INT_RE.test(raw)) errors[key] = msg.integer;
        else set(settings, f.path, Number(raw));
        break;
      case 'yuan': {
        const n = Number(raw.replace(/[,，]/g, ''));
        if (!Number.isFinite(n) || n < 0) errors[key] = msg.amount;
        else set(settings, f.path, Math.round(n * 100));
        break;
      }
      case 'bool':
        set(settings, f.path, raw === 'true');
        break;
      case 'banks':
      case 'list':
        set(
          settings,
          f.path,
          raw
            .split(/[,，、;；\n]/)
            .map((s) => s.trim())
            .filter(Boolean),
        );
        break;
      case 'url':
        if (!URL_RE.test(raw)) errors[key] = msg.url;
        else set(settings, f.path, raw);
        break;
      default:
        set(settings, f.path, raw);
    }
  }
  return { settings, errors };
}

/**
 * For an edit: the stored settings with the form's fields replaced. A field the organizer
 * emptied goes back to its default; an emptied charity is removed.
 */
export function mergeForEdit(kind: CampaignKind, stored: Record<string, unknown>, built: Record<string, unknown>): Record<string, unknown> {
  const out = JSON.parse(JSON.stringify(stored ?? {})) as Record<string, unknown>;
  const defaults = defaultsOf(kind);
  for (const f of KIND_FIELDS[kind]) {
    if (f.group === 'charity') continue;
    const d = get(defaults, f.path);
    if (d !== undefined) set(out, f.path, d);
  }
  delete out.charity;
  for (const f of KIND_FIELDS[kind]) {
    const v = get(built, f.path);
    if (v !== undefined) set(out, f.path, v);
  }
  return out;
}
