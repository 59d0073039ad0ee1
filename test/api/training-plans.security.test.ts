import { FGW_MANAGERS, roleMatrix } from './roles';
import { chinaYear } from '../../shared/training';

/* Yearly training plans of the fgw 机关党委: only who manages fgw reads or sets them. */

const YEAR = chinaYear(Date.now());
const plan = { classes: { rotation: 2, lecture: 12 }, coverageTarget: 100, hoursTarget: 32 };

roleMatrix('training plan authorization matrix', {
  setup: async () => ({}),
  operations: () => [
    { name: 'a plan with progress', method: 'GET', path: `/api/v1/org-units/fgw/training-plans/${YEAR}`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'a branch’s plan', method: 'GET', path: `/api/v1/org-units/fgw-b1/training-plans/${YEAR}`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'set a plan', method: 'PUT', path: `/api/v1/org-units/fgw/training-plans/${YEAR}`, body: plan, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'set the root’s plan',
      method: 'PUT',
      path: `/api/v1/org-units/root/training-plans/${YEAR}`,
      body: plan,
      allowed: ['rootOrganizer', 'admin'],
      ok: 200,
    },
  ],
});
