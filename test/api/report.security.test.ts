import { FGW_MANAGERS, ROOT_MANAGERS, roleMatrix } from './roles';

/* Report figures of a subtree, as every role: organizers of that subtree or above. */
const q = 'from=2096-01-01&to=2096-12-31';
roleMatrix('report authorization matrix', {
  setup: async () => null,
  operations: () => [
    { name: 'fgw report', method: 'GET', path: `/api/v1/org-units/fgw/report?${q}`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'branch report', method: 'GET', path: `/api/v1/org-units/fgw-b1/report?${q}`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'jyj report', method: 'GET', path: `/api/v1/org-units/jyj/report?${q}`, allowed: [...ROOT_MANAGERS, 'jyjOrganizer'], ok: 200 },
    { name: 'root report', method: 'GET', path: `/api/v1/org-units/root/report?${q}`, allowed: ROOT_MANAGERS, ok: 200 },
  ],
});
