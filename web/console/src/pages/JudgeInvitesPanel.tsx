import { createResource, createSignal, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { FormError } from '@ui/components/Field';
import { ErrorState } from '@ui/components/ErrorState';
import { fmtDateTime } from '@ui/format';
import type { Campaign } from '@ui/types';
import { createJudgeInvite, listJudgeInvites, revokeJudgeInvite, type JudgeInviteCreated } from '../data/contest';
import { t } from '../i18n';
import { DataTable } from '../ui/DataTable';

/**
 * 邀请外部评委: a single-use link (and its QR) for a judge outside the organizer's units;
 * the link is shown once, right after it is made. Open invitations can be revoked.
 */
export function JudgeInvitesPanel(props: { campaign: Campaign; onAccepted?: () => void }) {
  const [invites, { refetch }] = createResource(() => props.campaign.id, listJudgeInvites);
  const [made, setMade] = createSignal<JudgeInviteCreated | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function invite() {
    setBusy(true);
    setError(null);
    try {
      setMade(await createJudgeInvite(props.campaign.id));
      refetch();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await revokeJudgeInvite(props.campaign.id, id);
      if (made()?.id === id) setMade(null);
      refetch();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section class="tx-card" aria-labelledby="judge-invites-title" data-testid="judge-invites">
      <div class="tx-card-title">
        <h2 id="judge-invites-title">{t('contest.invites.title')}</h2>
      </div>
      <p class="tx-muted">{t('contest.invites.lead')}</p>
      <Button onClick={invite} disabled={busy() || props.campaign.status === 'closed'}>
        {t('contest.invites.create')}
      </Button>
      <FormError message={error()} />
      <Show when={made()}>
        {(m) => (
          <div class="cs-ct-invite" data-testid="judge-invite-link">
            <p class="tx-small">{t('contest.invites.once', { at: fmtDateTime(m().expiresAt) })}</p>
            <input class="tx-input" readOnly value={m().url} aria-label={t('contest.invites.link')} onFocus={(e) => e.currentTarget.select()} />
            <img src={m().qrUrl} width="160" height="160" alt={t('contest.invites.qr')} />
          </div>
        )}
      </Show>
      <Show when={invites.error}>
        <ErrorState error={invites.error} onRetry={refetch} />
      </Show>
      <Show when={invites.latest?.length}>
        <DataTable
          head={[
            t('contest.invites.createdAt'),
            t('contest.invites.expiresAt'),
            t('contest.invites.by'),
            { label: <span class="tx-visually-hidden">{t('contest.invites.revoke')}</span> },
          ]}
          rows={invites.latest ?? []}
        >
          {(i) => (
            <tr>
              <td class="tx-num">{fmtDateTime(i.createdAt)}</td>
              <td class="tx-num">{fmtDateTime(i.expiresAt)}</td>
              <td>{i.createdByName ?? '—'}</td>
              <td>
                <Button variant="ghost" onClick={() => revoke(i.id)}>
                  {t('contest.invites.revoke')}
                </Button>
              </td>
            </tr>
          )}
        </DataTable>
      </Show>
    </section>
  );
}
