import * as v from 'valibot';
import { resolver } from 'hono-openapi';
import { Id } from '../../../shared/contracts/common';

/** An OpenAPI JSON response documented from a valibot schema (the one that shapes it). */
export const json = (schema: v.GenericSchema, description = 'OK') => ({ description, content: { 'application/json': { schema: resolver(schema) } } });

/** `:id` path parameter of most routes. */
export const IdParam = v.object({ id: Id });
