import { createEffect, createSignal, For, lazy, Match, on, Show, Switch } from 'solid-js';
import { ORG_KINDS, ORG_KIND_LABEL, type OrgKind } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { EmptyState } from '@ui/components/EmptyState';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtNumber } from '@ui/format';
import type { OrgUnit } from '@ui/types';
import { NEXT_KIND, org } from '../data/org';
import { t } from '../i18n';
import { LabelOptions } from '@ui/components/LabelOptions';
import { PageHead } from '../ui/PageHead';
import { RosterImport } from '../ui/RosterImport';
import { UnitSelect } from '../ui/UnitSelect';
import { UrlTabs, useUrlTab } from '../ui/UrlTabs';
import { OrgRegistry } from './OrgRegistry';
import { UnitArchive, UnitEdit } from './OrgUnitActions';

// 角色 and 审计 (issue #14) load when opened
const OrgRoles = lazy(() => import('./OrgRoles'));
const OrgAudit = lazy(() => import('./OrgAudit'));

const TABS = ['registry', 'units', 'roles', 'audit'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL = { registry: 'reg.tabRegistry', units: 'reg.tabUnits', roles: 'org.tab.roles', audit: 'org.tab.audit' } as const;

/**
 * 组织: the member registry (名册) and the units (单位) of the scoped subtree, as URL-kept
 * tabs, with who holds which role (角色) and the audit trail (审计) beside them.
 */
export function Org() {
  createEffect(() => {
    document.title = `${t('org.title')} · ${t('console.name')}`;
  });
  const [tab, setTab] = useUrlTab(TABS);
  return (
    <div class="cs-page">
      <PageHead
        title={t('org.title')}
        lead={
          tab() === 'registry'
            ? t('reg.lead', { unit: org.scope()?.name ?? '' })
            : t('org.treeLead', { unit: org.scope()?.name ?? '', n: org.scopeTree().length })
        }
      />
      <UrlTabs id="org-tabs" panelClass="cs-tab-panel" label={t('reg.tabs')} tabs={TABS} tab={tab()} labelOf={(k: Tab) => t(TAB_LABEL[k])} onChange={setTab}>
        <Switch>
          <Match when={tab() === 'roles'}>
            <OrgRoles />
          </Match>
          <Match when={tab() === 'audit'}>
            <OrgAudit />
          </Match>
          <Match when={tab() === 'units'}>
            <Units />
          </Match>
          <Match when={org.scopeId()}>{(id) => <OrgRegistry rootId={id()} />}</Match>
        </Switch>
      </UrlTabs>
    </div>
  );
}

/** 单位: the scoped subtree as a tree, adding a unit below any of it, renaming, moving and archiving units, and roster import. */
function Units() {
  const [parentId, setParentId] = createSignal<string>('');
  const [rosterUnit, setRosterUnit] = createSignal<string>('');
  const [editing, setEditing] = createSignal<{ unit: OrgUnit; what: 'edit' | 'archive' } | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  // follow the scope switcher until the organizer picks something else
  createEffect(
    on(org.scopeId, (id) => {
      setParentId(id ?? '');
      setRosterUnit(id ?? '');
    }),
  );

  function focus(id: string) {
    document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    setTimeout(() => document.getElementById(`${id}-first`)?.focus(), 300);
  }

  return (
    <>
      <Show when={done()}>
        <Notice kind="success">{done()}</Notice>
      </Show>
      <div class="cs-two">
        <section class="tx-card cs-tree-card" aria-labelledby="tree-title">
          <h2 id="tree-title">{t('org.tree')}</h2>
          <Show when={org.scopeTree().length > 0} fallback={<EmptyState icon="tree" title={t('org.emptyTree')} />}>
            <ul class="cs-tree" role="tree">
              <For each={org.scopeTree()}>
                {(row) => (
                  <li role="treeitem" aria-level={row.depth + 1} class="cs-tree-row" data-depth={row.depth} data-unit={row.unit.id}>
                    <span class="cs-tree-indent" style={{ width: `${row.depth * 1.5}rem` }} />
                    <div class="cs-tree-main">
                      <div class="cs-tree-name">
                        <strong>{row.unit.name}</strong>
                        <span class="tx-badge tx-badge-neutral">{loc(ORG_KIND_LABEL[row.unit.kind])}</span>
                      </div>
                      <div class="tx-small tx-muted tx-num">
                        {t('org.members', { n: fmtNumber(row.unit.memberCount) })}
                        <Show when={typeof row.unit.subtreeMemberCount === 'number' && row.unit.subtreeMemberCount !== row.unit.memberCount}>
                          {' · '}
                          {t('org.subtreeMembers', { n: fmtNumber(row.unit.subtreeMemberCount) })}
                        </Show>
                      </div>
                    </div>
                    <div class="cs-tree-actions">
                      <Button
                        small
                        variant="ghost"
                        aria-label={t('org.addChildFor', { name: row.unit.name })}
                        onClick={() => {
                          setParentId(row.unit.id);
                          focus('add-unit');
                        }}
                      >
                        <Icon name="plus" />
                        <span class="cs-hide-narrow">{t('org.addChild')}</span>
                      </Button>
                      <Button
                        small
                        variant="ghost"
                        aria-label={t('org.importRosterFor', { name: row.unit.name })}
                        onClick={() => {
                          setRosterUnit(row.unit.id);
                          focus('roster');
                        }}
                      >
                        <Icon name="upload" />
                        <span class="cs-hide-narrow">{t('org.importRoster')}</span>
                      </Button>
                      <Button
                        small
                        variant="ghost"
                        aria-label={t('reg.renameFor', { name: row.unit.name })}
                        onClick={() => {
                          setDone(null);
                          setEditing({ unit: row.unit, what: 'edit' });
                          focus('unit-edit');
                        }}
                      >
                        <Icon name="edit" />
                        <span class="cs-hide-narrow">{row.unit.parentId ? `${t('reg.rename')}/${t('reg.move')}` : t('reg.rename')}</span>
                      </Button>
                      <Show when={row.unit.parentId && org.subtree(row.unit.id).length === 1}>
                        <Button
                          small
                          variant="ghost"
                          aria-label={t('reg.archiveFor', { name: row.unit.name })}
                          onClick={() => {
                            setDone(null);
                            setEditing({ unit: row.unit, what: 'archive' });
                          }}
                        >
                          <span>{t('reg.archive')}</span>
                        </Button>
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
        <div class="cs-side-forms">
          <Show when={editing()}>
            {(e) => {
              const close = () => setEditing(null);
              const finish = (m: string) => {
                setEditing(null);
                setDone(m);
              };
              return e().what === 'edit' ? (
                <UnitEdit unit={e().unit} onClose={close} onDone={finish} />
              ) : (
                <UnitArchive unit={e().unit} onClose={close} onDone={finish} />
              );
            }}
          </Show>
          <AddUnit parentId={parentId()} onParent={setParentId} />
          <RosterImport unitId={rosterUnit()} onUnit={setRosterUnit} />
        </div>
      </div>
    </>
  );
}

function AddUnit(props: { parentId: string; onParent: (id: string) => void }) {
  const [name, setName] = createSignal('');
  const [kind, setKind] = createSignal<OrgKind>('branch');
  const [sending, setSending] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  const errors = createFormErrors<'parentId' | 'name' | 'kind'>();

  // suggest the kind that usually sits below the chosen parent
  createEffect(
    on(
      () => props.parentId,
      (id) => {
        const p = org.byId().get(id);
        if (p) setKind(NEXT_KIND[p.kind]);
      },
    ),
  );

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setDone(null);
    errors.setForm(null);
    if (!errors.check({ parentId: props.parentId ? undefined : t('form.required'), name: name().trim() ? undefined : t('form.required') })) return;
    setSending(true);
    try {
      const r = await call('POST /org-units', {}, { body: { parentId: props.parentId, name: name().trim(), kind: kind() } });
      setDone(t('org.added', { name: r.orgUnit.name }));
      setName('');
      await org.refetch();
    } catch (err) {
      errors.fromApi(err, ['parentId', 'name', 'kind']);
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="tx-card" id="add-unit" aria-labelledby="add-unit-title">
      <h2 id="add-unit-title">{t('org.add')}</h2>
      <form onSubmit={submit} novalidate>
        <FormError message={errors.form()} />
        <Field id="add-unit-first" label={t('org.parent')} error={errors.fields().parentId}>
          <UnitSelect
            id="add-unit-first"
            rows={org.scopeTree()}
            value={props.parentId}
            onPick={props.onParent}
            {...fieldAria('add-unit-first', errors.fields().parentId)}
          />
        </Field>
        <TextField
          id="unit-name"
          label={t('org.name')}
          error={errors.fields().name}
          maxLength={60}
          placeholder={t('org.namePlaceholder')}
          value={name()}
          onInput={setName}
        />
        <Field id="unit-kind" label={t('org.kind')} error={errors.fields().kind}>
          <select id="unit-kind" class="tx-select" value={kind()} onChange={(e) => setKind(e.currentTarget.value as OrgKind)}>
            <LabelOptions ids={ORG_KINDS} labels={ORG_KIND_LABEL} selected={kind()} />
          </select>
        </Field>
        <Switch>
          <Match when={done()}>
            <div class="cs-gap">
              <Notice kind="success">{done()}</Notice>
            </div>
          </Match>
        </Switch>
        <Button type="submit" variant="primary" loading={sending()}>
          <Icon name="plus" />
          {t('org.addSubmit')}
        </Button>
      </form>
    </section>
  );
}
