import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { useLocation } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDate, phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { session } from '../data/session';
import { createPledge, fmtMoney, myPledgesHref, newKey, safeUrl, yuanToFen, type Charity, type Pledge } from '../data/drive';
import { t } from '../i18n';

type PledgeField = 'amount' | 'displayName' | 'message' | 'orgUnitId';

const QUICK = [10, 50, 100, 200];

export function PledgeSection(props: { campaign: Campaign; charity: Charity | null; onDone: () => void }) {
  const location = useLocation();
  const phase = () => phaseOf(props.campaign);
  return (
    <section class="tx-card dv-pledge" id="pledge" aria-labelledby="dv-pledge-title">
      <h2 id="dv-pledge-title">{t('drive.pledgeTitle')}</h2>
      <Switch>
        <Match when={props.campaign.status === 'draft'}>
          <Notice kind="warning">{t('campaign.draftNote')}</Notice>
        </Match>
        <Match when={phase() === 'ended'}>
          <Notice>{t('drive.closed')}</Notice>
        </Match>
        <Match when={phase() === 'upcoming'}>
          <Notice icon="clock">{t('campaign.upcomingNote', { date: fmtDate(props.campaign.startsAt) })}</Notice>
        </Match>
        <Match when={session.me.loading}>
          <Skeleton lines={2} />
        </Match>
        <Match when={!session.me()}>
          <p class="tx-muted">{t('drive.signInBody')}</p>
          <LinkButton href={`/login?next=${encodeURIComponent(location.pathname)}`} variant="primary" block>
            {t('drive.signIn')}
          </LinkButton>
        </Match>
        <Match when={session.me()}>
          <PledgeForm campaign={props.campaign} charity={props.charity} onDone={props.onDone} />
        </Match>
      </Switch>
    </section>
  );
}

