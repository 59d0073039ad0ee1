import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { NameField, PhoneField } from '@ui/components/PersonFields';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDate } from '@ui/format';
import { campaignHref } from '../data/campaigns';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { getInvite, registerResident, type PublicInvite } from '../data/volunteer';
import { t } from '../i18n';
import { KindBadge } from '../ui/KindCover';
import { OnePlusOne } from '../ui/VolunteerBits';
import '../volunteer.css';

const PHONE_RE = /^1[3-9]\d{9}$/;

/**
 * The invite landing (/invite/:code), opened from WeChat or a poster QR by a resident with no
 * account: who invites, the campaign, what "1+1" means, the consent text in full with an
 * explicit checkbox, and name + phone. Public; nothing here needs a session.
 */
export default function InviteLanding() {
  const params = useParams<{ code: string }>();
  const [invite, { refetch }] = createResource(() => params.code, getInvite);
  const loaded = () => (invite.error ? undefined : invite.latest);
  const invalid = () => invite.error instanceof ApiError && (invite.error.status === 404 || invite.error.status === 400);

  usePageMeta(() => {
    const i = loaded();
    return i
      ? { title: `${t('vol.inviteFrom', { name: i.inviterName })} · ${i.campaign.title}`, description: t('vol.landingMeta', { title: i.campaign.title }) }
      : { title: `${t('vol.landingTitle')} · ${t('app.name')}` };
  });

  return (
    <div class="pt-page vl-page vl-landing">
      <Switch>
        <Match when={invalid()}>
          <div class="tx-card vl-invalid" data-testid="invite-invalid">
            <EmptyState
              icon="alert"
              title={t('vol.invalidTitle')}
              body={errorText(invite.error) || t('vol.invalidBody')}
              action={
                <LinkButton href="/" variant="primary">
                  {t('vol.invalidAction')}
                </LinkButton>
              }
            />
            <p class="tx-small tx-muted vl-center">{t('vol.invalidHint')}</p>
          </div>
        </Match>
        <Match when={invite.error}>
          <ErrorState error={invite.error} onRetry={refetch} />
        </Match>
        <Match when={!loaded()}>
          <div class="vl-hero vl-hero-skel tx-skeleton" />
          <div class="tx-card">
            <Skeleton title lines={5} />
          </div>
        </Match>
        <Match when={loaded()}>{(i) => <Landing invite={i()} />}</Match>
      </Switch>
    </div>
  );
}

type FieldName = 'name' | 'phone' | 'consent';

