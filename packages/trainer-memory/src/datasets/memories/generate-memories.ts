import { createRng, DataError, type Rng } from '@tethys/data';
import type { CorpusDocument, RetrievalQuery } from '../../evaluation/retrieval-types';
import { DEFAULT_DATASET_SEED, type RetrievalDataset, type TrainingPair } from '../dataset-types';
import { fillTemplate, pick } from './template';
import { MEMORY_TOPICS, type MemoryKind, type MemoryTopic, type UserProfile } from './topics';
import { BANKS, EMPLOYERS, FIRST_NAMES } from './vocabulary';

/** Query templates per topic reserved for training wording; the rest (3 of 5) word evaluation queries. */
const TRAIN_TEMPLATES = 2;

export interface GeneratedMemory {
  /** `<userId>/<topic key>`, unique because a user has at most one memory per topic. */
  readonly id: string;
  readonly userId: string;
  readonly kind: MemoryKind;
  readonly topic: string;
  /** What the user told the co-pilot. */
  readonly text: string;
  /** 1 to 3 later questions that need this memory, each from a different paraphrase template. */
  readonly queries: readonly string[];
  readonly split: 'train' | 'eval';
}

export interface CopilotMemoryOptions {
  readonly seed?: number;
  /** Number of users (default 8). */
  readonly users?: number;
  /** Chance that a user has a memory for an applicable topic (default 0.85). */
  readonly topicProbability?: number;
  /** Share of memories whose queries are held out for evaluation (default 0.5). */
  readonly evalFraction?: number;
}

export interface CopilotMemoryDataset extends RetrievalDataset {
  readonly memories: readonly GeneratedMemory[];
  readonly users: readonly UserProfile[];
}

/**
 * Synthetic but realistic co-pilot memories: per-user bills, debts, goals,
 * income, accounts, preferences, risk tolerance, merchants, family and dates
 * (65 topics, see topics.ts), with amounts, providers and dates drawn per user.
 *
 * Generation (all from `seed`): user n's profile, topic choices and wording come
 * from its own stream (fork "user-n"), and each topic from a sub-stream of it,
 * so adding users or topics leaves the others unchanged. A memory's text is one
 * of its topic's statement templates; its queries come from the topic's five
 * query templates, worded differently from every statement.
 *
 * Split, two ways at once, so evaluation measures unseen memories asked in unseen wording:
 * - memories (fork "memory-split"): shuffled; the first round(evalFraction x n)
 *   are evaluation memories, the rest training memories;
 * - query templates (fork "template-split"): per topic, shuffled once for all
 *   users; 3 word evaluation queries, 2 word training queries.
 * An evaluation memory gets 1-3 queries from distinct evaluation templates: the
 * evaluation queries (scope = userId, relevant = the memory). A training memory
 * gets 1-2 from distinct training templates: the training pairs. As a last guard,
 * a training query equal to any evaluation query (case and spacing ignored) is
 * dropped. The corpus is every memory, scoped by user: a query searches only its
 * own user's memories, as the co-pilot does. trainingTexts = training memories'
 * texts and training queries.
 */
