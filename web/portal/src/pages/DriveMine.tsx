import { createResource, createSignal, Index, Match, Show, Switch } from 'solid-js';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { ActionError, Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { errorText } from '@ui/components/ErrorState';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Icon } from '@ui/icons';
import { fmtDateTime } from '@ui/format';
import type { Campaign } from '@ui/types';
import { charityOf, driveHref, fmtMoney, myPledges, receiptHref, safeUrl, uploadReceipt, type Pledge, type PledgeStatus } from '../data/drive';
import { t } from '../i18n';
import { KindBadge } from '../ui/KindCover';
import { DriveSkeleton } from './DrivePage';
import '../drive.css';
import { CampaignGate } from '../ui/CampaignGate';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';
const OK_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/** 我的捐赠 (/c/:idOrSlug/my-pledges): my pledges, their status and the receipt upload. Loaded on demand. */
export default function DriveMine() {
  return (
    <CampaignGate
      kind="drive"
      class="dv-page"
      backClass="dv-back"
      backLabel={t('drive.backToDrive')}
      backHref={driveHref}
      notKindBack={t('drive.backToCampaign')}
      meta={(c) => ({ title: `${t('drive.myPledges')}${c ? ` · ${c.title}` : ''} · ${t('app.name')}` })}
      notKind={t('drive.notDrive')}
      skeleton={() => <DriveSkeleton />}
      signIn={{ title: t('drive.mineSignInTitle'), body: t('drive.mineSignInBody'), label: t('drive.signIn') }}
    >
      {(c) => <MyPledges campaign={c} />}
    </CampaignGate>
  );
}

function MyPledges(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const [mine, { refetch: refetchMine, mutate }] = createResource(
    () => c().id,
    (id) => myPledges(id),
  );

  function replace(p: Pledge) {
    const cur = mine.latest;
    if (cur) mutate({ ...cur, items: cur.items.map((x) => (x.id === p.id ? { ...x, ...p } : x)) });
  }

  return (
    <>
      <header class="dv-head">
        <KindBadge kind="drive" />
        <h1 class="dv-title">{t('drive.myPledges')}</h1>
        <p class="tx-muted dv-lead">{c().title}</p>
      </header>
      <Loaded
        error={mine.error}
        retry={refetchMine}
        loading={!mine.latest}
        skeleton={<DriveSkeleton />}
        empty={mine.latest?.items.length === 0}
        emptyView={
          <EmptyState
            icon="drive"
            title={t('drive.mineEmpty')}
            body={t('drive.mineEmptyBody')}
            action={
              <LinkButton href={`${driveHref(c())}#pledge`} variant="primary">
                {t('drive.pledgeTitle')}
              </LinkButton>
            }
          />
        }
      >
        <Notice icon="info">{t('drive.mineLead')}</Notice>
        <ul class="dv-mine" data-testid="my-pledges">
          {/* Index: a card keeps its upload state when its pledge is replaced */}
          <Index each={mine.latest?.items}>{(p) => <PledgeCard campaign={c()} pledge={p()} onChange={replace} />}</Index>
        </ul>
      </Loaded>
    </>
  );
}

export function PledgeBadge(props: { status: PledgeStatus }) {
  const cls: Record<PledgeStatus, string> = {
    pledged: 'tx-badge-neutral',
    receipt_submitted: 'tx-badge-orange',
    verified: 'tx-badge-green',
    rejected: 'dv-badge-rejected',
  };
  return (
    <span class={`tx-badge ${cls[props.status] ?? 'tx-badge-neutral'}`} data-status={props.status}>
      {t(`drive.status.${props.status}` as 'drive.status.pledged')}
    </span>
  );
}

