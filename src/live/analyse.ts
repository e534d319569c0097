// The statements step of a live update: each article is analysed on its own once (analyseArticle,
// the same per-article step as the statements cache, src/statements/cache.ts), kept in memory by
// article object, and the analyses are merged across articles (mergeAnalyses, linear). An update
// re-analyses only the articles it re-read; unchanged articles keep their objects and analyses.
import { analyseArticle, type ArticleAnalysis } from '../statements/analyseArticle.js';
import { mergeAnalyses, type AnalysedCoverage } from '../statements/analyseStatements.js';
import type { Article } from '../types.js';

export type AnalyseCoverage = ((articles: Article[]) => AnalysedCoverage) & {
  /**
   * Analyses already made (e.g. read from the statements cache at start), kept for these articles;
   * with `merged`, their merge too, returned as it is while the articles are these, in this order.
   */
  remember?(articles: readonly Article[], analyses: readonly ArticleAnalysis[], merged?: AnalysedCoverage | null): void;
};

/** An analyser that remembers each article's analysis, so the next call analyses only new articles. */
export function perArticleAnalyser(): AnalyseCoverage {
  const analysed = new WeakMap<Article, ArticleAnalysis>();
  let known: { articles: readonly Article[]; merged: AnalysedCoverage } | null = null;
  const analyse: AnalyseCoverage = (articles) => {
    const same = known && known.articles.length === articles.length && articles.every((article, i) => article === known!.articles[i]);
    if (same) return known!.merged;
    known = null;
    return mergeAnalyses(
      articles,
      articles.map((article) => {
        let analysis = analysed.get(article);
        if (!analysis) analysed.set(article, (analysis = analyseArticle(article)));
        return analysis;
      }),
    );
  };
  analyse.remember = (articles, analyses, merged) => {
    articles.forEach((article, i) => analysed.set(article, analyses[i]!));
    known = merged ? { articles: [...articles], merged } : null;
  };
  return analyse;
}
