import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { PhoneField } from '@ui/components/PersonFields';
import { TextField } from '@ui/components/TextField';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import type { Campaign } from '@ui/types';
import { org } from '../data/org';
import { addPair, listPairs, listRecords, listRoster, type RosterRow } from '../data/volunteer';
import { t } from '../i18n';
import { FormActions } from './FormActions';
import { UnitSelect } from './UnitSelect';

type AddField = 'memberId' | 'name' | 'phone' | 'consent' | 'consentNote';
const PHONE_RE = /^1[3-9]\d{9}$/;

/**
 * 代群众登记: pick the member (search the roster of a unit, or type the member's 编号), then the
 * resident's name and phone and how consent was obtained. A panel on the page, never a modal.
 */
export function AddPair(props: { campaign: Campaign; rootUnit: string; onClose: () => void; onAdded: (name: string) => void }) {
  const units = () => org.subtree(props.rootUnit);
  const firstWithMembers = () => units().find((o) => o.unit.memberCount > 0)?.unit.id ?? props.rootUnit;
  const [unit, setUnit] = createSignal(firstWithMembers());
  const [query, setQuery] = createSignal('');
  const [picked, setPicked] = createSignal<RosterRow | null>(null);
  const [memberId, setMemberId] = createSignal('');
  const [name, setName] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [note, setNote] = createSignal(t('vol.consentNoteDefault'));
  const [consent, setConsent] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<AddField>();
  const err = (f: AddField) => errors.fields()[f];

  // the unit's roster (names and masked phones; a branch has tens of people, five pages at most)
  const [roster, { refetch: refetchRoster }] = createResource(unit, async (u) => {
    const out: RosterRow[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i++) {
      const p = await listRoster(u, cursor);
      out.push(...p.items);
      cursor = p.nextCursor;
      if (!cursor) break;
    }
    return out;
  });
  // the roster has no member ids: members this campaign already knows (pairs, records) give theirs
  const [known] = createResource(unit, async (u) => {
    const [pairs, records] = await Promise.all([
      listPairs(props.campaign.id, { orgUnitId: u, limit: 100 }).catch(() => null),
      listRecords(props.campaign.id, { orgUnitId: u, limit: 100 }).catch(() => null),
    ]);
    const ids = new Map<string, Set<string>>();
    const add = (n: string, id: string) => ids.set(n, new Set([...(ids.get(n) ?? []), id]));
    for (const p of pairs?.items ?? []) if (p.memberUnitId === u) add(p.memberName, p.memberId);
    for (const r of records?.items ?? []) if (r.orgUnitId === u) add(r.name, r.userId);
    return ids;
  });
  const matches = createMemo(() => {
    const q = query().trim();
    const all = roster.error ? [] : (roster.latest ?? []);
    return (q ? all.filter((r) => r.name.includes(q) || r.phone.replace(/\*/g, '').includes(q)) : all).slice(0, 50);
  });
  const idFor = (r: RosterRow): string | null => {
    const s = (known.error ? undefined : known.latest)?.get(r.name);
    return s && s.size === 1 ? [...s][0]! : null;
  };

  function pick(r: RosterRow) {
    setPicked(r);
    const id = idFor(r);
    setMemberId(id ?? '');
    errors.set('memberId', undefined);
    if (!id) requestAnimationFrame(() => document.getElementById('add-member-id')?.focus());
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    const p = phone().trim();
    const ok = errors.check({
      memberId: memberId().trim() ? undefined : t('vol.errMember'),
      name: name().trim() ? undefined : t('form.required'),
      phone: !p ? t('form.required') : PHONE_RE.test(p) ? undefined : t('form.phoneInvalid'),
      consentNote: note().trim() ? undefined : t('vol.errConsentNote'),
      consent: consent() ? undefined : t('vol.errConsentOrganizer'),
    });
    if (!ok) return;
    setSending(true);
    try {
      await addPair(props.campaign.id, { memberId: memberId().trim(), name: name().trim(), phone: p, consent: true, consentNote: note().trim() });
      props.onAdded(name().trim());
      setName('');
      setPhone('');
      setConsent(false);
      setPicked(null);
      setMemberId('');
      errors.clear();
    } catch (er) {
      errors.fromApi(er, ['memberId', 'name', 'phone', 'consent', 'consentNote']);
      if (er instanceof ApiError && er.reason === 'already_registered' && !errors.fields().phone) errors.set('phone', er.message);
      const only = Object.values(errors.fields()).filter(Boolean);
      if (only.length === 1 && errors.form() === only[0]) errors.setForm(null);
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="tx-card vo-add" id="add-pair" aria-labelledby="add-pair-title">
      <div class="tx-card-title">
        <h2 id="add-pair-title">{t('vol.addPairTitle')}</h2>
        <span class="tx-spacer" />
        <Button small variant="ghost" onClick={props.onClose}>
          {t('action.cancel')}
        </Button>
      </div>
      <p class="tx-small tx-muted">{t('vol.addPairLead')}</p>
      <form onSubmit={submit} novalidate>
        <FormError message={errors.form()} />
        <div class="vo-add-grid">
          <fieldset class="vo-fieldset">
            <legend class="tx-field-label">{t('vol.stepMember')}</legend>
            <Field id="add-unit" label={t('vol.memberUnit')}>
              <UnitSelect
                id="add-unit"
                rows={units()}
                value={unit()}
                onPick={(id) => {
                  setUnit(id);
                  setPicked(null);
                }}
              />
            </Field>
            <TextField
              id="add-search"
              label={t('vol.searchRoster')}
              hint={t('vol.searchRosterHint')}
              type="search"
              value={query()}
              placeholder={t('vol.searchPlaceholder')}
              onInput={setQuery}
            />
            <div class="vo-roster" role="listbox" aria-label={t('vol.searchRoster')}>
              <Switch>
                <Match when={roster.error}>
                  <ErrorState error={roster.error} onRetry={refetchRoster} />
                </Match>
                <Match when={roster.loading}>
                  <Skeleton lines={3} />
                </Match>
                <Match when={matches().length === 0}>
                  <p class="tx-small tx-muted vo-roster-empty">{query() ? t('vol.rosterNoMatch') : t('vol.rosterEmpty')}</p>
                </Match>
                <Match when={true}>
                  <For each={matches()}>
                    {(r) => (
                      <button type="button" role="option" class="vo-roster-row" aria-selected={picked() === r} disabled={!r.registered} onClick={() => pick(r)}>
                        <span class="vo-roster-name">{r.name}</span>
                        <span class="tx-num tx-small tx-muted">{r.phone}</span>
                        <span class="tx-spacer" />
                        <Show when={r.registered} fallback={<span class="tx-badge tx-badge-neutral">{t('vol.notRegistered')}</span>}>
                          <Show when={idFor(r)}>
                            <Icon name="check" class="tx-icon vo-roster-ok" />
                          </Show>
                        </Show>
                      </button>
                    )}
                  </For>
                </Match>
              </Switch>
            </div>
            <Field
              id="add-member-id"
              label={t('vol.memberId')}
              error={err('memberId')}
              hint={
                picked()
                  ? idFor(picked()!)
                    ? t('vol.memberIdFound', { name: picked()!.name })
                    : t('vol.memberIdUnknown', { name: picked()!.name })
                  : t('vol.memberIdHint')
              }
            >
              <input
                id="add-member-id"
                class="tx-input tx-num"
                autocomplete="off"
                spellcheck={false}
                value={memberId()}
                onInput={(e) => setMemberId(e.currentTarget.value)}
                {...fieldAria('add-member-id', err('memberId'), 'hint')}
              />
            </Field>
          </fieldset>
          <fieldset class="vo-fieldset">
            <legend class="tx-field-label">{t('vol.stepResident')}</legend>
            <TextField id="add-name" label={t('vol.residentName')} error={err('name')} maxLength={40} value={name()} onInput={setName} />
            {/* the resident's number, not the organizer's: no autofill */}
            <PhoneField
              id="add-phone"
              label={t('vol.residentPhone')}
              error={err('phone')}
              autocomplete="off"
              value={phone()}
              onInput={(v) => setPhone(v.replace(/\D/g, ''))}
            />
            <TextField
              id="add-note"
              label={t('vol.consentNote')}
              error={err('consentNote')}
              hint={t('vol.consentNoteHint')}
              maxLength={200}
              value={note()}
              onInput={setNote}
            />
            <label class="cs-check vo-consent">
              <input
                type="checkbox"
                id="add-consent"
                checked={consent()}
                onChange={(e) => setConsent(e.currentTarget.checked)}
                aria-invalid={err('consent') ? 'true' : undefined}
                aria-describedby={err('consent') ? 'add-consent-error' : undefined}
              />
              <span>{t('vol.consentOrganizer')}</span>
            </label>
            <Show when={err('consent')}>
              <div class="tx-field-error vo-consent-error" id="add-consent-error" role="alert">
                <Icon name="alert" />
                <span>{err('consent')}</span>
              </div>
            </Show>
          </fieldset>
        </div>
        <FormActions busy={sending()} label={sending() ? t('state.sending') : t('vol.addPairSubmit')} onCancel={props.onClose} />
      </form>
    </section>
  );
}