function PledgeCard(props: { campaign: Campaign; pledge: Pledge; onChange: (p: Pledge) => void }) {
  const p = () => props.pledge;
  const canUpload = () => p().status === 'pledged' || p().status === 'receipt_submitted' || p().status === 'rejected';
  const url = () => {
    const ch = charityOf(props.campaign);
    return ch ? safeUrl(ch.projectUrl) : null;
  };
  return (
    <li class="tx-card dv-pledge-card" data-status={p().status} data-testid="pledge-card" data-id={p().id}>
      <div class="dv-pledge-head">
        <span class="dv-pledge-amount tx-num">{fmtMoney(p().amount)}</span>
        <span class="tx-spacer" />
        <PledgeBadge status={p().status} />
      </div>
      <p class="tx-small tx-muted tx-num">
        {t('drive.pledgedAt', { time: fmtDateTime(p().createdAt) })}
        <Show when={p().anonymous}> · {t('drive.anonymousShort')}</Show>
        <Show when={!p().anonymous && p().displayName}> · {p().displayName}</Show>
      </p>
      <Show when={p().message}>
        <p class="dv-donor-msg">
          “{p().message}”
          <Show when={p().messageStatus === 'pending'}>
            <span class="tx-small tx-muted"> {t('drive.messagePending')}</span>
          </Show>
          <Show when={p().messageStatus === 'hidden'}>
            <span class="tx-small tx-muted"> {t('drive.messageHidden')}</span>
          </Show>
        </p>
      </Show>
      <Switch>
        <Match when={p().status === 'verified'}>
          <Notice kind="success">{t('drive.verifiedNote', { amount: fmtMoney(p().verifiedAmount ?? p().amount), time: fmtDateTime(p().verifiedAt) })}</Notice>
        </Match>
        <Match when={p().status === 'rejected'}>
          <div class="dv-reason" role="note">
            <Icon name="alert" />
            <span>
              <strong>{t('drive.rejectReason')}</strong>
              {p().reason || t('drive.noReason')}
            </span>
          </div>
        </Match>
        <Match when={p().status === 'receipt_submitted'}>
          <p class="tx-small tx-muted">{t('drive.waitingReview')}</p>
        </Match>
        <Match when={p().status === 'pledged'}>
          <p class="tx-small">{t('drive.nextGive')}</p>
          <Show when={url()}>
            {(u) => (
              <a class="tx-btn tx-btn-secondary tx-btn-block" href={u()} target="_blank" rel="noopener noreferrer">
                <Icon name="external" />
                {t('drive.give')}
              </a>
            )}
          </Show>
        </Match>
      </Switch>
      <Show when={p().hasReceipt}>
        <a class="dv-receipt-link tx-small" href={receiptHref(p())} target="_blank" rel="noopener">
          <Icon name="file" />
          {t('drive.viewReceipt')}
        </a>
      </Show>
      <Show when={canUpload()}>
        <ReceiptUpload pledge={p()} onDone={props.onChange} />
      </Show>
    </li>
  );
}

function ReceiptUpload(props: { pledge: Pledge; onDone: (p: Pledge) => void }) {
  const [progress, setProgress] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [ok, setOk] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const id = () => `rc-${props.pledge.id}`;

  async function pick(file: File | undefined) {
    setError(null);
    setOk(false);
    if (!file) return;
    if (file.size > MAX_BYTES) return setError(t('drive.errTooBig'));
    if (file.type && !OK_TYPES.includes(file.type)) return setError(t('drive.errType'));
    if (file.size === 0) return setError(t('drive.errEmpty'));
    setProgress(0);
    try {
      const r = await uploadReceipt(props.pledge.id, file, setProgress);
      setOk(true);
      props.onDone(r.pledge);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 415
          ? t('drive.errType')
          : e instanceof ApiError && e.status === 413
            ? t('drive.errTooBig')
            : e instanceof ApiError && e.code === 'network'
              ? t('drive.errNetwork')
              : errorText(e),
      );
    } finally {
      setProgress(null);
      if (input) input.value = '';
    }
  }

  return (
    <div class="dv-upload">
      <input
        ref={input}
        id={id()}
        type="file"
        accept={ACCEPT}
        class="tx-visually-hidden"
        onChange={(e) => void pick(e.currentTarget.files?.[0])}
        data-testid="receipt-input"
        aria-describedby={`${id()}-hint`}
      />
      <Button block variant={props.pledge.status === 'pledged' ? 'primary' : 'secondary'} loading={progress() !== null} onClick={() => input?.click()}>
        <Icon name="upload" />
        {props.pledge.hasReceipt ? t('drive.replaceReceipt') : t('drive.uploadReceipt')}
      </Button>
      <p class="tx-small tx-muted" id={`${id()}-hint`}>
        {t('drive.receiptHint')}
      </p>
      <Show when={progress() !== null}>
        <ProgressBar value={progress()} label={t('drive.uploading')} />
      </Show>
      <ActionError message={error()} />
      <Show when={ok()}>
        <Notice kind="success">{t('drive.uploaded')}</Notice>
      </Show>
    </div>
  );
}
