// Which files in a coverage folder are articles: the loader lists these, the live watcher reacts to these.
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt'];

export function isArticleFile(name: string): boolean {
  return ARTICLE_EXTENSIONS.some((extension) => name.endsWith(extension));
}

/** `<name>.json` beside an article sets its title, url, source, date (see loadArticles). */
export function isSidecarFile(name: string): boolean {
  return name.endsWith('.json');
}
