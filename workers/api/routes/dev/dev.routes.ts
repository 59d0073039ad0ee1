import { describeRoute, resolver } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { ApiError } from '../../lib/errors';
import { devOutboxEnabled } from '../../lib/sms';
import { listOutbox } from '../../../../db/queries/codes';
import { OutboxQuery, OutboxResponse } from '../../../../shared/contracts/auth';
import { ErrorEnvelope } from '../../../../shared/contracts/common';

const errors = { description: 'Error', content: { 'application/json': { schema: resolver(ErrorEnvelope) } } };

/*
 * The local SMS outbox: codes the log sender "sent", readable only where DEV_OUTBOX=1
 * (npm start, the e2e/bench servers, the workerd tests). A deployed Worker never has the
 * variable, so there this answers 404 like any unknown path.
 */
export const devRoutes = createApp()
  .use('*', async (c, next) => {
    if (!devOutboxEnabled(c.env)) throw new ApiError('not_found');
    await next();
  })
  .get(
    '/outbox',
    describeRoute({
      tags: ['Accounts'],
      summary: 'Local development only (DEV_OUTBOX=1): SMS codes sent to a phone, newest first; 404 elsewhere',
      responses: { 200: { description: 'Outbox', content: { 'application/json': { schema: resolver(OutboxResponse) } } }, 400: errors, 404: errors },
    }),
    valid('query', OutboxQuery),
    async (c) => {
      const { phone } = c.req.valid('query');
      return c.json({ items: await listOutbox(c.var.db, phone) });
    },
  );
