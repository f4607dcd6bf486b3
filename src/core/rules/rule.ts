import type { Article } from '../article.ts';
import type { RemovalCategory } from '../types.ts';

/** One cleaning rule: looks at the article's kept blocks and removes some, saying why. */
export interface Rule {
  /** Stable id, reported as Removal.reason. */
  readonly id: string;
  readonly category: RemovalCategory;
  apply(article: Article): void;
}
