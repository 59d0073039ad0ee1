import { createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { Icon } from '@ui/icons';
import { loc } from '@ui/i18n';
import { createFormErrors } from '@ui/form';
import {
  CATEGORY_LABEL,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  PARTY_POSTS,
  POST_LABEL,
  STATUS_LABEL,
  type MemberCategory,
  type MemberStatus,
  type PartyPost,
} from '@shared/people';
import { chinaDay } from '@shared/china-time';
import { org } from '../data/org';
import { t } from '../i18n';
import { LabelOptions } from '@ui/components/LabelOptions';
import { UnitSelect } from '../ui/UnitSelect';
import type { Member } from './OrgRegistry';

/**
 * The side drawer of one person on the registry: 编辑 (registry fields, dates not after
 * today) or 转接 (to another unit of the scope, with a reason), and where they have been.
 * Escape or 关闭 closes it; focus goes to its first field.
 */
export function MemberDrawer(props: {
  member: Member;
  mode: 'edit' | 'transfer';
  rootId: string;
  onMode: (m: 'edit' | 'transfer') => void;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
  onMount(() => {
    document.addEventListener('keydown', onKey);
    setTimeout(() => document.getElementById('drawer-first')?.focus(), 0);
  });
  onCleanup(() => document.removeEventListener('keydown', onKey));
  const [history] = createResource(
    () => props.member.rosterId,
    (id) => call('GET /roster/{id}/periods', { id }),
  );

  return (
    <aside class="rg-drawer" role="dialog" aria-modal="false" aria-labelledby="drawer-title" data-testid="member-drawer">
      <div class="rg-drawer-head">
        <h2 id="drawer-title">{props.mode === 'edit' ? t('reg.editTitle') : t('reg.transferTitle')}</h2>
        <Button small variant="ghost" onClick={props.onClose} aria-label={t('reg.close')}>
          ✕
        </Button>
      </div>
      <div class="tx-row rg-drawer-tabs">
        <Button small variant={props.mode === 'edit' ? 'primary' : 'ghost'} onClick={() => props.onMode('edit')} aria-pressed={props.mode === 'edit'}>
          <Icon name="edit" />
          {t('reg.edit')}
        </Button>
        <Button
          small
          variant={props.mode === 'transfer' ? 'primary' : 'ghost'}
          onClick={() => props.onMode('transfer')}
          aria-pressed={props.mode === 'transfer'}
        >
          {t('reg.transfer')}
        </Button>
      </div>
      <Show when={props.mode === 'edit'} fallback={<TransferForm member={props.member} rootId={props.rootId} onDone={props.onDone} />}>
        <EditForm member={props.member} onDone={props.onDone} />
      </Show>
      <Show when={history()?.items.length}>
        <section class="rg-history" aria-labelledby="history-title">
          <h3 id="history-title">{t('reg.history')}</h3>
          <ul>
            <For each={history()!.items}>
              {(p) => (
                <li class="tx-small">
                  {t('reg.historyRow', { unit: p.orgUnitName ?? p.orgUnitId, from: p.fromDay, to: p.toDay ? t('reg.historyTo', { to: p.toDay }) : '' })}
                  <Show when={p.note}> · {p.note}</Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </aside>
  );
}

type EditField = 'name' | 'category' | 'posts' | 'postSince' | 'status' | 'joinedPartyOn';

function EditForm(props: { member: Member; onDone: (message: string) => void }) {
  const m = props.member;
  const [name, setName] = createSignal(m.name);
  const [category, setCategory] = createSignal<MemberCategory>(m.category);
  const [posts, setPosts] = createSignal<PartyPost[]>([...m.posts]);
  const [postSince, setPostSince] = createSignal(m.postSince ?? '');
  const [status, setStatus] = createSignal<MemberStatus>(m.status);
  const [joined, setJoined] = createSignal(m.joinedPartyOn ?? '');
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<EditField>();
  const today = chinaDay();

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!errors.check({ name: name().trim() ? undefined : t('form.required') })) return;
    setSending(true);
    try {
      const r = await call(
        'PATCH /roster/{id}',
        { id: m.rosterId },
        {
          body: {
            name: name().trim(),
            category: category(),
            posts: PARTY_POSTS.filter((p) => posts().includes(p)),
            postSince: postSince() || null,
            status: status(),
            joinedPartyOn: joined() || null,
          },
        },
      );
      props.onDone(r.changed.length ? t('reg.saved', { name: r.member.name }) : t('reg.nothingChanged'));
    } catch (err) {
      errors.fromApi(
        err,
        ['name', 'category', 'posts', 'postSince', 'status', 'joinedPartyOn'],
        Object.fromEntries(PARTY_POSTS.map((_, i) => [`posts.${i}`, 'posts' as const])),
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} novalidate data-testid="member-edit">
      <FormError message={errors.form()} />
      <TextField id="drawer-first" label={t('reg.name')} error={errors.fields().name} maxLength={40} value={name()} onInput={setName} />
      <Field id="edit-category" label={t('reg.category')} error={errors.fields().category}>
        <select id="edit-category" class="tx-select" value={category()} onChange={(e) => setCategory(e.currentTarget.value as MemberCategory)}>
          <LabelOptions ids={MEMBER_CATEGORIES} labels={CATEGORY_LABEL} selected={category()} />
        </select>
      </Field>
      <fieldset class="rg-posts">
        <legend>{t('reg.posts')}</legend>
        <For each={PARTY_POSTS}>
          {(p) => (
            <label class="rg-check">
              <input
                type="checkbox"
                checked={posts().includes(p)}
                onChange={(e) => setPosts(e.currentTarget.checked ? [...posts(), p] : posts().filter((x) => x !== p))}
                data-post={p}
              />
              {loc(POST_LABEL[p])}
            </label>
          )}
        </For>
        <Show when={errors.fields().posts}>
          <p class="tx-field-error">{errors.fields().posts}</p>
        </Show>
      </fieldset>
      <TextField
        id="edit-post-since"
        label={t('reg.postSince')}
        error={errors.fields().postSince}
        hint={t('reg.dateHint')}
        type="date"
        max={today}
        value={postSince()}
        onInput={setPostSince}
      />
      <Field id="edit-status" label={t('reg.status')} error={errors.fields().status}>
        <select id="edit-status" class="tx-select" value={status()} onChange={(e) => setStatus(e.currentTarget.value as MemberStatus)}>
          <LabelOptions ids={MEMBER_STATUSES} labels={STATUS_LABEL} selected={status()} />
        </select>
      </Field>
      <TextField
        id="edit-joined"
        label={t('reg.joinedPartyOn')}
        error={errors.fields().joinedPartyOn}
        hint={t('reg.dateHint')}
        type="date"
        max={today}
        value={joined()}
        onInput={setJoined}
      />
      <Button type="submit" variant="primary" loading={sending()} data-testid="member-save">
        <Icon name="check" />
        {t('action.save')}
      </Button>
    </form>
  );
}

function TransferForm(props: { member: Member; rootId: string; onDone: (message: string) => void }) {
  const [to, setTo] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<'toOrgUnitId' | 'reason'>();
  // every unit of the organizer's scope but the one the person is in
  const targets = () => org.scopeOptions().filter((r) => r.unit.id !== props.member.orgUnitId);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!errors.check({ toOrgUnitId: to() ? undefined : t('reg.transferPick'), reason: reason().trim() ? undefined : t('form.required') })) return;
    setSending(true);
    try {
      const r = await call(
        'POST /org-units/{id}/transfers',
        { id: props.member.orgUnitId },
        { body: { rosterId: props.member.rosterId, toOrgUnitId: to(), reason: reason().trim() } },
      );
      props.onDone(t('reg.transferred', { name: r.member.name, unit: r.member.orgUnitName }));
    } catch (err) {
      errors.fromApi(err, ['toOrgUnitId', 'reason']);
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} novalidate data-testid="member-transfer">
      <p class="tx-small tx-muted">{t('reg.transferLead', { name: props.member.name, unit: props.member.orgUnitName })}</p>
      <FormError message={errors.form()} />
      <Field id="drawer-first" label={t('reg.transferTo')} error={errors.fields().toOrgUnitId}>
        <UnitSelect
          id="drawer-first"
          rows={targets()}
          value={to()}
          onPick={setTo}
          any={t('reg.transferPick')}
          data-testid="transfer-to"
          {...fieldAria('drawer-first', errors.fields().toOrgUnitId)}
        />
      </Field>
      <TextField
        id="transfer-reason"
        label={t('reg.transferReason')}
        error={errors.fields().reason}
        maxLength={100}
        placeholder={t('reg.transferReasonPlaceholder')}
        value={reason()}
        onInput={setReason}
      />
      <Button type="submit" variant="primary" loading={sending()} data-testid="transfer-submit">
        <Icon name="check" />
        {t('reg.transferSubmit')}
      </Button>
    </form>
  );
}