function PledgeForm(props: { campaign: Campaign; charity: Charity | null; onDone: () => void }) {
  const me = () => session.me()!;
  const [amount, setAmount] = createSignal('');
  const [displayName, setDisplayName] = createSignal(me().user.name);
  const [anonymous, setAnonymous] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const units = createMemo(() => me().memberships.filter((m, i, a) => a.findIndex((x) => x.orgUnitId === m.orgUnitId) === i));
  const [unit, setUnit] = createSignal(units().length === 1 ? units()[0]!.orgUnitId : '');
  const [sending, setSending] = createSignal(false);
  const [done, setDone] = createSignal<Pledge | null>(null);
  const errors = createFormErrors<PledgeField>();
  const err = (f: PledgeField) => errors.fields()[f];
  // one attempt, one key: kept while the same body is retried after a network failure
  let attempt: { key: string; body: string } | null = null;

  function validate(): number | null {
    const fen = yuanToFen(amount());
    const ok = errors.check({
      amount: !amount().trim() ? t('drive.errAmountRequired') : fen === null ? t('drive.errAmount') : fen > 1e9 ? t('drive.errAmountMax') : undefined,
      displayName: !anonymous() && displayName().trim().length > 40 ? t('drive.errName') : undefined,
      message: message().length > 200 ? t('drive.errMessage') : undefined,
    });
    return ok ? fen : null;
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    const fen = validate();
    if (fen === null) return;
    const body = {
      amount: fen,
      anonymous: anonymous(),
      ...(!anonymous() && displayName().trim() ? { displayName: displayName().trim() } : {}),
      ...(message().trim() ? { message: message().trim() } : {}),
      ...(unit() ? { orgUnitId: unit() } : {}),
    };
    const text = JSON.stringify(body);
    if (!attempt || attempt.body !== text) attempt = { key: newKey(), body: text };
    setSending(true);
    try {
      const r = await createPledge(props.campaign.id, body, attempt.key);
      attempt = null;
      setDone(r.pledge);
      props.onDone();
    } catch (x) {
      // a network failure keeps the key, so pressing again cannot pledge twice
      if (!(x instanceof ApiError && x.code === 'network')) attempt = null;
      errors.fromApi(x, ['amount', 'displayName', 'message', 'orgUnitId']);
      if (x instanceof ApiError && x.code === 'network') errors.setForm(t('drive.errNetwork'));
    } finally {
      setSending(false);
    }
  }

  return (
    <Show
      when={!done()}
      fallback={
        <NextSteps
          campaign={props.campaign}
          charity={props.charity}
          pledge={done()!}
          onAgain={() => {
            setDone(null);
            setAmount('');
            setMessage('');
          }}
        />
      }
    >
      <p class="tx-small tx-muted">{t('drive.pledgeLead')}</p>
      <form onSubmit={submit} novalidate data-testid="pledge-form">
        <FormError message={errors.form()} />
        <Field id="pl-amount" label={t('drive.amount')} error={err('amount')} hint={t('drive.amountHint')}>
          <div class="dv-quick" role="group" aria-label={t('drive.quickLabel')}>
            <For each={QUICK}>
              {(y) => (
                <button
                  type="button"
                  class="dv-quick-btn tx-num"
                  aria-pressed={yuanToFen(amount()) === y * 100}
                  onClick={() => {
                    setAmount(String(y));
                    errors.set('amount', undefined);
                  }}
                >
                  ¥{y}
                </button>
              )}
            </For>
          </div>
          <div class="dv-amount">
            <span class="dv-amount-prefix" aria-hidden="true">
              ¥
            </span>
            <input
              id="pl-amount"
              name="amount"
              class="tx-input tx-num"
              inputmode="decimal"
              autocomplete="off"
              placeholder={t('drive.amountPlaceholder')}
              value={amount()}
              onInput={(e) => setAmount(e.currentTarget.value)}
              {...fieldAria('pl-amount', err('amount'), 'hint')}
            />
            <span class="dv-amount-unit">{t('drive.yuan')}</span>
          </div>
        </Field>
        <label class="dv-check">
          <input type="checkbox" checked={anonymous()} onChange={(e) => setAnonymous(e.currentTarget.checked)} data-testid="pl-anonymous" />
          <span>
            {t('drive.anonymous')}
            <span class="tx-small tx-muted dv-check-hint">{t('drive.anonymousHint')}</span>
          </span>
        </label>
        <Show when={!anonymous()}>
          <TextField
            id="pl-name"
            label={t('drive.displayName')}
            optional
            error={err('displayName')}
            hint={t('drive.displayNameHint')}
            maxLength={40}
            value={displayName()}
            onInput={setDisplayName}
          />
        </Show>
        <Field id="pl-message" label={t('drive.message')} optional error={err('message')} hint={t('drive.messageHint', { n: 200 - message().length })}>
          <textarea
            id="pl-message"
            class="tx-textarea"
            rows={2}
            maxLength={200}
            placeholder={t('drive.messagePlaceholder')}
            value={message()}
            onInput={(e) => setMessage(e.currentTarget.value)}
            {...fieldAria('pl-message', err('message'), 'hint')}
          />
        </Field>
        <Show when={units().length > 0}>
          <Field id="pl-unit" label={t('drive.unit')} optional error={err('orgUnitId')} hint={t('drive.unitHint')}>
            <select
              id="pl-unit"
              class="tx-select"
              value={unit()}
              onChange={(e) => setUnit(e.currentTarget.value)}
              {...fieldAria('pl-unit', err('orgUnitId'), 'hint')}
            >
              <option value="">{t('drive.noUnit')}</option>
              <For each={units()}>
                {(m) => (
                  <option value={m.orgUnitId} selected={m.orgUnitId === unit()}>
                    {m.orgUnitName}
                  </option>
                )}
              </For>
            </select>
          </Field>
        </Show>
        <Button type="submit" variant="primary" block loading={sending()} data-testid="pledge-submit">
          {sending() ? t('state.sending') : t('drive.pledgeSubmit', { amount: yuanToFen(amount()) ? fmtMoney(yuanToFen(amount())) : '' })}
        </Button>
      </form>
    </Show>
  );
}

function NextSteps(props: { campaign: Campaign; charity: Charity | null; pledge: Pledge; onAgain: () => void }) {
  const url = () => (props.charity ? safeUrl(props.charity.projectUrl) : null);
  return (
    <div class="dv-next" data-testid="pledge-done">
      <Notice kind="success">
        <strong>{t('drive.doneTitle', { amount: fmtMoney(props.pledge.amount) })}</strong>
        <br />
        {t('drive.doneBody')}
      </Notice>
      <ol class="dv-steps">
        <li>
          <strong>{t('drive.step1Title')}</strong>
          <span class="tx-small tx-muted">{t('drive.step1Body', { charity: props.charity?.name ?? '' })}</span>
          <Show when={url()}>
            {(u) => (
              <a class="tx-btn tx-btn-primary tx-btn-block" href={u()} target="_blank" rel="noopener noreferrer">
                <Icon name="external" />
                {t('drive.give')}
              </a>
            )}
          </Show>
        </li>
        <li>
          <strong>{t('drive.step2Title')}</strong>
          <span class="tx-small tx-muted">{t('drive.step2Body')}</span>
          <LinkButton href={myPledgesHref(props.campaign)} block>
            <Icon name="upload" />
            {t('drive.uploadReceipt')}
          </LinkButton>
        </li>
        <li>
          <strong>{t('drive.step3Title')}</strong>
          <span class="tx-small tx-muted">{t('drive.step3Body')}</span>
        </li>
      </ol>
      <Button variant="ghost" small onClick={props.onAgain}>
        {t('drive.pledgeAgain')}
      </Button>
    </div>
  );
}
