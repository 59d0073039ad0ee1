import { createEffect, createSignal, on, Show } from 'solid-js';
import { call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import type { OrgUnit } from '@ui/types';
import { org } from '../data/org';
import { t } from '../i18n';
import { createAction } from '@ui/action';
import { Confirm } from '../ui/Confirm';
import { UnitSelect } from '../ui/UnitSelect';

/** 改名 / 移动 a unit: a new name, a new parent among the scope's units outside its own subtree. */
export function UnitEdit(props: { unit: OrgUnit; onClose: () => void; onDone: (message: string) => void }) {
  const [name, setName] = createSignal(props.unit.name);
  const [parent, setParent] = createSignal(props.unit.parentId ?? '');
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<'name' | 'parentId'>();
  createEffect(
    on(
      () => props.unit.id,
      () => {
        setName(props.unit.name);
        setParent(props.unit.parentId ?? '');
        errors.clear();
      },
    ),
  );
  // not under itself: its own subtree is left out of the parents offered
  const parents = () => {
    const own = new Set(org.subtree(props.unit.id).map((r) => r.unit.id));
    return org.scopeOptions().filter((r) => !own.has(r.unit.id));
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!errors.check({ name: name().trim() ? undefined : t('form.required') })) return;
    setSending(true);
    try {
      const body = {
        name: name().trim() !== props.unit.name ? name().trim() : undefined,
        parentId: parent() && parent() !== props.unit.parentId ? parent() : undefined,
      };
      const r = await call('PATCH /org-units/{id}', { id: props.unit.id }, { body });
      await org.refetch();
      props.onDone(t('reg.unitSaved', { name: r.orgUnit.name }));
    } catch (err) {
      errors.fromApi(err, ['name', 'parentId']);
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="tx-card" id="unit-edit" aria-labelledby="unit-edit-title" data-testid="unit-edit">
      <div class="tx-card-title">
        <h2 id="unit-edit-title">{t('reg.unitEditTitle', { name: props.unit.name })}</h2>
        <span class="tx-spacer" />
        <Button small variant="ghost" onClick={props.onClose} aria-label={t('reg.close')}>
          ✕
        </Button>
      </div>
      <form onSubmit={submit} novalidate>
        <FormError message={errors.form()} />
        <TextField id="unit-edit-first" label={t('reg.newName')} error={errors.fields().name} maxLength={60} value={name()} onInput={setName} />
        <Show when={props.unit.parentId}>
          <Field id="unit-edit-parent" label={t('reg.newParent')} error={errors.fields().parentId}>
            <UnitSelect
              id="unit-edit-parent"
              rows={parents()}
              value={parent()}
              onPick={setParent}
              {...fieldAria('unit-edit-parent', errors.fields().parentId)}
            />
          </Field>
        </Show>
        <Button type="submit" variant="primary" loading={sending()}>
          <Icon name="check" />
          {t('action.save')}
        </Button>
      </form>
    </section>
  );
}

/** 归档: asks first (what may be archived), then says why the server kept it when it is not empty. */
export function UnitArchive(props: { unit: OrgUnit; onClose: () => void; onDone: (message: string) => void }) {
  const { busy, error, run } = createAction();
  async function archive() {
    await run(async () => {
      await call('POST /org-units/{id}/archive', { id: props.unit.id });
      await org.refetch();
      props.onDone(t('reg.archived', { name: props.unit.name }));
    });
  }
  return (
    <Confirm
      id="archive-title"
      describedBy="archive-body"
      testid="unit-archive"
      title={t('reg.archiveTitle', { name: props.unit.name })}
      action={t('reg.archive')}
      busy={busy()}
      onAction={archive}
      onCancel={props.onClose}
    >
      <p id="archive-body" class="tx-small">
        {t('reg.archiveBody')}
      </p>
      <FormError message={error()} />
    </Confirm>
  );
}
