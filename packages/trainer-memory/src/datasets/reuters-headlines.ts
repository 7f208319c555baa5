import { createRng, DataError, readCsvRecords } from '@tethys/data';
import type { CorpusDocument, RetrievalQuery } from '../evaluation/retrieval-types';
import { requireColumns } from './csv-columns';
import { DEFAULT_DATASET_SEED, type RetrievalDataset, type TrainingPair } from './dataset-types';
import { normalizeWhitespace, splitSentences } from './text';
import { defaultTextDataFile } from './workspace-paths';

export interface ReutersArticle {
  readonly id: string;
  readonly topic: string;
  readonly headline: string;
  /** Body with line breaks collapsed and the trailing "Reuter" sign-off removed. */
  readonly body: string;
  readonly split: 'train' | 'eval';
}

export interface ReutersHeadlineOptions {
  /** Defaults to data/text/reuters_acq_crude.csv in the workspace. */
  readonly file?: string;
  readonly seed?: number;
  /** Sentences of the body used as the positive of a training pair (default 2). */
  readonly leadSentences?: number;
}

export interface ReutersHeadlineDataset extends RetrievalDataset {
  readonly articles: readonly ReutersArticle[];
}

/** Words of the body opening that mark two articles as versions of one story. */
const OPENING_WORDS = 12;

/**
 * Headline -> article retrieval over the Reuters acq/crude sample.
 *
 * Split (seeded, `seed` forked as "reuters-split"): articles are first grouped
 * into stories, joining articles that share a headline or the first 12 words of
 * their body (the file holds re-filed versions of the same story). Stories are
 * shuffled and assigned to the training half until it holds at least half the
 * articles; the rest are the evaluation half. So no story is on both sides.
 *
 * - corpus: all article bodies (train-half bodies stay in as distractors);
 * - queries: each distinct headline of an evaluation-half story, relevant ids =
 *   every article of that story;
 * - trainingPairs: (headline, first `leadSentences` body sentences) of each
 *   training-half article;
 * - trainingTexts: training-half headlines and body sentences.
 */
export function loadReutersHeadlines(options: ReutersHeadlineOptions = {}): ReutersHeadlineDataset {
  const file = options.file ?? defaultTextDataFile('reuters_acq_crude.csv');
  const seed = options.seed ?? DEFAULT_DATASET_SEED;
  const leadSentences = options.leadSentences ?? 2;
  if (!Number.isInteger(leadSentences) || leadSentences < 1) {
    throw new DataError('INVALID_ARGUMENT', `leadSentences: must be a positive integer, got ${leadSentences}`, {
      parameter: 'leadSentences',
    });
  }

  const raw = readArticles(file);
  const stories = groupStories(raw);
  const rng = createRng(seed).fork('reuters-split');
  const order = rng.shuffle(stories.map((_, i) => i));
  const trainStory = new Set<number>();
  let trainArticles = 0;
  for (const story of order) {
    if (trainArticles >= raw.length / 2) break;
    trainStory.add(story);
    trainArticles += stories[story].length;
  }

  const storyOf = new Map<number, number>();
  stories.forEach((members, story) => members.forEach((member) => storyOf.set(member, story)));
  const articles: ReutersArticle[] = raw.map((article, i) => ({
    ...article,
    split: trainStory.has(storyOf.get(i) as number) ? 'train' : 'eval',
  }));

  const corpus: CorpusDocument[] = articles.map((article) => ({ id: article.id, text: article.body }));
  const queries: RetrievalQuery[] = [];
  const askedHeadlines = new Set<string>();
  articles.forEach((article, i) => {
    if (article.split !== 'eval' || askedHeadlines.has(article.headline)) return;
    askedHeadlines.add(article.headline);
    const story = stories[storyOf.get(i) as number];
    queries.push({ query: article.headline, relevantIds: story.map((member) => articles[member].id) });
  });

  const trainingPairs: TrainingPair[] = [];
  const trainingTexts = new Set<string>();
  for (const article of articles) {
    if (article.split !== 'train') continue;
    const sentences = splitSentences(article.body);
    trainingPairs.push({ query: article.headline, positive: sentences.slice(0, leadSentences).join(' '), positiveId: article.id });
    trainingTexts.add(article.headline);
    for (const sentence of sentences) trainingTexts.add(sentence);
  }
  return { name: 'reuters-headlines', seed, corpus, queries, trainingPairs, trainingTexts: [...trainingTexts], articles };
}

type RawArticle = Omit<ReutersArticle, 'split'>;

function readArticles(file: string): RawArticle[] {
  const records = readCsvRecords(file);
  const column = requireColumns(records, ['id', 'topic', 'heading', 'text'], file);
  const seen = new Map<string, number>();
  return records.rows.map((row, i) => {
    const id = row[column.id].trim();
    const headline = normalizeWhitespace(row[column.heading]);
    const body = normalizeWhitespace(row[column.text]).replace(/\s*\bREUTER\b\W*$/i, '');
    const where = (name: string) => ({ file, row: i + 1, column: name });
    if (id === '') throw new DataError('MISSING_VALUE', 'empty article id', where('id'));
    if (seen.has(id)) throw new DataError('INVALID_VALUE', `duplicate id ${id} (first on row ${seen.get(id)})`, where('id'));
    if (headline === '') throw new DataError('MISSING_VALUE', 'empty headline', where('heading'));
    if (body === '') throw new DataError('MISSING_VALUE', 'empty article text', where('text'));
    seen.set(id, i + 1);
    return { id, topic: row[column.topic].trim(), headline, body };
  });
}

/** Connected groups of articles sharing a headline or a body opening (union-find), in file order. */
function groupStories(articles: readonly RawArticle[]): number[][] {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const firstWithKey = new Map<string, number>();
  articles.forEach((article, i) => {
    const opening = article.body.toLowerCase().split(' ').slice(0, OPENING_WORDS).join(' ');
    for (const key of [`h:${article.headline}`, `b:${opening}`]) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, i);
      else parent[find(i)] = find(first);
    }
  });
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}
