import type * as zh from '../../zh-CN/console/training';
import type { Same } from '../same';

/** Party education and training (tr.): settings, sessions, enrolment, the register, the sign-in sheet and statistics. */
export const training: Same<typeof zh.training> = {
  'tr.set.category': 'Kind of training',
  'tr.cat.rotation': 'Rotation training',
  'tr.cat.secretary': 'Secretaries’ model training',
  'tr.cat.new_member': 'New members’ training',
  'tr.cat.activist': 'Activists’ and candidates’ training',
  'tr.cat.online': 'Online training',
  'tr.cat.lecture': 'Party lecture',
  'tr.cat.party_day': 'Themed party day',
  'tr.cat.reading': 'Reading',
  'tr.set.hoursTarget': 'Yearly study-hour target',
  'tr.set.selfEnroll': 'Members may enrol themselves',
  'tr.set.yes': 'Yes',
  'tr.set.no': 'No',
  'tr.set.categories': 'Audience (member categories)',
  'tr.set.categoriesHint': 'Empty for all; or full, probationary, candidate, activist, separated by commas',
  'tr.set.posts': 'Audience (party posts)',
  'tr.set.postsHint': 'Empty for any; or secretary, deputy_secretary, organization …, separated by commas',
};
