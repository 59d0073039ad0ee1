import { createResource, createSignal, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { addJudge, listJudges } from '../data/contest';
import { org } from '../data/org';
import { t } from '../i18n';
import { DataTable, Loaded } from '../ui/DataTable';

const PHONE_RE = /^1[3-9]\d{9}$/;

/** 评委: who is on the panel, and adding one by phone. */
export function JudgePanel(props: { campaign: Campaign }) {
  const [judges, { refetch, mutate }] = createResource(() => props.campaign.id, listJudges);
  const [phone, setPhone] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [added, setAdded] = createSignal<string | null>(null);
  const errors = createFormErrors<'phone'>();

  async function add(e: SubmitEvent) {
    e.preventDefault();
    setAdded(null);
    errors.setForm(null);
    const p = phone().trim();
    if (!errors.check({ phone: !p ? t('form.required') : !PHONE_RE.test(p) ? t('form.phoneInvalid') : undefined })) return;
    setBusy(true);
    try {
      const list = await addJudge(props.campaign.id, p);
      mutate(list);
      const who = list.find((j) => j.phone === p);
      setAdded(t('contest.panel.added', { name: who?.name ?? p }));
      setPhone('');
    } catch (err) {
      errors.fromApi(err, ['phone']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="tx-card" aria-labelledby="panel-title">
      <div class="tx-card-title">
        <h2 id="panel-title">{t('contest.panel.title')}</h2>
        <Show when={judges.latest}>
          <span class="tx-badge tx-badge-neutral tx-num">{t('contest.panel.count', { n: fmtNumber(judges.latest!.length) })}</span>
        </Show>
      </div>
      <p class="tx-small tx-muted">{t('contest.panel.lead')}</p>
      <form class="cs-ct-inline-form" onSubmit={add} novalidate>
        <Field id="judge-phone" label={t('contest.panel.phone')} error={errors.fields().phone}>
          <div class="cs-inline">
            <input
              id="judge-phone"
              class="tx-input tx-num"
              inputmode="numeric"
              maxLength={11}
              placeholder="139xxxxxxxx"
              value={phone()}
              onInput={(e) => setPhone(e.currentTarget.value)}
              {...fieldAria('judge-phone', errors.fields().phone)}
            />
            <Button type="submit" variant="primary" loading={busy()}>
              <Icon name="plus" />
              {t('contest.panel.add')}
            </Button>
          </div>
        </Field>
        <FormError message={errors.form()} />
        <Show when={added()}>
          <p class="cs-ok" role="status">
            <Icon name="check" />
            {added()}
          </p>
        </Show>
      </form>
      <Loaded
        of={judges}
        retry={refetch}
        lines={3}
        empty={!!judges.latest && judges.latest.length === 0}
        emptyView={<p class="tx-muted cs-ct-empty-line">{t('contest.panel.empty')}</p>}
      >
        <DataTable testid="judges" head={[t('contest.panel.name'), t('contest.panel.phone'), t('contest.panel.unit')]} rows={judges.latest ?? []}>
          {(j) => (
            <tr>
              <td>{j.name}</td>
              <td class="tx-num">{j.phone}</td>
              <td>{j.orgUnitId ? (org.byId().get(j.orgUnitId)?.name ?? j.orgUnitId) : '—'}</td>
            </tr>
          )}
        </DataTable>
      </Loaded>
      <p class="tx-small tx-muted cs-ct-note">{t('contest.panel.conflictNote')}</p>
    </section>
  );
}
