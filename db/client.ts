import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import * as schema from './schema';

/** The drizzle handle every query takes first; `$client` is the raw D1 binding for batches. */
export type Db = DrizzleD1Database<typeof schema> & { $client: D1Database };

export const createDb = (d1: D1Database): Db => drizzle(d1, { schema }) as Db;