function Landing(props: { invite: PublicInvite }) {
  const inv = () => props.invite;
  const [name, setName] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [consent, setConsent] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [full, setFull] = createSignal(false);
  const [done, setDone] = createSignal<{ name: string; phone: string } | null>(null);
  const errors = createFormErrors<FieldName>();
  const err = (f: FieldName) => errors.fields()[f];
  const closed = () => !inv().open;
  const noPlaces = () => full() || inv().placesLeft <= 0;

  function validate(): boolean {
    const p = phone().trim();
    return errors.check({
      name: !name().trim() ? t('vol.errName') : name().trim().length > 40 ? t('vol.errNameLong') : undefined,
      phone: !p ? t('form.required') : !PHONE_RE.test(p) ? t('form.phoneInvalid') : undefined,
      consent: consent() ? undefined : t('vol.errConsent'),
    });
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    if (!validate()) return;
    setSending(true);
    try {
      const r = await registerResident(inv().campaign.id, { code: inv().code, name: name().trim(), phone: phone().trim(), consent: true });
      setDone({ name: r.pair.residentName, phone: r.pair.residentPhone });
      window.scrollTo({ top: 0 });
    } catch (er) {
      errors.fromApi(er, ['name', 'phone', 'consent']);
      // the envelope often repeats the one field's message: say it once, under the field
      const only = Object.values(errors.fields()).filter(Boolean);
      if (only.length === 1 && errors.form() === only[0]) errors.setForm(null);
      if (er instanceof ApiError) {
        // the member's places filled up meanwhile; a phone registered already belongs under the phone
        if (er.reason === 'cap_reached') setFull(true);
        if (er.reason === 'already_registered' && !errors.fields().phone) {
          errors.set('phone', er.message || t('vol.errTaken'));
          errors.setForm(null);
        }
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <section class="vl-hero">
        <div class="vl-hero-badge">
          <span class="vl-hero-one">1</span>
          <span class="vl-hero-plus">+</span>
          <span class="vl-hero-one">1</span>
        </div>
        <p class="vl-hero-from">{t('vol.inviteFrom', { name: inv().inviterName })}</p>
        <h1 class="vl-hero-title">{inv().campaign.title}</h1>
        <p class="vl-hero-unit">
          <Icon name="building" />
          {t('vol.organizedBy', { unit: inv().campaign.orgUnitName ?? '' })}
        </p>
      </section>

      <Show
        when={!done()}
        fallback={
          <section class="tx-card vl-success" role="status" data-testid="register-success">
            <div class="vl-success-mark" aria-hidden="true">
              <Icon name="check" />
            </div>
            <h2>{t('vol.successTitle')}</h2>
            <p>{t('vol.successBody', { name: done()!.name, inviter: inv().inviterName })}</p>
            <p class="tx-small tx-muted tx-num">{t('vol.successPhone', { phone: done()!.phone })}</p>
            <div class="vl-success-actions">
              <Show when={!session.me()}>
                <LinkButton
                  href={`/register?next=${encodeURIComponent(campaignHref({ id: inv().campaign.id, slug: inv().campaign.slug ?? '' }))}`}
                  variant="primary"
                  block
                >
                  {t('vol.successRegister')}
                </LinkButton>
              </Show>
              <LinkButton href={campaignHref({ id: inv().campaign.id, slug: inv().campaign.slug ?? '' })} block>
                {t('vol.successCampaign')}
              </LinkButton>
            </div>
          </section>
        }
      >
        <Show when={inv().campaign.summary}>
          <p class="pt-lead vl-summary">{inv().campaign.summary}</p>
        </Show>
        <OnePlusOne open compact />

        <Switch>
          <Match when={closed()}>
            <Notice kind="warning">
              <strong>{t('vol.landingClosed')}</strong>
              <br />
              {t('vol.landingClosedBody')}
            </Notice>
          </Match>
          <Match when={noPlaces()}>
            <Notice kind="warning">
              <strong>{t('vol.landingFull')}</strong>
              <br />
              {t('vol.landingFullBody', { name: inv().inviterName })}
            </Notice>
          </Match>
          <Match when={true}>
            <section class="tx-card vl-register" aria-labelledby="reg-title">
              <h2 id="reg-title">{t('vol.registerTitle')}</h2>
              <p class="tx-small tx-muted">{t('vol.registerLead', { date: fmtDate(inv().campaign.endsAt) })}</p>
              <form onSubmit={submit} novalidate>
                <FormError message={errors.form()} />
                <NameField id="res-name" label={t('vol.residentName')} error={err('name')} hint={t('vol.residentNameHint')} value={name()} onInput={setName} />
                <PhoneField
                  id="res-phone"
                  name="phone"
                  label={t('form.phone')}
                  error={err('phone')}
                  value={phone()}
                  onInput={(v) => setPhone(v.replace(/\D/g, ''))}
                />

                <div class="vl-consent">
                  <h3 id="consent-title">{t('vol.consentTitle')}</h3>
                  <div class="vl-consent-text tx-pre" id="consent-text" tabindex="0" aria-labelledby="consent-title">
                    {inv().consentText}
                  </div>
                  {/* PIPL: how to take it back, next to what they agree to */}
                  <p class="tx-small tx-muted" data-testid="withdraw-hint">
                    {t('vol.withdrawHint', { url: `${location.host}/withdraw` })}
                  </p>
                  <label class="vl-check" for="res-consent">
                    <input
                      id="res-consent"
                      name="consent"
                      type="checkbox"
                      checked={consent()}
                      onChange={(e) => {
                        setConsent(e.currentTarget.checked);
                        if (e.currentTarget.checked) errors.set('consent', undefined);
                      }}
                      aria-invalid={err('consent') ? 'true' : undefined}
                      aria-describedby={err('consent') ? 'res-consent-error' : 'consent-text'}
                    />
                    <span>{t('vol.consentCheck')}</span>
                  </label>
                  <Show when={err('consent')}>
                    <div class="tx-field-error" id="res-consent-error" role="alert">
                      <Icon name="alert" />
                      <span>{err('consent')}</span>
                    </div>
                  </Show>
                </div>

                <Button type="submit" variant="primary" block loading={sending()} class="vl-big">
                  {sending() ? t('state.sending') : t('vol.registerSubmit')}
                </Button>
                <p class="tx-small tx-muted vl-center vl-gap">{t('vol.noAccountNeeded')}</p>
              </form>
            </section>
          </Match>
        </Switch>
      </Show>
      <p class="vl-links">
        <A href={campaignHref({ id: inv().campaign.id, slug: inv().campaign.slug ?? '' })}>
          <KindBadge kind="volunteer" />
          {t('vol.aboutCampaign')}
          <Icon name="chevronRight" />
        </A>
      </p>
    </>
  );
}
