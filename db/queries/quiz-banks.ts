import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { questionBanks, questions, orgUnits } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { auditInsert } from './activity';
import { chunk, isUniqueViolation, underAnyPath, writeBatch, type Stmt } from './util';
import { questionContent, stemKey, type ParsedQuestion } from '../../shared/quiz';

// ---- banks and questions ----------------------------------------------------------------

export async function createBank(db: Db, actorId: string, unit: { id: string; path: string }, title: string) {
  const id = newId();
  const row = { id, orgUnitId: unit.id, orgPath: unit.path, title, createdBy: actorId, createdAt: nowIso() };
  await writeBatch(db, [
    db.insert(questionBanks).values(row),
    auditInsert({ actorId, action: 'bank.create', entity: 'question_bank', entityId: id, orgUnitId: unit.id }),
  ]);
  return row;
}

export async function getBank(db: Db, id: string) {
  return db.query.questionBanks.findFirst({ where: eq(questionBanks.id, id) });
}

/** Banks in the given subtrees (all when `all`), with their active question counts. */
export async function listBanks(db: Db, paths: string[], all: boolean) {
  if (!all && !paths.length) return [];
  return db
    .select({
      id: questionBanks.id,
      title: questionBanks.title,
      orgUnitId: questionBanks.orgUnitId,
      orgUnitName: orgUnits.name,
      createdAt: questionBanks.createdAt,
      questionCount: sql<number>`(SELECT COUNT(*) FROM questions q WHERE q.bank_id = question_banks.id AND q.active = 1)`,
    })
    .from(questionBanks)
    .innerJoin(orgUnits, eq(orgUnits.id, questionBanks.orgUnitId))
    .where(underAnyPath(questionBanks.orgPath, all ? 'all' : paths))
    .orderBy(desc(questionBanks.createdAt));
}

export async function listQuestions(db: Db, bankId: string, limit: number, afterId: string | null) {
  return db
    .select()
    .from(questions)
    .where(and(eq(questions.bankId, bankId), eq(questions.active, true), afterId ? gt(questions.id, afterId) : undefined))
    .orderBy(asc(questions.id))
    .limit(limit + 1);
}

export async function allQuestions(db: Db, bankId: string) {
  return db
    .select()
    .from(questions)
    .where(and(eq(questions.bankId, bankId), eq(questions.active, true)))
    .orderBy(asc(questions.id));
}

export async function getQuestion(db: Db, id: string) {
  return db.query.questions.findFirst({ where: eq(questions.id, id) });
}

/** A question's stored content: what it says, and the key that finds its stem again in the bank. */
const stored = (q: ParsedQuestion) => ({ ...questionContent(q), stemKey: stemKey(q.stem) });

function questionRow(bankId: string, q: ParsedQuestion, now: string) {
  return { id: newId(), bankId, ...stored(q), active: true, createdAt: now, updatedAt: now };
}

/** Adds one question; null when the bank already has the stem. */
export async function addQuestion(db: Db, actorId: string, bank: { id: string; orgUnitId: string }, q: ParsedQuestion) {
  const row = questionRow(bank.id, q, nowIso());
  try {
    await writeBatch(db, [
      db.insert(questions).values(row),
      auditInsert({ actorId, action: 'question.create', entity: 'question', entityId: row.id, orgUnitId: bank.orgUnitId }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return row;
}

export async function updateQuestion(db: Db, actorId: string, id: string, orgUnitId: string, q: ParsedQuestion) {
  try {
    await writeBatch(db, [
      db
        .update(questions)
        .set({ ...stored(q), updatedAt: nowIso() })
        .where(eq(questions.id, id)),
      auditInsert({ actorId, action: 'question.update', entity: 'question', entityId: id, orgUnitId }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
  return true;
}

export async function retireQuestion(db: Db, actorId: string, id: string, orgUnitId: string) {
  // Kept (inactive), not deleted: past attempts and their statistics still point at it.
  await writeBatch(db, [
    db
      .update(questions)
      .set({ active: false, stemKey: sql`${questions.stemKey} || ':retired:' || ${questions.id}`, updatedAt: nowIso() })
      .where(eq(questions.id, id)),
    auditInsert({ actorId, action: 'question.retire', entity: 'question', entityId: id, orgUnitId }),
  ]);
}

/** Stem keys already in the bank, to report duplicates before writing. */
export async function existingStemKeys(db: Db, bankId: string, keys: string[]) {
  const found = new Set<string>();
  for (const part of chunk(keys, 90)) {
    for (const r of await db
      .select({ k: questions.stemKey })
      .from(questions)
      .where(and(eq(questions.bankId, bankId), inArray(questions.stemKey, part))))
      found.add(r.k);
  }
  return found;
}

/** Writes the good rows of an import in one batch (all or nothing). */
export async function importQuestions(
  db: Db,
  actorId: string,
  bank: { id: string; orgUnitId: string },
  list: ParsedQuestion[],
  summary: Record<string, unknown>,
) {
  const now = nowIso();
  const stmts: Stmt[] = chunk(list, 6).map((part) =>
    db
      .insert(questions)
      .values(part.map((q) => questionRow(bank.id, q, now)))
      .onConflictDoNothing(),
  );
  stmts.push(auditInsert({ actorId, action: 'bank.import', entity: 'question_bank', entityId: bank.id, orgUnitId: bank.orgUnitId, detail: summary }));
  await writeBatch(db, stmts);
}

/** The pool a draw takes from: active questions of the banks. */
export async function questionPool(db: Db, bankIds: string[]) {
  if (!bankIds.length) return [];
  return poolQuery(db, bankIds);
}

function poolQuery(db: Db, bankIds: string[]) {
  return db
    .select({ id: questions.id, tags: questions.tags, difficulty: questions.difficulty })
    .from(questions)
    .where(and(inArray(questions.bankId, bankIds), eq(questions.active, true)));
}

export async function banksByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(questionBanks).where(inArray(questionBanks.id, ids));
}
