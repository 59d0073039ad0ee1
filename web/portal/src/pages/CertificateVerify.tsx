import { createResource, Match, Show, Switch } from 'solid-js';
import { useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { LinkButton } from '@ui/components/Button';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDate } from '@ui/format';
import { usePageMeta } from '../data/title';
import { fmtHours, verifyCertificate, type Verification } from '../data/volunteer';
import { t } from '../i18n';
import '../volunteer.css';

/** Public verification of a service certificate (/verify/:code), opened from its QR. */
export default function CertificateVerify() {
  const params = useParams<{ code: string }>();
  const [res, { refetch }] = createResource(() => params.code, verifyCertificate);
  const loaded = () => (res.error ? undefined : res.latest);
  const invalid = () => res.error instanceof ApiError && (res.error.status === 404 || res.error.status === 400);
  usePageMeta(() => ({ title: `${t('vol.verifyTitle')} · ${t('app.name')}` }));

  return (
    <div class="pt-page vl-page vl-verify">
      <Switch>
        <Match when={invalid()}>
          <section class="tx-card vl-verify-card" data-testid="verify-invalid">
            <div class="vl-verify-mark vl-verify-bad" aria-hidden="true">
              <Icon name="alert" />
            </div>
            <h1>{t('vol.verifyInvalid')}</h1>
            <p class="tx-muted">{t('vol.verifyInvalidBody')}</p>
            <p class="tx-small tx-muted tx-num vl-code-line">{params.code}</p>
            <LinkButton href="/">{t('campaign.backHome')}</LinkButton>
          </section>
        </Match>
        <Match when={res.error}>
          <ErrorState error={res.error} onRetry={refetch} />
        </Match>
        <Match when={!loaded()}>
          <section class="tx-card vl-verify-card">
            <Skeleton title lines={5} />
          </section>
        </Match>
        <Match when={loaded()}>{(v) => <Valid v={v()} code={params.code} />}</Match>
      </Switch>
    </div>
  );
}

function Valid(props: { v: Verification; code: string }) {
  const v = () => props.v;
  return (
    <section class="tx-card vl-verify-card" data-testid="verify-valid">
      <div class={`vl-verify-mark ${v().valid ? '' : 'vl-verify-bad'}`} aria-hidden="true">
        <Icon name={v().valid ? 'check' : 'alert'} />
      </div>
      <h1>{v().valid ? t('vol.verifyValid') : t('vol.verifyInvalid')}</h1>
      <p class="tx-muted">{t('vol.verifyLead')}</p>
      <dl class="vl-verify-facts">
        <div>
          <dt>{t('vol.verifyName')}</dt>
          <dd>{v().name}</dd>
        </div>
        <div>
          <dt>{t('vol.verifyHours')}</dt>
          <dd class="tx-num">
            <strong class="vl-verify-hours">{t('score.hours', { n: fmtHours(v().hours) })}</strong>
            <Show when={v().currentHours !== v().hours}>
              <span class="tx-small tx-muted">{t('vol.verifyCurrent', { n: fmtHours(v().currentHours) })}</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('vol.verifyCampaign')}</dt>
          <dd>{v().campaignTitle}</dd>
        </div>
        <div>
          <dt>{t('vol.verifyIssuer')}</dt>
          <dd>{v().issuer}</dd>
        </div>
        <div>
          <dt>{t('vol.verifyDate')}</dt>
          <dd class="tx-num">{fmtDate(v().issuedAt)}</dd>
        </div>
        <div>
          <dt>{t('vol.verifyCode')}</dt>
          <dd class="tx-num vl-code-line">{props.code}</dd>
        </div>
      </dl>
      <p class="tx-small tx-muted">{t('vol.verifyPrivacy')}</p>
    </section>
  );
}
