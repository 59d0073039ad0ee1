import { FGW_MANAGERS, ROOT_MANAGERS, roleMatrix } from './roles';

/* The draft report of a subtree, as every role: organizers of that subtree or above. */
const q = 'from=2096-01-01&to=2096-12-31';
roleMatrix('report.docx authorization matrix', {
  setup: async () => null,
  operations: () => [
    { name: 'fgw draft', method: 'GET', path: `/api/v1/org-units/fgw/report.docx?${q}`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'branch draft', method: 'GET', path: `/api/v1/org-units/fgw-b1/report.docx?${q}`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'jyj draft', method: 'GET', path: `/api/v1/org-units/jyj/report.docx?${q}`, allowed: [...ROOT_MANAGERS, 'jyjOrganizer'], ok: 200 },
    { name: 'root draft', method: 'GET', path: `/api/v1/org-units/root/report.docx?${q}`, allowed: ROOT_MANAGERS, ok: 200 },
  ],
});