export function generateCopilotMemories(options: CopilotMemoryOptions = {}): CopilotMemoryDataset {
  const seed = options.seed ?? DEFAULT_DATASET_SEED;
  const userCount = options.users ?? 8;
  const topicProbability = options.topicProbability ?? 0.85;
  const evalFraction = options.evalFraction ?? 0.5;
  checkOption(Number.isInteger(userCount) && userCount >= 1 && userCount <= 999, 'users', 'an integer in [1, 999]', userCount);
  checkOption(topicProbability > 0 && topicProbability <= 1, 'topicProbability', 'in (0, 1]', topicProbability);
  checkOption(evalFraction > 0 && evalFraction < 1, 'evalFraction', 'in (0, 1)', evalFraction);

  const root = createRng(seed).fork('copilot-memories');
  const users: UserProfile[] = [];
  const drafts: MemoryDraft[] = [];
  for (let n = 1; n <= userCount; n++) {
    const userRng = root.fork(`user-${n}`);
    const user = makeUser(`u${String(n).padStart(2, '0')}`, userRng);
    users.push(user);
    for (const topic of MEMORY_TOPICS) {
      if (topic.applies && !topic.applies(user)) continue;
      if (userRng.next() >= topicProbability) continue;
      drafts.push(draftMemory(topic, user, userRng.fork(topic.key)));
    }
  }

  const order = root.fork('memory-split').shuffle(drafts.map((_, i) => i));
  const evalMemory = new Set(order.slice(0, Math.round(evalFraction * drafts.length)));
  const templateSplit = splitQueryTemplates(root.fork('template-split'));
  const memories: GeneratedMemory[] = drafts.map((draft, i) => {
    const split = evalMemory.has(i) ? 'eval' : 'train';
    const templates = (templateSplit.get(draft.topic) as { train: number[]; eval: number[] })[split];
    const { source, slots, rng, ...memory } = draft;
    return { ...memory, queries: writeQueries(source, templates, slots, rng), split };
  });

  const corpus: CorpusDocument[] = memories.map((memory) => ({ id: memory.id, text: memory.text, scope: memory.userId }));
  const queries: RetrievalQuery[] = [];
  const evalQueryKeys = new Set<string>();
  for (const memory of memories) {
    if (memory.split !== 'eval') continue;
    for (const query of memory.queries) {
      queries.push({ query, relevantIds: [memory.id], scope: memory.userId });
      evalQueryKeys.add(queryKey(query));
    }
  }
  const trainingPairs: TrainingPair[] = [];
  const trainingTexts = new Set<string>();
  for (const memory of memories) {
    if (memory.split !== 'train') continue;
    trainingTexts.add(memory.text);
    for (const query of memory.queries) {
      // Disjoint templates make this rare; it guards against two templates filling to the same words.
      if (evalQueryKeys.has(queryKey(query))) continue;
      trainingPairs.push({ query, positive: memory.text, positiveId: memory.id });
      trainingTexts.add(query);
    }
  }
  return { name: 'copilot-memories', seed, corpus, queries, trainingPairs, trainingTexts: [...trainingTexts], memories, users };
}

function makeUser(userId: string, rng: Rng): UserProfile {
  const relationship = pick(rng, ['single', 'engaged', 'married', 'married'] as const);
  return {
    userId,
    employer: pick(rng, EMPLOYERS),
    bank: pick(rng, BANKS),
    housing: rng.next() < 0.55 ? 'rent' : 'own',
    relationship,
    partner: pick(rng, FIRST_NAMES),
    hasChild: rng.next() < 0.5,
    child: pick(rng, FIRST_NAMES),
    childAge: 1 + rng.int(17),
  };
}

interface MemoryDraft extends Omit<GeneratedMemory, 'split' | 'queries'> {
  readonly source: MemoryTopic;
  readonly slots: Record<string, string>;
  /** The memory's own stream, continued when its queries are written. */
  readonly rng: Rng;
}

function draftMemory(topic: MemoryTopic, user: UserProfile, rng: Rng): MemoryDraft {
  const slots = topic.slots(rng, user);
  const text = fillTemplate(pick(rng, topic.statements), slots, rng);
  return { id: `${user.userId}/${topic.key}`, userId: user.userId, kind: topic.kind, topic: topic.key, text, source: topic, slots, rng };
}

/**
 * Per topic, the query templates are shuffled once (the same for every user);
 * the last TRAIN_TEMPLATES word training queries, the others evaluation queries.
 */
function splitQueryTemplates(rng: Rng): Map<string, { train: number[]; eval: number[] }> {
  const split = new Map<string, { train: number[]; eval: number[] }>();
  for (const topic of MEMORY_TOPICS) {
    const order = rng.fork(topic.key).shuffle(topic.queries.map((_, i) => i));
    const cut = order.length - TRAIN_TEMPLATES;
    split.set(topic.key, { eval: order.slice(0, cut), train: order.slice(cut) });
  }
  return split;
}

/** 1 to min(3, templates) queries, each from a different template. */
function writeQueries(topic: MemoryTopic, templates: readonly number[], slots: Record<string, string>, rng: Rng): string[] {
  const count = 1 + rng.int(Math.min(3, templates.length));
  const queries: string[] = [];
  for (const pickIndex of rng.sampleWithoutReplacement(templates.length, count)) {
    const query = fillTemplate(topic.queries[templates[pickIndex]], slots, rng);
    if (!queries.includes(query)) queries.push(query);
  }
  return queries;
}

function queryKey(query: string): string {
  return query.toLowerCase().replace(/\s+/g, ' ').trim();
}

function checkOption(ok: boolean, parameter: string, expected: string, value: number): void {
  if (!ok) throw new DataError('INVALID_ARGUMENT', `${parameter}: must be ${expected}, got ${value}`, { parameter });
}
