import type * as zh from '../../zh-CN/console/season';
import type { Same } from '../same';

/** The campaign list's work columns, templates, duplication and the year calendar (年历). */
export const season: Same<typeof zh.season> = {
  'list.colWhen': 'When',
  'list.colPeople': 'Participants',
  'list.colPending': 'To do',
  'list.pendingTitle': '{n} waiting for review or verification',
  'list.none': '—',
  'list.entries': 'Review works',
  'list.judging': 'Judging',
  'list.attempts': 'Quiz',
  'list.more': 'More',
  'list.calendar': 'Calendar',
  'list.duplicate': 'Duplicate',
  'cal.title': 'Campaign calendar',
  'cal.year': '{year}',
  'cal.prev': 'Previous year',
  'cal.next': 'Next year',
  'cal.month': 'Month {m}',
  'cal.empty': 'No campaigns this month',
  'cal.count': '{n} campaigns this year',
  'cal.truncated': 'Only the first {n} campaigns are shown; filter by kind.',
  'tpl.title': 'Start from a template',
  'tpl.hint': 'Pick a template of a usual campaign: the form is filled in from it, and you can change anything.',
  'tpl.blank': 'Blank campaign',
  'tpl.use': 'Use this template',
  'tpl.applied': 'The form is filled in from the template “{name}”.',
  'dup.title': 'Duplicate as a new campaign',
  'dup.hint':
    'Copies the whole set-up (stages and banks, categories and criteria, slot schedule, training sessions) with every date moved by the same offset to the new start; no participant data. The copy is a draft.',
  'dup.startsAt': 'New start',
  'dup.newTitle': 'New title',
  'dup.submit': 'Duplicate',
  'dup.done': 'Duplicated as the draft “{title}”.',
};
