import { Match, onCleanup, onMount, Show, Switch, type Accessor, type JSX, type Resource } from 'solid-js';
import { Button, LinkButton } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon, Logo } from '@ui/icons';
import { fmtDate } from '@ui/format';
import { session } from '../data/session';
import { t } from '../i18n';

/**
 * The printable paper of a certificate (1+1 volunteer service, 结业证书 of the year's study):
 * heading, number, "this certifies that <name> of <unit> …", the figures, and the footer with
 * the public verification QR and the issuer. Each certificate brings its own words and figures.
 */
export function CertificatePaper(props: {
  testId: string;
  heading: string;
  subheading: string;
  code: string;
  name: string;
  orgUnitName: string | null | undefined;
  /** what the person is certified for, after their name and unit */
  text: string;
  figures: JSX.Element;
  /** more of the body after the figures (a list of classes, the closing line) */
  children?: JSX.Element;
  qrUrl: string;
  verifyUrl: string;
  issuer: string | null | undefined;
  issuedAt: string;
}) {
  return (
    <article class="vl-cert" aria-labelledby="cert-title" data-testid={props.testId}>
      <div class="vl-cert-inner">
        <header class="vl-cert-head">
          <Logo class="vl-cert-logo" />
          <h1 id="cert-title" class="vl-cert-title">
            {props.heading}
          </h1>
          <p class="vl-cert-sub">{props.subheading}</p>
        </header>
        <p class="vl-cert-no tx-num">{t('vol.certNo', { code: props.code })}</p>
        <div class="vl-cert-body">
          <p>
            {t('vol.certPrefix')}
            <strong class="vl-cert-name">{props.name}</strong>
            {t('vol.certSuffix')}
            {props.orgUnitName ? t('vol.certUnit', { unit: props.orgUnitName }) : ''}
            {props.text}
          </p>
          <div class="vl-cert-figures">{props.figures}</div>
          {props.children}
        </div>
        <footer class="vl-cert-foot">
          <div class="vl-cert-verify">
            <img src={props.qrUrl} width="112" height="112" alt={t('vol.certQrAlt')} />
            <div>
              <strong>{t('vol.certVerify')}</strong>
              <span class="vl-cert-url">{props.verifyUrl}</span>
            </div>
          </div>
          <div class="vl-cert-issuer">
            <span class="vl-cert-issuer-name">{props.issuer}</span>
            <span class="tx-num">{fmtDate(props.issuedAt)}</span>
          </div>
        </footer>
      </div>
    </article>
  );
}

/**
 * The page around a printable certificate (1+1 service, 结业证书): the bar with the way back
 * and 打印, the sign-in prompt, errors with a retry, the paper's skeleton, the print hint; while
 * the page is shown the print rules hide the portal's frame. The page brings its own refusals
 * (`refusals`: <Match>es checked after sign-in) and the paper.
 */
export function CertificateFrame<C>(props: {
  cert: Resource<C>;
  refetch: () => unknown;
  back?: JSX.Element;
  /** a loaded certificate worth printing (one with no hours shows the page's own empty state instead) */
  printable: (c: C) => boolean;
  signInTitle: string;
  signInLabel: string;
  /** where sign-in comes back to */
  next: string;
  /** <Match>es for what the page refuses or says instead of the paper (not found, not yet, no hours) */
  refusals?: JSX.Element;
  children: (c: Accessor<NonNullable<C>>) => JSX.Element;
}) {
  const loaded = () => (props.cert.error ? undefined : props.cert.latest);
  const printable = () => {
    const c = loaded();
    return c !== undefined && props.printable(c);
  };
  onMount(() => document.documentElement.classList.add('vl-print-cert'));
  onCleanup(() => document.documentElement.classList.remove('vl-print-cert'));
  return (
    <div class="pt-page vl-cert-page">
      <div class="vl-cert-bar vl-noprint">
        {props.back}
        <span class="tx-spacer" />
        <Show when={printable()}>
          <Button variant="primary" onClick={() => window.print()} data-testid="print">
            <Icon name="download" />
            {t('vol.certPrint')}
          </Button>
        </Show>
      </div>
      <Switch>
        <Match when={session.me.error}>
          <ErrorState error={session.me.error} onRetry={session.refetch} />
        </Match>
        <Match when={!session.me.loading && !session.me()}>
          <div class="tx-card">
            <EmptyState
              icon="file"
              title={props.signInTitle}
              action={
                <LinkButton href={`/login?next=${encodeURIComponent(props.next)}`} variant="primary">
                  {props.signInLabel}
                </LinkButton>
              }
            />
          </div>
        </Match>
        {props.refusals}
        <Match when={props.cert.error}>
          <ErrorState error={props.cert.error} onRetry={() => void props.refetch()} />
        </Match>
        <Match when={!loaded()}>
          <div class="vl-cert vl-cert-skel">
            <Skeleton title lines={6} />
          </div>
        </Match>
        <Match when={loaded()}>{(c) => props.children(c)}</Match>
      </Switch>
      <Show when={printable()}>
        <div class="vl-noprint vl-cert-help">
          <Notice>{t('vol.certPrintHint')}</Notice>
        </div>
      </Show>
    </div>
  );
}
