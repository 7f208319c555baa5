import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { denseMatrix } from './dense-matrix';
import { IsolationForest } from './isolation-forest';

/** ROC-AUC as the Mann-Whitney U statistic with average ranks for ties (local: the shared metric lives elsewhere). */
function rocAucMannWhitney(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = scores.length - positives;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

describe('rocAucMannWhitney (test helper)', () => {
  it('is 1 for a perfect ranking, 0.5 for ties, and counts half for tied pairs', () => {
    expect(rocAucMannWhitney([0.1, 0.2, 0.9], [0, 0, 1])).toBe(1);
    expect(rocAucMannWhitney([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(rocAucMannWhitney([0.1, 0.5, 0.5, 0.9], [0, 1, 0, 1])).toBe(0.875);
  });
});

describe('IsolationForest on the ODDS shuttle benchmark', () => {
  it('reaches ROC-AUC >= 0.99 with default params, seed 0', () => {
    const text = readFileSync(join(__dirname, '../../../../data/anomaly/shuttle_odds_style.csv'), 'utf8');
    const lines = text.trim().split('\n');
    const header = lines[0].split(',').map((name) => name.replace(/"/g, '').trim());
    const featureColumns = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9'].map((name) => header.indexOf(name));
    const labelColumn = header.indexOf('outlier');
    expect(featureColumns.every((c) => c >= 0) && labelColumn >= 0).toBe(true);

    const rows: number[][] = [];
    const labels: number[] = [];
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      rows.push(featureColumns.map((c) => Number(cells[c])));
      labels.push(Number(cells[labelColumn]));
    }
    const X = denseMatrix(rows);
    expect(X.rows).toBeGreaterThan(40000);

    const scores = new IsolationForest({ seed: 0 }).fit(X).scoreSamples(X);
    // scoreSamples is high for normal points; negate it so that outliers rank high.
    const auc = rocAucMannWhitney(Array.from(scores, (s) => -s), labels);
    expect(auc).toBeGreaterThanOrEqual(0.99);
  });
});
