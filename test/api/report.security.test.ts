import { FGW_MANAGERS, ROOT_MANAGERS, roleMatrix } from './roles';

/* Report figures, the 台账 rows and workbook of a subtree, as every role: organizers of that subtree or above. */
const q = 'from=2096-01-01&to=2096-12-31';
roleMatrix('report authorization matrix', {
  setup: async () => null,
  operations: () => [
    { name: 'fgw report', method: 'GET', path: `/api/v1/org-units/fgw/report?${q}`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'branch report', method: 'GET', path: `/api/v1/org-units/fgw-b1/report?${q}`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'jyj report', method: 'GET', path: `/api/v1/org-units/jyj/report?${q}`, allowed: [...ROOT_MANAGERS, 'jyjOrganizer'], ok: 200 },
    { name: 'root report', method: 'GET', path: `/api/v1/org-units/root/report?${q}`, allowed: ROOT_MANAGERS, ok: 200 },
    { name: 'fgw ledger rows', method: 'GET', path: `/api/v1/org-units/fgw/report/rows?group=volunteer&${q}`, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'jyj ledger rows',
      method: 'GET',
      path: `/api/v1/org-units/jyj/report/rows?group=training&${q}`,
      allowed: [...ROOT_MANAGERS, 'jyjOrganizer'],
      ok: 200,
    },
    { name: 'root ledger rows', method: 'GET', path: `/api/v1/org-units/root/report/rows?group=drive&${q}`, allowed: ROOT_MANAGERS, ok: 200 },
    { name: 'fgw workbook', method: 'GET', path: `/api/v1/org-units/fgw/report.xlsx?${q}`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'root workbook', method: 'GET', path: `/api/v1/org-units/root/report.xlsx?${q}`, allowed: ROOT_MANAGERS, ok: 200 },
  ],
});
