// Which files in a coverage folder the live watcher reacts to: the loader's articles, and sidecars.
export { isArticleFile } from './loadArticles.js';

/** `<name>.json` beside an article sets its title, url, source, date (see loadArticles). */
export function isSidecarFile(name: string): boolean {
  return name.endsWith('.json');
}
